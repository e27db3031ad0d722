/*
 * Memory calls on another process.  A process's memory can only be
 * changed from inside it, so a process has a service thread of the
 * runtime, started on the first such call (or with the process when it
 * starts suspended or debugged) and parked in the supervisor: the ops of
 * a call on that process (allocate, protect, map, unmap, a remote
 * thread's clone) are its answer, and its next request (LSW_REQ_CONTINUE)
 * says they are done; then the caller is answered and the thread parks
 * again.  Calls that come before the process's address space exists,
 * before its service thread, or while the thread serves another caller,
 * wait in the process's queue and run again when it is free.  The
 * supervisor's VAD map stays the one source of truth.
 */
#ifndef LSW_MEMORY_REMOTE_H
#define LSW_MEMORY_REMOTE_H

#include "emul/emul.h"
#include "emul/process/process_object.h"

/* The call whose op list changes the memory of the process handle h names
 * (h must grant access): c itself for c's own process, else that process's
 * service thread's call.  NULL with *st: why not, or NT_DEFERRED when c
 * waits (retry is then how c runs again). */
struct nt_call *remote_call_begin(struct nt_call *c, uint64_t h, uint32_t access,
				  NTSTATUS (*retry)(struct nt_call *), NTSTATUS *st);
/* The status of c's handler on tc: ops for another process are sent to
 * its service thread and c waits for them (NT_DEFERRED). */
NTSTATUS remote_call_end(struct nt_call *c, struct nt_call *tc, NTSTATUS st);
/* The process h names once its address space exists (c's own for the
 * pseudo-handle), for calls that only read the supervisor's view; NULL
 * with *st as for remote_call_begin. */
struct lsw_process *remote_process(struct nt_call *c, uint64_t h, uint32_t access,
				   NTSTATUS (*retry)(struct nt_call *), NTSTATUS *st);
/* LSW_STATUS_SUCCESS once the live process p's address space exists (and
 * no other caller's ops run in it); NT_DEFERRED until then, retry being
 * how c runs again. */
NTSTATUS remote_wait_space(struct nt_call *c, struct lsw_process *p,
			   NTSTATUS (*retry)(struct nt_call *));
/* c (NtCreateUserProcess) is answered with st; for a child that starts
 * suspended or debugged, as on Windows, once its address space exists so
 * that the parent may read and change it before it runs (NT_DEFERRED
 * until then); the calls that need a running child's wait by themselves. */
NTSTATUS remote_wait_started(struct nt_call *c, struct lsw_process *child, NTSTATUS st);

/* The service thread's block and clone go into c's answer (a thread of
 * its process: the first one's at the start of a process that starts
 * suspended or debugged); -1 when out of memory. */
int remote_service_create(struct nt_call *c);
/* p's service thread is wanted and not made yet: a thread of p must
 * carry its clone (console_ctrl.c's carriers)... */
bool remote_service_pending(const struct lsw_process *p);
/* Asks one of p's threads to carry its service thread's clone. */
void remote_service_want(struct lsw_process *p);
/* ...which c's answer does, if it clones nothing else. */
void remote_service_carry(struct nt_call *c);
/* p's start wrote its PEB: the calls waiting for it may run. */
void remote_space_ready(struct lsw_process *p);
/* Whether t is its process's service thread; its requests go here. */
bool remote_is_service(const struct lsw_thread *t);
void remote_service_request(struct lsw_thread *t, unsigned kind);
/* p goes: its waiting callers are answered, its service record freed. */
void remote_process_free(struct lsw_process *p);

#endif
