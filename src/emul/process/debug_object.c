/*
 * Debug objects: NtCreateDebugObject and NtSetInformationDebugObject.  The
 * object a debugger waits on for its debuggees' events; nothing attaches
 * processes to one yet (NtDebugActiveProcess is not implemented), so it
 * holds no events, only its kill-on-close flag and its name.
 */
#include <stdlib.h>
#include "emul/object/object_names.h"

#define DEBUG_READ_EVENT 0x1
#define DEBUG_PROCESS_ASSIGN 0x2
#define DEBUG_SET_INFORMATION 0x4
#define DEBUG_QUERY_INFORMATION 0x8
#define DEBUG_ALL_ACCESS 0x1F000F
#define DEBUG_KILL_ON_CLOSE 0x1
#define DebugObjectKillProcessOnExitInformation 1
#define STANDARD_READ 0x20000u

struct debug_object {
	struct nt_object hdr;
	struct object_name name;
	uint32_t flags;
};

static const struct generic_mapping debug_mapping = {
	STANDARD_READ | DEBUG_READ_EVENT | DEBUG_QUERY_INFORMATION,
	STANDARD_READ | DEBUG_PROCESS_ASSIGN | DEBUG_SET_INFORMATION, STANDARD_READ,
	DEBUG_ALL_ACCESS,
};

static void debug_destroy(struct nt_object *obj)
{
	object_name_remove(&((struct debug_object *)obj)->name);
	free(obj);
}

static void debug_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct debug_object *)obj)->name, buf, len);
}

static const struct nt_object_ops debug_ops = { "DebugObject", debug_destroy, debug_describe,
						NULL };

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
	d->name = nm;
	d->flags = (uint32_t)c->args[3];
	return object_create_end(c, &d->hdr, &d->name, access, c->args[0]);
}

/* NtSetInformationDebugObject(DebugObjectHandle, DebugObjectInformationClass,
 *                             DebugInformation, DebugInformationLength,
 *                             ReturnLength): the kill-on-close flag. */
NTSTATUS nt_NtSetInformationDebugObject(struct nt_call *c)
{
	uint32_t len = (uint32_t)c->args[3], size = 4, flags;
	struct debug_object *d;
	NTSTATUS st;

	if ((uint32_t)c->args[1] != DebugObjectKillProcessOnExitInformation)
		return LSW_STATUS_INVALID_PARAMETER;
	if (c->args[4] && tracee_write(c->thread, c->args[4], &size, 4) < 0)
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
