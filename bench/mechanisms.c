/* Interception mechanisms, measured alone: what one round trip costs from
 * a `syscall` instruction in a sandboxed process back to the instruction
 * after it, for each way LSW could catch an NT call.  Standalone native
 * program, no LSW code: raw BPF filters, a forked child as the "tracee" and
 * this process as the "supervisor".
 *
 * usage: mechanisms [N]     (N round trips per timed round for the slow
 *                            mechanisms, 10*N for the fast ones; default 5000)
 *
 * Output: one line per mechanism, "key  median_us  min_us  max_us  description";
 * a mechanism the kernel lacks prints n/a and the reason.
 * Each figure is the median (and minimum) of ROUNDS timed rounds, timed in
 * the child with the vDSO clock (no system call). */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include "shm_channel.h"

/* Debian 12's headers predate these (Linux 6.6). */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP 1ULL
#endif
#ifndef SECCOMP_RET_USER_NOTIF
#define SECCOMP_RET_USER_NOTIF 0x7fc00000U
#endif
#ifndef PTRACE_EVENT_SECCOMP
#define PTRACE_EVENT_SECCOMP 7
#endif

#define ROUNDS 7
#define WARMUP 200

/* System call numbers no Linux kernel uses; the filter routes them. */
#define NR_TRAP 1000
#define NR_NOTIF 1001
#define NR_TRACE 1002

enum mode {
	M_SYSCALL,		/* plain getppid, no filter */
	M_SYSCALL_FILTERED,	/* getppid through the (allowing) filter */
	M_TRAP,			/* SECCOMP_RET_TRAP -> SIGSYS handler -> sigreturn */
	M_NOTIF,		/* user notification, blocking RECV */
	M_NOTIF_PINNED,		/* same, both processes on one CPU */
	M_NOTIF_CROSS,		/* same, pinned to two different CPUs */
	M_NOTIF_SYNC,		/* user notification + SYNC_WAKE_UP, blocking RECV */
	M_NOTIF_SYNC_EPOLL,	/* same, supervisor waits in epoll_wait first */
	M_TRAP_NOTIF_SYNC,	/* SIGSYS handler forwards by a notified call */
	M_TRAP_NOTIF_SYNC_READ,	/* same + supervisor reads a 128-byte request */
	M_SHM_SPIN,		/* shared page, both sides spin: no system call */
	M_SHM_FUTEX_SPIN,	/* shared page, spin SPIN_NS, then futex */
	M_SHM_FUTEX,		/* shared page, futex wake and wait every time */
	M_TRAP_SHM_SPIN,	/* SIGSYS handler posts on the shared page, spins */
	M_TRAP_SHM_FUTEX_SPIN,	/* same, spin SPIN_NS, then futex */
	M_TRACE,		/* SECCOMP_RET_TRACE, ptrace GETREGS/SETREGS */
	M_TRACE_PINNED,		/* same, both processes on one CPU */
	M_COUNT
};

static const struct {
	const char *key, *what;
	int slow;
} modes[M_COUNT] = {
	[M_SYSCALL] = {"syscall", "plain Linux syscall (getppid), no filter", 0},
	[M_SYSCALL_FILTERED] = {"syscall_filtered",
		"getppid allowed by a 7-instruction seccomp filter", 0},
	[M_TRAP] = {"trap", "SECCOMP_RET_TRAP -> SIGSYS handler -> sigreturn, no supervisor", 0},
	[M_NOTIF] = {"notif", "user notification, plain (blocking RECV)", 1},
	[M_NOTIF_PINNED] = {"notif_pinned",
		"user notification, plain, both processes pinned to one CPU", 1},
	[M_NOTIF_CROSS] = {"notif_cross",
		"user notification, plain, processes pinned to two different CPUs", 1},
	[M_NOTIF_SYNC] = {"notif_sync",
		"user notification + SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (blocking RECV)", 1},
	[M_NOTIF_SYNC_EPOLL] = {"notif_sync_epoll",
		"same, supervisor waits in epoll_wait before RECV", 1},
	[M_TRAP_NOTIF_SYNC] = {"trap_notif_sync",
		"SIGSYS handler -> one notified gate call (sync) -> sigreturn", 1},
	[M_TRAP_NOTIF_SYNC_READ] = {"trap_notif_sync_read",
		"same + supervisor process_vm_readv of a 128-byte request", 1},
	[M_SHM_SPIN] = {"shm_spin",
		"request/answer on a shared page, both sides spin (no syscall at all)", 1},
	[M_SHM_FUTEX_SPIN] = {"shm_futex_spin",
		"same, each side spins 20 us, then sleeps on a futex (gVisor systrap)", 1},
	[M_SHM_FUTEX] = {"shm_futex",
		"same, no spinning: futex wake + futex wait every call", 1},
	[M_TRAP_SHM_SPIN] = {"trap_shm_spin",
		"SIGSYS handler posts on the shared page, both sides spin", 1},
	[M_TRAP_SHM_FUTEX_SPIN] = {"trap_shm_futex_spin",
		"SIGSYS handler posts, spin 20 us then futex (systrap from SIGSYS)", 1},
	[M_TRACE] = {"ptrace", "SECCOMP_RET_TRACE ptrace stop + GETREGS/SETREGS", 1},
	[M_TRACE_PINNED] = {"ptrace_pinned", "same, both processes pinned to one CPU", 1},
};

