/*
 * How a file's I/O completes beyond its IO_STATUS_BLOCK: the Event of
 * NtReadFile/NtWriteFile, the completion port the file is associated with
 * (FileCompletionInformation, FileReplaceCompletionInformation), the
 * notification modes (FileIoCompletionNotificationInformation), the I/O
 * APC; and NtCancelIoFile(Ex) (a socket's overlapped requests too).
 *
 * A completion packet goes to the port when the I/O did not fail, the
 * call gave an ApcContext (kernel32 passes none when the event handle's
 * low bit is set), and FILE_SKIP_COMPLETION_PORT_ON_SUCCESS does not drop
 * it for an I/O that did not fail in its call.  Only handles opened for
 * asynchronous I/O may have a port.
 */
#include "emul/io/dir_notify.h"
#include "emul/io/file.h"
#include "emul/io/io_completion.h"
#include "emul/io/pipe_named.h"
#include "emul/net/socket.h"
#include "emul/object/object_names.h"
#include "emul/process/thread.h"
#include "emul/sync/apc.h"
#include "emul/sync/event.h"
#include "emul/sync/sync.h"

#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS 1u
#define FILE_SKIP_SET_EVENT_ON_HANDLE 2u
#define FILE_SKIP_SET_USER_EVENT_ON_FAST_IO 4u

enum { FileCompletionInformation = 30, FileIoCompletionNotificationInformation = 41,
       FileReplaceCompletionInformation = 61 };

static bool nt_error(NTSTATUS st)
{
	return (st >> 30) == 3;
}

/* FILE_COMPLETION_INFORMATION { HANDLE Port; PVOID Key; }: the file's port
 * is set once (replace: changed, or removed with a NULL port). */
