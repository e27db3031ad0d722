/*
 * Debug events: what debuggee threads report to their port, and how the
 * debugger fetches (NtWaitForDebugEvent) and continues (NtDebugContinue)
 * them.  An event is a DBGUI_WAIT_STATE_CHANGE laid out when reported; the
 * handles it carries (to the new process and thread) are made in the
 * debugger's table when it is fetched.  A process's events are fetched
 * one at a time, in order: the next waits until the previous is continued.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/process/debug.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"
#include "emul/sync/apc.h"
#include "emul/sync/sync.h"

#define THREAD_ALL_ACCESS 0x1FFFFFu
#define DBG_EXCEPTION_HANDLED 0x00010001u
#define DBG_CONTINUE 0x00010002u
#define DBG_EXCEPTION_NOT_HANDLED 0x80010001u
#define DBG_REPLY_LATER 0x40010001u
#define STATUS_BREAKPOINT 0x80000003u
#define STATUS_SINGLE_STEP 0x80000004u

/* Handles made when the event is fetched. */
enum { GIVE_PROCESS = 1, GIVE_THREAD = 2 };

struct debug_event {
	struct debug_event *next;
	uint32_t pid, tid;
	struct lsw_thread *thread;   /* stopped until continued; NULL: none */
	debug_resume_fn *resume;
	bool delivered;
	bool froze;                  /* counted in its process's debug_stops */
	bool reply_later;            /* DBG_REPLY_LATER: to be fetched again */
	bool regs_in_block;          /* the thread's user context is its block's
				      * registers (a fault, a start) */
	uint8_t give;                /* GIVE_*: where the handles go */
	uint8_t state[DBG_STATE_SIZE];
};

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

/* An event the debugger answered DBG_REPLY_LATER comes again once its
 * thread is not suspended (by the debugger, to let the others run). */
static bool held_back(const struct debug_event *e)
{
	return e->reply_later && e->thread && thread_suspend_count(e->thread);
}

/* An earlier event of ev's process goes first, but for one held back for
 * another thread: that thread waits, the others report on. */
static bool earlier_of_process(const struct debug_object *d, const struct debug_event *ev)
{
	for (const struct debug_event *e = d->first; e && e != ev; e = e->next)
		if (e->pid == ev->pid && !(held_back(e) && e->tid != ev->tid))
			return true;
	return false;
}

/* As on Windows, a process has one event out at a time: the next is
 * fetched once the debugger continued the one before. */
static struct debug_event *ready_event(const struct debug_object *d)
{
	for (struct debug_event *e = d->first; e; e = e->next)
		if (!e->delivered && !held_back(e) && !earlier_of_process(d, e))
			return e;
	return NULL;
}

bool debug_has_ready_event(const struct debug_object *d)
{
	return ready_event(d) != NULL;
}

/* A new event of t's process (tid: the thread it is about), unqueued. */
static struct debug_event *event_new(struct lsw_process *p, uint32_t tid, enum dbg_state state)
{
	struct debug_event *ev;

	if (!p->debug || !(ev = calloc(1, sizeof(*ev))))
		return NULL;
	ev->pid = p->win_pid;
	ev->tid = tid;
	put(ev->state, 0x00, state, 4);
	put(ev->state, 0x08, p->win_pid, 8);
	put(ev->state, 0x10, tid, 8);
	return ev;
}

bool debug_context_in_block(const struct lsw_thread *t)
{
	return t->debug_event && t->debug_event->regs_in_block;
}

/* While any of p's events is not continued, all its threads stay stopped:
 * as on Windows, one whose own event was continued too, until the last
 * (its answer is held), and one made meanwhile. */
static void freeze(struct lsw_process *p, struct debug_event *ev)
{
	ev->froze = true;
	p->debug_stops++;
	thread_freeze_all(p);
}

static void unfreeze(struct lsw_process *p, struct debug_event *ev)
{
	ev->froze = false;
	if (p && p->debug_stops && !--p->debug_stops)
		thread_thaw_all(p);
}

