/*
 * A thread's debug registers (Dr0-Dr3, Dr6, Dr7 of its CONTEXT) and the
 * hardware breakpoints they arm.  The supervisor does not ptrace: each
 * enabled breakpoint is a perf event (PERF_TYPE_BREAKPOINT) the supervisor
 * opens on the thread's Linux tid with attr.sigtrap, so the kernel sends
 * the thread SIGTRAP (TRAP_PERF, sig_data = the slot) when it fires, and
 * the runtime reports it as a fault; perf_event_open never enters the
 * program's own whitelist.  docs/debug-registers.md has the reasoning.
 */
#ifndef LSW_HW_BREAKPOINT_H
#define LSW_HW_BREAKPOINT_H

#include "emul/emul.h"

/* Dr0-Dr3, Dr6, Dr7 of t into a CONTEXT (zero when it has none set). */
void hw_breakpoints_to_context(const struct lsw_thread *t, uint8_t *ctx);
/* t's debug registers from a CONTEXT, its breakpoints armed to match.
 * STATUS_NOT_SUPPORTED when the kernel cannot arm one (no perf breakpoint
 * support, perf_event_open refused, no free debug register): then nothing
 * changed. */
NTSTATUS hw_breakpoints_from_context(struct lsw_thread *t, const uint8_t *ctx);
/* NtContinue's way: the same, a failure only noted once per process on
 * stderr (the thread goes on with the debug registers it had). */
void hw_breakpoints_continue(struct lsw_thread *t, const uint8_t *ctx);
/* A new thread said hello: what was set before it had a tid is armed. */
void hw_breakpoints_thread_started(struct lsw_thread *t);
/* A single-step fault: the Dr6 it shows (BS, or the slot's B0-B3 when a
 * breakpoint fired: slot < 0 for a trap flag step).  False: a breakpoint
 * slot t no longer has armed (set otherwise since it fired): no exception. */
bool hw_breakpoints_hit(struct lsw_thread *t, int slot);
/* Closes t's breakpoints and forgets its debug registers. */
void hw_breakpoints_free(struct lsw_thread *t);

#endif
