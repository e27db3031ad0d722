/*
 * NtQueryInformationJobObject and NtSetInformationJobObject: basic
 * accounting (CPU times of the live processes from /proc), the list of
 * process ids, basic and extended limits, and the completion port that
 * hears of the job's processes (JOB_OBJECT_MSG_*).
 *
 * Enforced: the active process limit, the process and job memory limits
 * (commit), kill on job close, breakaway.  The other limits (times,
 * working set, affinity, priority and scheduling classes) read back as
 * set and are not enforced.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "emul/io/io_completion.h"
#include "emul/process/job.h"

#define JOB_OBJECT_SET_ATTRIBUTES 0x0002u
#define JOB_OBJECT_QUERY 0x0004u

enum { JobObjectBasicAccountingInformation = 1, JobObjectBasicLimitInformation = 2,
       JobObjectBasicProcessIdList = 3, JobObjectAssociateCompletionPortInformation = 7,
       JobObjectBasicAndIoAccountingInformation = 8, JobObjectExtendedLimitInformation = 9 };

#define ACCOUNTING_SIZE 48
#define IO_COUNTERS_SIZE 48
#define BASIC_LIMIT_SIZE 64
#define EXTENDED_LIMIT_SIZE (BASIC_LIMIT_SIZE + IO_COUNTERS_SIZE + 32)
#define PID_LIST_HEADER 8
#define PID_LIST_MAX 4096

/* utime and stime of a live process, in 100 ns units. */
static void cpu_times(const struct lsw_process *p, uint64_t *user, uint64_t *kernel)
{
	char path[48], buf[512], *s;
	unsigned long long ut = 0, st = 0;
	long hz = sysconf(_SC_CLK_TCK);
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)p->pid);
	if (p->reaped || p->pid <= 0 || hz <= 0 || !(f = fopen(path, "re")))
		return;
	if (fgets(buf, sizeof(buf), f) && (s = strrchr(buf, ')')) &&
	    sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2) {
		*user += ut * (10000000ull / (unsigned long long)hz);
		*kernel += st * (10000000ull / (unsigned long long)hz);
	}
	fclose(f);
}

/* JOBOBJECT_BASIC_ACCOUNTING_INFORMATION */
static void accounting(const struct nt_job *j, uint8_t *out)
{
	uint64_t t[4] = { 0 };
	uint32_t n[4] = { 0, j->total_processes, job_active(j), j->total_terminated };

	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (job_within(j, p->nt_job))
			cpu_times(p, &t[0], &t[1]);
	t[2] = t[0];
	t[3] = t[1];
	memcpy(out, t, sizeof(t));
	memcpy(out + 32, n, sizeof(n));
}

/* JOBOBJECT_BASIC_LIMIT_INFORMATION (and the extended one after it) */
static void limits(const struct nt_job *j, uint8_t *out, bool extended)
{
	uint64_t mem[4] = { j->process_memory_limit, j->job_memory_limit, 0, 0 };

	memcpy(out, &j->basic_rest[0], 16);            /* the two time limits */
	memcpy(out + 16, &j->limit_flags, 4);
	memcpy(out + 24, &j->basic_rest[2], 16);       /* working set sizes */
	memcpy(out + 40, &j->active_limit, 4);
	memcpy(out + 48, &j->basic_rest[4], 16);       /* affinity, classes */
	if (!extended)
		return;
	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (job_within(j, p->nt_job)) {
			mem[3] += p->vad.committed;
			if (p->vad.committed > mem[2])
				mem[2] = p->vad.committed;
		}
	if (mem[2] < j->peak_process_memory)
		mem[2] = j->peak_process_memory;
	memcpy(out + BASIC_LIMIT_SIZE + IO_COUNTERS_SIZE, mem, sizeof(mem));
}

static bool live_member(const struct nt_job *j, const struct lsw_process *p)
{
	return job_within(j, p->nt_job) && !p->reaped && !p->terminated;
}

/* The live processes of j, oldest first (the host lists them newest
 * first), at most max of them; how many there are. */
static uint32_t members(const struct nt_job *j, struct lsw_process **out, uint32_t max)
{
	uint32_t n = 0, i;

	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		n += live_member(j, p);
	i = n;
	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (live_member(j, p) && --i < max)
			out[i] = p;
	return n;
}

/* JOBOBJECT_BASIC_PROCESS_ID_LIST: as many ids as fit;
 * STATUS_BUFFER_OVERFLOW when not all did. */
static size_t pid_list(const struct nt_job *j, uint8_t *out, size_t room, NTSTATUS *st)
{
	static struct lsw_process *procs[PID_LIST_MAX];
	uint32_t assigned = members(j, procs, PID_LIST_MAX), listed;

	listed = assigned < PID_LIST_MAX ? assigned : PID_LIST_MAX;
	if (room < PID_LIST_HEADER + (size_t)listed * 8)
		listed = (uint32_t)((room - PID_LIST_HEADER) / 8);
	for (uint32_t i = 0; i < listed; i++) {
		uint64_t pid = procs[i]->win_pid;

		memcpy(out + PID_LIST_HEADER + 8 * i, &pid, 8);
	}
	memcpy(out, &assigned, 4);
	memcpy(out + 4, &listed, 4);
	*st = listed < assigned ? LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
	return PID_LIST_HEADER + listed * 8;
}

