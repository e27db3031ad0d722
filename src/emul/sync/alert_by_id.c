/*
 * NtWaitForAlertByThreadId and NtAlertThreadByThreadId (Windows 8): a
 * thread sleeps until another thread of its process alerts it by id.  An
 * alert sent while the thread is not waiting is kept (one, not counted)
 * and ends its next wait at once.  The address argument is only a hint
 * for debuggers: nothing is read from it.
 */
#include "emul/sync/sync.h"

#define STATUS_INVALID_CID 0xC000000Bu

static void timed_out(void *arg, uint32_t events)
{
	struct lsw_thread *t = arg;

	(void)events;
	t->id_alert_timer = 0;
	t->id_waiting = false;
	nt_answer(t, LSW_STATUS_TIMEOUT);
}

/* The waiter ended or was answered otherwise (nt_cancel). */
static void drop_wait(struct lsw_thread *t, void *arg)
{
	(void)arg;
	if (t->id_alert_timer)
		loop_cancel_timer(thread_loop(t), t->id_alert_timer);
	t->id_alert_timer = 0;
	t->id_waiting = false;
}

/* NtWaitForAlertByThreadId(Address, Timeout) */
NTSTATUS nt_NtWaitForAlertByThreadId(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	uint64_t ns;
	NTSTATUS st;

	if (t->id_alerted) {
		t->id_alerted = false;
		return LSW_STATUS_ALERTED;
	}
	if ((st = wait_timeout_read(c, c->args[1], &ns)) != LSW_STATUS_SUCCESS)
		return st;
	if (ns == 0)
		return LSW_STATUS_TIMEOUT;
	if (ns != UINT64_MAX &&
	    !(t->id_alert_timer = loop_add_timer(thread_loop(t), loop_now_ns() + ns, timed_out, t)))
		return LSW_STATUS_NO_MEMORY;
	t->id_waiting = true;
	nt_defer(c, drop_wait, NULL);
	return NT_DEFERRED;
}

/* The thread with id tid of any process: its record while it or its
 * object lives. */
static struct lsw_thread *thread_by_id(struct lsw_host *h, uint64_t tid)
{
	for (struct lsw_process *p = h->processes; p; p = p->next)
		for (struct lsw_thread *t = p->threads; t; t = t->next)
			if (t->win_tid == tid && (!t->exited || t->object))
				return t;
	return NULL;
}

/* NtAlertThreadByThreadId(ThreadId): a thread of the caller's process
 * (another process's: STATUS_ACCESS_DENIED). */
NTSTATUS nt_NtAlertThreadByThreadId(struct nt_call *c)
{
	struct lsw_thread *t = c->args[0] ? thread_by_id(c->thread->process->host, c->args[0])
					  : NULL;

	if (!t)
		return STATUS_INVALID_CID;
	if (t->process != c->thread->process)
		return LSW_STATUS_ACCESS_DENIED;
	if (!t->id_waiting) {
		t->id_alerted = true;
		return LSW_STATUS_SUCCESS;
	}
	if (t->id_alert_timer)
		loop_cancel_timer(thread_loop(t), t->id_alert_timer);
	t->id_alert_timer = 0;
	t->id_waiting = false;
	nt_answer(t, LSW_STATUS_ALERTED);
	return LSW_STATUS_SUCCESS;
}
