/*
 * Strings of values, in the en-US conventions (the user default locale
 * here): numbers with '.' and ',' thousands, "&H"/"&O" for hexadecimal
 * and octal; booleans "True"/"False"; dates "M/D/YYYY h:mm:ss AM" (and
 * "YYYY-MM-DD" accepted).  Anything else is DISP_E_TYPEMISMATCH.
 */
#include "varconv.h"

static BOOL space(OLECHAR c)
{
	return c == ' ' || c == '\t' || c == 0xA0;
}

static BOOL digit(OLECHAR c)
{
	return c >= '0' && c <= '9';
}

/* "&Hff", "&O17": VB's radix prefixes, 64 bits at most. */
static HRESULT radix_num(const OLECHAR *s, struct num *out)
{
	unsigned base = (s[1] | 0x20) == 'h' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 0;
	ULONGLONG v = 0;
	unsigned d;

	if (!base || !s[2])
		return DISP_E_TYPEMISMATCH;
	for (s += 2; *s && !space(*s); s++) {
		d = digit(*s) ? *s - '0' : (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f' ? (*s | 0x20) - 'a' + 10 : 99;
		if (d >= base)
			return DISP_E_TYPEMISMATCH;
		if (v > (~0ULL - d) / base)
			return DISP_E_OVERFLOW;
		v = v * base + d;
	}
	while (space(*s))
		s++;
	if (*s)
		return DISP_E_TYPEMISMATCH;
	*out = num_uint(v);
	return S_OK;
}

/* Copies the number's characters (no spaces, no thousands separators)
 * into buf; whether it has a fraction or an exponent. */
static HRESULT clean_number(const OLECHAR *s, OLECHAR *buf, int size, BOOL *real)
{
	int n = 0, digits = 0;

	*real = FALSE;
	if (*s == '+' || *s == '-')
		buf[n++] = *s++;
	for (; digit(*s) || (*s == ',' && digits); s++)
		if (*s != ',' && n < size - 1)
			buf[n++] = *s, digits++;
	if (*s == '.')
		for (*real = TRUE, buf[n++] = *s++; digit(*s) && n < size - 1; s++)
			buf[n++] = *s, digits++;
	if (digits && (*s | 0x20) == 'e') {
		*real = TRUE;
		buf[n++] = *s++;
		if (*s == '+' || *s == '-')
			buf[n++] = *s++;
		if (!digit(*s))
			return DISP_E_TYPEMISMATCH;
		while (digit(*s) && n < size - 1)
			buf[n++] = *s++;
	}
	while (space(*s))
		s++;
	buf[n] = 0;
	return digits && !*s && n < size - 1 ? S_OK : DISP_E_TYPEMISMATCH;
}

HRESULT str_to_num(const OLECHAR *s, struct num *out)
{
	OLECHAR buf[128], *end;
	ULONGLONG v = 0;
	BOOL real, neg;
	HRESULT hr;
	int i;

	while (space(*s))
		s++;
	if (*s == '&')
		return radix_num(s, out);
	hr = clean_number(s, buf, 128, &real);
	if (FAILED(hr))
		return hr;
	neg = buf[0] == '-';
	for (i = buf[0] == '-' || buf[0] == '+'; !real && buf[i]; i++) {
		if (v > (~0ULL - 9) / 10)
			real = TRUE; /* past 64 bits: a real, whose range check follows */
		v = v * 10 + (buf[i] - '0');
	}
	if (real) {
		*out = num_real(crt_wcstod(buf, &end));
		return S_OK;
	}
	if (neg && v > (1ULL << 63))
		*out = num_real(-(double)v);
	else
		*out = neg ? num_int(-(LONGLONG)v) : v > INT64_MAX ? num_uint(v) : num_int((LONGLONG)v);
	return S_OK;
}

HRESULT str_to_bool(const OLECHAR *s, VARIANT_BOOL *out)
{
	struct num n;
	HRESULT hr;

	while (space(*s))
		s++;
	if (!lstrcmpiW(s, L"True") || !lstrcmpiW(s, L"#TRUE#")) {
		*out = VARIANT_TRUE;
		return S_OK;
	}
	if (!lstrcmpiW(s, L"False") || !lstrcmpiW(s, L"#FALSE#")) {
		*out = VARIANT_FALSE;
		return S_OK;
	}
	hr = str_to_num(s, &n);
	if (SUCCEEDED(hr))
		*out = num_to_real(n) != 0 ? VARIANT_TRUE : VARIANT_FALSE;
	return hr;
}

static HRESULT new_bstr(const OLECHAR *s, BSTR *out)
{
	*out = SysAllocString(s);
	return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT bstr_from_num(struct num n, BSTR *out)
{
	OLECHAR buf[32];

	if (n.kind == NUM_REAL)
		return bstr_from_real(n.r, 15, out);
	if (n.kind == NUM_UINT)
		crt_snwprintf(buf, 32, L"%I64u", n.u);
	else
		crt_snwprintf(buf, 32, L"%I64d", n.i);
	return new_bstr(buf, out);
}

/* %G with `digits` significant digits, its exponent written with two
 * digits at least ("1E+20", where the C runtime writes "1E+020"). */
HRESULT bstr_from_real(double v, int digits, BSTR *out)
{
	OLECHAR buf[64], *e, *p;

	crt_snwprintf(buf, 63, L"%.*G", digits, v);
	buf[63] = 0;
	e = wcschr(buf, 'E');
	if (e && (e[1] == '+' || e[1] == '-')) {
		for (p = e + 2; p[0] == '0' && p[1] && p[2]; p++)
			;
		memmove(e + 2, p, (lstrlenW(p) + 1) * sizeof(OLECHAR));
	}
	return new_bstr(buf, out);
}

/* "-1"/"0", or "True"/"False" with VARIANT_ALPHABOOL or VARIANT_LOCALBOOL. */
HRESULT bstr_from_bool(VARIANT_BOOL v, ULONG flags, BSTR *out)
{
	if (flags & (VARIANT_ALPHABOOL | VARIANT_LOCALBOOL))
		return new_bstr(v ? L"True" : L"False", out);
	return new_bstr(v ? L"-1" : L"0", out);
}

/* The date alone when there is no time, the time alone on day 0. */
HRESULT bstr_from_date(DATE v, ULONG flags, BSTR *out)
{
	SYSTEMTIME st;
	OLECHAR buf[64];
	int n = 0;
	BOOL date_part, time_part;

	if (!date_to_parts(v, &st))
		return E_INVALIDARG;
	time_part = st.wHour || st.wMinute || st.wSecond;
	date_part = (LONG)v != 0 || !time_part;
	if (flags & VAR_TIMEVALUEONLY)
		date_part = FALSE, time_part = TRUE;
	if (flags & VAR_DATEVALUEONLY)
		date_part = TRUE, time_part = FALSE;
	if (date_part)
		n = crt_snwprintf(buf, 64, L"%u/%u/%u", st.wMonth, st.wDay, st.wYear);
	if (time_part)
		crt_snwprintf(buf + n, 64 - n, L"%s%u:%02u:%02u %s", date_part ? L" " : L"",
			   st.wHour % 12 ? st.wHour % 12 : 12, st.wMinute, st.wSecond,
			   st.wHour < 12 ? L"AM" : L"PM");
	return new_bstr(buf, out);
}

/* An unsigned number of 1 to max_digits digits. */
static BOOL get_uint(const OLECHAR **s, int max_digits, unsigned *v)
{
	int n = 0;

	*v = 0;
	while (digit(**s) && n < max_digits)
		*v = *v * 10 + (*(*s)++ - '0'), n++;
	return n > 0;
}

/* "h:mm[:ss] [AM|PM]" into st; FALSE if malformed. */
static BOOL parse_time(const OLECHAR *s, SYSTEMTIME *st)
{
	unsigned h, m, sec = 0;

	if (!get_uint(&s, 2, &h) || *s++ != ':' || !get_uint(&s, 2, &m))
		return FALSE;
	if (*s == ':' && (s++, !get_uint(&s, 2, &sec)))
		return FALSE;
	while (space(*s))
		s++;
	if (*s && (s[1] | 0x20) == 'm' && !s[2] && ((*s | 0x20) == 'a' || (*s | 0x20) == 'p')) {
		if (h < 1 || h > 12)
			return FALSE;
		h = h % 12 + ((*s | 0x20) == 'p' ? 12 : 0);
	} else if (*s) {
		return FALSE;
	}
	st->wHour = (WORD)h, st->wMinute = (WORD)m, st->wSecond = (WORD)sec;
	return h < 24 && m < 60 && sec < 60;
}

/* "YYYY-MM-DD" or "M/D/YYYY" (two-digit years: 00-29 are 20xx), and
 * where the date ends. */
static BOOL parse_date(const OLECHAR **s, SYSTEMTIME *st)
{
	unsigned a, b, c;
	const OLECHAR *p = *s;

	if (!get_uint(&p, 4, &a))
		return FALSE;
	if (*p == '-' && p - *s == 4) {
		if (!(p++, get_uint(&p, 2, &b)) || *p++ != '-' || !get_uint(&p, 2, &c))
			return FALSE;
		st->wYear = (WORD)a, st->wMonth = (WORD)b, st->wDay = (WORD)c;
	} else {
		if (*p++ != '/' || !get_uint(&p, 2, &b) || *p++ != '/' || !get_uint(&p, 4, &c))
			return FALSE;
		if (c < 100)
			c += c < 30 ? 2000 : 1900;
		st->wYear = (WORD)c, st->wMonth = (WORD)a, st->wDay = (WORD)b;
	}
	*s = p;
	return TRUE;
}

HRESULT str_to_date(const OLECHAR *s, DATE *out)
{
	SYSTEMTIME st = { 1899, 12, 0, 30, 0, 0, 0, 0 };
	const OLECHAR *p;

	while (space(*s))
		s++;
	p = s;
	if (parse_date(&p, &st)) {
		while (space(*p) || *p == 'T')
			p++;
		if (*p && !parse_time(p, &st))
			return DISP_E_TYPEMISMATCH;
	} else if (!parse_time(s, &st)) {
		return DISP_E_TYPEMISMATCH;
	}
	return parts_to_date(&st, out) ? S_OK : DISP_E_TYPEMISMATCH;
}
