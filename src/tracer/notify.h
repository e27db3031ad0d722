/* seccomp user notifications: the channel every NT call arrives on. */
#ifndef LSW_NOTIFY_H
#define LSW_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/seccomp.h>

/* Ask for a synchronous wake-up of the supervisor (Linux 6.6): halves the
 * round trip by keeping tracee and supervisor on one CPU. */
int notify_set_sync_wakeup(int fd);
/* The same on or off: off, the woken thread goes to an idle CPU rather
 * than the supervisor's (the fast channel wants both running at once). */
int notify_sync_wakeup(int fd, bool on);
/* 0, or -1 with errno (ENOENT: the tracee thread is gone). */
int notify_recv(int fd, struct seccomp_notif *n);
int notify_send(int fd, uint64_t id, int64_t val, int error);
/* Lets the notified system call run as the thread made it (the caller
 * checked its arguments: registers only, nothing in memory). */
int notify_continue(int fd, uint64_t id);
/* Installs srcfd in the tracee; returns the tracee's fd number or -1. */
int notify_addfd(int fd, uint64_t id, int srcfd);

#endif
