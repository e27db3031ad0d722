/*
 * Connection points from the client side: ConnectToConnectionPoint finds an
 * object's connection point and advises or unadvises a sink;
 * IConnectionPoint_SimpleInvoke calls IDispatch::Invoke on every sink of a
 * point; SHPackDispParams builds the DISPPARAMS for it.
 */
#define COBJMACROS
#include "shlwapi_private.h"
#include <ocidl.h>
#include <stdarg.h>

/* Packs count (VARTYPE, value) pairs into args, last one first, as
 * IDispatch::Invoke wants them.  Integer types take an int, BSTRs,
 * interfaces and references a pointer; a type without a value of its own
 * (VT_EMPTY...) is stored as the VT_I4 it was passed as. */
HRESULT WINAPI SHPackDispParamsV(DISPPARAMS *params, VARIANTARG *args, UINT count, va_list ap)
{
	params->cArgs = count;
	params->rgvarg = args;
	params->cNamedArgs = 0;
	params->rgdispidNamedArgs = NULL;
	for (VARIANTARG *arg = args + count; arg-- > args;) {
		VARTYPE vt = (VARTYPE)va_arg(ap, int);

		V_VT(arg) = vt;
		if (vt & VT_BYREF) {
			V_BYREF(arg) = va_arg(ap, void *);
			continue;
		}
		switch (vt) {
		case VT_BSTR:
			V_BSTR(arg) = va_arg(ap, BSTR);
			break;
		case VT_DISPATCH:
		case VT_UNKNOWN:
			V_UNKNOWN(arg) = va_arg(ap, IUnknown *);
			break;
		case VT_BOOL:
			V_BOOL(arg) = (VARIANT_BOOL)va_arg(ap, int);
			break;
		case VT_I2:
		case VT_UI2:
			V_I2(arg) = (SHORT)va_arg(ap, int);
			break;
		case VT_I4:
		case VT_UI4:
		case VT_INT:
		case VT_UINT:
			V_I4(arg) = va_arg(ap, LONG);
			break;
		default:
			V_VT(arg) = VT_I4;
			V_I4(arg) = va_arg(ap, LONG);
			break;
		}
	}
	return S_OK;
}

/* Ordinal 282. */
HRESULT WINAPIV SHPackDispParams(DISPPARAMS *params, VARIANTARG *args, UINT count, ...)
{
	va_list ap;
	HRESULT hr;

	va_start(ap, count);
	hr = SHPackDispParamsV(params, args, count, ap);
	va_end(ap);
	return hr;
}

static void invoke_sink(IUnknown *sink, DISPID id, DISPPARAMS *params)
{
	IDispatch *dispatch;

	if (SUCCEEDED(IUnknown_QueryInterface(sink, &IID_IDispatch, (void **)&dispatch))) {
		IDispatch_Invoke(dispatch, id, &IID_NULL, 0, DISPATCH_METHOD, params, NULL, NULL, NULL);
		IDispatch_Release(dispatch);
	}
}

/* Ordinal 284: the sinks' own results are not the caller's business. */
HRESULT WINAPI IConnectionPoint_SimpleInvoke(IConnectionPoint *point, DISPID id, DISPPARAMS *params)
{
	DISPPARAMS none = { NULL, NULL, 0, 0 };
	IEnumConnections *connections;
	CONNECTDATA data;
	HRESULT hr;

	if (!point)
		return E_INVALIDARG;
	hr = IConnectionPoint_EnumConnections(point, &connections);
	if (FAILED(hr))
		return hr;
	while (IEnumConnections_Next(connections, 1, &data, NULL) == S_OK) {
		if (data.pUnk) {
			invoke_sink(data.pUnk, id, params ? params : &none);
			IUnknown_Release(data.pUnk);
		}
	}
	IEnumConnections_Release(connections);
	return S_OK;
}

/* Advises sink on (connect) or unadvises *cookie from (not connect) the
 * connection point riid of target; the point goes to *out when asked. */
HRESULT WINAPI ConnectToConnectionPoint(IUnknown *sink, REFIID riid, BOOL connect, IUnknown *target,
	DWORD *cookie, IConnectionPoint **out)
{
	IConnectionPointContainer *container;
	IConnectionPoint *point;
	HRESULT hr;

	if (out)
		*out = NULL;
	if (!target)
		return E_FAIL;
	hr = IUnknown_QueryInterface(target, &IID_IConnectionPointContainer, (void **)&container);
	if (FAILED(hr))
		return hr;
	hr = IConnectionPointContainer_FindConnectionPoint(container, riid, &point);
	IConnectionPointContainer_Release(container);
	if (FAILED(hr))
		return hr;
	if (connect)
		hr = sink ? IConnectionPoint_Advise(point, sink, cookie) : E_FAIL;
	else
		hr = IConnectionPoint_Unadvise(point, *cookie);
	if (SUCCEEDED(hr) && out)
		*out = point;
	else
		IConnectionPoint_Release(point);
	return hr;
}
