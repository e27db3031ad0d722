/* The PEB lock and pointer encoding. */
#include "rtl_private.h"

/* FastPebLock is set up by process start-up; before that (or in a process
 * that has none) there is only one thread, so no lock is needed. */
RTLAPI void NTAPI RtlAcquirePebLock(void)
{
	RTL_CRITICAL_SECTION *cs = lsw_peb()->FastPebLock;

	if (cs)
		RtlEnterCriticalSection(cs);
}

RTLAPI void NTAPI RtlReleasePebLock(void)
{
	RTL_CRITICAL_SECTION *cs = lsw_peb()->FastPebLock;

	if (cs)
		RtlLeaveCriticalSection(cs);
}

void rtl_peb_lock(void)
{
	RtlAcquirePebLock();
}

void rtl_peb_unlock(void)
{
	RtlReleasePebLock();
}

/*
 * EncodePointer: XOR with a per-process secret, then rotate by its low
 * bits, like Windows' process cookie scheme.  The secret comes from the
 * time stamp counter at first use (never 0).
 */
static ULONG_PTR pointer_cookie(void)
{
	static ULONG_PTR cookie;
	ULONG_PTR c = __atomic_load_n(&cookie, __ATOMIC_RELAXED), expect = 0;

	if (c)
		return c;
	c = (ULONG_PTR)__builtin_ia32_rdtsc() * 0x9E3779B97F4A7C15ULL | 1;
	if (!__atomic_compare_exchange_n(&cookie, &expect, c, FALSE, __ATOMIC_RELAXED,
					 __ATOMIC_RELAXED))
		c = expect;
	return c;
}

static ULONG_PTR rotr(ULONG_PTR v, unsigned n)
{
	n &= 63;
	return n ? (v >> n) | (v << (64 - n)) : v;
}

RTLAPI PVOID NTAPI RtlEncodePointer(PVOID p)
{
	ULONG_PTR c = pointer_cookie();

	return (PVOID)rotr((ULONG_PTR)p ^ c, (unsigned)c);
}

RTLAPI PVOID NTAPI RtlDecodePointer(PVOID p)
{
	ULONG_PTR c = pointer_cookie();

	return (PVOID)(rotr((ULONG_PTR)p, 64 - ((unsigned)c & 63)) ^ c);
}

/* The "system" variants use a second, fixed transformation. */
RTLAPI PVOID NTAPI RtlEncodeSystemPointer(PVOID p)
{
	return (PVOID)((ULONG_PTR)p ^ 0x5A5A5A5A5A5A5A5AULL);
}

RTLAPI PVOID NTAPI RtlDecodeSystemPointer(PVOID p)
{
	return (PVOID)((ULONG_PTR)p ^ 0x5A5A5A5A5A5A5A5AULL);
}
