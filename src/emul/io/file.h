/* File objects: host files, the standard streams, \Device\Null. */
#ifndef LSW_FILE_H
#define LSW_FILE_H

#include <sys/types.h>
#include "emul/object/object.h"

struct io_queue;
struct lsw_socket;

enum file_kind {
	FILE_KIND_DISK,     /* a regular host file: positioned I/O */
	FILE_KIND_DIR,
	FILE_KIND_STREAM,   /* one of lsw's own stdin/stdout/stderr */
	FILE_KIND_NULL,     /* \Device\Null */
	FILE_KIND_KSEC,     /* a device of I/O controls only (device_ioctl.c): \Device\CNG
			     * (IOCTL_KSEC_RNG), \Device\MountPointManager, \Device\Mailslot */
	FILE_KIND_PIPE,     /* an end of a named pipe, or their file system (pipe_named.h) */
	FILE_KIND_MAILSLOT, /* an end of a mailslot (mailslot.h) */
};

/* How a STREAM's I/O avoids blocking (file_stream.c). */
enum stream_mode {
	STREAM_PLAIN,       /* a regular file: always ready */
	STREAM_OWN,         /* a description of its own, O_NONBLOCK */
	STREAM_SOCKET,      /* MSG_DONTWAIT */
	STREAM_POLLED,      /* poll first, then small writes */
};

/* FILE_DEVICE_* for FileFsDeviceInformation */
#define FILE_DEVICE_DISK 0x07
#define FILE_DEVICE_NAMED_PIPE 0x11
#define FILE_DEVICE_NULL 0x15
#define FILE_DEVICE_KSEC 0x39
#define FILE_DEVICE_MAILSLOT 0x0c
#define FILE_DEVICE_MOUNTMGR 0x6d
#define FILE_DEVICE_CONSOLE 0x50

struct file_object {
	struct nt_object hdr;
	enum file_kind kind;
	int fd;
	uint32_t device_type;   /* FILE_DEVICE_* */
	uint32_t access, options;
	uint64_t pos;           /* current byte offset of DISK files */
	bool tty;               /* the stream is a terminal */
	bool console_input;     /* CONIN$ or the standard input: SetConsoleMode
				 * takes input modes for it (console_ioctl.c) */
	bool delete_on_close;   /* FILE_DELETE_ON_CLOSE: closing it deletes (file_delete.c) */
	bool delete_pending;    /* it holds its file's delete disposition (file_delete.c) */
	bool read_only;         /* opened through a read-only mapping */
	bool direct_seen;       /* a one-copy-sized transfer was made (file_direct.c) */
	dev_t dev;              /* identity of DISK files, for share modes and */
	ino_t ino;              /* byte-range locks */
	char *name_utf8;        /* host path or a description, for messages */
	char *nt_name;          /* the name it was opened by (UTF-8), for traces */
	struct dir_scan *scan;  /* DIR: NtQueryDirectoryFile's state (file_dir.c) */
	struct dir_notify *notify; /* DIR: its change watch (dir_notify.c) */
	/* STREAM (file_stream.c): how it is kept from blocking, the calls
	 * waiting for it in each direction, what epoll watches for them */
	uint8_t stream_mode;
	struct stream_op *readers, *writers;
	uint32_t watched;
	struct pipe_end *pipe;  /* an anonymous pipe's server end (pipe.c) */
	struct np_end *np;      /* PIPE: its end of a named pipe (pipe_named.c) */
	struct mailslot *mailslot; /* MAILSLOT: its slot (referenced) and which end */
	struct lsw_socket *sock; /* a socket (net/socket.h): what the supervisor keeps of it */
	bool mailslot_server;
	/* its completion port (file_completion.c): the queue (referenced),
	 * the key its packets carry, FILE_SKIP_* modes */
	struct io_queue *completion;
	uint64_t completion_key;
	uint32_t completion_flags;
	struct file_object *live_prev, *live_next; /* every live file object */
	struct lsw_host *host;
	const struct path_view *view; /* the drives it was opened through */
};

extern const struct nt_object_ops file_ops;

/* NtDuplicateObject's access for a duplicate of obj asking for desired
 * when its source holds granted: *out, the generic bits mapped, for a
 * disk file or directory; STATUS_ACCESS_DENIED when it asks for more than
 * granted (file_dup.c).  Other objects: desired, unchanged. */
NTSTATUS file_dup_access(const struct nt_object *obj, uint32_t desired, uint32_t granted,
			 uint32_t *out);

/* Opened with FILE_SYNCHRONOUS_IO_ALERT or _NONALERT: its I/O completes in
 * the call and uses the file position; other handles are asynchronous. */
static inline bool file_is_synchronous(const struct file_object *f)
{
	return (f->options & 0x30u) != 0;
}

