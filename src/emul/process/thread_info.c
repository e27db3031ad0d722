/*
 * What a thread says about itself: NtQueryInformationThread and
 * NtSetInformationThread, for the classes programs use (basic, times,
 * priority, affinity, start address, name, "am I last", "terminated").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "emul/system/kuser.h"
#include "emul/process/quota.h"
#include "emul/process/thread.h"
#include "emul/system/sysinfo.h"
#include "emul/security/token.h"

enum {
	ThreadBasicInformation = 0, ThreadTimes = 1, ThreadPriority = 2, ThreadBasePriority = 3,
	ThreadAffinityMask = 4, ThreadImpersonationToken = 5, ThreadEnableAlignmentFaultFixup = 7,
	ThreadQuerySetWin32StartAddress = 9, ThreadAmILastThread = 12, ThreadIdealProcessor = 13,
	ThreadPriorityBoost = 14,
	ThreadHideFromDebugger = 17, ThreadIsTerminated = 20, ThreadGroupInformation = 30,
	ThreadNameInformation = 38,
};

#define GROUP_AFFINITY_SIZE 16 /* Mask, Group, Reserved[3] */

#define STILL_ACTIVE 259
#define NAME_MAX_BYTES 0xFFFE

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

static uint64_t process_affinity(const struct lsw_process *p)
{
	return p->affinity ? p->affinity : sysinfo_cpu_mask();
}

/* Kernel and user time from /proc (clock ticks) in 100 ns units. */
static void cpu_times(const struct lsw_thread *t, uint64_t *kernel, uint64_t *user)
{
	char path[64], buf[512], *p;
	unsigned long long ut = 0, st = 0;
	long hz = sysconf(_SC_CLK_TCK);
	FILE *f;

	*kernel = *user = 0;
	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)t->process->pid, (int)t->tid);
	if (t->exited || !t->tid || !(f = fopen(path, "re")))
		return;
	if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')) &&
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2 &&
	    hz > 0) {
		*user = ut * (10000000ull / (unsigned long long)hz);
		*kernel = st * (10000000ull / (unsigned long long)hz);
	}
	fclose(f);
}

/* Fills buf (room bytes) for class cls; returns the size, 0 for a class
 * it does not know. */
static size_t query(struct lsw_thread *t, uint32_t cls, uint8_t *buf, size_t room)
{
	struct lsw_process *p = t->process;
	uint64_t k, u;

	memset(buf, 0, room);
	switch (cls) {
	case ThreadBasicInformation: /* ExitStatus, Teb, ClientId, Affinity, Priority, Base */
		put(buf, 0, t->exited ? t->exit_status : STILL_ACTIVE, 4);
		put(buf, 8, t->teb, 8);
		put(buf, 16, p->win_pid, 8);
		put(buf, 24, t->win_tid, 8);
		put(buf, 32, t->affinity ? t->affinity : process_affinity(t->process), 8);
		put(buf, 40, (uint32_t)(8 + t->priority), 4);
		put(buf, 44, 8, 4);
		return 48;
	case ThreadTimes: /* CreateTime, ExitTime, KernelTime, UserTime */
		cpu_times(t, &k, &u);
		put(buf, 0, t->create_time, 8);
		put(buf, 8, t->exited ? t->exit_time : 0, 8);
		put(buf, 16, k, 8);
		put(buf, 24, u, 8);
		return 32;
	case ThreadQuerySetWin32StartAddress:
		put(buf, 0, t->start, 8);
		return 8;
	case ThreadAmILastThread:
		put(buf, 0, p->live_threads <= 1, 4);
		return 4;
	case ThreadIsTerminated:
		put(buf, 0, t->exited, 4);
		return 4;
	case ThreadPriorityBoost: /* a ULONG: TRUE when disabled */
		put(buf, 0, t->boost_disabled, 4);
		return 4;
	case ThreadHideFromDebugger: /* a BOOLEAN */
		put(buf, 0, t->hidden_from_debugger, 1);
		return 1;
	case ThreadGroupInformation: /* one processor group: 0 */
		put(buf, 0, t->affinity ? t->affinity : process_affinity(t->process), 8);
		return GROUP_AFFINITY_SIZE;
	}
	return 0;
}

/* NtQueryInformationThread(ThreadHandle, ThreadInformationClass,
 *                          ThreadInformation, Length, ReturnLength) */
