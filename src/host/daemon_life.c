/*
 * lswhost's life: it exits after idle_sec with no client and no process
 * (as wineserver does), at once when a newer build asked it to retire,
 * and on STOP or SIGTERM after giving its jobs a grace period.
 */
#include <signal.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include "host/daemon.h"
#include "host/host.h"

bool daemon_busy(const struct daemon *d)
{
	return d->conns || d->h->processes || d->h->jobs;
}

static void on_idle(void *arg, uint32_t events)
{
	struct daemon *d = arg;

	(void)events;
	d->idle_timer = 0;
	if (!daemon_busy(d)) {
		daemon_log(d, "idle for %u s", d->cfg->idle_sec);
		loop_stop(&d->h->loop);
	}
}

void daemon_check_idle(struct daemon *d)
{
	if (daemon_busy(d)) {
		if (d->idle_timer)
			loop_cancel_timer(&d->h->loop, d->idle_timer);
		d->idle_timer = 0;
		return;
	}
	if (d->stopping || d->retiring) {
		loop_stop(&d->h->loop);
		return;
	}
	if (!d->idle_timer)
		d->idle_timer = loop_add_timer(&d->h->loop, loop_now_ns() +
					       d->cfg->idle_sec * 1000000000ull, on_idle, d);
}

void daemon_status(struct conn *c)
{
	struct daemon *d = c->d;
	struct proto_writer w = { 0 };
	uint32_t nproc = 0, njobs = 0;

	for (struct lsw_process *p = d->h->processes; p; p = p->next)
		nproc++;
	for (struct lsw_job *j = d->h->jobs; j; j = j->next)
		njobs++;
	proto_put_u32(&w, (uint32_t)getpid());
	proto_put_u64(&w, (loop_now_ns() - d->start_ns) / 1000000);
	proto_put_u32(&w, nproc);
	proto_put_u32(&w, njobs);
	proto_put_str(&w, d->paths.socket);
	proto_put_str(&w, proto_build_id());
	proto_put_u32(&w, d->cfg->idle_sec);
	conn_send(c, PROTO_STATUS_INFO, &w);
	proto_writer_free(&w);
}

static void on_grace_over(void *arg, uint32_t events)
{
	struct daemon *d = arg;

	(void)events;
	d->stop_timer = 0;
	daemon_log(d, "grace period over: terminating the remaining jobs");
	daemon_terminate_all(d, LSW_STATUS_CONTROL_C_EXIT);
}

/* No new client gets in (the socket goes, so the next lsw run starts a
 * new daemon once this one has let go of the lock); the jobs running get
 * grace_ms to end by themselves. */
void daemon_stop(struct daemon *d, uint32_t grace_ms)
{
	if (d->stopping)
		return;
	d->stopping = true;
	daemon_log(d, "stopping (grace %u ms)", grace_ms);
	if (d->listen_fd >= 0) {
		loop_unwatch(&d->h->loop, d->listen_fd);
		close(d->listen_fd);
		d->listen_fd = -1;
		unlink(d->paths.socket);
	}
	if (!d->h->jobs) {
		loop_stop(&d->h->loop);
		return;
	}
	d->stop_timer = loop_add_timer(&d->h->loop, loop_now_ns() + grace_ms * 1000000ull,
				       on_grace_over, d);
}

static void on_signal(void *arg, uint32_t events)
{
	struct daemon *d = arg;
	struct signalfd_siginfo si;

	(void)events;
	if (read(d->h->signal_fd, &si, sizeof(si)) == sizeof(si))
		daemon_stop(d, DAEMON_STOP_GRACE_MS);
}

/* host_init watches SIGINT, SIGTERM and SIGHUP to end its processes;
 * for the daemon they end the daemon, cleanly. */
int daemon_watch_signals(struct daemon *d)
{
	loop_unwatch(&d->h->loop, d->h->signal_fd);
	return loop_watch(&d->h->loop, d->h->signal_fd, EPOLLIN, on_signal, d);
}
