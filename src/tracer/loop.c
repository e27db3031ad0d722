#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "tracer/loop.h"

struct loop_watch {
	int fd;
	loop_fn *fn;
	void *arg;
};

struct loop_timer {
	uint64_t id, deadline;
	loop_fn *fn;
	void *arg;
};

struct loop_idle {
	loop_fn *fn;
	void *arg;
};

uint64_t loop_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void arm_timerfd(struct loop *l)
{
	struct itimerspec its = { 0 };
	uint64_t first = UINT64_MAX;

	for (size_t i = 0; i < l->ntimers; i++)
		if (l->timers[i].deadline < first)
			first = l->timers[i].deadline;
	if (first == 0)
		first = 1;
	/* timers come and go several times a run (a job's timeout, the
	 * handover deadline...) mostly leaving the first deadline as it was */
	if (first == l->armed)
		return;
	l->armed = first;
	if (first != UINT64_MAX) {
		its.it_value.tv_sec = (time_t)(first / 1000000000ull);
		its.it_value.tv_nsec = (long)(first % 1000000000ull);
	}
	timerfd_settime(l->tfd, TFD_TIMER_ABSTIME, &its, NULL);
}

static void run_timers(void *arg, uint32_t events)
{
	struct loop *l = arg;
	uint64_t expirations, now = loop_now_ns();

	if (read(l->tfd, &expirations, sizeof(expirations)) < 0 && errno != EAGAIN)
		return;
	for (size_t i = 0; i < l->ntimers;) {
		if (l->timers[i].deadline <= now) {
			struct loop_timer t = l->timers[i];

			l->timers[i] = l->timers[--l->ntimers];
			t.fn(t.arg, 0);
			i = 0; /* the callback may have changed the list */
			continue;
		}
		i++;
	}
	arm_timerfd(l);
}

int loop_init(struct loop *l)
{
	*l = (struct loop){ .epfd = -1, .tfd = -1, .armed = UINT64_MAX, .next_timer_id = 1 };
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	l->tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (l->epfd < 0 || l->tfd < 0)
		return -1;
	return loop_watch(l, l->tfd, EPOLLIN, run_timers, l);
}

void loop_fini(struct loop *l)
{
	if (l->epfd >= 0)
		close(l->epfd);
	if (l->tfd >= 0)
		close(l->tfd);
	free(l->watches);
	free(l->timers);
	free(l->idle);
	*l = (struct loop){ .epfd = -1, .tfd = -1 };
}

int loop_watch(struct loop *l, int fd, uint32_t events, loop_fn *fn, void *arg)
{
	struct epoll_event ev = { .events = events };
	struct loop_watch *w = NULL;

	for (size_t i = 0; i < l->nwatches; i++)
		if (l->watches[i].fd == -1)
			w = &l->watches[i];
	if (!w) {
		struct loop_watch *nw = realloc(l->watches, (l->nwatches + 1) * sizeof(*nw));

		if (!nw)
			return -1;
		l->watches = nw;
		w = &l->watches[l->nwatches++];
	}
	*w = (struct loop_watch){ fd, fn, arg };
	ev.data.u64 = (uint64_t)(w - l->watches);
	if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		w->fd = -1;
		return -1;
	}
	return 0;
}

void loop_unwatch(struct loop *l, int fd)
{
	for (size_t i = 0; i < l->nwatches; i++)
		if (l->watches[i].fd == fd) {
			epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL);
			l->watches[i].fd = -1;
		}
}

uint64_t loop_add_timer(struct loop *l, uint64_t deadline_ns, loop_fn *fn, void *arg)
{
	if (l->ntimers == l->captimers) {
		size_t cap = l->captimers ? l->captimers * 2 : 16;
		struct loop_timer *nt = realloc(l->timers, cap * sizeof(*nt));

		if (!nt)
			return 0;
		l->timers = nt;
		l->captimers = cap;
	}
	l->timers[l->ntimers++] = (struct loop_timer){ l->next_timer_id, deadline_ns, fn, arg };
	arm_timerfd(l);
	return l->next_timer_id++;
}

void loop_cancel_timer(struct loop *l, uint64_t id)
{
	for (size_t i = 0; i < l->ntimers; i++)
		if (l->timers[i].id == id) {
			l->timers[i] = l->timers[--l->ntimers];
			arm_timerfd(l);
			return;
		}
}

int loop_when_idle(struct loop *l, loop_fn *fn, void *arg)
{
	for (size_t i = 0; i < l->nidle; i++)
		if (l->idle[i].fn == fn && l->idle[i].arg == arg)
			return 0;
	if (l->nidle == l->capidle) {
		size_t cap = l->capidle ? l->capidle * 2 : 4;
		struct loop_idle *ni = realloc(l->idle, cap * sizeof(*ni));

		if (!ni)
			return -1;
		l->idle = ni;
		l->capidle = cap;
	}
	l->idle[l->nidle++] = (struct loop_idle){ fn, arg };
	return 0;
}

void loop_cancel_idle(struct loop *l, loop_fn *fn, void *arg)
{
	for (size_t i = 0; i < l->nidle; i++)
		if (l->idle[i].fn == fn && l->idle[i].arg == arg) {
			l->idle[i] = l->idle[--l->nidle];
			return;
		}
}

/* The first queued idle callback (each may queue others); a timer that
 * is due but whose timerfd has not fired yet goes first. */
static void run_idle(struct loop *l)
{
	uint64_t now = loop_now_ns();
	struct loop_idle first = l->idle[0];

	for (size_t i = 0; i < l->ntimers; i++)
		if (l->timers[i].deadline <= now) {
			run_timers(l, 0);
			return;
		}
	l->idle[0] = l->idle[--l->nidle];
	first.fn(first.arg, 0);
}

void loop_stop(struct loop *l)
{
	l->stopping = 1;
}

void loop_set_poller(struct loop *l, loop_poll_fn *fn, void *arg)
{
	l->poll = fn;
	l->poll_arg = arg;
}

int loop_run(struct loop *l)
{
	struct epoll_event evs[16];

	while (!l->stopping) {
		int busy = l->poll && l->poll(l->poll_arg);
		int n = l->stopping ? 0 : epoll_wait(l->epfd, evs, 16, busy || l->nidle ? 0 : -1);

		if (n < 0 && errno != EINTR)
			return -1;
		if (n == 0 && l->nidle && !busy)
			run_idle(l); /* not while the poller has calls to serve */
		for (int i = 0; i < n && !l->stopping; i++) {
			struct loop_watch *w = &l->watches[evs[i].data.u64];

			if (w->fd >= 0)
				w->fn(w->arg, evs[i].events);
		}
	}
	return 0;
}
