/*
 * The thread's error object: SetErrorInfo keeps a reference to it and
 * GetErrorInfo hands it over (and forgets it), S_FALSE when there is
 * none (documented).  Kept in a TLS slot of this DLL.
 */
#include "oleaut_private.h"

static DWORD slot = TLS_OUT_OF_INDEXES;

void errorinfo_init(void)
{
	slot = TlsAlloc();
}

void errorinfo_thread_detach(void)
{
	IErrorInfo *e;

	if (slot != TLS_OUT_OF_INDEXES && (e = TlsGetValue(slot))) {
		TlsSetValue(slot, NULL);
		IErrorInfo_Release(e);
	}
}

HRESULT WINAPI SetErrorInfo(ULONG reserved, IErrorInfo *info)
{
	IErrorInfo *old;

	if (reserved)
		return E_INVALIDARG;
	if (slot == TLS_OUT_OF_INDEXES)
		return E_OUTOFMEMORY;
	old = TlsGetValue(slot);
	if (info)
		IErrorInfo_AddRef(info);
	TlsSetValue(slot, info);
	if (old)
		IErrorInfo_Release(old);
	return S_OK;
}

HRESULT WINAPI GetErrorInfo(ULONG reserved, IErrorInfo **out)
{
	if (!out || reserved)
		return E_INVALIDARG;
	*out = slot == TLS_OUT_OF_INDEXES ? NULL : TlsGetValue(slot);
	if (!*out)
		return S_FALSE;
	TlsSetValue(slot, NULL);
	return S_OK;
}
