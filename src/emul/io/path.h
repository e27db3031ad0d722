/* NT object names to host paths: drives, the System32 overlay, devices. */
#ifndef LSW_PATH_H
#define LSW_PATH_H

#include <stddef.h>
#include <stdint.h>
#include "emul/emul.h"

enum path_target {
	PATH_HOST,        /* host_path is set */
	PATH_NULL_DEVICE, /* \Device\Null, NUL */
	PATH_CONIN,       /* CONIN$ */
	PATH_CONOUT,      /* CONOUT$ */
	PATH_CON,         /* CON: CONIN$ when opened for reading, else CONOUT$ */
	PATH_AFD_DEVICE,  /* \Device\Afd: a new socket (net/socket.c) */
	PATH_KSEC_DEVICE, /* \Device\CNG, \Device\KsecDD: random bytes (device_ioctl.c) */
	PATH_MOUNT_MANAGER, /* \Device\MountPointManager (mount_manager.c) */
	PATH_ABOVE,       /* a directory on Z: that holds an allowed root ("Z:\",
			   * "Z:\home"): it exists, but nothing of the host in it
			   * is shown; it opens without a host fd (file.c) */
};

struct path_result {
	enum path_target target;
	char host_path[4096]; /* PATH_ABOVE: only to list it (path_above_names) */
	bool read_only;       /* the mapping forbids writes */
	bool system_dll;      /* one of lsw's DLLs in System32: read_only, but
			       * without the READONLY attribute, as Windows'
			       * system files (their ACL protects them) */
	bool exists;          /* the last component exists */
	bool dir_only;        /* the name ended in a separator (not a drive's
			       * root): only a directory answers to it */
};

/* The drives one job sees: C: (the prefix's drive_c, our DLLs in its
 * Windows\System32), Z: (the host root filtered to the allowed subtrees:
 * cwd, the program's directory, --map /dir) and the --map D:=/dir drives.
 * NULL: no memory. */
struct path_view;
struct path_view *path_view_new(const char *prefix, const char *dll_dir,
			       const struct lsw_job_spec *spec);
void path_view_free(struct path_view *v);
/* The resolution of host (into real, PATH_MAX) if it is the job's program
 * the view resolved when it was made (the same request: its first
 * process's image), so it is not walked again; false otherwise. */
bool path_view_program_real(const struct path_view *v, const char *host, char *real);
/* The view of the job t's process runs in. */
static inline const struct path_view *thread_view(const struct lsw_thread *t)
{
	return t->process->job->view;
}
/* Bit n set: drive 'A'+n exists (GetLogicalDrives). */
uint32_t path_drive_mask(const struct path_view *v);
/* Resolves an NT path (UTF-16, nchars long).  Returns STATUS_SUCCESS, or
 * OBJECT_PATH_NOT_FOUND / OBJECT_NAME_INVALID / OBJECT_PATH_SYNTAX_BAD. */
NTSTATUS path_resolve(const struct path_view *v, const uint16_t *name, size_t nchars,
		      struct path_result *out);
/* Calls add(ctx, name, len) for each name that follows the directory
 * above (a PATH_ABOVE result's host_path) in the allowed roots below it
 * and in the ways the user named them: all that such a directory shows.
 * A name may come more than once.  Stops when add returns false, and then
 * returns false. */
bool path_above_names(const struct path_view *v, const char *above,
		      bool (*add)(void *ctx, const char *name, size_t len), void *ctx);
/* True when host is a drive root, an allowed root, or a directory above
 * one: deleting or moving it would change what lies outside the sandbox
 * (or turn a read-only mapping into a writable one).  Everything is, for
 * no view. */
bool path_protected(const struct path_view *v, const char *host);
/* Checks an fd just opened from a path_resolve result on what it really
 * is (/proc/self/fd): path_resolve checks names, and a host process may
 * swap a directory for a symlink between that check and open().  True when
 * the file lies where the program may reach it, and may write if writing. */
bool path_fd_reachable(const struct path_view *v, int fd, bool writing);
/* Opens (O_PATH) the directory holding host's last component, checked
 * with path_fd_reachable; *base is that component, for openat, mkdirat and
 * unlinkat: what they touch is then inside the checked directory, whatever
 * a host process renames meanwhile.  -1 with errno (EACCES: outside). */
int path_open_parent(const struct path_view *v, const char *host, bool writing,
		     const char **base);
/* Host absolute path -> a Windows DOS path: on a --map D: drive if one
 * holds it ("D:\a.exe"), else on Z: ("Z:\home\x\a.exe"). */
void path_host_to_dos(const struct path_view *v, const char *host, char *out, size_t outlen);
/* UTF-16 -> UTF-8 (lone surrogates become U+FFFD). */
size_t utf16_to_utf8(const uint16_t *s, size_t n, char *out, size_t outlen);
/* UTF-8 -> UTF-16; returns the number of UTF-16 units written. */
size_t utf8_to_utf16(const char *s, uint16_t *out, size_t outlen);

#endif
