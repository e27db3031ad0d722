/*
 * The root of a path, as the PathCch functions see it: "C:\", "C:", "\",
 * "\\server\share\", "\\?\C:\", "\\?\UNC\server\share\" and
 * "\\?\Volume{GUID}\".  PathCchSkipRoot, PathCchIsRoot, PathIsUNCEx,
 * PathCchStripToRoot and PathCchStripPrefix.
 */
#include "pathcch_private.h"

static WCHAR lower(WCHAR c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

BOOL pathcch_prefix_ci(const WCHAR *p, const WCHAR *prefix)
{
	for (; *prefix; p++, prefix++)
		if (lower(*p) != lower(*prefix))
			return FALSE;
	return TRUE;
}

BOOL pathcch_is_letter_drive(const WCHAR *p)
{
	return lower(p[0]) >= 'a' && lower(p[0]) <= 'z' && p[1] == ':';
}

/* "Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}": 44 characters. */
static BOOL is_volume_guid(const WCHAR *p)
{
	int i;

	if (!pathcch_prefix_ci(p, L"Volume{"))
		return FALSE;
	for (i = 7; i < 43; i++)
		if (!p[i] || p[i] == '\\')
			return FALSE;
	return p[43] == '}';
}

/* After "\\": the server and its separator, then a non-empty share and
 * its separator. */
static int unc_tail(const WCHAR *p)
{
	int n = 0;

	while (p[n] && p[n] != '\\')
		n++;
	if (p[n] != '\\')
		return n;
	n++;
	if (!p[n] || p[n] == '\\')
		return n;
	while (p[n] && p[n] != '\\')
		n++;
	return p[n] == '\\' ? n + 1 : n;
}

int pathcch_root_length(const WCHAR *p)
{
	if (pathcch_prefix_ci(p, L"\\\\?\\UNC\\"))
		return 8 + unc_tail(p + 8);
	if (pathcch_is_extended(p)) {
		if (pathcch_is_letter_drive(p + 4))
			return p[6] == '\\' ? 7 : 6;
		if (is_volume_guid(p + 4))
			return p[48] == '\\' ? 49 : 48;
		return -1;
	}
	if (p[0] == '\\' && p[1] == '\\')
		return 2 + unc_tail(p + 2);
	if (p[0] == '\\')
		return 1;
	if (p[0] && p[1] == ':')
		return p[2] == '\\' ? 3 : 2;
	return -1;
}

__declspec(dllexport) HRESULT WINAPI PathCchSkipRoot(const WCHAR *path, const WCHAR **root_end)
{
	int n;

	if (!path || !root_end || (n = pathcch_root_length(path)) < 0)
		return E_INVALIDARG;
	*root_end = path + n;
	return S_OK;
}

/* A root and nothing else; "C:" and "\\server\" are not roots, a UNC root
 * ends at the server or share name (or is the bare prefix). */
__declspec(dllexport) BOOL WINAPI PathCchIsRoot(const WCHAR *path)
{
	int n;

	if (!path || !*path || (n = pathcch_root_length(path)) < 0 || path[n])
		return FALSE;
	if (pathcch_prefix_ci(path, L"\\\\?\\UNC\\"))
		return n == 8 || path[n - 1] != '\\';
	if (pathcch_is_extended(path))
		return path[n - 1] == '\\';
	if (path[0] == '\\' && path[1] == '\\')
		return n == 2 || path[n - 1] != '\\';
	if (path[0] == '\\')
		return n == 1;
	return path[2] == '\\';
}

__declspec(dllexport) BOOL WINAPI PathIsUNCEx(const WCHAR *path, const WCHAR **server)
{
	const WCHAR *found = NULL;

	if (path && pathcch_prefix_ci(path, L"\\\\?\\UNC\\"))
		found = path + 8;
	else if (path && path[0] == '\\' && path[1] == '\\' && path[2] != '?')
		found = path + 2;
	if (server)
		*server = found;
	return found != NULL;
}

/* The root without the separator that ends a UNC share. */
__declspec(dllexport) HRESULT WINAPI PathCchStripToRoot(WCHAR *path, SIZE_T size)
{
	int n;
	BOOL unc;

	if (!path || !size || size > PATHCCH_MAX_CCH || (n = pathcch_root_length(path)) < 0)
		return E_INVALIDARG;
	unc = PathIsUNCEx(path, NULL);
	if (unc && n > (path[2] == '?' ? 8 : 2) && path[n - 1] == '\\')
		n--;
	if ((SIZE_T)n + 1 > size)
		return E_INVALIDARG;
	if (!path[n])
		return S_FALSE;
	path[n] = 0;
	return S_OK;
}

/* "\\?\C:..." -> "C:...", "\\?\UNC\..." -> "\\...". */
__declspec(dllexport) HRESULT WINAPI PathCchStripPrefix(WCHAR *path, SIZE_T size)
{
	size_t skip, keep, len;

	if (!path || !size || size > PATHCCH_MAX_CCH)
		return E_INVALIDARG;
	if (pathcch_prefix_ci(path, L"\\\\?\\UNC\\"))
		skip = 6, keep = 2;
	else if (pathcch_is_extended(path) && pathcch_is_letter_drive(path + 4))
		skip = 4, keep = 0;
	else
		return S_FALSE;
	len = wcslen(path + skip + keep);
	if (keep + len + 1 > size)
		return E_INVALIDARG;
	memmove(path + keep, path + skip + keep, (len + 1) * sizeof(WCHAR));
	return S_OK;
}
