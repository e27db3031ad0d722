/*
 * lswhost's socket: it listens in the user's private runtime directory,
 * lets in only its own user (SO_PEERCRED), reads each client's messages
 * without ever blocking (a client that sends half a message holds nothing
 * up), and hands whole ones on.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/memory/image_cache.h"
#include "emul/registry/registry.h"
#include "host/daemon.h"
#include "host/host.h"
#include "host/runtime_pool.h"

void daemon_log(struct daemon *d, const char *fmt, ...)
{
	va_list ap;

	dprintf(d->cfg->log_fd, "lswhost[%d]: ", (int)getpid());
	va_start(ap, fmt);
	vdprintf(d->cfg->log_fd, fmt, ap);
	va_end(ap);
	dprintf(d->cfg->log_fd, "\n");
}

static void drop_fds(struct conn *c)
{
	for (unsigned i = 0; i < c->nfds; i++)
		close(c->fds[i]);
	c->nfds = 0;
}

static void conn_free(struct conn *c)
{
	struct daemon *d = c->d;

	daemon_release_run(c);
	for (struct conn **pp = &d->conns; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	drop_fds(c);
	free(c->in);
	free(c);
	daemon_check_idle(d);
}

void conn_close(struct conn *c)
{
	if (c->fd >= 0) {
		loop_unwatch(&c->d->h->loop, c->fd);
		close(c->fd);
		c->fd = -1;
	}
	if (c->job) {
		daemon_job_orphaned(c); /* freed once its job is over */
		return;
	}
	conn_free(c);
}

void conn_send(struct conn *c, uint32_t type, const struct proto_writer *w)
{
	/* a client that cannot take its reply is dropped: its next read
	 * event is the end (c stays valid for the caller) */
	if (c->fd >= 0 && proto_send(c->fd, type, w, NULL, 0) < 0) {
		daemon_log(c->d, "client %d: %s", (int)c->peer_pid, strerror(errno));
		shutdown(c->fd, SHUT_RDWR);
	}
}

void conn_error(struct conn *c, uint32_t code, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->fd >= 0)
		proto_send_error(c->fd, code, msg);
}

/* A message the protocol does not allow: said, logged, the client goes. */
static void refuse(struct conn *c, const char *why)
{
	daemon_log(c->d, "client %d: %s; closing the connection", (int)c->peer_pid, why);
	conn_error(c, 125, "lswhost: %s", why);
	conn_close(c);
}

static void hello(struct conn *c, struct proto_reader *r)
{
	uint32_t version = proto_get_u32(r);
	char *build = proto_get_str(r, 256);
	struct proto_writer w = { 0 };
	bool same_build = build && !strcmp(build, proto_build_id());

	free(build);
	if (!proto_done(r)) {
		refuse(c, "malformed HELLO");
		return;
	}
	if (version == PROTO_VERSION && same_build) {
		c->hello_done = true;
		proto_put_u32(&w, PROTO_VERSION);
		proto_put_str(&w, proto_build_id());
		proto_put_u32(&w, (uint32_t)getpid());
		conn_send(c, PROTO_HELLO_OK, &w);
		proto_writer_free(&w);
		return;
	}
	if (version != PROTO_VERSION)
		conn_error(c, 125, "lswhost speaks protocol %u, this lsw %u", PROTO_VERSION, version);
	else
		conn_error(c, PROTO_ERROR_STALE, "lswhost (pid %d) is from another build of lsw",
			   (int)getpid());
	daemon_log(c->d, "client %d has another build; retiring once idle", (int)c->peer_pid);
	c->d->retiring = true;
	conn_close(c);
}

/* lsw reg: the hive files made to hold what the daemon holds, before it
 * reads or writes them, and what it wrote taken in after. */
static void reg_sync(struct conn *c)
{
	char err[1024];

	if (registry_sync(c->d->h, err, sizeof(err)) < 0) {
		daemon_log(c->d, "registry: %s", err);
		conn_error(c, 1, "lswhost: registry: %s", err);
	} else {
		conn_send(c, PROTO_OK, NULL);
	}
}

/* PS, KILL, STATUS, STOP, REG_SYNC: one request a connection, answered,
 * then it ends.  false: not one of them. */
static bool one_shot(struct conn *c, uint32_t type, struct proto_reader *r)
{
	struct daemon *d = c->d;
	uint32_t a = 0, b = 0, flags = 0;

	if (type != PROTO_PS && type != PROTO_KILL && type != PROTO_STATUS && type != PROTO_STOP &&
	    type != PROTO_REG_SYNC)
		return false;
	if (type == PROTO_KILL || type == PROTO_STOP)
		a = proto_get_u32(r);
	if (type == PROTO_KILL) {
		b = proto_get_u32(r);
		flags = proto_get_u32(r);
	}
	if (!proto_done(r) || (type == PROTO_STOP && a > 60000) || (flags & ~PROTO_KILL_FLAGS) ||
	    (flags & PROTO_KILL_CTRL_C && flags & PROTO_KILL_CTRL_BREAK)) {
		refuse(c, "a malformed request");
		return true;
	}
	if (type == PROTO_PS)
		daemon_ps(c);
	else if (type == PROTO_KILL)
		daemon_kill(c, a, b, flags);
	else if (type == PROTO_STATUS)
		daemon_status(c);
	else if (type == PROTO_REG_SYNC)
		reg_sync(c);
	else
		conn_send(c, PROTO_OK, NULL);
	conn_close(c);
	if (type == PROTO_STOP)
		daemon_stop(d, a);
	return true;
}

