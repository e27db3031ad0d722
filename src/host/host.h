/*
 * The host: one supervisor serving any number of Windows processes from
 * one loop.  It owns the loop, the process table, the jobs (one per `lsw
 * run`) and what the processes share (emul.h's struct lsw_host); the NT
 * kernel (src/emul) serves their calls.  lsw run embeds one; lswhost will
 * be the same host behind a socket.
 */
#ifndef LSW_HOST_H
#define LSW_HOST_H

#include "emul/emul.h"

/* Sets the host up: loop, KUSER_SHARED_DATA, the prefix's identity key and
 * registry, signals.  0, or -1 after printing why. */
int host_init(struct lsw_host *h, const struct lsw_host_config *cfg);
/* Frees every process and job, writes the registry. */
void host_fini(struct lsw_host *h);
/* Runs the loop until no job has a process left. */
int host_run(struct lsw_host *h);

/* What follows serves job j: its context is made current (lswhost). */
static inline void host_enter_job(struct lsw_host *h, struct lsw_job *j)
{
	if (h->enter_job && h->current_job != j)
		h->enter_job(j);
}

/* job.c: a new job of h (its limits' wall made, its timeout set); NULL
 * after printing why. */
struct lsw_job *job_create(struct lsw_host *h, const struct lsw_job_spec *spec);
/* A process of j is gone (reaped, wait_status from waitpid): it is told
 * to the observer, and the job's exit code is set if it was the first. */
void job_process_ended(struct lsw_job *j, struct lsw_process *p, int wait_status);
/* lsw's exit status for j, in *code, when it is known before the reap:
 * p is j's first process and its last, served (not starting), and has
 * been told to end. */
bool job_exit_known(const struct lsw_job *j, const struct lsw_process *p, int *code);
/* A process of j failed to start (its runtime never served it). */
void job_start_failed(struct lsw_job *j, struct lsw_process *p);
/* Whether any job of h still has a process (when none has, the job
 * that lost the last one stops the loop). */
bool jobs_busy(const struct lsw_host *h);
/* Ends every process of j with status. */
void job_terminate(struct lsw_job *j, uint32_t status);
void job_free(struct lsw_job *j);

/* process_start.c: starts a process of spec's job in h: its runtime is
 * launched and hands over its seccomp listener, then it is served.  Its
 * record, or NULL after printing why (h->start_process). */
struct lsw_process *host_start_process(struct lsw_host *h, const struct lsw_process_spec *spec);

/* serve.c: the seccomp notifications of process p (a loop callback). */
void serve_notification(void *arg, uint32_t events);
struct fast_request;
/* serve.c: a call taken from t's block by the fast channel. */
void serve_fast(struct lsw_thread *t, const struct fast_request *r);
/* fastcall.c: the runtime's channel entry, from a process's hello: the
 * ntdll stubs may call it (KUSER_SHARED_DATA says where), and the loop
 * polls the blocks of the threads that use it.  LSW_FASTCALL=0: never. */
void fastcall_publish(struct lsw_host *h, uint64_t entry);
/* --debug: what the channel did so far (at each process's end). */
void fastcall_report(struct lsw_host *h);

/* run.c: lsw run: a host of its own for one job of one process.  Returns
 * lsw's exit status: the Windows exit code modulo 256, or 124 on
 * --timeout, 125 on setup errors. */
int host_run_program(const struct lsw_host_config *hc, const struct lsw_job_spec *js,
		     struct lsw_process_spec *ps);

#endif
