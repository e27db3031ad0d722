/*
 * VarFormat: a VARIANT through a format string of up to four sections
 * separated by ';' (positive and general; negative; zero; null), or
 * through one of the named formats.  The first section's characters say
 * whether the format is a number, a date or a string format.
 */
#include "varfmt.h"

void fmt_put(struct fmt_out *o, OLECHAR c)
{
	if (o->n < FMT_OUT_MAX)
		o->buf[o->n++] = c;
}

void fmt_puts(struct fmt_out *o, const OLECHAR *s)
{
	while (*s)
		fmt_put(o, *s++);
}

static OLECHAR locale_char(LCID lcid, LCTYPE type, OLECHAR dflt)
{
	OLECHAR buf[8];

	return GetLocaleInfoW(lcid, type, buf, ARRAYSIZE(buf)) && buf[0] ? buf[0] : dflt;
}

void fmt_ctx_init(struct fmt_ctx *c, LCID lcid, int first_day)
{
	c->lcid = lcid;
	c->first_day = first_day;
	c->decimal = locale_char(lcid, LOCALE_SDECIMAL, '.');
	c->thousand = locale_char(lcid, LOCALE_STHOUSAND, ',');
	c->time_sep = locale_char(lcid, LOCALE_STIME, ':');
	c->date_sep = locale_char(lcid, LOCALE_SDATE, '/');
}

const OLECHAR *fmt_skip_literal(const OLECHAR *p, const OLECHAR *end)
{
	if (*p == '\\')
		return p + 1 < end ? p + 2 : end;
	if (*p != '"')
		return p;
	for (p++; p < end && *p != '"'; p++)
		;
	return p < end ? p + 1 : end;
}

void fmt_put_literal(struct fmt_out *o, const OLECHAR *f, const OLECHAR *lit)
{
	for (const OLECHAR *q = f + 1; q < lit; q++)
		if (*f != '"' || q < lit - 1 || *q != '"')
			fmt_put(o, *q);
}

enum fmt_kind fmt_classify(const OLECHAR *f, const OLECHAR *end)
{
	BOOL first = TRUE, date = FALSE;

	for (; f < end; f++) {
		const OLECHAR *lit = fmt_skip_literal(f, end);

		if (lit != f) {
			f = lit - 1;
			continue;
		}
		if (*f == '@' || *f == '&')
			return FMT_STRING;
		if (first && wcschr(L"0#.,", *f))
			return FMT_NUMBER;      /* letters after digits are text */
		if ((*f && wcschr(L"dDmMyYhHnNsSwWqQcCtT", *f)) ||
		    ((*f | 0x20) == 'a' && end - f >= 3 && f[1] == '/'))
			date = TRUE;
		first = FALSE;
	}
	return date ? FMT_DATE : FMT_NUMBER;
}

/* The named formats, as the patterns they stand for (NULL: special). */
enum named_kind { NAMED_PATTERN, NAMED_GENERAL, NAMED_CURRENCY, NAMED_BOOL };

static const struct named {
	const OLECHAR *name, *pattern;
	enum named_kind kind;
	const OLECHAR *yes, *no;
} named_formats[] = {
	{ L"General Number", NULL, NAMED_GENERAL },
	{ L"Currency", NULL, NAMED_CURRENCY },
	{ L"Fixed", L"0.00" },
	{ L"Standard", L"#,##0.00" },
	{ L"Percent", L"0.00%" },
	{ L"Scientific", L"0.00E+00" },
	{ L"Yes/No", NULL, NAMED_BOOL, L"Yes", L"No" },
	{ L"True/False", NULL, NAMED_BOOL, L"True", L"False" },
	{ L"On/Off", NULL, NAMED_BOOL, L"On", L"Off" },
	{ L"General Date", L"c" },
	{ L"Long Date", L"dddddd" },
	{ L"Medium Date", L"dd-mmm-yy" },
	{ L"Short Date", L"ddddd" },
	{ L"Long Time", L"ttttt" },
	{ L"Medium Time", L"hh:mm AM/PM" },
	{ L"Short Time", L"hh:mm" },
};

static const struct named *find_named(const OLECHAR *format)
{
	for (unsigned i = 0; i < ARRAYSIZE(named_formats); i++)
		if (CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, format, -1,
				   named_formats[i].name, -1) == CSTR_EQUAL)
			return &named_formats[i];
	return NULL;
}

static HRESULT to_type(VARIANT *dst, VARIANT *src, LCID lcid, VARTYPE vt)
{
	VariantInit(dst);
	return VariantChangeTypeEx(dst, src, lcid, VARIANT_ALPHABOOL, vt);
}

static HRESULT done(const struct fmt_out *o, BSTR *out)
{
	BSTR s = SysAllocStringLen(o->buf, o->n);

	if (!s)
		return E_OUTOFMEMORY;
	*out = s;
	return S_OK;
}

