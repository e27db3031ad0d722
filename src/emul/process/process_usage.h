/*
 * What a live runtime process uses, from its /proc/PID/stat: the CPU
 * time of all its threads and its resident memory.  NtQueryInformationProcess
 * (ProcessTimes) and lsw ps read it.
 */
#ifndef LSW_PROCESS_USAGE_H
#define LSW_PROCESS_USAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct process_usage {
	uint64_t user_100ns;   /* user time of all threads, 100 ns units */
	uint64_t kernel_100ns; /* system time of all threads */
	uint64_t resident;     /* resident set, bytes */
};

/* Fills u for Linux process pid; false (u zeroed) when it cannot be read. */
bool process_usage_read(pid_t pid, struct process_usage *u);

#endif
