/*
 * NtQuerySystemInformation: one row per class served.  The fixed ones
 * (what GetSystemInfo and friends ask, the small ones programs probe) are
 * filled here, each with its rule for the buffer length as Windows applies
 * it: exactly the structure's size, at least it, or any prefix of it (the
 * time of day).  The others have a handler of their own (sysinfo.h).
 */
#include <cpuid.h>
#include <string.h>
#include <unistd.h>
#include <lsw/qpc_reference.h>
#include "emul/memory/memory.h"
#include "emul/system/kuser.h"
#include "emul/system/sysinfo.h"

#define PROCESSOR_ARCHITECTURE_INTEL 0
#define PROCESSOR_ARCHITECTURE_AMD64 9
#define INFO_MAX 432 /* the largest fixed class (the dynamic time zone) */
#define SYSTEM_TIME_ADJUSTMENT_CLASS 28
#define SYSTEM_TIME_ADJUSTMENT_SIZE 8
#define STATUS_PRIVILEGE_NOT_HELD ((NTSTATUS)0xC0000061u)

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

/* KF_* bits of ProcessorFeatureBits every x86-64 processor has: RDTSC,
 * CR4, CMOV, global and large pages, MTRR, CMPXCHG8B, MMX, PAT, FXSR,
 * SYSCALL, SSE, SSE2. */
#define X64_FEATURE_BITS 0x00013DFEu

static long ncpu, pages;

static void host_counts(void)
{
	if (!ncpu) { /* sysconf reads /sys and /proc: ask once */
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		pages = sysconf(_SC_PHYS_PAGES);
		if (ncpu < 1 || ncpu > SYSINFO_MAX_CPUS)
			ncpu = ncpu < 1 ? 1 : SYSINFO_MAX_CPUS;
	}
}

uint32_t sysinfo_cpu_count(void)
{
	host_counts();
	return (uint32_t)ncpu;
}

uint64_t sysinfo_cpu_mask(void)
{
	host_counts();
	return ncpu == 64 ? ~0ull : (1ull << ncpu) - 1;
}

