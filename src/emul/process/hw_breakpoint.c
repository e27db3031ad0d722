/*
 * Hardware breakpoints as perf events (hw_breakpoint.h).  Dr7 as the CPU
 * reads it: slot i is enabled by its local or global bit (bits 2i, 2i+1),
 * its kind is R/W i (bits 16+4i: 00 execute, 01 write, 11 read or write,
 * 10 I/O, which Windows never enables), its length LEN i (bits 18+4i: 1,
 * 2, 8 or 4 bytes).  The CPU ignores an address's low bits below the
 * length; perf wants them clear.  The context keeps the values as set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include "emul/process/hw_breakpoint.h"

#define CTX_FLAGS 0x30
#define CTX_DR0 0x48 /* Dr0-Dr3, Dr6, Dr7: six quadwords */
#define DR6_BS 0x4000ull
#define DR6_STATUS 0xe00full /* B0-B3, BD, BS, BT */
#define HIGHEST_USER_ADDRESS 0x7ffffffeffffull
#define SLOTS 4

struct bp_spec {
	uint64_t addr;
	uint32_t type;               /* HW_BREAKPOINT_*, 0: disarmed */
	uint32_t len;
};

struct hw_breakpoints {
	uint64_t dr[6];              /* Dr0-Dr3, Dr6, Dr7 as the context has them */
	int fd[SLOTS];               /* perf events, -1: none */
	struct bp_spec armed[SLOTS];
};

/* What slot i of these registers asks the CPU to watch (type 0: nothing
 * that can fire in user mode). */
static struct bp_spec slot_spec(const uint64_t *dr, int i)
{
	static const uint8_t lens[4] = { 1, 2, 8, 4 };
	uint64_t dr7 = dr[5];
	unsigned rw = (dr7 >> (16 + 4 * i)) & 3, len = lens[(dr7 >> (18 + 4 * i)) & 3];
	struct bp_spec s = { 0, 0, 0 };

	if (!((dr7 >> (2 * i)) & 3) || dr[i] > HIGHEST_USER_ADDRESS || rw == 2)
		return s;
	if (rw == 0) { /* execute: perf's length for it is a long's */
		s.type = HW_BREAKPOINT_X;
		s.len = sizeof(long);
		s.addr = dr[i];
	} else {
		s.type = rw == 1 ? HW_BREAKPOINT_W : HW_BREAKPOINT_RW;
		s.len = len;
		s.addr = dr[i] & ~(uint64_t)(len - 1);
	}
	return s;
}

static bool same_spec(const struct bp_spec *a, const struct bp_spec *b)
{
	return a->type == b->type && (!a->type || (a->addr == b->addr && a->len == b->len));
}

