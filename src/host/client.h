/*
 * The client side of lswhost (lsw run, ps, kill, host): finding the
 * prefix's daemon, starting it when asked, and what a run through it is.
 */
#ifndef LSW_HOST_CLIENT_H
#define LSW_HOST_CLIENT_H

#include <stdbool.h>
#include "emul/emul.h"
#include "host/host_socket.h"
#include "host/protocol.h"

/* host_connect's answers besides a socket. */
#define HOST_NONE (-2)       /* no daemon runs (and none was to be started) */
#define HOST_FALLBACK (-3)   /* none usable: run standalone (said why) */

/* A connected, greeted socket to prefix's lswhost; with start, one is
 * started if none runs (lsw_exe: the lsw executable, run as lswhost).
 * HOST_NONE, HOST_FALLBACK, or -1 after printing why. */
int host_connect(const char *prefix, bool start, const char *lsw_exe, struct host_paths *paths);
/* The same with the request sent right behind HELLO, before its answer
 * (one round trip less): send(sock, arg), 0 or -1, once per connection
 * tried.  The daemon reads it only after a HELLO it accepts. */
typedef int host_send_fn(int sock, void *arg);
int host_connect_then(const char *prefix, bool start, const char *lsw_exe,
		      struct host_paths *paths, host_send_fn *send, void *arg);

/* One request and its reply: 0 with *payload malloc'd, or -1 (said why). */
int host_request(int sock, uint32_t type, const struct proto_writer *w, uint32_t reply_type,
		 uint8_t **payload, uint32_t *size);

/* lsw run through the daemon: the job and its first process, the
 * client's stdio and current directory handed over, signals relayed.
 * lsw's exit status as standalone gives it, or HOST_FALLBACK. */
int host_client_run(const char *prefix, const char *lsw_exe, const struct lsw_job_spec *js,
		    const struct lsw_process_spec *ps, bool debug);

#endif
