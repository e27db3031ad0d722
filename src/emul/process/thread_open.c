/*
 * NtOpenThread by client id, for the threads of the caller's sandbox (its
 * job's processes; a debugger opens its debuggees' threads): a thread that
 * has ended can still be opened while its object lives (a handle to it is
 * open), as on Windows; otherwise the id names nothing (STATUS_INVALID_CID).
 */
#include "emul/object/object_names.h"
#include "emul/process/thread.h"

#define STATUS_INVALID_CID 0xC000000Bu

/* Windows 10's GENERIC_MAPPING of the Thread type. */
static const struct generic_mapping thread_mapping = {
	0x20048, 0x20437, 0x121800, 0x1FFFFF,
};

uint32_t thread_access_map(uint32_t access)
{
	access = access_map_generic(access, &thread_mapping);
	if (access & THREAD_QUERY_INFORMATION)
		access |= THREAD_QUERY_LIMITED_INFORMATION;
	if (access & THREAD_SET_INFORMATION)
		access |= THREAD_SET_LIMITED_INFORMATION;
	return access & thread_mapping.all;
}

/* The thread tid of the caller's job, in process pid (0: any). */
static struct lsw_thread *find_thread(const struct lsw_process *caller, uint64_t pid,
				      uint64_t tid)
{
	for (struct lsw_process *p = caller->host->processes; p; p = p->next) {
		if (p->job != caller->job || p->reaped || (pid && p->win_pid != pid))
			continue;
		for (struct lsw_thread *t = p->threads; t; t = t->next)
			if (t->win_tid == tid && (!t->exited || t->object))
				return t;
	}
	return NULL;
}

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
	if (!(t = find_thread(p, client_id_untag(cid[0]), client_id_untag(cid[1]))) || !(o = thread_object_get(t)))
		return STATUS_INVALID_CID;
	h = handle_alloc(p, o, thread_access_map((uint32_t)c->args[1]));
	object_unref(o);
	if (!h)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (tracee_write(c->thread, c->args[0], &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}
