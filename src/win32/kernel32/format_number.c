/*
 * GetNumberFormat and GetCurrencyFormat (W, A, Ex): a decimal string
 * ("-1234.5") rounded half up to the digits asked, grouped and signed as
 * the locale (or the caller's NUMBERFMT/CURRENCYFMT) says.  The sign and
 * symbol placements are patterns: n the number, $ the symbol, - the sign.
 */
#include "k32_nls.h"

static const WCHAR *const number_negative[] = { L"(n)", L"-n", L"- n", L"n-", L"n -" };
static const WCHAR *const currency_positive[] = { L"$n", L"n$", L"$ n", L"n $" };
static const WCHAR *const currency_negative[] = {
	L"($n)", L"-$n", L"$-n", L"$n-", L"(n$)", L"-n$", L"n-$", L"n$-",
	L"-n $", L"-$ n", L"n $-", L"$ n-", L"$ -n", L"n- $", L"($ n)", L"(n $)",
};

#define MAX_DIGITS 128 /* of a value, each side of the point */
#define SEP_MAX 4      /* separators longer than 3 characters are refused */

struct number_format {
	UINT digits, leading_zero;
	BYTE groups[10]; /* group sizes from the point leftwards */
	int ngroups;
	BOOL repeat;     /* the last size repeats */
	WCHAR decimal[SEP_MAX], thousand[SEP_MAX], symbol[16];
	UINT negative, positive;
};

struct outbuf {
	WCHAR *s;
	int size, len;
};

static void out_char(struct outbuf *o, WCHAR c)
{
	if (o->size && o->len < o->size)
		o->s[o->len] = c;
	o->len++;
}

static void out_str(struct outbuf *o, const WCHAR *s)
{
	while (*s)
		out_char(o, *s++);
}

/* The value split at the point; FALSE if it is not [-]digits[.digits]. */
static BOOL parse_value(const WCHAR *v, BOOL *neg, char *ip, int *ni, char *fp, int *nf)
{
	*neg = *v == '-';
	v += *neg;
	for (*ni = 0; *v >= '0' && *v <= '9'; v++) {
		if (*ni >= MAX_DIGITS)
			return FALSE;
		ip[(*ni)++] = (char)*v;
	}
	*nf = 0;
	if (*v == '.')
		for (v++; *v >= '0' && *v <= '9'; v++) {
			if (*nf >= MAX_DIGITS)
				return FALSE;
			fp[(*nf)++] = (char)*v;
		}
	return !*v && (*ni || *nf);
}

/* Rounds the fraction to `digits` (half up), carrying into the integer. */
static void round_value(char *ip, int *ni, char *fp, int *nf, UINT digits)
{
	int i;
	BOOL carry;

	if ((UINT)*nf <= digits) {
		while ((UINT)*nf < digits)
			fp[(*nf)++] = '0';
		return;
	}
	carry = fp[digits] >= '5';
	*nf = (int)digits;
	for (i = *nf - 1; carry && i >= 0; i--)
		carry = (fp[i] = fp[i] == '9' ? '0' : (char)(fp[i] + 1)) == '0';
	for (i = *ni - 1; carry && i >= 0; i--)
		carry = (ip[i] = ip[i] == '9' ? '0' : (char)(ip[i] + 1)) == '0';
	if (carry) {
		memmove(ip + 1, ip, (SIZE_T)*ni);
		ip[0] = '1';
		(*ni)++;
	}
}

/* Is there a separator with `left` digits to its right? */
static BOOL separator_at(const struct number_format *f, int left)
{
	int i, pos = 0;

	for (i = 0; i < f->ngroups && f->groups[i]; i++) {
		pos += f->groups[i];
		if (pos == left)
			return TRUE;
	}
	if (!f->repeat || !i || pos > left)
		return FALSE;
	return (left - pos) % f->groups[i - 1] == 0;
}

