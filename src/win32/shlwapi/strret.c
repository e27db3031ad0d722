/* STRRET, the string a shell folder returns in one of three forms (a
 * COM-allocated wide string, which the reader frees; ANSI characters in
 * the structure; ANSI characters at an offset into the item's ID list),
 * read into a buffer, a COM string or a BSTR; and SHStrDup. */
#include "shlwapi_private.h"
#include <shlobj.h>

/* The ANSI text of a CSTR or OFFSET STRRET, or NULL. */
static const char *strret_ansi(const STRRET *st, LPCITEMIDLIST pidl)
{
	if (st->uType == STRRET_CSTR)
		return st->cStr;
	if (st->uType == STRRET_OFFSET && pidl)
		return (const char *)pidl + st->uOffset;
	return NULL;
}

/* The wide text of any STRRET as a COM string (the WSTR one is taken
 * over, so the caller's is consumed either way). */
static WCHAR *strret_wide_dup(STRRET *st, LPCITEMIDLIST pidl)
{
	const char *a;
	WCHAR *w;
	int n;

	if (st->uType == STRRET_WSTR) {
		w = st->pOleStr;
		st->pOleStr = NULL;
		return w;
	}
	if (!(a = strret_ansi(st, pidl)))
		return NULL;
	n = MultiByteToWideChar(CP_ACP, 0, a, -1, NULL, 0);
	if ((w = sh_task_alloc(n * sizeof(WCHAR))))
		MultiByteToWideChar(CP_ACP, 0, a, -1, w, n);
	return w;
}

/* A wide string that does not fit leaves the buffer empty and fails
 * with E_NOT_SUFFICIENT_BUFFER (Windows 7 and later); ANSI text is cut. */
HRESULT WINAPI StrRetToBufW(STRRET *st, LPCITEMIDLIST pidl, LPWSTR buf, UINT size)
{
	const char *a;
	HRESULT hr = S_OK;

	if (!st || !buf || !size)
		return E_FAIL;
	buf[0] = 0;
	if (st->uType == STRRET_WSTR) {
		if (!st->pOleStr)
			return E_FAIL;
		if ((UINT)lstrlenW(st->pOleStr) >= size)
			hr = E_NOT_SUFFICIENT_BUFFER;
		StrCpyNW(buf, st->pOleStr, size);
		if (FAILED(hr))
			buf[0] = 0;
		sh_task_free(st->pOleStr);
		st->pOleStr = NULL;
		return hr;
	}
	if (!(a = strret_ansi(st, pidl)))
		return E_FAIL;
	if (!MultiByteToWideChar(CP_ACP, 0, a, -1, buf, size)) {
		buf[size - 1] = 0; /* cut to fit */
		MultiByteToWideChar(CP_ACP, 0, a, (int)size - 1, buf, size - 1);
	}
	return S_OK;
}

HRESULT WINAPI StrRetToBufA(STRRET *st, LPCITEMIDLIST pidl, LPSTR buf, UINT size)
{
	const char *a;
	WCHAR *w;

	if (!st || !buf || !size)
		return E_FAIL;
	buf[0] = 0;
	if (st->uType == STRRET_WSTR) {
		if (!(w = st->pOleStr))
			return E_FAIL;
		if (!WideCharToMultiByte(CP_ACP, 0, w, -1, buf, size, NULL, NULL))
			buf[size - 1] = 0;
		sh_task_free(w);
		st->pOleStr = NULL;
		return S_OK;
	}
	if (!(a = strret_ansi(st, pidl)))
		return E_FAIL;
	lstrcpynA(buf, a, size);
	return (UINT)lstrlenA(a) >= size ? E_NOT_SUFFICIENT_BUFFER : S_OK;
}

HRESULT WINAPI StrRetToStrW(STRRET *st, LPCITEMIDLIST pidl, LPWSTR *out)
{
	if (!st || !out)
		return E_INVALIDARG;
	*out = strret_wide_dup(st, pidl);
	return *out ? S_OK : E_FAIL;
}

HRESULT WINAPI StrRetToStrA(STRRET *st, LPCITEMIDLIST pidl, LPSTR *out)
{
	WCHAR *w;
	int n;

	if (!st || !out)
		return E_INVALIDARG;
	*out = NULL;
	if (!(w = strret_wide_dup(st, pidl)))
		return E_FAIL;
	n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
	if ((*out = sh_task_alloc(n)))
		WideCharToMultiByte(CP_ACP, 0, w, -1, *out, n, NULL, NULL);
	sh_task_free(w);
	return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI StrRetToBSTR(STRRET *st, LPCITEMIDLIST pidl, BSTR *out)
{
	WCHAR *w;

	if (!st || !out)
		return E_INVALIDARG;
	*out = NULL;
	if (!(w = strret_wide_dup(st, pidl)))
		return E_FAIL;
	*out = sh_bstr(w, lstrlenW(w));
	sh_task_free(w);
	return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI SHStrDupW(LPCWSTR s, LPWSTR *out)
{
	if (!out)
		return E_INVALIDARG;
	if (!s) {
		*out = NULL;
		return E_INVALIDARG;
	}
	return (*out = sh_task_wcsdup(s)) ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI SHStrDupA(LPCSTR s, LPWSTR *out)
{
	int n;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!s)
		return E_INVALIDARG;
	n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
	if (!(*out = sh_task_alloc(n * sizeof(WCHAR))))
		return E_OUTOFMEMORY;
	MultiByteToWideChar(CP_ACP, 0, s, -1, *out, n);
	return S_OK;
}
