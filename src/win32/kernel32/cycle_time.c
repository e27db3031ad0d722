/*
 * Cycle times: the processor cycles a thread or process has used.  The
 * supervisor counts CPU time, not cycles, so the time is turned into
 * cycles at the TSC's rate the performance counter's reference gives
 * (lsw/qpc_reference.h), or at a nominal 3 GHz where there is none.
 * Programs use the counts to compare (the documentation warns against
 * turning them into time).
 */
#include <lsw/qpc_reference.h>
#include "k32_private.h"

#define THREAD_TIMES_CLASS 1
#define PROCESS_TIMES_CLASS 4
#define NOMINAL_CYCLES_PER_100NS 300u

/* TSC ticks per 100 ns: the reference's scale maps TSC ticks to 100-ns
 * counter units as (tsc * scale) >> 64, so 2^64 / scale ticks make one. */
static ULONGLONG cycles_per_100ns(void)
{
	const volatile BYTE *usd = (const volatile BYTE *)(ULONG_PTR)0x7FFE0000;
	ULONGLONG scale = *(const volatile ULONGLONG *)(usd + LSW_QPC_REFERENCE_OFFSET +
							 LSW_QPC_REF_SCALE);

	if (!(usd[LSW_USD_QPC_BYPASS] & LSW_QPC_BYPASS_USE_HV_PAGE) || scale < 2)
		return NOMINAL_CYCLES_PER_100NS;
	return (ULONGLONG)(((unsigned __int128)1 << 64) / scale);
}

/* kernel + user time of the four ThreadTimes/ProcessTimes values */
static BOOL cycles(NTSTATUS status, const LARGE_INTEGER t[4], PULONG64 out)
{
	if (status < 0)
		return k32_fail(status);
	*out = (ULONG64)(t[2].QuadPart + t[3].QuadPart) * cycles_per_100ns();
	return TRUE;
}

K32API BOOL WINAPI QueryThreadCycleTime(HANDLE thread, PULONG64 out)
{
	LARGE_INTEGER t[4];

	return cycles(NtQueryInformationThread(thread, THREAD_TIMES_CLASS, t, sizeof(t), NULL), t,
		      out);
}

K32API BOOL WINAPI QueryProcessCycleTime(HANDLE process, PULONG64 out)
{
	LARGE_INTEGER t[4];

	return cycles(NtQueryInformationProcess(process, PROCESS_TIMES_CLASS, t, sizeof(t), NULL),
		      t, out);
}
