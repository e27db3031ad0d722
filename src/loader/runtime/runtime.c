/*
 * Runtime entry: sets up this thread's block and signal handlers, installs
 * the seccomp filter, hands the listener fd to the supervisor and says
 * hello.  The supervisor answers with the operations that map ntdll and
 * the image and jump to ntdll!LdrInitializeThunk.  Nothing from the PE file
 * is read here: the supervisor parses it.
 */
#include <asm/unistd.h>
#include <linux/mman.h>
#include <asm/prctl.h>
#include "runtime.h"

_Static_assert(sizeof(struct lsw_thread_block) <= LSW_ALTSTACK_OFFSET,
	       "the thread block overlaps the alternate signal stack");

#define SOL_SOCKET 1
#define SCM_RIGHTS 1

struct iovec_k { void *base; unsigned long len; };
struct msghdr_k {
	void *name; int namelen; struct iovec_k *iov; unsigned long iovlen;
	void *control; unsigned long controllen; int flags;
};
struct cmsg_fd {
	unsigned long len; int level, type; int fd; int pad;
};

__attribute__((noreturn)) void lsw_fatal(int op, long err)
{
	lsw_gate(LSW_GATE_NR, LSW_REQUEST(LSW_REQ_FATAL, 0), op, err, 0, 0, 0);
	for (;;)
		sys1(__NR_exit_group, 127);
}

/* One 64 KiB block aligned to its size: the thread's op list and, at its
 * end, the alternate signal stack the SIGSYS handler runs on. */
static struct lsw_thread_block *alloc_block(void)
{
	unsigned long size = LSW_BLOCK_SIZE, p, aligned;

	p = (unsigned long)sys6(__NR_mmap, 0, 2 * size, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p > -4096UL)
		return 0;
	aligned = (p + size - 1) & ~(size - 1);
	if (aligned > p)
		sys2(__NR_munmap, p, aligned - p);
	if (aligned + size < p + 2 * size)
		sys2(__NR_munmap, aligned + size, p + 2 * size - aligned - size);
	return (struct lsw_thread_block *)aligned;
}

static int send_listener(int fd)
{
	char byte = 'L';
	struct iovec_k iov = { &byte, 1 };
	struct cmsg_fd c = { sizeof(unsigned long) + 2 * sizeof(int) + sizeof(int),
			     SOL_SOCKET, SCM_RIGHTS, fd, 0 };
	struct msghdr_k m = { 0, 0, &iov, 1, &c, sizeof(c), 0 };

	return (int)sys3(__NR_sendmsg, LSW_SETUP_FD, &m, 0);
}

/* The alternate signal stack at the block's end, and the block as the
 * FS base: the fast channel's entry finds it there (fastcall.S).  DS and
 * ES hold the user data selector 0x2b, as on Windows (and as a CONTEXT
 * shows them); Linux starts them null, and they mean nothing in 64-bit
 * code either way.  FS and GS cannot: loading a selector there would
 * reset the base. */
static void set_altstack(struct lsw_thread_block *b)
{
	struct { void *sp; int flags; unsigned long size; } ss;
	unsigned short user_data = 0x2b;

	__asm__ volatile("mov %0, %%ds\n\tmov %0, %%es" : : "r"(user_data));

	if (sys2(__NR_arch_prctl, ARCH_SET_FS, b) < 0)
		sys1(__NR_exit_group, 121);

	ss.sp = (char *)b + LSW_ALTSTACK_OFFSET;
	ss.flags = 0;
	ss.size = LSW_BLOCK_SIZE - LSW_ALTSTACK_OFFSET;
	if (sys2(__NR_sigaltstack, &ss, 0) < 0)
		sys1(__NR_exit_group, 121);
}

/*
 * A thread made by LSW_OP_CLONE, running on the top of its own block (the
 * supervisor mapped it): the same alternate stack as every thread, no
 * signal blocked (the clone came from inside a signal handler, whose mask
 * it inherited), then hello and the jump to its Windows start.
 */
__attribute__((noreturn)) void lsw_thread_start(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	struct lsw_thread_block *b = (struct lsw_thread_block *)(sp & ~(LSW_BLOCK_SIZE - 1));
	unsigned long long none = 0, reply;

	b->magic = LSW_BLOCK_MAGIC;
	set_altstack(b);
	sys4(__NR_rt_sigprocmask, 2 /* SIG_SETMASK */, &none, 0, 8);
	reply = (unsigned long long)lsw_gate(LSW_GATE_NR,
		LSW_REQUEST(LSW_REQ_THREAD_HELLO, 0), (long)b, 0, 0, 0, (long)sp);
	lsw_run_ops(b, 0, reply);
	lsw_fatal(-1, 0); /* the hello must end in a jump */
}

__attribute__((noreturn)) void lsw_runtime_main(unsigned long *sp)
{
	struct lsw_thread_block *b = alloc_block();
	unsigned long long reply;
	int listener;

	if (!b)
		sys1(__NR_exit_group, 120);
	b->magic = LSW_BLOCK_MAGIC;
	set_altstack(b);
	lsw_install_handlers();
	listener = lsw_install_filter();
	if (listener < 0)
		sys1(__NR_exit_group, 122);
	if (send_listener(listener) < 0)
		sys1(__NR_exit_group, 123);
	sys1(__NR_close, LSW_SETUP_FD);
	sys1(__NR_close, listener);
	reply = (unsigned long long)lsw_gate(LSW_GATE_NR,
		LSW_REQUEST(LSW_REQ_HELLO, 0), (long)b, (long)lsw_fast_entry, 0, 0, (long)sp);
	lsw_run_ops(b, 0, reply);
	lsw_fatal(-1, 0); /* the hello must end in a jump */
}
