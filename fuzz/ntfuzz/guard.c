/*
 * What keeps ntfuzz alive long enough to be useful, and what it learns from
 * each result.  Calls that would end, stop or redirect this process or its
 * main thread are skipped or given harmless handles; waits get short
 * timeouts; routines are ntfuzz's own; calls that free, unmap or protect
 * memory are given only memory ntfuzz allocated (or junk addresses).
 */
#include "ntfuzz.h"

#define MEM_RELEASE 0x8000u
#define DUPLICATE_CLOSE_SOURCE 1u
#define MEM_FREE 0x10000u

typedef int rule_fn(struct fuzz_call *fc);

static unsigned apcs_run;

/* The APC routine every queued APC and I/O or timer completion gets. */
static void fuzz_apc(void *a, void *b, void *c)
{
	apcs_run++;
}

unsigned apc_count(void)
{
	return apcs_run;
}

static uint64_t *slot(struct fuzz_call *fc, int i)
{
	return i >= 0 && fc->slot[i] && fc->a[i] == fc->slot[i] ? (uint64_t *)fc->slot[i] : 0;
}

static uint64_t junk_address(void)
{
	switch (below(6)) {
	case 0: return 0;
	case 1: return 1 + below(0xFFFF);
	case 2: return 0xFFFF800000000000ull + (rng() & 0x7FFFFFFFF000ull);
	case 3: return 0x0000800000000000ull << below(16);
	case 4: return 0x7FFFFFFF0000ull;
	default: {
		uint64_t o = owned_address();

		return o ? o + 1 + below(0xFFF) : 0;    /* unaligned */
	}
	}
}

static uint64_t owned_or_junk(void)
{
	uint64_t o = chance(80) ? owned_address() : 0;

	return o ? o : junk_address();
}

/* A page nothing is mapped at, as NtQueryVirtualMemory says, or 0. */
static uint64_t free_address(void)
{
	uint64_t a[NT_MAX_ARGS] = { 0 }, info[6] = { 0 };
	uint64_t addr = ((rng() % 0x7F0000000000ull) + 0x10000) & ~0xFFFFull;

	a[0] = (uint64_t)-1;
	a[1] = addr;
	a[3] = (uint64_t)info;
	a[4] = sizeof(info);
	if (raw_ntcall(calls[call_row("NtQueryVirtualMemory")].number, a) ||
	    (uint32_t)info[4] != MEM_FREE)     /* MEMORY_BASIC_INFORMATION.State */
		return 0;
	return addr;
}

/* Where a memory call starts: 0 (anywhere), ours, free, or junk. */
static uint64_t place(unsigned anywhere_percent)
{
	if (chance(anywhere_percent))
		return 0;
	switch (below(3)) {
	case 0: return owned_address();
	case 1: return free_address();
	default: return junk_address();
	}
}

/* A size that mostly stays inside what ntfuzz owns at base. */
static void size_within(uint64_t *size, uint64_t base)
{
	uint64_t room = owned_size(base);

	if (size && room && chance(80))
		*size = 1 + rng() % room;
}

static int skip(struct fuzz_call *fc)
{
	return 0;
}

static int first_harmless(struct fuzz_call *fc)
{
	fc->a[0] = harmless_handle();
	return 1;
}

static int set_context(struct fuzz_call *fc)
{
	fc->a[0] = harmless_handle();
	if (slot(fc, 1))
		context_restart(fc->a[1], fc->a[0]);
	return 1;
}

/* Threads run until the process ends (unless a call ends them), so how
 * many there are never depends on timing: a seed replays the same calls. */
static int create_thread(struct fuzz_call *fc)
{
	if (threads_made >= MAX_THREADS)
		return 0;
	if (chance(85))
		fc->a[3] = (uint64_t)-1;
	fc->a[4] = (uint64_t)fuzz_thread_start;
	return 1;
}

static int alloc_vm(struct fuzz_call *fc)
{
	uint64_t *base = slot(fc, 1);

	if (chance(85))
		fc->a[0] = (uint64_t)-1;
	if (base) {
		*base = place(50);
		size_within(slot(fc, 3), *base);
	}
	return 1;
}

static int free_or_protect_vm(struct fuzz_call *fc)
{
	uint64_t *base = slot(fc, 1);

	if (chance(85))
		fc->a[0] = (uint64_t)-1;
	if (!base)
		return 1;
	*base = owned_or_junk();
	size_within(slot(fc, 2), *base);
	return 1;
}

static int map_view(struct fuzz_call *fc)
{
	uint64_t *base = slot(fc, 2);

	if (chance(85))
		fc->a[1] = (uint64_t)-1;
	if (base)
		*base = place(70);
	return 1;
}

static int unmap_or_write_vm(struct fuzz_call *fc)
{
	if (chance(85))
		fc->a[0] = (uint64_t)-1;
	fc->a[1] = owned_or_junk();
	return 1;
}

/* The handle ntfuzz prints with stays open. */
static int keep_out_handle(struct fuzz_call *fc)
{
	if (((fc->a[0] ^ out_handle) & 0xFFFFFFFCu) == 0)
		fc->a[0] = harmless_handle();
	return 1;
}

