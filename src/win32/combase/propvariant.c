/*
 * PROPVARIANT: PropVariantClear, PropVariantCopy, FreePropVariantArray.
 * BSTRs and SAFEARRAYs belong to oleaut32, which is loaded only when a
 * PROPVARIANT holds one (as Windows' combase does).
 */
#include "combase_private.h"

typedef void WINAPI bstr_free_fn(BSTR);
typedef BSTR WINAPI bstr_copy_fn(const OLECHAR *, UINT);
typedef HRESULT WINAPI array_fn(SAFEARRAY *);
typedef HRESULT WINAPI array_copy_fn(SAFEARRAY *, SAFEARRAY **);

static FARPROC oleaut(const char *name)
{
	HMODULE m = LoadLibraryW(L"oleaut32.dll");

	return m ? GetProcAddress(m, name) : NULL;
}

/* The kinds of value a PROPVARIANT holds in place (nothing to free). */
static BOOL is_plain(VARTYPE vt)
{
	switch (vt) {
	case VT_EMPTY: case VT_NULL: case VT_I1: case VT_UI1: case VT_I2: case VT_UI2:
	case VT_BOOL: case VT_I4: case VT_UI4: case VT_R4: case VT_INT: case VT_UINT:
	case VT_ERROR: case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE:
	case VT_FILETIME: case VT_DECIMAL:
		return TRUE;
	}
	return FALSE;
}

static HRESULT clear_owned(PROPVARIANT *pv)
{
	bstr_free_fn *bstr_free;
	array_fn *destroy;

	switch (pv->vt) {
	case VT_BSTR:
		if (pv->bstrVal && (bstr_free = (bstr_free_fn *)oleaut("SysFreeString")))
			bstr_free(pv->bstrVal);
		return S_OK;
	case VT_LPSTR: case VT_LPWSTR: case VT_CLSID:
		CoTaskMemFree(pv->pszVal);
		return S_OK;
	case VT_BLOB: case VT_BLOB_OBJECT:
		CoTaskMemFree(pv->blob.pBlobData);
		return S_OK;
	case VT_UNKNOWN: case VT_DISPATCH: case VT_STREAM: case VT_STREAMED_OBJECT:
	case VT_STORAGE: case VT_STORED_OBJECT:
		if (pv->punkVal)
			IUnknown_Release(pv->punkVal);
		return S_OK;
	}
	if ((pv->vt & VT_ARRAY) && pv->parray) {
		destroy = (array_fn *)oleaut("SafeArrayDestroy");
		return destroy ? destroy(pv->parray) : E_FAIL;
	}
	return STG_E_INVALIDPARAMETER;
}

/* Vectors of plain values and of strings; others are not supported. */
static HRESULT clear_vector(PROPVARIANT *pv)
{
	VARTYPE elem = pv->vt & ~VT_VECTOR;

	if (elem == VT_LPSTR || elem == VT_LPWSTR) {
		for (ULONG i = 0; i < pv->calpstr.cElems; i++)
			CoTaskMemFree(pv->calpstr.pElems[i]);
	} else if (elem == VT_BSTR) {
		bstr_free_fn *bstr_free = (bstr_free_fn *)oleaut("SysFreeString");

		for (ULONG i = 0; bstr_free && i < pv->cabstr.cElems; i++)
			bstr_free(pv->cabstr.pElems[i]);
	} else if (!is_plain(elem) && elem != VT_CLSID) {
		return STG_E_INVALIDPARAMETER;
	}
	CoTaskMemFree(pv->cac.pElems);
	return S_OK;
}

/* Frees what the PROPVARIANT owns and zeroes it; an unknown type is
 * STG_E_INVALIDPARAMETER and the PROPVARIANT is left as it was. */
HRESULT WINAPI PropVariantClear(PROPVARIANT *pv)
{
	HRESULT hr = S_OK;

	if (!pv)
		return S_OK;
	if (pv->vt & VT_BYREF)
		;
	else if (pv->vt & VT_VECTOR)
		hr = clear_vector(pv);
	else if (!is_plain(pv->vt))
		hr = clear_owned(pv);
	if (FAILED(hr))
		return hr;
	memset(pv, 0, sizeof(*pv));
	return S_OK;
}

