/*
 * NtQueryObject and NtSetInformationObject: what a handle says about its
 * object and its own flags (inherit, protect from close).
 */
#include <string.h>
#include "emul/object/object_names.h"
#include "emul/object/object_types.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"

enum {
	ObjectBasicInformation = 0,
	ObjectNameInformation = 1,
	ObjectTypeInformation = 2,
	ObjectTypesInformation = 3,
	ObjectHandleFlagInformation = 4,
};

#define UNICODE_STRING_SIZE 16
#define NAME_MAX_CHARS 32767

/* A UNICODE_STRING at b for chars characters at user address at. */
static void put_ustring(uint8_t *b, size_t chars, uint64_t at)
{
	uint16_t len = (uint16_t)(chars * 2), max = chars ? (uint16_t)(chars * 2 + 2) : 0;

	memcpy(b, &len, 2);
	memcpy(b + 2, &max, 2);
	if (chars)
		memcpy(b + 8, &at, 8);
}

/* The namespace's name (Key: its registry path, File: its device path);
 * unnamed objects and processes, threads, tokens: an empty name.  A file
 * with no device path (the console): 0, INVALID_INFO_CLASS; an unnamed
 * pipe: 0 with *path_invalid. */
static uint32_t name_info(struct nt_call *c, struct nt_object *obj, uint8_t *buf, size_t room,
			  bool *path_invalid)
{
	uint16_t *name = (uint16_t *)(buf + UNICODE_STRING_SIZE);
	size_t n = 0;

	*path_invalid = false;
	if (obj->ops->device_name) {
		n = obj->ops->device_name(obj, name, (room - UNICODE_STRING_SIZE) / 2 - 1);
		*path_invalid = n == DEVICE_NAME_INVALID;
		if (!n || *path_invalid)
			return 0;
	} else if (!strcmp(obj->ops->type_name, "Key") && obj->ops->describe) {
		char d[1024] = "";

		obj->ops->describe(obj, d, sizeof(d));
		for (; d[n] && n < (room - UNICODE_STRING_SIZE) / 2 - 1; n++)
			name[n] = (uint8_t)d[n];
	} else {
		n = object_full_name(c->thread->process->host, obj, name,
				     (room - UNICODE_STRING_SIZE) / 2 - 1);
	}
	put_ustring(buf, n, c->args[2] + UNICODE_STRING_SIZE);
	name[n] = 0;
	return (uint32_t)(UNICODE_STRING_SIZE + (n ? n * 2 + 2 : 0));
}

/* OBJECT_TYPE_INFORMATION of the object's type (object_types.c; a type
 * missing there has its name only). */
static uint32_t type_info(struct nt_call *c, struct nt_object *obj, uint8_t *buf)
{
	const struct object_type *t = object_type_find(obj->ops->type_name);
	struct object_type bare = { .name = obj->ops->type_name };

	return object_type_record(c->thread->process, t ? t : &bare, buf, c->args[2]);
}

#define ALL_ACCESS_PSEUDO 0x1FFFFFu /* PROCESS_ALL_ACCESS, THREAD_ALL_ACCESS */

static bool pseudo_handle(uint64_t h)
{
	return h == NT_CURRENT_PROCESS_HANDLE || h == NT_CURRENT_THREAD_HANDLE;
}

struct nt_object *object_target_ref(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct nt_object *obj;

	if (!pseudo_handle(h))
		return (obj = handle_get(c->thread->process, h, NULL, st)) ? object_ref(obj) : NULL;
	obj = h == NT_CURRENT_PROCESS_HANDLE ? process_object_get(c->thread->process)
					     : thread_object_get(c->thread);
	if (!obj)
		*st = LSW_STATUS_NO_MEMORY;
	return obj;
}

uint32_t object_target_access(struct nt_call *c, uint64_t h)
{
	return pseudo_handle(h) ? ALL_ACCESS_PSEUDO : handle_access(c->thread->process, h);
}

