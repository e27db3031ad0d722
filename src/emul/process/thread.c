/*
 * Threads: NtCreateThreadEx, NtTerminateThread, NtResumeThread,
 * NtQueryInformationThread, and the hello of a new thread.
 *
 * A new thread is made by the creating thread's runtime: the reply to
 * NtCreateThreadEx maps the new thread's stack, TEB and runtime block and
 * asks for LSW_OP_CLONE.  The clone says LSW_REQ_THREAD_HELLO with its
 * block, which is how the supervisor learns its Linux tid; the answer sets
 * its GS base to its TEB and jumps to ntdll!RtlUserThreadStart(start, arg).
 * Suspension holds a thread's answers: one in a call stays there (its
 * answer waits, see nt_answer), a created-suspended one in its hello, and
 * one running its own code is interrupted (LSW_INTERRUPT_SIGNAL) and waits
 * in the runtime's interrupt request.  Ending another thread works the
 * same way: its pending call is cut short and the interrupt ends it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "emul/process/debug.h"
#include "emul/process/hw_breakpoint.h"
#include "emul/sync/apc.h"
#include "emul/io/io_completion.h"
#include "emul/io/pipe_named.h"
#include "emul/memory/stack.h"
#include "emul/system/kuser.h"
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/registry/registry.h"
#include "emul/process/console_ctrl.h"
#include "emul/process/fast_channel.h"
#include "emul/process/quota.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"

#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 0x1
#define THREAD_CREATE_FLAGS_HIDE_FROM_DEBUGGER 0x4
#define THREAD_ALL_ACCESS 0x1FFFFF
#define TEB_SIZE 0x2000
#define MIN_STACK (64 * 1024)

static void thread_destroy(struct nt_object *obj)
{
	struct thread_object *o = (struct thread_object *)obj;

	if (o->thread && o->thread->object == o)
		o->thread->object = NULL;
	if (o->process)
		object_unref(o->process);
	free(o);
}

static void thread_describe(struct nt_object *obj, char *buf, size_t len)
{
	struct thread_object *o = (struct thread_object *)obj;

	snprintf(buf, len, "thread %u", o->thread ? o->thread->win_tid : 0);
}

static bool thread_signaled(struct nt_object *obj, struct lsw_thread *waiter)
{
	struct thread_object *o = (struct thread_object *)obj;

	(void)waiter;
	return !o->thread || o->thread->exited;
}

static const struct waitable_ops thread_wait_ops = { thread_signaled, NULL };

static struct waitable *thread_waitable(struct nt_object *obj)
{
	return &((struct thread_object *)obj)->wait;
}

const struct nt_object_ops thread_ops = {
	.type_name = "Thread",
	.destroy = thread_destroy,
	.describe = thread_describe,
	.waitable = thread_waitable,
};

struct lsw_thread *thread_from_handle(struct nt_call *c, uint64_t h, uint32_t any, NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;
	struct thread_object *o;

	if (h == NT_CURRENT_THREAD_HANDLE)
		return c->thread;
	if (h == NT_CURRENT_PROCESS_HANDLE) { /* a process's, as a handle to one would be */
		*st = LSW_STATUS_OBJECT_TYPE_MISMATCH;
		return NULL;
	}
	o = (struct thread_object *)handle_get(p, h, &thread_ops, st);
	if (o && any && !(handle_access(p, h) & any)) {
		*st = LSW_STATUS_ACCESS_DENIED;
		return NULL;
	}
	if (o && !o->thread) {
		*st = LSW_STATUS_INVALID_HANDLE;
		return NULL;
	}
	return o ? o->thread : NULL;
}

bool thread_handle_ended(struct nt_call *c, uint64_t h)
{
	NTSTATUS st;
	struct thread_object *o = (struct thread_object *)handle_get(c->thread->process, h,
								      &thread_ops, &st);

	return o && !o->thread;
}

