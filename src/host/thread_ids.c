/*
 * The threads behind the notifications.  A notification names its thread
 * by Linux tid, which is the thread's only while it lives: a record is
 * found by tid only while it has not ended, a new thread's hello ends any
 * record that still had its number, and a thread that leaves by itself is
 * noticed through its pidfd.  Threads come only from the clones the
 * supervisor asked for.
 */
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "emul/process/thread.h"
#include "tracer/loop.h"
#include "tracer/notify.h"
#include "host/thread_ids.h"

/* Every notification looks its thread up here.  Ended threads stay on the
 * list while their objects are held (their exit codes outlive them), so
 * the thread found moves to the front: the live ones gather there and a
 * program holding thousands of ended threads still finds its callers in a
 * step or two. */
static struct lsw_thread *thread_by_tid(struct lsw_process *p, pid_t tid)
{
	for (struct lsw_thread **link = &p->threads, *t; (t = *link); link = &t->next)
		if (t->tid == tid && !t->exited) {
			*link = t->next;
			t->next = p->threads;
			p->threads = t;
			return t;
		}
	return NULL;
}

/*
 * A clone through the gate (the filter checked its flags: a thread of this
 * process) goes ahead only as the one the thread's last answer asked for
 * (LSW_OP_CLONE, on the new thread's block): the program cannot make
 * threads the supervisor does not know of, nor spin the id counter.
 */
bool notify_clone(struct lsw_process *p, struct lsw_thread *t, const struct seccomp_notif *n)
{
	if (n->data.nr != __NR_clone || n->data.instruction_pointer != p->gate_ip)
		return false;
	if (!t || t->busy || !t->clone_block ||
	    n->data.args[1] != t->clone_block + LSW_BLOCK_SIZE - 16) {
		process_forbid(p, "a thread it was not asked to create (clone)");
		return true;
	}
	t->clone_block = 0;
	if (notify_continue(p->notify_fd, n->id) < 0)
		lsw_log("clone of thread %d lost (thread gone)", t->tid);
	return true;
}

#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL /* Linux 6.9 */
#endif

/* Whether the whole process is gone (its pidfd is readable). */
static bool process_gone(const struct lsw_process *p)
{
	struct pollfd pfd = { p->pidfd, POLLIN, 0 };

	return poll(&pfd, 1, 0) > 0;
}

static void unwatch_thread_exit(struct lsw_thread *t)
{
	loop_unwatch(thread_loop(t), t->exit_fd);
	close(t->exit_fd);
	t->exit_fd = -1;
}

void thread_ids_forget(struct lsw_process *p)
{
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		if (t->exit_fd >= 0)
			unwatch_thread_exit(t);
}

/* A Linux thread of the process ended.  The supervisor ends its threads
 * itself; one that left through the gate without that (a program can) is
 * ended here, so its waiters wake and its number is forgotten. */
static void on_thread_exit(void *arg, uint32_t events)
{
	struct lsw_thread *t = arg;

	(void)events;
	unwatch_thread_exit(t);
	if (!process_gone(t->process))
		thread_gone(t);
	t->tid = 0; /* the number is free for anyone now */
}

/* Watches the Linux thread of t, a thread after the first (t is in a
 * notification: it cannot be gone).  Older kernels have no thread pidfds:
 * then a thread that leaves by itself is noticed only when a new thread
 * gets its number.  The first thread's pidfd does not say when it alone
 * ends; a program that makes it leave only loses its own memory (every
 * call fails), as user_memory.c reaches memory through it. */
static void watch_thread_exit(struct lsw_thread *t)
{
	t->exit_fd = (int)syscall(SYS_pidfd_open, t->tid, PIDFD_THREAD);
	if (t->exit_fd >= 0 &&
	    loop_watch(thread_loop(t), t->exit_fd, EPOLLIN, on_thread_exit, t) < 0) {
		close(t->exit_fd);
		t->exit_fd = -1;
	}
}

static bool is_request(const struct seccomp_notif *n, unsigned kind)
{
	return n->data.nr == LSW_GATE_NR && LSW_REQ_KIND(n->data.args[0]) == kind;
}

struct lsw_thread *notify_thread(struct lsw_process *p, const struct seccomp_notif *n)
{
	struct lsw_thread *t;

	if (!p->gate_ip && is_request(n, LSW_REQ_HELLO))
		p->gate_ip = n->data.instruction_pointer; /* before any Windows code */
	if (p->service && p->service->tid && p->service->tid == (pid_t)n->pid)
		return p->service; /* memory/remote.c */
	if (!is_request(n, LSW_REQ_THREAD_HELLO))
		return thread_by_tid(p, (pid_t)n->pid);
	if (p->service && !p->service->tid && n->data.args[1] == p->service->block &&
	    !thread_by_tid(p, (pid_t)n->pid)) {
		p->service->tid = (pid_t)n->pid;
		return p->service;
	}
	if ((t = thread_claim_hello(p, (pid_t)n->pid, n->data.args[1])))
		watch_thread_exit(t);
	return t;
}
