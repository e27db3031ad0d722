/*
 * Console control events (Ctrl-C, Ctrl-Break), delivered as Windows does:
 * a new thread of the target process starts at kernel32's CtrlRoutine
 * (made known by LSW_CALL_CTRL_ROUTINE when kernel32 starts) with the
 * event as its argument; CtrlRoutine runs the program's handlers and, when
 * none takes the event, ends the process with STATUS_CONTROL_C_EXIT.
 *
 * Only a thread of the process can clone the new one (LSW_OP_CLONE in an
 * answer's ops), so the event waits for one to carry it:
 *   - the thread that raised the event, in its own process (its answer);
 *   - a thread running its own code: interrupted, its interrupt's answer;
 *   - a thread blocked in a DIRECT wait (Sleep, WaitForSingleObject...):
 *     the wait is given up and made again, as Linux restarts a system call
 *     a signal interrupted (ERESTARTNOINTR with the interrupt pending), the
 *     interrupt's answer carrying the clone.  A relative timeout still
 *     ends when it would have (sync/wait.c);
 *   - otherwise the next thread of the process whose call is answered.
 * A process's service thread (memory/remote.c), made on first use, is
 * carried the same way, before any event.
 */
#include <stdio.h>
#include <lsw/lswcall.h>
#include "emul/emul.h"
#include "emul/ntcall_table.h"
#include "emul/memory/remote.h"
#include "emul/process/console_ctrl.h"
#include "emul/process/thread.h"
#include "tracer/loop.h"
#include "tracer/notify.h"

#define ERESTARTNOINTR 513 /* the kernel's own restart code (not in errno.h) */

nt_handler nt_NtWaitForSingleObject, nt_NtDelayExecution, nt_NtWaitForKeyedEvent;

bool call_restartable_wait(const struct lsw_thread *t)
{
	const struct nt_call *c = &t->call;
	nt_handler *h;

	if (!c->direct || c->row < 0)
		return false;
	h = nt_rows[c->row].handler;
	return h == nt_NtWaitForSingleObject || h == nt_NtDelayExecution ||
	       h == nt_NtWaitForKeyedEvent;
}

/* Not before its first NT call: an interrupt landing in the ops of its
 * start (run outside a signal handler) would have its answer's ops
 * written over the list being run. */
static bool can_carry(const struct lsw_thread *t)
{
	return t->tid && t->started && t->called && !t->exited && !t->terminating &&
	       !t->suspend_count && !t->start_jump_pending;
}

/* Whether p waits for one of its threads to make a thread. */
static bool needs_carrier(const struct lsw_process *p)
{
	return p->ctrl_count || remote_service_pending(p);
}

/* Starts the waiting thread from c (a call of the process being
 * answered); the event stays queued when it cannot be made now. */
static void spawn_from(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;

	remote_service_carry(c);
	while (p->ctrl_count && !c->thread->clone_block) {
		NTSTATUS st = thread_start_system(c, p->ctrl_routine, p->ctrl_queue[0]);

		if (st != LSW_STATUS_SUCCESS) /* dropped: no retry loop */
			lsw_log("console control event %u not delivered (status 0x%08X)",
				p->ctrl_queue[0], st);
		p->ctrl_count--;
		for (unsigned i = 0; i < p->ctrl_count; i++)
			p->ctrl_queue[i] = p->ctrl_queue[i + 1];
	}
}

bool call_restart_wait(struct lsw_thread *t)
{
	thread_request_interrupt(t);
	if (!t->interrupt_sent)
		return false; /* no signal to restart it: it keeps waiting */
	t->restart_deadline = t->wait_deadline;
	t->restart_number = t->call.number;
	t->restart_pending = true;
	nt_cancel(t);
	t->busy = false;
	if (notify_send(t->process->notify_fd, t->call.notif_id, 0, -ERESTARTNOINTR) < 0)
		lsw_log("restart of thread %d's wait lost (thread gone)", t->tid);
	return true;
}