/*
 * The thread has ended: its status is final and its waiters are told.
 * The one place where everything bound to a thread goes, however it ended:
 * its deferred call (wait, lock, read, write, registry watch: nt_cancel),
 * its mutants, its APCs, the watches it asked for.  Nothing completes for
 * it afterwards, so nothing is ever written through it again.
 */
static void thread_ended(struct lsw_thread *t, uint32_t status)
{
	struct lsw_process *p = t->process;

	if (t->exited)
		return;
	t->exited = true;
	t->exit_status = status;
	t->exit_time = nt_system_time();
	if (p->live_threads) /* every thread that gets here was counted */
		p->live_threads--;
	if (t != &p->main_thread && p->threads_charged)
		p->threads_charged--;
	nt_cancel(t);
	np_thread_exited(t);
	mutant_thread_exited(t);
	apc_thread_exited(t);
	io_completion_thread_exited(t);
	registry_notify_thread_exited(t);
	thread_context_landed(t); /* its waiters learn it is terminating */
	debug_thread_ended(t);
	if (!p->terminated && p->live_threads)
		debug_report_thread_exit(t, status);
	if (t->object)
		waitable_wake(&((struct thread_object *)t->object)->hdr);
}

void thread_gone(struct lsw_thread *t)
{
	struct lsw_process *p = t->process;

	if (t->exited)
		return;
	thread_ended(t, t->terminating ? t->exit_status : (uint32_t)LSW_STATUS_UNSUCCESSFUL);
	if (!p->live_threads)
		process_terminate(p, t->exit_status); /* only a parked leader is left */
}

/* A new thread has tid: a thread we still think lives with that number
 * left without its exit work (a program can exit a thread through the
 * gate), so it has ended, with the status it was told to end with. */
static void tid_taken(struct lsw_process *p, pid_t tid)
{
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (t->tid == tid && t != &p->main_thread) {
			thread_gone(t);
			t->tid = 0; /* its Linux thread is gone: reclaim may take its block */
		}
}

struct lsw_thread *thread_claim_hello(struct lsw_process *p, pid_t tid, uint64_t block)
{
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (!t->tid && !t->exited && t->block == block && block) {
			tid_taken(p, tid);
			t->tid = tid;
			return t;
		}
	return NULL;
}

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

#define STATIC_UNICODE_BUFFER 0x1268 /* WCHAR[261], after StaticUnicodeString */

int thread_write_teb(struct lsw_thread *t, uint64_t stack_base, uint64_t stack_size,
		     uint64_t stack_commit)
{
	struct lsw_process *p = t->process;
	uint8_t teb[TEB_SIZE] = { 0 };

	put(teb, 0x08, stack_base + stack_size, 8);        /* NtTib.StackBase */
	put(teb, 0x10, stack_base + stack_size - stack_commit, 8); /* NtTib.StackLimit */
	put(teb, 0x30, t->teb, 8);                         /* NtTib.Self */
	put(teb, 0x40, p->win_pid, 8);                     /* ClientId.UniqueProcess */
	put(teb, 0x48, t->win_tid, 8);                     /* ClientId.UniqueThread */
	put(teb, 0x60, p->peb, 8);                         /* ProcessEnvironmentBlock */
	put(teb, 0x7D8, p->win_pid, 8);                    /* RealClientId */
	put(teb, 0x7E0, t->win_tid, 8);
	put(teb, 0x125A, 261 * 2, 2);                      /* StaticUnicodeString.MaximumLength */
	put(teb, 0x1260, t->teb + STATIC_UNICODE_BUFFER, 8); /* .Buffer */
	put(teb, 0x1478, stack_base, 8);                   /* DeallocationStack */
	return tracee_write(t, t->teb, teb, sizeof(teb));
}