struct file_object *get_file(struct nt_call *c, uint64_t h, NTSTATUS *st);
/* FILE_OPEN_BY_FILE_ID: the NT name of the file whose id the
 * OBJECT_ATTRIBUTES' 8-byte name holds, found below its RootDirectory
 * (file_by_id.c).  STATUS_INVALID_PARAMETER for an id not found. */
NTSTATUS file_id_name(struct nt_call *c, uint64_t oa, uint16_t **name, size_t *n);
/* The mount manager's I/O control code (mount_manager.c): *done the
 * bytes written. */
NTSTATUS mount_manager_control(struct nt_call *c, struct file_object *f, uint32_t code,
			       uint64_t *done);
/* NtFsControlFile on a DISK or DIR file (file_fsctl.c). */
NTSTATUS disk_fsctl(struct nt_call *c, struct file_object *f, uint32_t code);
/* console_ioctl.c: a device control on a console; *done bytes written. */
NTSTATUS console_control(struct nt_call *c, struct file_object *f, uint32_t code, uint64_t *done);
struct path_result;
/* A name relative to the directory (or, empty, the file) open as handle
 * root made whole: *name (heap, n units) is replaced by the full NT name. */
NTSTATUS file_relative_name(struct nt_call *c, uint64_t root, uint16_t **name, size_t *n);
/* Resolves an OBJECT_ATTRIBUTES' name to a host path. */
NTSTATUS file_resolve_attributes(struct nt_call *c, uint64_t oa, struct path_result *pr);
/* Opens (O_PATH, checked) the directory holding a DISK or DIR file's name,
 * if that name still is this file (same device and inode); *base is the
 * last component, for unlinkat and renameat.  -1 with errno otherwise. */
int file_parent_at(const struct file_object *f, const char **base);
/* The host's live file objects, for what a rename through one handle
 * means for the others: for (f = file_first_live(h); f; f = f->live_next). */
struct file_object *file_first_live(struct lsw_host *h);
/* file_security.c: where a file's security descriptor is kept (the
 * file's, a pipe's, or the handle's own). */
struct object_sd *file_security(struct nt_object *obj, NTSTATUS *st);
/* errno -> NTSTATUS, in one place. */
NTSTATUS errno_to_status(int e);

/* file_stream.c: a file object of process p over one of the supervisor's
 * own stdio fds (or the terminal), and its reads and writes, which never
 * block. */
struct file_object *file_from_stdio(struct lsw_process *p, int fd, uint32_t access);
NTSTATUS stream_read(struct nt_call *c, struct file_object *f);
NTSTATUS stream_write(struct nt_call *c, struct file_object *f);
/* Whether a write of len bytes to stream f ends in its call (nothing
 * queued before it, a stream that takes all of it or none): the fast
 * channel may serve it. */
bool stream_writes_at_once(const struct file_object *f, uint64_t len);
/* Completes NtReadFile c with the n bytes read into buf (0: end of data,
 * status by kind; -1: errno). */
NTSTATUS file_read_done(struct nt_call *c, struct file_object *f, const char *buf, ssize_t n);
/* A new file object opened by process p (its host's, through its job's
 * drives), holding fd. */
struct file_object *file_new(struct lsw_process *p, enum file_kind kind, int fd,
			     const char *name);

/* file_stream.c: ends the stream's calls in flight whose IO_STATUS_BLOCK
 * is iosb (0: all) with STATUS_CANCELLED; how many there were. */
unsigned stream_cancel(struct file_object *f, uint64_t iosb);

/* file_completion.c: the Event, completion port and APC of an I/O (see
 * there), and the FileCompletionInformation classes of
 * NtSetInformationFile. */
NTSTATUS file_io_begin(struct nt_call *c, struct file_object *f);
NTSTATUS file_io_end(struct nt_call *c, struct file_object *f, NTSTATUS st, bool pended);
NTSTATUS file_io_fail_pended(struct nt_call *c, struct file_object *f, NTSTATUS st);
NTSTATUS file_set_completion_info(struct nt_call *c, struct file_object *f, uint32_t cls);
/* file_pipe_mode.c: FilePipeInformation of host and anonymous pipes. */
NTSTATUS file_pipe_mode_query(struct nt_call *c, const struct file_object *f);
NTSTATUS file_pipe_mode_set(struct nt_call *c, const struct file_object *f);

/* file_delete.c: the file's delete disposition, shared by its handles:
 * is (dev, ino) waiting for its last close to be deleted; sets or
 * clears it through f; deletes at f's close if f's is the last. */
bool file_delete_pending(struct lsw_host *h, dev_t dev, ino_t ino);
void file_set_disposition(struct file_object *f, bool del);
void file_delete_at_close(struct file_object *f);

/* file_dir.c: frees a directory handle's enumeration state. */
void dir_scan_free(struct dir_scan *s);

#endif
