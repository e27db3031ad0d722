/*
 * The memory of a thread's process, as the NT calls reach it: every read
 * and write goes through the process (tracer/tracee_mem.c), never through
 * a thread's tid: a thread's number is free for any new task the moment
 * the thread ends, while the process id is our unreaped child's until we
 * wait for it (the leader thread never exits before the process, see
 * thread.c's exit_ops).  After the wait nothing is read or written any
 * more.
 *
 * While a call is traced, its small reads and writes are remembered, in
 * its thread's memo, so the trace decoders, which read the same arguments
 * again (the outputs the handler just wrote, above all), are served
 * without a system call.  The thread is stopped for the whole call.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/emul.h"
#include "emul/memory/memory.h"
#include "emul/memory/write_watch.h"
#include "tracer/tracee_mem.h"

#define MEMO_SLOTS 16
#define MEMO_BYTES 64

struct tracee_memo {
	bool on;
	unsigned n, next;
	struct memo_slot {
		uint64_t addr;
		size_t len;
		unsigned char bytes[MEMO_BYTES];
	} slot[MEMO_SLOTS];
};

void tracee_memo_begin(struct lsw_thread *t, bool on)
{
	if (on && !t->memo && !(t->memo = malloc(sizeof(*t->memo))))
		return; /* no memo: every read goes to the process */
	if (t->memo) { /* forget the slots; their bytes are never read unfilled */
		t->memo->on = on;
		t->memo->n = t->memo->next = 0;
	}
}

void tracee_memo_free(struct lsw_thread *t)
{
	free(t->memo);
	t->memo = NULL;
}

static void memo_put(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len)
{
	struct tracee_memo *m = t->memo;
	struct memo_slot *s;

	if (!m || !m->on || len > MEMO_BYTES)
		return;
	s = &m->slot[m->next];
	m->next = (m->next + 1) % MEMO_SLOTS;
	if (m->n < MEMO_SLOTS)
		m->n++;
	s->addr = addr;
	s->len = len;
	memcpy(s->bytes, buf, len);
}

/* Newest first: a later write of the same bytes wins. */
static bool memo_get(const struct lsw_thread *t, uint64_t addr, void *buf, size_t len)
{
	const struct tracee_memo *m = t->memo;

	for (unsigned k = 1; m && m->on && k <= m->n; k++) {
		const struct memo_slot *s = &m->slot[(m->next + MEMO_SLOTS - k) % MEMO_SLOTS];

		if (addr >= s->addr && addr + len <= s->addr + s->len) {
			memcpy(buf, s->bytes + (addr - s->addr), len);
			return true;
		}
	}
	return false;
}

/* The process whose memory t shares, or 0 once it has been reaped. */
static pid_t memory_of(const struct lsw_thread *t)
{
	const struct lsw_process *p = t->process;

	return p->reaped ? 0 : p->pid;
}

int tracee_read(struct lsw_thread *t, uint64_t addr, void *buf, size_t len)
{
	if (len == 0)
		return 0;
	if (addr + len < addr)
		return -1;
	if (memo_get(t, addr, buf, len))
		return 0;
	if (tracee_mem_read(memory_of(t), addr, buf, len) < 0)
		return -1;
	memo_put(t, addr, buf, len);
	return 0;
}

/* A fast call's quadword output goes to the runtime with the answer
 * (fast_channel_answer): it stores it itself, no process_vm_writev.  When
 * the call is traced (the memo is on), the trace shows the output as the
 * call ends (from the memo) and the status the call returns: only an
 * address our view of the memory finds writable goes to the runtime (one
 * the program unmaps before the runtime stores there still fails the call
 * with STATUS_ACCESS_VIOLATION, which the trace line would not show); any
 * other is written here, and the call fails as before. */
