/*
 * The single place every NT call passes through: fetch the arguments the
 * table says the call has, run its handler, answer (now or later).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "emul/emul.h"
#include "emul/system/kuser.h"
#include "emul/io/dir_notify.h"
#include "emul/io/io_completion.h"
#include "emul/ntcall_table.h"
#include "emul/observer.h"
#include "emul/process/console_ctrl.h"
#include "emul/process/fast_channel.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"
#include "tracer/notify.h"

bool lsw_debug, lsw_debug_calls;
/* LSW_DEBUG=calls: when the last answer went, to show each call's time
 * in the program (from that answer to this call's arrival) */
static uint64_t debug_answered_ns;

void lsw_log(const char *fmt, ...)
{
	va_list ap;

	if (!lsw_debug)
		return;
	va_start(ap, fmt);
	fputs("lsw: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void lsw_timeline(const struct lsw_job *j, uint32_t win_pid, const char *what)
{
	if (lsw_debug && j)
		lsw_log("timeline: pid %u: %s +%llu us", win_pid, what,
			(unsigned long long)(loop_now_ns() - j->created_ns) / 1000);
}

struct lsw_op *nt_add_op(struct nt_call *c, unsigned code)
{
	struct lsw_op *op;

	if (c->nops >= LSW_MAX_OPS) {
		c->ops_overflow = true;
		return NULL;
	}
	op = &c->ops[c->nops++];
	memset(op, 0, sizeof(*op));
	op->code = code;
	return op;
}

void nt_defer(struct nt_call *c, void (*cancel)(struct lsw_thread *t, void *arg), void *arg)
{
	c->cancel = cancel;
	c->cancel_arg = arg;
	c->sync_io = false;
}

void nt_defer_sync_io(struct nt_call *c, uint64_t iosb, bool alertable)
{
	c->sync_io = true;
	c->sync_io_alertable = alertable;
	c->sync_io_iosb = iosb;
}

bool nt_cancel_sync_io(struct lsw_thread *t, uint64_t iosb, bool for_apc)
{
	struct nt_call *c = &t->call;

	if (!t->busy || !c->cancel || !c->sync_io || (for_apc && !c->sync_io_alertable) ||
	    (iosb && iosb != c->sync_io_iosb))
		return false;
	nt_cancel(t);
	c->nops = 0;
	nt_answer(t, LSW_STATUS_CANCELLED);
	return true;
}

void nt_cancel(struct lsw_thread *t)
{
	struct nt_call *c = &t->call;
	void (*cancel)(struct lsw_thread *, void *) = c->cancel;

	c->cancel = NULL;
	if (cancel)
		cancel(t, c->cancel_arg);
}

/* Sends the answer: ops (if any) go into the thread block first.  The
 * call's pending work, if any, is over (its owner answers). */
void nt_answer(struct lsw_thread *t, NTSTATUS status)
{
	struct nt_call *c = &t->call;
	const struct nt_observer *o;
	uint64_t val = status;
	bool channel_call;

	c->cancel = NULL;
	io_completion_thread_runs(t);

	/* the first phase of a process's start (cont_state 1 follows it) lays
	 * out the address space: only the start's jump waits for a resume */
	if (((t->suspend_count && t->cont_state != 1) || t->debug_event) && !t->terminating &&
	    !t->exited) {
		/* suspended while in a call, or stopped for its debugger: it
		 * stays in it until resumed or continued */
		t->held = true;
		t->held_status = status;
		return;
	}
	t->held = false; /* an answer held for a resume is superseded by this one */
	thread_start_enter(t); /* its first run: through the loader */
	console_ctrl_on_answer(t); /* a console event waits for a thread */
	kuser_refresh(&t->process->host->kuser);
	if (c->ops_overflow) {
		/* the op list could not say everything: the address space would
		 * no longer match the supervisor's view, so the process ends */
		fprintf(stderr, "lsw: %s needed more than %d process operations\n",
			c->row >= 0 ? nt_rows[c->row].name : "process start", LSW_MAX_OPS);
		process_terminate(t->process, LSW_STATUS_INSUFFICIENT_RESOURCES);
		return;
	}
	if (c->nops && c->direct) {
		/* a DIRECT call cannot change the process: the table is wrong */
		fprintf(stderr, "lsw: internal error: %s is marked DIRECT but needs the runtime\n",
			nt_rows[c->row].name);
		process_terminate(t->process, LSW_STATUS_UNSUCCESSFUL);
		return;
	}
	if (c->nops) {
		if (thread_block_put_ops(t, c->ops, c->nops, c->nops * sizeof(struct lsw_op)) < 0) {
			process_terminate(t->process, LSW_STATUS_ACCESS_VIOLATION);
			return;
		}
		val |= LSW_REPLY_OPS;
	}
	if (c->row != NT_ROW_NOT_A_CALL && (o = thread_observer(t)) && o->call_exit)
		o->call_exit(thread_observer_arg(t), c, status); /* outputs still in place */
	t->busy = false;
	if (lsw_debug_calls)
		debug_answered_ns = loop_now_ns();
	if (c->fast) {
		if (status == NT_WOULD_BLOCK) /* handed back: nothing was done */
			fast_channel_decline(t);
		else
			fast_channel_answer(t, status, c->nops != 0, c->out, c->nout);
		return;
	}
	/* a call the channel serves came through the syscall (a DIRECT one,
	 * or file I/O through the SIGSYS handler) */
	channel_call = c->row != NT_ROW_NOT_A_CALL && fast_channel_serves(c->number);
	if (channel_call)
		fast_channel_syscalled(t); /* its next such call can take the channel */
	if (notify_send(t->process->notify_fd, c->notif_id, (int64_t)val, 0) < 0)
		lsw_log("reply to thread %d lost (thread gone)", t->tid);
	if (channel_call)
		fast_channel_answered(t);
}

/* LSW_DEBUG=calls: the call, its arguments and status, when it came (from
 * the job's start), how long the program ran since the last answer, and
 * how long the supervisor took to serve it. */
static void debug_call_line(const struct lsw_thread *t, const struct nt_row *row,
			    NTSTATUS status, uint64_t arrived_ns)
{
	const struct nt_call *c = &t->call;
	const struct lsw_job *j = t->process->job;
	uint64_t now = loop_now_ns();

	fprintf(stderr, "lsw: +%llu us (ran %llu, served %llu): %s(%#llx, %#llx, %#llx, %#llx) = %#x\n",
		j ? (unsigned long long)(arrived_ns - j->created_ns) / 1000 : 0ull,
		debug_answered_ns ? (unsigned long long)(arrived_ns - debug_answered_ns) / 1000 : 0ull,
		(unsigned long long)(now - arrived_ns) / 1000, row ? row->name : "?",
		(unsigned long long)c->args[0], (unsigned long long)c->args[1],
		(unsigned long long)c->args[2], (unsigned long long)c->args[3], status);
}

static NTSTATUS fetch_stack_args(struct lsw_thread *t, int nargs)
{
	struct nt_call *c = &t->call;

	if (nargs <= 4) /* includes -1: not described, nothing to fetch */
		return LSW_STATUS_SUCCESS;
	if (c->direct)
		return LSW_STATUS_INVALID_SYSTEM_SERVICE; /* the filter never does this */
	if (thread_block_stack_args(t, &c->args[4], (unsigned)(nargs - 4)))
		return LSW_STATUS_SUCCESS; /* the SIGSYS handler copied them */
	/* argument n (1-based, n > 4) sits at rsp + 8 * n */
	if (tracee_read(t, c->rsp + 0x28, &c->args[4], (size_t)(nargs - 4) * 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

void nt_dispatch(struct lsw_thread *t)
{
	struct nt_call *c = &t->call;
	const struct nt_observer *o = thread_observer(t);
	const struct nt_row *row;
	NTSTATUS status = LSW_STATUS_SUCCESS;
	uint64_t arrived_ns = lsw_debug_calls ? loop_now_ns() : 0;

	t->called = true;
	c->retry = t->restart_pending && c->number == t->restart_number;
	t->restart_pending = false;
	if (t->restart_deadline && c->number != t->restart_number)
		t->restart_deadline = 0; /* not the retry of the wait given up */
	if (c->number >= LSW_CALL_FIRST && c->number <= LSW_CALL_LAST && !c->direct) {
		c->row = NT_ROW_NOT_A_CALL; /* traced in its own way, not as an NT call */
		nt_answer(t, lsw_private_call(c));
		thread_context_call_served(t, false);
		return;
	}
	c->row = nt_row_by_number(c->number);
	row = c->row >= 0 ? &nt_rows[c->row] : NULL;
	if (row && (row->handler || o))
		status = fetch_stack_args(t, row->nargs);
	if (o && o->call_enter)
		o->call_enter(thread_observer_arg(t), c);
	if (!row) {
		lsw_log("NT call 0x%x does not exist in this build", c->number);
		status = LSW_STATUS_INVALID_SYSTEM_SERVICE;
	} else if (!row->handler) {
		lsw_log("%s (0x%x) not implemented", row->name, c->number);
		status = LSW_STATUS_NOT_IMPLEMENTED;
	} else if (status == LSW_STATUS_SUCCESS) {
		struct lsw_host *h = t->process->host;

		status = row->handler(c);
		/* what a file call (or the close of a delete-on-close file)
		 * changed is in the watches' queues now: seen before any other
		 * call looks, as Windows reports a change with the operation */
		if (h->files.notifies && (row->klass == NT_CLASS_FILE || row->klass == NT_CLASS_OBJECT))
			dir_notify_drain(h);
	}
	if (lsw_debug_calls)
		debug_call_line(t, row, status, arrived_ns);
	if (status != NT_DEFERRED) {
		nt_answer(t, status);
		thread_context_call_served(t, false);
		return;
	}
	io_completion_thread_blocks(t); /* its port may let another run */
	if (o && o->call_deferred && !t->process->terminated)
		o->call_deferred(thread_observer_arg(t), c);
	thread_context_call_served(t, true);
}
