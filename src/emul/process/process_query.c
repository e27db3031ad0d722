/*
 * NtQueryInformationProcess for the classes programs use, on the current
 * process or any process handle (a process that has ended still answers
 * from its object: exit status, times, image name).  One row per class
 * says its length and the access it needs; as on Windows, the class and
 * a fixed length are checked before the handle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/io/path.h"
#include "emul/io/volume_device.h"
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/memory/section.h"
#include "emul/process/debug.h"
#include "emul/process/process_object.h"
#include "emul/process/process_usage.h"
#include "emul/process/quota.h"
#include "emul/system/sysinfo.h"

enum process_info_class {
	ProcessBasicInformation = 0,
	ProcessQuotaLimits = 1,
	ProcessIoCounters = 2,
	ProcessVmCounters = 3,
	ProcessTimes = 4,
	ProcessDebugPort = 7,
	ProcessPooledUsageAndLimits = 14,
	ProcessPriorityClass = 18,
	ProcessHandleCount = 20,
	ProcessSessionInformation = 24,
	ProcessWow64Information = 26,
	ProcessImageFileName = 27,
	ProcessDebugObjectHandle = 30,
	ProcessDebugFlags = 31,
	ProcessExecuteFlags = 34,
	ProcessImageInformation = 37,
	ProcessImageFileNameWin32 = 43,
};

#define STATUS_PORT_NOT_SET 0xC0000353u
#define UNICODE_STRING_SIZE 16

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

/* A class: its exact length (0: the handler checks it), whether it needs
 * PROCESS_QUERY_INFORMATION (a handle with only the limited right may not
 * ask another process's debugging or DEP state), and whether a wrong
 * length is told in ReturnLength. */
static const struct process_class {
	uint32_t cls, size;
	bool full_access, tells_length;
} classes[] = {
	{ ProcessBasicInformation, 48, false, true },
	{ ProcessQuotaLimits, 0, false, true },
	{ ProcessIoCounters, 48, false, true },
	{ ProcessVmCounters, 0, false, true },
	{ ProcessTimes, 32, false, true },
	{ ProcessDebugPort, 8, true, true },
	{ ProcessPooledUsageAndLimits, 0, false, true },
	{ ProcessPriorityClass, 2, false, true },
	{ ProcessHandleCount, 4, false, true },
	{ ProcessSessionInformation, 4, false, true },
	{ ProcessWow64Information, 8, false, false },
	{ ProcessImageFileName, 0, false, true },
	{ ProcessDebugObjectHandle, 8, true, false },
	{ ProcessDebugFlags, 4, true, true },
	{ ProcessExecuteFlags, 0, true, true },
	{ ProcessImageInformation, 64, false, true },
	{ ProcessImageFileNameWin32, 0, false, true },
};

static const struct process_class *find_class(uint32_t cls)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].cls == cls)
			return &classes[i];
	return NULL;
}

/* IO_COUNTERS of a live process from /proc/PID/io: bytes and calls of
 * reads and writes (nothing else is counted). */
static void io_counters(const struct lsw_process *p, uint8_t *buf)
{
	unsigned long long v[4] = { 0 };
	char path[64], line[128];
	FILE *f;

	if (!p || p->reaped)
		return;
	snprintf(path, sizeof(path), "/proc/%d/io", (int)p->pid);
	if (!(f = fopen(path, "re")))
		return;
	while (fgets(line, sizeof(line), f)) {
		sscanf(line, "rchar: %llu", &v[0]);
		sscanf(line, "wchar: %llu", &v[1]);
		sscanf(line, "syscr: %llu", &v[2]);
		sscanf(line, "syscw: %llu", &v[3]);
	}
	fclose(f);
	put(buf, 0, v[2], 8);  /* ReadOperationCount */
	put(buf, 8, v[3], 8);  /* WriteOperationCount */
	put(buf, 24, v[0], 8); /* ReadTransferCount */
	put(buf, 32, v[1], 8); /* WriteTransferCount */
}

/* The CPU times of a process, in 100 ns: a live one's now, an ended
 * one's as its reap found them. */
static void cpu_times(const struct process_object *o, uint64_t *kernel, uint64_t *user)
{
	struct process_usage u = { o->user_100ns, o->kernel_100ns, 0 };

	if (o->process && !o->process->reaped)
		process_usage_read(o->process->pid, &u);
	*kernel = u.kernel_100ns;
	*user = u.user_100ns;
}

/* The image name as a UNICODE_STRING followed by its text, for address
 * at: the Win32 form "C:\dir\a.exe", or the NT device form
 * "\Device\HarddiskVolume1\dir\a.exe".  Its size, 0 when unknown. */
static size_t image_name(const struct process_object *o, bool win32, uint64_t at, uint8_t *buf,
			 size_t room)
{
	uint16_t w[4200], len;
	size_t n;

	if (!o->image_dos)
		return 0;
	n = win32 ? utf8_to_utf16(o->image_dos, w, sizeof(w) / 2)
		  : volume_device_path(o->image_dos, w, sizeof(w) / 2 - 1);
	w[n] = 0;
	if (UNICODE_STRING_SIZE + (n + 1) * 2 > room)
		return UNICODE_STRING_SIZE + (n + 1) * 2; /* only the size */
	memcpy(buf + UNICODE_STRING_SIZE, w, (n + 1) * 2);
	len = (uint16_t)(n * 2);
	put(buf, 0, len, 2);
	put(buf, 2, len + 2u, 2);
	put(buf, 8, at + UNICODE_STRING_SIZE, 8);
	return UNICODE_STRING_SIZE + (n + 1) * 2;
}

/* Fills buf (room bytes) for class cls; returns the size (which may be
 * more than room: nothing was filled), 0 for a class it does not know. */