static NTSTATUS start_thread(struct lsw_thread *t)
{
	struct lsw_op *op;

	if (thread_write_teb(t, t->stack_base, t->stack_size, t->stack_commit) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	op = nt_add_op(&t->call, LSW_OP_SET_GS);
	if (op)
		op->arg[0] = t->teb;
	nt_add_op(&t->call, LSW_OP_JUMP); /* to what thread_start_enter puts in its block */
	t->start_jump_pending = true;
	debug_report_thread_start(t); /* with a debugger, held until continued */
	return LSW_STATUS_SUCCESS;
}

static void op_munmap(struct nt_call *c, uint64_t base, uint64_t size)
{
	struct lsw_op *op;

	if (base && (op = nt_add_op(c, LSW_OP_MUNMAP))) {
		op->arg[0] = base;
		op->arg[1] = size;
	}
}

static void hold_range(struct vad_map *m, uint64_t base)
{
	struct vad *v = base ? vad_find(m, base) : NULL;

	if (v && v->base == base)
		vad_hold(m, v);
}

/*
 * The answer that ends thread t (its own call): its stack and TEB are
 * unmapped (the runtime runs on its block's alternate stack meanwhile),
 * then the thread exits.  The supervisor's view keeps them until the
 * Linux thread is gone (reclaim), so nothing new is placed there early;
 * the block stays mapped for the next thread: a dying thread cannot unmap
 * the stack it runs on.
 *
 * The first thread is the Linux thread group's leader: once it exited, the
 * process id would no longer reach the memory (process_vm_* look at the
 * leader), so it stays, waiting in a request never answered, until the
 * process ends.
 */
static void exit_ops(struct lsw_thread *t)
{
	struct lsw_op *op;

	op_munmap(&t->call, t->stack_base, t->stack_size);
	op_munmap(&t->call, t->teb, TEB_SIZE);
	/* unmapped: the program's memory calls must not reach them (an
	 * mprotect of them would fail and end the process) */
	hold_range(&t->process->vad, t->stack_base);
	hold_range(&t->process->vad, t->teb);
	if (t == &t->process->main_thread) {
		t->process->leader_parked = true;
		nt_add_op(&t->call, LSW_OP_CONTINUE);
	} else if ((op = nt_add_op(&t->call, LSW_OP_EXIT_THREAD))) {
		op->arg[0] = 0;
	}
}

NTSTATUS thread_hello(struct lsw_thread *t)
{
	t->started = true;
	hw_breakpoints_thread_started(t);
	if (!t->terminating)
		return start_thread(t); /* held while suspended (nt_answer) */
	thread_ended(t, t->exit_status);
	exit_ops(t);
	return LSW_STATUS_SUCCESS;
}

/* Whether the Linux thread is gone (its exit ops done, its block free). */
static bool linux_thread_gone(const struct lsw_thread *t)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/task/%d", (int)t->process->pid, (int)t->tid);
	return !t->tid || stat(path, &st) < 0;
}

static void forget_range(struct vad_map *m, uint64_t base)
{
	struct vad *v = base ? vad_find(m, base) : NULL;

	if (v && v->base == base)
		vad_remove(m, v);
}

/* Keeps an ended thread's runtime block for the next new thread; false
 * when out of memory (the block then stays with its record). */
static bool spare_block_put(struct lsw_process *p, uint64_t block, void *map)
{
	if (p->nspare_blocks == p->capspare_blocks) {
		size_t cap = p->capspare_blocks ? p->capspare_blocks * 2 : 16;
		struct spare_block *nb = realloc(p->spare_blocks, cap * sizeof(*nb));

		if (!nb)
			return false;
		p->spare_blocks = nb;
		p->capspare_blocks = cap;
	}
	p->spare_blocks[p->nspare_blocks++] = (struct spare_block){ block, map };
	return true;
}

/* Whether an ended thread still has something to give back: its ranges,
 * its block, or its record once nothing refers to it (nobody holds its
 * object, its Linux thread is no longer watched). */
static bool has_leftovers(const struct lsw_thread *t)
{
	return t->stack_base || t->block || t->nreleased || (!t->object && t->exit_fd < 0);
}

/*
 * What finished threads left, once their Linux threads are gone: their
 * stack and TEB ranges become free in the supervisor's view, their blocks
 * go to the spares new threads take, and the records nothing refers to
 * any more are freed with their quota.  A record whose object is still
 * held stays (its exit code and times are asked for through it).
 */
