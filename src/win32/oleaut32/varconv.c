/*
 * Conversions between the numeric VARIANT types, and VariantChangeType.
 * Reals become integers rounded half to even ("banker's rounding", as
 * oleaut32 documents for its coercions); a value out of the target's
 * range is DISP_E_OVERFLOW; VARIANT_TRUE is -1; a DATE is its double.
 */
#include "varconv.h"

ULONG vt_size(VARTYPE vt)
{
	switch (vt) {
	case VT_I1: case VT_UI1: return 1;
	case VT_I2: case VT_UI2: case VT_BOOL: return 2;
	case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: case VT_R4: case VT_ERROR: return 4;
	case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: return 8;
	case VT_BSTR: case VT_UNKNOWN: case VT_DISPATCH: return sizeof(void *);
	case VT_DECIMAL: return sizeof(DECIMAL);
	case VT_VARIANT: return sizeof(VARIANT);
	case VT_RECORD: return 2 * sizeof(void *);
	}
	return 0;
}

/* Half to even: 2.5 -> 2, 3.5 -> 4, -2.5 -> -2.  Exact in doubles up to
 * 2^53, beyond which every double is an integer anyway. */
static double round_even(double r)
{
	double t = (double)(LONGLONG)r, frac;

	if (r >= 9007199254740992.0 || r <= -9007199254740992.0)
		return r;
	frac = r - t;
	if (frac > 0.5 || (frac == 0.5 && ((LONGLONG)t & 1)))
		return t + 1;
	if (frac < -0.5 || (frac == -0.5 && ((LONGLONG)t & 1)))
		return t - 1;
	return t;
}

HRESULT num_to_int(struct num n, LONGLONG min, LONGLONG max, LONGLONG *out)
{
	double r;

	switch (n.kind) {
	case NUM_INT:
		if (n.i < min || n.i > max)
			return DISP_E_OVERFLOW;
		*out = n.i;
		return S_OK;
	case NUM_UINT:
		if (n.u > (ULONGLONG)max)
			return DISP_E_OVERFLOW;
		*out = (LONGLONG)n.u;
		return S_OK;
	default:
		r = round_even(n.r);
		if (!(r >= (double)min && r <= (double)max) || r >= 9223372036854775808.0)
			return DISP_E_OVERFLOW;
		*out = (LONGLONG)r;
		return S_OK;
	}
}

HRESULT num_to_uint(struct num n, ULONGLONG max, ULONGLONG *out)
{
	double r;

	switch (n.kind) {
	case NUM_INT:
		if (n.i < 0 || (ULONGLONG)n.i > max)
			return DISP_E_OVERFLOW;
		*out = (ULONGLONG)n.i;
		return S_OK;
	case NUM_UINT:
		if (n.u > max)
			return DISP_E_OVERFLOW;
		*out = n.u;
		return S_OK;
	default:
		r = round_even(n.r);
		if (!(r >= 0 && r <= (double)max) || r >= 18446744073709551616.0)
			return DISP_E_OVERFLOW;
		*out = (ULONGLONG)r;
		return S_OK;
	}
}

double num_to_real(struct num n)
{
	return n.kind == NUM_INT ? (double)n.i : n.kind == NUM_UINT ? (double)n.u : n.r;
}

/* The number a numeric VARIANT holds; FALSE for other types. */
static BOOL variant_num(const VARIANT *v, struct num *n)
{
	switch (V_VT(v)) {
	case VT_EMPTY: *n = num_int(0); return TRUE;
	case VT_I1: *n = num_int(V_I1(v)); return TRUE;
	case VT_UI1: *n = num_int(V_UI1(v)); return TRUE;
	case VT_I2: *n = num_int(V_I2(v)); return TRUE;
	case VT_UI2: *n = num_int(V_UI2(v)); return TRUE;
	case VT_I4: case VT_INT: *n = num_int(V_I4(v)); return TRUE;
	case VT_UI4: case VT_UINT: *n = num_int(V_UI4(v)); return TRUE;
	case VT_I8: *n = num_int(V_I8(v)); return TRUE;
	case VT_UI8: *n = num_uint(V_UI8(v)); return TRUE;
	case VT_BOOL: *n = num_int(V_BOOL(v)); return TRUE;
	case VT_R4: *n = num_real(V_R4(v)); return TRUE;
	case VT_R8: *n = num_real(V_R8(v)); return TRUE;
	case VT_DATE: *n = num_real(V_DATE(v)); return TRUE;
	case VT_CY: *n = num_real(V_CY(v).int64 / 10000.0); return TRUE;   /* fixed point, 4 places */
	}
	return FALSE;
}