static size_t query(const struct process_object *o, uint32_t cls, uint64_t at, uint8_t *buf,
		    size_t room)
{
	const struct lsw_process *p = o->process;
	const struct vad *v;
	uint64_t k, u;

	memset(buf, 0, room);
	switch (cls) {
	case ProcessBasicInformation: /* ExitStatus, Peb, Affinity, BasePriority, ids */
		put(buf, 0, o->exited ? o->exit_status : STILL_ACTIVE, 4);
		put(buf, 8, p ? p->peb : o->peb, 8);
		put(buf, 16, p && p->affinity ? p->affinity : sysinfo_cpu_mask(), 8);
		put(buf, 24, 8, 4);
		put(buf, 32, o->win_pid, 8);
		put(buf, 40, o->parent_pid, 8);
		return 48;
	case ProcessPriorityClass: /* Foreground FALSE, the class (normal: 2) */
		buf[1] = p && p->priority_class ? p->priority_class : 2;
		return 2;
	case ProcessIoCounters:
		io_counters(p, buf);
		return 48;
	case ProcessImageInformation: /* its image section's, as NtQuerySection says */
		if (p && (v = vad_find((struct vad_map *)&p->vad, p->image_base)))
			section_image_info(v->section, buf);
		return 64;
	case ProcessTimes: /* CreateTime, ExitTime, KernelTime, UserTime */
		cpu_times(o, &k, &u);
		put(buf, 0, o->create_time, 8);
		put(buf, 8, o->exited ? o->exit_time : 0, 8);
		put(buf, 16, k, 8);
		put(buf, 24, u, 8);
		return 32;
	case ProcessDebugPort: /* -1 while a debugger is attached */
		put(buf, 0, p && p->debug ? ~0ull : 0, 8);
		return 8;
	case ProcessWow64Information:
		return 8; /* no WOW64 */
	case ProcessHandleCount: /* a ULONG (Windows 10 takes no longer form) */
		put(buf, 0, p ? handle_count(p) : 0, 4);
		return 4;
	case ProcessSessionInformation:
		put(buf, 0, 1, 4); /* the PEB's SessionId */
		return 4;
	case ProcessDebugFlags: /* PROCESS_DEBUG_INHERIT unless told not to */
		put(buf, 0, p ? !p->debug_no_inherit : 1, 4);
		return 4;
	case ProcessImageFileName:
	case ProcessImageFileNameWin32:
		return image_name(o, cls == ProcessImageFileNameWin32, at, buf, room);
	}
	return 0;
}

/* ProcessDebugObjectHandle: a new handle of the caller's to the port;
 * STATUS_PORT_NOT_SET (and a NULL handle) when there is none. */
static NTSTATUS debug_object_handle(struct nt_call *c, struct lsw_process *p)
{
	uint32_t ret = 8;
	uint64_t h = 0;
	NTSTATUS st = STATUS_PORT_NOT_SET;

	if (p && p->debug) {
		h = handle_alloc(c->thread->process, &p->debug->hdr, DEBUG_ALL_ACCESS);
		st = h ? LSW_STATUS_SUCCESS : LSW_STATUS_INSUFFICIENT_RESOURCES;
	}
	if (tracee_write(c->thread, c->args[2], &h, 8) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &ret, 4) < 0)) {
		if (h)
			handle_close(c->thread->process, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return st;
}

/* NtQueryInformationProcess(ProcessHandle, ProcessInformationClass,
 *                           ProcessInformation, Length, *ReturnLength) */
NTSTATUS nt_NtQueryInformationProcess(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1], want = (uint32_t)c->args[3], ret;
	const struct process_class *k = find_class(cls);
	struct process_object *o;
	uint8_t buf[8400];
	size_t size;
	NTSTATUS st;

	if (!k)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (k->size && want != k->size) {
		if (k->tells_length && c->args[4] &&
		    tracee_write(c->thread, c->args[4], &k->size, 4) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	}
	o = process_from_handle(c, c->args[0],
				PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION, &st);
	if (!o)
		return st;
	if (k->full_access && c->args[0] != NT_CURRENT_PROCESS_HANDLE &&
	    !(handle_access(c->thread->process, c->args[0]) & PROCESS_QUERY_INFORMATION))
		return LSW_STATUS_ACCESS_DENIED;
	if (cls == ProcessDebugObjectHandle)
		return debug_object_handle(c, o->process);
	/* the PEB of a child just created: its start is making it */
	if (cls == ProcessBasicInformation &&
	    (st = remote_wait_space(c, o->process, nt_NtQueryInformationProcess)) !=
		    LSW_STATUS_SUCCESS)
		return st;
	/* DEP options exist for 32-bit processes only: a 64-bit one always
	 * has DEP, and Windows answers this for it */
	if (cls == ProcessExecuteFlags)
		return LSW_STATUS_INVALID_PARAMETER;
	/* an ended process has no image left to describe */
	if (cls == ProcessImageInformation && (!o->process || o->process->terminated))
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	/* the pool quota and memory counters of a live process (quota.c) */
	if (o->process && cls != ProcessHandleCount && quota_query_process(c, o->process, cls, &st))
		return st;
	size = query(o, cls, c->args[2], buf, want < sizeof(buf) ? want : sizeof(buf));
	if (!size)
		return LSW_STATUS_INVALID_INFO_CLASS;
	ret = (uint32_t)size;
	if (c->args[4] && tracee_write(c->thread, c->args[4], &ret, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	/* fixed-size classes want exactly their size; names at least theirs */
	if (cls == ProcessImageFileName || cls == ProcessImageFileNameWin32 ? want < size
									   : want != size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[2], buf, size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
