/*
 * NtSuspendProcess and NtResumeProcess(ProcessHandle): one suspension
 * more or less for each of the process's threads, as NtSuspendThread and
 * NtResumeThread count them (a thread at MAXIMUM_SUSPEND_COUNT, or at
 * none for a resume, is left as it is).  The runtime's service thread is
 * not one of the program's and goes on serving other processes' calls.
 * A process suspending itself stops its calling thread too.
 */
#include "emul/process/process_object.h"
#include "emul/process/thread.h"

#define PROCESS_SUSPEND_RESUME 0x0800u
#define MAXIMUM_SUSPEND_COUNT 127

static NTSTATUS live_process_of(struct nt_call *c, struct lsw_process **p)
{
	struct process_object *po;
	NTSTATUS st;

	if (!(po = process_from_handle(c, c->args[0], PROCESS_SUSPEND_RESUME, &st)))
		return st;
	if (!(*p = po->process) || (*p)->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	return LSW_STATUS_SUCCESS;
}

static bool program_thread(const struct lsw_process *p, const struct lsw_thread *t)
{
	return t != p->service && !t->exited && !t->terminating;
}

NTSTATUS nt_NtSuspendProcess(struct nt_call *c)
{
	struct lsw_process *p = NULL;
	NTSTATUS st = live_process_of(c, &p);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (program_thread(p, t) && thread_suspend_count(t) < MAXIMUM_SUSPEND_COUNT)
			thread_suspend_one(t, c->thread);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS nt_NtResumeProcess(struct nt_call *c)
{
	struct lsw_process *p = NULL;
	NTSTATUS st = live_process_of(c, &p);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (program_thread(p, t) && thread_suspend_count(t))
			thread_resume_one(t);
	return LSW_STATUS_SUCCESS;
}
