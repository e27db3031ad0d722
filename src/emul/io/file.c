/*
 * File objects and their NT calls.  The full Windows file semantics (share
 * modes, dispositions, directories, attributes) grow here; lsw's own
 * stdin, stdout and stderr are streams (file_stream.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "emul/io/dir_notify.h"
#include "emul/io/file.h"
#include "emul/io/volume_device.h"
#include "emul/io/pipe.h"
#include "emul/io/pipe_named.h"
#include "emul/io/file_access.h"
#include "emul/io/file_attrs.h"
#include "emul/io/file_direct.h"
#include "emul/io/path.h"
#include "emul/io/file_lock.h"
#include "emul/io/mailslot.h"
#include "emul/io/io_completion.h"
#include "emul/io/share.h"
#include "emul/io/volume_ids.h"
#include "emul/net/socket.h"
#include "emul/memory/memory.h"
#include "emul/memory/write_watch.h"
#include "emul/memory/section.h"
#include "emul/object/object_names.h"

#define FILE_SUPERSEDE 0
#define FILE_OPEN 1
#define FILE_CREATE 2
#define FILE_OPEN_IF 3
#define FILE_OVERWRITE 4
#define FILE_OVERWRITE_IF 5

#define FILE_DIRECTORY_FILE 0x1
#define FILE_NON_DIRECTORY_FILE 0x40
#define FILE_OPEN_BY_FILE_ID 0x2000
#define FILE_DELETE_ON_CLOSE 0x1000
#define FILE_SHARE_ALL 7

#define FILE_SUPERSEDED 0
#define FILE_OPENED 1
#define FILE_CREATED 2
#define FILE_OVERWRITTEN 3

#define CHUNK 65536

int file_parent_at(const struct file_object *f, const char **base)
{
	struct stat st;
	int dirfd;

	if (!f->name_utf8 || (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)) {
		errno = EINVAL;
		return -1;
	}
	if ((dirfd = path_open_parent(f->view, f->name_utf8, true, base)) < 0)
		return -1;
	if (fstatat(dirfd, *base, &st, AT_SYMLINK_NOFOLLOW) < 0 || st.st_dev != f->dev ||
	    st.st_ino != f->ino) {
		close(dirfd);
		errno = ENOENT; /* the name now holds another file, or none */
		return -1;
	}
	return dirfd;
}

struct file_object *file_first_live(struct lsw_host *h)
{
	return h->files.live;
}

static void file_destroy(struct nt_object *obj)
{
	struct file_object *f = (struct file_object *)obj;

	dir_notify_free(f->notify);
	if (f->fd >= 0) {
		loop_unwatch(&f->host->loop, f->fd);
		close(f->fd);
		f->fd = -1; /* no longer one of the file's openers */
	}
	file_delete_at_close(f);
	dir_scan_free(f->scan);
	pipe_end_free(f->pipe);
	np_end_close(f->np);
	mailslot_end_close(f);
	socket_free(f->sock);
	if (f->live_prev)
		f->live_prev->live_next = f->live_next;
	else
		f->host->files.live = f->live_next;
	if (f->live_next)
		f->live_next->live_prev = f->live_prev;
	share_forget(f);
	lock_release_all(f);
	io_queue_unref(f->completion);
	free(f->name_utf8);
	free(f->nt_name);
	free(f);
}

static void file_describe(struct nt_object *obj, char *buf, size_t len)
{
	struct file_object *f = (struct file_object *)obj;

	snprintf(buf, len, "%s", f->nt_name ? f->nt_name : f->name_utf8);
}

/* A named pipe's end can be waited on: it is set when its I/O ends; a
 * watched directory, when a notify call without an event ends; a socket,
 * when its overlapped I/O ends. */
static struct waitable *file_waitable(struct nt_object *obj)
{
	struct file_object *f = (struct file_object *)obj;

	return f->notify ? dir_notify_waitable(f) : sock_of(f) ? sock_waitable(f) : np_waitable(f);
}

/* NtQueryObject's name of a file: its path on lsw's volume device. */
static size_t file_device_name(struct nt_object *obj, uint16_t *out, size_t room)
{
	static const char null_device[] = "\\Device\\Null";
	struct file_object *f = (struct file_object *)obj;
	size_t n = 0;

	if (f->kind == FILE_KIND_NULL) {
		for (; null_device[n] && n < room; n++)
			out[n] = (uint16_t)null_device[n];
		return n;
	}
	if (f->kind == FILE_KIND_PIPE && f->np)
		return np_device_name(f, out, room);
	if (f->pipe) /* an anonymous pipe's end: no name (ntdll's pipe tests) */
		return DEVICE_NAME_INVALID;
	/* a mailslot's end, \Device\CNG, the mount manager: their device
	 * name is the one they were made with */
	if ((f->kind == FILE_KIND_MAILSLOT || f->kind == FILE_KIND_KSEC) && f->name_utf8 &&
	    !strncmp(f->name_utf8, "\\Device\\", 8))
		return utf8_to_utf16(f->name_utf8, out, room);
	if ((f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR) || !f->nt_name)
		return 0;
	return volume_device_path(f->nt_name, out, room);
}

const struct nt_object_ops file_ops = {
	.type_name = "File",
	.destroy = file_destroy,
	.describe = file_describe,
	.waitable = file_waitable,
	.device_name = file_device_name,
	.security = file_security,
};

struct file_object *file_new(struct lsw_process *p, enum file_kind kind, int fd,
			     const char *name)
{
	struct file_object *f = calloc(1, sizeof(*f));
	struct host_files *files = &p->host->files;

	if (!f)
		return NULL;
	object_init(&f->hdr, &file_ops);
	f->host = p->host;
	f->view = p->job ? p->job->view : NULL;
	f->kind = kind;
	f->fd = fd;
	f->name_utf8 = strdup(name ? name : "");
	f->device_type = kind == FILE_KIND_NULL ? FILE_DEVICE_NULL
			 : kind == FILE_KIND_KSEC ? FILE_DEVICE_KSEC : FILE_DEVICE_DISK;
	f->live_next = files->live;
	if (files->live)
		files->live->live_prev = f;
	files->live = f;
	return f;
}

