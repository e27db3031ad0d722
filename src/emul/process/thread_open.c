/*
 * NtOpenThread by client id, for the threads of the calling process: a
 * thread that has ended can still be opened while its object lives (a
 * handle to it is open), as on Windows; otherwise the id names nothing
 * (STATUS_INVALID_CID).  Threads of other processes are not served yet.
 */
#include "emul/process/thread.h"

#define STATUS_INVALID_CID 0xC000000Bu

/* NtOpenThread(ThreadHandle, DesiredAccess, ObjectAttributes, ClientId) */
NTSTATUS nt_NtOpenThread(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint64_t cid[2], h;
	struct lsw_thread *t;
	struct nt_object *o;

	if (!c->args[0] || !c->args[3])
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, c->args[3], cid, sizeof(cid)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (cid[0] && cid[0] != p->win_pid)
		return STATUS_INVALID_CID;
	for (t = p->threads; t; t = t->next)
		if (t->win_tid == cid[1] && (!t->exited || t->object))
			break;
	if (!t || !(o = thread_object_get(t)))
		return STATUS_INVALID_CID;
	h = handle_alloc(p, o, (uint32_t)c->args[1]);
	object_unref(o);
	if (!h)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (tracee_write(c->thread, c->args[0], &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}
