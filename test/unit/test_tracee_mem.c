/*
 * Unit tests for tracee memory access (src/emul/memory/user_memory.c): memory is
 * reached through the process, never through a thread's Linux id, which
 * may name another process by the time deferred work completes.  The
 * "tracee" is this process; the "other process" a forked child, which has
 * the same addresses (fork copies the layout), so a write through the
 * wrong id would land at the same address there.
 */
#include <check.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "emul/emul.h"

static volatile uint64_t cell = 0x1111;
static struct lsw_process proc;
static struct lsw_thread thr;

/* A child that reports its copy of `cell` when asked: one byte on ask
 * asks, the 8 bytes come back on answer. */
struct child {
	pid_t pid;
	int ask, answer;
};

static struct child kid = { 0, -1, -1 };

static void setup(void)
{
	memset(&proc, 0, sizeof(proc));
	memset(&thr, 0, sizeof(thr));
	proc.pid = getpid();
	thr.process = &proc;
	thr.tid = getpid();
	cell = 0x1111;
}

/* A failed check leaves the test early: the child must not outlive it. */
static void teardown(void)
{
	if (kid.pid > 0) {
		kill(kid.pid, SIGKILL);
		waitpid(kid.pid, NULL, 0);
		close(kid.ask);
		close(kid.answer);
	}
	kid = (struct child){ 0, -1, -1 };
}

static struct child fork_child(void)
{
	int a[2], b[2];
	struct child c;
	char byte;

	ck_assert_int_eq(pipe(a), 0);
	ck_assert_int_eq(pipe(b), 0);
	c.pid = fork();
	ck_assert_int_ge(c.pid, 0);
	if (c.pid == 0) {
		uint64_t v;

		alarm(10);
		if (read(a[0], &byte, 1) != 1)
			_exit(1);
		v = cell;
		_exit(write(b[1], &v, sizeof(v)) == sizeof(v) ? 0 : 1);
	}
	close(a[0]);
	close(b[1]);
	c.ask = a[1];
	c.answer = b[0];
	kid = c;
	return c;
}

static uint64_t child_cell(struct child *c)
{
	uint64_t v = 0;
	int status;

	ck_assert_int_eq(write(c->ask, "?", 1), 1);
	ck_assert_int_eq(read(c->answer, &v, sizeof(v)), sizeof(v));
	waitpid(c->pid, &status, 0);
	close(c->ask);
	close(c->answer);
	kid = (struct child){ 0, -1, -1 };
	return v;
}

START_TEST(write_goes_to_the_process_not_the_tid)
{
	struct child c = fork_child();
	uint64_t v = 0x2222;

	thr.tid = c.pid; /* the thread's number now names another process */
	ck_assert_int_eq(tracee_write(&thr, (uint64_t)(uintptr_t)&cell, &v, sizeof(v)), 0);
	ck_assert_uint_eq(cell, 0x2222);
	ck_assert_uint_eq(child_cell(&c), 0x1111);
}
END_TEST

START_TEST(read_comes_from_the_process_not_the_tid)
{
	struct child c = fork_child();
	uint64_t v = 0;

	cell = 0x3333; /* after the fork: the child still has 0x1111 */
	thr.tid = c.pid;
	ck_assert_int_eq(tracee_read(&thr, (uint64_t)(uintptr_t)&cell, &v, sizeof(v)), 0);
	ck_assert_uint_eq(v, 0x3333);
	child_cell(&c);
}
END_TEST

START_TEST(two_writes_go_to_the_process)
{
	struct child c = fork_child();
	uint64_t v1 = 0x4444, v2 = 0x5555, other = 0;

	thr.tid = c.pid;
	ck_assert_int_eq(tracee_write2(&thr, (uint64_t)(uintptr_t)&cell, &v1, sizeof(v1),
				       (uint64_t)(uintptr_t)&other, &v2, sizeof(v2)), 0);
	ck_assert_uint_eq(cell, 0x4444);
	ck_assert_uint_eq(other, 0x5555);
	ck_assert_uint_eq(child_cell(&c), 0x1111);
}
END_TEST

START_TEST(nothing_once_reaped)
{
	uint64_t v = 0x6666;

	proc.reaped = true; /* the pid may be anyone's now */
	ck_assert_int_eq(tracee_write(&thr, (uint64_t)(uintptr_t)&cell, &v, sizeof(v)), -1);
	ck_assert_int_eq(tracee_read(&thr, (uint64_t)(uintptr_t)&cell, &v, sizeof(v)), -1);
	ck_assert_int_eq(tracee_write2(&thr, (uint64_t)(uintptr_t)&cell, &v, sizeof(v),
				       (uint64_t)(uintptr_t)&cell, &v, sizeof(v)), -1);
	ck_assert_uint_eq(cell, 0x1111);
}
END_TEST

START_TEST(protections_hold)
{
	long pg = sysconf(_SC_PAGESIZE);
	uint8_t *ro = mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint8_t *none = mmap(NULL, (size_t)pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint8_t b = 1;

	ck_assert_ptr_ne(ro, MAP_FAILED);
	ck_assert_ptr_ne(none, MAP_FAILED);
	ck_assert_int_eq(tracee_write(&thr, (uint64_t)(uintptr_t)ro, &b, 1), -1);
	ck_assert_int_eq(tracee_read(&thr, (uint64_t)(uintptr_t)ro, &b, 1), 0);
	ck_assert_int_eq(b, 0);
	ck_assert_int_eq(tracee_read(&thr, (uint64_t)(uintptr_t)none, &b, 1), -1);
	munmap(ro, (size_t)pg);
	munmap(none, (size_t)pg);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tracee_mem");
	TCase *tc = tcase_create("process");
	SRunner *sr;
	int nfailed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, write_goes_to_the_process_not_the_tid);
	tcase_add_test(tc, read_comes_from_the_process_not_the_tid);
	tcase_add_test(tc, two_writes_go_to_the_process);
	tcase_add_test(tc, nothing_once_reaped);
	tcase_add_test(tc, protections_hold);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	nfailed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfailed ? 1 : 0;
}
