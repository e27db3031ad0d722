/*
 * NtQuerySystemInformation(SystemProcessInformation): the processes the
 * caller's sandbox holds (its job's: it sees no other), each a
 * SYSTEM_PROCESS_INFORMATION (0x100 bytes on x64) followed by one
 * SYSTEM_THREAD_INFORMATION (0x50) per live thread and then its image
 * name, entries 8-aligned and chained by NextEntryOffset.  Toolhelp
 * snapshots are built from it.  SystemExtendedProcessInformation gives
 * each thread as a SYSTEM_EXTENDED_THREAD_INFORMATION (0x88): the same
 * followed by its stack, start routine and TEB.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/emul.h"
#include "emul/io/path.h"
#include "emul/process/process_usage.h"
#include "emul/system/sysinfo.h"

#define PROC_SIZE 0x100
#define THREAD_SIZE 0x50
#define THREAD_EX_SIZE 0x88
#define NAME_MAX_CHARS 260
#define BASE_PRIORITY 8
#define STATE_RUNNING 2
#define STATE_WAITING 5
#define WAIT_USER_REQUEST 6

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

static bool listed(const struct lsw_process *p, const struct lsw_process *caller)
{
	return p->job == caller->job && !p->reaped && !p->terminated;
}

/* The image's file name (after the last separator), UTF-16; characters. */
static size_t image_name(const struct lsw_process *p, uint16_t *w)
{
	const char *path = p->image_dos ? p->image_dos : p->image_path;
	const char *base = path;

	for (const char *s = path; *s; s++)
		if (*s == '\\' || *s == '/')
			base = s + 1;
	return utf8_to_utf16(base, w, NAME_MAX_CHARS);
}

static uint32_t live_threads(const struct lsw_process *p)
{
	uint32_t n = 0;

	for (const struct lsw_thread *t = p->threads; t; t = t->next)
		n += !t->exited;
	return n;
}

static size_t entry_size(const struct lsw_process *p, size_t name_bytes, size_t thread_size)
{
	return (PROC_SIZE + live_threads(p) * thread_size + name_bytes + 2 + 7) & ~(size_t)7;
}

static void put_thread(uint8_t *b, const struct lsw_process *p, const struct lsw_thread *t,
		       size_t thread_size)
{
	if (thread_size == THREAD_EX_SIZE) {
		/* the first thread's stack is the process's */
		uint64_t low = t->stack_base ? t->stack_base : p->start.stack_base;
		uint64_t size = t->stack_base ? t->stack_size : p->start.stack_size;

		put(b, 0x50, low + size, 8);    /* StackBase: its top */
		put(b, 0x58, low, 8);           /* StackLimit */
		put(b, 0x60, t->start, 8);      /* Win32StartAddress */
		put(b, 0x68, t->teb, 8);
	}
	put(b, 0x10, t->create_time, 8);
	put(b, 0x20, t->start, 8);
	put(b, 0x28, p->win_pid, 8);
	put(b, 0x30, t->win_tid, 8);
	put(b, 0x38, BASE_PRIORITY + t->priority, 4);
	put(b, 0x3C, BASE_PRIORITY, 4);
	put(b, 0x44, t->busy ? STATE_WAITING : STATE_RUNNING, 4);
	put(b, 0x48, t->busy ? WAIT_USER_REQUEST : 0, 4);
}

/* One entry at b (zeroed, entry_size bytes) for address addr. */
static void put_process(uint8_t *b, uint64_t addr, const struct lsw_process *p,
			const uint16_t *name, size_t nchars, size_t thread_size)
{
	struct process_usage u;
	size_t off = PROC_SIZE;
	uint32_t n = 0;

	process_usage_read(p->pid, &u);
	put(b, 0x20, p->create_time, 8);
	put(b, 0x28, u.user_100ns, 8);
	put(b, 0x30, u.kernel_100ns, 8);
	put(b, 0x48, BASE_PRIORITY, 4);
	put(b, 0x50, p->win_pid, 8);
	put(b, 0x58, p->parent_pid, 8);
	put(b, 0x60, p->handles.used, 4);
	put(b, 0x64, 1, 4); /* the session every process of the sandbox is in */
	put(b, 0x90, u.resident, 8);
	put(b, 0x88, u.resident, 8);
	put(b, 0xC8, p->vad.committed, 8);
	for (const struct lsw_thread *t = p->threads; t; t = t->next)
		if (!t->exited) {
			put_thread(b + off, p, t, thread_size);
			off += thread_size;
			n++;
		}
	put(b, 0x04, n, 4);
	memcpy(b + off, name, nchars * 2);
	put(b, 0x38, nchars * 2, 2);
	put(b, 0x3A, nchars * 2 + 2, 2);
	put(b, 0x40, addr + off, 8);
}

/* The whole list for a buffer at addr; NULL when out of memory. */
static uint8_t *build_list(const struct lsw_process *caller, uint64_t addr, size_t thread_size,
			   size_t *len)
{
	uint16_t name[NAME_MAX_CHARS + 1];
	size_t total = 0, last = 0;
	uint8_t *buf = NULL;

	for (const struct lsw_process *p = caller->host->processes; p; p = p->next) {
		size_t n, size;
		uint8_t *nb;

		if (!listed(p, caller))
			continue;
		n = image_name(p, name);
		size = entry_size(p, n * 2, thread_size);
		if (!(nb = realloc(buf, total + size))) {
			free(buf);
			return NULL;
		}
		buf = nb;
		memset(buf + total, 0, size);
		put_process(buf + total, addr + total, p, name, n, thread_size);
		if (total)
			put(buf, last, total - last, 4);
		last = total;
		total += size;
	}
	*len = total;
	return buf;
}

static NTSTATUS answer_list(struct nt_call *c, size_t thread_size)
{
	uint8_t *buf;
	size_t len;
	NTSTATUS st;

	if (!(buf = build_list(c->thread->process, c->args[1], thread_size, &len)))
		return LSW_STATUS_NO_MEMORY;
	st = sysinfo_answer(c, buf, (uint32_t)len);
	free(buf);
	return st;
}

NTSTATUS sysinfo_process_list(struct nt_call *c)
{
	return answer_list(c, THREAD_SIZE);
}

NTSTATUS sysinfo_process_list_ex(struct nt_call *c)
{
	return answer_list(c, THREAD_EX_SIZE);
}
