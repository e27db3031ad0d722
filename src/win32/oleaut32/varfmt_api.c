/*
 * The fixed formats around VarFormat: VarFormatNumber, VarFormatPercent,
 * VarFormatCurrency (the locale's number and currency formats with the
 * caller's overrides: -2 the locale's choice, -1 yes, 0 no),
 * VarFormatDateTime, VarWeekdayName, VarMonthName, the tokenized form
 * (VarTokenizeFormatString, VarFormatFromTokens), GetAltMonthNames and
 * VarBstrCmp.
 */
#include "varfmt.h"

static UINT locale_uint(LCTYPE type)
{
	OLECHAR buf[16];
	UINT v = 0;

	if (GetLocaleInfoW(LOCALE_USER_DEFAULT, type, buf, ARRAYSIZE(buf)))
		for (OLECHAR *p = buf; *p >= '0' && *p <= '9'; p++)
			v = v * 10 + (*p - '0');
	return v;
}

static UINT choose(int caller, UINT locale_value, UINT yes, UINT no)
{
	return caller == -2 ? locale_value : caller ? yes : no;
}

/* A string without the locale's currency symbol ("$1.50" reads as 1.5). */
static HRESULT without_currency(VARIANT *v, VARIANT *r)
{
	OLECHAR sym[16], buf[256], *d = buf;
	const OLECHAR *s = V_BSTR(v);
	int n = GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SCURRENCY, sym, ARRAYSIZE(sym)) - 1;
	VARIANT t;
	HRESULT hr;

	if (n <= 0 || !s || lstrlenW(s) >= (int)ARRAYSIZE(buf))
		return DISP_E_TYPEMISMATCH;
	while (*s)
		if (!wcsncmp(s, sym, n))
			s += n;
		else
			*d++ = *s++;
	*d = 0;
	V_VT(&t) = VT_BSTR;
	V_BSTR(&t) = SysAllocString(buf);
	hr = VariantChangeTypeEx(r, &t, LOCALE_USER_DEFAULT, 0, VT_R8);
	VariantClear(&t);
	return hr;
}

/* The value as a double (a currency string read too). */
static HRESULT value_of(LPVARIANT in, double *out)
{
	VARIANT v, r;
	HRESULT hr;

	if (!in)
		return E_INVALIDARG;
	VariantInit(&v);
	VariantInit(&r);
	if ((hr = VariantCopyInd(&v, in)) != S_OK)
		return hr;
	hr = VariantChangeTypeEx(&r, &v, LOCALE_USER_DEFAULT, 0, VT_R8);
	if (hr != S_OK && V_VT(&v) == VT_BSTR)
		hr = without_currency(&v, &r);
	VariantClear(&v);
	if (hr == S_OK)
		*out = V_R8(&r);
	return hr;
}

/* Plain decimal text of the value (times scale), for GetNumberFormat. */
static HRESULT plain_value(LPVARIANT in, double scale, OLECHAR *buf, int size)
{
	struct fmt_out o = { .n = 0 };
	double v;
	HRESULT hr;

	if ((hr = value_of(in, &v)) != S_OK)
		return hr;
	fmt_plain(v * scale, &o);
	if (o.n >= size)
		return E_INVALIDARG;
	memcpy(buf, o.buf, o.n * sizeof(OLECHAR));
	buf[o.n] = 0;
	return S_OK;
}

static HRESULT number_format(LPVARIANT in, int digits, int leading, int parens, int group,
			     double scale, const OLECHAR *suffix, BSTR *out)
{
	OLECHAR plain[400], text[512], dec[8], thou[8];
	NUMBERFMTW nf;
	HRESULT hr;
	int n;

	if (!out || digits > 9)
		return E_INVALIDARG;
	if ((hr = plain_value(in, scale, plain, ARRAYSIZE(plain))) != S_OK)
		return hr;
	GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL, dec, ARRAYSIZE(dec));
	GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STHOUSAND, thou, ARRAYSIZE(thou));
	nf.NumDigits = digits < 0 ? locale_uint(LOCALE_IDIGITS) : (UINT)digits;
	nf.LeadingZero = choose(leading, locale_uint(LOCALE_ILZERO), 1, 0);
	nf.Grouping = choose(group, locale_uint(LOCALE_SGROUPING), 3, 0);
	nf.NegativeOrder = choose(parens, locale_uint(LOCALE_INEGNUMBER), 0, 1);
	nf.lpDecimalSep = dec;
	nf.lpThousandSep = thou;
	n = GetNumberFormatW(LOCALE_USER_DEFAULT, 0, plain, &nf, text, ARRAYSIZE(text) - 2);
	if (!n)
		return E_INVALIDARG;
	lstrcatW(text, suffix);
	*out = SysAllocString(text);
	return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI VarFormatNumber(LPVARIANT in, int digits, int leading, int parens, int group,
			       ULONG flags, BSTR *out)
{
	return number_format(in, digits, leading, parens, group, 1, L"", out);
}