/* A breakpoint on thread tid that sends it SIGTRAP with sig_data = slot. */
static int open_breakpoint(pid_t tid, const struct bp_spec *s, int slot)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_BREAKPOINT;
	a.size = sizeof(a);
	a.bp_type = s->type;
	a.bp_addr = s->addr;
	a.bp_len = s->len;
	a.sample_period = 1;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	a.sigtrap = 1;
	a.remove_on_exec = 1; /* sigtrap requires it */
	a.sig_data = (uint64_t)slot;
	return (int)syscall(SYS_perf_event_open, &a, tid, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

static void note_unavailable(int err)
{
	static bool told;

	if (!told)
		fprintf(stderr, "lsw: hardware breakpoints unavailable: perf_event_open: %s "
			"(Linux 5.13+ with perf breakpoints needed)\n", strerror(err));
	told = true;
}

static struct hw_breakpoints *state_new(void)
{
	struct hw_breakpoints *h = calloc(1, sizeof(*h));

	if (h)
		for (int i = 0; i < SLOTS; i++)
			h->fd[i] = -1;
	return h;
}

/* Opens the slots of want that h has not armed (after closing the ones
 * that change: the CPU has four debug registers, each slot one of them);
 * the errno of the first that fails, or 0. */
static int arm_changed(struct hw_breakpoints *h, pid_t tid, const struct bp_spec *want)
{
	for (int i = 0; i < SLOTS; i++)
		if (!same_spec(&want[i], &h->armed[i]) && h->fd[i] >= 0) {
			close(h->fd[i]);
			h->fd[i] = -1;
			h->armed[i].type = 0;
		}
	for (int i = 0; i < SLOTS; i++) {
		if (!want[i].type || same_spec(&want[i], &h->armed[i]))
			continue;
		if ((h->fd[i] = open_breakpoint(tid, &want[i], i)) < 0)
			return errno;
		h->armed[i] = want[i];
	}
	return 0;
}

/* Arms slots to match want; on a failure the slots armed before are
 * armed again (nothing changed) and the errno returned. */
static int arm(struct hw_breakpoints *h, pid_t tid, const struct bp_spec *want)
{
	struct bp_spec before[SLOTS];
	int err;

	memcpy(before, h->armed, sizeof(before));
	if (!(err = arm_changed(h, tid, want)))
		return 0;
	arm_changed(h, tid, before);
	return err;
}

/* Arms h's slots to what registers dr ask for. */
static int arm_registers(struct hw_breakpoints *h, pid_t tid, const uint64_t *dr)
{
	struct bp_spec want[SLOTS];

	for (int i = 0; i < SLOTS; i++)
		want[i] = slot_spec(dr, i);
	return arm(h, tid, want);
}

void hw_breakpoints_to_context(const struct lsw_thread *t, uint8_t *ctx)
{
	static const uint64_t none[6];

	memcpy(ctx + CTX_DR0, t->hwbp ? t->hwbp->dr : none, sizeof(none));
}

NTSTATUS hw_breakpoints_from_context(struct lsw_thread *t, const uint8_t *ctx)
{
	struct hw_breakpoints *h = t->hwbp;
	uint64_t dr[6];
	int err;

	memcpy(dr, ctx + CTX_DR0, sizeof(dr));
	dr[4] &= DR6_STATUS;
	if (!h && !dr[0] && !dr[1] && !dr[2] && !dr[3] && !dr[4] && !dr[5])
		return LSW_STATUS_SUCCESS;
	if (!h && !(h = t->hwbp = state_new()))
		return LSW_STATUS_NO_MEMORY;
	/* before its hello a thread has no tid: armed then */
	if (t->tid && !t->exited && (err = arm_registers(h, t->tid, dr))) {
		note_unavailable(err);
		return LSW_STATUS_NOT_SUPPORTED;
	}
	memcpy(h->dr, dr, sizeof(dr));
	return LSW_STATUS_SUCCESS;
}

#define CONTEXT_DEBUG_REGISTERS 0x100010u

void hw_breakpoints_continue(struct lsw_thread *t, const uint8_t *ctx)
{
	uint32_t flags;

	memcpy(&flags, ctx + CTX_FLAGS, 4);
	if ((flags & CONTEXT_DEBUG_REGISTERS) == CONTEXT_DEBUG_REGISTERS)
		hw_breakpoints_from_context(t, ctx);
}

void hw_breakpoints_thread_started(struct lsw_thread *t)
{
	int err;

	if (t->hwbp && t->tid && (err = arm_registers(t->hwbp, t->tid, t->hwbp->dr)))
		note_unavailable(err);
}

bool hw_breakpoints_hit(struct lsw_thread *t, int slot)
{
	struct hw_breakpoints *h = t->hwbp;

	if (slot >= 0 && (!h || slot >= SLOTS || h->fd[slot] < 0))
		return false;
	if (!h && !(h = t->hwbp = state_new()))
		return true; /* the step is reported, its Dr6 not kept */
	h->dr[4] = (h->dr[4] & ~DR6_STATUS) | (slot < 0 ? DR6_BS : 1ull << slot);
	return true;
}

void hw_breakpoints_free(struct lsw_thread *t)
{
	struct hw_breakpoints *h = t->hwbp;

	if (!h)
		return;
	for (int i = 0; i < SLOTS; i++)
		if (h->fd[i] >= 0)
			close(h->fd[i]);
	free(h);
	t->hwbp = NULL;
}
