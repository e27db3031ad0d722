/*
 * NtDuplicateObject inside one process: a second handle to the object
 * behind SourceHandle, with the same or the asked access, optionally
 * closing the source.  Only the current process can be named for now (no
 * process objects yet), so its pseudo-handle cannot be the source; the
 * current thread's can (a real handle to the thread, as
 * DuplicateHandle(GetCurrentThread()) is used for).
 */
#include "emul/object/object.h"
#include "emul/process/thread.h"

#define THREAD_ALL_ACCESS 0x1FFFFF

#define DUPLICATE_CLOSE_SOURCE 0x1
#define DUPLICATE_SAME_ACCESS 0x2

/* Whether h names the current process; *st says why not. */
static bool current_process(struct lsw_process *p, uint64_t h, NTSTATUS *st)
{
	if (h == NT_CURRENT_PROCESS_HANDLE)
		return true;
	if (handle_get(p, h, NULL, st))
		*st = LSW_STATUS_OBJECT_TYPE_MISMATCH; /* a handle, but no process */
	return false;
}

/* NtDuplicateObject(SourceProcessHandle, SourceHandle, TargetProcessHandle,
 *                   TargetHandle, DesiredAccess, HandleAttributes, Options) */
static NTSTATUS duplicate_current_thread(struct nt_call *c, uint32_t options, uint32_t access)
{
	struct lsw_process *p = c->thread->process;
	struct nt_object *obj;
	NTSTATUS st;
	uint64_t h;

	if (!current_process(p, c->args[2], &st))
		return st;
	if (!(obj = thread_object_get(c->thread)))
		return LSW_STATUS_NO_MEMORY;
	h = handle_alloc(p, obj, options & DUPLICATE_SAME_ACCESS ? THREAD_ALL_ACCESS : access);
	object_unref(obj);
	if (!h)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (c->args[3] && tracee_write(c->thread, c->args[3], &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS; /* a pseudo-handle is never closed */
}

NTSTATUS nt_NtDuplicateObject(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint64_t src = c->args[1], out = c->args[3], h;
	uint32_t options = (uint32_t)c->args[6], access = (uint32_t)c->args[4];
	struct nt_object *obj;
	NTSTATUS st;

	if (!current_process(p, c->args[0], &st))
		return st;
	if (src == NT_CURRENT_PROCESS_HANDLE)
		return LSW_STATUS_NOT_IMPLEMENTED; /* no process objects yet */
	if (src == NT_CURRENT_THREAD_HANDLE)
		return duplicate_current_thread(c, options, access);
	if (!(obj = handle_get(p, src, NULL, &st)))
		return st;
	/* no target: the call only closes the source */
	if (!c->args[2] && (options & DUPLICATE_CLOSE_SOURCE))
		return handle_close(p, src);
	if (!current_process(p, c->args[2], &st))
		return st;
	if (options & DUPLICATE_SAME_ACCESS)
		access = handle_access(p, src);
	/* the new handle first: it never takes the source's value */
	if (!(h = handle_alloc(p, obj, access)))
		st = LSW_STATUS_INSUFFICIENT_RESOURCES;
	else if (out && tracee_write(c->thread, out, &h, 8) < 0) {
		handle_close(p, h);
		st = LSW_STATUS_ACCESS_VIOLATION;
	} else {
		st = LSW_STATUS_SUCCESS;
	}
	/* the source goes even when the duplicate failed, as documented */
	if (options & DUPLICATE_CLOSE_SOURCE)
		handle_close(p, src);
	return st;
}
