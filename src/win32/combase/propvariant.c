/*
 * PROPVARIANT: PropVariantClear, PropVariantCopy, FreePropVariantArray.
 * Which forms each type may take (by value, VT_ARRAY, VT_VECTOR,
 * VT_BYREF) is one table, as Windows accepts them (Wine's propvariant
 * test, checked on Windows, lists them).  An invalid type: Copy fails with
 * DISP_E_BADVARTYPE and leaves the destination alone, Clear fails with
 * STG_E_INVALIDPARAMETER and zeroes the PROPVARIANT all the same.
 * BSTRs and SAFEARRAYs belong to oleaut32, which is loaded only when a
 * PROPVARIANT holds one (as Windows' combase does).
 */
#include "combase_private.h"

typedef void WINAPI bstr_free_fn(BSTR);
typedef BSTR WINAPI bstr_copy_fn(const OLECHAR *);
typedef HRESULT WINAPI array_fn(SAFEARRAY *);
typedef HRESULT WINAPI array_copy_fn(SAFEARRAY *, SAFEARRAY **);

static FARPROC oleaut(const char *name)
{
	HMODULE m = LoadLibraryW(L"oleaut32.dll");

	return m ? GetProcAddress(m, name) : NULL;
}

enum { BYVAL = 1, ARRAY = 2, VECTOR = 4, BYREF = 8 };
#define ALL (BYVAL | ARRAY | VECTOR | BYREF)

static const BYTE forms[VT_CLSID + 1] = {
	[VT_EMPTY] = BYVAL, [VT_NULL] = BYVAL,
	[VT_I2] = ALL, [VT_I4] = ALL, [VT_R4] = ALL, [VT_R8] = ALL, [VT_CY] = ALL, [VT_DATE] = ALL,
	[VT_BSTR] = ALL, [VT_DISPATCH] = BYVAL | ARRAY | BYREF, [VT_ERROR] = ALL, [VT_BOOL] = ALL,
	[VT_VARIANT] = ALL, [VT_UNKNOWN] = BYVAL | ARRAY | BYREF, [VT_DECIMAL] = BYVAL | ARRAY | BYREF,
	[VT_I1] = ALL, [VT_UI1] = ALL, [VT_UI2] = ALL, [VT_UI4] = ALL, [VT_I8] = ALL, [VT_UI8] = ALL,
	[VT_INT] = BYVAL | ARRAY | BYREF, [VT_UINT] = BYVAL | ARRAY | BYREF,
	[VT_LPSTR] = BYVAL | VECTOR, [VT_LPWSTR] = BYVAL | VECTOR,
	[VT_RECORD] = BYVAL | ARRAY | BYREF,
	[VT_FILETIME] = BYVAL | VECTOR, [VT_BLOB] = BYVAL, [VT_STREAM] = BYVAL, [VT_STORAGE] = BYVAL,
	[VT_STREAMED_OBJECT] = BYVAL, [VT_STORED_OBJECT] = BYVAL, [VT_BLOB_OBJECT] = BYVAL,
	[VT_CF] = BYVAL | VECTOR, [VT_CLSID] = BYVAL | VECTOR,
};

static BOOL valid_type(VARTYPE vt)
{
	VARTYPE base = vt & VT_TYPEMASK;
	VARTYPE mods = vt & ~VT_TYPEMASK;
	BYTE form = mods == 0 ? BYVAL : mods == VT_ARRAY ? ARRAY : mods == VT_VECTOR ? VECTOR
		  : mods == VT_BYREF ? BYREF : 0;

	return base <= VT_CLSID && (forms[base] & form);
}

/* The size of one element of a vector of base type t. */
static SIZE_T vector_element_size(VARTYPE t)
{
	switch (t) {
	case VT_I1: case VT_UI1: return 1;
	case VT_I2: case VT_UI2: case VT_BOOL: return 2;
	case VT_I4: case VT_UI4: case VT_R4: case VT_ERROR: return 4;
	case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: case VT_FILETIME: return 8;
	case VT_CLSID: return sizeof(CLSID);
	case VT_BSTR: case VT_LPSTR: case VT_LPWSTR: return sizeof(void *);
	case VT_VARIANT: return sizeof(PROPVARIANT);
	case VT_CF: return sizeof(CLIPDATA);
	}
	return 0;
}