NTSTATUS nt_NtQueryInformationThread(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1], len = (uint32_t)c->args[3], size;
	struct lsw_thread *t;
	uint8_t buf[64];
	NTSTATUS st;

	if (cls == ThreadHideFromDebugger && len != 1)
		return LSW_STATUS_INFO_LENGTH_MISMATCH; /* a BOOLEAN: told before the handle */
	if (!(t = thread_from_handle(c, c->args[0], THREAD_QUERY_ANY, &st)))
		return st;
	/* the start address and the debugger flag are not for
	 * THREAD_QUERY_LIMITED_INFORMATION */
	if ((cls == ThreadQuerySetWin32StartAddress || cls == ThreadHideFromDebugger) &&
	    c->args[0] != NT_CURRENT_THREAD_HANDLE &&
	    !(handle_access(c->thread->process, c->args[0]) & THREAD_QUERY_INFORMATION))
		return LSW_STATUS_ACCESS_DENIED;
	if (cls == ThreadNameInformation) { /* UNICODE_STRING, the name after it */
		uint8_t *out;
		uint64_t us[2];

		size = 16 + t->name_len;
		if (len < size) {
			if (c->args[4])
				tracee_write(c->thread, c->args[4], &size, 4);
			return LSW_STATUS_BUFFER_TOO_SMALL;
		}
		us[0] = (uint64_t)t->name_len | (uint64_t)t->name_len << 16;
		us[1] = c->args[2] + 16; /* even for no name, as Windows */
		if (!(out = malloc(size)))
			return LSW_STATUS_NO_MEMORY;
		memcpy(out, us, 16);
		if (t->name_len)
			memcpy(out + 16, t->name, t->name_len);
		st = tracee_write(c->thread, c->args[2], out, size) < 0 ? LSW_STATUS_ACCESS_VIOLATION
									: LSW_STATUS_SUCCESS;
		free(out);
	} else {
		if (!(size = (uint32_t)query(t, cls, buf, sizeof(buf))))
			return LSW_STATUS_INVALID_INFO_CLASS;
		if (len != size)
			return LSW_STATUS_INFO_LENGTH_MISMATCH;
		st = tracee_write(c->thread, c->args[2], buf, size) < 0 ? LSW_STATUS_ACCESS_VIOLATION
									: LSW_STATUS_SUCCESS;
	}
	if (st == LSW_STATUS_SUCCESS && c->args[4] &&
	    tracee_write(c->thread, c->args[4], &size, 4) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

static NTSTATUS set_name(struct nt_call *c, struct lsw_thread *t, uint32_t len)
{
	uint16_t *name = NULL;
	size_t n = 0;
	NTSTATUS st;

	if (len != 16)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if ((st = tracee_read_ustring(c->thread, c->args[2], &name, &n)) != LSW_STATUS_SUCCESS)
		return st;
	if (2 * n > NAME_MAX_BYTES) {
		free(name);
		return LSW_STATUS_INVALID_PARAMETER;
	}
	/* the name is its process's paged pool, as long as the thread has it */
	quota_release(t->process, QUOTA_PAGED, t->name_len);
	if ((st = quota_charge(t->process, QUOTA_PAGED, 2 * n)) != LSW_STATUS_SUCCESS) {
		quota_charge(t->process, QUOTA_PAGED, t->name_len); /* what it had fits again */
		free(name);
		return st;
	}
	free(t->name);
	t->name = name;
	t->name_len = (uint16_t)(2 * n);
	return LSW_STATUS_SUCCESS;
}

/* The classes a thread's information is set by, with their exact
 * lengths, checked (with the buffer) before the handle, as Windows does,
 * and the rights the handle needs (one of them): scheduling and the name
 * take the limited right (SetThreadPriority, SetThreadDescription). */
static const struct thread_set_class {
	uint32_t cls, size, rights;
} set_classes[] = {
	{ ThreadPriority, 4, THREAD_SET_ANY }, { ThreadBasePriority, 4, THREAD_SET_ANY },
	{ ThreadAffinityMask, 8, THREAD_SET_ANY },
	{ ThreadImpersonationToken, 8, THREAD_SET_THREAD_TOKEN },
	{ ThreadEnableAlignmentFaultFixup, 1, THREAD_SET_INFORMATION },
	{ ThreadQuerySetWin32StartAddress, 8, THREAD_SET_INFORMATION },
	{ ThreadIdealProcessor, 4, THREAD_SET_ANY },
	{ ThreadHideFromDebugger, 0, THREAD_SET_INFORMATION },
	{ ThreadNameInformation, 16, THREAD_SET_LIMITED_INFORMATION },
	{ ThreadPriorityBoost, 4, THREAD_SET_ANY },
	{ ThreadGroupInformation, GROUP_AFFINITY_SIZE, THREAD_SET_ANY },
};

/* A GROUP_AFFINITY: group 0 (the only one), reserved words zero, a mask
 * of the process's processors (no "all processors" shorthand). */
static NTSTATUS set_group_affinity(struct lsw_thread *t, const uint8_t g[GROUP_AFFINITY_SIZE])
{
	uint64_t mask, rest;

	memcpy(&mask, g, 8);
	memcpy(&rest, g + 8, 8); /* Group and Reserved[3] */
	if (rest || !mask || (mask & ~process_affinity(t->process)))
		return LSW_STATUS_INVALID_PARAMETER;
	t->affinity = mask;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS set_value(struct lsw_thread *t, uint32_t cls, int64_t v)
{
	switch (cls) {
	case ThreadPriority: /* the host schedules all the same: remembered only */
	case ThreadBasePriority:
		if (v < -15 || v > 15)
			return LSW_STATUS_INVALID_PARAMETER;
		t->priority = (int32_t)v;
		break;
	case ThreadAffinityMask: /* within the process's: bits outside it drop */
		if (!((uint64_t)v & process_affinity(t->process)))
			return LSW_STATUS_INVALID_PARAMETER;
		t->affinity = (uint64_t)v & process_affinity(t->process);
		break;
	case ThreadQuerySetWin32StartAddress:
		t->start = (uint64_t)v;
		break;
	case ThreadPriorityBoost: /* remembered: the host schedules alike */
		t->boost_disabled = v != 0;
		break;
	case ThreadHideFromDebugger: /* for good: remembered (no events are held back) */
		t->hidden_from_debugger = true;
		break;
	case ThreadIdealProcessor: { /* a processor, or MAXIMUM_PROCESSORS: none */
		uint32_t before = t->ideal_processor;

		if ((uint64_t)v >= sysinfo_cpu_count() && v != SYSINFO_MAX_CPUS)
			return LSW_STATUS_INVALID_PARAMETER;
		if (v != SYSINFO_MAX_CPUS)
			t->ideal_processor = (uint32_t)v;
		return (NTSTATUS)before; /* Windows answers with the one before */
	}
	}
	/* alignment faults are not fixed up on x64 */
	return LSW_STATUS_SUCCESS;
}

/* NtSetInformationThread(ThreadHandle, ThreadInformationClass,
 *                        ThreadInformation, Length) */
NTSTATUS nt_NtSetInformationThread(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1], len = (uint32_t)c->args[3];
	const struct thread_set_class *k = NULL;
	struct lsw_thread *t;
	uint8_t group[GROUP_AFFINITY_SIZE];
	int64_t v = 0;
	NTSTATUS st;

	for (size_t i = 0; i < sizeof(set_classes) / sizeof(set_classes[0]); i++)
		if (set_classes[i].cls == cls)
			k = &set_classes[i];
	if (!k)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (len != k->size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (len && len <= sizeof(v) && tracee_read(c->thread, c->args[2], &v, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (cls == ThreadGroupInformation && tracee_read(c->thread, c->args[2], group, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(t = thread_from_handle(c, c->args[0], k->rights, &st)))
		/* an ended thread's priority may still be set, to no effect
		 * (kernel32's loader tests: SetThreadPriority succeeds) */
		return (cls == ThreadPriority || cls == ThreadBasePriority) &&
				       thread_handle_ended(c, c->args[0])
			       ? (NTSTATUS)LSW_STATUS_SUCCESS : st;
	if (cls == ThreadNameInformation)
		return set_name(c, t, len);
	if (cls == ThreadGroupInformation)
		return set_group_affinity(t, group);
	if (cls == ThreadImpersonationToken)
		return token_thread_impersonate(c, t, (uint64_t)v);
	return set_value(t, cls, len == 4 ? (int32_t)v : v);
}
