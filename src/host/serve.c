/*
 * What arrives on a process's seccomp listener: NT calls (through the
 * runtime's gate, or DIRECT from the Windows code's own syscall), the
 * runtime's requests (process start, thread hello, interrupts, faults)
 * and the clones it was told to make.  Each goes to its thread and from
 * there to the NT kernel (src/emul).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include "emul/io/file_direct.h"
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/observer.h"
#include "emul/process/fast_channel.h"
#include "emul/process/thread.h"
#include "host/host.h"
#include "host/thread_ids.h"
#include "tracer/notify.h"

/* An op the runtime could not carry out.  Past the kernel's wall (the
 * program went around the supervisor's own limits) that is the Windows
 * failure of running out; anything else is lsw's fault. */
static void on_fatal(struct lsw_thread *t, const struct seccomp_notif *n)
{
	long long op = (long long)n->data.args[1], err = (long long)n->data.args[2];
	const struct lsw_limits *l = &t->process->job->spec.limits;

	if (err == -ENOMEM) {
		fprintf(stderr, "lsw: the program ran out of memory (limit %llu MiB: --memory)\n",
			(unsigned long long)(l->commit >> 20));
		process_terminate(t->process, LSW_STATUS_NO_MEMORY);
		return;
	}
	if (err == -EAGAIN) {
		fprintf(stderr, "lsw: the program reached its thread limit (%u: --pids)\n",
			l->threads);
		process_terminate(t->process, LSW_STATUS_INSUFFICIENT_RESOURCES);
		return;
	}
	fprintf(stderr, "lsw: the runtime could not carry out operation %lld (error %lld)\n",
		op, err);
	process_terminate(t->process, LSW_STATUS_UNSUCCESSFUL);
}

/* A DIRECT NT call, notified straight from the Windows code's syscall:
 * the NT arguments sit in the Linux argument registers r10, rdx, r8, r9. */
static void serve_direct(struct lsw_thread *t, const struct seccomp_notif *n)
{
	struct nt_call *c = &t->call;

	c->direct = true;
	c->number = (uint32_t)n->data.nr;
	c->args[0] = n->data.args[3];
	c->args[1] = n->data.args[2];
	c->args[2] = n->data.args[4];
	c->args[3] = n->data.args[5];
	c->rsp = 0;
	c->rip = n->data.instruction_pointer;
	if (!thread_call_refused(t))
		nt_dispatch(t);
}

/* The runtime's own requests: not NT calls. */
static void serve_request(struct lsw_thread *t, const struct seccomp_notif *n)
{
	NTSTATUS st;

	switch (LSW_REQ_KIND(n->data.args[0])) {
	case LSW_REQ_HELLO:
		st = process_hello(t, n->data.args[1], n->data.args[5]);
		if (st == LSW_STATUS_SUCCESS)
			fastcall_publish(t->process->host, n->data.args[2]);
		break;
	case LSW_REQ_CONTINUE:
		if (t->direct_io) { /* a one-copy read or write came back */
			nt_answer(t, file_direct_continue(t));
			return;
		}
		st = process_continue(t);
		break;
	case LSW_REQ_THREAD_HELLO:
		st = thread_hello(t);
		break;
	case LSW_REQ_INTERRUPT:
		st = thread_interrupted(t);
		break;
	case LSW_REQ_FAULT:
		if (!thread_call_refused(t))
			process_fault(t);
		return;
	default:
		on_fatal(t, n);
		return;
	}
	if (st != LSW_STATUS_SUCCESS) {
		fprintf(stderr, "lsw: process start failed (status 0x%08X)\n", st);
		process_terminate(t->process, st);
		return;
	}
	nt_answer(t, st);
}