/* A record held by value: the record and its IRecordInfo (the union's
 * first two pointers; mingw-w64's PROPVARIANT does not name them). */
struct record_value {
	void *record;
	IRecordInfo *info;
};

static struct record_value *record_of(PROPVARIANT *pv)
{
	return (struct record_value *)&pv->pszVal;
}

static void free_bstr(BSTR s)
{
	bstr_free_fn *bstr_free;

	if (s && (bstr_free = (bstr_free_fn *)oleaut("SysFreeString")))
		bstr_free(s);
}

static void free_clipdata(CLIPDATA *cd)
{
	if (cd)
		CoTaskMemFree(cd->pClipData);
}

/* Frees one element of a vector of base type t. */
static void clear_element(VARTYPE t, void *e)
{
	switch (t) {
	case VT_BSTR: free_bstr(*(BSTR *)e); break;
	case VT_LPSTR: case VT_LPWSTR: CoTaskMemFree(*(void **)e); break;
	case VT_VARIANT: PropVariantClear(e); break;
	case VT_CF: free_clipdata(e); break;
	}
}

/* Frees what a valid PROPVARIANT owns. */
static void clear_owned(PROPVARIANT *pv)
{
	array_fn *destroy;

	if (pv->vt & VT_BYREF)
		return;
	if (pv->vt & VT_VECTOR) {
		VARTYPE t = pv->vt & VT_TYPEMASK;
		SIZE_T size = vector_element_size(t);

		for (ULONG i = 0; pv->cac.pElems && i < pv->cac.cElems; i++)
			clear_element(t, pv->cac.pElems + i * size);
		CoTaskMemFree(pv->cac.pElems);
		return;
	}
	if (pv->vt & VT_ARRAY) {
		if (pv->parray && (destroy = (array_fn *)oleaut("SafeArrayDestroy")))
			destroy(pv->parray);
		return;
	}
	switch (pv->vt) {
	case VT_BSTR: free_bstr(pv->bstrVal); break;
	case VT_LPSTR: case VT_LPWSTR: case VT_CLSID: CoTaskMemFree(pv->pszVal); break;
	case VT_BLOB: case VT_BLOB_OBJECT: CoTaskMemFree(pv->blob.pBlobData); break;
	case VT_CF:
		free_clipdata(pv->pclipdata);
		CoTaskMemFree(pv->pclipdata);
		break;
	case VT_UNKNOWN: case VT_DISPATCH: case VT_STREAM: case VT_STREAMED_OBJECT:
	case VT_STORAGE: case VT_STORED_OBJECT:
		if (pv->punkVal)
			IUnknown_Release(pv->punkVal);
		break;
	case VT_RECORD:
		if (record_of(pv)->info) {
			if (record_of(pv)->record)
				IRecordInfo_RecordDestroy(record_of(pv)->info, record_of(pv)->record);
			IRecordInfo_Release(record_of(pv)->info);
		}
		break;
	}
}

HRESULT WINAPI PropVariantClear(PROPVARIANT *pv)
{
	HRESULT hr = S_OK;

	if (!pv)
		return S_OK;
	if (valid_type(pv->vt))
		clear_owned(pv);
	else
		hr = STG_E_INVALIDPARAMETER;
	memset(pv, 0, sizeof(*pv));
	return hr;
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
	*dst = CoTaskMemAlloc(size ? size : 1);
	if (!*dst)
		return E_OUTOFMEMORY;
	memcpy(*dst, src, size);
	return S_OK;
}

/* A BSTR is copied up to its first NUL, as Windows copies it. */
static HRESULT copy_bstr(BSTR *dst, BSTR src)
{
	bstr_copy_fn *bstr_copy;

	if (!src) {
		*dst = NULL;
		return S_OK;
	}
	bstr_copy = (bstr_copy_fn *)oleaut("SysAllocString");
	*dst = bstr_copy ? bstr_copy(src) : NULL;
	return *dst ? S_OK : E_OUTOFMEMORY;
}

static HRESULT copy_string(void **dst, const void *src, BOOL wide)
{
	SIZE_T len = !src ? 0 : wide ? (lstrlenW(src) + 1) * sizeof(WCHAR) : lstrlenA(src) + 1;

	return copy_bytes(dst, src, len);
}

