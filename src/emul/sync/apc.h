/* User APCs (apc.c): queued per thread, run at alertable points. */
#ifndef LSW_APC_H
#define LSW_APC_H

#include "emul/emul.h"

struct apc;

bool apc_pending(const struct lsw_thread *t);
/* Queues routine(a1, a2, a3) to run in t at its next alertable point (now,
 * if it waits alertably). */
NTSTATUS apc_queue(struct lsw_thread *t, uint64_t routine, uint64_t a1, uint64_t a2, uint64_t a3);
/* At the start of a wait that is alertable: with APCs queued the wait does
 * not start (STATUS_USER_APC, and they run as the call returns); else
 * STATUS_SUCCESS, and an APC queued while it waits will end it. */
NTSTATUS apc_alertable(struct nt_call *c, bool alertable);
/* The thread stopped in the interrupt (thread.c): if it was stopped to
 * run APCs, the answer jumps to the dispatcher.  True if so. */
bool apc_on_interrupt(struct lsw_thread *t);
/* NtContinue with TestAlert: the next APC instead of the context, with
 * the context it returns to.  True if one was queued. */
bool apc_continue(struct nt_call *c, const uint8_t *ctx);
/* A thread ended: its queue goes. */
void apc_thread_exited(struct lsw_thread *t);

#endif
