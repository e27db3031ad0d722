/*
 * Unit tests for the event loop's idle work (src/tracer/loop.c): a callback
 * queued with loop_when_idle runs once, only after the fds that are ready
 * and the timers that are due, even a timer whose timerfd has not fired
 * yet; a pair queued twice runs once; a cancelled one never runs.
 */
#include <check.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "tracer/loop.h"

static struct loop loop;
static char order[16];
static int efd;

static void note(char c)
{
	size_t n = strlen(order);

	if (n + 1 < sizeof(order))
		order[n] = c;
}

static void on_fd(void *arg, uint32_t events)
{
	uint64_t v;

	(void)arg;
	(void)events;
	if (read(efd, &v, sizeof(v)) == sizeof(v))
		note('F');
	loop_unwatch(&loop, efd);
}

static void on_timer(void *arg, uint32_t events)
{
	(void)arg;
	(void)events;
	note('T');
}

static void on_idle(void *arg, uint32_t events)
{
	(void)events;
	note(*(char *)arg);
	if (*(char *)arg == 'I')
		loop_stop(&loop);
}

static void setup(void)
{
	uint64_t one = 1;

	memset(order, 0, sizeof(order));
	ck_assert_int_eq(loop_init(&loop), 0);
	efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	ck_assert_int_ge(efd, 0);
	ck_assert_int_eq(write(efd, &one, sizeof(one)), sizeof(one));
}

static void teardown(void)
{
	close(efd);
	loop_fini(&loop);
}

START_TEST(idle_after_ready_work)
{
	static char idle = 'I';

	ck_assert_int_eq(loop_when_idle(&loop, on_idle, &idle), 0);
	ck_assert_int_eq(loop_watch(&loop, efd, 0x001 /* EPOLLIN */, on_fd, NULL), 0);
	ck_assert_uint_ne(loop_add_timer(&loop, loop_now_ns(), on_timer, NULL), 0);
	ck_assert_int_eq(loop_run(&loop), 0);
	ck_assert_int_eq(strlen(order), 3);
	ck_assert_int_eq(order[2], 'I'); /* the fd and the timer first, in either order */
	ck_assert_ptr_nonnull(strchr(order, 'F'));
	ck_assert_ptr_nonnull(strchr(order, 'T'));
}
END_TEST

START_TEST(idle_once_and_cancelled)
{
	static char idle = 'I', other = 'X';

	ck_assert_int_eq(loop_when_idle(&loop, on_idle, &other), 0);
	ck_assert_int_eq(loop_when_idle(&loop, on_idle, &idle), 0);
	ck_assert_int_eq(loop_when_idle(&loop, on_idle, &idle), 0); /* queued already */
	loop_cancel_idle(&loop, on_idle, &other);
	ck_assert_int_eq(loop_run(&loop), 0);
	ck_assert_str_eq(order, "I");
	ck_assert_uint_eq(loop.nidle, 0);
}
END_TEST

/* A timer added with the deadline of one that just fired is due at once:
 * the timerfd, which fired and was read, must be set again, though the
 * loop leaves it alone when the first deadline is the one it was set to
 * (so what it was set to must follow it being disarmed). */
static uint64_t fired_deadline;

static void on_second_timer(void *arg, uint32_t events)
{
	(void)arg;
	(void)events;
	note('2');
	loop_stop(&loop);
}

static void on_fd_add_timer(void *arg, uint32_t events)
{
	on_fd(arg, events);
	ck_assert_uint_ne(loop_add_timer(&loop, fired_deadline, on_second_timer, NULL), 0);
}

static void on_first_timer(void *arg, uint32_t events)
{
	uint64_t one = 1;

	(void)arg;
	(void)events;
	note('1');
	ck_assert_int_eq(loop_watch(&loop, efd, 0x001 /* EPOLLIN */, on_fd_add_timer, NULL), 0);
	ck_assert_int_eq(write(efd, &one, sizeof(one)), sizeof(one));
}

START_TEST(timer_again_at_a_fired_deadline)
{
	uint64_t v;

	ck_assert_int_eq(read(efd, &v, sizeof(v)), sizeof(v)); /* not ready before */
	fired_deadline = loop_now_ns() + 2000000;
	ck_assert_uint_ne(loop_add_timer(&loop, fired_deadline, on_first_timer, NULL), 0);
	ck_assert_int_eq(loop_run(&loop), 0);
	ck_assert_str_eq(order, "1F2");
}
END_TEST

static Suite *loop_suite(void)
{
	Suite *s = suite_create("loop");
	TCase *tc = tcase_create("idle");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, idle_after_ready_work);
	tcase_add_test(tc, idle_once_and_cancelled);
	tcase_add_test(tc, timer_again_at_a_fired_deadline);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(loop_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
