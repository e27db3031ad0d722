/* Thread objects and the threads of a process after the first. */
#ifndef LSW_THREAD_H
#define LSW_THREAD_H

#include <sys/types.h>
#include "emul/object/object.h"

#include "emul/sync/waitable.h"

struct thread_object {
	struct nt_object hdr;
	struct waitable wait;        /* signalled when the thread has ended */
	struct lsw_thread *thread;   /* NULL: the thread's record is gone */
	/* once the record is gone: its process's object, referenced, as a
	 * Windows thread object keeps its process's (its id, exit status) */
	struct nt_object *process;
};

extern const struct nt_object_ops thread_ops;

/* t's thread object, made if it has none (the first thread's, or after
 * its handles were closed); a reference the caller drops. */
struct nt_object *thread_object_get(struct lsw_thread *t);
/* Thread access rights (winnt.h). */
#define THREAD_TERMINATE 0x1u
#define THREAD_SUSPEND_RESUME 0x2u
#define THREAD_GET_CONTEXT 0x8u
#define THREAD_SET_CONTEXT 0x10u
#define THREAD_SET_INFORMATION 0x20u
#define THREAD_QUERY_INFORMATION 0x40u
#define THREAD_SET_THREAD_TOKEN 0x80u
#define THREAD_SET_LIMITED_INFORMATION 0x400u
#define THREAD_QUERY_LIMITED_INFORMATION 0x800u
#define THREAD_RESUME 0x1000u
/* Either query right, either set right: a full right covers the limited. */
#define THREAD_QUERY_ANY (THREAD_QUERY_INFORMATION | THREAD_QUERY_LIMITED_INFORMATION)
#define THREAD_SET_ANY (THREAD_SET_INFORMATION | THREAD_SET_LIMITED_INFORMATION)

/* The thread a handle (or NT_CURRENT_THREAD_HANDLE, which has every
 * right) names, when the handle has one of the rights in any (0: none
 * needed); else STATUS_ACCESS_DENIED, as Windows checks at the call. */
struct lsw_thread *thread_from_handle(struct nt_call *c, uint64_t h, uint32_t any, NTSTATUS *st);
/* What a thread handle opened with access gets (thread_open.c): generic
 * rights mapped, and (as since Vista) a full query or set right brings
 * its limited one along; bits no thread right has are dropped. */
uint32_t thread_access_map(uint32_t access);
/* Is h a thread handle whose thread ended with its process (its record
 * gone: thread_from_handle says STATUS_INVALID_HANDLE)? */
bool thread_handle_ended(struct nt_call *c, uint64_t h);
/* The thread created with this block that has not said hello yet; it
 * gets tid.  NULL: nobody expects that hello. */
struct lsw_thread *thread_claim_hello(struct lsw_process *p, pid_t tid, uint64_t block);
/* t's Linux thread is gone (its pidfd said so, or its tid is a new
 * thread's).  Normally the supervisor ended it first; one that left
 * through the gate without its exit work ends now, with the status it was
 * told to end with, and the process with its last thread. */
void thread_gone(struct lsw_thread *t);
/* Frees t's record and what it holds (its name, its id, its observer's
 * state), giving its quota back; its object, if any, outlives it. */
void thread_record_free(struct lsw_thread *t);
/* A thread of c's process that the supervisor starts (no handle to it)
 * at start(arg), cloned when c is answered. */
NTSTATUS thread_start_system(struct nt_call *c, uint64_t start, uint64_t arg);
/* Answers a new thread's hello (held while it is suspended). */
NTSTATUS thread_hello(struct lsw_thread *t);
/* Sends LSW_INTERRUPT_SIGNAL (once until it arrives): the thread stops in
 * the runtime as soon as it runs its own code. */
void thread_request_interrupt(struct lsw_thread *t);
/* A thread told to end calls again (a fault, an NT call): its interrupt
 * is on its way, or it blocked the signal.  Nothing more is done for it:
 * the answer ends it, or (a DIRECT call, which cannot carry the ops) says
 * STATUS_THREAD_IS_TERMINATING.  False: t may call. */
bool thread_call_refused(struct lsw_thread *t);
/* A thread stopped by LSW_INTERRUPT_SIGNAL (LSW_REQ_INTERRUPT): it ends,
 * waits for its resume, or goes on. */
NTSTATUS thread_interrupted(struct lsw_thread *t);
/* Writes t's TEB (at t->teb, of t's process's PEB) for a thread on that
 * stack; -1: the memory is gone. */
int thread_write_teb(struct lsw_thread *t, uint64_t stack_base, uint64_t stack_size,
		     uint64_t stack_commit);
/* thread_start.c: t's initial context, routine(arg) through
 * ntdll!RtlUserThreadStart on the stack ending at stack_top, kept until
 * t first runs (NtGet/SetContextThread read and change it meanwhile). */
void thread_start_prepare(struct lsw_thread *t, uint64_t routine, uint64_t arg,
			  uint64_t stack_top);
/* The answer that lets t run for the first time is going out: it enters
 * ntdll's loader with its initial context. */
void thread_start_enter(struct lsw_thread *t);
/* An interrupt landed before the start's jump: its registers go back. */
void thread_start_keep_regs(struct lsw_thread *t);
/* While a debug event of p is out, its threads (but the service thread,
 * which serves the debugger's memory calls) stay stopped, each counted as
 * one suspension not shown to NtSuspend/ResumeThread; thaw lets them go. */
void thread_freeze_all(struct lsw_process *p);
void thread_thaw_all(struct lsw_process *p);
/* One suspension more (caller: the thread asking, which is not
 * interrupted: its answer is held); one less, and at none it goes on. */
void thread_suspend_one(struct lsw_thread *t, const struct lsw_thread *caller);
void thread_resume_one(struct lsw_thread *t);
/* Its suspend count as NtSuspendThread/NtResumeThread show it. */
uint32_t thread_suspend_count(const struct lsw_thread *t);
/* thread_context.c: answers the context calls waiting for t's suspension
 * to land, now that its interrupt came back (stopped or not) or it entered
 * a call (where its context is not ours to give: they fail as before). */
void thread_context_landed(struct lsw_thread *t);
/* t's interrupt came back with its registers in its block: context calls
 * see whether it stopped at a syscall instruction (thread_context.c). */
void thread_context_stop_seen(struct lsw_thread *t);
/* t's interrupt came back and it is not suspended: the context calls
 * waiting for it are served from this stop, and it goes on (with the
 * context one of them set). */
void thread_context_passing(struct lsw_thread *t);
/* A call of t was served (deferred: it blocks) while context calls wait
 * for t's interrupt, sent before the call was read (thread_context.c). */
void thread_context_call_served(struct lsw_thread *t, bool deferred);

#endif
