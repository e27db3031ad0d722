/*
 * NtSetInformationProcess for the classes a program sets on itself or a
 * child: its priority class and its processor affinity (remembered and
 * read back; the host schedules the sandbox as it likes), its working
 * set's limits and watch (accepted: the host decides what stays resident,
 * as Windows may).  One row per class and length, checked, as Windows
 * does, before the handle, with the access each needs.  A thread stack's
 * reservation is process_stack.c's.
 */
#include <string.h>
#include "emul/process/process_object.h"
#include "emul/system/sysinfo.h"

enum {
	ProcessQuotaLimits = 1, ProcessWorkingSetWatch = 15, ProcessPriorityClass = 18,
	ProcessAffinityMask = 21, ProcessExecuteFlags = 34, ProcessThreadStackAllocation = 41,
};

#define PROCESS_SET_QUOTA 0x0100u
#define QUOTA_LIMITS_SIZE 48
#define QUOTA_LIMITS_EX_SIZE 88 /* x64: ... Reserved4 at 72, Flags 80, CpuRateLimit 84 */

#define PRIOCLASS_MAX 6 /* PROCESS_PRIOCLASS_IDLE 1 .. ABOVE_NORMAL 6 */

/* PROCESS_PRIORITY_CLASS: BOOLEAN Foreground, UCHAR PriorityClass */
static NTSTATUS set_priority_class(struct lsw_process *p, const uint8_t *in)
{
	if (in[1] < 1 || in[1] > PRIOCLASS_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	p->priority_class = in[1];
	return LSW_STATUS_SUCCESS;
}

/* A KAFFINITY of existing processors; the threads follow it. */
static NTSTATUS set_affinity(struct lsw_process *p, const uint8_t *in)
{
	uint64_t mask;

	memcpy(&mask, in, 8);
	if (!mask || (mask & ~sysinfo_cpu_mask()))
		return LSW_STATUS_INVALID_PARAMETER;
	p->affinity = mask;
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		t->affinity = 0;
	return LSW_STATUS_SUCCESS;
}

/* QUOTA_LIMITS(_EX): the pool limits stay as they are; the working set
 * sizes (both -1: empty it) are the host's to honour. */
static NTSTATUS set_quota_limits(struct lsw_process *p, const uint8_t *in)
{
	uint64_t min, max;

	memcpy(&min, in + 16, 8);
	memcpy(&max, in + 24, 8);
	return min > max ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* DEP options are for 32-bit processes: a 64-bit one always has DEP, and
 * Windows refuses to change it */
static NTSTATUS refuse_execute_flags(struct lsw_process *p, const uint8_t *in)
{
	return LSW_STATUS_INVALID_PARAMETER;
}

static NTSTATUS accept(struct lsw_process *p, const uint8_t *in)
{
	return LSW_STATUS_SUCCESS;
}

static const struct process_set_class {
	uint32_t cls, size, access;
	NTSTATUS (*set)(struct lsw_process *p, const uint8_t *in);
} classes[] = {
	{ ProcessQuotaLimits, QUOTA_LIMITS_SIZE, PROCESS_SET_QUOTA, set_quota_limits },
	{ ProcessQuotaLimits, QUOTA_LIMITS_EX_SIZE, PROCESS_SET_QUOTA, set_quota_limits },
	{ ProcessWorkingSetWatch, 0, PROCESS_SET_INFORMATION, accept },
	{ ProcessPriorityClass, 2, PROCESS_SET_INFORMATION, set_priority_class },
	{ ProcessAffinityMask, 8, PROCESS_SET_INFORMATION, set_affinity },
	{ ProcessExecuteFlags, 4, PROCESS_SET_INFORMATION, refuse_execute_flags },
};

/* NtSetInformationProcess(ProcessHandle, ProcessInformationClass,
 *                         ProcessInformation, ProcessInformationLength) */
NTSTATUS nt_NtSetInformationProcess(struct nt_call *c)
{
	const struct process_set_class *k = NULL;
	uint32_t len = (uint32_t)c->args[3];
	struct process_object *o;
	bool known = false;
	uint8_t in[QUOTA_LIMITS_EX_SIZE];
	NTSTATUS st;

	if ((uint32_t)c->args[1] == ProcessThreadStackAllocation)
		return process_set_stack_allocation(c);
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].cls == (uint32_t)c->args[1]) {
			known = true;
			if (classes[i].size == len)
				k = &classes[i];
		}
	if (!k)
		return known ? LSW_STATUS_INFO_LENGTH_MISMATCH : LSW_STATUS_INVALID_INFO_CLASS;
	if (!(o = process_from_handle(c, c->args[0], k->access, &st)))
		return st;
	if (len && tracee_read(c->thread, c->args[2], in, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!o->process || o->process->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	return k->set(o->process, in);
}