static HRESULT copy_clipdata(CLIPDATA *dst, const CLIPDATA *src)
{
	*dst = *src;
	/* cbSize counts ulClipFmt's 4 bytes before the data */
	return copy_bytes((void **)&dst->pClipData, src->pClipData, src->cbSize >= 4 ? src->cbSize - 4 : 0);
}

/* Copies one element of a vector of base type t (dst already holds
 * src's bytes). */
static HRESULT copy_element(VARTYPE t, void *dst, const void *src)
{
	switch (t) {
	case VT_BSTR: return copy_bstr(dst, *(BSTR *)src);
	case VT_LPSTR: return copy_string(dst, *(void **)src, FALSE);
	case VT_LPWSTR: return copy_string(dst, *(void **)src, TRUE);
	case VT_VARIANT: return PropVariantCopy(dst, src);
	case VT_CF: return copy_clipdata(dst, src);
	}
	return S_OK;
}

static HRESULT copy_vector(PROPVARIANT *dst, const PROPVARIANT *src)
{
	VARTYPE t = src->vt & VT_TYPEMASK;
	SIZE_T size = vector_element_size(t);
	HRESULT hr;
	ULONG i;

	if (!src->cac.pElems || !src->cac.cElems)
		return S_OK;
	hr = copy_bytes((void **)&dst->cac.pElems, src->cac.pElems, size * src->cac.cElems);
	for (i = 0; SUCCEEDED(hr) && i < src->cac.cElems; i++)
		hr = copy_element(t, dst->cac.pElems + i * size, src->cac.pElems + i * size);
	if (FAILED(hr) && dst->cac.pElems) {
		while (i-- > 1)
			clear_element(t, dst->cac.pElems + (i - 1) * size);
		CoTaskMemFree(dst->cac.pElems);
	}
	return hr;
}

static HRESULT copy_owned(PROPVARIANT *dst, const PROPVARIANT *src)
{
	array_copy_fn *acopy;

	if (src->vt & VT_BYREF)
		return S_OK;
	if (src->vt & VT_VECTOR)
		return copy_vector(dst, src);
	if (src->vt & VT_ARRAY) {
		if (!src->parray)
			return S_OK;
		acopy = (array_copy_fn *)oleaut("SafeArrayCopy");
		return acopy ? acopy(src->parray, &dst->parray) : E_FAIL;
	}
	switch (src->vt) {
	case VT_BSTR: return copy_bstr(&dst->bstrVal, src->bstrVal);
	case VT_LPSTR: return copy_string((void **)&dst->pszVal, src->pszVal, FALSE);
	case VT_LPWSTR: return copy_string((void **)&dst->pwszVal, src->pwszVal, TRUE);
	case VT_CLSID: return copy_bytes((void **)&dst->puuid, src->puuid, sizeof(CLSID));
	case VT_BLOB: case VT_BLOB_OBJECT:
		return copy_bytes((void **)&dst->blob.pBlobData, src->blob.pBlobData, src->blob.cbSize);
	case VT_CF:
		if (!src->pclipdata)
			return S_OK;
		if (!(dst->pclipdata = CoTaskMemAlloc(sizeof(CLIPDATA))))
			return E_OUTOFMEMORY;
		return copy_clipdata(dst->pclipdata, src->pclipdata);
	case VT_UNKNOWN: case VT_DISPATCH: case VT_STREAM: case VT_STREAMED_OBJECT:
	case VT_STORAGE: case VT_STORED_OBJECT:
		if (dst->punkVal)
			IUnknown_AddRef(dst->punkVal);
		return S_OK;
	case VT_RECORD:
		if (!record_of(dst)->info)
			return S_OK;
		IRecordInfo_AddRef(record_of(dst)->info);
		return record_of(dst)->record
			       ? IRecordInfo_RecordCreateCopy(record_of(dst)->info, record_of(dst)->record,
							      &record_of(dst)->record)
			       : S_OK;
	}
	return S_OK;
}

HRESULT WINAPI PropVariantCopy(PROPVARIANT *dst, const PROPVARIANT *src)
{
	PROPVARIANT tmp;
	HRESULT hr;

	if (!dst || !src)
		return E_INVALIDARG;
	if (!valid_type(src->vt))
		return DISP_E_BADVARTYPE;
	memcpy(&tmp, src, sizeof(tmp));
	if (FAILED(hr = copy_owned(&tmp, src)))
		return hr;
	memcpy(dst, &tmp, sizeof(tmp));
	return S_OK;
}
