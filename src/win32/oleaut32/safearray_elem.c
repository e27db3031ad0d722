/*
 * SAFEARRAY elements and copies: SafeArrayGetElement/PutElement copy in
 * and out as documented (a BSTR is duplicated, a VARIANT copied, a
 * reference added), SafeArrayCopy/CopyData duplicate an array, and
 * SafeArrayRedim changes the right-most bound (rgsabound[0]).
 */
#include "oleaut_private.h"

/* Copies one element of the array's kind from src to dst (empty). */
static HRESULT copy_element(SAFEARRAY *psa, void *dst, const void *src)
{
	if (psa->fFeatures & FADF_RECORD) {
		IRecordInfo *info = *safearray_record_slot(psa);

		return info ? IRecordInfo_RecordCopy(info, (void *)src, dst) : E_INVALIDARG;
	}
	if (psa->fFeatures & FADF_BSTR) {
		BSTR s = *(const BSTR *)src;

		*(BSTR *)dst = s ? SysAllocStringByteLen((LPCSTR)s, SysStringByteLen(s)) : NULL;
		return !s || *(BSTR *)dst ? S_OK : E_OUTOFMEMORY;
	}
	if (psa->fFeatures & FADF_VARIANT) {
		VariantInit(dst);
		return VariantCopy(dst, (VARIANT *)src);
	}
	memcpy(dst, src, psa->cbElements);
	if ((psa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) && *(IUnknown **)dst)
		IUnknown_AddRef(*(IUnknown **)dst);
	return S_OK;
}

void safearray_clear_element(SAFEARRAY *psa, void *e)
{
	if (psa->fFeatures & FADF_RECORD) {
		IRecordInfo *info = *safearray_record_slot(psa);

		if (info)
			IRecordInfo_RecordClear(info, e);
	} else if (psa->fFeatures & FADF_BSTR)
		SysFreeString(*(BSTR *)e);
	else if (psa->fFeatures & FADF_VARIANT)
		VariantClear(e);
	else if ((psa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) && *(IUnknown **)e)
		IUnknown_Release(*(IUnknown **)e);
}

HRESULT WINAPI SafeArrayGetElement(SAFEARRAY *psa, LONG *indices, void *out)
{
	void *e;
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	hr = SafeArrayPtrOfIndex(psa, indices, &e);
	if (FAILED(hr))
		return hr;
	SafeArrayLock(psa);
	hr = copy_element(psa, out, e);
	SafeArrayUnlock(psa);
	return hr;
}

/* The value replaces the element (whose old content is released); a
 * BSTR or interface element is passed as the pointer itself. */
HRESULT WINAPI SafeArrayPutElement(SAFEARRAY *psa, LONG *indices, void *value)
{
	BYTE tmp[sizeof(VARIANT)];
	void *e;
	HRESULT hr;

	hr = SafeArrayPtrOfIndex(psa, indices, &e);
	if (FAILED(hr))
		return hr;
	if (psa->fFeatures & FADF_RECORD) {
		/* a record may be larger than tmp: the record info copies it in place */
		if (!value)
			return E_INVALIDARG;
		SafeArrayLock(psa);
		hr = copy_element(psa, e, value);
		SafeArrayUnlock(psa);
		return hr;
	}
	if (psa->fFeatures & (FADF_BSTR | FADF_UNKNOWN | FADF_DISPATCH))
		hr = copy_element(psa, tmp, &value);
	else if (!value)
		return E_INVALIDARG;
	else
		hr = copy_element(psa, tmp, value);
	if (FAILED(hr))
		return hr;
	SafeArrayLock(psa);
	safearray_clear_element(psa, e);
	memcpy(e, tmp, psa->cbElements);
	SafeArrayUnlock(psa);
	return S_OK;
}

HRESULT WINAPI SafeArrayCopyData(SAFEARRAY *src, SAFEARRAY *dst)
{
	ULONG n = 1;
	HRESULT hr = S_OK;

	if (!src || !dst || src->cDims != dst->cDims || src->cbElements != dst->cbElements)
		return E_INVALIDARG;
	for (USHORT i = 0; i < src->cDims; i++) {
		if (src->rgsabound[i].cElements != dst->rgsabound[i].cElements)
			return E_INVALIDARG;
		n *= src->rgsabound[i].cElements;
	}
	for (ULONG i = 0; i < n && SUCCEEDED(hr); i++) {
		void *d = (BYTE *)dst->pvData + (SIZE_T)i * dst->cbElements;

		/* a record is copied over (RecordCopy replaces it), not cleared first */
		if (!(dst->fFeatures & FADF_RECORD))
			safearray_clear_element(dst, d);
		hr = copy_element(src, d, (BYTE *)src->pvData + (SIZE_T)i * src->cbElements);
	}
	return hr;
}

HRESULT WINAPI SafeArrayCopy(SAFEARRAY *src, SAFEARRAY **out)
{
	SIZE_T bytes = sizeof(SAFEARRAY) + (src ? src->cDims - 1 : 0) * sizeof(SAFEARRAYBOUND);
	SAFEARRAY *dst;
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!src)
		return S_OK;
	if (!src->cbElements)
		return E_INVALIDARG;
	hr = SafeArrayAllocDescriptor(src->cDims, &dst);
	if (FAILED(hr))
		return hr;
	/* the type or IID in front, which only an allocated descriptor has */
	if (src->fFeatures & (FADF_HAVEVARTYPE | FADF_HAVEIID | FADF_RECORD))
		memcpy((BYTE *)dst - 16, (BYTE *)src - 16, 16);
	if ((src->fFeatures & FADF_RECORD) && *safearray_record_slot(dst))
		IRecordInfo_AddRef(*safearray_record_slot(dst));
	memcpy(dst, src, bytes);
	dst->fFeatures &= ~(FADF_AUTO | FADF_STATIC | FADF_EMBEDDED | FADF_FIXEDSIZE | FADF_CREATEVECTOR);
	dst->cLocks = 0;
	dst->pvData = NULL;
	if (src->pvData && (FAILED(hr = SafeArrayAllocData(dst)) ||
			    FAILED(hr = SafeArrayCopyData(src, dst)))) {
		SafeArrayDestroy(dst);
		return hr;
	}
	*out = dst;
	return S_OK;
}

/* Only rgsabound[0], the right-most bound, may change (documented). */
HRESULT WINAPI SafeArrayRedim(SAFEARRAY *psa, SAFEARRAYBOUND *b)
{
	ULONG rest = 1, old_n, new_n;
	BYTE *data;

	if (!psa || !b)
		return E_INVALIDARG;
	if (psa->cLocks || (psa->fFeatures & FADF_FIXEDSIZE))
		return DISP_E_ARRAYISLOCKED;
	for (USHORT i = 1; i < psa->cDims; i++)
		rest *= psa->rgsabound[i].cElements;
	old_n = psa->rgsabound[0].cElements * rest;
	new_n = b->cElements * rest;
	for (ULONG i = new_n; i < old_n; i++)
		safearray_clear_element(psa, (BYTE *)psa->pvData + (SIZE_T)i * psa->cbElements);
	data = CoTaskMemRealloc(psa->pvData, (SIZE_T)(new_n ? new_n : 1) * psa->cbElements);
	if (!data)
		return E_OUTOFMEMORY;
	if (new_n > old_n)
		memset(data + (SIZE_T)old_n * psa->cbElements, 0, (SIZE_T)(new_n - old_n) * psa->cbElements);
	psa->pvData = data;
	psa->rgsabound[0] = *b;
	return S_OK;
}
