/*
 * One property of a serialized property set ([MS-OLEPS] 2.15, the
 * TypedPropertyValue): a 32-bit type (VARTYPE and two bytes of padding),
 * then the value padded to four bytes.  A VT_BSTR carries a 32-bit size
 * in bytes, with the NUL, in the set's code page (UTF-16 for
 * CP_WINUNICODE).  Only the scalar types and VT_BSTR are handled; other
 * types (vectors, other strings, streams...) fail.
 */
#define _OLE32_
#include <windows.h>
#include <objbase.h>
#include <propidl.h>

#define CP_WINUNICODE 1200

/* The fixed size of a scalar type's value, 0 for a string or an
 * unknown type, -1 for a type without a value. */
static int scalar_size(VARTYPE vt)
{
	switch (vt) {
	case VT_EMPTY: case VT_NULL: return -1;
	case VT_I1: case VT_UI1: return 1;
	case VT_I2: case VT_UI2: case VT_BOOL: return 2;
	case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: case VT_R4: case VT_ERROR: return 4;
	case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: case VT_FILETIME: return 8;
	case VT_CLSID: return 16;
	default: return 0;
	}
}

static ULONG pad4(ULONG n)
{
	return (n + 3) & ~3u;
}

/* The BSTR's serialized bytes (with the NUL) into out (NULL: measure);
 * 0 on a conversion failure. */
static ULONG bstr_bytes(const PROPVARIANT *v, USHORT cp, BYTE *out, ULONG room)
{
	const WCHAR *w = v->bstrVal ? v->bstrVal : L"";

	if (cp == CP_WINUNICODE) {
		ULONG n = (lstrlenW(w) + 1) * sizeof(WCHAR);

		if (out && n <= room)
			memcpy(out, w, n);
		return n;
	}
	return WideCharToMultiByte(cp, 0, w, -1, out ? (char *)out : NULL, out ? room : 0, NULL, NULL);
}

SERIALIZEDPROPERTYVALUE *WINAPI StgConvertVariantToProperty(const PROPVARIANT *v, USHORT cp,
	SERIALIZEDPROPERTYVALUE *prop, ULONG *size, PROPID pid, BOOLEAN reserved, ULONG *indirect)
{
	int fixed;
	ULONG data, need, count = 0;
	BYTE *out;

	if (!v || !size)
		return NULL;
	fixed = scalar_size(v->vt);
	if (fixed) {
		data = fixed < 0 ? 0 : pad4(fixed);
	} else if (v->vt == VT_BSTR) {
		if (!(count = bstr_bytes(v, cp, NULL, 0)))
			return NULL;
		data = 4 + pad4(count);
	} else {
		return NULL;
	}
	need = 4 + data;
	if (!prop || *size < need) {
		*size = need;
		return NULL;
	}
	memset(prop, 0, need);
	prop->dwType = v->vt;
	out = prop->rgb;
	if (fixed > 0) {
		memcpy(out, &v->cVal, fixed);
	} else if (!fixed) {
		bstr_bytes(v, cp, out + 4, data - 4);
		memcpy(out, &count, 4);
	}
	*size = need;
	return prop;
}

/* The BSTR from the serialized bytes (oleaut32's, as PropVariantClear
 * frees it). */
static BSTR make_bstr(const BYTE *s, ULONG n, USHORT cp)
{
	static BSTR (WINAPI *alloc)(const OLECHAR *, UINT);
	HMODULE oleaut = LoadLibraryW(L"oleaut32.dll");
	int chars;
	BSTR b;

	if (!alloc && !(oleaut && (alloc = (void *)GetProcAddress(oleaut, "SysAllocStringLen"))))
		return NULL;
	if (cp == CP_WINUNICODE)
		return alloc((const WCHAR *)s, n / sizeof(WCHAR) ? n / sizeof(WCHAR) - 1 : 0);
	chars = MultiByteToWideChar(cp, 0, (const char *)s, n, NULL, 0);
	if (!chars || !(b = alloc(NULL, chars)))
		return NULL;
	MultiByteToWideChar(cp, 0, (const char *)s, n, b, chars);
	b[chars - 1] = 0;
	return b;
}

/* FALSE: the value is not an indirect property (none of the types
 * handled here is one).  The caller's allocator (a PMemoryAllocator) is
 * for strings other than BSTRs, which are not handled. */
BOOLEAN WINAPI StgConvertPropertyToVariant(const SERIALIZEDPROPERTYVALUE *prop, USHORT cp, PROPVARIANT *v,
	void *allocator)
{
	VARTYPE vt = (VARTYPE)prop->dwType;
	int fixed = scalar_size(vt);
	ULONG n;

	memset(v, 0, sizeof(*v));
	if (fixed) {
		v->vt = vt;
		if (fixed > 0)
			memcpy(&v->cVal, prop->rgb, fixed);
		return FALSE;
	}
	memcpy(&n, prop->rgb, 4);
	if (vt == VT_BSTR) {
		if ((v->bstrVal = make_bstr(prop->rgb + 4, n, cp)))
			v->vt = VT_BSTR;
	}
	return FALSE;
}
