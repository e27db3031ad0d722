/*
 * Tracee memory access.  Every address comes from the hostile process: a
 * read or write that faults is STATUS_ACCESS_VIOLATION for the caller,
 * never a supervisor crash (process_vm_* cannot fault in our address space).
 *
 * The memory is reached through the process, never through a thread's tid:
 * a thread's number is free for any new task the moment the thread ends,
 * while the process id is our unreaped child's until we wait for it (the
 * leader thread never exits before the process, see thread.c's exit_ops).
 * After the wait nothing is read or written any more.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include "emul/emul.h"

/*
 * While tracing, the small reads and writes of one call are remembered, so
 * the trace decoders, which read the same arguments again (the outputs the
 * handler just wrote, above all), are served without a system call.  The
 * thread is stopped for the whole call; the memory is reset at each call
 * (with more than one thread it must become per-thread).
 */
#define MEMO_SLOTS 16
#define MEMO_BYTES 64

struct memo {
	uint64_t addr;
	size_t len;
	unsigned char bytes[MEMO_BYTES];
};

static struct memo memo[MEMO_SLOTS];
static unsigned memo_n, memo_next;
bool tracee_memo_on;

void tracee_memo_reset(void)
{
	memo_n = memo_next = 0;
}

static void memo_put(uint64_t addr, const void *buf, size_t len)
{
	struct memo *m;

	if (!tracee_memo_on || len > MEMO_BYTES)
		return;
	m = &memo[memo_next];
	memo_next = (memo_next + 1) % MEMO_SLOTS;
	if (memo_n < MEMO_SLOTS)
		memo_n++;
	m->addr = addr;
	m->len = len;
	memcpy(m->bytes, buf, len);
}

/* Newest first: a later write of the same bytes wins. */
static bool memo_get(uint64_t addr, void *buf, size_t len)
{
	for (unsigned k = 1; k <= memo_n; k++) {
		const struct memo *m = &memo[(memo_next + MEMO_SLOTS - k) % MEMO_SLOTS];

		if (addr >= m->addr && addr + len <= m->addr + m->len) {
			memcpy(buf, m->bytes + (addr - m->addr), len);
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
	struct iovec local = { buf, len }, remote = { (void *)addr, len };
	pid_t pid = memory_of(t);

	if (len == 0)
		return 0;
	if (addr + len < addr)
		return -1;
	if (tracee_memo_on && memo_get(addr, buf, len))
		return 0;
	if (!pid || process_vm_readv(pid, &local, 1, &remote, 1, 0) != (ssize_t)len)
		return -1;
	memo_put(addr, buf, len);
	return 0;
}

int tracee_write(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = { (void *)buf, len }, remote = { (void *)addr, len };
	pid_t pid = memory_of(t);

	if (len == 0)
		return 0;
	if (addr + len < addr)
		return -1;
	if (!pid || process_vm_writev(pid, &local, 1, &remote, 1, 0) != (ssize_t)len)
		return -1;
	memo_put(addr, buf, len);
	return 0;
}

/* Two writes in one system call (each costs about a microsecond). */
int tracee_write2(struct lsw_thread *t, uint64_t a1, const void *b1, size_t l1,
		  uint64_t a2, const void *b2, size_t l2)
{
	struct iovec local[2] = { { (void *)b1, l1 }, { (void *)b2, l2 } };
	struct iovec remote[2] = { { (void *)a1, l1 }, { (void *)a2, l2 } };
	pid_t pid = memory_of(t);

	if (a1 + l1 < a1 || a2 + l2 < a2)
		return -1;
	if (!pid || process_vm_writev(pid, local, 2, remote, 2, 0) != (ssize_t)(l1 + l2))
		return -1;
	memo_put(a1, b1, l1);
	memo_put(a2, b2, l2);
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

	return tracee_write(t, iosb, v, sizeof(v)) < 0 ? LSW_STATUS_ACCESS_VIOLATION
						       : LSW_STATUS_SUCCESS;
}
