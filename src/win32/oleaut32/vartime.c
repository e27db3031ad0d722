/*
 * Variant time: a DATE is days since 30 December 1899, the fraction the
 * time of day (for days before it, -1.25 is 29 December 1899 06:00: the
 * fraction counts forward from the day's start whatever the sign).
 * Valid from 1 January 100 to 31 December 9999; milliseconds are not
 * kept (documented for SystemTimeToVariantTime and its inverse, which
 * rounds to the second).
 */
#include "varconv.h"

#define DAY_1899_12_30 (-25569) /* days from 1970-01-01 */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static LONG days_from_civil(LONG y, unsigned m, unsigned d)
{
	LONG era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(LONG z, LONG *y, unsigned *m, unsigned *d)
{
	LONG era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(unsigned y, unsigned m)
{
	static const BYTE days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && (!(y % 4) && ((y % 100) || !(y % 400))) ? 29 : days[m - 1];
}

BOOL date_to_parts(DATE date, SYSTEMTIME *st)
{
	LONG day, y;
	unsigned m, d;
	double frac;
	LONG secs;

	if (!(date >= DATE_MIN_ && date < DATE_MAX_ + 1))
		return FALSE;
	day = (LONG)date;
	frac = date < 0 ? day - date : date - day;
	secs = (LONG)(frac * 86400.0 + 0.5);
	if (secs >= 86400) {
		secs -= 86400;
		day += date < 0 ? -1 : 1;
	}
	civil_from_days(day + DAY_1899_12_30, &y, &m, &d);
	if (y > 9999)
		return FALSE;
	st->wYear = (WORD)y;
	st->wMonth = (WORD)m;
	st->wDay = (WORD)d;
	st->wDayOfWeek = (WORD)(((day + DAY_1899_12_30) % 7 + 11) % 7); /* 1970-01-01: Thursday */
	st->wHour = (WORD)(secs / 3600);
	st->wMinute = (WORD)(secs / 60 % 60);
	st->wSecond = (WORD)(secs % 60);
	st->wMilliseconds = 0;
	return TRUE;
}

BOOL parts_to_date(const SYSTEMTIME *st, DATE *out)
{
	LONG day;
	double frac;

	if (st->wYear < 100 || st->wYear > 9999 || st->wMonth < 1 || st->wMonth > 12 ||
	    st->wDay < 1 || st->wDay > days_in_month(st->wYear, st->wMonth) ||
	    st->wHour > 23 || st->wMinute > 59 || st->wSecond > 59)
		return FALSE;
	day = days_from_civil(st->wYear, st->wMonth, st->wDay) - DAY_1899_12_30;
	frac = (st->wHour * 3600 + st->wMinute * 60 + st->wSecond) / 86400.0;
	*out = day < 0 ? day - frac : day + frac;
	return TRUE;
}

INT WINAPI SystemTimeToVariantTime(LPSYSTEMTIME st, DOUBLE *out)
{
	return st && out && parts_to_date(st, out);
}

INT WINAPI VariantTimeToSystemTime(DOUBLE date, LPSYSTEMTIME st)
{
	return st && date_to_parts(date, st);
}

/* MS-DOS dates: day 0-4, month 5-8, year - 1980 9-15; times: seconds / 2
 * 0-4, minutes 5-10, hours 11-15. */
INT WINAPI DosDateTimeToVariantTime(USHORT dos_date, USHORT dos_time, DOUBLE *out)
{
	SYSTEMTIME st = { 1980 + (dos_date >> 9), (dos_date >> 5) & 0xF, 0, dos_date & 0x1F,
			  dos_time >> 11, (dos_time >> 5) & 0x3F, (dos_time & 0x1F) * 2, 0 };

	return out && parts_to_date(&st, out);
}

INT WINAPI VariantTimeToDosDateTime(DOUBLE date, USHORT *dos_date, USHORT *dos_time)
{
	SYSTEMTIME st;

	if (!dos_date || !dos_time || !date_to_parts(date, &st) || st.wYear < 1980 || st.wYear > 2107)
		return FALSE;
	*dos_date = (USHORT)((st.wYear - 1980) << 9 | st.wMonth << 5 | st.wDay);
	*dos_time = (USHORT)(st.wHour << 11 | st.wMinute << 5 | st.wSecond / 2);
	return TRUE;
}

HRESULT WINAPI VarUdateFromDate(DATE date, ULONG flags, UDATE *out)
{
	SYSTEMTIME jan1 = { 0 };
	DATE first;

	if (!out || !date_to_parts(date, &out->st))
		return E_INVALIDARG;
	jan1.wYear = out->st.wYear;
	jan1.wMonth = jan1.wDay = 1;
	parts_to_date(&jan1, &first);
	out->wDayOfYear = (USHORT)((LONG)date - (LONG)first + 1);
	return S_OK;
}

HRESULT WINAPI VarDateFromUdateEx(UDATE *in, LCID lcid, ULONG flags, DATE *out)
{
	if (!in || !out)
		return E_INVALIDARG;
	return parts_to_date(&in->st, out) ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI VarDateFromUdate(UDATE *in, ULONG flags, DATE *out)
{
	return VarDateFromUdateEx(in, LOCALE_USER_DEFAULT, flags, out);
}
