/*
 * -k: the Windows call stack of an NT call.  The walk starts at the syscall
 * instruction (inside an ntdll stub, a leaf) with the caller's rsp, and goes
 * up with the images' unwind data (trace/unwind.c); each frame is named
 * module!export+0xoff (trace/symbolize.c).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "emul/process/thread_block.h"
#include "trace/symbolize.h"
#include "trace/trace_stack.h"
#include "trace/unwind.h"

static uint64_t call_site(struct nt_call *c)
{
	uint64_t rip = c->rip;

	if (!rip && c->thread->block)
		thread_block_read(c->thread, offsetof(struct lsw_thread_block, win_rip),
			    &rip, sizeof(rip));
	return rip;
}

/* The stack pointer of a thread stopped in a system call (a DIRECT call,
 * notified straight from the Windows code): /proc/PID/task/TID/syscall
 * holds "nr arg1 .. arg6 sp pc" ("-1 sp pc" outside a system call).  0 if
 * unknown.  The path names the process too: a thread's number never
 * leads to another process's file. */
static uint64_t syscall_sp(pid_t pid, pid_t tid)
{
	char path[64], buf[512], *p, *end;
	int fd;
	ssize_t n;
	long nr;
	unsigned skip;
	uint64_t sp;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", (int)pid, (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	nr = strtol(buf, &end, 10);
	if (end == buf)
		return 0;
	p = end;
	for (skip = nr < 0 ? 0 : 6; skip; skip--) {
		strtoull(p, &end, 16);
		if (end == p)
			return 0;
		p = end;
	}
	sp = strtoull(p, &end, 16);
	return end == p ? 0 : sp;
}

void trace_stack_collect(struct nt_call *c, struct trace_frames *out)
{
	struct lsw_thread *t = c->thread;
	struct unwind_regs r = { 0 };

	out->n = 0;
	unwind_begin_walk();
	r.rip = call_site(c);
	r.r[UW_RSP] = c->rsp ? c->rsp : syscall_sp(t->process->pid, t->tid);
	r.known = 1u << UW_RSP;
	while (r.rip && out->n < TRACE_MAX_FRAMES) {
		bool caller = out->n > 0;

		symbolize_code(t, r.rip, caller, out->frame[out->n], sizeof(out->frame[0]));
		out->n++;
		/* stops outside every image, at a frame it cannot undo, when
		 * rsp does not grow */
		if (!r.r[UW_RSP] || unwind_step(t, &r, caller) < 0)
			break;
	}
}
