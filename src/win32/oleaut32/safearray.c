/*
 * SAFEARRAYs.  The descriptor is task memory with 16 bytes in front of it
 * for the element type (at -4, FADF_HAVEVARTYPE, read by
 * SafeArrayGetVartype) or an IID (at -16, FADF_HAVEIID).  rgsabound holds
 * the bounds in the reverse of the order SafeArrayCreate receives them:
 * dimension n of SafeArrayGetLBound/UBound (1-based, the first one given
 * to SafeArrayCreate being 1) is rgsabound[cDims - n], and SafeArrayRedim
 * changes rgsabound[0], the last dimension.  Element indices come in
 * SafeArrayCreate's order; the first index varies fastest in memory and
 * the last slowest, which is why the last bound alone can be changed in
 * place.
 */
#include "oleaut_private.h"

#define PREFIX 16
#define MAX_LOCKS 65535

/* The FADF_* flags SafeArrayAllocDescriptorEx gives: what the prefix
 * holds. */
static USHORT descriptor_features(VARTYPE vt)
{
	switch (vt) {
	case VT_UNKNOWN:
	case VT_DISPATCH: return FADF_HAVEIID;
	case VT_RECORD: return FADF_RECORD;
	}
	return FADF_HAVEVARTYPE;
}

/* The FADF_* flags SafeArrayCreate adds: what the elements own. */
static USHORT content_features(VARTYPE vt)
{
	switch (vt) {
	case VT_BSTR: return FADF_BSTR;
	case VT_UNKNOWN: return FADF_UNKNOWN;
	case VT_DISPATCH: return FADF_DISPATCH;
	case VT_VARIANT: return FADF_VARIANT;
	}
	return 0;
}

static SAFEARRAY *alloc_descriptor(UINT dims)
{
	BYTE *p;

	if (!dims || dims > 65535)
		return NULL;
	p = CoTaskMemAlloc(PREFIX + sizeof(SAFEARRAY) + (dims - 1) * sizeof(SAFEARRAYBOUND));
	if (!p)
		return NULL;
	memset(p, 0, PREFIX + sizeof(SAFEARRAY) + (dims - 1) * sizeof(SAFEARRAYBOUND));
	((SAFEARRAY *)(p + PREFIX))->cDims = (USHORT)dims;
	return (SAFEARRAY *)(p + PREFIX);
}