HRESULT WINAPI FreePropVariantArray(ULONG count, PROPVARIANT *pv)
{
	if (!pv)
		return E_INVALIDARG;
	for (ULONG i = 0; i < count; i++)
		PropVariantClear(&pv[i]);
	return S_OK;
}

static HRESULT copy_bytes(void **dst, const void *src, SIZE_T size)
{
	if (!src) {
		*dst = NULL;
		return S_OK;
	}
	*dst = CoTaskMemAlloc(size);
	if (!*dst)
		return E_OUTOFMEMORY;
	memcpy(*dst, src, size);
	return S_OK;
}

static HRESULT copy_owned(PROPVARIANT *dst, const PROPVARIANT *src)
{
	bstr_copy_fn *bstr_copy;
	array_copy_fn *acopy;

	switch (src->vt) {
	case VT_BSTR:
		if (!src->bstrVal)
			return S_OK;
		bstr_copy = (bstr_copy_fn *)oleaut("SysAllocStringLen");
		dst->bstrVal = bstr_copy ? bstr_copy(src->bstrVal, ((const UINT *)src->bstrVal)[-1] / 2) : NULL;
		return dst->bstrVal ? S_OK : E_OUTOFMEMORY;
	case VT_LPSTR:
		return copy_bytes((void **)&dst->pszVal, src->pszVal, src->pszVal ? lstrlenA(src->pszVal) + 1 : 0);
	case VT_LPWSTR:
		return copy_bytes((void **)&dst->pwszVal, src->pwszVal,
				  src->pwszVal ? (lstrlenW(src->pwszVal) + 1) * sizeof(WCHAR) : 0);
	case VT_CLSID:
		return copy_bytes((void **)&dst->puuid, src->puuid, sizeof(CLSID));
	case VT_BLOB: case VT_BLOB_OBJECT:
		return copy_bytes((void **)&dst->blob.pBlobData, src->blob.pBlobData, src->blob.cbSize);
	case VT_UNKNOWN: case VT_DISPATCH: case VT_STREAM: case VT_STREAMED_OBJECT:
	case VT_STORAGE: case VT_STORED_OBJECT:
		if (dst->punkVal)
			IUnknown_AddRef(dst->punkVal);
		return S_OK;
	}
	if ((src->vt & VT_ARRAY) && src->parray) {
		acopy = (array_copy_fn *)oleaut("SafeArrayCopy");
		return acopy ? acopy(src->parray, &dst->parray) : E_FAIL;
	}
	return is_plain(src->vt) || (src->vt & VT_BYREF) ? S_OK : STG_E_INVALIDPARAMETER;
}

/* Vectors are copied for the plain types only. */
HRESULT WINAPI PropVariantCopy(PROPVARIANT *dst, const PROPVARIANT *src)
{
	HRESULT hr;

	if (!dst || !src)
		return E_INVALIDARG;
	memcpy(dst, src, sizeof(*dst));
	if (src->vt & VT_VECTOR) {
		SIZE_T elem = 0;
		VARTYPE t = src->vt & ~VT_VECTOR;

		if (t == VT_I1 || t == VT_UI1) elem = 1;
		else if (t == VT_I2 || t == VT_UI2 || t == VT_BOOL) elem = 2;
		else if (t == VT_I4 || t == VT_UI4 || t == VT_R4 || t == VT_ERROR) elem = 4;
		else if (t == VT_I8 || t == VT_UI8 || t == VT_R8 || t == VT_CY || t == VT_DATE || t == VT_FILETIME) elem = 8;
		else if (t == VT_CLSID) elem = sizeof(CLSID);
		hr = elem ? copy_bytes((void **)&dst->cac.pElems, src->cac.pElems, elem * src->cac.cElems)
			  : STG_E_INVALIDPARAMETER;
	} else {
		hr = copy_owned(dst, src);
	}
	if (FAILED(hr))
		memset(dst, 0, sizeof(*dst));
	return hr;
}
