/*
 * GetDateFormat and GetTimeFormat (W, Ex): the locale's pictures (or the
 * caller's) filled from a SYSTEMTIME, Gregorian calendar.  Date pictures:
 * d dd ddd dddd, M MM MMM MMMM (the genitive month name next to a day
 * number), y yy yyyy, g gg; time pictures: h hh H HH m mm s ss t tt.
 * Text in single quotes is copied ('' is a quote).
 */
#include "k32_nls.h"

#define DATE_FLAGS (DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH | DATE_MONTHDAY | \
		    DATE_USE_ALT_CALENDAR | DATE_LTRREADING | DATE_RTLREADING | DATE_AUTOLAYOUT | \
		    LOCALE_NOUSEROVERRIDE)
#define TIME_FLAGS (TIME_NOMINUTESORSECONDS | TIME_NOSECONDS | TIME_NOTIMEMARKER | \
		    TIME_FORCE24HOURFORMAT | LOCALE_NOUSEROVERRIDE)

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

static void out_num(struct outbuf *o, unsigned v, int width)
{
	WCHAR d[12];
	int n = k32_utow(v, d);

	while (n < width--)
		out_char(o, '0');
	out_str(o, d);
}

static int run_length(const WCHAR *p)
{
	int n = 1;

	while (p[n] == p[0])
		n++;
	return n;
}

/* Is the month at p (in picture start) genitive?  When the nearest day
 * field before or after it is a day number (d or dd, not a day name):
 * "dd MMMM" and "MMMMdd" are, "MMMMddd dd" and "dd dddMMMM" are not. */
static BOOL genitive_at(const WCHAR *start, const WCHAR *p)
{
	BOOL quoted = FALSE;
	int n, before = 0;

	for (; *start; start += n) {
		n = run_length(start);
		if (*start == '\'')
			quoted = n % 2 ? !quoted : quoted;
		else if (!quoted && *start == 'd' && start < p)
			before = n;
		else if (!quoted && *start == 'd')
			return n <= 2 || (before && before <= 2);
	}
	return before && before <= 2;
}

static void date_field(struct outbuf *o, const struct k32_locale *loc, const SYSTEMTIME *t,
		       WCHAR c, int n, BOOL genitive)
{
	int dow = t->wDayOfWeek ? t->wDayOfWeek - 1 : 6; /* LF_DAYS1 is Monday */
	const WCHAR *name;

	switch (c) {
	case 'd':
		if (n <= 2)
			out_num(o, t->wDay, n);
		else
			out_str(o, k32_locale_field(loc, (n == 3 ? LF_ABBREV_DAYS1 : LF_DAYS1) + dow));
		break;
	case 'M':
		if (n <= 2) {
			out_num(o, t->wMonth, n);
			break;
		}
		name = k32_locale_field(loc, (n == 3 ? (genitive ? LF_GENITIVE_ABBREV_MONTHS1
								: LF_ABBREV_MONTHS1)
						     : (genitive ? LF_GENITIVE_MONTHS1 : LF_MONTHS1)) +
						    t->wMonth - 1);
		if (!*name) /* no genitive form */
			name = k32_locale_field(loc, (n == 3 ? LF_ABBREV_MONTHS1 : LF_MONTHS1) +
							     t->wMonth - 1);
		out_str(o, name);
		break;
	case 'y':
		if (n <= 2)
			out_num(o, t->wYear % 100, n);
		else
			out_num(o, t->wYear, 1);
		break;
	case 'g':
		out_str(o, L"A.D.");
		break;
	}
}

static void time_field(struct outbuf *o, const struct k32_locale *loc, const SYSTEMTIME *t,
		       WCHAR c, int n, DWORD flags)
{
	const WCHAR *marker = k32_locale_field(loc, t->wHour < 12 ? LF_AM : LF_PM);

	switch (c) {
	case 'h':
		if (!(flags & TIME_FORCE24HOURFORMAT)) {
			out_num(o, t->wHour % 12 ? t->wHour % 12 : 12, n > 1 ? 2 : 1);
			break;
		}
		/* fall through */
	case 'H':
		out_num(o, t->wHour, n > 1 ? 2 : 1);
		break;
	case 'm':
		out_num(o, t->wMinute, n > 1 ? 2 : 1);
		break;
	case 's':
		out_num(o, t->wSecond, n > 1 ? 2 : 1);
		break;
	case 't':
		if (!(flags & TIME_NOTIMEMARKER) && *marker) {
			if (n == 1)
				out_char(o, marker[0]);
			else
				out_str(o, marker);
		}
		break;
	}
}

/* Is field c dropped by the time flags (with the text before it)? */
static BOOL time_dropped(WCHAR c, DWORD flags)
{
	if (c == 's')
		return (flags & (TIME_NOSECONDS | TIME_NOMINUTESORSECONDS)) != 0;
	if (c == 'm')
		return (flags & TIME_NOMINUTESORSECONDS) != 0;
	if (c == 't')
		return (flags & TIME_NOTIMEMARKER) != 0;
	return FALSE;
}

static BOOL is_picture(WCHAR c, BOOL time)
{
	return time ? (c == 'h' || c == 'H' || c == 'm' || c == 's' || c == 't')
		    : (c == 'd' || c == 'M' || c == 'y' || c == 'g');
}

/* A literal character, unless it follows a dropped time field: then the
 * text up to a space goes with the field. */
