/* CoTaskMemAlloc/Free, SysAllocStringLen and VARIANT conversion, for the few shlwapi calls
 * that hand out or take back COM memory (Stat's name, SHStrDup, StrRet*).
 * They live in combase and oleaut32, loaded on first use so that a
 * program importing shlwapi does not load them at start. */
#include "shlwapi_private.h"

FARPROC sh_com_proc(const WCHAR *dll, const char *name)
{
	HMODULE module = LoadLibraryW(dll);

	return module ? GetProcAddress(module, name) : NULL;
}

void *sh_task_alloc(SIZE_T size)
{
	static void *(WINAPI *alloc)(SIZE_T);

	if (!alloc && !(alloc = (void *)sh_com_proc(L"combase.dll", "CoTaskMemAlloc")))
		return NULL;
	return alloc(size);
}

void sh_task_free(void *p)
{
	static void (WINAPI *free_fn)(void *);

	if (p && (free_fn || (free_fn = (void *)sh_com_proc(L"combase.dll", "CoTaskMemFree"))))
		free_fn(p);
}

BSTR sh_bstr(const WCHAR *s, UINT len)
{
	static BSTR (WINAPI *alloc)(const WCHAR *, UINT);

	if (!alloc && !(alloc = (void *)sh_com_proc(L"oleaut32.dll", "SysAllocStringLen")))
		return NULL;
	return alloc(s, len);
}

WCHAR *sh_task_wcsdup(const WCHAR *s)
{
	size_t len = (wcslen(s) + 1) * sizeof(WCHAR);
	WCHAR *copy = sh_task_alloc(len);

	if (copy)
		memcpy(copy, s, len);
	return copy;
}

HRESULT sh_variant_change_type(VARIANT *dst, VARIANT *src, USHORT flags, VARTYPE vt)
{
	static HRESULT (WINAPI *change)(VARIANT *, VARIANT *, USHORT, VARTYPE);

	if (!change && !(change = (void *)sh_com_proc(L"oleaut32.dll", "VariantChangeType")))
		return E_NOTIMPL;
	return change(dst, src, flags, vt);
}

void sh_variant_clear(VARIANT *v)
{
	static HRESULT (WINAPI *clear)(VARIANT *);

	if (clear || (clear = (void *)sh_com_proc(L"oleaut32.dll", "VariantClear")))
		clear(v);
}