/* The request of a whole message (it may close the connection). */
static void dispatch(struct conn *c, uint32_t type, const uint8_t *p, size_t n)
{
	struct proto_reader r = { p, n, false };
	uint32_t signo;

	if (type != PROTO_RUN && c->nfds) {
		refuse(c, "file descriptors with a message that takes none");
	} else if (!c->hello_done) {
		if (type == PROTO_HELLO)
			hello(c, &r);
		else
			refuse(c, "no HELLO first");
	} else if (type == PROTO_RUN) {
		if (c->job || c->rq.image)
			refuse(c, "a second RUN on one connection");
		else
			daemon_run(c, p, n);
	} else if (type == PROTO_SIGNAL) {
		signo = proto_get_u32(&r);
		if (!proto_done(&r) || !c->job)
			refuse(c, "SIGNAL without a running job or malformed");
		else
			daemon_signal(c, signo);
	} else if (!one_shot(c, type, &r)) {
		refuse(c, "a message a client does not send");
	}
}

/* Reads what the socket holds of the current message (fds with it). */
static ssize_t read_some(struct conn *c, size_t want)
{
	union { char buf[CMSG_SPACE(sizeof(int) * 8)]; struct cmsghdr align; } u;
	struct iovec iov = { c->in + c->inlen, want };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
			    .msg_controllen = sizeof(u.buf) };
	ssize_t k = recvmsg(c->fd, &m, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	bool extra = false;

	if (k < 0)
		return k;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&m); cm; cm = CMSG_NXTHDR(&m, cm)) {
		if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
			continue;
		int *in = (int *)CMSG_DATA(cm);
		size_t count = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);

		for (size_t i = 0; i < count; i++) {
			if (c->nfds < PROTO_RUN_FDS)
				c->fds[c->nfds++] = in[i];
			else {
				close(in[i]);
				extra = true;
			}
		}
	}
	if (m.msg_flags & MSG_CTRUNC)
		extra = true;
	if (extra) {
		errno = EPROTO;
		return -1;
	}
	return k;
}

/* Makes room for the message the header announces, or refuses it. */
static bool take_header(struct conn *c, struct proto_header *h)
{
	uint8_t *b;

	memcpy(h, c->in, sizeof(*h));
	if (h->size > PROTO_MAX_PAYLOAD) {
		refuse(c, "message too long");
		return false;
	}
	if (!proto_type_name(h->type)) {
		refuse(c, "unknown message type");
		return false;
	}
	if (!(b = realloc(c->in, sizeof(*h) + h->size))) {
		refuse(c, "out of memory");
		return false;
	}
	c->in = b;
	return true;
}

