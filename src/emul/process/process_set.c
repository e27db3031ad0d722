/*
 * NtSetInformationProcess for the classes a program sets on itself or a
 * child: its priority class and its processor affinity (remembered and
 * read back; the host schedules the sandbox as it likes).  One row per
 * class: its exact length, checked, as Windows does, before the handle.
 */
#include <string.h>
#include "emul/process/process_object.h"
#include "emul/system/sysinfo.h"

enum { ProcessPriorityClass = 18, ProcessAffinityMask = 21 };

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

static const struct process_set_class {
	uint32_t cls, size;
	NTSTATUS (*set)(struct lsw_process *p, const uint8_t *in);
} classes[] = {
	{ ProcessPriorityClass, 2, set_priority_class },
	{ ProcessAffinityMask, 8, set_affinity },
};

/* NtSetInformationProcess(ProcessHandle, ProcessInformationClass,
 *                         ProcessInformation, ProcessInformationLength) */
NTSTATUS nt_NtSetInformationProcess(struct nt_call *c)
{
	const struct process_set_class *k = NULL;
	struct process_object *o;
	uint8_t in[8];
	NTSTATUS st;

	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].cls == (uint32_t)c->args[1])
			k = &classes[i];
	if (!k)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] != k->size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!(o = process_from_handle(c, c->args[0], PROCESS_SET_INFORMATION, &st)))
		return st;
	if (tracee_read(c->thread, c->args[2], in, k->size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!o->process || o->process->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	return k->set(o->process, in);
}
