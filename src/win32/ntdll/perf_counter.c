/*
 * The performance counter, read in user mode as Windows 10 reads it with
 * an invariant TSC: the TSC scaled by the reference the supervisor keeps
 * in KUSER_SHARED_DATA's page (lsw/qpc_reference.h); the system call only
 * where it publishes none, or while it changes it.
 */
#include <lsw/qpc_reference.h>
#include "rtl/rtl_private.h"

static ULONGLONG read_tsc(UCHAR bypass)
{
	ULONG lo, hi, aux;

	/* ordered after the sequence's read ("memory"), and after earlier
	 * loads by the processor (rdtscp; lfence before rdtsc) */
	if (bypass & LSW_QPC_BYPASS_USE_RDTSCP)
		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
	else
		__asm__ volatile("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (ULONGLONG)hi << 32 | lo;
}

/* TRUE with the counter; FALSE when there is no valid reference now. */
static BOOLEAN counter_from_reference(LONGLONG *out)
{
	const volatile BYTE *usd = LSW_USER_SHARED_DATA;
	const volatile BYTE *ref = usd + LSW_QPC_REFERENCE_OFFSET;
	UCHAR bypass = usd[LSW_USD_QPC_BYPASS];
	ULONGLONG scale, tsc;
	LONGLONG offset;
	ULONG seq;

	if ((bypass & (LSW_QPC_BYPASS_ENABLED | LSW_QPC_BYPASS_USE_HV_PAGE)) !=
	    (LSW_QPC_BYPASS_ENABLED | LSW_QPC_BYPASS_USE_HV_PAGE))
		return FALSE;
	do {
		seq = *(const volatile ULONG *)(ref + LSW_QPC_REF_SEQUENCE);
		if (!seq)
			return FALSE;
		scale = *(const volatile ULONGLONG *)(ref + LSW_QPC_REF_SCALE);
		offset = *(const volatile LONGLONG *)(ref + LSW_QPC_REF_OFFSET);
		tsc = read_tsc(bypass);
	} while (*(const volatile ULONG *)(ref + LSW_QPC_REF_SEQUENCE) != seq);
	*out = (LONGLONG)(ULONGLONG)(((unsigned __int128)tsc * scale) >> 64) + offset +
	       *(const volatile LONGLONG *)(usd + LSW_USD_QPC_BIAS);
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlQueryPerformanceCounter(PLARGE_INTEGER counter)
{
	if (counter_from_reference(&counter->QuadPart))
		return TRUE;
	return NT_SUCCESS(NtQueryPerformanceCounter(counter, NULL));
}

/* From KUSER_SHARED_DATA.QpcFrequency, as Windows reads it: no NT call. */
RTLAPI BOOLEAN NTAPI RtlQueryPerformanceFrequency(PLARGE_INTEGER frequency)
{
	frequency->QuadPart = *(volatile LONGLONG *)(ULONG_PTR)0x7FFE0300;
	return TRUE;
}
