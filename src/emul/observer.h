/*
 * Who watches the NT kernel work: `lsw trace`.  The kernel calls these
 * hooks where every call and every process passes (dispatch, answers, a
 * process's end) and knows nothing else of the observer; a job has at most
 * one (its spec's observer, with its argument).  Any hook may be NULL.
 */
#ifndef LSW_OBSERVER_H
#define LSW_OBSERVER_H

#include "emul/emul.h"

struct nt_observer {
	/* A call is about to run, its stack arguments fetched. */
	void (*call_enter)(void *arg, struct nt_call *c);
	/* It was deferred: its answer comes later (or never). */
	void (*call_deferred)(void *arg, struct nt_call *c);
	/* Its answer, before it leaves: the outputs are in place. */
	void (*call_exit)(void *arg, struct nt_call *c, NTSTATUS status);
	/* A stub of our DLLs was called (its validated "dll!Function"). */
	void (*stub_called)(void *arg, struct nt_call *c, const char *name);
	/* The process is gone: "exited with" a code, or "killed by signal". */
	void (*process_exit)(void *arg, struct lsw_process *p, const char *how, int code);
	/* A thread's record goes: what the observer keeps for it goes too
	 * (t->observer_state). */
	void (*thread_free)(void *arg, struct lsw_thread *t);
	/* The job is over: no call comes any more. */
	void (*job_end)(void *arg);
	/* Whether call_enter walks the caller's stack (lsw trace -k): only
	 * then does a fast channel call bring the caller's rip and rsp (two
	 * more cache lines between the CPUs per call). */
	bool (*walks_stack)(void *arg);
};

/* The observer of the job t's process belongs to, or NULL. */
static inline const struct nt_observer *thread_observer(const struct lsw_thread *t)
{
	const struct lsw_job *j = t->process->job;

	return j ? j->spec.observer : NULL;
}

static inline void *thread_observer_arg(const struct lsw_thread *t)
{
	return t->process->job->spec.observer_arg;
}

static inline bool thread_observer_walks_stack(const struct lsw_thread *t)
{
	const struct nt_observer *o = thread_observer(t);

	return o && o->walks_stack && o->walks_stack(thread_observer_arg(t));
}

#endif
