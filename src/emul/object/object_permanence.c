/*
 * Temporary and permanent names.  A named object is temporary: its name
 * leaves the namespace when its last handle closes (handle.c), whatever
 * references still keep the object.  Permanent names (the standard tree
 * of object_namespace.c, a device map's links of object_devmap.c) stay
 * until made temporary.
 */
#include "emul/object/object_names.h"

#define DELETE_ACCESS 0x00010000u

/* NtMakeTemporaryObject(Handle): needs DELETE access to the handle. */
NTSTATUS nt_NtMakeTemporaryObject(struct nt_call *c)
{
	struct nt_object *obj;
	NTSTATUS st;

	if (!(obj = object_from_handle(c, c->args[0], NULL, DELETE_ACCESS, &st)))
		return st;
	obj->permanent = false; /* the caller's handle still holds the name */
	if (obj->name && obj->name->kept) { /* its device map lets it go */
		obj->name->kept = false;
		object_unref(obj);
	}
	return LSW_STATUS_SUCCESS;
}

/* NtMakePermanentObject(Handle): SeCreatePermanentPrivilege, which no
 * token of ours holds (Windows gives it to LocalSystem only). */
NTSTATUS nt_NtMakePermanentObject(struct nt_call *c)
{
	NTSTATUS st;

	if (!object_from_handle(c, c->args[0], NULL, 0, &st))
		return st;
	return LSW_STATUS_PRIVILEGE_NOT_HELD;
}