static HRESULT format_special(const struct named *nf, VARIANT *v, LCID lcid, BSTR *out)
{
	struct fmt_out plain = { .n = 0 }, o = { .n = 0 };
	VARIANT r;
	HRESULT hr;

	if (nf->kind == NAMED_GENERAL) {
		if ((hr = to_type(&r, v, lcid, VT_BSTR)) != S_OK)
			return hr;
		*out = V_BSTR(&r);
		return S_OK;
	}
	if ((hr = to_type(&r, v, lcid, VT_R8)) != S_OK)
		return hr;
	if (nf->kind == NAMED_BOOL) {
		fmt_puts(&o, V_R8(&r) != 0 ? nf->yes : nf->no);
		return done(&o, out);
	}
	fmt_plain(V_R8(&r), &plain);
	o.n = GetCurrencyFormatW(lcid, 0, plain.buf, NULL, o.buf, FMT_OUT_MAX);
	if (o.n)
		o.n--;
	return o.n ? done(&o, out) : E_INVALIDARG;
}

/* The sections of a format: [start, end) of each of up to four. */
struct sections {
	const OLECHAR *start[4], *end[4];
	int n;
};

static void split(const OLECHAR *f, struct sections *s)
{
	s->n = 0;
	s->start[0] = f;
	while (*f) {
		const OLECHAR *lit = fmt_skip_literal(f, f + lstrlenW(f));

		if (lit != f) {
			f = lit;
		} else if (*f == ';' && s->n < 3) {
			s->end[s->n++] = f;
			s->start[s->n] = ++f;
		} else {
			f++;
		}
	}
	s->end[s->n++] = f;
}

/* The section for the value v, and whether it writes the sign. */
static int pick(const struct sections *s, double v, BOOL *sign)
{
	*sign = FALSE;
	if (v < 0 && s->n >= 2 && s->end[1] > s->start[1])
		return 1;
	if (v == 0 && s->n >= 3 && s->end[2] > s->start[2])
		return 2;
	*sign = v < 0;
	return 0;
}

static HRESULT format_text(const struct fmt_ctx *c, const struct sections *s, VARIANT *v,
			   struct fmt_out *o)
{
	VARIANT r;

	if (to_type(&r, v, c->lcid, VT_BSTR) != S_OK)
		return DISP_E_TYPEMISMATCH;
	fmt_string(s->start[0], s->end[0], V_BSTR(&r), o);
	VariantClear(&r);
	return S_OK;
}

/* The number (or date) a value is: a string that is neither stays text. */
static BOOL value_of(const struct fmt_ctx *c, VARIANT *v, enum fmt_kind kind, double *out)
{
	VARIANT r;

	if (to_type(&r, v, c->lcid, VT_R8) == S_OK)
		*out = V_R8(&r);
	else if (kind == FMT_DATE && to_type(&r, v, c->lcid, VT_DATE) == S_OK)
		*out = V_DATE(&r);
	else
		return FALSE;
	return TRUE;
}

static HRESULT format_value(const struct fmt_ctx *c, const struct sections *s, VARIANT *v,
			    struct fmt_out *o)
{
	static const OLECHAR text_only[] = L"&";
	enum fmt_kind kind = fmt_classify(s->start[0], s->end[0]);
	struct sections plain = { { text_only }, { text_only + 1 }, 1 };
	double d;
	BOOL sign;
	int i;

	if (kind == FMT_STRING)
		return format_text(c, s, v, o);
	if (!value_of(c, v, kind, &d))
		return V_VT(v) == VT_BSTR ? format_text(c, &plain, v, o) : DISP_E_TYPEMISMATCH;
	i = pick(s, d, &sign);
	if (fmt_classify(s->start[i], s->end[i]) == FMT_DATE)
		fmt_date(c, s->start[i], s->end[i], d, o);
	else
		fmt_number(c, s->start[i], s->end[i], i == 1 ? -d : d, sign, o);
	return S_OK;
}

HRESULT fmt_variant(LPVARIANT in, const OLECHAR *format, int first_day, int first_week,
		    ULONG flags, BSTR *out, LCID lcid)
{
	struct fmt_out *o;
	struct fmt_ctx c;
	struct sections s;
	const struct named *nf;
	VARIANT v;
	HRESULT hr;

	if (!in || !out || first_day < 0 || first_day > 7 || first_week < 0 || first_week > 3)
		return E_INVALIDARG;
	VariantInit(&v);
	if ((hr = VariantCopyInd(&v, in)) != S_OK)
		return hr;
	if (V_VT(&v) == VT_NULL) {
		*out = NULL;
		return S_OK;
	}
	nf = format && *format ? find_named(format) : NULL;
	if (!format || !*format || (nf && nf->kind != NAMED_PATTERN)) {
		static const struct named general = { NULL, NULL, NAMED_GENERAL };

		hr = format_special(nf ? nf : &general, &v, lcid, out);
		VariantClear(&v);
		return hr;
	}
	fmt_ctx_init(&c, lcid, first_day);
	split(nf ? nf->pattern : format, &s);
	o = HeapAlloc(GetProcessHeap(), 0, sizeof(*o));
	hr = o ? S_OK : E_OUTOFMEMORY;
	if (o) {
		o->n = 0;
		hr = format_value(&c, &s, &v, o);
		if (hr == S_OK)
			hr = done(o, out);
		HeapFree(GetProcessHeap(), 0, o);
	}
	VariantClear(&v);
	return hr;
}

HRESULT WINAPI VarFormat(LPVARIANT in, LPOLESTR format, int first_day, int first_week,
			 ULONG flags, BSTR *out)
{
	return fmt_variant(in, format, first_day, first_week, flags, out, LOCALE_USER_DEFAULT);
}
