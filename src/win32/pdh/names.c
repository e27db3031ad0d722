/* Performance names and their indexes (lsw/perf_names.h, the table
 * advapi32's HKEY_PERFORMANCE_TEXT lists too): PdhLookupPerfNameByIndex
 * and PdhLookupPerfIndexByName.  Only the local machine is known. */
#include "pdh_private.h"
#include <lsw/perf_names.h>

static const struct {
	DWORD index;
	const WCHAR *name;
} names[] = {
#define NAME_ENTRY(index, name) { index, L"" name },
	LSW_PERF_NAMES(NAME_ENTRY)
#undef NAME_ENTRY
};

const WCHAR *pdh_name_of(DWORD index)
{
	for (size_t i = 0; i < ARRAYSIZE(names); i++)
		if (names[i].index == index)
			return names[i].name;
	return NULL;
}

BOOL pdh_index_of(const WCHAR *name, DWORD *index)
{
	/* index 1's "name" is a number, not a name to look up */
	for (size_t i = 1; i < ARRAYSIZE(names); i++)
		if (!_wcsicmp(names[i].name, name)) {
			*index = names[i].index;
			return TRUE;
		}
	return FALSE;
}

static BOOL local(const WCHAR *machine)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(name);

	if (!machine || !machine[0])
		return TRUE;
	while (*machine == L'\\')
		machine++;
	return GetComputerNameW(name, &n) && !_wcsicmp(machine, name);
}

PDH_API PDH_STATUS WINAPI PdhLookupPerfIndexByNameW(LPCWSTR machine, LPCWSTR name, LPDWORD index)
{
	if (!name || !index)
		return PDH_INVALID_ARGUMENT;
	if (!local(machine))
		return PDH_CSTATUS_NO_MACHINE;
	return pdh_index_of(name, index) ? ERROR_SUCCESS : PDH_STRING_NOT_FOUND;
}

PDH_API PDH_STATUS WINAPI PdhLookupPerfIndexByNameA(LPCSTR machine, LPCSTR name, LPDWORD index)
{
	WCHAR *wm = pdh_a_to_w(machine), *wn = pdh_a_to_w(name);
	PDH_STATUS st = (machine && !wm) || (name && !wn) ? PDH_MEMORY_ALLOCATION_FAILURE :
			PdhLookupPerfIndexByNameW(wm, wn, index);

	HeapFree(GetProcessHeap(), 0, wm);
	HeapFree(GetProcessHeap(), 0, wn);
	return st;
}

/* *size counts characters with the NUL, in and out. */
static PDH_STATUS name_by_index(LPCWSTR machine, DWORD index, void *buffer, LPDWORD size, BOOL ansi)
{
	const WCHAR *name;
	DWORD n;

	if (!buffer || !size)
		return PDH_INVALID_ARGUMENT;
	if (!local(machine))
		return PDH_CSTATUS_NO_MACHINE;
	if (!(name = pdh_name_of(index)))
		return PDH_INVALID_ARGUMENT;
	n = (DWORD)wcslen(name) + 1;
	if (*size < n) {
		*size = n;
		return PDH_MORE_DATA;
	}
	if (ansi)
		WideCharToMultiByte(CP_ACP, 0, name, -1, buffer, (int)n, NULL, NULL);
	else
		memcpy(buffer, name, n * sizeof(WCHAR));
	*size = n;
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhLookupPerfNameByIndexW(LPCWSTR machine, DWORD index, LPWSTR buffer,
						    LPDWORD size)
{
	return name_by_index(machine, index, buffer, size, FALSE);
}

PDH_API PDH_STATUS WINAPI PdhLookupPerfNameByIndexA(LPCSTR machine, DWORD index, LPSTR buffer,
						    LPDWORD size)
{
	WCHAR *wm = pdh_a_to_w(machine);
	PDH_STATUS st = machine && !wm ? PDH_MEMORY_ALLOCATION_FAILURE :
			name_by_index(wm, index, buffer, size, TRUE);

	HeapFree(GetProcessHeap(), 0, wm);
	return st;
}