/* Queues ev on p's port; with stop, t waits for its continue. */
static void post(struct lsw_process *p, struct debug_event *ev, struct lsw_thread *stop)
{
	struct debug_object *d = p->debug;

	if (stop) {
		ev->thread = stop;
		stop->debug_event = ev;
		freeze(p, ev); /* as on Windows, the whole process stops */
	}
	if (d->last)
		d->last->next = ev;
	else
		d->first = ev;
	d->last = ev;
	waitable_wake(&d->hdr);
}

static void report_dll_at(struct lsw_process *p, struct lsw_thread *t, uint64_t base, bool stop)
{
	struct debug_event *ev = event_new(p, t->win_tid, DBG_LOAD_DLL);

	if (!ev)
		return;
	put(ev->state, 0x20, base, 8); /* BaseOfDll; FileHandle and NamePointer stay 0 */
	post(p, ev, stop ? t : NULL);
}

static void report_create_process(struct lsw_process *p, struct lsw_thread *t, bool stop)
{
	struct debug_event *ev = event_new(p, t->win_tid, DBG_CREATE_PROCESS);

	if (!ev)
		return;
	ev->give = GIVE_PROCESS | GIVE_THREAD;
	t->debug_told = true;
	put(ev->state, 0x38, p->image_base, 8);      /* NewProcess.BaseOfImage */
	put(ev->state, 0x50, p->start.image_entry, 8); /* InitialThread.StartAddress */
	ev->regs_in_block = true; /* the start registers, loaded on the answer */
	post(p, ev, stop ? t : NULL);
}

static void report_create_thread(struct lsw_thread *t, bool stop)
{
	struct debug_event *ev = event_new(t->process, t->win_tid, DBG_CREATE_THREAD);

	if (!ev)
		return;
	ev->give = GIVE_THREAD;
	t->debug_told = true;
	put(ev->state, 0x28, t->start, 8);           /* NewThread.StartAddress */
	ev->regs_in_block = true;
	post(t->process, ev, stop ? t : NULL);
}

void debug_report_process_start(struct lsw_thread *t)
{
	struct lsw_process *p = t->process;

	if (!p->debug)
		return;
	report_create_process(p, t, true);
	report_dll_at(p, t, p->ntdll_base, true);
}

/* Told already when an attach found it made but not yet running. */
void debug_report_thread_start(struct lsw_thread *t)
{
	if (t->process->debug && !t->debug_told)
		report_create_thread(t, true);
}

void debug_report_dll(struct lsw_thread *t, uint64_t base)
{
	if (t->process->debug && base != t->process->image_base)
		report_dll_at(t->process, t, base, true);
}

void debug_report_dll_unload(struct lsw_thread *t, uint64_t base)
{
	struct debug_event *ev = event_new(t->process, t->win_tid, DBG_UNLOAD_DLL);

	if (!ev)
		return;
	put(ev->state, 0x18, base, 8);
	post(t->process, ev, t);
}

void debug_report_attach(struct lsw_process *p)
{
	struct lsw_thread *first = &p->main_thread;

	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (!t->exited)
			first = t; /* the oldest: the list is newest first */
	/* Windows' order: the process, ntdll, the other threads, the DLLs */
	report_create_process(p, first, false);
	report_dll_at(p, first, p->ntdll_base, false);
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (!t->exited && t != first)
			report_create_thread(t, false);
	for (unsigned i = 0; i < p->nimages; i++)
		if (p->images[i].base != p->image_base && p->images[i].base != p->ntdll_base)
			report_dll_at(p, first, p->images[i].base, false);
}

/* A thread the debugger never heard of (ended before it first ran, while
 * its creation event could not be posted yet) ends unreported: as on
 * Windows, a thread's creation event comes before any other of its own. */
void debug_report_thread_exit(struct lsw_thread *t, uint32_t status)
{
	struct debug_event *ev;

	if (!t->debug_told || !(ev = event_new(t->process, t->win_tid, DBG_EXIT_THREAD)))
		return;
	t->debug_told = false;
	put(ev->state, 0x18, status, 4);
	post(t->process, ev, NULL);
}

/* The process's end is reported for a thread its debugger knows: the
 * oldest one not reported ended (the last to end, or one ended with it). */
