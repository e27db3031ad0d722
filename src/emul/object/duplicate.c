/*
 * NtDuplicateObject: a second handle to the object behind SourceHandle in
 * the source process, made in the target process (either may be the
 * caller or any process it holds a handle to with PROCESS_DUP_HANDLE),
 * with the same or the asked access, optionally closing the source.  The
 * pseudo-handles name the source process itself and (only when the source
 * is the caller) the calling thread: a real handle to them.
 * NtCompareObjects, which resolves its handles the same way.
 */
#include "emul/io/file.h"
#include "emul/object/object_names.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"

#define THREAD_ALL_ACCESS 0x1FFFFF
#define PROCESS_DUP_HANDLE 0x40u
#define OBJ_INHERIT 0x2u
#define HANDLE_FLAG_INHERIT 1u
#define HANDLE_FLAG_PROTECT_FROM_CLOSE 2u

#define DUPLICATE_CLOSE_SOURCE 0x1
#define DUPLICATE_SAME_ACCESS 0x2

/* The live process a process handle names, with PROCESS_DUP_HANDLE. */
static struct lsw_process *dup_process(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct process_object *o = process_from_handle(c, h, PROCESS_DUP_HANDLE, st);

	if (o && !o->process)
		*st = LSW_STATUS_PROCESS_IS_TERMINATING;
	return o ? o->process : NULL;
}

/* The object SourceHandle names in src (a reference), and the access its
 * handle grants. */
static struct nt_object *source_object(struct nt_call *c, struct lsw_process *src, uint64_t h,
				       uint32_t *access, NTSTATUS *st)
{
	struct nt_object *obj;

	*access = PROCESS_ALL_ACCESS;
	if (h == NT_CURRENT_PROCESS_HANDLE)
		obj = process_object_get(src);
	else if (h == NT_CURRENT_THREAD_HANDLE && src == c->thread->process)
		obj = (*access = THREAD_ALL_ACCESS, thread_object_get(c->thread));
	else if ((obj = handle_get(src, h, NULL, st)))
		return (*access = handle_access(src, h), object_ref(obj));
	else
		return NULL;
	if (!obj)
		*st = LSW_STATUS_NO_MEMORY;
	return obj;
}

/* DUPLICATE_CLOSE_SOURCE: the source goes, but a pseudo-handle (never
 * closed) or a handle protected from closing (it stays, as Windows keeps
 * it: the duplicate is made all the same). */
static void close_source(struct lsw_process *src, uint64_t h, uint32_t options)
{
	uint32_t *flags;

	if (!(options & DUPLICATE_CLOSE_SOURCE) || h == NT_CURRENT_PROCESS_HANDLE ||
	    h == NT_CURRENT_THREAD_HANDLE)
		return;
	if ((flags = handle_flags(src, h)) && !(*flags & HANDLE_FLAG_PROTECT_FROM_CLOSE))
		handle_close(src, h);
}

/* NtDuplicateObject(SourceProcessHandle, SourceHandle, TargetProcessHandle,
 *                   TargetHandle, DesiredAccess, HandleAttributes, Options) */
#define ACCESS_SYSTEM_SECURITY 0x01000000u

NTSTATUS nt_NtDuplicateObject(struct nt_call *c)
{
	uint64_t src_h = c->args[1], out = c->args[3], h = 0;
	uint32_t options = (uint32_t)c->args[6], access = (uint32_t)c->args[4], same;
	struct lsw_process *src, *dst = NULL;
	struct nt_object *obj;
	NTSTATUS st;

	if (out && (st = object_handle_out_clear(c, out)) != LSW_STATUS_SUCCESS)
		return st;
	if (!(src = dup_process(c, c->args[0], &st)))
		return st;
	if (!(obj = source_object(c, src, src_h, &same, &st)))
		return st;
	/* no target: the call only closes the source */
	if (!c->args[2] && (options & DUPLICATE_CLOSE_SOURCE)) {
		object_unref(obj);
		return handle_close(src, src_h);
	}
	if (!(dst = dup_process(c, c->args[2], &st)))
		goto close_source;
	/* ACCESS_SYSTEM_SECURITY needs SeSecurityPrivilege, which no token
	 * of ours holds */
	if (!(options & DUPLICATE_SAME_ACCESS) && (access & ACCESS_SYSTEM_SECURITY)) {
		st = LSW_STATUS_ACCESS_DENIED;
		goto close_source;
	}
	if (!(options & DUPLICATE_SAME_ACCESS) &&
	    (st = file_dup_access(obj, access, same, &access)) != LSW_STATUS_SUCCESS)
		goto close_source;
	/* within one process the source goes first, and its slot is the next
	 * free one: as on Windows, the duplicate keeps the source's value
	 * (with the new access and attributes).  Elsewhere the new handle
	 * comes first. */
	if (dst == src) {
		close_source(src, src_h, options);
		options &= ~(uint32_t)DUPLICATE_CLOSE_SOURCE;
	}
	st = handle_create(dst, obj, options & DUPLICATE_SAME_ACCESS ? same : access, &h);
	if (st == LSW_STATUS_SUCCESS && out && tracee_write(c->thread, out, &h, 8) < 0) {
		handle_close(dst, h);
		st = LSW_STATUS_ACCESS_VIOLATION;
	} else if (st == LSW_STATUS_SUCCESS && ((uint32_t)c->args[5] & OBJ_INHERIT)) {
		*handle_flags(dst, h) |= HANDLE_FLAG_INHERIT;
	}
close_source:
	object_unref(obj);
	/* the source goes even when the duplicate failed, as documented */
	close_source(src, src_h, options);
	return st;
}

/* NtCompareObjects(FirstObjectHandle, SecondObjectHandle): whether both
 * handles (pseudo-handles too) name one object. */
NTSTATUS nt_NtCompareObjects(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	struct nt_object *first, *second;
	uint32_t access;
	NTSTATUS st;

	if (!(first = source_object(c, p, c->args[0], &access, &st)))
		return st;
	if (!(second = source_object(c, p, c->args[1], &access, &st))) {
		object_unref(first);
		return st;
	}
	st = first == second ? LSW_STATUS_SUCCESS : LSW_STATUS_NOT_SAME_OBJECT;
	object_unref(second);
	object_unref(first);
	return st;
}