HRESULT WINAPI VarFormatPercent(LPVARIANT in, int digits, int leading, int parens, int group,
				ULONG flags, BSTR *out)
{
	return number_format(in, digits, leading, parens, group, 100, L"%", out);
}

HRESULT WINAPI VarFormatCurrency(LPVARIANT in, int digits, int leading, int parens, int group,
				 ULONG flags, BSTR *out)
{
	OLECHAR plain[400], text[512], dec[8], thou[8], sym[16];
	CURRENCYFMTW cf;
	HRESULT hr;

	if (!out || digits > 9)
		return E_INVALIDARG;
	if ((hr = plain_value(in, 1, plain, ARRAYSIZE(plain))) != S_OK)
		return hr;
	GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SMONDECIMALSEP, dec, ARRAYSIZE(dec));
	GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SMONTHOUSANDSEP, thou, ARRAYSIZE(thou));
	GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SCURRENCY, sym, ARRAYSIZE(sym));
	cf.NumDigits = digits < 0 ? locale_uint(LOCALE_ICURRDIGITS) : (UINT)digits;
	cf.LeadingZero = choose(leading, locale_uint(LOCALE_ILZERO), 1, 0);
	cf.Grouping = choose(group, locale_uint(LOCALE_SMONGROUPING), 3, 0);
	cf.NegativeOrder = choose(parens, locale_uint(LOCALE_INEGCURR), 0, 1);
	cf.PositiveOrder = locale_uint(LOCALE_ICURRENCY);
	cf.lpDecimalSep = dec;
	cf.lpThousandSep = thou;
	cf.lpCurrencySymbol = sym;
	if (!GetCurrencyFormatW(LOCALE_USER_DEFAULT, 0, plain, &cf, text, ARRAYSIZE(text)))
		return E_INVALIDARG;
	*out = SysAllocString(text);
	return *out ? S_OK : E_OUTOFMEMORY;
}

/* 0 general, 1 long date, 2 short date, 3 long time, 4 short time. */
HRESULT WINAPI VarFormatDateTime(LPVARIANT in, int named, ULONG flags, BSTR *out)
{
	static const OLECHAR *const patterns[] = { L"General Date", L"Long Date", L"Short Date",
						    L"Long Time", L"Short Time" };
	VARIANT d;
	HRESULT hr;

	if (!in || !out || named < 0 || named > 4)
		return E_INVALIDARG;
	if (V_VT(in) == VT_NULL) {
		*out = NULL;
		return S_OK;
	}
	VariantInit(&d);
	if ((hr = VariantChangeTypeEx(&d, in, LOCALE_USER_DEFAULT, 0, VT_DATE)) != S_OK)
		return hr;
	return fmt_variant(&d, patterns[named], 0, 0, flags, out, LOCALE_USER_DEFAULT);
}

static HRESULT locale_name(LCTYPE type, BSTR *out)
{
	OLECHAR buf[80];

	if (!GetLocaleInfoW(LOCALE_USER_DEFAULT, type, buf, ARRAYSIZE(buf)))
		return HRESULT_FROM_WIN32(GetLastError());
	*out = SysAllocString(buf);
	return *out ? S_OK : E_OUTOFMEMORY;
}

/* weekday 1..7 counted from first_day (1 Sunday .. 7 Saturday, 0 the
 * locale's first day). */
HRESULT WINAPI VarWeekdayName(int weekday, int abbrev, int first_day, ULONG flags, BSTR *out)
{
	int first, day;                 /* 0 = Monday, as LOCALE_SDAYNAME1 */

	if (!out || weekday < 1 || weekday > 7 || first_day < 0 || first_day > 7)
		return E_INVALIDARG;
	first = first_day ? first_day - 2 : (int)locale_uint(LOCALE_IFIRSTDAYOFWEEK);
	day = (weekday - 1 + first + 7) % 7;
	return locale_name((abbrev ? LOCALE_SABBREVDAYNAME1 : LOCALE_SDAYNAME1) + day, out);
}

HRESULT WINAPI VarMonthName(int month, int abbrev, ULONG flags, BSTR *out)
{
	if (!out || month < 1 || month > 12)
		return E_INVALIDARG;
	return locale_name((abbrev ? LOCALE_SABBREVMONTHNAME1 : LOCALE_SMONTHNAME1) + month - 1, out);
}

/* Our tokenized form: the format string stays the caller's (both calls
 * take it); the tokens keep what the first call was told. */
struct fmt_tokens {
	BYTE tag[4];
	BYTE first_day, first_week;
};

static const BYTE tokens_tag[4] = { 'L', 'S', 'W', 'F' };

