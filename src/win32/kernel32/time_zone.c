/*
 * Time zones.  The sandbox's zone is UTC (local time is UTC, see time.c):
 * the host's zone is not shown to the program.  Conversions through a
 * zone the program describes follow its bias and summer-time rules.
 */
#include "k32_private.h"
#include "k32_time_zone.h"

#define TICKS_PER_MINUTE 600000000LL

/* The zone every query reports: Windows' own "UTC" entry. */
static void utc_zone(TIME_ZONE_INFORMATION *tzi)
{
	static const WCHAR name[] = L"Coordinated Universal Time";

	memset(tzi, 0, sizeof(*tzi));
	memcpy(tzi->StandardName, name, sizeof(name));
	memcpy(tzi->DaylightName, name, sizeof(name));
}

K32API DWORD WINAPI GetTimeZoneInformation(LPTIME_ZONE_INFORMATION tzi)
{
	if (!tzi)
		return k32_error(ERROR_INVALID_PARAMETER), TIME_ZONE_ID_INVALID;
	utc_zone(tzi);
	return TIME_ZONE_ID_UNKNOWN; /* a zone without summer time */
}

K32API DWORD WINAPI GetDynamicTimeZoneInformation(PDYNAMIC_TIME_ZONE_INFORMATION dtzi)
{
	static const WCHAR key[] = L"UTC";

	if (!dtzi)
		return k32_error(ERROR_INVALID_PARAMETER), TIME_ZONE_ID_INVALID;
	memset(dtzi, 0, sizeof(*dtzi));
	utc_zone((TIME_ZONE_INFORMATION *)dtzi); /* the same leading fields */
	memcpy(dtzi->TimeZoneKeyName, key, sizeof(key));
	return TIME_ZONE_ID_UNKNOWN;
}

/* The rules in year of a zone the structure names by its key (the
 * registry's, with its Dynamic DST years), or of the current zone. */
K32API BOOL WINAPI GetTimeZoneInformationForYear(USHORT year, PDYNAMIC_TIME_ZONE_INFORMATION dtzi,
						 LPTIME_ZONE_INFORMATION tzi)
{
	DYNAMIC_TIME_ZONE_INFORMATION cur;

	if (!tzi)
		return k32_error(ERROR_INVALID_PARAMETER);
	GetDynamicTimeZoneInformation(&cur);
	if (dtzi && !k32_registry_time_zone(dtzi->TimeZoneKeyName, year, tzi)) {
		if (wcsncmp(dtzi->TimeZoneKeyName, cur.TimeZoneKeyName,
			    ARRAYSIZE(cur.TimeZoneKeyName)))
			return FALSE;
		dtzi = NULL; /* the current zone, which a prefix may not list */
	}
	if (!dtzi)
		memcpy(tzi, &cur, sizeof(*tzi));
	return TRUE;
}