static size_t class_size(uint32_t cls)
{
	switch (cls) {
	case JobObjectBasicAccountingInformation: return ACCOUNTING_SIZE;
	case JobObjectBasicLimitInformation: return BASIC_LIMIT_SIZE;
	case JobObjectBasicProcessIdList: return PID_LIST_HEADER + 8;
	case JobObjectAssociateCompletionPortInformation: return 16;
	case JobObjectBasicAndIoAccountingInformation: return ACCOUNTING_SIZE + IO_COUNTERS_SIZE;
	case JobObjectExtendedLimitInformation: return EXTENDED_LIMIT_SIZE;
	}
	return 0;
}

/* NtQueryInformationJobObject(JobHandle, JobInformationClass,
 *   JobInformation, JobInformationLength, *ReturnLength) */
NTSTATUS nt_NtQueryInformationJobObject(struct nt_call *c)
{
	static uint8_t out[PID_LIST_HEADER + PID_LIST_MAX * 8];
	uint32_t cls = (uint32_t)c->args[1], len = (uint32_t)c->args[3];
	size_t size = class_size(cls), room = len < sizeof(out) ? len : sizeof(out);
	NTSTATUS st = LSW_STATUS_SUCCESS;
	struct nt_job *j;
	uint32_t ret;

	if (!(j = (struct nt_job *)object_from_handle(c, c->args[0], &job_ops, JOB_OBJECT_QUERY,
						      &st)))
		return st;
	if (!size || cls == JobObjectAssociateCompletionPortInformation)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (len < size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	memset(out, 0, size);
	if (cls == JobObjectBasicAccountingInformation || cls == JobObjectBasicAndIoAccountingInformation)
		accounting(j, out);
	else if (cls == JobObjectBasicProcessIdList)
		size = pid_list(j, out, room, &st);
	else
		limits(j, out, cls == JobObjectExtendedLimitInformation);
	ret = (uint32_t)size;
	if (tracee_write(c->thread, c->args[2], out, size) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &ret, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* The limits of a JOBOBJECT_BASIC/EXTENDED_LIMIT_INFORMATION in `in`. */
static NTSTATUS set_limits(struct nt_job *j, const uint8_t *in, bool extended)
{
	uint32_t flags;

	memcpy(&flags, in + 16, 4);
	if (flags & ~(extended ? JOB_LIMIT_VALID_EXTENDED : JOB_LIMIT_VALID_BASIC))
		return LSW_STATUS_INVALID_PARAMETER;
	j->limit_flags = flags;
	memcpy(&j->basic_rest[0], in, 16);
	memcpy(&j->basic_rest[2], in + 24, 16);
	memcpy(&j->active_limit, in + 40, 4);
	memcpy(&j->basic_rest[4], in + 48, 16);
	if (extended) {
		memcpy(&j->process_memory_limit, in + BASIC_LIMIT_SIZE + IO_COUNTERS_SIZE, 8);
		memcpy(&j->job_memory_limit, in + BASIC_LIMIT_SIZE + IO_COUNTERS_SIZE + 8, 8);
	}
	return LSW_STATUS_SUCCESS;
}

/* JOBOBJECT_ASSOCIATE_COMPLETION_PORT { CompletionKey; CompletionPort; } */
static NTSTATUS set_port(struct nt_call *c, struct nt_job *j, const uint8_t *in)
{
	static struct lsw_process *procs[PID_LIST_MAX];
	uint64_t key, h;
	struct io_queue *q;
	uint32_t n;
	NTSTATUS st;

	memcpy(&key, in, 8);
	memcpy(&h, in + 8, 8);
	if (j->port)
		return LSW_STATUS_INVALID_PARAMETER; /* set once */
	if (!(q = io_queue_from_handle(c, h, IO_COMPLETION_MODIFY_STATE, &st)))
		return st;
	j->port = q;
	j->port_key = key;
	/* the port hears of the processes already in the job, as on Windows */
	n = members(j, procs, PID_LIST_MAX);
	for (uint32_t i = 0; i < n && i < PID_LIST_MAX; i++)
		job_post(j, JOB_MSG_NEW_PROCESS, procs[i]->win_pid);
	return LSW_STATUS_SUCCESS;
}

/* NtSetInformationJobObject(JobHandle, JobInformationClass,
 *   JobInformation, JobInformationLength) */
NTSTATUS nt_NtSetInformationJobObject(struct nt_call *c)
{
	uint8_t in[EXTENDED_LIMIT_SIZE];
	uint32_t cls = (uint32_t)c->args[1], len = (uint32_t)c->args[3];
	size_t size = class_size(cls);
	struct nt_job *j;
	NTSTATUS st;

	if (!(j = (struct nt_job *)object_from_handle(c, c->args[0], &job_ops,
						      JOB_OBJECT_SET_ATTRIBUTES, &st)))
		return st;
	if (cls != JobObjectBasicLimitInformation && cls != JobObjectExtendedLimitInformation &&
	    cls != JobObjectAssociateCompletionPortInformation)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (len != size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], in, size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (cls == JobObjectAssociateCompletionPortInformation)
		return set_port(c, j, in);
	return set_limits(j, in, cls == JobObjectExtendedLimitInformation);
}