static void out_literal(struct outbuf *o, WCHAR c, BOOL *dropping)
{
	if (*dropping && c != ' ')
		return;
	*dropping = FALSE;
	out_char(o, c);
}

/* Fills the picture.  A dropped time field takes the text before it and
 * the text after it up to a space (TIME_NOSECONDS: "h:mm:ss tt" is
 * "h:mm tt", "h.m.s.tt" is "h.mtt"). */
static void fill(struct outbuf *o, const struct k32_locale *loc, const SYSTEMTIME *t,
		 const WCHAR *p, BOOL time, DWORD flags)
{
	const WCHAR *start = p;
	BOOL dropping = FALSE;
	int literal_start = o->len, n;

	while (*p) {
		if (*p == '\'') {
			for (p++; *p && !(p[0] == '\'' && p[1] != '\''); p++) {
				if (*p == '\'')
					p++;
				out_literal(o, *p, &dropping);
			}
			p += *p == '\'';
			continue;
		}
		if (!is_picture(*p, time)) {
			out_literal(o, *p++, &dropping);
			continue;
		}
		n = run_length(p);
		dropping = time && time_dropped(*p, flags);
		if (dropping)
			o->len = literal_start;
		else if (time)
			time_field(o, loc, t, *p, n, flags);
		else
			date_field(o, loc, t, *p, n, *p == 'M' && genitive_at(start, p));
		p += n;
		literal_start = o->len;
	}
	out_char(o, 0);
}

static BOOL valid_date(const SYSTEMTIME *t)
{
	static const BYTE days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	BOOL leap;

	if (t->wMonth < 1 || t->wMonth > 12 || t->wDay < 1 || t->wYear < 1601 || t->wYear > 30827)
		return FALSE;
	leap = (t->wYear % 4 == 0 && t->wYear % 100) || t->wYear % 400 == 0;
	return t->wDay <= days[t->wMonth - 1] + (t->wMonth == 2 && leap);
}

/* The day of the week the date falls on (Sunday 0), as Windows recomputes it. */
static WORD day_of_week(const SYSTEMTIME *t)
{
	int y = t->wYear, m = t->wMonth, d = t->wDay;

	if (m < 3)
		m += 12, y--;
	return (WORD)((d + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400 + 6) % 7);
}

static int finish(struct outbuf *o)
{
	if (o->size && o->len > o->size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	return o->len;
}

static enum locale_field date_picture(DWORD flags)
{
	if (flags & DATE_LONGDATE)
		return LF_LONG_DATE;
	if (flags & DATE_YEARMONTH)
		return LF_YEAR_MONTH;
	if (flags & DATE_MONTHDAY)
		return LF_MONTH_DAY;
	return LF_SHORT_DATE;
}

static int date_format(const struct k32_locale *loc, DWORD flags, const SYSTEMTIME *time,
		       const WCHAR *pic, WCHAR *buf, int size)
{
	struct outbuf o = { buf, size, 0 };
	DWORD kinds = flags & (DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH | DATE_MONTHDAY);
	SYSTEMTIME t;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((flags & ~DATE_FLAGS) || (kinds & (kinds - 1)) ||
	    (pic && (kinds || (flags & LOCALE_NOUSEROVERRIDE))) ||
	    (flags & (DATE_LTRREADING | DATE_RTLREADING)) == (DATE_LTRREADING | DATE_RTLREADING))
		return k32_error(ERROR_INVALID_FLAGS);
	if (time)
		t = *time;
	else
		GetLocalTime(&t);
	if (!valid_date(&t))
		return k32_error(ERROR_INVALID_PARAMETER);
	t.wDayOfWeek = day_of_week(&t);
	fill(&o, loc, &t, pic ? pic : k32_locale_field(loc, date_picture(flags)), FALSE, flags);
	return finish(&o);
}

static int time_format(const struct k32_locale *loc, DWORD flags, const SYSTEMTIME *time,
		       const WCHAR *pic, WCHAR *buf, int size)
{
	struct outbuf o = { buf, size, 0 };
	SYSTEMTIME t;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((flags & ~TIME_FLAGS) || (pic && (flags & LOCALE_NOUSEROVERRIDE)))
		return k32_error(ERROR_INVALID_FLAGS);
	if (time)
		t = *time;
	else
		GetLocalTime(&t);
	if (t.wHour > 23 || t.wMinute > 59 || t.wSecond > 59 || t.wMilliseconds > 999)
		return k32_error(ERROR_INVALID_PARAMETER);
	fill(&o, loc, &t, pic ? pic : k32_locale_field(loc, LF_TIME_FORMAT), TRUE, flags);
	return finish(&o);
}

K32API int WINAPI GetDateFormatEx(LPCWSTR name, DWORD flags, const SYSTEMTIME *time,
				  LPCWSTR pic, LPWSTR buf, int size, LPCWSTR calendar)
{
	struct k32_locale loc;

	if (calendar || !k32_locale_from_name(name, FALSE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return date_format(&loc, flags, time, pic, buf, size);
}

K32API int WINAPI GetDateFormatW(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCWSTR pic,
				 LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return date_format(&loc, flags, time, pic, buf, size);
}

K32API int WINAPI GetTimeFormatEx(LPCWSTR name, DWORD flags, const SYSTEMTIME *time,
				  LPCWSTR pic, LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_name(name, FALSE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return time_format(&loc, flags, time, pic, buf, size);
}

K32API int WINAPI GetTimeFormatW(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCWSTR pic,
				 LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return time_format(&loc, flags, time, pic, buf, size);
}
