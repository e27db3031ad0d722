/* VarFormat's engine: a format string of up to four sections (positive;
 * negative; zero; null) applied to a number, a date or a string, as the
 * Visual Basic Format function documents it. */
#ifndef LSW_OLEAUT_VARFMT_H
#define LSW_OLEAUT_VARFMT_H

#include "varconv.h"

#define FMT_OUT_MAX 1024

/* The text being built; too long a result is cut at FMT_OUT_MAX. */
struct fmt_out {
	OLECHAR buf[FMT_OUT_MAX + 1];
	int n;
};

/* What the locale (or the caller) sets: separators, the first day of the
 * week (0 = the locale's, 1 = Sunday ... 7 = Saturday). */
struct fmt_ctx {
	LCID lcid;
	int first_day;
	OLECHAR decimal, thousand, time_sep, date_sep;
};

void fmt_put(struct fmt_out *o, OLECHAR c);
void fmt_puts(struct fmt_out *o, const OLECHAR *s);
void fmt_ctx_init(struct fmt_ctx *c, LCID lcid, int first_day);

/* One section, [fmt, end). */
void fmt_number(const struct fmt_ctx *c, const OLECHAR *fmt, const OLECHAR *end, double v,
		BOOL sign, struct fmt_out *o);
/* The plain decimal text of v ("-1234.5"), for the locale's formatting API. */
void fmt_plain(double v, struct fmt_out *o);
void fmt_date(const struct fmt_ctx *c, const OLECHAR *fmt, const OLECHAR *end, DATE d,
	      struct fmt_out *o);
void fmt_string(const OLECHAR *fmt, const OLECHAR *end, const OLECHAR *s, struct fmt_out *o);

/* The formats a section of that text is: a date, a string, a number. */
enum fmt_kind { FMT_NUMBER, FMT_DATE, FMT_STRING };
enum fmt_kind fmt_classify(const OLECHAR *fmt, const OLECHAR *end);

/* The end of the literal or escape at p (a quoted text or \x), else p. */
const OLECHAR *fmt_skip_literal(const OLECHAR *p, const OLECHAR *end);

/* Puts the text of the literal [f, lit) that fmt_skip_literal found. */
void fmt_put_literal(struct fmt_out *o, const OLECHAR *f, const OLECHAR *lit);

/* The whole of VarFormat with an explicit locale. */
HRESULT fmt_variant(LPVARIANT in, const OLECHAR *format, int first_day, int first_week,
		    ULONG flags, BSTR *out, LCID lcid);

#endif
