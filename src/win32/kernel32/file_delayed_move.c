/*
 * MoveFileEx(MOVEFILE_DELAY_UNTIL_REBOOT): the move (or, with no new
 * name, the deletion) is recorded for the next start of the system, where
 * Microsoft documents it: appended to the REG_MULTI_SZ value
 * PendingFileRenameOperations of HKLM\SYSTEM\CurrentControlSet\Control\
 * Session Manager, as "source\0target\0" ("source\0\0" for a deletion),
 * in the order the calls were made.  The names are stored as NT paths,
 * and a target that may replace an existing file starts with '!'
 * (MOVEFILE_REPLACE_EXISTING), as Windows writes them.  Nothing here
 * restarts, so the operations stay recorded.
 */
#include "k32_private.h"

#define SESSION_MANAGER L"\\Registry\\Machine\\System\\CurrentControlSet\\Control\\Session Manager"
#define PENDING L"PendingFileRenameOperations"

NTSTATUS NTAPI NtCreateKey(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG, PUNICODE_STRING,
			   ULONG, PULONG);
NTSTATUS NTAPI NtSetValueKey(HANDLE, PUNICODE_STRING, ULONG, ULONG, PVOID, ULONG);
NTSTATUS NTAPI NtQueryValueKey(HANDLE, PUNICODE_STRING, int, PVOID, ULONG, PULONG);

#define VALUE_PARTIAL 2 /* KeyValuePartialInformation: TitleIndex, Type, DataLength, Data */

/* The value's strings without the NUL that ends the list, in a heap
 * block; *units their length. */
static NTSTATUS read_pending(HANDLE key, UNICODE_STRING *name, WCHAR **out, SIZE_T *units)
{
	ULONG need = 0, *info;
	NTSTATUS st = NtQueryValueKey(key, name, VALUE_PARTIAL, NULL, 0, &need);

	*out = NULL;
	*units = 0;
	if (st == STATUS_OBJECT_NAME_NOT_FOUND)
		return STATUS_SUCCESS;
	if (st != STATUS_BUFFER_TOO_SMALL && st != STATUS_BUFFER_OVERFLOW)
		return st < 0 ? st : STATUS_SUCCESS;
	info = RtlAllocateHeap(GetProcessHeap(), 0, need);
	if (!info)
		return STATUS_NO_MEMORY;
	st = NtQueryValueKey(key, name, VALUE_PARTIAL, info, need, &need);
	if (st >= 0 && info[1] == REG_MULTI_SZ) {
		SIZE_T n = info[2] / sizeof(WCHAR);
		WCHAR *data = (WCHAR *)&info[3];

		if (n && !data[n - 1])
			n--; /* the list's end (a deletion's empty target stays) */
		*out = RtlAllocateHeap(GetProcessHeap(), 0, n * sizeof(WCHAR) + 1);
		if (*out) {
			memcpy(*out, data, n * sizeof(WCHAR));
			*units = n;
		} else {
			st = STATUS_NO_MEMORY;
		}
	}
	RtlFreeHeap(GetProcessHeap(), 0, info);
	return st;
}

/* Appends the pair to the list (to: NULL for a deletion). */
static NTSTATUS append(const UNICODE_STRING *from, const UNICODE_STRING *to, BOOL replace)
{
	UNICODE_STRING key_name, value_name;
	OBJECT_ATTRIBUTES oa;
	HANDLE key;
	WCHAR *old, *list, *at;
	SIZE_T old_units, units;
	NTSTATUS st;

	RtlInitUnicodeString(&key_name, SESSION_MANAGER);
	RtlInitUnicodeString(&value_name, PENDING);
	InitializeObjectAttributes(&oa, &key_name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	st = NtCreateKey(&key, KEY_QUERY_VALUE | KEY_SET_VALUE, &oa, 0, NULL, 0, NULL);
	if (st < 0)
		return st;
	st = read_pending(key, &value_name, &old, &old_units);
	units = old_units + from->Length / 2 + 1 + (to ? replace + to->Length / 2 : 0) + 2;
	list = st >= 0 ? RtlAllocateHeap(GetProcessHeap(), 0, units * sizeof(WCHAR)) : NULL;
	if (list) {
		memcpy(list, old, old_units * sizeof(WCHAR));
		at = list + old_units;
		memcpy(at, from->Buffer, from->Length);
		at += from->Length / 2;
		*at++ = 0;
		if (to && replace)
			*at++ = '!';
		if (to) {
			memcpy(at, to->Buffer, to->Length);
			at += to->Length / 2;
		}
		*at++ = 0;
		*at++ = 0; /* the list's end */
		st = NtSetValueKey(key, &value_name, 0, REG_MULTI_SZ, list,
				   (ULONG)((at - list) * sizeof(WCHAR)));
		RtlFreeHeap(GetProcessHeap(), 0, list);
	} else if (st >= 0) {
		st = STATUS_NO_MEMORY;
	}
	RtlFreeHeap(GetProcessHeap(), 0, old);
	NtClose(key);
	return st;
}

BOOL k32_move_at_reboot(LPCWSTR from, LPCWSTR to, DWORD flags)
{
	UNICODE_STRING nt_from, nt_to = { 0 };
	NTSTATUS st;

	if (flags & MOVEFILE_COPY_ALLOWED) /* documented: not with a delayed move */
		return k32_error(ERROR_INVALID_PARAMETER);
	st = k32_nt_path(from, &nt_from);
	if (st < 0)
		return k32_fail(st);
	if (to && (st = k32_nt_path(to, &nt_to)) < 0) {
		RtlFreeUnicodeString(&nt_from);
		return k32_fail(st);
	}
	st = append(&nt_from, to ? &nt_to : NULL, (flags & MOVEFILE_REPLACE_EXISTING) != 0);
	RtlFreeUnicodeString(&nt_from);
	if (to)
		RtlFreeUnicodeString(&nt_to);
	return st < 0 ? k32_fail(st) : TRUE;
}
