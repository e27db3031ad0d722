/* NtGetCurrentProcessorNumber(Ex): the processor the calling thread last
 * ran on, which Linux reports in /proc (stat field 39) while the thread
 * waits here in its system call.  One processor group: Group is 0. */
#include <stdio.h>
#include <string.h>
#include "emul/process/thread.h"

static uint32_t last_processor(const struct lsw_thread *t)
{
	char path[64], buf[1024], *p;
	unsigned cpu = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)t->process->pid, (int)t->tid);
	if (!t->tid || !(f = fopen(path, "re")))
		return 0;
	/* after the ")" of the name: state is field 3, processor field 39 */
	if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
		if (sscanf(p + 2, "%*c" "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s"
			   "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s"
			   "%*s %*s %*s %*s %*s %*s %*s %*s %*s %*s"
			   "%*s %*s %*s %*s %*s %u", &cpu) != 1)
			cpu = 0;
	fclose(f);
	return cpu;
}

/* NtGetCurrentProcessorNumber(): the number, as the result */
NTSTATUS nt_NtGetCurrentProcessorNumber(struct nt_call *c)
{
	return (NTSTATUS)last_processor(c->thread);
}

/* NtGetCurrentProcessorNumberEx(*ProcessorNumber): the number, and when
 * given a PROCESSOR_NUMBER (Group, Number, Reserved) */
NTSTATUS nt_NtGetCurrentProcessorNumberEx(struct nt_call *c)
{
	uint32_t cpu = last_processor(c->thread);
	uint8_t pn[4] = { 0, 0, (uint8_t)cpu, 0 };

	if (c->args[0] && tracee_write(c->thread, c->args[0], pn, sizeof(pn)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return (NTSTATUS)cpu;
}
