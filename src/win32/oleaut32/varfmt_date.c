/*
 * One date section of a format: d dd ddd dddd (day, names), ddddd
 * dddddd (the locale's short and long dates), w ww (weekday, week), m mm
 * mmm mmmm (month, or minutes right after an hour), q, y (day of the
 * year), yy yyyy, h hh, n nn, s ss, ttttt (the locale's time), c (both),
 * AM/PM am/pm A/P a/p AMPM (a 12-hour clock), ':' and '/' (the locale's
 * separators), literal text.
 */
#include "varfmt.h"

struct date_state {
	const struct fmt_ctx *ctx;
	SYSTEMTIME st;
	DATE d;
	BOOL twelve;            /* an AM/PM marker in the section */
	BOOL after_hour;        /* the last field was an hour */
};

/* The AM/PM marker at f, its length (0: none). */
static int ampm_len(const OLECHAR *f, const OLECHAR *end)
{
	static const OLECHAR *const marks[] = { L"AM/PM", L"am/pm", L"A/P", L"a/p", L"AMPM" };

	for (unsigned i = 0; i < ARRAYSIZE(marks); i++) {
		int n = lstrlenW(marks[i]);

		if (end - f >= n && !memcmp(f, marks[i], n * sizeof(OLECHAR)))
			return n;
	}
	return 0;
}

static void put_locale(struct date_state *s, LCTYPE type, struct fmt_out *o)
{
	OLECHAR buf[80];

	if (GetLocaleInfoW(s->ctx->lcid, type, buf, ARRAYSIZE(buf)))
		fmt_puts(o, buf);
}

static void put_num(struct fmt_out *o, int width, int v)
{
	OLECHAR buf[16];

	crt_snwprintf(buf, 16, L"%0*d", width, v);
	fmt_puts(o, buf);
}

static int day_of_year(const SYSTEMTIME *st)
{
	static const short before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	int y = st->wYear, leap = !(y % 4) && ((y % 100) || !(y % 400));

	return before[st->wMonth - 1] + st->wDay + (leap && st->wMonth > 2);
}

/* 1 for the first day of the week (first_day: 1 = Sunday; 0 = Sunday too). */
static int weekday(const struct date_state *s)
{
	int first = s->ctx->first_day ? s->ctx->first_day - 1 : 0;

	return (s->st.wDayOfWeek - first + 7) % 7 + 1;
}

static void put_api_date(struct date_state *s, BOOL time, DWORD flags, struct fmt_out *o)
{
	OLECHAR buf[128];
	int n = time ? GetTimeFormatW(s->ctx->lcid, flags, &s->st, NULL, buf, ARRAYSIZE(buf))
		     : GetDateFormatW(s->ctx->lcid, flags, &s->st, NULL, buf, ARRAYSIZE(buf));

	if (n)
		fmt_puts(o, buf);
}

static void put_day(struct date_state *s, int n, struct fmt_out *o)
{
	int monday_based = (s->st.wDayOfWeek + 6) % 7;

	if (n <= 2)
		put_num(o, n, s->st.wDay);
	else if (n == 3)
		put_locale(s, LOCALE_SABBREVDAYNAME1 + monday_based, o);
	else if (n == 4)
		put_locale(s, LOCALE_SDAYNAME1 + monday_based, o);
	else
		put_api_date(s, FALSE, n == 5 ? DATE_SHORTDATE : DATE_LONGDATE, o);
}

static void put_month(struct date_state *s, int n, struct fmt_out *o)
{
	if (s->after_hour && n <= 2)
		put_num(o, n, s->st.wMinute);
	else if (n <= 2)
		put_num(o, n, s->st.wMonth);
	else
		put_locale(s, (n == 3 ? LOCALE_SABBREVMONTHNAME1 : LOCALE_SMONTHNAME1) + s->st.wMonth - 1, o);
}

static void put_hour(struct date_state *s, int n, struct fmt_out *o)
{
	int h = s->st.wHour;

	if (s->twelve && (h %= 12) == 0)
		h = 12;
	put_num(o, n, h);
}

