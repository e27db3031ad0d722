/*
 * Debug objects: NtCreateDebugObject, NtSetInformationDebugObject,
 * NtDebugActiveProcess and NtRemoveProcessDebug.  A debuggee process points
 * at its port without a reference (the port clears the pointers when it
 * goes), so the debugger's last handle closing ends the debugging: its
 * debuggees are killed when the object says kill-on-close, else they run
 * on undebugged.
 */
#include <stdlib.h>
#include "emul/ntcall_table.h"
#include "emul/process/debug.h"
#include "emul/process/process_object.h"
#include "tracer/tracee_mem.h"

#define DEBUG_SET_INFORMATION 0x4
#define DEBUG_QUERY_INFORMATION 0x8
#define DebugObjectKillProcessOnExitInformation 1
#define STANDARD_READ 0x20000u
#define PROCESS_SUSPEND_RESUME 0x0800u
#define STATUS_DEBUGGER_INACTIVE 0xC0000354u
#define STATUS_PORT_ALREADY_SET 0xC0000048u
#define STATUS_PORT_NOT_SET 0xC0000353u

static const struct generic_mapping debug_mapping = {
	STANDARD_READ | DEBUG_READ_EVENT | DEBUG_QUERY_INFORMATION,
	STANDARD_READ | DEBUG_PROCESS_ASSIGN | DEBUG_SET_INFORMATION, STANDARD_READ,
	DEBUG_ALL_ACCESS,
};

/* PEB.BeingDebugged of a running process (before its start, process.c
 * writes the PEB with it). */
static void set_being_debugged(struct lsw_process *p, bool on)
{
	uint8_t v = on;

	if (p->peb && !p->reaped)
		tracee_mem_write(p->pid, p->peb + 2, &v, 1);
}

/* The debuggees of d lose their port; killed when d says so. */
static void detach_all(struct debug_object *d)
{
	for (struct lsw_process *p = d->host->processes; p; p = p->next) {
		if (p->debug != d)
			continue;
		p->debug = NULL;
		set_being_debugged(p, false);
		if (d->flags & DEBUG_KILL_ON_CLOSE)
			process_terminate(p, STATUS_DEBUGGER_INACTIVE);
	}
}

static void debug_destroy(struct nt_object *obj)
{
	struct debug_object *d = (struct debug_object *)obj;

	detach_all(d);
	debug_events_free(d);
	object_name_remove(&d->name);
	free(d);
}

static void debug_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct debug_object *)obj)->name, buf, len);
}

static struct waitable *debug_waitable(struct nt_object *obj)
{
	return &((struct debug_object *)obj)->wait;
}

static bool debug_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	(void)t;
	return debug_has_ready_event((struct debug_object *)obj);
}

NTSTATUS nt_NtWaitForDebugEvent(struct nt_call *c);

/* A thread in NtWaitForDebugEvent takes the event it was woken for; a
 * plain wait on the object takes nothing. */
static bool debug_acquire(struct nt_object *obj, struct lsw_thread *t)
{
	if (t->call.row >= 0 && nt_rows[t->call.row].handler == nt_NtWaitForDebugEvent)
		debug_deliver((struct debug_object *)obj, t);
	return false;
}

static const struct waitable_ops debug_wait_ops = { debug_signaled, debug_acquire };

const struct nt_object_ops debug_ops = {
	.type_name = "DebugObject",
	.destroy = debug_destroy,
	.describe = debug_describe,
	.waitable = debug_waitable,
};

struct debug_object *debug_port(const struct lsw_process *p)
{
	return p->debug;
}

/* NtCreateDebugObject(DebugObjectHandle, DesiredAccess, ObjectAttributes,
 *                     Flags): Flags is DEBUG_KILL_ON_CLOSE or 0. */