void debug_report_process_exit(struct lsw_process *p, uint32_t status)
{
	uint32_t tid = p->main_thread.win_tid;
	struct debug_event *ev;

	if (p->debug_exit_told)
		return;
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (t->debug_told)
			tid = t->win_tid;
	if (!(ev = event_new(p, tid, DBG_EXIT_PROCESS)))
		return;
	p->debug_exit_told = true;
	put(ev->state, 0x18, status, 4);
	post(p, ev, NULL);
}

bool debug_report_exception(struct lsw_thread *t, const void *record, bool first_chance,
			    bool regs_in_block, debug_resume_fn *resume)
{
	struct debug_event *ev = event_new(t->process, t->win_tid, DBG_EXCEPTION);
	uint32_t code;

	if (!ev)
		return false;
	memcpy(&code, record, 4);
	/* a first-chance breakpoint or single step has a state of its own */
	if (first_chance && (code == STATUS_BREAKPOINT || code == STATUS_SINGLE_STEP))
		put(ev->state, 0x00, code == STATUS_BREAKPOINT ? DBG_BREAKPOINT : DBG_SINGLE_STEP, 4);
	memcpy(ev->state + 0x18, record, 0x98);
	put(ev->state, 0xB0, first_chance, 4);
	ev->resume = resume;
	ev->regs_in_block = regs_in_block;
	post(t->process, ev, t);
	return true;
}

static void unlink_event(struct debug_object *d, struct debug_event *ev)
{
	struct debug_event **pp = &d->first, *prev = NULL;

	for (; *pp && *pp != ev; pp = &(*pp)->next)
		prev = *pp;
	if (!*pp)
		return;
	*pp = ev->next;
	if (d->last == ev)
		d->last = prev;
}

static bool thread_has_events(const struct debug_object *d, const struct lsw_thread *t)
{
	for (const struct debug_event *e = d->first; e; e = e->next)
		if (e->thread == t)
			return true;
	return false;
}

static struct lsw_process *live_process(struct lsw_host *h, uint32_t pid)
{
	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->win_pid == pid && !p->reaped)
			return p;
	return NULL;
}

/* ev is over: its thread goes on once it has no other event pending.
 * Waiters on d may take the next event (not while d is destroyed: a wake
 * would take a reference on it again). */
static void finish(struct debug_object *d, struct debug_event *ev, uint32_t status, bool wake)
{
	struct lsw_thread *t = ev->thread;
	debug_resume_fn *resume = ev->resume;
	struct lsw_process *p = ev->froze ? live_process(d->host, ev->pid) : NULL;

	unlink_event(d, ev);
	if (p)
		unfreeze(p, ev); /* first: t's own answer may still be held */
	free(ev);
	if (t && !thread_has_events(d, t)) {
		t->debug_event = NULL;
		if (resume)
			resume(t, status);
		else if (t->held && !t->suspend_count)
			nt_answer(t, t->held_status);
	}
	if (wake)
		waitable_wake(&d->hdr);
}

void debug_thread_ended(struct lsw_thread *t)
{
	struct debug_object *d = t->process->debug;

	t->debug_event = NULL;
	for (struct debug_event *e = d ? d->first : NULL; e; e = e->next)
		if (e->thread == t)
			e->thread = NULL;
}

void debug_events_drop_process(struct debug_object *d, uint32_t pid)
{
	struct debug_event *e = d->first, *next;

	for (; e; e = next) {
		next = e->next;
		if (e->pid == pid)
			finish(d, e, DBG_CONTINUE, true);
	}
}

void debug_events_free(struct debug_object *d)
{
	while (d->first)
		finish(d, d->first, DBG_CONTINUE, false);
}

static struct lsw_thread *process_thread(struct lsw_process *p, uint32_t tid)
{
	for (struct lsw_thread *t = p ? p->threads : NULL; t; t = t->next)
		if (t->win_tid == tid)
			return t;
	return NULL;
}