HRESULT WINAPI SafeArrayAllocDescriptor(UINT dims, SAFEARRAY **out)
{
	if (!out || !dims || dims > 65535)
		return E_INVALIDARG;
	*out = alloc_descriptor(dims);
	return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI SafeArrayAllocDescriptorEx(VARTYPE vt, UINT dims, SAFEARRAY **out)
{
	HRESULT hr;

	if (!out)
		return E_POINTER;
	if (FAILED(hr = SafeArrayAllocDescriptor(dims, out)))
		return hr;
	(*out)->fFeatures = descriptor_features(vt);
	(*out)->cbElements = vt_size(vt);
	if ((*out)->fFeatures & FADF_HAVEVARTYPE)
		((DWORD *)*out)[-1] = vt;
	else if (vt == VT_UNKNOWN)
		memcpy((BYTE *)*out - PREFIX, &IID_IUnknown, sizeof(IID));
	else if (vt == VT_DISPATCH)
		memcpy((BYTE *)*out - PREFIX, &IID_IDispatch, sizeof(IID));
	return S_OK;
}

static ULONG element_count(const SAFEARRAY *psa)
{
	ULONGLONG n = 1;

	for (USHORT i = 0; i < psa->cDims; i++)
		n *= psa->rgsabound[i].cElements;
	return n > 0xFFFFFFFFu ? 0xFFFFFFFFu : (ULONG)n;
}

HRESULT WINAPI SafeArrayAllocData(SAFEARRAY *psa)
{
	ULONGLONG bytes;

	if (!psa)
		return E_INVALIDARG;
	bytes = (ULONGLONG)element_count(psa) * psa->cbElements;
	if (bytes > 0x7FFFFFFF)
		return E_OUTOFMEMORY;
	psa->pvData = CoTaskMemAlloc(bytes ? (SIZE_T)bytes : 1);
	if (!psa->pvData)
		return E_OUTOFMEMORY;
	memset(psa->pvData, 0, (SIZE_T)bytes);
	return S_OK;
}

/* Gives a new descriptor its bounds and its data; NULL (the descriptor
 * freed) if the data cannot be allocated. */
static SAFEARRAY *finish_create(SAFEARRAY *psa, UINT dims, const SAFEARRAYBOUND *bounds)
{
	for (UINT i = 0; i < dims; i++)
		psa->rgsabound[dims - 1 - i] = bounds[i];
	if (FAILED(SafeArrayAllocData(psa))) {
		SafeArrayDestroyDescriptor(psa);
		return NULL;
	}
	return psa;
}

SAFEARRAY *WINAPI SafeArrayCreate(VARTYPE vt, UINT dims, SAFEARRAYBOUND *bounds)
{
	SAFEARRAY *psa;

	if (!bounds || !vt_size(vt) || vt == VT_RECORD)
		return NULL;
	if (FAILED(SafeArrayAllocDescriptorEx(vt, dims, &psa)))
		return NULL;
	psa->fFeatures |= content_features(vt);
	return finish_create(psa, dims, bounds);
}

SAFEARRAY *WINAPI SafeArrayCreateVector(VARTYPE vt, LONG lbound, ULONG count)
{
	SAFEARRAYBOUND b = { count, lbound };
	SAFEARRAY *psa = SafeArrayCreate(vt, 1, &b);

	if (psa)
		psa->fFeatures |= FADF_CREATEVECTOR;
	return psa;
}

/* extra: the IRecordInfo of VT_RECORD (required), or the IID of
 * VT_UNKNOWN/VT_DISPATCH (NULL: IUnknown's/IDispatch's). */
static SAFEARRAY *create_ex(VARTYPE vt, UINT dims, const SAFEARRAYBOUND *bounds, PVOID extra)
{
	SAFEARRAY *psa;

	if (vt != VT_RECORD) {
		psa = SafeArrayCreate(vt, dims, (SAFEARRAYBOUND *)bounds);
		if (psa && extra && (psa->fFeatures & FADF_HAVEIID))
			SafeArraySetIID(psa, extra);
		return psa;
	}
	if (!bounds || !extra || FAILED(SafeArrayAllocDescriptorEx(vt, dims, &psa)))
		return NULL;
	SafeArraySetRecordInfo(psa, extra);
	return finish_create(psa, dims, bounds);
}

SAFEARRAY *WINAPI SafeArrayCreateEx(VARTYPE vt, UINT dims, SAFEARRAYBOUND *bounds, PVOID extra)
{
	return create_ex(vt, dims, bounds, extra);
}

SAFEARRAY *WINAPI SafeArrayCreateVectorEx(VARTYPE vt, LONG lbound, ULONG count, PVOID extra)
{
	SAFEARRAYBOUND b = { count, lbound };

	return create_ex(vt, 1, &b, extra);
}

/* Releases what the elements own: BSTRs, references, VARIANTs, records. */
static void clear_elements(SAFEARRAY *psa)
{
	ULONG n = element_count(psa);

	for (ULONG i = 0; psa->pvData && i < n; i++)
		safearray_clear_element(psa, (BYTE *)psa->pvData + (SIZE_T)i * psa->cbElements);
}

HRESULT WINAPI SafeArrayDestroyData(SAFEARRAY *psa)
{
	if (!psa)
		return E_INVALIDARG;
	if (psa->cLocks)
		return DISP_E_ARRAYISLOCKED;
	clear_elements(psa);
	if (psa->fFeatures & (FADF_AUTO | FADF_STATIC | FADF_EMBEDDED)) {
		/* memory the caller owns: emptied, not freed */
		if (psa->pvData)
			memset(psa->pvData, 0, (SIZE_T)element_count(psa) * psa->cbElements);
		return S_OK;
	}
	CoTaskMemFree(psa->pvData);
	psa->pvData = NULL;
	psa->fFeatures &= ~FADF_CREATEVECTOR;
	return S_OK;
}

HRESULT WINAPI SafeArrayDestroyDescriptor(SAFEARRAY *psa)
{
	if (!psa)
		return E_INVALIDARG;
	if (psa->cLocks)
		return DISP_E_ARRAYISLOCKED;
	if ((psa->fFeatures & FADF_RECORD) && *safearray_record_slot(psa))
		IRecordInfo_Release(*safearray_record_slot(psa));
	if (!(psa->fFeatures & (FADF_AUTO | FADF_STATIC | FADF_EMBEDDED)))
		CoTaskMemFree((BYTE *)psa - PREFIX);
	return S_OK;
}

HRESULT WINAPI SafeArrayDestroy(SAFEARRAY *psa)
{
	HRESULT hr;

	if (!psa)
		return S_OK;
	if (psa->cLocks)
		return DISP_E_ARRAYISLOCKED;
	hr = SafeArrayDestroyData(psa);
	return FAILED(hr) ? hr : SafeArrayDestroyDescriptor(psa);
}

UINT WINAPI SafeArrayGetDim(SAFEARRAY *psa)
{
	return psa ? psa->cDims : 0;
}

UINT WINAPI SafeArrayGetElemsize(SAFEARRAY *psa)
{
	return psa ? psa->cbElements : 0;
}

static HRESULT bound(SAFEARRAY *psa, UINT dim, const SAFEARRAYBOUND **b)
{
	if (!psa)
		return E_INVALIDARG;
	if (!dim || dim > psa->cDims)
		return DISP_E_BADINDEX;
	*b = &psa->rgsabound[psa->cDims - dim];
	return S_OK;
}

HRESULT WINAPI SafeArrayGetLBound(SAFEARRAY *psa, UINT dim, LONG *out)
{
	const SAFEARRAYBOUND *b;
	HRESULT hr = out ? bound(psa, dim, &b) : E_INVALIDARG;

	if (SUCCEEDED(hr))
		*out = b->lLbound;
	return hr;
}

HRESULT WINAPI SafeArrayGetUBound(SAFEARRAY *psa, UINT dim, LONG *out)
{
	const SAFEARRAYBOUND *b;
	HRESULT hr = out ? bound(psa, dim, &b) : E_INVALIDARG;

	if (SUCCEEDED(hr))
		*out = b->lLbound + (LONG)b->cElements - 1;
	return hr;
}

HRESULT WINAPI SafeArrayGetVartype(SAFEARRAY *psa, VARTYPE *vt)
{
	if (!psa || !vt)
		return E_INVALIDARG;
	if (psa->fFeatures & FADF_HAVEVARTYPE)
		*vt = (VARTYPE)((DWORD *)psa)[-1];
	else if (psa->fFeatures & FADF_BSTR)
		*vt = VT_BSTR;
	else if (psa->fFeatures & FADF_UNKNOWN)
		*vt = VT_UNKNOWN;
	else if (psa->fFeatures & FADF_DISPATCH)
		*vt = VT_DISPATCH;
	else if (psa->fFeatures & FADF_VARIANT)
		*vt = VT_VARIANT;
	else if (psa->fFeatures & FADF_RECORD)
		*vt = VT_RECORD;
	else if (psa->fFeatures & FADF_HAVEIID) /* a descriptor not made by SafeArrayCreate */
		*vt = VT_UNKNOWN;
	else
		return E_INVALIDARG;
	return S_OK;
}

HRESULT WINAPI SafeArrayLock(SAFEARRAY *psa)
{
	if (!psa)
		return E_INVALIDARG;
	if (InterlockedIncrement((LONG *)&psa->cLocks) > MAX_LOCKS) {
		InterlockedDecrement((LONG *)&psa->cLocks);
		return E_UNEXPECTED;
	}
	return S_OK;
}

HRESULT WINAPI SafeArrayUnlock(SAFEARRAY *psa)
{
	if (!psa)
		return E_INVALIDARG;
	if (InterlockedDecrement((LONG *)&psa->cLocks) < 0) {
		InterlockedIncrement((LONG *)&psa->cLocks);
		return E_UNEXPECTED;
	}
	return S_OK;
}

HRESULT WINAPI SafeArrayAccessData(SAFEARRAY *psa, void **data)
{
	HRESULT hr;

	if (!psa || !data)
		return E_INVALIDARG;
	hr = SafeArrayLock(psa);
	*data = SUCCEEDED(hr) ? psa->pvData : NULL;
	return hr;
}

HRESULT WINAPI SafeArrayUnaccessData(SAFEARRAY *psa)
{
	return SafeArrayUnlock(psa);
}

HRESULT WINAPI SafeArrayPtrOfIndex(SAFEARRAY *psa, LONG *indices, void **out)
{
	ULONGLONG offset = 0, stride = 1;

	if (!psa || !indices || !out)
		return E_INVALIDARG;
	for (USHORT i = 0; i < psa->cDims; i++) {
		const SAFEARRAYBOUND *b = &psa->rgsabound[psa->cDims - 1 - i];
		LONGLONG k = (LONGLONG)indices[i] - b->lLbound;

		if (k < 0 || k >= b->cElements)
			return DISP_E_BADINDEX;
		offset += (ULONGLONG)k * stride;
		stride *= b->cElements;
	}
	*out = (BYTE *)psa->pvData + offset * psa->cbElements;
	return S_OK;
}