static void reclaim(struct lsw_process *p)
{
	for (struct lsw_thread **link = &p->threads, *t; (t = *link);) {
		if (!t->exited || t == &p->main_thread || !has_leftovers(t) ||
		    !linux_thread_gone(t)) {
			link = &t->next;
			continue;
		}
		forget_range(&p->vad, t->stack_base);
		forget_range(&p->vad, t->teb);
		memory_released_done(t);
		t->stack_base = t->teb = 0;
		fast_channel_cool(t); /* its block is no longer polled */
		if (t->block && spare_block_put(p, t->block, t->block_map)) {
			t->block = 0;
			t->block_map = NULL;
		}
		if (!t->object && t->exit_fd < 0 && !t->block) {
			*link = t->next;
			thread_record_free(t);
		} else {
			link = &t->next;
		}
	}
}

/* Asks a thread that runs its own code to stop in the runtime. */
void thread_request_interrupt(struct lsw_thread *t)
{
	if (t->interrupt_sent || !t->tid || t->exited)
		return;
	if (syscall(SYS_tgkill, t->process->pid, t->tid, LSW_INTERRUPT_SIGNAL) == 0)
		t->interrupt_sent = true;
}

bool thread_call_refused(struct lsw_thread *t)
{
	if (!t->terminating)
		return false;
	t->call.row = NT_ROW_NOT_A_CALL; /* not run, not traced */
	if (t->call.direct) {
		nt_answer(t, LSW_STATUS_THREAD_IS_TERMINATING); /* no ops possible */
		return true;
	}
	thread_ended(t, t->exit_status);
	exit_ops(t);
	nt_answer(t, LSW_STATUS_SUCCESS);
	return true;
}

NTSTATUS thread_interrupted(struct lsw_thread *t)
{

	t->interrupt_sent = false;
	if (t->start_jump_pending)
		thread_start_keep_regs(t);
	thread_context_stop_seen(t);
	console_ctrl_on_interrupt(t); /* before a jump its APCs may add */
	if (!t->terminating && !t->suspend_count && apc_on_interrupt(t)) {
		t->call_restart = false;
		thread_context_landed(t); /* resumed before it stopped */
		return LSW_STATUS_SUCCESS; /* on to its APCs */
	}
	if (t->terminating) {
		thread_ended(t, t->exit_status);
		exit_ops(t);
		return LSW_STATUS_SUCCESS;
	}
	if (!t->suspend_count) {
		thread_context_passing(t);
		return LSW_STATUS_SUCCESS; /* it goes on where it was (or was set) */
	}
	t->stopped = true; /* nt_answer holds this until the resume */
	thread_context_landed(t);
	return LSW_STATUS_SUCCESS; /* no ops: it goes on where it was */
}

static struct thread_object *new_thread_object(struct lsw_thread *t)
{
	struct thread_object *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	object_init(&o->hdr, &thread_ops);
	waitable_init(&o->wait, &thread_wait_ops);
	o->thread = t;
	t->object = o;
	return o;
}

struct nt_object *thread_object_get(struct lsw_thread *t)
{
	struct thread_object *o = t->object;

	if (o)
		return object_ref(&o->hdr);
	o = new_thread_object(t);
	return o ? &o->hdr : NULL; /* its first reference is the caller's */
}

/* A new thread of tc's process that will start at start(arg): its record,
 * stack (below the ZeroBits limit), TEB and runtime block (mapped by the
 * ops of tc's answer, the block shared with the supervisor).  tc is the
 * calling thread's own call, or the service thread's of another process.
 * Not yet cloned: thread_launch asks for that. */
static NTSTATUS thread_make(struct nt_call *tc, uint64_t start, uint64_t arg, bool suspended,
			    uint64_t zero_bits, uint64_t stack, uint64_t max_stack,
			    struct lsw_thread **out)
{
	struct lsw_process *p = tc->thread->process;
	uint64_t limit = vad_zero_bits_limit(zero_bits);
	struct lsw_thread *t;
	NTSTATUS st;