static bool runtime_may_store(struct lsw_thread *t, uint64_t addr, size_t len)
{
	const struct nt_call *c = &t->call;

	if (!c->out_by_runtime || len != 8 || c->nout == LSW_FAST_MAX_OUT)
		return false;
	if (write_watch_any(t->process, addr, len)) /* its page may be protected */
		return false;
	return !t->memo || !t->memo->on || memory_probe_write(t->process, addr, len);
}

static void out_by_runtime(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len)
{
	struct nt_call *c = &t->call;

	c->out[c->nout].addr = addr;
	memcpy(&c->out[c->nout].value, buf, 8);
	c->nout++;
	memo_put(t, addr, buf, len);
}

/* A write that failed on a watched page the program may write (mapped
 * without write access until its next write is seen): it is written as a
 * kernel-mode write is, which marks the page (write_watch.c). */
static bool watched_write(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len,
			  bool mark)
{
	return memory_of(t) && write_watch_kernel_write(t->process, addr, len, mark) &&
	       tracee_mem_write_force(memory_of(t), addr, buf, len) == 0;
}

int tracee_write_locked(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len)
{
	if (tracee_mem_write(memory_of(t), addr, buf, len) < 0 &&
	    !watched_write(t, addr, buf, len, false))
		return -1;
	memo_put(t, addr, buf, len);
	return 0;
}

int tracee_write(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len)
{
	if (len == 0)
		return 0;
	if (runtime_may_store(t, addr, len)) {
		out_by_runtime(t, addr, buf, len);
		return 0;
	}
	if (tracee_mem_write(memory_of(t), addr, buf, len) < 0 &&
	    !watched_write(t, addr, buf, len, true))
		return -1;
	memo_put(t, addr, buf, len);
	return 0;
}

int tracee_write2(struct lsw_thread *t, uint64_t a1, const void *b1, size_t l1,
		  uint64_t a2, const void *b2, size_t l2)
{
	if (t->call.nout == 0 && runtime_may_store(t, a1, l1) && runtime_may_store(t, a2, l2)) {
		out_by_runtime(t, a1, b1, l1);
		out_by_runtime(t, a2, b2, l2);
		return 0;
	}
	if (tracee_mem_write2(memory_of(t), a1, b1, l1, a2, b2, l2) < 0)
		/* one of them on a watched page: each on its own */
		return t->process->vad.watched && tracee_write(t, a1, b1, l1) == 0 &&
		       tracee_write(t, a2, b2, l2) == 0 ? 0 : -1;
	memo_put(t, a1, b1, l1);
	memo_put(t, a2, b2, l2);
	return 0;
}

/* Reads a UNICODE_STRING {USHORT Length, MaximumLength; PWSTR Buffer} and
 * its characters into a malloc'ed, NUL-terminated copy. */
NTSTATUS tracee_read_ustring(struct lsw_thread *t, uint64_t us_addr,
			     uint16_t **out, size_t *nchars)
{
	struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us;
	uint16_t *s;

	if (tracee_read(t, us_addr, &us, sizeof(us)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((us.len & 1) || us.len > us.max)
		return LSW_STATUS_INVALID_PARAMETER;
	s = malloc(us.len + 2u);
	if (!s)
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(t, us.buf, s, us.len) < 0) {
		free(s);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	s[us.len / 2] = 0;
	*out = s;
	*nchars = us.len / 2;
	return LSW_STATUS_SUCCESS;
}

/* IO_STATUS_BLOCK: { NTSTATUS Status (union with PVOID); ULONG_PTR Information } */
NTSTATUS tracee_write_iosb(struct lsw_thread *t, uint64_t iosb, NTSTATUS status,
			   uint64_t info)
{
	uint64_t v[2] = { status, info };

	/* a fast call's: two quadwords the runtime stores with the answer */
	if (t->call.out_by_runtime)
		return tracee_write2(t, iosb, &v[0], 8, iosb + 8, &v[1], 8) < 0
			? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
	return tracee_write(t, iosb, v, sizeof(v)) < 0 ? LSW_STATUS_ACCESS_VIOLATION
						       : LSW_STATUS_SUCCESS;
}