/* What every call starts with, however it came. */
static void call_begin(struct lsw_thread *t, uint64_t notif_id, bool fast)
{
	struct nt_call *c = &t->call;

	c->thread = t;
	c->notif_id = notif_id;
	c->fast = fast;
	c->nops = 0;
	c->nout = 0;
	c->out_by_runtime = false;
	c->no_block = fast;
	c->oa_attributes = 0;
	c->oa_security = 0;
	c->cancel = NULL;
	t->clone_block = 0; /* a clone only between an answer and the next call */
	t->alertable = false; /* an alertable wait says so itself */
	c->ops_overflow = false;
	t->busy = true;
	if (t->nreleased) /* its last answer's unmaps are done (rare: no call here) */
		memory_released_done(t);
	/* it calls again: the ops of its first answer, the block's memfd
	 * mapping among them, are done */
	t->block_map_live = t->block_map != NULL;
	/* the last call's remembered reads are stale: the thread ran since
	 * (traced, its stack arguments were read from the memo otherwise) */
	tracee_memo_begin(t, false);
}

/* A call the runtime posted in t's block (host/fastcall.c took it): as
 * DIRECT (file I/O: as through the SIGSYS handler), with the caller's rip
 * and rsp from the block for lsw trace -k. */
void serve_fast(struct lsw_thread *t, const struct fast_request *r)
{
	struct nt_call *c = &t->call;

	call_begin(t, 0, true);
	if (t->direct_io)
		file_direct_drop(t); /* the runtime went on without coming back */
	/* file I/O has stack arguments (in the block, else at rsp) and may
	 * answer with ops, which the runtime runs after the answer */
	c->direct = !fast_channel_io(r->number);
	c->number = r->number;
	memcpy(c->args, r->args, sizeof(r->args));
	c->rsp = r->rsp;
	c->rip = r->rip;
	c->row = NT_ROW_NOT_A_CALL;
	c->out_by_runtime = fast_channel_reports(r->number);
	if (!r->served) { /* the stubs post nothing else: the program wrote it */
		nt_answer(t, LSW_STATUS_INVALID_SYSTEM_SERVICE);
		return;
	}
	if (!fast_channel_may_serve(t, r)) {
		fast_channel_decline(t);
		return;
	}
	if (!thread_call_refused(t))
		nt_dispatch(t);
}

static void serve(struct lsw_thread *t, const struct seccomp_notif *n)
{
	struct nt_call *c = &t->call;
	uint64_t req = n->data.args[0];

	call_begin(t, n->id, false);
	if (t->direct_io && (n->data.nr != LSW_GATE_NR || LSW_REQ_KIND(req) != LSW_REQ_CONTINUE))
		file_direct_drop(t); /* the runtime went on without coming back */
	if (remote_is_service(t) && (n->data.nr != LSW_GATE_NR || LSW_REQ_KIND(req) != LSW_REQ_FATAL)) {
		/* the runtime's service thread asks nothing else (memory/remote.c) */
		remote_service_request(t, n->data.nr == LSW_GATE_NR ? LSW_REQ_KIND(req) : ~0u);
		return;
	}
	if (n->data.nr != LSW_GATE_NR) {
		serve_direct(t, n);
		return;
	}
	c->direct = false;
	c->rip = 0;
	c->row = NT_ROW_NOT_A_CALL;
	if (LSW_REQ_KIND(req) != LSW_REQ_NT) {
		serve_request(t, n);
		return;
	}
	c->number = (uint32_t)req;
	for (int i = 0; i < 4; i++)
		c->args[i] = n->data.args[i + 1];
	c->rsp = n->data.args[5];
	if (!thread_call_refused(t))
		nt_dispatch(t);
}

void serve_notification(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	struct seccomp_notif n;
	struct lsw_thread *t;

	host_enter_job(p->host, p->job);
	if (events & (EPOLLHUP | EPOLLERR)) {
		loop_unwatch(&p->host->loop, p->notify_fd);
		return;
	}
	if (notify_recv(p->notify_fd, &n) < 0)
		return; /* the thread died before we read it */
	t = notify_thread(p, &n);
	if (notify_clone(p, t, &n))
		return;
	if (!t && (pid_t)n.pid == p->pid && p->leader_parked)
		return; /* the first thread ended: it waits here for good */
	if (!t || t->busy) {
		process_forbid(p, "a call from a thread it did not start");
		return;
	}
	serve(t, &n);
}