NTSTATUS sysinfo_answer(struct nt_call *c, const void *buf, uint32_t need)
{
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if ((uint32_t)c->args[2] < need)
		st = LSW_STATUS_INFO_LENGTH_MISMATCH;
	else if (need && tracee_write(c->thread, c->args[1], buf, need) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	if (c->args[3] && tracee_write(c->thread, c->args[3], &need, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

uint32_t sysinfo_physical_pages(void)
{
	host_counts();
	return pages > 0 && pages < 0xFFFFFFFFl ? (uint32_t)pages : 0xFFFFFFFFu;
}

static void basic(void *out)
{
	struct basic_info *b = out;

	b->timer_resolution = 156250;
	b->page_size = PAGE_SIZE_NT;
	b->physical_pages = sysinfo_physical_pages();
	b->lowest_page = 1;
	b->highest_page = b->physical_pages;
	b->granularity = ALLOC_GRANULARITY;
	b->min_user = USER_MIN;
	b->max_user = USER_MAX;
	b->active_mask = sysinfo_cpu_mask();
	b->processors = (uint8_t)ncpu;
}

/* Level: the family; revision: model and stepping (cpuid leaf 1). */
static void processor_with(void *out, uint16_t arch)
{
	uint16_t family, model, stepping;

	cpu_signature(&family, &model, &stepping);
	*(struct processor_info *)out = (struct processor_info){ arch, family,
		(uint16_t)(model << 8 | stepping), (uint16_t)ncpu, X64_FEATURE_BITS };
}

static void processor(void *out)
{
	processor_with(out, PROCESSOR_ARCHITECTURE_AMD64);
}

/* SystemEmulationProcessorInformation: what a 32-bit (WOW64) caller sees. */
static void emulation_processor(void *out)
{
	processor_with(out, PROCESSOR_ARCHITECTURE_INTEL);
}

/* SYSTEM_TIME_ADJUSTMENT_QUERY: no adjustment; the clock ticks 15.625 ms. */
static void time_adjustment(void *out)
{
	uint32_t tick = 156250;

	memcpy(out, &tick, 4);
	memcpy((uint8_t *)out + 4, &tick, 4);
	((uint8_t *)out)[8] = 1;
}

/* SystemRecommendedSharedDataAlignment: the cache line. */
static void shared_data_alignment(void *out)
{
	uint32_t line = 64;

	memcpy(out, &line, 4);
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

/* SYSTEM_HYPERVISOR_SHARED_PAGE_INFORMATION: the address of the counter's
 * reference (lsw/qpc_reference.h), NULL where there is none (as Windows
 * answers with no hypervisor). */
static NTSTATUS hypervisor_shared_page(struct nt_call *c)
{
	uint64_t va = qpc_in_user_mode(&c->thread->process->host->kuser.qpc) ? LSW_QPC_REFERENCE_VA
									    : 0;

	return sysinfo_answer(c, &va, sizeof(va));
}

/* A fixed class: size bytes filled by fill; or one with a handler of its
 * own: query answers the whole call. */
#define FIXED(c, n, r, f) { .cls = c, .size = n, .rule = r, .fill = f }
#define LIST(c, q) { .cls = c, .query = q }
/* One row per class, named without its System...Information. */
static const struct sysinfo_class {
	uint32_t cls, size;
	enum length_rule rule;
	void (*fill)(void *out);
	NTSTATUS (*query)(struct nt_call *c);
} classes[] = {
	FIXED(0, sizeof(struct basic_info), EXACT, basic),              /* Basic */
	FIXED(1, sizeof(struct processor_info), EXACT, processor),      /* Processor */
	LIST(2, sysinfo_performance),                                   /* Performance */
	FIXED(3, sizeof(struct timeofday_info), PREFIX, timeofday),     /* TimeOfDay */
	LIST(5, sysinfo_process_list),                                  /* Process */
	LIST(8, sysinfo_processor_times),                               /* ProcessorPerformance */
	LIST(11, sysinfo_modules),                                      /* Module */
	LIST(16, sysinfo_handles),                                      /* Handle */
	FIXED(21, 64, AT_LEAST, file_cache),                            /* FileCache */
	LIST(23, sysinfo_interrupts),                                   /* Interrupt */
	FIXED(28, 12, EXACT, time_adjustment),                          /* TimeAdjustment */
	FIXED(35, 2, AT_LEAST, kernel_debugger),                        /* KernelDebugger */
	FIXED(37, 16, AT_LEAST, registry_quota),                        /* RegistryQuota */
	FIXED(44, 172, EXACT, sysinfo_time_zone),                       /* CurrentTimeZone */
	LIST(57, sysinfo_process_list_ex),                              /* ExtendedProcess */
	FIXED(58, 4, EXACT, shared_data_alignment),                     /* RecommendedSharedData */
	FIXED(62, sizeof(struct basic_info), EXACT, basic),             /* EmulationBasic */
	FIXED(63, sizeof(struct processor_info), EXACT, emulation_processor), /* Emulation... */
	LIST(64, sysinfo_handles_ex),                                   /* ExtendedHandle */
	FIXED(69, 3, AT_LEAST, kernel_debugger),                        /* KernelDebuggerEx */
	LIST(73, sysinfo_logical_processors),                           /* LogicalProcessor */
	LIST(76, sysinfo_firmware_table),                               /* FirmwareTable */
	FIXED(102, 432, EXACT, sysinfo_dynamic_time_zone),              /* DynamicTimeZone */
	LIST(LSW_SYSTEM_HYPERVISOR_SHARED_PAGE_CLASS, hypervisor_shared_page), /* HypervisorSharedPage */
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
	uint8_t info[INFO_MAX] = { 0 };
	bool fits;

	if (!k)
		return LSW_STATUS_INVALID_INFO_CLASS;
	/* the buffer is probed first: none for a length is an access violation */
	if (want && !c->args[1])
		return LSW_STATUS_ACCESS_VIOLATION;
	host_counts();
	if (k->query)
		return k->query(c);
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

/* NtSetSystemInformation(SystemInformationClass, SystemInformation,
 *                        SystemInformationLength): a sandboxed program
 * holds none of the privileges the settable classes need; the time
 * adjustment (a SYSTEM_TIME_ADJUSTMENT, 8 bytes) has its length checked
 * first, as Windows does. */
NTSTATUS nt_NtSetSystemInformation(struct nt_call *c)
{
	if ((uint32_t)c->args[0] != SYSTEM_TIME_ADJUSTMENT_CLASS)
		return find_class((uint32_t)c->args[0]) ? STATUS_PRIVILEGE_NOT_HELD
							: (NTSTATUS)LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[2] != SYSTEM_TIME_ADJUSTMENT_SIZE)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	return STATUS_PRIVILEGE_NOT_HELD;
}
