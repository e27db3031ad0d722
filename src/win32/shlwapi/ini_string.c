/* SHGetIniStringW/SHSetIniStringW (ordinals 294, 295): a .ini value through
 * kernel32's profile functions. */
#include "shlwapi_private.h"

/* The value's length; an absent key gives "" and 0.  With no key, the
 * first key name of the section. */
DWORD WINAPI SHGetIniStringW(LPCWSTR app, LPCWSTR key, LPWSTR out, DWORD size, LPCWSTR file)
{
	if (!size)
		return 0;
	GetPrivateProfileStringW(app, key, L"", out, size, file);
	return lstrlenW(out);
}

/* A NULL value deletes the key, a NULL key the section. */
BOOL WINAPI SHSetIniStringW(LPCWSTR app, LPCWSTR key, LPCWSTR value, LPCWSTR file)
{
	return WritePrivateProfileStringW(app, key, value, file);
}