static void put_week(struct date_state *s, int n, struct fmt_out *o)
{
	int doy = day_of_year(&s->st);
	int first_weekday = (weekday(s) - 1 - (doy - 1) % 7 + 7) % 7;   /* of 1 January */

	put_num(o, 1, n == 1 ? weekday(s) : (doy - 1 + first_weekday) / 7 + 1);
}

/* The field of n letters c; how many letters it took. */
static int put_field(struct date_state *s, OLECHAR c, int n, struct fmt_out *o)
{
	BOOL hour = FALSE;

	switch (c | 0x20) {
	case 'd': n = n > 6 ? 6 : n; put_day(s, n, o); break;
	case 'm': n = n > 4 ? 4 : n; put_month(s, n, o); break;
	case 'y':
		n = n >= 4 ? 4 : n == 3 ? 2 : n;
		if (n == 1)
			put_num(o, 1, day_of_year(&s->st));
		else
			put_num(o, n, n == 2 ? s->st.wYear % 100 : s->st.wYear);
		break;
	case 'h': n = n > 2 ? 2 : n; put_hour(s, n, o); hour = TRUE; break;
	case 'n': n = n > 2 ? 2 : n; put_num(o, n, s->st.wMinute); break;
	case 's': n = n > 2 ? 2 : n; put_num(o, n, s->st.wSecond); break;
	case 'w': n = n > 2 ? 2 : n; put_week(s, n, o); break;
	case 'q': n = 1; put_num(o, 1, (s->st.wMonth + 2) / 3); break;
	case 'c': n = 1; put_api_date(s, FALSE, DATE_SHORTDATE, o);
		if (s->st.wHour || s->st.wMinute || s->st.wSecond) {
			fmt_put(o, ' ');
			put_api_date(s, TRUE, 0, o);
		}
		break;
	}
	s->after_hour = hour;
	return n;
}

static void put_ampm(struct date_state *s, const OLECHAR *f, int len, struct fmt_out *o)
{
	BOOL pm = s->st.wHour >= 12;

	if (len == 4) {         /* AMPM: the locale's designators */
		put_locale(s, pm ? LOCALE_S2359 : LOCALE_S1159, o);
	} else if (len == 3) {  /* A/P, a/p */
		fmt_put(o, pm ? f[2] : f[0]);
	} else {
		fmt_put(o, pm ? f[3] : f[0]);
		fmt_put(o, pm ? f[4] : f[1]);
	}
}

static BOOL has_ampm(const OLECHAR *f, const OLECHAR *end)
{
	for (; f < end; f++) {
		const OLECHAR *lit = fmt_skip_literal(f, end);

		if (lit != f)
			f = lit - 1;
		else if (ampm_len(f, end))
			return TRUE;
	}
	return FALSE;
}

/* ttttt: the locale's time. */
static BOOL time_mark(const OLECHAR *f, const OLECHAR *end)
{
	if (end - f < 5)
		return FALSE;
	for (int i = 0; i < 5; i++)
		if ((f[i] | 0x20) != 't')
			return FALSE;
	return TRUE;
}

void fmt_date(const struct fmt_ctx *c, const OLECHAR *f, const OLECHAR *end, DATE d,
	      struct fmt_out *o)
{
	struct date_state s = { c };

	if (!date_to_parts(d, &s.st))
		return;
	s.d = d;
	s.twelve = has_ampm(f, end);
	while (f < end) {
		const OLECHAR *lit = fmt_skip_literal(f, end);
		int n = 1, len;

		if (lit != f) {
			fmt_put_literal(o, f, lit);
			f = lit;
		} else if ((len = ampm_len(f, end))) {
			put_ampm(&s, f, len, o);
			f += len;
		} else if (wcschr(L"dDmMyYhHnNsSwWqQcC", *f)) {
			while (f + n < end && (f[n] | 0x20) == (*f | 0x20))
				n++;
			f += put_field(&s, *f, n, o);
		} else if (time_mark(f, end)) {
			put_api_date(&s, TRUE, 0, o);
			f += 5;
		} else {
			fmt_put(o, *f == ':' ? c->time_sep : *f == '/' ? c->date_sep : *f);
			f++;
		}
	}
}
