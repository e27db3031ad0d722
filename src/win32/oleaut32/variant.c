/*
 * VARIANTs: VariantInit, VariantClear, VariantCopy, VariantCopyInd.  A
 * VARIANT owns its BSTR, its interface reference and its SAFEARRAY; one
 * with VT_BYREF owns nothing.  A type that is not a VARIANT type is
 * DISP_E_BADVARTYPE (documented).
 */
#include "oleaut_private.h"

void WINAPI VariantInit(VARIANTARG *v)
{
	V_VT(v) = VT_EMPTY;
}

/* The types a VARIANT may hold by value (VT_ARRAY and VT_BYREF aside). */
static BOOL valid_type(VARTYPE vt)
{
	switch (vt & VT_TYPEMASK) {
	case VT_EMPTY: case VT_NULL: case VT_I2: case VT_I4: case VT_R4: case VT_R8: case VT_CY:
	case VT_DATE: case VT_BSTR: case VT_DISPATCH: case VT_ERROR: case VT_BOOL: case VT_UNKNOWN:
	case VT_DECIMAL: case VT_I1: case VT_UI1: case VT_UI2: case VT_UI4: case VT_I8: case VT_UI8:
	case VT_INT: case VT_UINT: case VT_RECORD:
		return !(vt & ~(VT_TYPEMASK | VT_ARRAY | VT_BYREF));
	case VT_VARIANT:
		return (vt & (VT_BYREF | VT_ARRAY)) != 0;
	}
	return FALSE;
}

HRESULT WINAPI VariantClear(VARIANTARG *v)
{
	HRESULT hr = S_OK;

	if (!v)
		return E_INVALIDARG;
	if (!valid_type(V_VT(v)))
		return DISP_E_BADVARTYPE;
	if (!(V_VT(v) & VT_BYREF)) {
		if (V_VT(v) & VT_ARRAY)
			hr = SafeArrayDestroy(V_ARRAY(v));
		else if (V_VT(v) == VT_BSTR)
			SysFreeString(V_BSTR(v));
		else if ((V_VT(v) == VT_UNKNOWN || V_VT(v) == VT_DISPATCH) && V_UNKNOWN(v))
			IUnknown_Release(V_UNKNOWN(v));
		else if (V_VT(v) == VT_RECORD && V_RECORDINFO(v)) {
			IRecordInfo_RecordClear(V_RECORDINFO(v), V_RECORD(v));
			IRecordInfo_Release(V_RECORDINFO(v));
		}
	}
	if (SUCCEEDED(hr))
		V_VT(v) = VT_EMPTY;
	return hr;
}

/* dst gets its own copy of what src holds by value. */
static HRESULT copy_value(VARIANTARG *dst, const VARIANTARG *src)
{
	*dst = *src;
	if (V_VT(src) & (VT_BYREF))
		return S_OK;
	if (V_VT(src) & VT_ARRAY)
		return V_ARRAY(src) ? SafeArrayCopy(V_ARRAY(src), &V_ARRAY(dst)) : S_OK;
	switch (V_VT(src)) {
	case VT_BSTR:
		if (V_BSTR(src) &&
		    !(V_BSTR(dst) = SysAllocStringByteLen((LPCSTR)V_BSTR(src), SysStringByteLen(V_BSTR(src)))))
			return E_OUTOFMEMORY;
		return S_OK;
	case VT_UNKNOWN: case VT_DISPATCH:
		if (V_UNKNOWN(src))
			IUnknown_AddRef(V_UNKNOWN(src));
		return S_OK;
	case VT_RECORD:
		return E_NOTIMPL;
	}
	return S_OK;
}

HRESULT WINAPI VariantCopy(VARIANTARG *dst, VARIANTARG *src)
{
	VARIANTARG tmp;
	HRESULT hr;

	if (!dst || !src)
		return E_INVALIDARG;
	if (!valid_type(V_VT(src)))
		return DISP_E_BADVARTYPE;
	if (dst == src)
		return S_OK;
	hr = copy_value(&tmp, src);
	if (FAILED(hr))
		return hr;
	hr = VariantClear(dst);
	if (FAILED(hr)) {
		VariantClear(&tmp);
		return hr;
	}
	*dst = tmp;
	return S_OK;
}

/* The value a VT_BYREF variant points at, as a variant of its own. */
static HRESULT deref(VARIANTARG *out, const VARIANTARG *src)
{
	VARTYPE vt = V_VT(src) & ~VT_BYREF;

	if (!V_BYREF(src))
		return E_INVALIDARG;
	if (vt == VT_VARIANT)
		return copy_value(out, V_VARIANTREF(src));
	VariantInit(out);
	V_VT(out) = vt;
	if (vt & VT_ARRAY)
		V_ARRAY(out) = *V_ARRAYREF(src);
	else if (vt == VT_DECIMAL)
		V_DECIMAL(out) = *V_DECIMALREF(src);
	else if (vt_size(vt))
		memcpy(&V_UI1(out), V_BYREF(src), vt_size(vt));
	else
		return DISP_E_BADVARTYPE;
	if (vt == VT_DECIMAL)
		V_VT(out) = VT_DECIMAL;
	return copy_value(out, out);
}

HRESULT WINAPI VariantCopyInd(VARIANT *dst, VARIANTARG *src)
{
	VARIANTARG tmp;
	HRESULT hr;

	if (!dst || !src)
		return E_INVALIDARG;
	if (!valid_type(V_VT(src)))
		return DISP_E_BADVARTYPE;
	if (!(V_VT(src) & VT_BYREF))
		return VariantCopy(dst, src);
	hr = deref(&tmp, src);
	if (FAILED(hr))
		return hr;
	if (dst != src && FAILED(hr = VariantClear(dst))) {
		VariantClear(&tmp);
		return hr;
	}
	*dst = tmp;
	return S_OK;
}
