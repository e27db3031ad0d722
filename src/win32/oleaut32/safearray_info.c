/*
 * What a SAFEARRAY's descriptor carries in front of it besides the element
 * type: the interface IID of an array of interfaces (FADF_HAVEIID, at
 * -16) and the IRecordInfo of an array of records (FADF_RECORD, at -8,
 * holding a reference; cbElements is the record's size).
 */
#include "oleaut_private.h"

IRecordInfo **safearray_record_slot(SAFEARRAY *psa)
{
	return (IRecordInfo **)psa - 1;
}

HRESULT WINAPI SafeArraySetIID(SAFEARRAY *psa, REFGUID iid)
{
	if (!psa || !iid || !(psa->fFeatures & FADF_HAVEIID))
		return E_INVALIDARG;
	memcpy((GUID *)psa - 1, iid, sizeof(GUID));
	return S_OK;
}

HRESULT WINAPI SafeArrayGetIID(SAFEARRAY *psa, GUID *iid)
{
	if (!psa || !iid || !(psa->fFeatures & FADF_HAVEIID))
		return E_INVALIDARG;
	memcpy(iid, (GUID *)psa - 1, sizeof(GUID));
	return S_OK;
}

/* The element size is what GetSize answers, even when it fails (Windows
 * takes it as is, as Wine's tests checked on Windows show). */
HRESULT WINAPI SafeArraySetRecordInfo(SAFEARRAY *psa, IRecordInfo *info)
{
	IRecordInfo **slot;
	ULONG size = 0;

	if (!psa || !info || !(psa->fFeatures & FADF_RECORD))
		return E_INVALIDARG;
	slot = safearray_record_slot(psa);
	IRecordInfo_AddRef(info);
	if (*slot)
		IRecordInfo_Release(*slot);
	*slot = info;
	IRecordInfo_GetSize(info, &size);
	psa->cbElements = size;
	return S_OK;
}

HRESULT WINAPI SafeArrayGetRecordInfo(SAFEARRAY *psa, IRecordInfo **info)
{
	if (!psa || !info || !(psa->fFeatures & FADF_RECORD))
		return E_INVALIDARG;
	*info = *safearray_record_slot(psa);
	if (*info)
		IRecordInfo_AddRef(*info);
	return S_OK;
}
