/*
 * Unit tests for the host's process start (src/host/process_start.c): a
 * runtime's handover of its seccomp listener is an event of the loop, so
 * a start that takes its time holds nothing up (timers fire, another
 * process's end is handled), and a runtime that dies or is ended during
 * its setup ends its process with the right status.  The runtime is a
 * stand-in (data/fake_runtime.c) that never hands over: LSW_FAKE_HANG
 * waits to be killed, LSW_FAKE_EXIT exits at once with status 3.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "host/host.h"

static struct lsw_host host;
static struct lsw_job *job;
static char prefix[64];

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void start_host(const char *runtime_env)
{
	struct lsw_host_config cfg = { 0 };
	struct lsw_job_spec spec = { .no_cwd = true };

	snprintf(prefix, sizeof(prefix), "/tmp/lsw-host-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(prefix));
	cfg.prefix = prefix;
	cfg.dll_dir = prefix;
	cfg.runtime_path = getenv(runtime_env);
	ck_assert_msg(cfg.runtime_path, "%s is not set", runtime_env);
	cfg.stderr_blocking = true; /* leave check's stderr as it is */
	ck_assert_int_eq(host_init(&host, &cfg), 0);
	limits_default(&spec.limits);
	job = job_create(&host, &spec);
	ck_assert_ptr_nonnull(job);
}

static void stop_host(void)
{
	host_fini(&host);
	rmdir(prefix);
}

static void start(void)
{
	static char *const env[] = { NULL };
	struct lsw_process_spec ps = { .job = job, .image = "/nonexistent.exe", .env = env,
				       .std_fds = { 0, 1, 2 } };
	double t0 = now_s();

	ck_assert_int_eq(host_start_process(&host, &ps), 0);
	ck_assert_msg(now_s() - t0 < 1.0, "the start waited %.1f s", now_s() - t0);
}

/* What the loop saw when the timer fired. */
static double fired_at;
static unsigned processes_then;

static void end_job(void *arg, uint32_t events)
{
	(void)arg;
	(void)events;
	fired_at = now_s();
	processes_then = job->nprocesses;
	job_terminate(job, 0x10 + 1);
}

/* A runtime that never hands over: the loop goes on (the timer fires long
 * before the 10 s deadline), and ending it then ends the job with the
 * status it was ended with. */
START_TEST(handover_does_not_hold_the_loop)
{
	double t0;

	start_host("LSW_FAKE_HANG");
	start();
	t0 = now_s();
	loop_add_timer(&host.loop, loop_now_ns() + 200000000ull, end_job, NULL);
	ck_assert_int_eq(host_run(&host), 0);
	ck_assert_msg(fired_at && fired_at - t0 < 2.0, "the loop stood still for %.1f s",
		      fired_at - t0);
	ck_assert_uint_eq(processes_then, 1);
	ck_assert_int_eq(job->exit_code, 0x11);
	stop_host();
}
END_TEST

/* Two starts at once: one still setting up, the other's runtime dies.
 * The death is handled while the first waits; the job's status is its
 * first process's. */
START_TEST(one_start_does_not_hold_another)
{
	start_host("LSW_FAKE_HANG");
	start();
	host.cfg.runtime_path = getenv("LSW_FAKE_EXIT");
	ck_assert_ptr_nonnull(host.cfg.runtime_path);
	start();
	ck_assert_uint_eq(job->nprocesses, 2);
	loop_add_timer(&host.loop, loop_now_ns() + 500000000ull, end_job, NULL);
	ck_assert_int_eq(host_run(&host), 0);
	ck_assert_uint_eq(processes_then, 1); /* the dead one was already gone */
	ck_assert_int_eq(job->exit_code, 0x11);
	stop_host();
}
END_TEST

/* A runtime that exits during setup: the job ends at once, status 125. */
START_TEST(runtime_dying_in_setup)
{
	double t0;

	start_host("LSW_FAKE_EXIT");
	start();
	t0 = now_s();
	ck_assert_int_eq(host_run(&host), 0);
	ck_assert_msg(now_s() - t0 < 2.0, "noticed after %.1f s", now_s() - t0);
	ck_assert_uint_eq(job->nprocesses, 0);
	ck_assert_int_eq(job->exit_code, 125);
	stop_host();
}
END_TEST

static Suite *host_suite(void)
{
	Suite *s = suite_create("host");
	TCase *tc = tcase_create("start");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, handover_does_not_hold_the_loop);
	tcase_add_test(tc, one_start_does_not_hold_another);
	tcase_add_test(tc, runtime_dying_in_setup);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(host_suite());
	int failed;

	/* each test in its own process: signals are blocked, children reaped */
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