/* Stores n as a VARIANT of type vt (numeric, bool or date). */
static HRESULT put_num(VARIANT *v, VARTYPE vt, struct num n)
{
	LONGLONG i;
	ULONGLONG u;
	double r;
	HRESULT hr = S_OK;

	switch (vt) {
	case VT_I1: if (SUCCEEDED(hr = num_to_int(n, -128, 127, &i))) V_I1(v) = (CHAR)i; break;
	case VT_UI1: if (SUCCEEDED(hr = num_to_uint(n, 0xFF, &u))) V_UI1(v) = (BYTE)u; break;
	case VT_I2: if (SUCCEEDED(hr = num_to_int(n, -32768, 32767, &i))) V_I2(v) = (SHORT)i; break;
	case VT_UI2: if (SUCCEEDED(hr = num_to_uint(n, 0xFFFF, &u))) V_UI2(v) = (USHORT)u; break;
	case VT_I4: case VT_INT:
		if (SUCCEEDED(hr = num_to_int(n, -2147483647 - 1, 2147483647, &i))) V_I4(v) = (LONG)i;
		break;
	case VT_UI4: case VT_UINT:
		if (SUCCEEDED(hr = num_to_uint(n, 0xFFFFFFFF, &u))) V_UI4(v) = (ULONG)u;
		break;
	case VT_I8: if (SUCCEEDED(hr = num_to_int(n, INT64_MIN, INT64_MAX, &i))) V_I8(v) = i; break;
	case VT_UI8: if (SUCCEEDED(hr = num_to_uint(n, UINT64_MAX, &u))) V_UI8(v) = u; break;
	case VT_BOOL: V_BOOL(v) = num_to_real(n) != 0 ? VARIANT_TRUE : VARIANT_FALSE; break;
	case VT_R4:
		r = num_to_real(n);
		if (r > 3.402823466e38 || r < -3.402823466e38)
			return DISP_E_OVERFLOW;
		V_R4(v) = (FLOAT)r;
		break;
	case VT_R8: V_R8(v) = num_to_real(n); break;
	case VT_DATE:
		r = num_to_real(n);
		if (r < DATE_MIN_ || r >= DATE_MAX_ + 1)
			return DISP_E_OVERFLOW;
		V_DATE(v) = r;
		break;
	default:
		return DISP_E_BADVARTYPE;
	}
	if (SUCCEEDED(hr))
		V_VT(v) = vt;
	return hr;
}

static BOOL is_numeric(VARTYPE vt)
{
	return vt != VT_BSTR && vt_size(vt) && vt_size(vt) <= 8 && vt != VT_ERROR && vt != VT_CY &&
	       vt != VT_UNKNOWN && vt != VT_DISPATCH;
}

/* A BSTR for what v holds (numbers, booleans, dates). */
static HRESULT to_bstr(const VARIANT *v, ULONG flags, BSTR *out)
{
	struct num n;

	switch (V_VT(v)) {
	case VT_EMPTY: *out = SysAllocStringLen(NULL, 0); return *out ? S_OK : E_OUTOFMEMORY;
	case VT_BSTR:
		*out = SysAllocStringLen(V_BSTR(v), SysStringLen(V_BSTR(v)));
		return *out ? S_OK : E_OUTOFMEMORY;
	case VT_BOOL: return bstr_from_bool(V_BOOL(v), flags, out);
	case VT_DATE: return bstr_from_date(V_DATE(v), flags, out);
	case VT_R4: return bstr_from_real(V_R4(v), 7, out);
	case VT_R8: return bstr_from_real(V_R8(v), 15, out);
	}
	return variant_num(v, &n) ? bstr_from_num(n, out) : DISP_E_TYPEMISMATCH;
}