static NTSTATUS set_port(struct nt_call *c, struct file_object *f, bool replace)
{
	uint64_t info[2];
	struct io_queue *q = NULL;
	NTSTATUS st;

	if ((uint32_t)c->args[3] < sizeof(info))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], info, sizeof(info)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (file_is_synchronous(f) || (f->completion && !replace))
		return LSW_STATUS_INVALID_PARAMETER;
	if ((info[0] || !replace) &&
	    !(q = io_queue_from_handle(c, info[0], IO_COMPLETION_MODIFY_STATE, &st)))
		return st;
	io_queue_unref(f->completion);
	f->completion = q;
	f->completion_key = info[1];
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS set_modes(struct nt_call *c, struct file_object *f)
{
	uint32_t flags;

	if ((uint32_t)c->args[3] < sizeof(flags))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &flags, sizeof(flags)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	/* a synchronous handle's I/O never goes to a port */
	if ((flags & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) && file_is_synchronous(f))
		return LSW_STATUS_INVALID_PARAMETER;
	/* modes are added, never taken back; other bits are ignored */
	f->completion_flags |= flags & (FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
					FILE_SKIP_SET_EVENT_ON_HANDLE |
					FILE_SKIP_SET_USER_EVENT_ON_FAST_IO);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS file_set_completion_info(struct nt_call *c, struct file_object *f, uint32_t cls)
{
	switch (cls) {
	case FileCompletionInformation: return set_port(c, f, false);
	case FileReplaceCompletionInformation: return set_port(c, f, true);
	case FileIoCompletionNotificationInformation: return set_modes(c, f);
	}
	return LSW_STATUS_INVALID_INFO_CLASS;
}

/* NtReadFile/NtWriteFile(FileHandle, Event, ApcRoutine, ApcContext, ...)
 * before the I/O: the event is valid and reset; an APC routine and a port
 * do not go together. */
NTSTATUS file_io_begin(struct nt_call *c, struct file_object *f)
{
	struct nt_object *ev = NULL;
	NTSTATUS st;

	if (c->args[2] && f->completion)
		return LSW_STATUS_INVALID_PARAMETER;
	if (c->args[1] &&
	    !(ev = object_from_handle(c, c->args[1], &event_ops, SYNC_MODIFY_STATE, &st)))
		return st;
	if (ev)
		event_reset(ev);
	return LSW_STATUS_SUCCESS;
}

/* Tells the end st of call c's I/O on f, info bytes, to the Event, the
 * completion port (unless FILE_SKIP_COMPLETION_PORT_ON_SUCCESS drops an
 * end that came in its call) or the APC. */
static void tell_end(struct nt_call *c, struct file_object *f, NTSTATUS st, uint64_t info,
		     bool pended)
{
	struct lsw_thread *t = c->thread;
	struct nt_object *ev;
	NTSTATUS ignored;

	if (c->args[1] && (ev = handle_get(t->process, c->args[1], &event_ops, &ignored)))
		event_signal(ev);
	if (f->completion && c->args[3] &&
	    !(!pended && (f->completion_flags & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS)))
		io_queue_post(f->completion, f->completion_key, c->args[3], st, info, NULL);
	else if (c->args[2] && !f->completion)
		apc_queue(t, c->args[2], c->args[3], c->args[4], 0);
}

/* The I/O of call c on f ended with st (pended: after its call was
 * deferred): tells whoever asked to be told.  Returns st. */
NTSTATUS file_io_end(struct nt_call *c, struct file_object *f, NTSTATUS st, bool pended)
{
	uint64_t info = 0;

	if (st == NT_DEFERRED || st == LSW_STATUS_PENDING || nt_error(st))
		return st; /* pending: told when it ends (pipe_named_op.c) */
	/* ended in its call without an error (a warning as STATUS_BUFFER_OVERFLOW
	 * too, as Wine's pipe tests show Windows doing) */
	if (f->completion && c->args[3])
		tracee_read(c->thread, c->args[4] + 8, &info, 8); /* what the call reported */
	tell_end(c, f, st, info, pended);
	return st;
}

/* An asynchronous handle's I/O that failed in its call with an error that
 * Windows (8 and later) reports only at the I/O's end, as a disk read at
 * the end of the file: the call says STATUS_PENDING, and the end, st with
 * no bytes, is written and told at once. */
NTSTATUS file_io_fail_pended(struct nt_call *c, struct file_object *f, NTSTATUS st)
{
	if (tracee_write_iosb(c->thread, c->args[4], st, 0) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	tell_end(c, f, st, 0, true);
	return LSW_STATUS_PENDING;
}

/* NtCancelIoFile(FileHandle, IoStatusBlock): the caller's own I/O on the
 * handle; only a named pipe's I/O goes on without its thread. */
NTSTATUS nt_NtCancelIoFile(struct nt_call *c)
{
	struct file_object *f;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind == FILE_KIND_PIPE)
		np_cancel(f, c->thread->win_tid, 0);
	dir_notify_cancel(f, c->thread->win_tid, 0);
	sock_async_cancel(f, c->thread->win_tid, 0);
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
}

/* NtCancelIoFileEx(FileHandle, IoRequestToCancel, IoStatusBlock): every
 * thread's I/O on the handle, or the one with that IO_STATUS_BLOCK; each
 * ends with STATUS_CANCELLED.  STATUS_NOT_FOUND when there was none. */
NTSTATUS nt_NtCancelIoFileEx(struct nt_call *c)
{
	struct file_object *f;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind == FILE_KIND_PIPE ? np_cancel(f, 0, c->args[1]) == 0 :
	    f->kind == FILE_KIND_DIR ? dir_notify_cancel(f, 0, c->args[1]) == 0 :
	    f->kind != FILE_KIND_STREAM ||
	    stream_cancel(f, c->args[1]) + sock_async_cancel(f, 0, c->args[1]) == 0)
		return LSW_STATUS_NOT_FOUND;
	return tracee_write_iosb(c->thread, c->args[2], LSW_STATUS_SUCCESS, 0);
}

/* NtCancelSynchronousIoFile(ThreadHandle, IoRequestToCancel, IoStatusBlock):
 * the synchronous I/O the thread waits in (the one with that
 * IO_STATUS_BLOCK, if given) ends with STATUS_CANCELLED; STATUS_NOT_FOUND
 * when it waits in none (a caller never waits in one itself). */
NTSTATUS nt_NtCancelSynchronousIoFile(struct nt_call *c)
{
	struct lsw_thread *t;
	NTSTATUS st;

	if (!(t = thread_from_handle(c, c->args[0], THREAD_TERMINATE, &st)))
		return st;
	if (!c->args[2] || tracee_write_iosb(c->thread, c->args[2], LSW_STATUS_NOT_FOUND, 0) !=
				   LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (t == c->thread || !nt_cancel_sync_io(t, c->args[1], false))
		return LSW_STATUS_NOT_FOUND;
	tracee_write_iosb(c->thread, c->args[2], LSW_STATUS_SUCCESS, 0);
	return LSW_STATUS_SUCCESS;
}