HRESULT WINAPI VarTokenizeFormatString(LPOLESTR format, LPBYTE tokens, int size, int first_day,
				       int first_week, LCID lcid, int *used)
{
	struct fmt_tokens t;

	if (!tokens || first_day < 0 || first_day > 7 || first_week < 0 || first_week > 3)
		return E_INVALIDARG;
	if (size < (int)sizeof(t))
		return DISP_E_BUFFERTOOSMALL;
	memcpy(t.tag, tokens_tag, sizeof(t.tag));
	t.first_day = (BYTE)first_day;
	t.first_week = (BYTE)first_week;
	memcpy(tokens, &t, sizeof(t));
	if (used)
		*used = sizeof(t);
	return S_OK;
}

HRESULT WINAPI VarFormatFromTokens(LPVARIANT in, LPOLESTR format, LPBYTE tokens, ULONG flags,
				   BSTR *out, LCID lcid)
{
	struct fmt_tokens t;

	if (!tokens)
		return E_INVALIDARG;
	memcpy(&t, tokens, sizeof(t));
	if (memcmp(t.tag, tokens_tag, sizeof(t.tag)))
		return E_INVALIDARG;
	return fmt_variant(in, format, t.first_day, t.first_week, flags, out, lcid);
}

/* The secondary month names the documentation lists: the genitive forms
 * of Polish and Russian, the Hijri months for Arabic; 13 entries each (the
 * last empty), as for 13-month calendars.  Other locales have none. */
static const OLECHAR *const polish_months[] = {
	L"stycznia", L"lutego", L"marca", L"kwietnia", L"maja", L"czerwca", L"lipca",
	L"sierpnia", L"wrze\x015bnia", L"pa\x017adziernika", L"listopada", L"grudnia", L"",
};
static const OLECHAR *const russian_months[] = {
	L"\x044f\x043d\x0432\x0430\x0440\x044f", L"\x0444\x0435\x0432\x0440\x0430\x043b\x044f",
	L"\x043c\x0430\x0440\x0442\x0430", L"\x0430\x043f\x0440\x0435\x043b\x044f",
	L"\x043c\x0430\x044f", L"\x0438\x044e\x043d\x044f", L"\x0438\x044e\x043b\x044f",
	L"\x0430\x0432\x0433\x0443\x0441\x0442\x0430",
	L"\x0441\x0435\x043d\x0442\x044f\x0431\x0440\x044f",
	L"\x043e\x043a\x0442\x044f\x0431\x0440\x044f", L"\x043d\x043e\x044f\x0431\x0440\x044f",
	L"\x0434\x0435\x043a\x0430\x0431\x0440\x044f", L"",
};
static const OLECHAR *const hijri_months[] = {
	L"\x0645\x062d\x0631\x0645", L"\x0635\x0641\x0631",
	L"\x0631\x0628\x064a\x0639 \x0627\x0644\x0623\x0648\x0644",
	L"\x0631\x0628\x064a\x0639 \x0627\x0644\x062b\x0627\x0646\x064a",
	L"\x062c\x0645\x0627\x062f\x0649 \x0627\x0644\x0623\x0648\x0644\x0649",
	L"\x062c\x0645\x0627\x062f\x0649 \x0627\x0644\x062b\x0627\x0646\x064a\x0629",
	L"\x0631\x062c\x0628", L"\x0634\x0639\x0628\x0627\x0646", L"\x0631\x0645\x0636\x0627\x0646",
	L"\x0634\x0648\x0627\x0644", L"\x0630\x0648 \x0627\x0644\x0642\x0639\x062f\x0629",
	L"\x0630\x0648 \x0627\x0644\x062d\x062c\x0629", L"",
};

HRESULT WINAPI GetAltMonthNames(LCID lcid, LPOLESTR **names)
{
	const OLECHAR *const *found = NULL;

	if (!names)
		return E_INVALIDARG;
	switch (PRIMARYLANGID(LANGIDFROMLCID(lcid))) {
	case LANG_POLISH: found = polish_months; break;
	case LANG_RUSSIAN: found = russian_months; break;
	case LANG_ARABIC: found = hijri_months; break;
	}
	*names = (LPOLESTR *)found;
	return S_OK;
}

/* A NULL BSTR is the empty string. */
HRESULT WINAPI VarBstrCmp(BSTR left, BSTR right, LCID lcid, ULONG flags)
{
	UINT ll = left ? SysStringLen(left) : 0, rl = right ? SysStringLen(right) : 0;
	int r;

	if (!ll || !rl)
		return ll == rl ? VARCMP_EQ : ll ? VARCMP_GT : VARCMP_LT;
	r = CompareStringW(lcid, flags & ~0xF0000000u, left, ll, right, rl);
	if (!r)
		return E_INVALIDARG;
	return r - 1;       /* CSTR_LESS_THAN .. CSTR_GREATER_THAN */
}
