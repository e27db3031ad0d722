#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "tracer/loop.h"

struct watch {
	int fd;
	loop_fn *fn;
	void *arg;
};

struct timer {
	uint64_t id, deadline;
	loop_fn *fn;
	void *arg;
};

static int epfd = -1, tfd = -1;
static struct watch *watches;
static size_t nwatches;
static struct timer *timers;  /* unsorted; few at a time */
static size_t ntimers, captimers;
static uint64_t next_timer_id = 1;
static int stopping;

uint64_t loop_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void arm_timerfd(void)
{
	struct itimerspec its = { 0 };
	uint64_t first = UINT64_MAX;

	for (size_t i = 0; i < ntimers; i++)
		if (timers[i].deadline < first)
			first = timers[i].deadline;
	if (first != UINT64_MAX) {
		if (first == 0)
			first = 1;
		its.it_value.tv_sec = (time_t)(first / 1000000000ull);
		its.it_value.tv_nsec = (long)(first % 1000000000ull);
	}
	timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL);
}

static void run_timers(void *arg, uint32_t events)
{
	uint64_t expirations, now = loop_now_ns();

	if (read(tfd, &expirations, sizeof(expirations)) < 0 && errno != EAGAIN)
		return;
	for (size_t i = 0; i < ntimers;) {
		if (timers[i].deadline <= now) {
			struct timer t = timers[i];

			timers[i] = timers[--ntimers];
			t.fn(t.arg, 0);
			i = 0; /* the callback may have changed the list */
			continue;
		}
		i++;
	}
	arm_timerfd();
}

int loop_init(void)
{
	epfd = epoll_create1(EPOLL_CLOEXEC);
	tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (epfd < 0 || tfd < 0)
		return -1;
	return loop_watch(tfd, EPOLLIN, run_timers, NULL);
}

int loop_watch(int fd, uint32_t events, loop_fn *fn, void *arg)
{
	struct epoll_event ev = { .events = events };
	struct watch *w = NULL;

	for (size_t i = 0; i < nwatches; i++)
		if (watches[i].fd == -1)
			w = &watches[i];
	if (!w) {
		struct watch *nw = realloc(watches, (nwatches + 1) * sizeof(*nw));

		if (!nw)
			return -1;
		watches = nw;
		w = &watches[nwatches++];
	}
	*w = (struct watch){ fd, fn, arg };
	ev.data.u64 = (uint64_t)(w - watches);
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		w->fd = -1;
		return -1;
	}
	return 0;
}

void loop_unwatch(int fd)
{
	for (size_t i = 0; i < nwatches; i++)
		if (watches[i].fd == fd) {
			epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
			watches[i].fd = -1;
		}
}

uint64_t loop_add_timer(uint64_t deadline_ns, loop_fn *fn, void *arg)
{
	if (ntimers == captimers) {
		size_t cap = captimers ? captimers * 2 : 16;
		struct timer *nt = realloc(timers, cap * sizeof(*nt));

		if (!nt)
			return 0;
		timers = nt;
		captimers = cap;
	}
	timers[ntimers++] = (struct timer){ next_timer_id, deadline_ns, fn, arg };
	arm_timerfd();
	return next_timer_id++;
}

void loop_cancel_timer(uint64_t id)
{
	for (size_t i = 0; i < ntimers; i++)
		if (timers[i].id == id) {
			timers[i] = timers[--ntimers];
			arm_timerfd();
			return;
		}
}

void loop_stop(void)
{
	stopping = 1;
}

int loop_run(void)
{
	struct epoll_event evs[16];

	while (!stopping) {
		int n = epoll_wait(epfd, evs, 16, -1);

		if (n < 0 && errno != EINTR)
			return -1;
		for (int i = 0; i < n && !stopping; i++) {
			struct watch *w = &watches[evs[i].data.u64];

			if (w->fd >= 0)
				w->fn(w->arg, evs[i].events);
		}
	}
	return 0;
}