static int duplicate(struct fuzz_call *fc)
{
	if ((fc->a[6] & DUPLICATE_CLOSE_SOURCE) && ((fc->a[1] ^ out_handle) & 0xFFFFFFFCu) == 0)
		fc->a[1] = harmless_handle();
	return 1;
}

static const struct rule {
	const char *call;
	rule_fn *fn;
} rules[] = {
	{ "NtContinue", skip },
	{ "NtRaiseException", skip },
	{ "NtCallbackReturn", skip },
	{ "NtTerminateProcess", first_harmless },
	{ "NtTerminateThread", first_harmless },
	{ "NtSuspendThread", first_harmless },
	{ "NtSuspendProcess", first_harmless },
	/* in a job, NtTerminateJobObject or closing a kill-on-close job
	 * would end ntfuzz: it never joins one */
	{ "NtAssignProcessToJobObject", skip },
	{ "NtSetContextThread", set_context },
	{ "NtCreateThreadEx", create_thread },
	{ "NtCreateThread", skip },
	{ "NtAllocateVirtualMemory", alloc_vm },
	{ "NtFreeVirtualMemory", free_or_protect_vm },
	{ "NtProtectVirtualMemory", free_or_protect_vm },
	{ "NtMapViewOfSection", map_view },
	{ "NtUnmapViewOfSection", unmap_or_write_vm },
	{ "NtUnmapViewOfSectionEx", unmap_or_write_vm },
	{ "NtWriteVirtualMemory", unmap_or_write_vm },
	{ "NtSetInformationObject", keep_out_handle },
	{ "NtDuplicateObject", duplicate },
};

#define NRULES (sizeof(rules) / sizeof(rules[0]))
static int rule_rows[NRULES];
static int row_close, row_dup, row_alloc, row_free, row_map, row_unmap, row_thread;

void guard_init(void)
{
	for (unsigned i = 0; i < NRULES; i++)
		rule_rows[i] = call_row(rules[i].call);
	row_close = call_row("NtClose");
	row_dup = call_row("NtDuplicateObject");
	row_alloc = call_row("NtAllocateVirtualMemory");
	row_free = call_row("NtFreeVirtualMemory");
	row_map = call_row("NtMapViewOfSection");
	row_unmap = call_row("NtUnmapViewOfSection");
	row_thread = call_row("NtCreateThreadEx");
}

/* Arguments that block, call back or wait, whatever the call. */
static void by_name(struct fuzz_call *fc)
{
	static const char *const waits[] = { "Timeout", "DelayInterval" };
	static const char *const routines[] = { "ApcRoutine", "TimerApcRoutine" };
	int i;

	for (unsigned k = 0; k < 2; k++) {
		i = arg_named(fc, waits[k]);
		if (i >= 0) {
			/* NULL would be forever; an invalid pointer fails at once
			 * (but one into readable memory may say "years") */
			fc->a[i] = chance(95) ? fc->slot[i] : 0xFFFF800000001000ull;
			*(int64_t *)fc->slot[i] = short_timeout();
		}
		i = arg_named(fc, routines[k]);
		if (i >= 0)
			fc->a[i] = chance(50) ? (uint64_t)fuzz_apc : 0;
	}
	/* a lock another handle holds, or a key nobody changes: forever */
	i = arg_named(fc, "FailImmediately");
	if (i >= 0)
		fc->a[i] = 1;
	i = arg_named(fc, "Asynchronous");
	if (i >= 0)
		fc->a[i] = 1;
}

int guard(struct fuzz_call *fc)
{
	by_name(fc);
	for (unsigned i = 0; i < NRULES; i++)
		if (fc->row == rule_rows[i])
			return rules[i].fn(fc);
	return 1;
}

/* An 8-byte output the call wrote where ntfuzz can read it, or 0. */
static uint64_t out(const struct fuzz_call *fc, int i)
{
	return fc->slot[i] && fc->a[i] == fc->slot[i] ? *(uint64_t *)fc->slot[i] : 0;
}

static void note_memory(const struct fuzz_call *fc)
{
	if (fc->row == row_alloc)
		owned_add(out(fc, 1), out(fc, 3));
	else if (fc->row == row_map)
		owned_add(out(fc, 2), out(fc, 6));
	else if (fc->row == row_free && (fc->a[3] & MEM_RELEASE) && out(fc, 1))
		owned_forget(out(fc, 1), out(fc, 2));
	else if (fc->row == row_unmap)
		owned_forget(fc->a[1], 1);
}

void harvest(const struct fuzz_call *fc, uint32_t status)
{
	const struct arg_desc *d = fc->row >= 0 ? call_args(fc->row) : 0;

	if (fc->row == row_dup && (fc->a[6] & DUPLICATE_CLOSE_SOURCE))
		handle_forget(fc->a[1]);   /* closed even when the call fails */
	learn(fc, status);
	if ((int32_t)status < 0 || !d)
		return;
	if (fc->row == row_close)
		handle_forget(fc->a[0]);
	name_worked();
	for (int i = 0; i < fc->nargs; i++) {
		uint64_t h = d[i].kind == K_PHANDLE ? out(fc, i) : 0;

		if (!h)
			continue;
		handle_add(h, fc->row, d[i].name);
		if (fc->row == row_thread) {
			threads_made++;
			thread_made(h);
		}
	}
	note_memory(fc);
}
