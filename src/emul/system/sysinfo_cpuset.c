/*
 * NtQuerySystemInformationEx: the classes that take an input, of which
 * SystemLogicalProcessorInformationEx (107, sysinfo_topology.c) and
 * SystemCpuSetInformation (175) are served: one SYSTEM_CPU_SET_INFORMATION
 * (32 bytes on x64) per processor the host has, in group 0, each its own
 * core, one cache, one NUMA node, efficiency class 0; its input is a
 * process handle (or none), whose CPU sets are the system's.
 */
#include <string.h>
#include "emul/process/process_object.h"
#include "emul/system/sysinfo.h"

#define CPU_SET_SIZE 32
#define CPU_SET_ID_BASE 0x100
#define STATUS_BUFFER_TOO_SMALL 0xC0000023u

static void put_cpu_set(uint8_t *b, uint32_t i)
{
	uint32_t size = CPU_SET_SIZE, id = CPU_SET_ID_BASE + i;

	memset(b, 0, CPU_SET_SIZE);
	memcpy(b, &size, 4);            /* Size; Type 0: CpuSetInformation */
	memcpy(b + 8, &id, 4);          /* Id */
	b[14] = (uint8_t)i;             /* LogicalProcessorIndex */
	b[15] = (uint8_t)i;             /* CoreIndex */
}

/* args: class, InputBuffer, InputBufferLength, SystemInformation,
 * SystemInformationLength, *ReturnLength */
static NTSTATUS cpu_sets(struct nt_call *c)
{
	uint8_t buf[SYSINFO_MAX_CPUS * CPU_SET_SIZE];
	uint32_t n = sysinfo_cpu_count(), need = n * CPU_SET_SIZE;
	uint64_t process = 0;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (c->args[2] != 8 || tracee_read(c->thread, c->args[1], &process, 8) < 0)
		st = LSW_STATUS_INVALID_PARAMETER;
	else if (process && !process_from_handle(c, process, 0, &st))
		; /* st says why */
	else if ((uint32_t)c->args[4] < need)
		st = STATUS_BUFFER_TOO_SMALL;
	else if (!c->args[3])
		st = LSW_STATUS_ACCESS_VIOLATION;
	if (st == LSW_STATUS_SUCCESS) {
		for (uint32_t i = 0; i < n; i++)
			put_cpu_set(buf + i * CPU_SET_SIZE, i);
		if (tracee_write(c->thread, c->args[3], buf, need) < 0)
			st = LSW_STATUS_ACCESS_VIOLATION;
	}
	/* the length is told only when it is the answer or what is missing */
	if ((st == LSW_STATUS_SUCCESS || st == STATUS_BUFFER_TOO_SMALL) && c->args[5] &&
	    tracee_write(c->thread, c->args[5], &need, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* NtQuerySystemInformationEx(SystemInformationClass, InputBuffer,
 *   InputBufferLength, SystemInformation, SystemInformationLength,
 *   *ReturnLength) */
NTSTATUS nt_NtQuerySystemInformationEx(struct nt_call *c)
{
	static const struct {
		uint32_t cls;
		NTSTATUS (*query)(struct nt_call *c);
	} classes[] = {
		{ 107, sysinfo_logical_processors_ex }, /* SystemLogicalProcessorInformationEx */
		{ 175, cpu_sets },                      /* SystemCpuSetInformation */
	};

	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].cls == (uint32_t)c->args[0])
			return classes[i].query(c);
	return LSW_STATUS_INVALID_INFO_CLASS;
}
