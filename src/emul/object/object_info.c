/*
 * NtQueryObject and NtSetInformationObject: what a handle says about its
 * object and its own flags (inherit, protect from close).
 */
#include <string.h>
#include "emul/object/object.h"

enum { ObjectBasicInformation = 0, ObjectHandleFlagInformation = 4 };

/* NtQueryObject(Handle, ObjectInformationClass, ObjectInformation, Length,
 *               ReturnLength) */
NTSTATUS nt_NtQueryObject(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint32_t cls = (uint32_t)c->args[1], len = (uint32_t)c->args[3], size;
	uint8_t buf[56] = { 0 };
	struct nt_object *obj;
	uint32_t *flags;
	NTSTATUS st;

	if (!(obj = handle_get(p, c->args[0], NULL, &st)))
		return st;
	flags = handle_flags(p, c->args[0]);
	switch (cls) {
	case ObjectBasicInformation: /* Attributes, GrantedAccess, HandleCount, PointerCount, ... */
		size = 56;
		/* Attributes: OBJ_INHERIT (2), OBJ_PROTECT_CLOSE (1) */
		buf[0] = (uint8_t)((*flags & 1 ? 2 : 0) | (*flags & 2 ? 1 : 0));
		{
			uint32_t access = handle_access(p, c->args[0]), refs = obj->refs;

			memcpy(buf + 4, &access, 4);
			memcpy(buf + 8, &refs, 4);
			memcpy(buf + 12, &refs, 4);
		}
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
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	}
	if (tracee_write(c->thread, c->args[2], buf, size) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &size, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
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
