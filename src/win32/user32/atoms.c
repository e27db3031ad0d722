/*
 * Registered message and clipboard format names: one number per name
 * (compared without case) from 0xC000 to 0xFFFF, as documented, stable
 * for the life of the process.
 */
#include "user32_private.h"

#define FIRST 0xC000
#define COUNT 0x4000

static SRWLOCK lock = SRWLOCK_INIT;
static WCHAR *names[COUNT];
static unsigned used;

static UINT register_name(LPCWSTR name)
{
	unsigned i;
	UINT id = 0;

	if (!name || !*name || lstrlenW(name) > 255) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	AcquireSRWLockExclusive(&lock);
	for (i = 0; i < used && lstrcmpiW(names[i], name); i++)
		;
	if (i == used && used < COUNT &&
	    (names[used] = HeapAlloc(GetProcessHeap(), 0, (lstrlenW(name) + 1) * sizeof(WCHAR)))) {
		lstrcpyW(names[used], name);
		used++;
	}
	if (i < used)
		id = FIRST + i;
	ReleaseSRWLockExclusive(&lock);
	if (!id)
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return id;
}

static UINT register_name_a(LPCSTR name)
{
	WCHAR w[256];

	if (!name || !MultiByteToWideChar(CP_ACP, 0, name, -1, w, 256)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	return register_name(w);
}

UINT WINAPI RegisterWindowMessageW(LPCWSTR name)
{
	return register_name(name);
}

UINT WINAPI RegisterWindowMessageA(LPCSTR name)
{
	return register_name_a(name);
}

UINT WINAPI RegisterClipboardFormatW(LPCWSTR name)
{
	return register_name(name);
}

UINT WINAPI RegisterClipboardFormatA(LPCSTR name)
{
	return register_name_a(name);
}