static uint32_t basic_info(struct lsw_process *p, uint64_t h, struct nt_object *obj,
			   uint8_t *buf)
{
	/* Attributes, GrantedAccess, HandleCount, PointerCount, ... */
	static uint32_t no_flags;
	uint32_t *flags = pseudo_handle(h) ? &no_flags : handle_flags(p, h);
	uint32_t access = pseudo_handle(h) ? ALL_ACCESS_PSEUDO : handle_access(p, h);
	uint32_t refs = obj->refs - 1, handles = obj->handles; /* less the query's reference */

	/* Attributes: OBJ_INHERIT (2), OBJ_PROTECT_CLOSE (1), OBJ_PERMANENT */
	buf[0] = (uint8_t)((*flags & 1 ? 2 : 0) | (*flags & 2 ? 1 : 0) |
			   (obj->permanent ? OBJ_PERMANENT : 0));
	memcpy(buf + 4, &access, 4);
	memcpy(buf + 8, &handles, 4);
	memcpy(buf + 12, &refs, 4);
	return 56;
}

/* One class of NtQueryObject for obj (which the call's handle names). */
static NTSTATUS query(struct nt_call *c, struct nt_object *obj, uint32_t cls)
{
	static uint8_t buf[UNICODE_STRING_SIZE + NAME_MAX_CHARS * 2 + 2];
	static uint32_t no_flags;
	struct lsw_process *p = c->thread->process;
	uint32_t len = (uint32_t)c->args[3], size;
	uint32_t *flags = pseudo_handle(c->args[0]) ? &no_flags : handle_flags(p, c->args[0]);
	bool path_invalid;

	memset(buf, 0, OBJECT_TYPE_INFO_SIZE + 64);
	switch (cls) {
	case ObjectBasicInformation:
		size = basic_info(p, c->args[0], obj, buf);
		break;
	case ObjectNameInformation:
		if (!(size = name_info(c, obj, buf, sizeof(buf), &path_invalid)))
			return path_invalid ? LSW_STATUS_OBJECT_PATH_INVALID
					    : LSW_STATUS_INVALID_INFO_CLASS;
		break;
	case ObjectTypeInformation:
		size = type_info(c, obj, buf);
		break;
	case ObjectHandleFlagInformation: /* BOOLEAN Inherit, ProtectFromClose */
		size = 2;
		buf[0] = (*flags & 1) != 0;
		buf[1] = (*flags & 2) != 0;
		break;
	default:
		return LSW_STATUS_INVALID_INFO_CLASS;
	}
	if (len < size) {
		if (c->args[4])
			tracee_write(c->thread, c->args[4], &size, 4);
		/* a device path comes from the I/O manager, which fills what it
		 * can once the UNICODE_STRING fits */
		if (cls == ObjectNameInformation && obj->ops->device_name &&
		    len >= UNICODE_STRING_SIZE)
			return LSW_STATUS_BUFFER_OVERFLOW;
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	}
	if (tracee_write(c->thread, c->args[2], buf, size) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &size, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtQueryObject(Handle, ObjectInformationClass, ObjectInformation, Length,
 *               ReturnLength): the pseudo-handles name the process and
 * the thread. */
NTSTATUS nt_NtQueryObject(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1];
	struct nt_object *obj;
	NTSTATUS st;

	if (cls == ObjectTypesInformation) /* of no handle */
		return object_types_query(c);
	if (!(obj = object_target_ref(c, c->args[0], &st)))
		return st;
	st = query(c, obj, cls);
	object_unref(obj);
	return st;
}

/* NtSetInformationObject(Handle, ObjectInformationClass, ObjectInformation,
 *                        Length): the handle's flags. */
NTSTATUS nt_NtSetInformationObject(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint8_t in[2];
	uint32_t *flags;
	NTSTATUS st;

	if (!handle_get(p, c->args[0], NULL, &st))
		return st;
	if ((uint32_t)c->args[1] != ObjectHandleFlagInformation)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] != 2)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], in, 2) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	flags = handle_flags(p, c->args[0]);
	*flags = (in[0] ? 1u : 0u) | (in[1] ? 2u : 0u);
	return LSW_STATUS_SUCCESS;
}