static void on_readable(void *arg, uint32_t events)
{
	struct conn *c = arg;
	struct proto_header h = { 0 };
	size_t need = sizeof(h);
	ssize_t k;

	if (c->inlen >= sizeof(h)) {
		memcpy(&h, c->in, sizeof(h));
		need += h.size;
	}
	k = read_some(c, need - c->inlen);
	if (k < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (k < 0 && errno == EPROTO) {
		refuse(c, "too many file descriptors");
		return;
	}
	if (k <= 0) { /* the client is gone (or half a message was all it sent) */
		conn_close(c);
		return;
	}
	c->inlen += (size_t)k;
	if (c->inlen == sizeof(h) && !take_header(c, &h))
		return;
	if (c->inlen < sizeof(h) || c->inlen < sizeof(h) + h.size)
		return;
	c->inlen = 0;
	dispatch(c, h.type, c->in + sizeof(h), h.size);
}

static void on_accept(void *arg, uint32_t events)
{
	struct daemon *d = arg;
	struct ucred cred = { 0, (uid_t)-1, (gid_t)-1 };
	socklen_t len = sizeof(cred);
	struct conn *c;
	int fd = accept4(d->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (fd < 0)
		return;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0 || cred.uid != getuid()) {
		daemon_log(d, "refused a connection from uid %d (pid %d): only uid %d may use "
			   "this lswhost", (int)cred.uid, (int)cred.pid, (int)getuid());
		close(fd);
		return;
	}
	if (!(c = calloc(1, sizeof(*c))) || !(c->in = malloc(sizeof(struct proto_header)))) {
		free(c);
		close(fd);
		return;
	}
	c->d = d;
	c->fd = fd;
	c->peer_uid = cred.uid;
	c->peer_pid = cred.pid;
	c->stderr_nb = -1;
	for (int i = 0; i < PROTO_RUN_FDS; i++)
		c->job_fds[i] = -1;
	c->next = d->conns;
	d->conns = c;
	daemon_check_idle(d);
	if (loop_watch(&d->h->loop, fd, EPOLLIN, on_readable, c) < 0)
		conn_close(c);
}

/* The lock says who the prefix's daemon is; whoever holds it may replace
 * a socket left behind by one that died. */
static int take_lock(struct daemon *d, char *err, size_t errlen)
{
	d->lock_fd = open(d->paths.lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (d->lock_fd < 0) {
		snprintf(err, errlen, "%s: %s", d->paths.lock, strerror(errno));
		return -1;
	}
	if (flock(d->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		snprintf(err, errlen, "busy: another lswhost holds %s", d->paths.lock);
		return 1;
	}
	return 0;
}

static int listen_on(struct daemon *d, char *err, size_t errlen)
{
	struct sockaddr_un sa;
	mode_t old;
	int r;

	if (host_socket_addr(d->paths.socket, &sa) < 0) {
		snprintf(err, errlen, "socket path too long: %s", d->paths.socket);
		return -1;
	}
	unlink(d->paths.socket);
	d->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	old = umask(077);
	r = d->listen_fd < 0 ? -1 : bind(d->listen_fd, (struct sockaddr *)&sa, sizeof(sa));
	umask(old);
	if (r < 0 || listen(d->listen_fd, 64) < 0 ||
	    loop_watch(&d->h->loop, d->listen_fd, EPOLLIN, on_accept, d) < 0) {
		snprintf(err, errlen, "cannot listen on %s: %s", d->paths.socket, strerror(errno));
		return -1;
	}
	return 0;
}

static void tell_ready(const struct lsw_daemon_config *cfg, const char *msg)
{
	if (cfg->ready_fd >= 0) {
		if (write(cfg->ready_fd, msg, strlen(msg)) < 0)
			(void)0; /* the client gave up waiting */
		close(cfg->ready_fd);
	}
}

/* Layouts kept for the next run: ntdll, kernel32, a C runtime and the
 * programs of a build fit many times over. */
#define IMAGE_CACHE_ENTRIES 64
#define IMAGE_CACHE_BYTES (256ull << 20)

static int start(struct daemon *d, char *err, size_t errlen)
{
	int r;

	if (host_paths_for(d->cfg->prefix, &d->paths, err, errlen) < 0)
		return -1;
	if ((r = take_lock(d, err, errlen)) != 0)
		return r;
	if (host_init(d->h, &d->cfg->host) < 0) {
		snprintf(err, errlen, "the host could not be set up");
		return -1;
	}
	d->start_ns = loop_now_ns();
	/* run after run lays out the same DLLs: keep their layouts, and start
	 * runtimes ahead of the runs that will take them (LSW_HOST_COLD=1: not,
	 * to measure what they save) */
	if (!getenv("LSW_HOST_COLD") || strcmp(getenv("LSW_HOST_COLD"), "1")) {
		image_cache_enable(IMAGE_CACHE_ENTRIES, IMAGE_CACHE_BYTES);
		if ((d->h->pool = pool_new(d->h)))
			pool_fill(d->h->pool);
	}
	daemon_jobs_init(d);
	if (daemon_watch_signals(d) < 0) {
		snprintf(err, errlen, "signals: %s", strerror(errno));
		return -1;
	}
	return listen_on(d, err, errlen);
}

int daemon_main(const struct lsw_daemon_config *cfg)
{
	struct daemon d = { .cfg = cfg, .listen_fd = -1, .lock_fd = -1 };
	char err[1024], msg[1100];
	int r;

	if (!(d.h = calloc(1, sizeof(*d.h))))
		return 1;
	d.h->signal_fd = d.h->kuser.fd = d.h->loop.epfd = d.h->loop.tfd = -1;
	d.root_fd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if ((r = start(&d, err, sizeof(err))) != 0) {
		snprintf(msg, sizeof(msg), "%s\n", err);
		tell_ready(cfg, r > 0 ? "busy\n" : msg);
		if (r < 0)
			daemon_log(&d, "cannot start: %s", err);
	} else {
		daemon_log(&d, "serving %s on %s", cfg->prefix, d.paths.socket);
		tell_ready(cfg, "ok\n");
		daemon_check_idle(&d);
		loop_run(&d.h->loop);
		daemon_log(&d, "exiting");
		/* a socket already replaced by a newer daemon's stays */
		if (d.listen_fd >= 0)
			unlink(d.paths.socket);
	}
	pool_free(d.h->pool);
	if (d.h->loop.epfd >= 0)
		host_fini(d.h);
	image_cache_clear();
	free(d.h);
	if (d.lock_fd >= 0)
		close(d.lock_fd);
	return r < 0 ? 1 : 0;
}
