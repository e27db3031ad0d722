/*
 * Item ID lists for folders.  An ITEMIDLIST is a run of SHITEMIDs (a
 * USHORT size, then bytes only the folder that made them understands),
 * ended by a zero size.  Ours hold one item, "LSWP" and the folder's path,
 * enough for what a console program does with them: get one for a
 * folder, turn it back into a path, free it.  They are task memory.
 */
#include "shell32_private.h"
#include "folders.h"

static const BYTE magic[4] = { 'L', 'S', 'W', 'P' };

static PIDLIST_ABSOLUTE pidl_from_path(const WCHAR *path)
{
	SIZE_T bytes = (lstrlenW(path) + 1) * sizeof(WCHAR);
	USHORT cb = (USHORT)(sizeof(USHORT) + sizeof(magic) + bytes);
	BYTE *p = CoTaskMemAlloc(cb + sizeof(USHORT));

	if (!p)
		return NULL;
	memcpy(p, &cb, sizeof(cb));
	memcpy(p + sizeof(USHORT), magic, sizeof(magic));
	memcpy(p + sizeof(USHORT) + sizeof(magic), path, bytes);
	memset(p + cb, 0, sizeof(USHORT));
	return (PIDLIST_ABSOLUTE)p;
}

/* The path in one of our lists, or NULL. */
static const WCHAR *pidl_path(PCIDLIST_ABSOLUTE pidl)
{
	const BYTE *p = (const BYTE *)pidl;
	USHORT cb;

	if (!p)
		return NULL;
	memcpy(&cb, p, sizeof(cb));
	if (cb < sizeof(USHORT) + sizeof(magic) + sizeof(WCHAR) || memcmp(p + 2, magic, 4))
		return NULL;
	return (const WCHAR *)(p + sizeof(USHORT) + sizeof(magic));
}

HRESULT WINAPI SHGetFolderLocation(HWND hwnd, int csidl, HANDLE token, DWORD reserved,
				   PIDLIST_ABSOLUTE *out)
{
	WCHAR path[MAX_PATH];
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	hr = SHGetFolderPathW(hwnd, csidl, token, SHGFP_TYPE_CURRENT, path);
	if (FAILED(hr))
		return hr;
	*out = pidl_from_path(path);
	return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI SHGetSpecialFolderLocation(HWND hwnd, int csidl, PIDLIST_ABSOLUTE *out)
{
	return SHGetFolderLocation(hwnd, csidl, NULL, 0, out);
}

HRESULT WINAPI SHGetKnownFolderIDList(REFKNOWNFOLDERID id, DWORD flags, HANDLE token,
				      PIDLIST_ABSOLUTE *out)
{
	WCHAR path[MAX_PATH];
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	hr = known_folder_path(id, flags, path);
	if (FAILED(hr))
		return hr;
	*out = pidl_from_path(path);
	return *out ? S_OK : E_OUTOFMEMORY;
}

PIDLIST_ABSOLUTE WINAPI ILCreateFromPathW(PCWSTR path)
{
	return path ? pidl_from_path(path) : NULL;
}

void WINAPI ILFree(PIDLIST_RELATIVE pidl)
{
	CoTaskMemFree(pidl);
}

/* MAX_PATH characters; FALSE (and an empty string) for a list that names
 * no file-system folder. */
BOOL WINAPI SHGetPathFromIDListW(PCIDLIST_ABSOLUTE pidl, LPWSTR path)
{
	const WCHAR *p = pidl_path(pidl);

	if (!path)
		return FALSE;
	path[0] = 0;
	if (!p || lstrlenW(p) >= MAX_PATH)
		return FALSE;
	lstrcpyW(path, p);
	return TRUE;
}

BOOL WINAPI SHGetPathFromIDListA(PCIDLIST_ABSOLUTE pidl, LPSTR path)
{
	WCHAR w[MAX_PATH];
	BOOL ok;

	if (!path)
		return FALSE;
	ok = SHGetPathFromIDListW(pidl, w);
	sh_w_to_a(ok ? w : L"", path, MAX_PATH);
	return ok;
}

BOOL WINAPI SHGetPathFromIDListEx(PCIDLIST_ABSOLUTE pidl, PWSTR path, DWORD size, GPFIDL_FLAGS flags)
{
	const WCHAR *p = pidl_path(pidl);

	if (!path || !size)
		return FALSE;
	path[0] = 0;
	if (!p || (DWORD)lstrlenW(p) >= size)
		return FALSE;
	lstrcpyW(path, p);
	return TRUE;
}