static int uses_listener(enum mode m)
{
	return m == M_NOTIF || m == M_NOTIF_PINNED || m == M_NOTIF_CROSS ||
	       m == M_NOTIF_SYNC ||
	       m == M_NOTIF_SYNC_EPOLL || m == M_TRAP_NOTIF_SYNC ||
	       m == M_TRAP_NOTIF_SYNC_READ;
}

static int uses_trap(enum mode m)
{
	return m == M_TRAP || m == M_TRAP_NOTIF_SYNC || m == M_TRAP_NOTIF_SYNC_READ ||
	       m == M_TRAP_SHM_SPIN || m == M_TRAP_SHM_FUTEX_SPIN;
}

#define SPIN_NS 20000L

static int uses_shm(enum mode m)
{
	return m >= M_SHM_SPIN && m <= M_TRAP_SHM_FUTEX_SPIN;
}

/* How long each side of a shared-page channel spins before it sleeps. */
static long shm_spin_ns(enum mode m)
{
	if (m == M_SHM_SPIN || m == M_TRAP_SHM_SPIN)
		return 1000000000L;
	return m == M_SHM_FUTEX ? 0 : SPIN_NS;
}

static struct shm_channel *chan; /* made before the fork */

static int uses_trace(enum mode m)
{
	return m == M_TRACE || m == M_TRACE_PINNED;
}

static int pinned(enum mode m)
{
	return m == M_NOTIF_PINNED || m == M_TRACE_PINNED || m == M_NOTIF_CROSS;
}

static int sync_wakeup(enum mode m)
{
	return m == M_NOTIF_SYNC || m == M_NOTIF_SYNC_EPOLL ||
	       m == M_TRAP_NOTIF_SYNC || m == M_TRAP_NOTIF_SYNC_READ;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* A raw system call: no errno, usable in the signal handler. */
static inline long raw_syscall4(long nr, long a, long b, long c, long d)
{
	long ret;
	register long r10 __asm__("r10") = d;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

/* ---- the sandboxed child ---- */

static enum mode child_mode;

static void on_sigsys(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	greg_t *g = uc->uc_mcontext.gregs;

	if (child_mode == M_TRAP) {
		g[REG_RAX] = 0;
	} else if (uses_shm(child_mode)) {
		uint64_t args[6] = { g[REG_RAX], g[REG_R10], g[REG_RDX], g[REG_R8], g[REG_R9], 0 };

		g[REG_RAX] = shm_channel_call(chan, args, shm_spin_ns(child_mode));
	} else if (child_mode == M_TRAP_NOTIF_SYNC) {
		/* The short-call path: four register arguments in the gate call. */
		g[REG_RAX] = raw_syscall4(NR_NOTIF, g[REG_R10], g[REG_RDX],
					  g[REG_R8], g[REG_R9]);
	} else {
		/* The long-call path: a request block (registers plus stack
		 * arguments) that the supervisor reads from our memory. */
		uint64_t req[16];

		req[0] = g[REG_RAX];
		req[1] = g[REG_R10];
		req[2] = g[REG_RDX];
		req[3] = g[REG_R8];
		req[4] = g[REG_R9];
		memcpy(&req[5], (void *)(g[REG_RSP] + 0x28), 11 * sizeof(uint64_t));
		g[REG_RAX] = raw_syscall4(NR_NOTIF, (long)req, sizeof(req), 0, 0);
	}
}

static int install_filter(enum mode m)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NR_TRAP, 3, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NR_NOTIF, 3, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NR_TRACE, 3, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
	};
	struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };

	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		       uses_listener(m) ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0, &prog);
}