static BOOL st_to_ticks(const SYSTEMTIME *st, LONGLONG *t)
{
	FILETIME ft;

	if (!SystemTimeToFileTime(st, &ft))
		return FALSE;
	*t = (LONGLONG)(((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime);
	return TRUE;
}

static BOOL ticks_to_st(LONGLONG t, SYSTEMTIME *st)
{
	FILETIME ft = { (DWORD)t, (DWORD)((ULONGLONG)t >> 32) };

	return FileTimeToSystemTime(&ft, st);
}

/* The moment (local clock) a transition rule names in `year`: either an
 * absolute date (wYear set) or "the wDay-th wDayOfWeek of wMonth" (5 =
 * the last) at wHour:wMinute. */
static BOOL rule_time(const SYSTEMTIME *rule, WORD year, LONGLONG *t)
{
	static const BYTE days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	SYSTEMTIME st = *rule, first;
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	int last, day;

	if (rule->wYear)
		return st_to_ticks(rule, t);
	if (rule->wMonth < 1 || rule->wMonth > 12 || rule->wDay < 1 || rule->wDay > 5 ||
	    rule->wDayOfWeek > 6)
		return FALSE;
	st.wYear = year;
	st.wDay = 1;
	if (!st_to_ticks(&st, t) || !ticks_to_st(*t, &first))
		return FALSE;
	last = days[rule->wMonth - 1] + (rule->wMonth == 2 && leap);
	day = 1 + (rule->wDayOfWeek - first.wDayOfWeek + 7) % 7 + (rule->wDay - 1) * 7;
	if (day > last)
		day -= 7;
	st.wDay = (WORD)day;
	return st_to_ticks(&st, t);
}

#define NO_RULES 2

/* Whether summer time is in force at t, a moment on the zone's wall clock
 * (from_utc: t is UTC).  The summer rule is written on the standard
 * clock, the winter rule on the summer clock, as Windows defines them.
 * -1: the rules are bad; NO_RULES: the zone has none. */
static int in_daylight(const TIME_ZONE_INFORMATION *tzi, LONGLONG t, BOOL from_utc)
{
	LONGLONG start, end;
	SYSTEMTIME now;

	if (!tzi->DaylightDate.wMonth || !tzi->StandardDate.wMonth)
		return NO_RULES;
	if (!ticks_to_st(from_utc ? t - (LONGLONG)tzi->Bias * TICKS_PER_MINUTE : t, &now) ||
	    !rule_time(&tzi->DaylightDate, now.wYear, &start) ||
	    !rule_time(&tzi->StandardDate, now.wYear, &end))
		return -1;
	if (from_utc) {
		start += (LONGLONG)(tzi->Bias + tzi->StandardBias) * TICKS_PER_MINUTE;
		end += (LONGLONG)(tzi->Bias + tzi->DaylightBias) * TICKS_PER_MINUTE;
	}
	return start < end ? t >= start && t < end : !(t >= end && t < start);
}

static BOOL convert(const TIME_ZONE_INFORMATION *tzi, const SYSTEMTIME *in, SYSTEMTIME *out,
		    BOOL from_utc)
{
	TIME_ZONE_INFORMATION cur;
	LONGLONG t, bias;
	int dst;

	if (!in || !out)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!tzi) {
		GetTimeZoneInformation(&cur);
		tzi = &cur;
	}
	if (!st_to_ticks(in, &t))
		return FALSE;
	dst = in_daylight(tzi, t, from_utc);
	if (dst < 0)
		return k32_error(ERROR_INVALID_PARAMETER);
	/* a zone without summer time rules has its Bias alone, as Windows
	 * converts (its StandardBias is not applied) */
	bias = (LONGLONG)(tzi->Bias + (dst == NO_RULES ? 0
				       : dst	      ? tzi->DaylightBias
							      : tzi->StandardBias)) *
	       TICKS_PER_MINUTE;
	return ticks_to_st(from_utc ? t - bias : t + bias, out);
}

K32API BOOL WINAPI SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tzi,
						   const SYSTEMTIME *utc, LPSYSTEMTIME local)
{
	return convert(tzi, utc, local, TRUE);
}

K32API BOOL WINAPI TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION *tzi,
						   const SYSTEMTIME *local, LPSYSTEMTIME utc)
{
	return convert(tzi, local, utc, FALSE);
}

/* The Ex forms take the dynamic structure, whose first fields are the
 * plain one's. */
K32API BOOL WINAPI SystemTimeToTzSpecificLocalTimeEx(const DYNAMIC_TIME_ZONE_INFORMATION *dtzi,
						     const SYSTEMTIME *utc, LPSYSTEMTIME local)
{
	return convert((const TIME_ZONE_INFORMATION *)dtzi, utc, local, TRUE);
}

K32API BOOL WINAPI TzSpecificLocalTimeToSystemTimeEx(const DYNAMIC_TIME_ZONE_INFORMATION *dtzi,
						     const SYSTEMTIME *local, LPSYSTEMTIME utc)
{
	return convert((const TIME_ZONE_INFORMATION *)dtzi, local, utc, FALSE);
}
