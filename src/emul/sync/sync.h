/* The synchronisation object types beside events (event.h): mutants,
 * semaphores, waitable timers; what NtSignalAndWaitForSingleObject needs
 * of them. */
#ifndef LSW_SYNC_H
#define LSW_SYNC_H

#include "emul/object/object.h"

extern const struct nt_object_ops mutant_ops;
extern const struct nt_object_ops semaphore_ops;
extern const struct nt_object_ops timer_ops;

#define SYNCHRONIZE_RIGHT 0x00100000u
#define STANDARD_READ 0x00020000u /* READ_CONTROL */
#define SYNC_MODIFY_STATE 0x0002u /* EVENT_, SEMAPHORE_, TIMER_MODIFY_STATE */
#define SYNC_QUERY_STATE 0x0001u  /* EVENT_, MUTANT_, SEMAPHORE_, TIMER_QUERY_STATE */

/* NtReleaseMutant for thread t: the previous count into *prev. */
NTSTATUS mutant_release(struct nt_object *m, struct lsw_thread *t, int32_t *prev);
/* NtReleaseSemaphore: adds count, the previous count into *prev. */
NTSTATUS semaphore_release(struct nt_object *s, int32_t count, int32_t *prev);

/* The object behind a handle to wait on: it needs SYNCHRONIZE and must be
 * something a wait understands (a file is: its I/O is over when its call
 * returns).  NULL with *st set otherwise. */
struct nt_object *wait_target(struct nt_call *c, uint64_t h, NTSTATUS *st);

/* The timeout argument of a wait (NULL: none; negative: relative, 100 ns
 * units; positive: absolute system time) as ns from now, UINT64_MAX for
 * none. */
NTSTATUS wait_timeout_read(struct nt_call *c, uint64_t ptr, uint64_t *ns);

#endif
