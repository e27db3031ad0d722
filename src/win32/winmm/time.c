/*
 * Multimedia timer queries over the tick count.  The tick count already
 * counts milliseconds, so every period from 1 ms up is "granted"
 * (TIMERR_NOERROR); 0 and periods past the maximum TIMECAPS reports are
 * TIMERR_NOCANDO, as documented.
 */
#define _WINMM_
#include <windows.h>
#include <mmsystem.h>

#define PERIOD_MIN 1
#define PERIOD_MAX 1000000

DWORD WINAPI timeGetTime(void)
{
	return GetTickCount();
}

MMRESULT WINAPI timeGetSystemTime(LPMMTIME t, UINT size)
{
	if (!t || size < sizeof(MMTIME))
		return MMSYSERR_INVALPARAM;
	t->wType = TIME_MS;
	t->u.ms = timeGetTime();
	return TIMERR_NOERROR;
}

MMRESULT WINAPI timeGetDevCaps(LPTIMECAPS caps, UINT size)
{
	if (!caps || size < sizeof(TIMECAPS))
		return TIMERR_NOCANDO;
	caps->wPeriodMin = PERIOD_MIN;
	caps->wPeriodMax = PERIOD_MAX;
	return TIMERR_NOERROR;
}

MMRESULT WINAPI timeBeginPeriod(UINT period)
{
	return period < PERIOD_MIN || period > PERIOD_MAX ? TIMERR_NOCANDO : TIMERR_NOERROR;
}

MMRESULT WINAPI timeEndPeriod(UINT period)
{
	return period < PERIOD_MIN || period > PERIOD_MAX ? TIMERR_NOCANDO : TIMERR_NOERROR;
}