	if (!limit)
		return LSW_STATUS_INVALID_PARAMETER_3; /* ZeroBits 22 to 31 */
	if (!p->start.entry_thread)
		return LSW_STATUS_NOT_IMPLEMENTED; /* an ntdll without RtlUserThreadStart */
	if (p->job->spec.limits.threads && 1 + p->threads_charged >= p->job->spec.limits.threads)
		return LSW_STATUS_INSUFFICIENT_RESOURCES; /* --pids: the main thread counts */
	reclaim(p); /* first: what ended threads left is free again */
	if ((st = quota_charge(p, QUOTA_NONPAGED, sizeof(*t))) != LSW_STATUS_SUCCESS)
		return st;
	if (!(t = calloc(1, sizeof(*t)))) {
		quota_release(p, QUOTA_NONPAGED, sizeof(*t));
		return LSW_STATUS_NO_MEMORY;
	}
	t->process = p;
	t->exit_fd = -1;
	t->start = start;
	t->start_arg = arg;
	t->suspend_count = suspended ? 1 : 0;
	t->exit_status = STILL_ACTIVE;
	t->create_time = nt_system_time();
	t->serial = ++p->threads_made;
	t->stack_commit = stack ? stack : p->start.default_commit;
	t->stack_size = max_stack ? max_stack : p->start.default_stack;
	stack_sizes(&t->stack_commit, &t->stack_size, MIN_STACK);
	if (p->nspare_blocks) {
		t->block = p->spare_blocks[--p->nspare_blocks].addr;
		t->block_map = p->spare_blocks[p->nspare_blocks].map;
	}
	t->stack_base = stack_create(tc, t->stack_size, t->stack_commit, limit);
	t->teb = process_alloc_private(tc, TEB_SIZE, PAGE_READWRITE);
	if (!t->block && (t->block = process_alloc_private(tc, LSW_BLOCK_SIZE, PAGE_READWRITE)))
		t->block_map = thread_block_share(tc, t->block);
	t->block_map_live = t->block_map != NULL; /* mapped before the clone */
	if (!t->stack_base || !t->teb || !t->block || !(t->win_tid = client_id_alloc(&p->host->ids))) {
		/* the pool quota, spent by a region's charge rather than the
		 * thread's own, still ends the thread as the quota */
		st = quota_charge(p, QUOTA_NONPAGED, sizeof(*t)) == (NTSTATUS)LSW_STATUS_SUCCESS
			     ? LSW_STATUS_NO_MEMORY
			     : LSW_STATUS_QUOTA_EXCEEDED;
		if (st == (NTSTATUS)LSW_STATUS_NO_MEMORY)
			quota_release(p, QUOTA_NONPAGED, sizeof(*t));
		/* what was reserved stays reserved: the VAD and the ops agree;
		 * the block serves the next thread */
		if (t->block && !spare_block_put(p, t->block, t->block_map))
			thread_block_unmap(t->block_map);
		free(t);
		quota_release(p, QUOTA_NONPAGED, sizeof(*t));
		return st;
	}
	thread_start_prepare(t, start, arg, t->stack_base + t->stack_size);
	t->next = p->threads;
	p->threads = t;
	p->threads_charged++;
	*out = t;
	return LSW_STATUS_SUCCESS;
}

/* A made thread that will never start: its hello, if any, is refused. */
static void thread_unmake(struct lsw_thread *t)
{
	t->exited = true;
	/* its ranges stay mapped and reserved: reclaim must not free them */
	t->block = t->stack_base = t->teb = 0;
	thread_block_unmap(t->block_map);
	t->block_map = NULL;
	t->process->threads_charged--;
}