void process_find_carrier(struct lsw_process *p)
{
	struct lsw_thread *wait = NULL;

	for (struct lsw_thread *t = p->threads; t; t = t->next) {
		if (!can_carry(t))
			continue;
		if (!t->busy) {
			thread_request_interrupt(t);
			return;
		}
		if (!wait && !t->interrupt_sent && call_restartable_wait(t))
			wait = t;
	}
	if (wait)
		call_restart_wait(wait);
}

bool console_ctrl_raise(struct lsw_process *p, uint32_t event, struct nt_call *from)
{
	if (p->terminated || p->reaped || !p->pid)
		return false;
	if (!p->ctrl_routine) {
		/* no kernel32 (yet): what its default handler would do */
		process_terminate(p, LSW_STATUS_CONTROL_C_EXIT);
		return true;
	}
	if (p->ctrl_count >= CTRL_QUEUE_MAX)
		return true; /* as a key pressed while the console is busy: merged */
	p->ctrl_queue[p->ctrl_count++] = event;
	if (from && from->thread->process == p && !from->direct)
		spawn_from(from);
	else
		process_find_carrier(p);
	return true;
}

unsigned console_ctrl_job(struct lsw_host *h, struct lsw_job *job, uint32_t event,
			  uint32_t group, struct nt_call *from)
{
	unsigned n = 0;

	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->job == job && (!group || p->console_group == group))
			n += console_ctrl_raise(p, event, from);
	return n;
}

/* The grace of a console's close is over: who is left is ended. */
static void close_timeout(void *arg, uint32_t events)
{
	struct lsw_host *h = arg;
	uint64_t now = loop_now_ns();

	(void)events;
	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->close_deadline && p->close_deadline <= now && !p->terminated)
			process_terminate(p, LSW_STATUS_CONTROL_C_EXIT);
}

void console_ctrl_close(struct lsw_host *h, struct lsw_job *job)
{
	uint64_t deadline = loop_now_ns() + CTRL_CLOSE_GRACE_NS;

	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->job == job && !p->close_deadline && console_ctrl_raise(p, CTRL_CLOSE_EVENT, NULL))
			p->close_deadline = deadline;
	if (!loop_add_timer(&h->loop, deadline, close_timeout, h))
		lsw_log("console close: no timer; its programs end when they choose");
}

void console_ctrl_on_interrupt(struct lsw_thread *t)
{
	if (needs_carrier(t->process) && can_carry(t))
		spawn_from(&t->call);
}

/* An answer that jumps may leave the runtime before later ops (a new
 * thread's hello jumps to its start at once). */
static bool answer_jumps(const struct nt_call *c)
{
	for (uint32_t i = 0; i < c->nops; i++)
		if (c->ops[i].code == LSW_OP_JUMP)
			return true;
	return false;
}

void console_ctrl_on_answer(struct lsw_thread *t)
{
	struct nt_call *c = &t->call;

	if (!needs_carrier(t->process) || t->process->terminated || !can_carry(t))
		return;
	/* a channel call's ops run with the interrupt blocked, outside a
	 * signal handler: no thread is started from there */
	if (!c->direct && !c->fast && !t->clone_block && !answer_jumps(c))
		spawn_from(c);
	else
		thread_request_interrupt(t); /* it stops there before going on */
}

/* LSW_CALL_CTRL_ROUTINE(routine): kernel32's CtrlRoutine, once. */
NTSTATUS lsw_call_ctrl_routine(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint64_t routine = c->args[0];

	if (!routine || routine >= (1ull << 47))
		return LSW_STATUS_INVALID_PARAMETER;
	p->ctrl_routine = routine;
	return LSW_STATUS_SUCCESS;
}

/* LSW_CALL_CTRL_EVENT(event, group): GenerateConsoleCtrlEvent. */
NTSTATUS lsw_call_ctrl_event(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint64_t event = c->args[0], group = c->args[1];

	if ((event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT) || group > UINT32_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!console_ctrl_job(p->host, p->job, (uint32_t)event, (uint32_t)group, c))
		return LSW_STATUS_INVALID_PARAMETER; /* no such group on this console */
	return LSW_STATUS_SUCCESS;
}
