/*
 * NtQuerySystemInformation: the classes GetSystemInfo and friends ask and
 * the small fixed ones programs probe, with each class's rule for the
 * buffer length as Windows applies it: exactly the structure's size, at
 * least it, or (the time of day) any prefix of it.
 */
#include <string.h>
#include <unistd.h>
#include "emul/memory/memory.h"
#include "emul/system/kuser.h"
#include "emul/system/sysinfo_process.h"

#define PROCESSOR_ARCHITECTURE_AMD64 9

enum length_rule { EXACT, AT_LEAST, PREFIX };

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

/* SYSTEM_TIMEOFDAY_INFORMATION (48 bytes) */
struct timeofday_info {
	uint64_t boot_time, system_time, time_zone_bias;
	uint32_t time_zone_id, reserved;
	uint64_t boot_time_bias, sleep_time_bias;
};

static long ncpu, pages;

static void host_counts(void)
{
	if (!ncpu) { /* sysconf reads /sys and /proc: ask once */
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		pages = sysconf(_SC_PHYS_PAGES);
		if (ncpu < 1 || ncpu > 64)
			ncpu = ncpu < 1 ? 1 : 64;
	}
}

static void basic(void *out)
{
	struct basic_info *b = out;

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
}

static void processor(void *out)
{
	*(struct processor_info *)out =
		(struct processor_info){ PROCESSOR_ARCHITECTURE_AMD64, 6, 0, (uint16_t)ncpu, 0 };
}

/* Boot and current time; the sandbox's clock is UTC: no bias, zone id
 * TIME_ZONE_ID_UNKNOWN (0). */
static void timeofday(void *out)
{
	struct timeofday_info *t = out;

	t->system_time = nt_system_time();
	t->boot_time = t->system_time - nt_interrupt_time();
}

/* SYSTEM_FILECACHE_INFORMATION (64 bytes): no cache of our own; the
 * working set limits Windows reports when none is set. */
static void file_cache(void *out)
{
	uint64_t min_ws = 0x100000, max_ws = 0x7fffffffull * PAGE_SIZE_NT;

	memcpy((uint8_t *)out + 24, &min_ws, 8);
	memcpy((uint8_t *)out + 32, &max_ws, 8);
}

/* SYSTEM_KERNEL_DEBUGGER_INFORMATION(_EX): KernelDebuggerEnabled FALSE,
 * KernelDebuggerNotPresent TRUE (and DebuggerAllowed FALSE). */
static void kernel_debugger(void *out)
{
	((uint8_t *)out)[1] = 1;
}

/* SYSTEM_REGISTRY_QUOTA_INFORMATION (16 bytes): no quota since Windows XP;
 * RegistryQuotaAllowed reads as the whole 32-bit range. */
static void registry_quota(void *out)
{
	uint32_t allowed = 0xffffffffu;

	memcpy(out, &allowed, 4);
}

static const struct sysinfo_class {
	uint32_t cls, size;
	enum length_rule rule;
	void (*fill)(void *out);
} classes[] = {
	{ 0, sizeof(struct basic_info), EXACT, basic },           /* SystemBasicInformation */
	{ 1, sizeof(struct processor_info), EXACT, processor },   /* SystemProcessorInformation */
	{ 3, sizeof(struct timeofday_info), PREFIX, timeofday },  /* SystemTimeOfDayInformation */
	{ 21, 64, AT_LEAST, file_cache },                         /* SystemFileCacheInformation */
	{ 35, 2, AT_LEAST, kernel_debugger },           /* SystemKernelDebuggerInformation */
	{ 37, 16, AT_LEAST, registry_quota },           /* SystemRegistryQuotaInformation */
	{ 69, 3, AT_LEAST, kernel_debugger },           /* SystemKernelDebuggerInformationEx */
};

static const struct sysinfo_class *find_class(uint32_t cls)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].cls == cls)
			return &classes[i];
	return NULL;
}

/* NtQuerySystemInformation(SystemInformationClass, SystemInformation,
 *                          SystemInformationLength, *ReturnLength) */
NTSTATUS nt_NtQuerySystemInformation(struct nt_call *c)
{
	const struct sysinfo_class *k = find_class((uint32_t)c->args[0]);
	uint32_t want = (uint32_t)c->args[2], len;
	uint8_t info[64] = { 0 };
	bool fits;

	if ((uint32_t)c->args[0] == SYSTEM_PROCESS_INFORMATION_CLASS)
		return sysinfo_process_list(c);
	if (!k)
		return LSW_STATUS_INVALID_INFO_CLASS;
	host_counts();
	k->fill(info);
	fits = k->rule == EXACT ? want == k->size : k->rule == AT_LEAST ? want >= k->size
									: want <= k->size;
	/* a prefix too long reports 0 bytes; the others what they need */
	len = fits ? (k->rule == PREFIX ? want : k->size) : (k->rule == PREFIX ? 0 : k->size);
	if (c->args[3] && tracee_write(c->thread, c->args[3], &len, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!fits)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (len && tracee_write(c->thread, c->args[1], info, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
