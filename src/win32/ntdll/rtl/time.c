/*
 * NT time (100 ns units since 1601-01-01 UTC) <-> calendar fields, and the
 * Unix-seconds helpers.  Proleptic Gregorian calendar.
 */
#include "rtl_private.h"

#define TICKS_PER_SECOND 10000000LL
#define TICKS_PER_DAY (86400LL * TICKS_PER_SECOND)
#define SECONDS_1601_TO_1970 11644473600LL
#define DAYS_PER_400_YEARS 146097

static BOOL is_leap(LONG y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static const SHORT month_days[2][12] = {
	{ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
	{ 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

/* Days since 1601-01-01 of y-m-d (m 1..12). */
static LONGLONG days_from_civil(LONG y, LONG m, LONG d)
{
	LONGLONG days;
	LONG i;

	y -= 1601;
	days = (LONGLONG)y * 365 + y / 4 - y / 100 + y / 400;
	for (i = 0; i < m - 1; i++)
		days += month_days[is_leap(y + 1601)][i];
	return days + d - 1;
}

RTLAPI VOID NTAPI RtlTimeToTimeFields(const LARGE_INTEGER *time, LSW_TIME_FIELDS *tf)
{
	LONGLONG t = time->QuadPart, days = t / TICKS_PER_DAY, rem = t % TICKS_PER_DAY;
	LONG year, cycles, m = 0;

	tf->Milliseconds = (SHORT)((rem / 10000) % 1000);
	rem /= TICKS_PER_SECOND;
	tf->Second = (SHORT)(rem % 60);
	tf->Minute = (SHORT)((rem / 60) % 60);
	tf->Hour = (SHORT)(rem / 3600);
	tf->Weekday = (SHORT)((days + 1) % 7); /* 1601-01-01 was a Monday */
	cycles = (LONG)(days / DAYS_PER_400_YEARS);
	days %= DAYS_PER_400_YEARS;
	year = 1601 + cycles * 400;
	while (days >= (is_leap(year) ? 366 : 365)) {
		days -= is_leap(year) ? 366 : 365;
		year++;
	}
	while (days >= month_days[is_leap(year)][m])
		days -= month_days[is_leap(year)][m++];
	tf->Year = (SHORT)year;
	tf->Month = (SHORT)(m + 1);
	tf->Day = (SHORT)(days + 1);
}

/* FALSE for fields out of range (Weekday is ignored). */
RTLAPI BOOLEAN NTAPI RtlTimeFieldsToTime(const LSW_TIME_FIELDS *tf, PLARGE_INTEGER time)
{
	if (tf->Year < 1601 || tf->Month < 1 || tf->Month > 12 || tf->Day < 1 ||
	    tf->Day > month_days[is_leap(tf->Year)][tf->Month - 1] || tf->Hour < 0 ||
	    tf->Hour > 23 || tf->Minute < 0 || tf->Minute > 59 || tf->Second < 0 ||
	    tf->Second > 59 || tf->Milliseconds < 0 || tf->Milliseconds > 999)
		return FALSE;
	time->QuadPart = days_from_civil(tf->Year, tf->Month, tf->Day) * TICKS_PER_DAY +
			 ((tf->Hour * 60LL + tf->Minute) * 60 + tf->Second) * TICKS_PER_SECOND +
			 tf->Milliseconds * 10000LL;
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlTimeToSecondsSince1970(PLARGE_INTEGER time, PULONG seconds)
{
	LONGLONG s = time->QuadPart / TICKS_PER_SECOND - SECONDS_1601_TO_1970;

	if (s < 0 || s > 0xFFFFFFFFLL)
		return FALSE;
	*seconds = (ULONG)s;
	return TRUE;
}

RTLAPI VOID NTAPI RtlSecondsSince1970ToTime(ULONG seconds, PLARGE_INTEGER time)
{
	time->QuadPart = ((LONGLONG)seconds + SECONDS_1601_TO_1970) * TICKS_PER_SECOND;
}

RTLAPI BOOLEAN NTAPI RtlTimeToSecondsSince1980(PLARGE_INTEGER time, PULONG seconds)
{
	LONGLONG s = time->QuadPart / TICKS_PER_SECOND - 11960006400LL;

	if (s < 0 || s > 0xFFFFFFFFLL)
		return FALSE;
	*seconds = (ULONG)s;
	return TRUE;
}
