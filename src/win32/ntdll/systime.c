/* Tick count and interrupt time from KUSER_SHARED_DATA, which the
 * supervisor keeps current. */
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