/* The debugger's handles to what ev is about. */
static void give_handles(struct lsw_process *debugger, struct debug_event *ev)
{
	struct lsw_process *p = live_process(debugger->host, ev->pid);
	struct lsw_thread *t = process_thread(p, ev->tid);
	size_t thread_at = ev->give & GIVE_PROCESS ? 0x20 : 0x18;
	struct nt_object *o;

	if ((ev->give & GIVE_PROCESS) && p && (o = process_object_get(p))) {
		put(ev->state, 0x18, handle_alloc(debugger, o, PROCESS_ALL_ACCESS), 8);
		object_unref(o);
	}
	if ((ev->give & GIVE_THREAD) && t && (o = thread_object_get(t))) {
		put(ev->state, thread_at, handle_alloc(debugger, o, THREAD_ALL_ACCESS), 8);
		object_unref(o);
	}
	ev->give = 0;
}

void debug_deliver(struct debug_object *d, struct lsw_thread *t)
{
	struct debug_event *ev = ready_event(d);
	struct lsw_process *p;

	if (!ev)
		return;
	give_handles(t->process, ev);
	if (tracee_write(t, t->call.args[3], ev->state, DBG_STATE_SIZE) < 0)
		return; /* the debugger's buffer is bad: the event stays to fetch */
	ev->delivered = true;
	if (ev->reply_later && ev->thread && !ev->froze && (p = live_process(d->host, ev->pid)))
		freeze(p, ev); /* out again: the process stops again */
}

/* NtWaitForDebugEvent(DebugObjectHandle, Alertable, Timeout,
 *                     WaitStateChange) */
NTSTATUS nt_NtWaitForDebugEvent(struct nt_call *c)
{
	static const uint8_t idle[DBG_STATE_SIZE]; /* DbgIdle until an event */
	struct nt_object *obj;
	uint64_t ns;
	NTSTATUS st;

	if (!(obj = object_from_handle(c, c->args[0], &debug_ops, DEBUG_READ_EVENT, &st)))
		return st;
	if (tracee_write(c->thread, c->args[3], idle, sizeof(idle)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION; /* checked before an event is taken */
	if ((st = wait_timeout_read(c, c->args[2], &ns)) != LSW_STATUS_SUCCESS ||
	    (st = apc_alertable(c, (uint8_t)c->args[1])) != LSW_STATUS_SUCCESS)
		return st;
	return wait_objects(c, &obj, 1, false, ns);
}

/* The debugger will take ev again (the same state, its handles given
 * once), before the later events of its thread. */
static void reply_later(struct debug_object *d, struct debug_event *ev)
{
	if (ev->froze) /* meanwhile the others may run */
		unfreeze(live_process(d->host, ev->pid), ev);
	ev->delivered = false;
	ev->reply_later = true;
	waitable_wake(&d->hdr);
}

void debug_thread_resumed(struct lsw_thread *t)
{
	struct debug_object *d = t->process->debug;

	if (d && t->debug_event && t->debug_event->reply_later)
		waitable_wake(&d->hdr);
}

/* NtDebugContinue(DebugObjectHandle, ClientId, ContinueStatus): the
 * fetched event of that thread is over. */
NTSTATUS nt_NtDebugContinue(struct nt_call *c)
{
	uint32_t status = (uint32_t)c->args[2];
	struct debug_object *d;
	uint64_t cid[2];
	NTSTATUS st;

	if (status != DBG_CONTINUE && status != DBG_EXCEPTION_HANDLED &&
	    status != DBG_EXCEPTION_NOT_HANDLED && status != DBG_REPLY_LATER)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(d = (struct debug_object *)object_from_handle(c, c->args[0], &debug_ops,
							    DEBUG_READ_EVENT, &st)))
		return st;
	if (tracee_read(c->thread, c->args[1], cid, sizeof(cid)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	for (struct debug_event *e = d->first; e; e = e->next)
		if (e->delivered && e->pid == cid[0] && e->tid == cid[1]) {
			if (status != DBG_REPLY_LATER)
				finish(d, e, status, true);
			else
				reply_later(d, e);
			return LSW_STATUS_SUCCESS;
		}
	return LSW_STATUS_INVALID_PARAMETER;
}
