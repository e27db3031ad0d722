/*
 * PROC_THREAD_ATTRIBUTE_LIST: opaque to programs, which size it with
 * InitializeProcThreadAttributeList and fill it with
 * UpdateProcThreadAttribute; CreateProcess reads it back.  Here it is a
 * count and an array of (attribute, value, size) the caller's memory
 * holds; values stay the caller's, as documented (they must outlive the
 * list's use).
 */
#include "k32_private.h"
#include "process_create.h"

#ifndef ERROR_OBJECT_NAME_EXISTS
#define ERROR_OBJECT_NAME_EXISTS 5010
#endif

struct attribute {
	DWORD_PTR attr;
	const void *value;
	SIZE_T size;
};

struct attribute_list {
	DWORD capacity, count;
	struct attribute e[];
};

K32API BOOL WINAPI InitializeProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list,
						     DWORD count, DWORD flags, PSIZE_T size)
{
	SIZE_T need = sizeof(struct attribute_list) + (SIZE_T)count * sizeof(struct attribute);
	struct attribute_list *l = (struct attribute_list *)list;

	if (flags || !size)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!list || *size < need) {
		*size = need;
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	l->capacity = count;
	l->count = 0;
	*size = need;
	return TRUE;
}

K32API BOOL WINAPI UpdateProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD flags,
					     DWORD_PTR attr, PVOID value, SIZE_T size,
					     PVOID previous, PSIZE_T returned)
{
	struct attribute_list *l = (struct attribute_list *)list;

	if (!l || flags || !value)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (attr == PROC_THREAD_ATTRIBUTE_HANDLE_LIST && (!size || size % sizeof(HANDLE)))
		return k32_error(ERROR_BAD_LENGTH);
	for (DWORD i = 0; i < l->count; i++)
		if (l->e[i].attr == attr)
			return k32_error(ERROR_OBJECT_NAME_EXISTS);
	if (l->count >= l->capacity)
		return k32_error(ERROR_GEN_FAILURE);
	l->e[l->count++] = (struct attribute){ attr, value, size };
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
