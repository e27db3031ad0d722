/*
 * Memory calls on another process, carried out by its service thread
 * (remote.h).  The thread's states:
 *
 *   none                 (p->service NULL) most processes are never
 *                        touched by another, so it is made on first use
 *                        or SERVICE_DELAY_NS after the start
 *   wanted               a thread of the process carries its clone
 *                        (console_ctrl.c finds one); callers wait
 *   not yet said hello   (p->service->tid == 0): callers wait
 *   parked               its hello or last CONTINUE is unanswered; free
 *   serving a client     answered with a client's ops + LSW_OP_CONTINUE;
 *                        its CONTINUE answers the client and parks it
 *
 * A process started suspended or under a debugger gets it at its start:
 * its threads stay stopped, so none could carry the clone later.
 *
 * Callers also wait until the process's start has laid out its address
 * space (space_ready), so a parent sees a CREATE_SUSPENDED child's image,
 * PEB and stack before the child runs an instruction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/process/console_ctrl.h"
#include "emul/process/process_object.h"
#include "tracer/loop.h"

/* a process that lives this long gets its service thread anyway */
#define SERVICE_DELAY_NS (30ull * 1000 * 1000)

static void queue_unlink(struct lsw_thread *t)
{
	struct lsw_process *p = t->remote_target;

	if (!p)
		return;
	for (struct lsw_thread **l = &p->remote_waiters; *l; l = &(*l)->remote_next)
		if (*l == t) {
			*l = t->remote_next;
			break;
		}
	if (p->service_client == t)
		p->service_client = NULL; /* its ops still run; nobody is told */
	t->remote_target = NULL;
	t->remote_next = NULL;
}

static void remote_cancel(struct lsw_thread *t, void *arg)
{
	(void)arg;
	queue_unlink(t);
}

static NTSTATUS wait_for(struct nt_call *c, struct lsw_process *p,
			 NTSTATUS (*retry)(struct nt_call *))
{
	struct lsw_thread **l = &p->remote_waiters;

	while (*l)
		l = &(*l)->remote_next;
	*l = c->thread;
	c->thread->remote_next = NULL;
	c->thread->remote_target = p;
	c->thread->remote_retry = retry;
	nt_defer(c, remote_cancel, NULL);
	return NT_DEFERRED;
}

/* Its memory may be read: the address space is laid out and no client's
 * ops are in flight. */
static bool settled(const struct lsw_process *p)
{
	return p->space_ready && !p->service_client;
}

/* ...and changed: its service thread is parked too. */
static bool service_ready(const struct lsw_process *p)
{
	return settled(p) && p->service && p->service_parked && !p->service_wanted;
}

/* The first waiting call runs again. */
static void run_waiter(struct lsw_process *p)
{
	struct lsw_thread *w = p->remote_waiters;
	NTSTATUS st;

	queue_unlink(w);
	w->call.cancel = NULL;
	st = w->remote_retry(&w->call);
	if (st != NT_DEFERRED)
		nt_answer(w, st);
}

/* Each call waiting runs again once (one that still waits goes back to
 * the end of the queue), until one's ops are in flight. */
static void pump(struct lsw_process *p)
{
	unsigned n = 0;

	for (struct lsw_thread *w = p->remote_waiters; w; w = w->remote_next)
		n++;
	while (n-- && p->remote_waiters && settled(p))
		run_waiter(p);
}

static struct lsw_process *target_of(struct nt_call *c, uint64_t h, uint32_t access,
				     NTSTATUS *st)
{
	struct process_object *o = process_from_handle(c, h, access, st);

	if (!o)
		return NULL;
	if (!o->process || o->process->terminated || o->process->reaped) {
		*st = LSW_STATUS_PROCESS_IS_TERMINATING;
		return NULL;
	}
	return o->process;
}

struct nt_call *remote_call_begin(struct nt_call *c, uint64_t h, uint32_t access,
				  NTSTATUS (*retry)(struct nt_call *), NTSTATUS *st)
{
	struct lsw_process *p = target_of(c, h, access, st);
	struct nt_call *tc;

	if (!p)
		return NULL;
	if (p == c->thread->process)
		return c;
	if (p->service_failed) {
		*st = LSW_STATUS_NO_MEMORY;
		return NULL;
	}
	if (!service_ready(p)) {
		if (settled(p) && !p->service && !p->service_wanted)
			remote_service_want(p); /* its first such call */
		*st = wait_for(c, p, retry);
		return NULL;
	}
	tc = &p->service->call;
	tc->nops = 0;
	tc->ops_overflow = false;
	return tc;
}

NTSTATUS remote_call_end(struct nt_call *c, struct nt_call *tc, NTSTATUS st)
{
	struct lsw_process *p = tc->thread->process;

	if (tc == c || (!tc->nops && !tc->ops_overflow))
		return st;
	nt_add_op(tc, LSW_OP_CONTINUE);
	p->service_parked = false;
	p->service_client = c->thread;
	c->thread->remote_target = p;
	c->thread->remote_status = st;
	nt_defer(c, remote_cancel, NULL);
	nt_answer(p->service, LSW_STATUS_SUCCESS);
	return NT_DEFERRED;
}

