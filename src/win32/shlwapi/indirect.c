/*
 * SHLoadIndirectString: "@<file>,-<id>" (a string resource of a file, the
 * file's %VARIABLES% expanded, found as LoadLibraryEx finds a data file)
 * becomes that string; anything not starting with '@' is copied as it is.
 * The other indirect forms Windows knows (a positive index, "@{package
 * resource}") fail with E_FAIL.
 */
#include "shlwapi_private.h"

/* "@file,-id[;...]": file (expanded into buf, room units) and id. */
static BOOL parse(const WCHAR *src, WCHAR *buf, DWORD room, UINT *id)
{
	const WCHAR *comma = wcsrchr(src, ','), *p;
	WCHAR file[MAX_PATH];
	UINT v = 0;

	if (!comma || comma == src + 1 || comma - src - 1 >= MAX_PATH || comma[1] != '-' ||
	    comma[2] < '0' || comma[2] > '9')
		return FALSE;
	for (p = comma + 2; *p >= '0' && *p <= '9' && v <= 0xFFFF; p++)
		v = v * 10 + (*p - '0');
	if ((*p && *p != ';') || v > 0xFFFF)
		return FALSE;
	memcpy(file, src + 1, (comma - src - 1) * sizeof(WCHAR));
	file[comma - src - 1] = 0;
	*id = v;
	return ExpandEnvironmentStringsW(file, buf, room) - 1 < room;
}

LWSTDAPI SHLoadIndirectString(LPCWSTR src, LPWSTR out, UINT room, void **reserved)
{
	WCHAR file[MAX_PATH];
	HMODULE mod;
	UINT id;
	int n;

	if (!src || !out || !room)
		return E_INVALIDARG;
	if (src[0] != '@') {
		lstrcpynW(out, src, room); /* the source may be the buffer itself */
		return S_OK;
	}
	if (!parse(src, file, MAX_PATH, &id))
		return E_FAIL;
	mod = LoadLibraryExW(file, NULL, LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE);
	if (!mod)
		return HRESULT_FROM_WIN32(GetLastError());
	n = LoadStringW(mod, id, out, (int)room);
	FreeLibrary(mod);
	return n > 0 ? S_OK : E_FAIL;
}