NTSTATUS nt_NtCreateDebugObject(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &debug_mapping);
	struct debug_object *d;
	struct object_name nm;
	NTSTATUS st;

	if ((uint32_t)c->args[3] & ~(uint32_t)DEBUG_KILL_ON_CLOSE)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!c->args[0])
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((st = object_create_begin(c, c->args[2], &debug_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(d = calloc(1, sizeof(*d)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&d->hdr, &debug_ops);
	waitable_init(&d->wait, &debug_wait_ops);
	d->name = nm;
	d->flags = (uint32_t)c->args[3];
	d->host = c->thread->process->host;
	return object_create_end(c, &d->hdr, &d->name, access, c->args[0]);
}

/* NtSetInformationDebugObject(DebugObjectHandle, DebugObjectInformationClass,
 *                             DebugInformation, DebugInformationLength,
 *                             ReturnLength): the kill-on-close flag. */
NTSTATUS nt_NtSetInformationDebugObject(struct nt_call *c)
{
	uint32_t len = (uint32_t)c->args[3], size = 4, flags;
	uint32_t ret_len = len == size ? 0 : size; /* Windows: 0 once the size fits */
	struct debug_object *d;
	NTSTATUS st;

	if ((uint32_t)c->args[1] != DebugObjectKillProcessOnExitInformation)
		return LSW_STATUS_INVALID_PARAMETER;
	if (c->args[4] && tracee_write(c->thread, c->args[4], &ret_len, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (len != size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!(d = (struct debug_object *)object_from_handle(c, c->args[0], &debug_ops,
							    DEBUG_SET_INFORMATION, &st)))
		return st;
	if (tracee_read(c->thread, c->args[2], &flags, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (flags & ~(uint32_t)DEBUG_KILL_ON_CLOSE)
		return LSW_STATUS_INVALID_PARAMETER;
	d->flags = flags;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS debug_attach(struct lsw_process *p, struct debug_object *d)
{
	if (p->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	if (p->debug)
		return STATUS_PORT_ALREADY_SET;
	p->debug = d;
	set_being_debugged(p, true);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS debug_child_port(struct nt_call *c, struct lsw_process *child, uint64_t handle,
			  bool no_inherit)
{
	struct lsw_process *parent = c->thread->process;
	struct debug_object *d;
	NTSTATUS st;

	child->debug_no_inherit = no_inherit;
	if (!handle) {
		if (parent->debug && !parent->debug_no_inherit)
			child->debug = parent->debug;
		return LSW_STATUS_SUCCESS;
	}
	if (!(d = (struct debug_object *)object_from_handle(c, handle, &debug_ops,
							    DEBUG_PROCESS_ASSIGN, &st)))
		return st;
	return debug_attach(child, d);
}

/* The process and the debug object of NtDebugActiveProcess and
 * NtRemoveProcessDebug(ProcessHandle, DebugObjectHandle). */
static NTSTATUS process_and_port(struct nt_call *c, struct lsw_process **p,
				 struct debug_object **d)
{
	struct process_object *po;
	NTSTATUS st;

	if (!(po = process_from_handle(c, c->args[0], PROCESS_SUSPEND_RESUME, &st)))
		return st;
	if (!(*d = (struct debug_object *)object_from_handle(c, c->args[1], &debug_ops,
							     DEBUG_PROCESS_ASSIGN, &st)))
		return st;
	if (!(*p = po->process) || (*p)->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	return LSW_STATUS_SUCCESS;
}

/* NtDebugActiveProcess(ProcessHandle, DebugObjectHandle): the running
 * process reports to the object from now on; the debugger first hears of
 * it as if it had just started (create process, its threads, its DLLs)
 * and then a breakpoint in it. */
NTSTATUS nt_NtDebugActiveProcess(struct nt_call *c)
{
	struct lsw_process *p;
	struct debug_object *d;
	NTSTATUS st = process_and_port(c, &p, &d);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (p == c->thread->process)
		return LSW_STATUS_ACCESS_DENIED; /* a process cannot debug itself */
	if ((st = debug_attach(p, d)) != LSW_STATUS_SUCCESS)
		return st;
	/* as on Windows, an attached process's children are not debugged
	 * (ProcessDebugFlags reads FALSE from now on, detached or not) */
	p->debug_no_inherit = true;
	debug_report_attach(p);
	return LSW_STATUS_SUCCESS;
}

/* NtRemoveProcessDebug(ProcessHandle, DebugObjectHandle): the process no
 * longer reports to the object; its stopped threads go on. */
NTSTATUS nt_NtRemoveProcessDebug(struct nt_call *c)
{
	struct lsw_process *p;
	struct debug_object *d;
	NTSTATUS st = process_and_port(c, &p, &d);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (p->debug != d)
		return STATUS_PORT_NOT_SET;
	p->debug = NULL;
	set_being_debugged(p, false);
	debug_events_drop_process(d, p->win_pid);
	return LSW_STATUS_SUCCESS;
}