/* A number, boolean or date from a BSTR. */
static HRESULT from_bstr(VARIANT *dst, const OLECHAR *s, VARTYPE vt)
{
	struct num n;
	HRESULT hr;

	if (vt == VT_BOOL) {
		V_VT(dst) = VT_BOOL;
		return str_to_bool(s, &V_BOOL(dst));
	}
	if (vt == VT_DATE) {
		V_VT(dst) = VT_DATE;
		return str_to_date(s, &V_DATE(dst));
	}
	hr = str_to_num(s, &n);
	return FAILED(hr) ? hr : put_num(dst, vt, n);
}

/* Arrays convert only between an array of bytes and a BSTR holding
 * those bytes, either way; an array keeps its own type. */
static HRESULT convert_array(VARIANT *out, VARIANT *src, VARTYPE vt)
{
	if (V_VT(src) & VT_ARRAY) {
		VARTYPE elem = V_VT(src) & VT_TYPEMASK;
		if (vt == V_VT(src))
			return VariantCopy(out, src);
		if (vt != VT_BSTR)
			return DISP_E_TYPEMISMATCH;
		if (elem == VT_INT_PTR || elem == VT_UINT_PTR)
			return DISP_E_BADVARTYPE;
		SAFEARRAY *sa = V_ARRAY(src);
		if (elem != VT_UI1 || !sa || SafeArrayGetDim(sa) != 1)
			return DISP_E_TYPEMISMATCH;
		BSTR b = SysAllocStringByteLen(sa->pvData, sa->rgsabound[0].cElements);
		if (!b)
			return E_OUTOFMEMORY;
		V_VT(out) = VT_BSTR;
		V_BSTR(out) = b;
		return S_OK;
	}
	if (V_VT(src) != VT_BSTR || vt != (VT_ARRAY | VT_UI1))
		return DISP_E_TYPEMISMATCH;
	UINT bytes = SysStringByteLen(V_BSTR(src));
	SAFEARRAY *sa = SafeArrayCreateVector(VT_UI1, 0, bytes);
	if (!sa)
		return E_OUTOFMEMORY;
	if (bytes)
		memcpy(sa->pvData, V_BSTR(src), bytes);
	V_VT(out) = VT_ARRAY | VT_UI1;
	V_ARRAY(out) = sa;
	return S_OK;
}

static HRESULT convert(VARIANT *out, VARIANT *src, ULONG flags, VARTYPE vt)
{
	struct num n;

	VariantInit(out);
	if ((V_VT(src) | vt) & VT_ARRAY)
		return convert_array(out, src, vt);
	if (vt == VT_EMPTY || (vt == V_VT(src) && vt != VT_BSTR))
		return vt == VT_EMPTY ? S_OK : VariantCopy(out, src);
	if (V_VT(src) == VT_NULL || vt == VT_NULL)
		return DISP_E_TYPEMISMATCH;
	if (vt == VT_BSTR) {
		V_VT(out) = VT_BSTR;
		return to_bstr(src, flags, &V_BSTR(out));
	}
	if (!is_numeric(vt))
		return DISP_E_BADVARTYPE;
	if (V_VT(src) == VT_BSTR)
		return from_bstr(out, V_BSTR(src) ? V_BSTR(src) : L"", vt);
	if (!variant_num(src, &n))
		return DISP_E_TYPEMISMATCH;
	return put_num(out, vt, n);
}

/* dst and src may be the same VARIANT; on failure dst is left alone. */
HRESULT WINAPI VariantChangeTypeEx(VARIANTARG *dst, VARIANTARG *src, LCID lcid, USHORT flags,
				   VARTYPE vt)
{
	VARIANT in, out;
	HRESULT hr;

	if (!dst || !src)
		return E_INVALIDARG;
	VariantInit(&in);
	hr = VariantCopyInd(&in, src);
	if (FAILED(hr))
		return hr;
	hr = convert(&out, &in, flags, vt);
	VariantClear(&in);
	if (FAILED(hr)) {
		VariantClear(&out);
		return hr;
	}
	hr = VariantClear(dst);
	if (FAILED(hr)) {
		VariantClear(&out);
		return hr;
	}
	*dst = out;
	return S_OK;
}

HRESULT WINAPI VariantChangeType(VARIANTARG *dst, VARIANTARG *src, USHORT flags, VARTYPE vt)
{
	return VariantChangeTypeEx(dst, src, LOCALE_USER_DEFAULT, flags, vt);
}
