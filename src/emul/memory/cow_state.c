/*
 * Which copy-on-write pages a process has written.  Windows turns a
 * PAGE_WRITECOPY page into PAGE_READWRITE (PAGE_EXECUTE_WRITECOPY into
 * PAGE_EXECUTE_READWRITE) once it is written, and reports it so.  Linux
 * knows it too: a written page of a private file mapping is an anonymous
 * page of its own, which /proc/PID/pagemap shows (present or swapped, and
 * no longer a file page).
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "emul/memory/memory.h"

#define PM_PRESENT (1ull << 63)
#define PM_SWAPPED (1ull << 62)
#define PM_FILE_OR_SHARED (1ull << 61)
#define PM_EXCLUSIVE (1ull << 56)
#define PM_BATCH 512

/* A page of its own: swapped, or present, not the file's and mapped here
 * only (a read of a hole maps the shared zero page, which is none of
 * these). */
static bool entry_written(uint64_t e)
{
	return (e & PM_SWAPPED) ||
	       ((e & PM_PRESENT) && !(e & PM_FILE_OR_SHARED) && (e & PM_EXCLUSIVE));
}

uint64_t cow_written_run(const struct lsw_process *p, uint64_t page, uint64_t end,
			 bool *written)
{
	char path[48];
	uint64_t e[PM_BATCH], at = page;
	int fd;

	*written = false;
	snprintf(path, sizeof(path), "/proc/%d/pagemap", (int)p->pid);
	if (p->reaped || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return end - page; /* unknown: as mapped */
	while (at < end) {
		uint64_t n = (end - at) / PAGE_SIZE_NT;
		ssize_t got;

		n = n > PM_BATCH ? PM_BATCH : n;
		got = pread(fd, e, n * 8, (off_t)(at / PAGE_SIZE_NT * 8));
		if (got < 8)
			break;
		for (ssize_t i = 0; i < got / 8; i++, at += PAGE_SIZE_NT) {
			if (at == page)
				*written = entry_written(e[i]);
			else if (entry_written(e[i]) != *written)
				goto done;
		}
	}
done:
	close(fd);
	return (at > page ? at : end) - page;
}

uint32_t cow_written_protect(uint32_t protect)
{
	switch (protect & 0xff) {
	case PAGE_WRITECOPY:
		return (protect & ~0xffu) | PAGE_READWRITE;
	case PAGE_EXECUTE_WRITECOPY:
		return (protect & ~0xffu) | PAGE_EXECUTE_READWRITE;
	}
	return protect;
}
