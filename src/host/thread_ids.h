/* Which thread a notification comes from, and the Linux threads behind a
 * process's threads: the clones the supervisor allows, the exits it sees. */
#ifndef LSW_THREAD_IDS_H
#define LSW_THREAD_IDS_H

#include <linux/seccomp.h>
#include "emul/emul.h"

/* The thread that sent n: a new thread's hello claims its record (and its
 * Linux thread is watched from then on), anything else is looked up by
 * tid among the threads that have not ended.  NULL: none of ours. */
struct lsw_thread *notify_thread(struct lsw_process *p, const struct seccomp_notif *n);
/* Whether n is a clone through the gate (t sent it); if so it was served:
 * let run as t's last answer asked, or the process ended. */
bool notify_clone(struct lsw_process *p, struct lsw_thread *t, const struct seccomp_notif *n);
/* The process goes: its threads' Linux exits are no longer watched. */
void thread_ids_forget(struct lsw_process *p);

#endif
