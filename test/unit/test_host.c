/*
 * Unit tests for the host's process start (src/host/process_start.c): a
 * runtime's handover of its seccomp listener is an event of the loop, so
 * a start that takes its time holds nothing up (timers fire, another
 * process's end is handled), and a runtime that dies or is ended during
 * its setup ends its process with the right status.  No bound on how
 * fast anything happens: only on what happens before the 10 s deadline.  The runtime is a
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

/* Starts a process whose runtime never hands over: the start returns
 * with the process still in its setup (a start that waited for the
 * handover could only have failed). */
static void start(void)
{
	static char *const env[] = { NULL };
	struct lsw_process_spec ps = { .job = job, .image = "/nonexistent.exe", .env = env,
				       .std_fds = { 0, 1, 2 } };

	ck_assert_ptr_eq(host_start_process(&host, &ps), host.processes);
	ck_assert_int_ge(host.processes->setup_fd, 0);
	ck_assert_int_lt(host.processes->notify_fd, 0);
}

/* What the loop saw when the job was ended. */
static unsigned processes_then;

/* Ends the job (status 0x11) once it has one process left, looking every
 * 50 ms.  Ended by this, the job's status is 0x11; had the handover
 * deadline (10 s) come first, it would be 125. */
static void end_job_with_one_left(void *arg, uint32_t events)
{
	(void)events;
	if (job->nprocesses > 1 && now_s() < *(double *)arg) {
		loop_add_timer(&host.loop, loop_now_ns() + 50000000ull, end_job_with_one_left, arg);
		return;
	}
	processes_then = job->nprocesses;
	job_terminate(job, 0x11);
}

/* A runtime that never hands over: the loop goes on (the timer fires
 * before the deadline), and ending the job then gives its status. */
START_TEST(handover_does_not_hold_the_loop)
{
	double give_up = now_s() + 8;

	start_host("LSW_FAKE_HANG");
	start();
	loop_add_timer(&host.loop, loop_now_ns() + 200000000ull, end_job_with_one_left, &give_up);
	ck_assert_int_eq(host_run(&host), 0);
	ck_assert_uint_eq(processes_then, 1);
	ck_assert_int_eq(job->exit_code, 0x11);
	stop_host();
}
END_TEST

/* Two starts: one still setting up, the other's runtime dies.  The death
 * is handled while the first waits; the job's status is its first
 * process's. */
START_TEST(one_start_does_not_hold_another)
{
	double give_up = now_s() + 8;

	start_host("LSW_FAKE_HANG");
	start();
	host.cfg.runtime_path = getenv("LSW_FAKE_EXIT");
	ck_assert_ptr_nonnull(host.cfg.runtime_path);
	start();
	ck_assert_uint_eq(job->nprocesses, 2);
	loop_add_timer(&host.loop, loop_now_ns(), end_job_with_one_left, &give_up);
	ck_assert_int_eq(host_run(&host), 0);
	ck_assert_uint_eq(processes_then, 1); /* the dead one went first */
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
	/* well before the handover deadline: its end was seen, not its silence */
	ck_assert_msg(now_s() - t0 < 8.0, "noticed after %.1f s", now_s() - t0);
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