/* tc's answer clones t, which then says hello. */
static void thread_launch(struct nt_call *tc, struct lsw_thread *t)
{
	struct lsw_op *op;

	op = nt_add_op(tc, LSW_OP_CLONE);
	if (op)
		op->arg[0] = t->block;
	tc->thread->clone_block = t->block; /* the one clone its answer may make */
	/* alive from now on, as on Windows, not from its hello: a creator
	 * that ends at once does not end the process (thread_ended counts
	 * it out) */
	t->process->live_threads++;
}

NTSTATUS thread_start_system(struct nt_call *c, uint64_t start, uint64_t arg)
{
	struct lsw_thread *t;
	NTSTATUS st = thread_make(c, start, arg, false, 0, 0, 0, &t);

	if (st == LSW_STATUS_SUCCESS)
		thread_launch(c, t);
	return st;
}

/* NtCreateThreadEx(ThreadHandle, DesiredAccess, ObjectAttributes,
 *                  ProcessHandle, StartRoutine, Argument, CreateFlags,
 *                  ZeroBits, StackSize, MaximumStackSize, AttributeList).
 * In another process, that process's service thread makes the clone. */
NTSTATUS nt_NtCreateThreadEx(struct nt_call *c)
{
	struct lsw_process *self = c->thread->process;
	struct thread_object *o;
	struct nt_call *tc;
	struct lsw_thread *t;
	uint64_t h = 0;
	NTSTATUS st;

	if (!c->args[4])
		return LSW_STATUS_INVALID_PARAMETER;
	/* where the handle goes, before anything is made for the thread */
	if (tracee_write(c->thread, c->args[0], &h, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(tc = remote_call_begin(c, c->args[3], PROCESS_CREATE_THREAD, nt_NtCreateThreadEx,
				     &st)))
		return st;
	st = thread_make(tc, c->args[4], c->args[5],
			 (uint32_t)c->args[6] & THREAD_CREATE_FLAGS_CREATE_SUSPENDED, c->args[7],
			 c->args[8], c->args[9], &t);
	if (st != LSW_STATUS_SUCCESS)
		return remote_call_end(c, tc, st);
	t->hidden_from_debugger = (c->args[6] & THREAD_CREATE_FLAGS_HIDE_FROM_DEBUGGER) != 0;
	if (!(o = new_thread_object(t))) {
		thread_unmake(t);
		return remote_call_end(c, tc, LSW_STATUS_NO_MEMORY);
	}
	st = handle_create(self, &o->hdr, THREAD_ALL_ACCESS, &h);
	object_unref(&o->hdr);
	if (st != LSW_STATUS_SUCCESS || tracee_write(c->thread, c->args[0], &h, 8) < 0) {
		if (h)
			handle_close(self, h);
		thread_unmake(t);
		return remote_call_end(c, tc, h ? (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION : st);
	}
	thread_launch(tc, t);
	return remote_call_end(c, tc, LSW_STATUS_SUCCESS);
}

/* NtTerminateThread(ThreadHandle, ExitStatus).  The current thread (NULL
 * or the pseudo-handle) ends now; when it is the last one, so does the
 * process, with its status.  Another thread ends asynchronously, as on
 * Windows: a call it waits in returns STATUS_THREAD_IS_TERMINATING and the
 * interrupt that follows ends it before it runs another instruction. */
NTSTATUS nt_NtTerminateThread(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint32_t status = (uint32_t)c->args[1];
	struct lsw_thread *t;
	NTSTATUS st = LSW_STATUS_INVALID_HANDLE;

	t = c->args[0] ? thread_from_handle(c, c->args[0], THREAD_TERMINATE, &st) : c->thread;
	if (!t)
		return st;
	if (t->exited || t->terminating)
		return LSW_STATUS_SUCCESS;
	if (t == c->thread) {
		if (p->live_threads <= 1) {
			process_terminate(p, status);
			return NT_DEFERRED; /* never answered: the process is gone */
		}
		thread_ended(t, status);
		exit_ops(t);
		return LSW_STATUS_SUCCESS;
	}
	t->terminating = true;
	t->exit_status = status;
	if (!t->tid)
		return LSW_STATUS_SUCCESS; /* its hello ends it */
	if (t->busy) {
		if (t->stopped || !t->started) {
			/* waiting to be resumed: its answer is its end */
			t->stopped = false;
			t->held = false;
			thread_ended(t, status);
			t->call.nops = 0;
			exit_ops(t);
			nt_answer(t, LSW_STATUS_SUCCESS);
			return LSW_STATUS_SUCCESS;
		}
		/* in a call: cut it short (no ops: it may be a direct call), the
		 * interrupt then ends it on its way out */
		nt_cancel(t);
		thread_request_interrupt(t);
		t->call.nops = 0;
		nt_answer(t, LSW_STATUS_THREAD_IS_TERMINATING);
		return LSW_STATUS_SUCCESS;
	}
	thread_request_interrupt(t);
	return LSW_STATUS_SUCCESS;
}

/* One suspension more: in a call (or the caller's own), its answer is
 * held; running, it is stopped. */
void thread_suspend_one(struct lsw_thread *t, const struct lsw_thread *caller)
{
	t->suspend_count++;
	if (t != caller && !t->busy && t->started)
		thread_request_interrupt(t);
}

/* One suspension less: at none, it goes on. */
static void resume_one(struct lsw_thread *t)
{
	if (!t->suspend_count || --t->suspend_count)
		return;
	if (t->stopped && t->context_set)
		nt_add_op(&t->call, LSW_OP_JUMP); /* the registers NtSetContextThread wrote */
	t->stopped = t->context_set = t->call_restart = false;
	if (t->held) {
		t->held = false;
		nt_answer(t, t->held_status);
	}
}

void thread_resume_one(struct lsw_thread *t)
{
	resume_one(t);
	if (!thread_suspend_count(t))
		debug_thread_resumed(t);
}

/* The count a program sees: a freeze by its debugger is not one. */
uint32_t thread_suspend_count(const struct lsw_thread *t)
{
	return t->suspend_count - (t->frozen ? 1 : 0);
}

void thread_freeze_all(struct lsw_process *p)
{
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (t != p->service && !t->frozen && !t->exited && !t->terminating) {
			t->frozen = true;
			thread_suspend_one(t, NULL);
		}
}

void thread_thaw_all(struct lsw_process *p)
{
	for (struct lsw_thread *t = p->threads; t; t = t->next) {
		if (!t->frozen)
			continue;
		t->frozen = false;
		if (t->exited)
			t->suspend_count--; /* nothing of it to answer */
		else
			resume_one(t);
	}
}

/* NtSuspendThread(ThreadHandle, PreviousSuspendCount) */
NTSTATUS nt_NtSuspendThread(struct nt_call *c)
{
	struct lsw_thread *t;
	uint32_t before;
	NTSTATUS st = LSW_STATUS_INVALID_HANDLE;

	if (!(t = thread_from_handle(c, c->args[0], THREAD_SUSPEND_RESUME, &st)))
		return st;
	if (t->exited || t->terminating)
		return LSW_STATUS_THREAD_IS_TERMINATING;
	if (thread_suspend_count(t) >= 127) /* MAXIMUM_SUSPEND_COUNT */
		return LSW_STATUS_SUSPEND_COUNT_EXCEEDED;
	before = thread_suspend_count(t);
	thread_suspend_one(t, c->thread);
	if (c->args[1] && tracee_write(c->thread, c->args[1], &before, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtResumeThread(ThreadHandle, PreviousSuspendCount) */
NTSTATUS nt_NtResumeThread(struct nt_call *c)
{
	struct lsw_thread *t;
	uint32_t before;
	NTSTATUS st = LSW_STATUS_INVALID_HANDLE;

	if (!(t = thread_from_handle(c, c->args[0], THREAD_SUSPEND_RESUME | THREAD_RESUME, &st)))
		return st;
	before = thread_suspend_count(t);
	if (c->args[1] && tracee_write(c->thread, c->args[1], &before, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (before)
		thread_resume_one(t);
	return LSW_STATUS_SUCCESS;
}
