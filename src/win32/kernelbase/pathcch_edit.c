/*
 * PathCch functions that edit a path in place without resolving it:
 * trailing backslash, extension, last element.  Each reads at most size
 * characters where Windows does (a path not terminated within size is
 * E_INVALIDARG), and returns S_FALSE when there was nothing to change.
 */
#include "pathcch_private.h"

static void set_end(WCHAR **end, SIZE_T *remaining, WCHAR *at, SIZE_T left)
{
	if (end)
		*end = at;
	if (remaining)
		*remaining = left;
}

__declspec(dllexport) HRESULT WINAPI PathCchAddBackslashEx(WCHAR *path, SIZE_T size, WCHAR **end,
							    SIZE_T *remaining)
{
	size_t len = size && path ? wcsnlen(path, size) : 0;

	set_end(end, remaining, NULL, 0);
	if (!path && size)
		return E_INVALIDARG;
	if (!size || len == size)
		return STRSAFE_E_INSUFFICIENT_BUFFER;
	if (len && path[len - 1] != '\\') {
		if (len + 2 > size)
			return STRSAFE_E_INSUFFICIENT_BUFFER;
		path[len++] = '\\';
		path[len] = 0;
		set_end(end, remaining, path + len, size - len);
		return S_OK;
	}
	set_end(end, remaining, path + len, size - len);
	return S_FALSE;
}

__declspec(dllexport) HRESULT WINAPI PathCchAddBackslash(WCHAR *path, SIZE_T size)
{
	return PathCchAddBackslashEx(path, size, NULL, NULL);
}

/* A root keeps its backslash; the end pointer is then at that backslash. */
__declspec(dllexport) HRESULT WINAPI PathCchRemoveBackslashEx(WCHAR *path, SIZE_T size,
							       WCHAR **end, SIZE_T *remaining)
{
	size_t len;

	if (!end || !remaining || !path || !size) {
		set_end(end, remaining, NULL, 0);
		return E_INVALIDARG;
	}
	set_end(end, remaining, NULL, 0);
	if ((len = wcsnlen(path, size)) == size)
		return E_INVALIDARG;
	if (!len || path[len - 1] != '\\') {
		set_end(end, remaining, path + len, size - len);
		return S_FALSE;
	}
	set_end(end, remaining, path + len - 1, size - len + 1);
	if (PathCchIsRoot(path))
		return S_FALSE;
	path[len - 1] = 0;
	return S_OK;
}

__declspec(dllexport) HRESULT WINAPI PathCchRemoveBackslash(WCHAR *path, SIZE_T size)
{
	WCHAR *end;
	SIZE_T remaining;

	return PathCchRemoveBackslashEx(path, size, &end, &remaining);
}

/* The last '.' of the last element, or the end; a space after it means
 * no extension. */
static const WCHAR *find_extension(const WCHAR *path)
{
	const WCHAR *ext = NULL, *p;

	for (p = path; *p; p++) {
		if (*p == '\\' || *p == ' ')
			ext = NULL;
		else if (*p == '.')
			ext = p;
	}
	return ext ? ext : p;
}

__declspec(dllexport) HRESULT WINAPI PathCchFindExtension(const WCHAR *path, SIZE_T size,
							   const WCHAR **ext)
{
	if (!ext)
		return E_INVALIDARG;
	*ext = NULL;
	if (!path || !size || size > PATHCCH_MAX_CCH || wcsnlen(path, size) == size)
		return E_INVALIDARG;
	*ext = find_extension(path);
	return S_OK;
}

/* ".ext" or "ext": no space, backslash or second dot. */
static BOOL valid_extension(const WCHAR *ext)
{
	if (*ext == '.')
		ext++;
	for (; *ext; ext++)
		if (*ext == ' ' || *ext == '.' || *ext == '\\')
			return FALSE;
	return TRUE;
}

__declspec(dllexport) HRESULT WINAPI PathCchAddExtension(WCHAR *path, SIZE_T size, const WCHAR *ext)
{
	size_t len, ext_len;
	BOOL dot;

	if (!path || !size || size > PATHCCH_MAX_CCH || !ext || !valid_extension(ext))
		return E_INVALIDARG;
	if ((len = wcsnlen(path, size)) == size)
		return E_INVALIDARG;
	if (*find_extension(path))
		return S_FALSE;
	dot = *ext == '.';
	ext_len = wcslen(ext + dot);
	if (!ext_len)
		return S_OK;
	if (len + 1 + ext_len + 1 > size)
		return STRSAFE_E_INSUFFICIENT_BUFFER;
	path[len] = '.';
	memcpy(path + len + 1, ext + dot, (ext_len + 1) * sizeof(WCHAR));
	return S_OK;
}

__declspec(dllexport) HRESULT WINAPI PathCchRemoveExtension(WCHAR *path, SIZE_T size)
{
	WCHAR *ext;

	if (!path || !size || size > PATHCCH_MAX_CCH || wcsnlen(path, size) == size)
		return E_INVALIDARG;
	ext = (WCHAR *)find_extension(path);
	if (!*ext)
		return S_FALSE;
	*ext = 0;
	return S_OK;
}

__declspec(dllexport) HRESULT WINAPI PathCchRenameExtension(WCHAR *path, SIZE_T size, const WCHAR *ext)
{
	HRESULT hr;

	if (!path || !size || size > PATHCCH_MAX_CCH || !ext || !valid_extension(ext))
		return E_INVALIDARG;
	if (FAILED(hr = PathCchRemoveExtension(path, size)))
		return hr;
	hr = PathCchAddExtension(path, size, ext);
	return FAILED(hr) ? hr : S_OK;
}

/* Whether path[0..n) alone is a root. */
static BOOL prefix_is_root(WCHAR *path, size_t n)
{
	WCHAR saved = path[n];
	BOOL root;

	path[n] = 0;
	root = PathCchIsRoot(path);
	path[n] = saved;
	return root;
}

/* Cuts the last element, then a trailing backslash that is not part of
 * a root ("\\a\b\c" -> "\\a\b", "C:\a" -> "C:\"); the result must fit. */
__declspec(dllexport) HRESULT WINAPI PathCchRemoveFileSpec(WCHAR *path, SIZE_T size)
{
	int root;
	size_t len, cut, floor;

	if (!path || !size || size > PATHCCH_MAX_CCH)
		return E_INVALIDARG;
	root = pathcch_root_length(path);
	floor = root > 0 ? (size_t)root : 0;
	len = cut = wcslen(path);
	while (cut > floor && path[cut - 1] != '\\')
		cut--;
	if (cut > floor)
		cut--; /* the separator before the element */
	else if (cut && path[cut - 1] == '\\' && !prefix_is_root(path, cut))
		cut--;
	if (cut + 1 > size)
		return E_INVALIDARG;
	if (cut == len)
		return S_FALSE;
	path[cut] = 0;
	return S_OK;
}
