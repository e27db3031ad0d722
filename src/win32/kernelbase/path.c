/*
 * PathAllocCanonicalize, PathAllocCombine and the PathCch functions that
 * write a canonical path into the caller's buffer (PathCchCanonicalize,
 * PathCchCombine, PathCchAppend and their Ex forms).  The Alloc results
 * are freed with LocalFree (kernel32's LocalAlloc is the process heap).
 */
#include "pathcch_private.h"

static void free_path(WCHAR *p)
{
	RtlFreeHeap(pathcch_heap(), 0, p);
}

/* a and b in one new string, separated by one '\'. */
static WCHAR *join(const WCHAR *a, size_t a_len, const WCHAR *b)
{
	size_t b_len = wcslen(b);
	WCHAR *s = RtlAllocateHeap(pathcch_heap(), 0, (a_len + b_len + 2) * sizeof(WCHAR));

	if (!s)
		return NULL;
	memcpy(s, a, a_len * sizeof(WCHAR));
	if (a_len && s[a_len - 1] != '\\' && b[0] != '\\')
		s[a_len++] = '\\';
	memcpy(s + a_len, b, (b_len + 1) * sizeof(WCHAR));
	return s;
}

/* A "b" with a root of its own ("C:", "\\server", "\\?\...") replaces a;
 * one that starts with a single '\' keeps only a's root. */
HRESULT pathcch_combine(const WCHAR *a, const WCHAR *b, ULONG flags, WCHAR **out, size_t *len)
{
	size_t keep;
	int root;
	WCHAR *joined;
	HRESULT hr;

	if (!a || !*a)
		return pathcch_canonical(b ? b : L"", flags, out, len);
	if (!b || !*b)
		return pathcch_canonical(a, flags, out, len);
	if ((b[0] == '\\' && b[1] == '\\') || (b[0] && b[1] == ':'))
		hr = pathcch_canonical(b, flags, out, len);
	else {
		keep = wcslen(a);
		if (b[0] == '\\' && (root = pathcch_root_length(a)) >= 0)
			for (keep = root; keep && a[keep - 1] == '\\';)
				keep--;
		if (!(joined = join(a, keep, b)))
			return E_OUTOFMEMORY;
		hr = pathcch_canonical(joined, flags, out, len);
		free_path(joined);
	}
	if (hr == S_OK && *len == 2 && (*out)[1] == ':') { /* a drive alone means its root */
		(*out)[(*len)++] = '\\';
		(*out)[*len] = 0;
	}
	return hr;
}

__declspec(dllexport) HRESULT WINAPI PathAllocCanonicalize(const WCHAR *path, ULONG flags,
							    WCHAR **out)
{
	size_t len;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!path)
		return E_INVALIDARG;
	return pathcch_canonical(path, flags, out, &len);
}

__declspec(dllexport) HRESULT WINAPI PathAllocCombine(const WCHAR *path, const WCHAR *more,
						       ULONG flags, WCHAR **out)
{
	size_t len;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!path && !more)
		return E_INVALIDARG;
	return pathcch_combine(path, more, flags, out, &len);
}

/* Copies a built path into the caller's buffer, or empties it. */
static HRESULT deliver(WCHAR *buf, SIZE_T size, WCHAR *path, size_t len, HRESULT hr)
{
	if (hr == S_OK && len + 1 > size)
		hr = len >= MAX_PATH ? E_FILENAME_EXCED_RANGE : STRSAFE_E_INSUFFICIENT_BUFFER;
	if (hr == S_OK)
		memcpy(buf, path, (len + 1) * sizeof(WCHAR));
	else
		buf[0] = 0;
	if (path)
		free_path(path);
	return hr;
}

/* "C:" alone gets its separator when the buffer has room for it. */
__declspec(dllexport) HRESULT WINAPI PathCchCanonicalizeEx(WCHAR *out, SIZE_T size,
							    const WCHAR *in, ULONG flags)
{
	WCHAR *path = NULL;
	size_t len = 0;
	HRESULT hr;

	if (!out || !size || size > PATHCCH_MAX_CCH || !in)
		return E_INVALIDARG;
	if (!(flags & PATHCCH_ALLOW_LONG_PATHS) && wcslen(in) > MAX_PATH - 4 &&
	    pathcch_root_length(in) < 0)
		hr = E_FILENAME_EXCED_RANGE;
	else
		hr = pathcch_canonical(in, flags, &path, &len);
	if (hr == S_OK && len == 2 && in[1] == ':' && !in[2] && size > 3) {
		path[len++] = '\\';
		path[len] = 0;
	}
	return deliver(out, size, path, len, hr);
}

__declspec(dllexport) HRESULT WINAPI PathCchCanonicalize(WCHAR *out, SIZE_T size, const WCHAR *in)
{
	return PathCchCanonicalizeEx(out, size, in, 0);
}

__declspec(dllexport) HRESULT WINAPI PathCchCombineEx(WCHAR *out, SIZE_T size, const WCHAR *a,
						       const WCHAR *b, ULONG flags)
{
	WCHAR *path = NULL;
	size_t len = 0;
	HRESULT hr;

	if (!out || !size || size > PATHCCH_MAX_CCH)
		return E_INVALIDARG;
	hr = a || b ? pathcch_combine(a, b, flags, &path, &len) : E_INVALIDARG;
	return deliver(out, size, path, len, hr);
}

__declspec(dllexport) HRESULT WINAPI PathCchCombine(WCHAR *out, SIZE_T size, const WCHAR *a,
						     const WCHAR *b)
{
	return PathCchCombineEx(out, size, a, b, 0);
}

/* Unlike PathCchCombine, a "more" starting with one '\' is relative. */
__declspec(dllexport) HRESULT WINAPI PathCchAppendEx(WCHAR *path, SIZE_T size, const WCHAR *more,
						      ULONG flags)
{
	if (!path || !size || size > PATHCCH_MAX_CCH)
		return E_INVALIDARG;
	if (more && more[0] == '\\' && more[1] != '\\')
		more++;
	return PathCchCombineEx(path, size, path, more, flags);
}

__declspec(dllexport) HRESULT WINAPI PathCchAppend(WCHAR *path, SIZE_T size, const WCHAR *more)
{
	return PathCchAppendEx(path, size, more, 0);
}