static void send_fd(int sock, int fd)
{
	char byte = 0, cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	if (sendmsg(sock, &msg, 0) != 1)
		_exit(3);
}

static int recv_fd(int sock)
{
	char byte, cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &msg, 0) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

static void do_call(enum mode m)
{
	static const uint64_t args[6] = { 1, 2, 3, 4, 5, 6 };

	if (m == M_SYSCALL || m == M_SYSCALL_FILTERED)
		raw_syscall4(SYS_getppid, 0, 0, 0, 0);
	else if (uses_shm(m) && !uses_trap(m))
		shm_channel_call(chan, args, shm_spin_ns(m));
	else if (uses_trap(m))
		raw_syscall4(NR_TRAP, 1, 2, 3, 4);
	else if (uses_listener(m))
		raw_syscall4(NR_NOTIF, 1, 2, 3, 4);
	else
		raw_syscall4(NR_TRACE, 1, 2, 3, 4);
}

static void child(enum mode m, int sock, long n)
{
	char go;

	child_mode = m;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		_exit(2);
	if (uses_trace(m)) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0))
			_exit(2);
		raise(SIGSTOP);
	}
	if (uses_trap(m)) {
		struct sigaction sa = { .sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO };

		sigaction(SIGSYS, &sa, NULL);
	}
	if (m != M_SYSCALL) {
		int fd = install_filter(m);

		if (fd < 0)
			_exit(2);
		if (uses_listener(m)) {
			send_fd(sock, fd);
			close(fd);
		}
	}
	/* Wait until the supervisor has configured the listener. */
	if (read(sock, &go, 1) != 1 || go != 'g')
		_exit(4);
	for (int i = 0; i < WARMUP; i++)
		do_call(m);
	for (int r = 0; r < ROUNDS; r++) {
		double t0 = now_ns(), per;

		for (long i = 0; i < n; i++)
			do_call(m);
		per = (now_ns() - t0) / n;
		if (write(sock, &per, sizeof(per)) != sizeof(per))
			_exit(5);
	}
	_exit(0);
}

/* ---- the supervisor ---- */

static int serve_notifications(enum mode m, int fd, long total)
{
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;
	int epfd = -1;

	if (m == M_NOTIF_SYNC_EPOLL) {
		struct epoll_event ev = { .events = EPOLLIN };

		epfd = epoll_create1(EPOLL_CLOEXEC);
		if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev))
			return -1;
	}
	for (long i = 0; i < total; i++) {
		if (epfd >= 0) {
			struct epoll_event ev;

			if (epoll_wait(epfd, &ev, 1, 10000) != 1)
				return -1;
		}
		memset(&req, 0, sizeof(req));
		if (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, &req))
			return -1;
		memset(&resp, 0, sizeof(resp));
		resp.id = req.id;
		if (m == M_TRAP_NOTIF_SYNC_READ) {
			uint64_t buf[16];
			struct iovec local = { buf, sizeof(buf) };
			struct iovec remote = { (void *)req.data.args[0], sizeof(buf) };

			if (req.data.args[1] != sizeof(buf) ||
			    process_vm_readv(req.pid, &local, 1, &remote, 1, 0) != sizeof(buf))
				return -1;
			resp.val = (long)buf[0] - NR_TRAP;
		}
		if (ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, &resp))
			return -1;
	}
	if (epfd >= 0)
		close(epfd);
	return 0;
}

