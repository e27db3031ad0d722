/*
 * The seccomp filter, installed by the runtime before any Windows byte runs.
 *
 *   not x86-64 (int 0x80, ...)         -> kill the process
 *   not the gate, a DIRECT NT call     -> SECCOMP_RET_USER_NOTIF (its four
 *                                         arguments are in r10 rdx r8 r9)
 *   not the gate, anything else        -> SECCOMP_RET_TRAP (SIGSYS: an NT call)
 *   gate, LSW_GATE_NR                  -> SECCOMP_RET_USER_NOTIF (supervisor)
 *   gate, in gate_whitelist.def        -> allow (GATE_ASK_*: the supervisor
 *                                         decides, SECCOMP_RET_USER_NOTIF)
 *   gate, anything else                -> kill the process
 */
#include <stddef.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <asm/unistd.h>
#include <asm/prctl.h>
#include <asm-generic/mman-common.h>
#include <linux/futex.h>
#include "runtime.h"

#define PR_SET_NO_NEW_PRIVS 38
#ifndef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
#define SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1UL << 5)
#endif
#define MAX_INSNS 256

#define LD(off) (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define JEQ(k, t, f) (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (k), (t), (f))
#define RET(v) (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, (v))
#define NR_OFF offsetof(struct seccomp_data, nr)
#define ARCH_OFF offsetof(struct seccomp_data, arch)
#define IP_LO offsetof(struct seccomp_data, instruction_pointer)
#define IP_HI (IP_LO + 4)
#define ARG_LO(i) offsetof(struct seccomp_data, args[i])
#define ARG_HI(i) (ARG_LO(i) + 4)

struct builder {
	struct sock_filter insn[MAX_INSNS];
	unsigned short n;
};

static void emit(struct builder *b, struct sock_filter f)
{
	if (b->n < MAX_INSNS)
		b->insn[b->n++] = f;
}

/* if (nr == NR && argument i in {v1, v2}) return action; the accumulator
 * is reloaded with nr afterwards so the next rule starts from the same
 * state. */
static void rule_arg(struct builder *b, unsigned nr, int i, unsigned long long v1,
		     unsigned long long v2, unsigned action)
{
	emit(b, JEQ(nr, 0, 7));
	emit(b, LD(ARG_HI(i)));
	emit(b, JEQ((unsigned)(v1 >> 32), 0, 4)); /* v1, v2 share the high half */
	emit(b, LD(ARG_LO(i)));
	emit(b, JEQ((unsigned)v1, 1, 0));
	emit(b, JEQ((unsigned)v2, 0, 1));
	emit(b, RET(action));
	emit(b, LD(NR_OFF));
}

static void allow_arg(struct builder *b, unsigned nr, int i, unsigned long long v1,
		      unsigned long long v2)
{
	rule_arg(b, nr, i, v1, v2, SECCOMP_RET_ALLOW);
}

static void allow_any(struct builder *b, unsigned nr)
{
	emit(b, JEQ(nr, 0, 1));
	emit(b, RET(SECCOMP_RET_ALLOW));
}

/* Non-gate syscalls: the table's DIRECT calls go to the supervisor as they
 * are, everything else traps into the runtime's SIGSYS handler. */
static void non_gate(struct builder *b)
{
	emit(b, LD(NR_OFF));
#define NTCALL(num, name, nargs, klass, support) FILTER_##support(num)
#define FILTER_DIRECT(num) emit(b, JEQ(num, 0, 1)); emit(b, RET(SECCOMP_RET_USER_NOTIF));
#define FILTER_IMPL(num)
#define FILTER_NI(num)
#include <lsw/ntcalls.def>
#undef NTCALL
#undef FILTER_DIRECT
#undef FILTER_IMPL
#undef FILTER_NI
	emit(b, RET(SECCOMP_RET_TRAP));
}

static void build(struct builder *b)
{
	unsigned long long gate = (unsigned long long)lsw_gate_after;
	unsigned short not_gate_hi, not_gate_lo;

	emit(b, LD(ARCH_OFF));
	emit(b, JEQ(AUDIT_ARCH_X86_64, 1, 0));
	emit(b, RET(SECCOMP_RET_KILL_PROCESS));
	emit(b, LD(IP_HI));
	not_gate_hi = b->n;
	emit(b, JEQ((unsigned)(gate >> 32), 0, 0)); /* false target patched below */
	emit(b, LD(IP_LO));
	not_gate_lo = b->n;
	emit(b, JEQ((unsigned)gate, 0, 0));
	emit(b, LD(NR_OFF));
	emit(b, JEQ(LSW_GATE_NR, 0, 1));
	emit(b, RET(SECCOMP_RET_USER_NOTIF));
#define GATE_ANY(name) allow_any(b, __NR_##name);
#define GATE_ARG0(name, v) allow_arg(b, __NR_##name, 0, (v), (v));
#define GATE_ARG0_2(name, v1, v2) allow_arg(b, __NR_##name, 0, (v1), (v2));
#define GATE_ARG1(name, v) allow_arg(b, __NR_##name, 1, (v), (v));
#define GATE_ARG2(name, v) allow_arg(b, __NR_##name, 2, (v), (v));
#define GATE_ASK_ARG0(name, v) rule_arg(b, __NR_##name, 0, (v), (v), SECCOMP_RET_USER_NOTIF);
#include "gate_whitelist.def"
#undef GATE_ANY
#undef GATE_ARG0
#undef GATE_ARG0_2
#undef GATE_ARG1
#undef GATE_ARG2
#undef GATE_ASK_ARG0
	emit(b, RET(SECCOMP_RET_KILL_PROCESS));
	if (b->n - not_gate_hi - 1 > 255) {
		b->n = MAX_INSNS; /* jump out of reach: refuse to install */
		return;
	}
	b->insn[not_gate_hi].jf = (unsigned char)(b->n - not_gate_hi - 1);
	b->insn[not_gate_lo].jf = (unsigned char)(b->n - not_gate_lo - 1);
	non_gate(b);
}

/* Returns the listener fd, or a negative errno. */
int lsw_install_filter(void)
{
	static struct builder b;
	struct sock_fprog prog;
	long r;

	build(&b);
	if (b.n >= MAX_INSNS)
		return -7; /* E2BIG: the table outgrew the builder */
	prog.len = b.n;
	prog.filter = b.insn;
	r = sys4(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0);
	if (r < 0)
		return (int)r;
	/* Killable waits: a stop signal (Ctrl-Z, SIGSTOP) must not interrupt a
	 * call the supervisor is holding (a sleep, a console read) and restart
	 * it as a second one.  Linux 5.19+; older kernels go without. */
	r = sys3(__NR_seccomp, SECCOMP_SET_MODE_FILTER,
		 SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, &prog);
	if (r == -22) /* EINVAL */
		r = sys3(__NR_seccomp, SECCOMP_SET_MODE_FILTER,
			 SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	return (int)r;
}
