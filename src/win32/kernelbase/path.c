/*
 * PathAllocCanonicalize and PathAllocCombine (api-ms-win-core-path): the
 * path with "." and ".." elements resolved, in a buffer the caller frees
 * with LocalFree (kernel32's LocalAlloc is the process heap).  Only '\'
 * separates elements, as for the PathCch functions; ".." never climbs
 * above the root ("C:\", "\\server\share", "\\?\C:\", "\").  A result
 * longer than MAX_PATH needs PATHCCH_ALLOW_LONG_PATHS.  Wine 8 lets ".."
 * climb over a UNC share name; the documented root (PathCchSkipRoot)
 * includes it.
 */
#include <windows.h>
#include <wchar.h>

PVOID NTAPI RtlAllocateHeap(HANDLE, ULONG, SIZE_T);
BOOLEAN NTAPI RtlFreeHeap(HANDLE, ULONG, PVOID);

#define ALLOW_LONG_PATHS 0x1 /* PATHCCH_ALLOW_LONG_PATHS */
#define MAX_LONG_PATH 32767  /* PATHCCH_MAX_CCH */

static HANDLE process_heap(void)
{
	return *(HANDLE *)(__readgsqword(0x60) + 0x30); /* PEB.ProcessHeap */
}

static BOOL is_drive(const WCHAR *p)
{
	return ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && p[1] == ':';
}

/* Characters of the root of p: "X:\", "X:", "\\server\share\",
 * "\\?\X:\", "\\?\UNC\server\share\", "\", or 0. */
static size_t root_length(const WCHAR *p)
{
	size_t n = 0, parts;

	if (!wcsncmp(p, L"\\\\?\\UNC\\", 8)) {
		n = 8, parts = 2;
	} else if (!wcsncmp(p, L"\\\\?\\", 4)) {
		p += 4;
		return 4 + (is_drive(p) ? (p[2] == '\\' ? 3 : 2) : 0);
	} else if (p[0] == '\\' && p[1] == '\\') {
		n = 2, parts = 2;
	} else if (is_drive(p)) {
		return p[2] == '\\' ? 3 : 2;
	} else {
		return p[0] == '\\' ? 1 : 0;
	}
	for (; parts && p[n]; parts--) { /* server, then share */
		while (p[n] && p[n] != '\\')
			n++;
		if (p[n] == '\\')
			n++;
	}
	return n;
}

/* Appends the elements of path (past its root) to out[len], resolving "."
 * and "..", never above root chars; the new length. */
static size_t put_elements(WCHAR *out, size_t len, size_t root, const WCHAR *path)
{
	while (*path) {
		const WCHAR *end = wcschr(path, '\\');
		size_t n = end ? (size_t)(end - path) : wcslen(path);

		if (n == 2 && path[0] == '.' && path[1] == '.') {
			while (len > root && out[len - 1] == '\\')
				len--;
			while (len > root && out[len - 1] != '\\')
				len--;
		} else if (n && !(n == 1 && path[0] == '.')) {
			if (len > root && out[len - 1] != '\\')
				out[len++] = '\\';
			memcpy(out + len, path, n * sizeof(WCHAR));
			len += n;
		}
		if (end && !end[1] && len > root && out[len - 1] != '\\')
			out[len++] = '\\'; /* a trailing separator stays */
		path += n + (end ? 1 : 0);
	}
	return len;
}

/* The \\?\ form is kept only where it is needed: past MAX_PATH (then
 * only with PATHCCH_ALLOW_LONG_PATHS, which adds it), as documented. */
static HRESULT extended_form(WCHAR *buf, size_t len, ULONG flags)
{
	BOOL extended = !wcsncmp(buf, L"\\\\?\\", 4), unc = !extended && buf[0] == '\\' &&
								buf[1] == '\\';

	if (extended && len - 4 < MAX_PATH && is_drive(buf + 4)) {
		memmove(buf, buf + 4, (len - 3) * sizeof(WCHAR));
		return S_OK;
	}
	if (len < MAX_PATH || extended)
		return len < MAX_LONG_PATH ? S_OK : HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
	if (!(flags & ALLOW_LONG_PATHS) || len + 8 >= MAX_LONG_PATH || (!unc && !is_drive(buf)))
		return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
	if (unc) { /* \\server\share -> \\?\UNC\server\share */
		memmove(buf + 8, buf + 2, (len - 1) * sizeof(WCHAR));
		memcpy(buf, L"\\\\?\\UNC\\", 8 * sizeof(WCHAR));
	} else {
		memmove(buf + 4, buf, (len + 1) * sizeof(WCHAR));
		memcpy(buf, L"\\\\?\\", 4 * sizeof(WCHAR));
	}
	return S_OK;
}

/* Canonical form of a (with b appended, when given) into a new buffer. */
static HRESULT canonical(const WCHAR *a, const WCHAR *b, ULONG flags, WCHAR **out)
{
	size_t total = wcslen(a) + (b ? wcslen(b) : 0) + 11, a_root = root_length(a), root, len;
	WCHAR *buf;
	HRESULT hr;

	*out = NULL;
	buf = RtlAllocateHeap(process_heap(), 0, total * sizeof(WCHAR));
	if (!buf)
		return E_OUTOFMEMORY;
	memcpy(buf, a, a_root * sizeof(WCHAR));
	root = a_root;
	if (root == 2 && is_drive(a) && b) /* "C:" + "x" is "C:\x" */
		buf[root++] = '\\';
	len = put_elements(buf, root, root, a + a_root);
	if (b)
		len = put_elements(buf, len, root, b);
	if (!len)
		buf[len++] = '\\'; /* an empty result is the current root */
	buf[len] = 0;
	if ((hr = extended_form(buf, len, flags)) != S_OK) {
		RtlFreeHeap(process_heap(), 0, buf);
		return hr;
	}
	*out = buf;
	return S_OK;
}

__declspec(dllexport) HRESULT WINAPI PathAllocCanonicalize(const WCHAR *path, ULONG flags,
							    WCHAR **out)
{
	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!path)
		return E_INVALIDARG;
	return canonical(path, NULL, flags, out);
}

/* A "more" with a root of its own replaces the path ("\x" keeps only the
 * path's drive or share). */
__declspec(dllexport) HRESULT WINAPI PathAllocCombine(const WCHAR *path, const WCHAR *more,
						       ULONG flags, WCHAR **out)
{
	WCHAR root[3];

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!path && !more)
		return E_INVALIDARG;
	if (!path || !*path)
		return canonical(more, NULL, flags, out);
	if (!more || !*more)
		return canonical(path, NULL, flags, out);
	if (more[0] == '\\' && more[1] != '\\' && is_drive(path)) {
		wcsncpy(root, path, 2);
		root[2] = 0;
		return canonical(root, more + 1, flags, out);
	}
	return root_length(more) ? canonical(more, NULL, flags, out)
				 : canonical(path, more, flags, out);
}
