/* Tick count, interrupt and precise system time from KUSER_SHARED_DATA,
 * which the supervisor keeps current. */
#include "rtl/rtl_private.h"

/* A KSYSTEM_TIME: High1Time, LowPart, High2Time; a reader retries while
 * the writer is between the two high parts. */
static ULONGLONG ksystem_time(ULONG offset)
{
	const volatile ULONG *t = (const volatile ULONG *)(LSW_USER_SHARED_DATA + offset);
	ULONG high, low;

	do {
		high = t[1];
		low = t[0];
	} while (high != t[2]);
	return (ULONGLONG)high << 32 | low;
}

RTLAPI ULONG NTAPI NtGetTickCount(void)
{
	ULONGLONG ticks = ksystem_time(LSW_USD_TICK_COUNT);
	ULONG mult = *(const volatile ULONG *)(LSW_USER_SHARED_DATA + LSW_USD_TICK_MULTIPLIER);

	return (ULONG)(((unsigned __int128)ticks * mult) >> 24);
}

/* No sleep or hibernation here: unbiased and interrupt time are one.
 * Windows answers NULL with FALSE and ERROR_INVALID_PARAMETER. */
RTLAPI BOOLEAN NTAPI RtlQueryUnbiasedInterruptTime(PULONGLONG time)
{
	if (!time) {
		RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	*time = ksystem_time(LSW_USD_INTERRUPT_TIME);
	return TRUE;
}

/* Interrupt time now, finer than the tick: the performance counter counts
 * the same 100 ns units from the same origin. */
RTLAPI ULONGLONG NTAPI RtlGetInterruptTimePrecise(PULONGLONG counter)
{
	LARGE_INTEGER now;

	NtQueryPerformanceCounter(&now, NULL);
	if (counter)
		*counter = (ULONGLONG)now.QuadPart;
	return (ULONGLONG)now.QuadPart;
}

/* System time now, finer than the tick (GetSystemTimePreciseAsFileTime):
 * the tick's system time plus the interrupt time since that tick.  The
 * supervisor writes both times at each tick; read again when a tick came
 * between the reads. */
RTLAPI LONGLONG NTAPI RtlGetSystemTimePrecise(void)
{
	ULONGLONG it, st, now = RtlGetInterruptTimePrecise(NULL);

	do {
		it = ksystem_time(LSW_USD_INTERRUPT_TIME);
		st = ksystem_time(LSW_USD_SYSTEM_TIME);
	} while (it != ksystem_time(LSW_USD_INTERRUPT_TIME));
	return (LONGLONG)(st + (now > it ? now - it : 0));
}

#define SYSTEM_CURRENT_TIME_ZONE_INFORMATION 44
#define SYSTEM_DYNAMIC_TIME_ZONE_INFORMATION 102
#define RTL_TIME_ZONE_SIZE 172
#define RTL_DYNAMIC_TIME_ZONE_SIZE 432

/* The zone the system keeps (the sandbox's: UTC), names as tzres.dll
 * indirect strings. */
RTLAPI NTSTATUS NTAPI RtlQueryTimeZoneInformation(PVOID tzi)
{
	return NtQuerySystemInformation(SYSTEM_CURRENT_TIME_ZONE_INFORMATION, tzi,
					RTL_TIME_ZONE_SIZE, NULL);
}

RTLAPI NTSTATUS NTAPI RtlQueryDynamicTimeZoneInformation(PVOID dtzi)
{
	return NtQuerySystemInformation(SYSTEM_DYNAMIC_TIME_ZONE_INFORMATION, dtzi,
					RTL_DYNAMIC_TIME_ZONE_SIZE, NULL);
}
