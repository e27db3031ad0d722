/*
 * The A forms of GetNumberFormat, GetCurrencyFormat, GetDateFormat and
 * GetTimeFormat: their strings in the locale's ANSI code page
 * (LOCALE_USE_CP_ACP: CP_ACP's) around the W forms.
 */
#include "k32_nls.h"

struct a_call {
	LCID lcid;
	DWORD flags;
	UINT cp;
	const SYSTEMTIME *time;
	WCHAR *text;           /* the value or the picture, converted */
	NUMBERFMTW number;     /* the caller's format, converted */
	CURRENCYFMTW currency;
	BOOL has_fmt;
	WCHAR *args[4]; /* converted strings, freed at the end */
	int n;
	BOOL failed;
};

static BOOL a_start(struct a_call *c, LCID lcid, DWORD flags)
{
	struct k32_locale loc;

	memset(c, 0, sizeof(*c));
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	c->lcid = lcid;
	c->cp = (flags & LOCALE_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(&loc);
	c->flags = flags & ~LOCALE_USE_CP_ACP;
	return TRUE;
}

/* An A string argument as W (NULL stays NULL). */
static WCHAR *a_arg(struct a_call *c, const char *s)
{
	WCHAR *w;

	if (!s || c->failed)
		return NULL;
	if (!(w = k32_a_arg(c->cp, s, -1, NULL)))
		c->failed = TRUE;
	else
		c->args[c->n++] = w;
	return w;
}

typedef int (*w_call)(struct a_call *c, WCHAR *buf, int size);

/* Runs the W call twice (size, then text) and converts its result. */
static int a_finish(struct a_call *c, w_call call, char *buf, int size)
{
	WCHAR *w;
	int n, ret = 0, i;

	if (size < 0 || (size && !buf))
		ret = k32_error(ERROR_INVALID_PARAMETER);
	else if (!c->failed && (n = call(c, NULL, 0)) &&
		 (w = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n * sizeof(WCHAR)))) {
		if (call(c, w, n))
			ret = k32_w_result_to_a(c->cp, w, n, buf, size);
		k32_free(w);
	}
	for (i = 0; i < c->n; i++)
		k32_free(c->args[i]);
	return ret;
}

static int call_number(struct a_call *c, WCHAR *buf, int size)
{
	return GetNumberFormatW(c->lcid, c->flags, c->text, c->has_fmt ? &c->number : NULL, buf,
				size);
}

static int call_currency(struct a_call *c, WCHAR *buf, int size)
{
	return GetCurrencyFormatW(c->lcid, c->flags, c->text, c->has_fmt ? &c->currency : NULL,
				  buf, size);
}

static int call_date(struct a_call *c, WCHAR *buf, int size)
{
	return GetDateFormatW(c->lcid, c->flags, c->time, c->text, buf, size);
}

static int call_time(struct a_call *c, WCHAR *buf, int size)
{
	return GetTimeFormatW(c->lcid, c->flags, c->time, c->text, buf, size);
}

K32API int WINAPI GetNumberFormatA(LCID lcid, DWORD flags, LPCSTR value, const NUMBERFMTA *fmt,
				   LPSTR buf, int size)
{
	struct a_call c;

	if (!a_start(&c, lcid, flags))
		return 0;
	if (!value)
		return k32_error(ERROR_INVALID_PARAMETER);
	c.text = a_arg(&c, value);
	if (fmt) {
		c.has_fmt = TRUE;
		memcpy(&c.number, fmt, offsetof(NUMBERFMTA, lpDecimalSep));
		c.number.lpDecimalSep = a_arg(&c, fmt->lpDecimalSep);
		c.number.lpThousandSep = a_arg(&c, fmt->lpThousandSep);
		c.number.NegativeOrder = fmt->NegativeOrder;
	}
	return a_finish(&c, call_number, buf, size);
}

K32API int WINAPI GetCurrencyFormatA(LCID lcid, DWORD flags, LPCSTR value,
				     const CURRENCYFMTA *fmt, LPSTR buf, int size)
{
	struct a_call c;

	if (!a_start(&c, lcid, flags))
		return 0;
	if (!value)
		return k32_error(ERROR_INVALID_PARAMETER);
	c.text = a_arg(&c, value);
	if (fmt) {
		c.has_fmt = TRUE;
		memcpy(&c.currency, fmt, offsetof(CURRENCYFMTA, lpDecimalSep));
		c.currency.lpDecimalSep = a_arg(&c, fmt->lpDecimalSep);
		c.currency.lpThousandSep = a_arg(&c, fmt->lpThousandSep);
		c.currency.NegativeOrder = fmt->NegativeOrder;
		c.currency.PositiveOrder = fmt->PositiveOrder;
		c.currency.lpCurrencySymbol = a_arg(&c, fmt->lpCurrencySymbol);
	}
	return a_finish(&c, call_currency, buf, size);
}

K32API int WINAPI GetDateFormatA(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCSTR pic,
				 LPSTR buf, int size)
{
	struct a_call c;

	if (!a_start(&c, lcid, flags))
		return 0;
	c.time = time;
	c.text = a_arg(&c, pic);
	return a_finish(&c, call_date, buf, size);
}

K32API int WINAPI GetTimeFormatA(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCSTR pic,
				 LPSTR buf, int size)
{
	struct a_call c;

	if (!a_start(&c, lcid, flags))
		return 0;
	c.time = time;
	c.text = a_arg(&c, pic);
	return a_finish(&c, call_time, buf, size);
}
