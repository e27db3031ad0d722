/* Console control events: Ctrl-C and Ctrl-Break run by the program's
 * handlers on a thread started at kernel32's CtrlRoutine (console_ctrl.c). */
#ifndef LSW_CONSOLE_CTRL_H
#define LSW_CONSOLE_CTRL_H

#include "emul/emul.h"

#define CTRL_C_EVENT 0
#define CTRL_BREAK_EVENT 1
#define CTRL_CLOSE_EVENT 2
/* How long a console's close leaves its programs' handlers to clean up
 * before they are ended (Windows: about five seconds). */
#define CTRL_CLOSE_GRACE_NS (5ull * 1000 * 1000 * 1000)

/* Queues event (CTRL_C_EVENT 0, CTRL_BREAK_EVENT 1) for p and starts its
 * delivery; from: the call that raised it, or NULL.  False: p has ended. */
bool console_ctrl_raise(struct lsw_process *p, uint32_t event, struct nt_call *from);
/* The same for every process of job's console in group (0: all); how
 * many got it. */
unsigned console_ctrl_job(struct lsw_host *h, struct lsw_job *job, uint32_t event,
			  uint32_t group, struct nt_call *from);
/* A call t can give up and make again without any effect seen: a
 * DIRECT wait (its answer is a plain return, no ops). */
bool call_restartable_wait(const struct lsw_thread *t);
/* Gives up t's wait so that it is made again after the interrupt (Linux
 * restarts it, ERESTARTNOINTR with the interrupt pending): false when no
 * interrupt could be sent and it keeps waiting. */
bool call_restart_wait(struct lsw_thread *t);
/* p waits for a thread of its own to make a new one (a queued event, its
 * service thread): one running its code is interrupted, or one in a
 * DIRECT wait restarts it; else its next answered call carries it. */
void process_find_carrier(struct lsw_process *p);
/* The console of job goes away (its terminal hung up): every process on
 * it gets CTRL_CLOSE_EVENT, and those still there CTRL_CLOSE_GRACE_NS
 * later end with STATUS_CONTROL_C_EXIT. */
void console_ctrl_close(struct lsw_host *h, struct lsw_job *job);
/* A thread of a process with queued events stopped in its interrupt, or
 * is about to be answered: it may carry one. */
void console_ctrl_on_interrupt(struct lsw_thread *t);
void console_ctrl_on_answer(struct lsw_thread *t);

NTSTATUS lsw_call_ctrl_routine(struct nt_call *c);
NTSTATUS lsw_call_ctrl_event(struct nt_call *c);

#endif