/* The console is the terminal lsw runs in, even when lsw's standard
 * handles are redirected: CONOUT$ is the screen, not stdout.  Without a
 * controlling terminal, the process's stdin (std 0) or stdout (1) stand in. */
static int console_fd(const struct lsw_process *p, int std)
{
	const struct lsw_job_spec *js = &p->job->spec;

	return js->has_console ? js->console_fd : p->std_fds[std];
}

struct file_object *get_file(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	if (h == NT_CURRENT_PROCESS_HANDLE || h == NT_CURRENT_THREAD_HANDLE) {
		*st = LSW_STATUS_OBJECT_TYPE_MISMATCH; /* a process, a thread: no file */
		return NULL;
	}
	return (struct file_object *)handle_get(c->thread->process, h, &file_ops, st);
}

/* ByteOffset: NULL or -2 (FILE_USE_FILE_POINTER_POSITION) mean "current
 * position"; -1 (FILE_WRITE_TO_END_OF_FILE) means append.  Read once per
 * call, with the status of reading it, which each check gives in turn. */
struct byte_offset {
	int64_t off;
	NTSTATUS st;
};

static NTSTATUS read_offset(struct nt_call *c, uint64_t ptr, int64_t *off)
{
	*off = -2;
	if (ptr && tracee_read(c->thread, ptr, off, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return *off < -2 ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

static ssize_t host_write(struct file_object *f, const void *buf, size_t len, int64_t off)
{
	if (f->kind == FILE_KIND_NULL)
		return (ssize_t)len;
	if (f->kind != FILE_KIND_DISK)
		return write(f->fd, buf, len);
	if (off == -1) {
		struct stat st;
		if (fstat(f->fd, &st) < 0)
			return -1;
		off = st.st_size;
	} else if (off < 0) {
		off = (int64_t)f->pos;
	}
	ssize_t n = pwrite(f->fd, buf, len, off);
	if (n > 0)
		f->pos = (uint64_t)off + (uint64_t)n;
	return n;
}

NTSTATUS errno_to_status(int e)
{
	switch (e) {
	case ENOENT: return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	case ENOTDIR: return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	case EACCES:
	case EPERM:
	case EROFS:
	/* overlayfs cannot copy up a file whose owner the user namespace
	 * does not map: the user may not change it */
	case EOVERFLOW: return LSW_STATUS_ACCESS_DENIED;
	case EEXIST: return LSW_STATUS_OBJECT_NAME_COLLISION;
	case EISDIR: return LSW_STATUS_FILE_IS_A_DIRECTORY;
	case ENOSPC: return LSW_STATUS_DISK_FULL;
	case ENOMEM: return LSW_STATUS_NO_MEMORY;
	case EMFILE:
	case ENFILE: return LSW_STATUS_TOO_MANY_OPENED_FILES;
	case EPIPE: return LSW_STATUS_PIPE_BROKEN;
	case ENAMETOOLONG: return LSW_STATUS_NAME_TOO_LONG;
	case ENOTEMPTY: return LSW_STATUS_DIRECTORY_NOT_EMPTY;
	/* an unprivileged --overlay cannot rename a directory it did not make */
	case EXDEV: return LSW_STATUS_NOT_SAME_DEVICE;
	}
	return LSW_STATUS_UNSUCCESSFUL;
}

/* Where a write lands: the end of the file for -1, and for a handle that
 * may only append (FILE_APPEND_DATA without FILE_WRITE_DATA: Windows
 * ignores its offset and pointer, as Wine's ntdll/file.c append_file_test
 * checks); else the offset given, or the handle's position. */
static uint64_t write_start(const struct file_object *f, int64_t off)
{
	bool append = off == -1 ||
		      (f->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) == FILE_APPEND_DATA;
	struct stat st;

	if (append && fstat(f->fd, &st) == 0)
		return (uint64_t)st.st_size;
	if (off >= 0)
		return (uint64_t)off;
	return f->pos;
}

static NTSTATUS write_file(struct nt_call *c, struct file_object *f, const struct byte_offset *bo)
{
	static char buf[CHUNK];
	uint64_t done = 0, len = (uint32_t)c->args[6];
	int64_t off = bo->off;
	NTSTATUS st;

	if (!(f->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
		return LSW_STATUS_ACCESS_DENIED;
	if (f->kind == FILE_KIND_KSEC)
		return LSW_STATUS_INVALID_DEVICE_REQUEST; /* only device I/O controls */
	if (bo->st != LSW_STATUS_SUCCESS)
		return bo->st;
	if (sock_of(f) && f->fd >= 0 && !file_is_synchronous(f))
		return sock_file_io(c, f, true); /* may pend: net/socket_async.c */
	if (f->kind == FILE_KIND_STREAM)
		return stream_write(c, f);
	if (f->kind == FILE_KIND_PIPE)
		return np_write(c, f);
	if (f->kind == FILE_KIND_MAILSLOT)
		return mailslot_write(c, f);
	if (f->kind == FILE_KIND_DISK) {
		off = (int64_t)write_start(f, off);
		if (file_direct_write(c, f, (uint64_t)off, &st))
			return st;
		if ((st = lock_check_io(f, (uint64_t)off, len, true)) != LSW_STATUS_SUCCESS)
			return st;
	}
	while (done < len) {
		size_t n = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
		ssize_t w;

		if (tracee_read(c->thread, c->args[5] + done, buf, n) < 0) /* as file_direct.c */
			return f->kind == FILE_KIND_DISK ? LSW_STATUS_INVALID_USER_BUFFER
							 : LSW_STATUS_ACCESS_VIOLATION;
		w = host_write(f, buf, n, off < 0 ? off : off + (int64_t)done);
		if (w < 0)
			return errno_to_status(errno);
		done += (uint64_t)w;
		if ((size_t)w < n)
			break;
	}
	return tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, done);
}

NTSTATUS file_read_done(struct nt_call *c, struct file_object *f, const char *buf, ssize_t n)
{
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (n < 0)
		return errno_to_status(errno);
	if (n == 0 && c->args[6] != 0) {
		if (f->kind == FILE_KIND_DISK || f->kind == FILE_KIND_NULL)
			st = LSW_STATUS_END_OF_FILE;
		else if (f->device_type == FILE_DEVICE_NAMED_PIPE)
			st = LSW_STATUS_PIPE_BROKEN;
	}
	if (n > 0 && tracee_write(c->thread, c->args[5], buf, (size_t)n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (tracee_write_iosb(c->thread, c->args[4], st, (uint64_t)n) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* A disk read completes up to the length asked or the end of the file,
 * however long, as a synchronous read does on Windows. */
static NTSTATUS read_disk(struct nt_call *c, struct file_object *f, int64_t off)
{
	static char buf[CHUNK];
	uint64_t len = (uint32_t)c->args[6], done = 0;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (off < 0)
		off = (int64_t)f->pos;
	if ((st = lock_check_io(f, (uint64_t)off, len, false)) != LSW_STATUS_SUCCESS)
		return st;
	while (done < len) {
		size_t want = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
		ssize_t n = pread(f->fd, buf, want, off + (int64_t)done);

		if (n < 0)
			return errno_to_status(errno);
		if (n > 0 && tracee_write(c->thread, c->args[5] + done, buf, (size_t)n) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		done += (uint64_t)n;
		if ((size_t)n < want)
			break;
	}
	f->pos = (uint64_t)off + done;
	if (done == 0 && len != 0)
		st = LSW_STATUS_END_OF_FILE;
	/* an asynchronous handle's read at the end pends and ends with the
	 * error, as Windows 8 on does (Wine's kernel32 and ntdll file tests) */
	if (st == (NTSTATUS)LSW_STATUS_END_OF_FILE && !file_is_synchronous(f))
		return file_io_fail_pended(c, f, st);
	if (tracee_write_iosb(c->thread, c->args[4], st, done) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

static NTSTATUS read_file(struct nt_call *c, struct file_object *f, const struct byte_offset *bo)
{
	int64_t off = bo->off;
	NTSTATUS st;

	if (!(f->access & FILE_READ_DATA))
		return LSW_STATUS_ACCESS_DENIED;
	if (f->kind == FILE_KIND_KSEC)
		return LSW_STATUS_INVALID_DEVICE_REQUEST; /* only device I/O controls */
	if (bo->st != LSW_STATUS_SUCCESS)
		return bo->st;
	if (sock_of(f) && f->fd >= 0 && !file_is_synchronous(f))
		return sock_file_io(c, f, false); /* may pend: net/socket_async.c */
	if (f->kind == FILE_KIND_STREAM)
		return stream_read(c, f);
	if (f->kind == FILE_KIND_PIPE)
		return np_read(c, f);
	if (f->kind == FILE_KIND_MAILSLOT)
		return mailslot_read(c, f);
	if (f->kind == FILE_KIND_DISK && file_direct_read(c, f, off, &st))
		return st;
	if (f->kind == FILE_KIND_DISK)
		return read_disk(c, f, off);
	if (f->kind == FILE_KIND_NULL)
		return file_read_done(c, f, NULL, 0); /* always at its end */
	return errno_to_status(EISDIR);
}

/* An asynchronous handle to a disk file or to \Device\Null: its I/O
 * names its offset (the I/O manager keeps no position for it). */
static bool positionless(const struct file_object *f)
{
	return (f->kind == FILE_KIND_DISK || f->kind == FILE_KIND_NULL) && !file_is_synchronous(f);
}

/* A NULL buffer: a write's is an invalid user buffer, a read's an access
 * violation.  A read's buffer is probed whole, as Windows' ProbeForWrite
 * does before the I/O: memory the program cannot write fails the call
 * before anything happens, even at the end of the file, where no byte
 * would have been written (Wine's ntdll/file.c test_read_write). */
static NTSTATUS buffer_argument(const struct nt_call *c, bool write)
{
	uint32_t len = (uint32_t)c->args[6];

	if (!c->args[5] && len)
		return write ? LSW_STATUS_INVALID_USER_BUFFER : LSW_STATUS_ACCESS_VIOLATION;
	if (!write && !memory_probe_write(c->thread->process, c->args[5], len))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* What else is refused before any I/O: data I/O on a directory (the file
 * system's STATUS_INVALID_DEVICE_REQUEST: ntdll's file tests), an
 * asynchronous disk or null device I/O without an offset, a disk read "at
 * the end of the file". */
static NTSTATUS io_arguments(const struct file_object *f, bool write,
			     const struct byte_offset *bo)
{
	if (f->kind == FILE_KIND_DIR)
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_NULL)
		return LSW_STATUS_SUCCESS;
	if (bo->st != LSW_STATUS_SUCCESS)
		return bo->st;
	/* -1 (the end of the file) is only for writing */
	return (bo->off == -2 && positionless(f)) ||
	       (bo->off == -1 && !write && f->kind == FILE_KIND_DISK)
		? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* The fast channel serves only I/O that never waits and tells nobody,
 * with no event, APC or completion port: the synchronous I/O of a disk
 * file, and a write to lsw's stdout or stderr (a stream) that ends at
 * once (file_stream.c).  Anything else is handed back before any of it
 * is done, and its stub makes the syscall (NT_WOULD_BLOCK:
 * fast_channel_decline). */
static bool channel_may_serve(const struct nt_call *c, const struct file_object *f, bool write)
{
	if (!c->fast)
		return true;
	if (!file_is_synchronous(f) || c->args[1] || c->args[2] || f->completion)
		return false;
	/* a watched buffer needs ops (write_watch.c), which it does not carry */
	if (!write && write_watch_any(c->thread->process, c->args[5], (uint32_t)c->args[6]))
		return false;
	return f->kind == FILE_KIND_DISK ||
	       (write && f->kind == FILE_KIND_STREAM && stream_writes_at_once(f, (uint32_t)c->args[6]));
}

/* NtReadFile and NtWriteFile(FileHandle, Event, ApcRoutine, ApcContext,
 * IoStatusBlock, Buffer, Length, ByteOffset, Key), through the syscall or
 * the fast channel alike */
static NTSTATUS file_io(struct nt_call *c,
			NTSTATUS (*io)(struct nt_call *, struct file_object *,
				       const struct byte_offset *),
			bool write)
{
	struct byte_offset bo;
	struct file_object *f;
	uint64_t pos;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (!channel_may_serve(c, f, write))
		return NT_WOULD_BLOCK;
	/* a read's buffer is probed before the event is reset, a write's is
	 * refused after it (Wine's ntdll/file.c test_read_write: with a NULL
	 * buffer and a signalled event, a read leaves it signalled, a write
	 * resets it) */
	if ((!write && (st = buffer_argument(c, false)) != LSW_STATUS_SUCCESS) ||
	    (st = file_io_begin(c, f)) != LSW_STATUS_SUCCESS ||
	    (write && (st = buffer_argument(c, true)) != LSW_STATUS_SUCCESS))
		return st;
	/* once: the program may change it meanwhile */
	bo.st = read_offset(c, c->args[7], &bo.off);
	if ((st = io_arguments(f, write, &bo)) != LSW_STATUS_SUCCESS)
		return st;
	/* the probe marks a watched buffer written, even when nothing comes */
	if (!write)
		write_watch_io(c, c->args[5], (uint32_t)c->args[6]);
	pos = f->pos;
	st = io(c, f, &bo);
	if (positionless(f))
		f->pos = pos;
	return file_io_end(c, f, st, false);
}

NTSTATUS nt_NtReadFile(struct nt_call *c)
{
	return file_io(c, read_file, false);
}

NTSTATUS nt_NtWriteFile(struct nt_call *c)
{
	return file_io(c, write_file, true);
}

/* OBJECT_ATTRIBUTES (x64): Length, RootDirectory@8, ObjectName@0x10,
 * Attributes@0x18, SecurityDescriptor@0x20, SecurityQualityOfService@0x28 */
/* A name relative to a directory handle (OBJECT_ATTRIBUTES.RootDirectory)
 * becomes the directory's own NT name, a backslash, and the name. */
NTSTATUS file_relative_name(struct nt_call *c, uint64_t root, uint16_t **name, size_t *n)
{
	struct file_object *dir;
	uint16_t *full, prefix[1024];
	size_t plen;
	NTSTATUS st;

	if (!(dir = get_file(c, root, &st)))
		return st;
	/* an empty name relative to a file opens the file again; nothing
	 * lies beneath a file */
	if (dir->kind == FILE_KIND_DISK && dir->nt_name && *n)
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	if ((dir->kind != FILE_KIND_DIR && dir->kind != FILE_KIND_DISK &&
	     !(dir->np && dir->np->root)) || !dir->nt_name)
		return LSW_STATUS_OBJECT_TYPE_MISMATCH;
	if (*n && (*name)[0] == '\\')
		return LSW_STATUS_INVALID_PARAMETER; /* a relative name cannot be absolute (as Wine; undocumented) */
	plen = utf8_to_utf16(dir->nt_name, prefix, sizeof(prefix) / 2);
	while (plen && prefix[plen - 1] == '\\')
		plen--;
	full = malloc((plen + 1 + *n + 1) * 2);
	if (!full)
		return LSW_STATUS_NO_MEMORY;
	memcpy(full, prefix, plen * 2);
	full[plen] = '\\';
	memcpy(full + plen + 1, *name, *n * 2);
	full[plen + 1 + *n] = 0;
	free(*name);
	*name = full;
	*n = *n || dir->kind != FILE_KIND_DISK ? plen + 1 + *n : plen;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS read_object_name(struct nt_call *c, uint64_t oa, uint16_t **name, size_t *n)
{
	uint64_t root;
	NTSTATUS st = object_attributes_read(c, oa, &root, name, n, NULL);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (!*name)
		return LSW_STATUS_OBJECT_NAME_INVALID;
	if (root && !ns_file_name_at(c, root, name, n, &st))
		st = file_relative_name(c, root, name, n);
	if (st == LSW_STATUS_SUCCESS)
		st = ns_file_name(c, name, n);
	if (st != LSW_STATUS_SUCCESS)
		free(*name);
	return st;
}

NTSTATUS file_resolve_attributes(struct nt_call *c, uint64_t oa, struct path_result *pr)
{
	uint16_t *name;
	size_t n;
	NTSTATUS st = read_object_name(c, oa, &name, &n);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	st = path_resolve(thread_view(c->thread), name, n, pr);
	free(name);
	return st;
}

static int open_flags(uint32_t access, uint32_t disposition, bool exists, int *info)
{
	int fl = O_CLOEXEC | O_NOFOLLOW;

	fl |= (access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) ?
		((access & FILE_READ_DATA) ? O_RDWR : O_WRONLY) : O_RDONLY;
	switch (disposition) {
	case FILE_OPEN: *info = FILE_OPENED; break;
	case FILE_CREATE: fl |= O_CREAT | O_EXCL; *info = FILE_CREATED; break;
	case FILE_OPEN_IF: fl |= O_CREAT; *info = exists ? FILE_OPENED : FILE_CREATED; break;
	case FILE_OVERWRITE: fl |= O_TRUNC; *info = FILE_OVERWRITTEN; break;
	case FILE_SUPERSEDE:
	case FILE_OVERWRITE_IF:
		fl |= O_CREAT | O_TRUNC;
		*info = exists ? (disposition ? FILE_OVERWRITTEN : FILE_SUPERSEDED) : FILE_CREATED;
		break;
	default: return -1;
	}
	/* truncating or making a file needs a writable description, opening
	 * an existing one to read does not (it may be read-only) */
	if ((fl & (O_WRONLY | O_RDWR)) == 0 && ((fl & O_TRUNC) || ((fl & O_CREAT) && !exists)))
		fl = (fl & ~O_ACCMODE) | O_RDWR;
	return fl;
}

/* The file object of a host fd just opened for pr (fd is closed if it
 * cannot be made). */
static NTSTATUS host_file_new(struct lsw_process *p, enum file_kind kind, int fd,
			      const struct path_result *pr, struct file_object **out)
{
	*out = file_new(p, kind, fd, pr->host_path);
	if (!*out) {
		close(fd);
		return LSW_STATUS_NO_MEMORY;
	}
	(*out)->read_only = pr->read_only;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS open_directory(struct lsw_process *p, struct path_result *pr,
			       uint32_t disposition, uint32_t options, struct file_object **out,
			       int *info);

/* FILE_DIRECTORY_FILE with FILE_CREATE or FILE_OPEN_IF on a new name. */
static NTSTATUS create_directory(struct lsw_process *p, struct path_result *pr,
				 uint32_t disposition, struct file_object **out, int *info)
{
	const char *base;
	int dirfd, made;

	if (disposition != FILE_CREATE && disposition != FILE_OPEN_IF)
		return disposition == FILE_OPEN ? LSW_STATUS_OBJECT_NAME_NOT_FOUND
						: LSW_STATUS_INVALID_PARAMETER;
	if ((dirfd = path_open_parent(p->job->view, pr->host_path, true, &base)) < 0)
		return errno_to_status(errno);
	made = mkdirat(dirfd, base, 0777);
	close(dirfd);
	if (made < 0)
		return errno_to_status(errno);
	pr->exists = true;
	if (open_directory(p, pr, FILE_OPEN, FILE_DIRECTORY_FILE, out, info) !=
	    LSW_STATUS_SUCCESS) {
		rmdir(pr->host_path);
		return LSW_STATUS_UNSUCCESSFUL;
	}
	*info = FILE_CREATED;
	return LSW_STATUS_SUCCESS;
}

/* An existing directory: only "open" dispositions make sense for it. */
static NTSTATUS open_directory(struct lsw_process *p, struct path_result *pr,
			       uint32_t disposition, uint32_t options, struct file_object **out,
			       int *info)
{
	int fd;

	if (options & FILE_NON_DIRECTORY_FILE)
		return LSW_STATUS_FILE_IS_A_DIRECTORY;
	if (disposition == FILE_CREATE)
		return LSW_STATUS_OBJECT_NAME_COLLISION;
	/* a directory is never superseded nor overwritten: the I/O manager
	 * refuses FILE_DIRECTORY_FILE with those, the file system refuses
	 * them on a directory found (as FastFAT's sample does) */
	if (disposition != FILE_OPEN && disposition != FILE_OPEN_IF)
		return options & FILE_DIRECTORY_FILE ? LSW_STATUS_INVALID_PARAMETER
						     : LSW_STATUS_OBJECT_NAME_COLLISION;
	fd = open(pr->host_path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno_to_status(errno);
	if (!path_fd_reachable(p->job->view, fd, !pr->read_only)) {
		close(fd);
		return LSW_STATUS_ACCESS_DENIED; /* a path swapped under us */
	}
	*info = FILE_OPENED;
	return host_file_new(p, FILE_KIND_DIR, fd, pr, out);
}

/* FILE_ATTRIBUTE_READONLY on an existing file, even for root: no data may
 * be written or the file overwritten (STATUS_ACCESS_DENIED), nor opened
 * to be deleted on close (STATUS_CANNOT_DELETE).  Reading, DELETE access
 * and superseding (a new file under the name) are allowed: the file is
 * made writable for the supersede, whose attributes then apply. */
static NTSTATUS read_only_rules(const struct path_result *pr, uint32_t access,
				uint32_t disposition, uint32_t options)
{
	struct stat st;
	int fd;

	if (lstat(pr->host_path, &st) < 0 || !S_ISREG(st.st_mode) || (st.st_mode & 0222))
		return LSW_STATUS_SUCCESS;
	if ((access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) || disposition == FILE_OVERWRITE ||
	    disposition == FILE_OVERWRITE_IF)
		return LSW_STATUS_ACCESS_DENIED;
	if (options & FILE_DELETE_ON_CLOSE)
		return LSW_STATUS_CANNOT_DELETE;
	if (disposition != FILE_SUPERSEDE)
		return LSW_STATUS_SUCCESS;
	fd = open(pr->host_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fchmod(fd, (st.st_mode | 0200) & 07777) < 0) {
		if (fd >= 0)
			close(fd);
		return LSW_STATUS_ACCESS_DENIED;
	}
	close(fd);
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS open_host(struct lsw_process *p, struct path_result *pr, uint32_t access,
			  uint32_t disposition, uint32_t options, struct file_object **out,
			  int *info)
{
	struct stat st;
	const char *base;
	int fl = open_flags(access, disposition, pr->exists, info), fd, dirfd;
	NTSTATUS s;

	if (fl < 0)
		return LSW_STATUS_INVALID_PARAMETER;
	if (pr->read_only && ((fl & O_ACCMODE) != O_RDONLY || (fl & (O_CREAT | O_TRUNC)) ||
			      (access & DELETE_ACCESS) || (options & FILE_DELETE_ON_CLOSE)))
		return LSW_STATUS_ACCESS_DENIED;
	if (!pr->exists && !(fl & O_CREAT))
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (pr->exists && lstat(pr->host_path, &st) == 0 && S_ISDIR(st.st_mode))
		return open_directory(p, pr, disposition, options, out, info);
	if ((options & FILE_DIRECTORY_FILE) && pr->exists)
		return LSW_STATUS_NOT_A_DIRECTORY;
	if (options & FILE_DIRECTORY_FILE)
		return create_directory(p, pr, disposition, out, info);
	if (pr->exists && (s = read_only_rules(pr, access, disposition, options)) != LSW_STATUS_SUCCESS)
		return s;
	/* O_NONBLOCK: a FIFO or device placed in a mapped directory must not
	 * stall the supervisor in open(); only regular files are served. */
	if ((dirfd = path_open_parent(p->job->view, pr->host_path, !pr->read_only, &base)) < 0)
		return errno_to_status(errno);
	fd = openat(dirfd, base, fl | O_NONBLOCK, 0666);
	close(dirfd);
	if (fd < 0)
		return errno_to_status(errno);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || fcntl(fd, F_SETFL, fl & O_APPEND) < 0) {
		close(fd);
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	}
	return host_file_new(p, FILE_KIND_DISK, fd, pr, out);
}

static bool host_directory(const struct path_result *pr)
{
	struct stat st;

	return pr->exists && stat(pr->host_path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Opens a host file or directory after checking the share modes of the
 * handles already open to it (before any truncation), and records it. */
static NTSTATUS open_shared(struct lsw_process *p, struct path_result *pr, uint32_t access,
			    uint32_t share, uint32_t disposition, uint32_t options,
			    struct file_object **out, int *info)
{
	struct stat st;
	NTSTATUS s;

	/* an existing name fails FILE_CREATE before any handle's share mode
	 * is looked at; a file waiting for its last close to be deleted
	 * cannot be opened again (STATUS_DELETE_PENDING).  A directory found
	 * where a file was asked for is refused as a directory even then
	 * (CreateFile(CREATE_NEW) on a directory: ERROR_ACCESS_DENIED). */
	if (pr->exists && disposition == FILE_CREATE)
		return (options & FILE_NON_DIRECTORY_FILE) && host_directory(pr)
			       ? LSW_STATUS_FILE_IS_A_DIRECTORY
			       : LSW_STATUS_OBJECT_NAME_COLLISION;
	if (pr->exists && stat(pr->host_path, &st) == 0 &&
	    file_delete_pending(p->host, st.st_dev, st.st_ino))
		return LSW_STATUS_DELETE_PENDING;
	if (pr->exists && stat(pr->host_path, &st) == 0 &&
	    (s = share_check(p->host, st.st_dev, st.st_ino, access, share)) != LSW_STATUS_SUCCESS)
		return s;
	/* a mapped file is not cut short (the rule of SetEndOfFile too) */
	if (pr->exists && disposition != FILE_OPEN && disposition != FILE_OPEN_IF &&
	    stat(pr->host_path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size &&
	    section_maps_inode(st.st_dev, st.st_ino))
		return LSW_STATUS_USER_MAPPED_FILE;
	if ((s = open_host(p, pr, access, disposition, options, out, info)) != LSW_STATUS_SUCCESS)
		return s;
	if (fstat((*out)->fd, &st) == 0) {
		(*out)->dev = st.st_dev;
		(*out)->ino = st.st_ino;
		if (share_record(*out, st.st_dev, st.st_ino, access, share) < 0) {
			object_unref(&(*out)->hdr);
			return LSW_STATUS_NO_MEMORY;
		}
	}
	return LSW_STATUS_SUCCESS;
}

/* A directory above the allowed roots (PATH_ABOVE: Z:\ itself) opens
 * for its attributes and as the root of relative names (which are resolved
 * again from its NT name) and to list the names leading to the roots
 * (esbuild reads every directory up to the root), nothing more: it has no
 * host fd, so nothing else of the host shows through it (libuv's lstat and
 * realpath open every directory from the drive root down). */
static NTSTATUS open_above(struct lsw_process *p, const char *real, uint32_t access,
			   uint32_t disposition, uint32_t options, struct file_object **f)
{
	const uint32_t changes = FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_EA |
				 FILE_WRITE_ATTRIBUTES | DELETE_ACCESS | 0x000C0000u; /* WRITE_DAC|WRITE_OWNER */

	if (options & FILE_NON_DIRECTORY_FILE)
		return LSW_STATUS_FILE_IS_A_DIRECTORY;
	if ((disposition != FILE_OPEN && disposition != FILE_OPEN_IF) || (access & changes))
		return LSW_STATUS_ACCESS_DENIED;
	*f = file_new(p, FILE_KIND_DIR, -1, real);
	if (*f)
		(*f)->read_only = true;
	return LSW_STATUS_SUCCESS;
}

/* A new file takes the descriptor its OBJECT_ATTRIBUTES gave (checked
 * after the file was made: a malformed one fails the call but leaves the
 * file). */
static NTSTATUS created_security(struct nt_call *c, struct file_object *f)
{
	NTSTATUS st = LSW_STATUS_SUCCESS;
	struct object_sd *sd = c->oa_security ? file_security(&f->hdr, &st) : NULL;

	return sd ? object_security_assign(c, sd) : st;
}

/* A file made or overwritten takes the FileAttributes of its create call,
 * with ARCHIVE (READONLY as the permission bits, the others as stored
 * DOS attributes); the handle made it and may still write it. */
static void apply_new_attributes(const struct file_object *f, uint32_t attrs, int info)
{
	struct stat st;

	if (f->kind != FILE_KIND_DISK || info == FILE_OPENED || fstat(f->fd, &st) < 0)
		return;
	if (attrs & FILE_ATTRIBUTE_READONLY)
		fchmod(f->fd, st.st_mode & 07555);
	if (attrs & 0x3106u) /* hidden, system, temporary, offline, not indexed */
		dos_attrs_store(f->fd, attrs | FILE_ATTRIBUTE_ARCHIVE); /* best effort */
}

static NTSTATUS create_file(struct nt_call *c, uint64_t handle_out, uint32_t access,
			    uint64_t oa, uint64_t iosb, uint32_t share, uint32_t disposition,
			    uint32_t options, uint32_t attrs)
{
	struct lsw_process *p = c->thread->process;
	struct file_object *f = NULL;
	struct path_result pr;
	char nt_name[PATH_MAX];
	uint16_t *name;
	size_t n;
	int info = FILE_OPENED;
	uint64_t h;
	NTSTATUS st;

	if (pipe_open_client(c, handle_out, access, oa, iosb, options, &st) ||
	    np_open(c, handle_out, access, oa, iosb, options, &st) ||
	    mailslot_open(c, handle_out, access, oa, iosb, options, &st))
		return st;
	st = options & FILE_OPEN_BY_FILE_ID ? file_id_name(c, oa, &name, &n)
					    : read_object_name(c, oa, &name, &n);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	access = file_map_generic(access);
	utf16_to_utf8(name, n, nt_name, sizeof(nt_name));
	st = path_resolve(p->job->view, name, n, &pr);
	free(name);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (pr.target == PATH_CON)
		pr.target = (access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) ? PATH_CONOUT : PATH_CONIN;
	switch (pr.target) {
	case PATH_CON:
		break;
	case PATH_NULL_DEVICE:
		f = file_new(p, FILE_KIND_NULL, -1, "\\Device\\Null");
		break;
	case PATH_KSEC_DEVICE:
		f = file_new(p, FILE_KIND_KSEC, -1, "\\Device\\CNG");
		break;
	case PATH_AFD_DEVICE: /* a socket's endpoint, made by its first control (net/socket.c) */
		f = socket_endpoint_new(p);
		break;
	case PATH_MOUNT_MANAGER: /* a control device too, told apart by its type */
		if ((f = file_new(p, FILE_KIND_KSEC, -1, "\\Device\\MountPointManager")))
			f->device_type = FILE_DEVICE_MOUNTMGR;
		break;
	case PATH_CONIN: /* the console input only reads */
		f = file_from_stdio(p, console_fd(p, 0), 0);
		if (f)
			f->console_input = true;
		access &= ~(uint32_t)(FILE_WRITE_DATA | FILE_APPEND_DATA);
		break;
	case PATH_CONOUT: /* the console output only writes */
		f = file_from_stdio(p, console_fd(p, 1), 0);
		access &= ~(uint32_t)FILE_READ_DATA;
		break;
	case PATH_ABOVE:
		if ((st = open_above(p, pr.host_path, access, disposition, options, &f)) !=
		    LSW_STATUS_SUCCESS)
			return st;
		break;
	case PATH_HOST:
		if (pr.dir_only && !(options & FILE_DIRECTORY_FILE) &&
		    !host_directory(&pr) && (pr.exists || disposition != FILE_OPEN))
			return LSW_STATUS_OBJECT_NAME_INVALID; /* "file\" is no file's name */
		st = open_shared(p, &pr, access, share, disposition, options, &f, &info);
		if (st != LSW_STATUS_SUCCESS)
			return st;
		apply_new_attributes(f, attrs, info);
		break;
	}
	if (!f)
		return LSW_STATUS_NO_MEMORY;
	f->access = access;
	f->options = options;
	f->nt_name = strdup(nt_name);
	f->delete_on_close = (options & FILE_DELETE_ON_CLOSE) && (access & DELETE_ACCESS) &&
			     !f->read_only && pr.target == PATH_HOST;
	/* its body and names are the opener's pool quota while it lives */
	st = object_charge(&f->hdr, p, QUOTA_NONPAGED, sizeof(*f));
	if (st == LSW_STATUS_SUCCESS)
		st = object_charge(&f->hdr, p, QUOTA_PAGED,
				   (f->nt_name ? strlen(f->nt_name) : 0) +
				   (f->name_utf8 ? strlen(f->name_utf8) : 0) + 2);
	if (st == LSW_STATUS_SUCCESS && info == FILE_CREATED)
		st = created_security(c, f);
	if (st == LSW_STATUS_SUCCESS)
		st = handle_create_call(c, &f->hdr, access, &h);
	object_unref(&f->hdr);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(c->thread, handle_out, &h, 8) < 0 ||
	    tracee_write_iosb(c->thread, iosb, LSW_STATUS_SUCCESS, (uint64_t)info) != LSW_STATUS_SUCCESS) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

/* NtCreateFile(*FileHandle, DesiredAccess, ObjectAttributes, IoStatusBlock,
 *              AllocationSize, FileAttributes, ShareAccess, CreateDisposition,
 *              CreateOptions, EaBuffer, EaLength) */
NTSTATUS nt_NtCreateFile(struct nt_call *c)
{
	return create_file(c, c->args[0], (uint32_t)c->args[1], c->args[2], c->args[3],
			   (uint32_t)c->args[6], (uint32_t)c->args[7], (uint32_t)c->args[8],
			   (uint32_t)c->args[5]);
}

/* NtOpenFile(*FileHandle, DesiredAccess, ObjectAttributes, IoStatusBlock,
 *            ShareAccess, OpenOptions) */
NTSTATUS nt_NtOpenFile(struct nt_call *c)
{
	return create_file(c, c->args[0], (uint32_t)c->args[1], c->args[2], c->args[3],
			   (uint32_t)c->args[4], FILE_OPEN, (uint32_t)c->args[5], 0);
}

/* NtDeleteFile(ObjectAttributes): deletes at once, refused while a handle
 * that does not share delete is open, as on Windows; a directory that is
 * not empty is left, with STATUS_SUCCESS (ntdll/file's tests). */
NTSTATUS nt_NtDeleteFile(struct nt_call *c)
{
	const struct path_view *v = thread_view(c->thread);
	struct lsw_host *h = c->thread->process->host;
	struct path_result pr;
	struct stat st;
	const char *base;
	int dirfd, gone;
	NTSTATUS s = file_resolve_attributes(c, c->args[0], &pr);

	if (s != LSW_STATUS_SUCCESS)
		return s;
	if (pr.target != PATH_HOST)
		return LSW_STATUS_ACCESS_DENIED;
	if (!pr.exists || lstat(pr.host_path, &st) < 0)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (pr.read_only || path_protected(v, pr.host_path) || !(st.st_mode & 0222))
		return LSW_STATUS_ACCESS_DENIED; /* mapping, sandbox root, or READONLY file */
	if (file_delete_pending(h, st.st_dev, st.st_ino))
		return LSW_STATUS_DELETE_PENDING;
	s = share_check(h, st.st_dev, st.st_ino, DELETE_ACCESS, FILE_SHARE_ALL);
	if (s != LSW_STATUS_SUCCESS)
		return s;
	if ((dirfd = path_open_parent(v, pr.host_path, true, &base)) < 0)
		return errno_to_status(errno);
	gone = unlinkat(dirfd, base, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
	close(dirfd);
	/* a directory that is not empty stays, and the call still succeeds:
	 * Windows' delete on close is dropped at the close */
	if (gone < 0 && S_ISDIR(st.st_mode) && (errno == ENOTEMPTY || errno == EEXIST))
		return LSW_STATUS_SUCCESS;
	if (gone < 0)
		return errno_to_status(errno);
	return LSW_STATUS_SUCCESS;
}

/* Appends a UTF-16 copy of an ASCII name at o; returns its byte length. */
static uint32_t put_wide(uint8_t *o, const char *name)
{
	uint32_t n = 0;

	for (; *name; name++, n += 2) {
		o[n] = (uint8_t)*name;
		o[n + 1] = 0;
	}
	return n;
}

/* The host device of f's volume (a directory's too: only disk files keep
 * theirs). */
static uint64_t volume_dev(const struct file_object *f)
{
	struct stat sb;

	return f->dev || f->fd < 0 || fstat(f->fd, &sb) < 0 ? f->dev : sb.st_dev;
}

/* A volume's creation time: not the host's (which it would tell), but a
 * day of Windows 10's first year picked by the volume's serial, so that
 * it is set and stays the same (100 ns units since 1601). */
static uint64_t volume_created(uint32_t serial)
{
	const uint64_t july_2015 = 130826016000000000ull, day = 864000000000ull;

	return july_2015 + (serial % 365) * day;
}

/* The volume classes, from the host file system holding the file, with
 * its identity and sizes as volume_ids.h shows them. */
static size_t volume_class(uint32_t cls, const struct file_object *f, uint8_t *o)
{
	struct statvfs vfs;
	uint64_t unit, total, avail, avail_caller;
	uint32_t v32, spu = 1, bps;

	if (cls == 4) { /* FileFsDeviceInformation: DeviceType, Characteristics */
		memcpy(o, &f->device_type, 4);
		memset(o + 4, 0, 4);
		return 8;
	}
	if (f->fd < 0 && f->kind == FILE_KIND_DIR) { /* above the roots: no host volume shown */
		memset(&vfs, 0, sizeof(vfs));
		vfs.f_frsize = 4096;
	} else if (f->fd < 0 || fstatvfs(f->fd, &vfs) < 0)
		return 0;
	unit = vfs.f_frsize ? vfs.f_frsize : vfs.f_bsize;
	bps = unit >= 512 ? 512 : (uint32_t)unit;
	spu = (uint32_t)(unit / bps);
	avail = volume_free_bytes(vfs.f_bfree * unit) / unit;
	avail_caller = volume_free_bytes(vfs.f_bavail * unit) / unit;
	total = volume_total_bytes(vfs.f_blocks * unit, vfs.f_bfree * unit) / unit;
	switch (cls) {
	case 1: /* FileFsVolumeInformation: creation, serial, label length,
		 * SupportsObjects (NTFS has object ids), label (empty) */
		memset(o, 0, 24);
		v32 = volume_serial(f->host, volume_dev(f));
		memcpy(o, (uint64_t[]){ volume_created(v32) }, 8);
		memcpy(o + 8, &v32, 4);
		o[16] = 1;
		return 18; /* offsetof(VolumeLabel) + an empty label */
	case 3: /* FileFsSizeInformation */
		memcpy(o, &total, 8);
		memcpy(o + 8, &avail_caller, 8);
		memcpy(o + 16, &spu, 4);
		memcpy(o + 20, &bps, 4);
		return 24;
	case 5: /* FileFsAttributeInformation: attributes, max component, name */
		v32 = 0x7; /* CASE_SENSITIVE_SEARCH | CASE_PRESERVED_NAMES | UNICODE_ON_DISK */
		memcpy(o, &v32, 4);
		v32 = 255;
		memcpy(o + 4, &v32, 4);
		v32 = put_wide(o + 12, "NTFS");
		memcpy(o + 8, &v32, 4);
		return 12 + v32;
	case 7: /* FileFsFullSizeInformation */
		memcpy(o, &total, 8);
		memcpy(o + 8, &avail_caller, 8);
		memcpy(o + 16, &avail, 8);
		memcpy(o + 24, &spu, 4);
		memcpy(o + 28, &bps, 4);
		return 32;
	}
	return 0;
}

/* NtQueryVolumeInformationFile(FileHandle, IoStatusBlock, FsInformation,
 *                              Length, FsInformationClass) */
NTSTATUS nt_NtQueryVolumeInformationFile(struct nt_call *c)
{
	static const uint8_t min_len[8] = { 0, 18, 0, 24, 8, 12, 0, 32 };
	uint32_t cls = (uint32_t)c->args[4], len = (uint32_t)c->args[3];
	struct file_object *f;
	uint8_t out[64];
	size_t n;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (cls >= sizeof(min_len) || !min_len[cls])
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (len < min_len[cls])
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	n = volume_class(cls, f, out);
	if (!n)
		return LSW_STATUS_INVALID_DEVICE_REQUEST; /* a stream or device: no volume */
	st = n > len ? LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
	if (n > len)
		n = len;
	if (tracee_write(c->thread, c->args[2], out, n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (tracee_write_iosb(c->thread, c->args[1], st, n) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

#define FLUSH_FLAGS_FILE_DATA_ONLY 0x1u
#define FLUSH_FLAGS_NO_SYNC 0x2u
#define FLUSH_FLAGS_FILE_DATA_SYNC_ONLY 0x4u

/* Flushes a disk file open for writing (a handle that cannot write has
 * nothing to flush: STATUS_ACCESS_DENIED); flags as NtFlushBuffersFileEx's. */
static NTSTATUS flush_file(struct nt_call *c, uint64_t handle, uint32_t flags, uint64_t iosb)
{
	struct file_object *f;
	NTSTATUS st;
	int r = 0;

	if (!(f = get_file(c, handle, &st)))
		return st;
	if (f->kind == FILE_KIND_PIPE)
		return np_flush(c, f);
	if (f->kind == FILE_KIND_DISK && !(f->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
		return LSW_STATUS_ACCESS_DENIED;
	if (f->kind == FILE_KIND_DISK && !(flags & FLUSH_FLAGS_NO_SYNC))
		r = flags & (FLUSH_FLAGS_FILE_DATA_ONLY | FLUSH_FLAGS_FILE_DATA_SYNC_ONLY)
			? fdatasync(f->fd) : fsync(f->fd);
	if (r < 0)
		return errno_to_status(errno);
	return tracee_write_iosb(c->thread, iosb, LSW_STATUS_SUCCESS, 0);
}

/* NtFlushBuffersFile(FileHandle, IoStatusBlock) */
NTSTATUS nt_NtFlushBuffersFile(struct nt_call *c)
{
	return flush_file(c, c->args[0], 0, c->args[1]);
}

/* NtFlushBuffersFileEx(FileHandle, Flags, Parameters, ParametersSize,
 *                      IoStatusBlock) */
NTSTATUS nt_NtFlushBuffersFileEx(struct nt_call *c)
{
	uint32_t flags = (uint32_t)c->args[1];

	if (flags & ~(FLUSH_FLAGS_FILE_DATA_ONLY | FLUSH_FLAGS_NO_SYNC |
		      FLUSH_FLAGS_FILE_DATA_SYNC_ONLY) || c->args[2] || c->args[3])
		return LSW_STATUS_INVALID_PARAMETER;
	return flush_file(c, c->args[0], flags, c->args[4]);
}
