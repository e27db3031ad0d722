/*
 * PROC_THREAD_ATTRIBUTE_LIST: opaque to programs, which size it with
 * InitializeProcThreadAttributeList and fill it with
 * UpdateProcThreadAttribute; CreateProcess reads it back.  Laid out as
 * Windows lays it out (debuggers and tests look inside): a mask of the
 * attribute numbers present, the capacity, the count, then (attribute,
 * size, value) entries.  Values stay the caller's, as documented (they
 * must outlive the list's use).
 */
#include "k32_private.h"
#include "process_create.h"

#ifndef ERROR_OBJECT_NAME_EXISTS
#define ERROR_OBJECT_NAME_EXISTS 698
#endif
#define ATTRIBUTE_NUMBER 0xffff

struct attribute {
	DWORD_PTR attr;
	SIZE_T size;
	const void *value;
};

struct attribute_list {
	DWORD mask;                  /* 1 << attribute number, for each present */
	DWORD capacity, count;
	DWORD reserved;
	DWORD_PTR extended;
	struct attribute e[];
};

/* The attributes Windows 10 knows, with the sizes their values may have
 * (0: a non-empty array of handles). */
static const struct { DWORD_PTR attr; SIZE_T size; } known[] = {
	{ PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, sizeof(HANDLE) },
	{ PROC_THREAD_ATTRIBUTE_HANDLE_LIST, 0 },
	{ PROC_THREAD_ATTRIBUTE_GROUP_AFFINITY, sizeof(GROUP_AFFINITY) },
	{ PROC_THREAD_ATTRIBUTE_PREFERRED_NODE, sizeof(USHORT) },
	{ PROC_THREAD_ATTRIBUTE_IDEAL_PROCESSOR, sizeof(PROCESSOR_NUMBER) },
	{ 0x00020007, sizeof(DWORD64) },  /* MITIGATION_POLICY, one or two */
	{ 0x00020007, 2 * sizeof(DWORD64) },
	{ 0x0002000d, 0 },                /* JOB_LIST */
	{ 0x0002000e, sizeof(DWORD) },    /* CHILD_PROCESS_POLICY */
	{ 0x00020012, sizeof(DWORD) },    /* DESKTOP_APP_POLICY */
	{ 0x00020016, sizeof(HANDLE) },   /* PSEUDOCONSOLE */
};

static BOOL size_fits(DWORD_PTR attr, SIZE_T size, DWORD *error)
{
	*error = ERROR_NOT_SUPPORTED;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (known[i].attr != attr)
			continue;
		if (known[i].size ? size == known[i].size
				  : size && !(size % sizeof(HANDLE)))
			return TRUE;
		*error = ERROR_BAD_LENGTH;
	}
	return FALSE;
}

K32API BOOL WINAPI InitializeProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list,
						     DWORD count, DWORD flags, PSIZE_T size)
{
	SIZE_T need = offsetof(struct attribute_list, e) + (SIZE_T)count * sizeof(struct attribute);
	struct attribute_list *l = (struct attribute_list *)list;

	if (flags || !size)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!list || *size < need) {
		*size = need;
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	l->mask = 0;
	l->capacity = count;
	l->count = 0;
	l->extended = 0;
	*size = need;
	return TRUE;
}

K32API BOOL WINAPI UpdateProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD flags,
					     DWORD_PTR attr, PVOID value, SIZE_T size,
					     PVOID previous, PSIZE_T returned)
{
	struct attribute_list *l = (struct attribute_list *)list;
	DWORD bit = 1u << (attr & ATTRIBUTE_NUMBER & 31), error;

	if (!l || flags || !value)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!size_fits(attr, size, &error))
		return k32_error(error);
	if (l->mask & bit)
		return k32_error(ERROR_OBJECT_NAME_EXISTS);
	if (l->count >= l->capacity)
		return k32_error(ERROR_GEN_FAILURE);
	l->e[l->count++] = (struct attribute){ attr, size, value };
	l->mask |= bit;
	(void)previous;
	(void)returned;
	return TRUE;
}

K32API void WINAPI DeleteProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list)
{
	(void)list; /* the values were never ours */
}

const void *k32_attribute_find(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD_PTR attr, SIZE_T *size)
{
	const struct attribute_list *l = (const struct attribute_list *)list;

	for (DWORD i = 0; i < l->count; i++)
		if (l->e[i].attr == attr) {
			*size = l->e[i].size;
			return l->e[i].value;
		}
	return NULL;
}