static int serve_ptrace(pid_t pid, int sock)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status))
		return -1;
	if (ptrace(PTRACE_SETOPTIONS, pid, 0,
		   PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL))
		return -1;
	if (ptrace(PTRACE_CONT, pid, 0, 0) || write(sock, "g", 1) != 1)
		return -1;
	for (;;) {
		if (waitpid(pid, &status, 0) != pid)
			return -1;
		if (WIFEXITED(status) || WIFSIGNALED(status))
			return 0;
		if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8))) {
			struct user_regs_struct regs;

			if (ptrace(PTRACE_GETREGS, pid, 0, &regs))
				return -1;
			regs.orig_rax = -1;	/* skip the call ... */
			regs.rax = 0;		/* ... and answer it */
			if (ptrace(PTRACE_SETREGS, pid, 0, &regs) ||
			    ptrace(PTRACE_CONT, pid, 0, 0))
				return -1;
		} else {
			int sig = WIFSTOPPED(status) ? WSTOPSIG(status) : 0;

			if (ptrace(PTRACE_CONT, pid, 0, sig == SIGSTOP ? 0 : sig))
				return -1;
		}
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void measure(enum mode m, long n_slow)
{
	long n = modes[m].slow ? n_slow : 10 * n_slow;
	int sv[2], status, fd = -1, ok = 1;
	const char *why = "failed";
	double per[ROUNDS];
	cpu_set_t saved, one;
	pid_t pid;

	if (pinned(m)) {
		sched_getaffinity(0, sizeof(saved), &saved);
		if (m == M_NOTIF_CROSS && CPU_COUNT(&saved) < 2) {
			printf("%-22s %8s %8s %8s  %s: one CPU only\n", modes[m].key,
			       "n/a", "n/a", "n/a", modes[m].what);
			return;
		}
		CPU_ZERO(&one);
		CPU_SET(sched_getcpu(), &one);
		sched_setaffinity(0, sizeof(one), &one);
	}
	if (uses_shm(m) && !(chan = shm_channel_new())) {
		perror("mmap");
		exit(1);
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
		perror("socketpair");
		exit(1);
	}
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		child(m, sv[1], n);
	}
	close(sv[1]);	/* a pinned supervisor stays on the child's CPU ... */
	if (m == M_NOTIF_CROSS) {	/* ... except here: any other CPU */
		for (int c = 0; c < CPU_SETSIZE; c++)
			if (CPU_ISSET(c, &saved) && !CPU_ISSET(c, &one)) {
				CPU_ZERO(&one);
				CPU_SET(c, &one);
				break;
			}
		sched_setaffinity(0, sizeof(one), &one);
	}

	if (uses_trace(m)) {
		ok = serve_ptrace(pid, sv[0]) == 0;
	} else {
		if (uses_listener(m)) {
			fd = recv_fd(sv[0]);
			if (fd < 0) {
				ok = 0;
				why = "no seccomp user notification";
			} else if (sync_wakeup(m) &&
				   ioctl(fd, SECCOMP_IOCTL_NOTIF_SET_FLAGS,
					 SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP)) {
				ok = 0;
				why = "no SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (Linux < 6.6)";
			}
		}
		if (ok && write(sv[0], "g", 1) != 1)
			ok = 0;
		if (ok && fd >= 0)
			ok = serve_notifications(m, fd, WARMUP + ROUNDS * n) == 0;
		if (ok && uses_shm(m))
			ok = shm_channel_serve(chan, WARMUP + ROUNDS * n, shm_spin_ns(m),
					       10000) == 0;
	}
	for (int r = 0; ok && r < ROUNDS; r++)
		if (read(sv[0], &per[r], sizeof(per[r])) != sizeof(per[r]))
			ok = 0;
	if (!ok)
		kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	if (fd >= 0)
		close(fd);
	close(sv[0]);
	if (pinned(m))
		sched_setaffinity(0, sizeof(saved), &saved);
	if (chan) {
		munmap(chan, 4096);
		chan = NULL;
	}

	if (ok) {
		qsort(per, ROUNDS, sizeof(per[0]), cmp_double);
		printf("%-22s %8.3f %8.3f %8.3f  %s\n", modes[m].key,
		       per[ROUNDS / 2] / 1000, per[0] / 1000,
		       per[ROUNDS - 1] / 1000, modes[m].what);
	} else {
		printf("%-22s %8s %8s %8s  %s: %s\n", modes[m].key, "n/a", "n/a", "n/a",
		       modes[m].what, why);
	}
	fflush(stdout);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 5000;

	if (n < 10)
		n = 10;
	signal(SIGPIPE, SIG_IGN);
	alarm(300);	/* a wedged supervisor/child pair must not hang the run */
	printf("%-22s %8s %8s %8s  %s\n", "# mechanism", "med_us", "min_us", "max_us",
	       "description");
	for (int m = 0; m < M_COUNT; m++)
		measure(m, n);
	return 0;
}