struct lsw_process *remote_process(struct nt_call *c, uint64_t h, uint32_t access,
				   NTSTATUS (*retry)(struct nt_call *), NTSTATUS *st)
{
	struct lsw_process *p = target_of(c, h, access, st);

	if (!p || p == c->thread->process || settled(p))
		return p;
	*st = wait_for(c, p, retry);
	return NULL;
}

static NTSTATUS child_started(struct nt_call *c)
{
	return c->thread->remote_status;
}

NTSTATUS remote_wait_space(struct nt_call *c, struct lsw_process *p,
			   NTSTATUS (*retry)(struct nt_call *))
{
	if (!p || p == c->thread->process || p->terminated || p->reaped || settled(p))
		return LSW_STATUS_SUCCESS;
	return wait_for(c, p, retry);
}

NTSTATUS remote_wait_started(struct nt_call *c, struct lsw_process *child, NTSTATUS st)
{
	/* one that runs at once is waited for by the calls that need it */
	if (st != LSW_STATUS_SUCCESS || settled(child) ||
	    (!child->main_thread.suspend_count && !child->debug))
		return st;
	c->thread->remote_status = st;
	return wait_for(c, child, child_started);
}

int remote_service_create(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint64_t b = vad_find_free(&p->vad, LSW_BLOCK_SIZE, ALLOC_GRANULARITY, false);
	struct lsw_thread *s = calloc(1, sizeof(*s));
	struct lsw_op *op;

	/* the runtime's own memory (type 0): the program's calls refuse it */
	if (!s || !b || !vad_insert(&p->vad, b, LSW_BLOCK_SIZE, 0, PAGE_READWRITE, MEM_COMMIT,
				    PAGE_READWRITE)) {
		free(s);
		return -1;
	}
	if ((op = nt_add_op(c, LSW_OP_MMAP))) {
		op->arg[0] = b;
		op->arg[1] = LSW_BLOCK_SIZE;
		op->arg[2] = PROT_READ | PROT_WRITE;
		op->arg[3] = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE;
		op->arg[4] = (uint64_t)-1;
	}
	if ((op = nt_add_op(c, LSW_OP_CLONE)))
		op->arg[0] = b;
	c->thread->clone_block = b;
	p->service_wanted = true; /* until its hello */
	*s = (struct lsw_thread){ .process = p, .block = b, .exit_fd = -1, .started = true,
				  .exit_status = 259 /* STILL_ACTIVE */ };
	s->call.thread = s;
	p->service = s;
	return 0;
}

void remote_service_want(struct lsw_process *p)
{
	if (p->service || p->service_wanted || p->service_failed || p->terminated)
		return;
	p->service_wanted = true;
	process_find_carrier(p);
}

/* Processes that have run SERVICE_DELAY_NS get their service thread
 * anyway, while a thread of theirs can still carry it: one that later
 * blocks for good in a call that cannot be given up (a debugger's
 * WaitForDebugEvent, a pipe read) would otherwise hold up the first
 * memory call on it (DebugActiveProcess of its own debugger). */
static void service_due(void *arg, uint32_t events)
{
	struct lsw_host *h = arg;
	uint64_t now = loop_now_ns();

	(void)events;
	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->service_due && p->service_due <= now) {
			p->service_due = 0;
			remote_service_want(p);
		}
}

bool remote_service_pending(const struct lsw_process *p)
{
	return p->service_wanted && !p->service && !p->service_failed;
}

void remote_service_carry(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;

	if (!remote_service_pending(p) || c->thread->clone_block)
		return;
	if (remote_service_create(c) == 0)
		return;
	lsw_log("service thread of process %u not made (out of memory)", p->win_pid);
	p->service_failed = true;
	p->service_wanted = false;
	pump(p); /* its callers fail */
}

void remote_space_ready(struct lsw_process *p)
{
	p->space_ready = true;
	if (!p->service) {
		p->service_due = loop_now_ns() + SERVICE_DELAY_NS;
		if (!loop_add_timer(&p->host->loop, p->service_due, service_due, p->host))
			p->service_due = 0;
	}
	pump(p);
}

bool remote_is_service(const struct lsw_thread *t)
{
	return t && t->process->service == t;
}

/* Its hello, or the end of a client's ops: the client is answered and the
 * thread parks for the next one. */
void remote_service_request(struct lsw_thread *t, unsigned kind)
{
	struct lsw_process *p = t->process;
	struct lsw_thread *client = p->service_client;

	if ((kind != LSW_REQ_THREAD_HELLO && kind != LSW_REQ_CONTINUE) || p->service_parked) {
		fprintf(stderr, "lsw: the runtime's service thread made request %u\n", kind);
		process_terminate(p, LSW_STATUS_UNSUCCESSFUL);
		return;
	}
	p->service_parked = true;
	p->service_wanted = false;
	p->service_client = NULL;
	if (client) {
		client->remote_target = NULL;
		nt_answer(client, client->remote_status);
	}
	pump(p);
}

void remote_process_free(struct lsw_process *p)
{
	struct lsw_thread *client = p->service_client;

	if (client) {
		queue_unlink(client);
		nt_answer(client, LSW_STATUS_PROCESS_IS_TERMINATING);
	}
	/* p is terminated: each finds that out (or, for a creator, that its
	 * child exists) and is answered */
	while (p->remote_waiters)
		run_waiter(p);
	if (p->service) {
		tracee_memo_free(p->service);
		free(p->service);
		p->service = NULL;
	}
}
