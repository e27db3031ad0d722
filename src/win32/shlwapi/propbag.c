/* SHPropertyBag_*: typed reads from an IPropertyBag. */
#define COBJMACROS
#include "shlwapi_private.h"
#include <ocidl.h>

/* Ordinal 496: the property converted to a LONG as VariantChangeType
 * would (a type it cannot convert: DISP_E_BADVARTYPE, *out untouched). */
HRESULT WINAPI SHPropertyBag_ReadLONG(IPropertyBag *bag, LPCWSTR name, LONG *out)
{
	VARIANT v;
	HRESULT hr;

	if (!bag || !name || !out)
		return E_INVALIDARG;
	memset(&v, 0, sizeof(v));
	V_VT(&v) = VT_I4;
	hr = IPropertyBag_Read(bag, name, &v, NULL);
	if (FAILED(hr))
		return hr;
	hr = sh_variant_change_type(&v, &v, 0, VT_I4);
	if (SUCCEEDED(hr))
		*out = V_I4(&v);
	sh_variant_clear(&v);
	return hr;
}
