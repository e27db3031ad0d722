/*
 * The IUnknown_* helpers: each asks an object for the interface that can
 * do a job (IObjectWithSite, IServiceProvider, IPersist...) and does it,
 * failing with E_FAIL for a NULL object.  They release what they asked for.
 */
#define COBJMACROS
#include "shlwapi_private.h"
#include <ocidl.h>
#include <docobj.h>
#include <servprov.h>
#include <shobjidl.h>
#include <urlmon.h>

/* punk's interface iid; E_FAIL for no object. */
static HRESULT query(IUnknown *punk, REFIID iid, void **out)
{
	return punk ? IUnknown_QueryInterface(punk, iid, out) : E_FAIL;
}

void WINAPI IUnknown_AtomicRelease(void **punk)
{
	IUnknown *old;

	if (!punk || !*punk)
		return;
	old = *punk;
	*punk = NULL;
	IUnknown_Release(old);
}

void WINAPI IUnknown_Set(IUnknown **dst, IUnknown *punk)
{
	if (!dst || *dst == punk)
		return;
	if (punk)
		IUnknown_AddRef(punk);
	if (*dst)
		IUnknown_Release(*dst);
	*dst = punk;
}

/* IOleWindow, or what also has GetWindow in that slot. */
HRESULT WINAPI IUnknown_GetWindow(IUnknown *punk, HWND *hwnd)
{
	static const IID *const has_window[] = { &IID_IOleWindow, &IID_IInternetSecurityMgrSite, &IID_IShellView };
	IOleWindow *window;
	HRESULT hr = E_FAIL;

	if (hwnd)
		*hwnd = NULL;
	if (!punk)
		return E_FAIL;
	for (unsigned i = 0; i < ARRAYSIZE(has_window); i++) {
		hr = IUnknown_QueryInterface(punk, has_window[i], (void **)&window);
		if (SUCCEEDED(hr)) {
			hr = IOleWindow_GetWindow(window, hwnd);
			IOleWindow_Release(window);
			return hr;
		}
	}
	return hr;
}

HRESULT WINAPI IUnknown_SetSite(IUnknown *punk, IUnknown *site)
{
	IObjectWithSite *with_site;
	IInternetSecurityManager *manager;
	HRESULT hr;

	hr = query(punk, &IID_IObjectWithSite, (void **)&with_site);
	if (SUCCEEDED(hr)) {
		hr = IObjectWithSite_SetSite(with_site, site);
		IObjectWithSite_Release(with_site);
		return hr;
	}
	hr = IUnknown_QueryInterface(punk, &IID_IInternetSecurityManager, (void **)&manager);
	if (SUCCEEDED(hr)) {
		hr = IInternetSecurityManager_SetSecuritySite(manager, (IInternetSecurityMgrSite *)site);
		IInternetSecurityManager_Release(manager);
	}
	return hr;
}

HRESULT WINAPI IUnknown_GetSite(IUnknown *punk, REFIID riid, void **out)
{
	IObjectWithSite *with_site;
	HRESULT hr;

	if (out)
		*out = NULL;
	hr = query(punk, &IID_IObjectWithSite, (void **)&with_site);
	if (SUCCEEDED(hr)) {
		hr = IObjectWithSite_GetSite(with_site, riid, out);
		IObjectWithSite_Release(with_site);
	}
	return hr;
}

HRESULT WINAPI IUnknown_QueryService(IUnknown *punk, REFGUID service, REFIID riid, void **out)
{
	IServiceProvider *provider;
	HRESULT hr;

	if (!out)
		return E_FAIL;
	*out = NULL;
	hr = query(punk, &IID_IServiceProvider, (void **)&provider);
	if (SUCCEEDED(hr)) {
		hr = IServiceProvider_QueryService(provider, service, riid, out);
		IServiceProvider_Release(provider);
	}
	return hr;
}

/* Ordinal 484: the service's IOleCommandTarget runs one command. */
HRESULT WINAPI IUnknown_QueryServiceExec(IUnknown *punk, REFGUID service, const GUID *group,
	DWORD cmd, DWORD options, VARIANT *in, VARIANT *out)
{
	IOleCommandTarget *target;
	HRESULT hr = IUnknown_QueryService(punk, service, &IID_IOleCommandTarget, (void **)&target);

	if (SUCCEEDED(hr)) {
		hr = IOleCommandTarget_Exec(target, group, cmd, options, in, out);
		IOleCommandTarget_Release(target);
	}
	return hr;
}

/* Ordinal 514: offers a service through the site's IProfferService, or
 * with no provider revokes the one *cookie names (and clears it). */
HRESULT WINAPI IUnknown_ProfferService(IUnknown *punk, REFGUID service, IServiceProvider *provider,
	DWORD *cookie)
{
	IProfferService *proffer;
	HRESULT hr = IUnknown_QueryService(punk, &IID_IProfferService, &IID_IProfferService, (void **)&proffer);

	if (FAILED(hr))
		return hr;
	if (provider) {
		hr = IProfferService_ProfferService(proffer, service, provider, cookie);
	} else {
		hr = IProfferService_RevokeService(proffer, *cookie);
		*cookie = 0;
	}
	IProfferService_Release(proffer);
	return hr;
}

HRESULT WINAPI IUnknown_Exec(IUnknown *punk, const GUID *group, DWORD cmd, DWORD options,
	VARIANT *in, VARIANT *out)
{
	IOleCommandTarget *target;
	HRESULT hr = query(punk, &IID_IOleCommandTarget, (void **)&target);

	if (SUCCEEDED(hr)) {
		hr = IOleCommandTarget_Exec(target, group, cmd, options, in, out);
		IOleCommandTarget_Release(target);
	}
	return hr;
}

HRESULT WINAPI IUnknown_QueryStatus(IUnknown *punk, const GUID *group, ULONG count, OLECMD *cmds,
	OLECMDTEXT *text)
{
	IOleCommandTarget *target;
	HRESULT hr = query(punk, &IID_IOleCommandTarget, (void **)&target);

	if (SUCCEEDED(hr)) {
		hr = IOleCommandTarget_QueryStatus(target, group, count, cmds, text);
		IOleCommandTarget_Release(target);
	}
	return hr;
}

/* Ordinal 175: the class through IPersist, or IPersistFolder (which
 * derives from it); a NULL object gives CLSID_NULL. */
HRESULT WINAPI IUnknown_GetClassID(IUnknown *punk, CLSID *clsid)
{
	IPersist *persist;
	HRESULT hr;

	if (!punk) {
		if (clsid)
			memset(clsid, 0, sizeof(*clsid));
		return E_FAIL;
	}
	hr = IUnknown_QueryInterface(punk, &IID_IPersist, (void **)&persist);
	if (FAILED(hr))
		hr = IUnknown_QueryInterface(punk, &IID_IPersistFolder, (void **)&persist);
	if (FAILED(hr))
		return hr;
	hr = IPersist_GetClassID(persist, clsid);
	IPersist_Release(persist);
	return hr;
}

/* Ordinal 404: calls the folder's EnumObjects as it is (no QueryInterface). */
HRESULT WINAPI SHIShellFolder_EnumObjects(IShellFolder *folder, HWND owner, SHCONTF flags, IEnumIDList **out)
{
	return IShellFolder_EnumObjects(folder, owner, flags, out);
}
