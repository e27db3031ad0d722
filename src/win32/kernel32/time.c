/*
 * Time: tick counts and system time come from KUSER_SHARED_DATA (kept up
 * to date by the supervisor, no system call); the performance counter
 * from ntdll (read from the same page where the TSC allows).  The
 * sandbox's zone is UTC (time_zone.c): local time is system time.
 */
#include "k32_private.h"

/* KSYSTEM_TIME is written High2, Low, High1; read until both highs agree. */
static LONGLONG read_ksystem_time(ULONG offset)
{
	const volatile LSW_KSYSTEM_TIME *t =
		(const volatile LSW_KSYSTEM_TIME *)(LSW_USER_SHARED_DATA + offset);
	LONG high;
	ULONG low;

	do {
		high = t->High1Time;
		low = t->LowPart;
	} while (high != t->High2Time);
	return ((LONGLONG)high << 32) | low;
}

K32API ULONGLONG WINAPI GetTickCount64(void)
{
	ULONGLONG ticks = *(const volatile ULONGLONG *)(LSW_USER_SHARED_DATA + LSW_USD_TICK_COUNT);
	ULONG mult = *(const volatile ULONG *)(LSW_USER_SHARED_DATA + LSW_USD_TICK_MULTIPLIER);

	/* TickCountMultiplier is a 8.24 fixed-point factor to milliseconds. */
	return (ULONGLONG)(((unsigned __int128)ticks * mult) >> 24);
}

K32API DWORD WINAPI GetTickCount(void)
{
	return (DWORD)GetTickCount64();
}

BOOLEAN NTAPI RtlQueryPerformanceCounter(PLARGE_INTEGER counter);
BOOLEAN NTAPI RtlQueryPerformanceFrequency(PLARGE_INTEGER frequency);

/* ntdll's, as on Windows: in user mode where the TSC allows */
K32API BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *counter)
{
	return RtlQueryPerformanceCounter(counter);
}

K32API BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *freq)
{
	return RtlQueryPerformanceFrequency(freq);
}

K32API void WINAPI GetSystemTimeAsFileTime(LPFILETIME ft)
{
	LONGLONG t = read_ksystem_time(LSW_USD_SYSTEM_TIME);

	ft->dwLowDateTime = (DWORD)t;
	ft->dwHighDateTime = (DWORD)(t >> 32);
}

LONGLONG NTAPI RtlGetSystemTimePrecise(void);

K32API void WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME ft)
{
	LONGLONG t = RtlGetSystemTimePrecise();

	ft->dwLowDateTime = (DWORD)t;
	ft->dwHighDateTime = (DWORD)(t >> 32);
}

K32API BOOL WINAPI FileTimeToSystemTime(const FILETIME *ft, LPSYSTEMTIME st)
{
	LARGE_INTEGER t;
	LSW_TIME_FIELDS tf;

	t.LowPart = ft->dwLowDateTime;
	t.HighPart = (LONG)ft->dwHighDateTime;
	if (t.QuadPart < 0)
		return k32_error(ERROR_INVALID_PARAMETER);
	RtlTimeToTimeFields(&t, &tf);
	st->wYear = (WORD)tf.Year;
	st->wMonth = (WORD)tf.Month;
	st->wDay = (WORD)tf.Day;
	st->wHour = (WORD)tf.Hour;
	st->wMinute = (WORD)tf.Minute;
	st->wSecond = (WORD)tf.Second;
	st->wMilliseconds = (WORD)tf.Milliseconds;
	st->wDayOfWeek = (WORD)tf.Weekday;
	return TRUE;
}

K32API BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *st, LPFILETIME ft)
{
	LSW_TIME_FIELDS tf = { (SHORT)st->wYear, (SHORT)st->wMonth, (SHORT)st->wDay,
			       (SHORT)st->wHour, (SHORT)st->wMinute, (SHORT)st->wSecond,
			       (SHORT)st->wMilliseconds, 0 };
	LARGE_INTEGER t;

	if (!RtlTimeFieldsToTime(&tf, &t))
		return k32_error(ERROR_INVALID_PARAMETER);
	ft->dwLowDateTime = t.LowPart;
	ft->dwHighDateTime = (DWORD)t.HighPart;
	return TRUE;
}

K32API void WINAPI GetSystemTime(LPSYSTEMTIME st)
{
	FILETIME ft;

	GetSystemTimeAsFileTime(&ft);
	FileTimeToSystemTime(&ft, st);
}

K32API void WINAPI GetLocalTime(LPSYSTEMTIME st)
{
	GetSystemTime(st);
}

K32API BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *in, LPFILETIME out)
{
	*out = *in;
	return TRUE;
}

K32API BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *in, LPFILETIME out)
{
	*out = *in;
	return TRUE;
}

K32API LONG WINAPI CompareFileTime(const FILETIME *a, const FILETIME *b)
{
	ULONGLONG x = ((ULONGLONG)a->dwHighDateTime << 32) | a->dwLowDateTime;
	ULONGLONG y = ((ULONGLONG)b->dwHighDateTime << 32) | b->dwLowDateTime;

	return x < y ? -1 : x > y;
}
