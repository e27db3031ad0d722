/*
 * Object activation.  No COM server is registered in the prefix and none
 * is loaded, so every class is "not registered" (REGDB_E_CLASSNOTREG),
 * after the checks Windows makes first: an output pointer, and a thread
 * that initialised COM (CO_E_NOTINITIALIZED).
 */
#include "combase_private.h"

HRESULT WINAPI CoGetClassObject(REFCLSID clsid, DWORD context, LPVOID server, REFIID iid,
				LPVOID *out)
{
	if (!clsid || !iid || !out)
		return E_INVALIDARG;
	*out = NULL;
	if (!com_usable())
		return CO_E_NOTINITIALIZED;
	return REGDB_E_CLASSNOTREG;
}

HRESULT WINAPI CoCreateInstance(REFCLSID clsid, LPUNKNOWN outer, DWORD context, REFIID iid,
				LPVOID *out)
{
	if (!out)
		return E_POINTER;
	*out = NULL;
	if (!clsid || !iid)
		return E_INVALIDARG;
	if (!com_usable())
		return CO_E_NOTINITIALIZED;
	return REGDB_E_CLASSNOTREG;
}

/* Every requested interface fails the way the whole call does. */
static HRESULT fail_results(MULTI_QI *results, DWORD count, HRESULT hr)
{
	for (DWORD i = 0; i < count; i++) {
		results[i].pItf = NULL;
		results[i].hr = hr;
	}
	return hr;
}

HRESULT WINAPI CoCreateInstanceEx(REFCLSID clsid, LPUNKNOWN outer, DWORD context,
				  COSERVERINFO *server, DWORD count, MULTI_QI *results)
{
	if (!clsid || !count || !results)
		return E_INVALIDARG;
	return fail_results(results, count, com_usable() ? REGDB_E_CLASSNOTREG : CO_E_NOTINITIALIZED);
}

HRESULT WINAPI CoCreateInstanceFromApp(REFCLSID clsid, LPUNKNOWN outer, DWORD context,
				       PVOID reserved, DWORD count, MULTI_QI *results)
{
	return CoCreateInstanceEx(clsid, outer, context, NULL, count, results);
}

/* Waits as WaitForMultipleObjectsEx (what Windows does in the MTA; an STA
 * would also pump messages, and a console thread has none).  Documented
 * results: the index of the signalled handle, RPC_S_CALLPENDING when the
 * time runs out, RPC_E_NO_SYNC for no handles. */
HRESULT WINAPI CoWaitForMultipleHandles(DWORD flags, DWORD timeout, ULONG count, LPHANDLE handles,
					LPDWORD index)
{
	DWORD r;

	if (!index || !handles || (flags & ~0x1Fu))
		return E_INVALIDARG;
	*index = 0;
	if (!count)
		return RPC_E_NO_SYNC;
	if (count > MAXIMUM_WAIT_OBJECTS)
		return E_INVALIDARG;
	r = WaitForMultipleObjectsEx(count, handles, (flags & COWAIT_WAITALL) != 0, timeout,
				     (flags & COWAIT_ALERTABLE) != 0);
	if (r == WAIT_TIMEOUT)
		return RPC_S_CALLPENDING;
	if (r == WAIT_FAILED)
		return HRESULT_FROM_WIN32(GetLastError());
	*index = r;
	return S_OK;
}