/* The integer digits with separators. */
static void out_integer(struct outbuf *o, const struct number_format *f, const char *ip, int ni)
{
	int i, start = 0;

	while (start < ni - 1 && ip[start] == '0')
		start++;
	ip += start, ni -= start;
	if (ni == 1 && ip[0] == '0' && !f->leading_zero)
		return;
	for (i = 0; i < ni; i++) {
		out_char(o, (WCHAR)ip[i]);
		if (i < ni - 1 && *f->thousand && separator_at(f, ni - 1 - i))
			out_str(o, f->thousand);
	}
}

static void out_number(struct outbuf *o, const struct number_format *f, const char *ip, int ni,
		       const char *fp, int nf)
{
	int i;

	out_integer(o, f, ip, ni ? ni : 1);
	if (nf) {
		out_str(o, f->decimal);
		for (i = 0; i < nf; i++)
			out_char(o, (WCHAR)fp[i]);
	}
}

static BOOL all_zero(const char *d, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (d[i] != '0')
			return FALSE;
	return TRUE;
}

static int format(const WCHAR *value, const struct number_format *f, BOOL currency, WCHAR *buf,
		  int size)
{
	char ip[MAX_DIGITS + 2] = "0", fp[MAX_DIGITS + 2];
	int ni, nf;
	BOOL neg;
	struct outbuf o = { buf, size, 0 };
	const WCHAR *pat;

	if (!value || size < 0 || (size && !buf) || !parse_value(value, &neg, ip, &ni, fp, &nf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!ni)
		ip[0] = '0', ni = 1;
	round_value(ip, &ni, fp, &nf, f->digits);
	if (neg && all_zero(ip, ni) && all_zero(fp, nf))
		neg = FALSE; /* -0.001 rounded is 0, without a sign */
	pat = currency ? (neg ? currency_negative[f->negative] : currency_positive[f->positive])
		       : (neg ? number_negative[f->negative] : L"n");
	for (; *pat; pat++) {
		if (*pat == 'n')
			out_number(&o, f, ip, ni, fp, nf);
		else if (*pat == '$')
			out_str(&o, f->symbol);
		else
			out_char(&o, *pat == '-' ? L'-' : *pat);
	}
	out_char(&o, 0);
	if (size && o.len > size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	return o.len;
}

/* "3;2;0" as GetLocaleInfo gives it: a final 0 repeats the size before. */
static void grouping_text(const WCHAR *g, struct number_format *f)
{
	f->ngroups = 0;
	f->repeat = FALSE;
	for (; *g >= '0' && *g <= '9' && f->ngroups < 9; g += g[1] == ';' ? 2 : 1) {
		if (*g == '0' && f->ngroups) {
			f->repeat = TRUE;
			break;
		}
		f->groups[f->ngroups++] = (BYTE)(*g - '0');
		if (g[1] != ';')
			break;
	}
}

/* NUMBERFMT's 32 (its digits are the sizes): a final 0 stops the
 * grouping, otherwise the last size repeats. */
static void grouping_number(UINT g, struct number_format *f)
{
	BYTE d[10];
	int n = 0;

	do
		d[n++] = (BYTE)(g % 10);
	while ((g /= 10) && n < 9);
	f->repeat = d[0] != 0;
	for (f->ngroups = 0; n > 0; n--)
		f->groups[f->ngroups++] = d[n - 1];
	if (!f->repeat)
		f->ngroups--;
}

static BOOL copy_sep(WCHAR *dst, const WCHAR *src)
{
	int n = src ? k32_wcslen(src) : -1;

	if (n < 0 || n >= SEP_MAX)
		return FALSE;
	memcpy(dst, src, (SIZE_T)(n + 1) * sizeof(WCHAR));
	return TRUE;
}

static void locale_format(const struct k32_locale *loc, BOOL currency, struct number_format *f)
{
	f->digits = k32_locale_number(loc, currency ? LF_CURR_DIGITS : LF_DIGITS);
	f->leading_zero = k32_locale_number(loc, LF_LZERO);
	grouping_text(k32_locale_field(loc, currency ? LF_MON_GROUPING : LF_GROUPING), f);
	copy_sep(f->decimal, k32_locale_field(loc, currency ? LF_MON_DECIMAL : LF_DECIMAL));
	copy_sep(f->thousand, k32_locale_field(loc, currency ? LF_MON_THOUSAND : LF_THOUSAND));
	f->negative = k32_locale_number(loc, currency ? LF_NEGCURR : LF_NEGNUMBER);
	f->positive = currency ? k32_locale_number(loc, LF_ICURRENCY) : 0;
	lstrcpynW(f->symbol, k32_locale_field(loc, LF_CURRENCY), 16);
	if (f->negative > (currency ? 15u : 4u))
		f->negative = 1;
	if (f->positive > 3)
		f->positive = 0;
}

/* Checks and takes the caller's format; FALSE with the error set. */
static BOOL caller_format(DWORD flags, const NUMBERFMTW *nf, const CURRENCYFMTW *cf,
			  struct number_format *f)
{
	if (flags)
		return k32_error(ERROR_INVALID_FLAGS);
	if (nf) {
		if (nf->NumDigits > 9 || nf->LeadingZero > 1 || nf->NegativeOrder > 4 ||
		    !copy_sep(f->decimal, nf->lpDecimalSep) || !copy_sep(f->thousand, nf->lpThousandSep))
			return k32_error(ERROR_INVALID_PARAMETER);
		f->digits = nf->NumDigits, f->leading_zero = nf->LeadingZero;
		f->negative = nf->NegativeOrder;
		grouping_number(nf->Grouping, f);
		return TRUE;
	}
	if (cf->NumDigits > 9 || cf->LeadingZero > 1 || cf->NegativeOrder > 15 ||
	    cf->PositiveOrder > 3 || !cf->lpCurrencySymbol ||
	    !copy_sep(f->decimal, cf->lpDecimalSep) || !copy_sep(f->thousand, cf->lpThousandSep))
		return k32_error(ERROR_INVALID_PARAMETER);
	f->digits = cf->NumDigits, f->leading_zero = cf->LeadingZero;
	f->negative = cf->NegativeOrder, f->positive = cf->PositiveOrder;
	lstrcpynW(f->symbol, cf->lpCurrencySymbol, 16);
	grouping_number(cf->Grouping, f);
	return TRUE;
}

static int number_or_currency(const struct k32_locale *loc, DWORD flags, const WCHAR *value,
			      const NUMBERFMTW *nf, const CURRENCYFMTW *cf, BOOL currency,
			      WCHAR *buf, int size)
{
	struct number_format f = { 0 };

	if (nf || cf) {
		if (!caller_format(flags, nf, cf, &f))
			return 0;
	} else if (flags & ~LOCALE_NOUSEROVERRIDE) {
		return k32_error(ERROR_INVALID_FLAGS);
	} else {
		locale_format(loc, currency, &f);
	}
	return format(value, &f, currency, buf, size);
}

K32API int WINAPI GetNumberFormatEx(LPCWSTR name, DWORD flags, LPCWSTR value,
				    const NUMBERFMTW *fmt, LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_name(name, FALSE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return number_or_currency(&loc, flags, value, fmt, NULL, FALSE, buf, size);
}

K32API int WINAPI GetNumberFormatW(LCID lcid, DWORD flags, LPCWSTR value, const NUMBERFMTW *fmt,
				   LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return number_or_currency(&loc, flags, value, fmt, NULL, FALSE, buf, size);
}

K32API int WINAPI GetCurrencyFormatEx(LPCWSTR name, DWORD flags, LPCWSTR value,
				      const CURRENCYFMTW *fmt, LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_name(name, FALSE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return number_or_currency(&loc, flags, value, NULL, fmt, TRUE, buf, size);
}

K32API int WINAPI GetCurrencyFormatW(LCID lcid, DWORD flags, LPCWSTR value,
				     const CURRENCYFMTW *fmt, LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return number_or_currency(&loc, flags, value, NULL, fmt, TRUE, buf, size);
}
