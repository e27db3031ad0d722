/*
 * The Var<To>From<From> conversions between the numeric types, booleans
 * and dates, from strings (Var<To>FromStr) and to strings
 * (VarBstrFrom<From>): each is one VariantChangeTypeEx.  TYPES lists the
 * types; FROM_TYPES is the same list again, as the preprocessor does not
 * expand a macro inside itself (mingw-w64's prototypes check both).  The
 * pairs of a type with itself (VarI4FromI4...) are made too and are not
 * exported.
 */
#include "varconv.h"

/* oleauto.h makes these identities macros; here they are functions. */
#undef VarI4FromI4
#undef VarUI4FromUI4
#undef VarI8FromI8
#undef VarUI8FromUI8

/* name, C type, VARTYPE, VARIANT field */
#define TYPES(X) \
	X(I1, CHAR, VT_I1, cVal) X(UI1, BYTE, VT_UI1, bVal) X(I2, SHORT, VT_I2, iVal) \
	X(UI2, USHORT, VT_UI2, uiVal) X(I4, LONG, VT_I4, lVal) X(UI4, ULONG, VT_UI4, ulVal) \
	X(I8, LONG64, VT_I8, llVal) X(UI8, ULONG64, VT_UI8, ullVal) X(R4, FLOAT, VT_R4, fltVal) \
	X(R8, DOUBLE, VT_R8, dblVal) X(Bool, VARIANT_BOOL, VT_BOOL, boolVal) X(Date, DATE, VT_DATE, date)
#define FROM_TYPES(X, ...) \
	X(I1, CHAR, VT_I1, cVal, __VA_ARGS__) X(UI1, BYTE, VT_UI1, bVal, __VA_ARGS__) \
	X(I2, SHORT, VT_I2, iVal, __VA_ARGS__) X(UI2, USHORT, VT_UI2, uiVal, __VA_ARGS__) \
	X(I4, LONG, VT_I4, lVal, __VA_ARGS__) X(UI4, ULONG, VT_UI4, ulVal, __VA_ARGS__) \
	X(I8, LONG64, VT_I8, llVal, __VA_ARGS__) X(UI8, ULONG64, VT_UI8, ullVal, __VA_ARGS__) \
	X(R4, FLOAT, VT_R4, fltVal, __VA_ARGS__) X(R8, DOUBLE, VT_R8, dblVal, __VA_ARGS__) \
	X(Bool, VARIANT_BOOL, VT_BOOL, boolVal, __VA_ARGS__) X(Date, DATE, VT_DATE, date, __VA_ARGS__)

/* in (a VARIANT of its type) converted to vt in out; in is cleared. */
static HRESULT change(VARIANT *in, VARIANT *out, LCID lcid, ULONG flags, VARTYPE vt)
{
	HRESULT hr;

	VariantInit(out);
	hr = VariantChangeTypeEx(out, in, lcid, (USHORT)flags, vt);
	VariantClear(in);
	return hr;
}

#define FROM(FN, FT, FVT, FF, TN, TT, TVT, TF) \
	HRESULT WINAPI Var##TN##From##FN(FT in, TT *out) \
	{ \
		VARIANT a, b; \
		HRESULT hr; \
		if (!out) \
			return E_INVALIDARG; \
		V_VT(&a) = FVT; \
		a.FF = in; \
		if (SUCCEEDED(hr = change(&a, &b, LOCALE_USER_DEFAULT, 0, TVT))) \
			*out = b.TF; \
		return hr; \
	}
#define FROM_EVERY_TYPE(TN, TT, TVT, TF) FROM_TYPES(FROM, TN, TT, TVT, TF)
TYPES(FROM_EVERY_TYPE)

#define FROM_STR(TN, TT, TVT, TF) \
	HRESULT WINAPI Var##TN##FromStr(OLECHAR *in, LCID lcid, ULONG flags, TT *out) \
	{ \
		VARIANT a, b; \
		HRESULT hr; \
		if (!in || !out) \
			return E_INVALIDARG; \
		V_VT(&a) = VT_BSTR; \
		if (!(V_BSTR(&a) = SysAllocString(in))) \
			return E_OUTOFMEMORY; \
		if (SUCCEEDED(hr = change(&a, &b, lcid, flags, TVT))) \
			*out = b.TF; \
		return hr; \
	}
TYPES(FROM_STR)

#define TO_BSTR(FN, FT, FVT, FF) \
	HRESULT WINAPI VarBstrFrom##FN(FT in, LCID lcid, ULONG flags, BSTR *out) \
	{ \
		VARIANT a, b; \
		HRESULT hr; \
		if (!out) \
			return E_INVALIDARG; \
		V_VT(&a) = FVT; \
		a.FF = in; \
		if (SUCCEEDED(hr = change(&a, &b, lcid, flags, VT_BSTR))) \
			*out = V_BSTR(&b); \
		return hr; \
	}
TYPES(TO_BSTR)
