/* NtQuerySystemInformation: what GetSystemInfo and friends ask. */
#include <string.h>
#include <unistd.h>
#include "emul/memory/memory.h"

#define SystemBasicInformation 0
#define SystemProcessorInformation 1
#define PROCESSOR_ARCHITECTURE_AMD64 9

/* SYSTEM_BASIC_INFORMATION (x64, 64 bytes) */
struct basic_info {
	uint32_t reserved, timer_resolution, page_size, physical_pages;
	uint32_t lowest_page, highest_page, granularity, pad;
	uint64_t min_user, max_user, active_mask;
	uint8_t processors, pad2[7];
};

/* SYSTEM_PROCESSOR_INFORMATION (12 bytes) */
struct processor_info {
	uint16_t arch, level, revision, maximum;
	uint32_t features;
};

static size_t fill(uint32_t cls, void *out)
{
	static long ncpu, pages; /* sysconf reads /sys and /proc: ask once */

	if (!ncpu) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		pages = sysconf(_SC_PHYS_PAGES);
	}

	if (ncpu < 1 || ncpu > 64)
		ncpu = ncpu < 1 ? 1 : 64;
	if (cls == SystemBasicInformation) {
		struct basic_info *b = out;
		memset(b, 0, sizeof(*b));
		b->timer_resolution = 156250;
		b->page_size = PAGE_SIZE_NT;
		b->physical_pages = pages > 0 && pages < 0xFFFFFFFFl ? (uint32_t)pages : 0xFFFFFFFFu;
		b->lowest_page = 1;
		b->highest_page = b->physical_pages;
		b->granularity = ALLOC_GRANULARITY;
		b->min_user = USER_MIN;
		b->max_user = USER_MAX;
		b->active_mask = ncpu == 64 ? ~0ull : (1ull << ncpu) - 1;
		b->processors = (uint8_t)ncpu;
		return sizeof(*b);
	}
	if (cls == SystemProcessorInformation) {
		struct processor_info *p = out;
		*p = (struct processor_info){ PROCESSOR_ARCHITECTURE_AMD64, 6, 0, (uint16_t)ncpu, 0 };
		return sizeof(*p);
	}
	return 0;
}

/* NtQuerySystemInformation(SystemInformationClass, SystemInformation,
 *                          SystemInformationLength, *ReturnLength) */
NTSTATUS nt_NtQuerySystemInformation(struct nt_call *c)
{
	union { struct basic_info b; struct processor_info p; } info;
	uint32_t len = (uint32_t)fill((uint32_t)c->args[0], &info);

	if (!len)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (c->args[3] && tracee_write(c->thread, c->args[3], &len, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((uint32_t)c->args[2] != len)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[1], &info, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
