/*
 * lswhost: one host behind a Unix socket, for every `lsw run` of one
 * prefix and user.  daemon.c listens, checks who connects and reads
 * messages; daemon_jobs.c turns RUN requests into jobs of the host and
 * answers PS and KILL; daemon_life.c keeps the idle timer and the stop.
 */
#ifndef LSW_HOST_DAEMON_H
#define LSW_HOST_DAEMON_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "host/host_socket.h"
#include "host/protocol.h"
#include "host/run_request.h"

struct lsw_daemon_config {
	struct lsw_host_config host;
	const char *prefix;          /* as given: the socket's name is its real path's */
	unsigned idle_sec;           /* exit after this long with no client and no process */
	int ready_fd;                /* told "ok" once listening (or closed on failure); -1 */
	int log_fd;                  /* where the daemon's own messages go */
	/* A run's environment from the one its client sent (--env and
	 * --host-env): malloc'd strings in a malloc'd vector, or NULL. */
	char **(*job_env)(void *arg, char *const *options);
	void *job_env_arg;
};

/* Runs lswhost until it is idle or stopped.  Its exit status: 0, or 1
 * when it could not start (said why on log_fd and ready_fd). */
int daemon_main(const struct lsw_daemon_config *cfg);

#define DAEMON_STOP_GRACE_MS 2000
#define DAEMON_DEFAULT_IDLE_SEC 5

/* One client connection, and the job it asked for. */
struct conn {
	struct daemon *d;
	struct conn *next;
	int fd;                      /* -1 once the client is gone */
	uid_t peer_uid;
	pid_t peer_pid;
	uint8_t *in;                 /* what has arrived of the next message */
	size_t inlen;
	int fds[PROTO_RUN_FDS];      /* fds that came with it */
	unsigned nfds;
	bool hello_done;
	/* its run: the request (the job's strings live there), the job, and
	 * the fds behind its stdio and current directory */
	struct run_request rq;
	struct lsw_job *job;
	uint32_t job_id;
	uint64_t started;            /* Unix seconds */
	int job_fds[PROTO_RUN_FDS];  /* stdin, stdout, stderr, cwd, terminal; -1 */
	int stderr_nb;               /* the job's stderr, non-blocking (for lsw's messages) */
	bool exit_sent;              /* EXIT went before the job's end */
};

struct daemon {
	struct lsw_host *h;
	const struct lsw_daemon_config *cfg;
	struct host_paths paths;
	int listen_fd, lock_fd, root_fd;
	struct conn *conns;
	struct conn *current;        /* whose context (stderr, directory) is current */
	uint32_t next_job_id;
	uint64_t start_ns;
	uint64_t idle_timer, stop_timer;
	bool stopping;               /* STOP or SIGTERM: no new jobs, exit once none */
	bool retiring;               /* a newer build asked: exit once idle */
};

void daemon_log(struct daemon *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The connection goes (its job, if any, is ended first and outlives it). */
void conn_close(struct conn *c);
/* Sends a message; a client that cannot take it is shut out (its next
 * read event closes it; c stays valid for the caller). */
void conn_send(struct conn *c, uint32_t type, const struct proto_writer *w);
void conn_error(struct conn *c, uint32_t code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* daemon_jobs.c */
void daemon_jobs_init(struct daemon *d);
void daemon_run(struct conn *c, const uint8_t *payload, size_t size);
void daemon_signal(struct conn *c, uint32_t signo);
void daemon_ps(struct conn *c);
/* Ends process pid with code, and with tree every process descended
 * from it (by the parent each was started by). */
void daemon_kill(struct conn *c, uint32_t pid, uint32_t code, uint32_t flags);
/* What c's run held (its request, stdio and directory fds) goes. */
void daemon_release_run(struct conn *c);
/* The client of a running job went away: its job ends. */
void daemon_job_orphaned(struct conn *c);
/* Every job ends with status (daemon stop). */
void daemon_terminate_all(struct daemon *d, uint32_t status);

/* daemon_life.c */
/* Whether anything keeps the daemon: a client or a process. */
bool daemon_busy(const struct daemon *d);
/* Re-arms or cancels the idle timer after a change. */
void daemon_check_idle(struct daemon *d);
void daemon_status(struct conn *c);
void daemon_stop(struct daemon *d, uint32_t grace_ms);
int daemon_watch_signals(struct daemon *d);

#endif
