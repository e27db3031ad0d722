/* VerifyVersionInfo's comparisons: VerSetConditionMask builds a condition
 * mask, RtlVerifyVersionInfo tests a wanted version against it. */
#include "rtl/rtl_private.h"

NTSTATUS NTAPI RtlGetVersion(PRTL_OSVERSIONINFOW);

/* VER_* type bits in the order of their 3-bit fields in a condition mask:
 * bit i of the type mask has its condition at bits 3i..3i+2. */
static ULONG condition_of(ULONGLONG cond_mask, ULONG type_bit)
{
	unsigned i = 0;

	while (i < 8 && !(type_bit & (1u << i)))
		i++;
	return i < 8 ? (ULONG)(cond_mask >> (3 * i)) & 7 : 0;
}

/* The documented call names one VER_* type; given several, the one first
 * in this order is set, and conditions accumulate (OR), as on Windows. */
RTLAPI ULONGLONG NTAPI VerSetConditionMask(ULONGLONG mask, ULONG type_bits, UCHAR condition)
{
	static const ULONG order[] = { VER_PRODUCT_TYPE, VER_SUITENAME, VER_PLATFORMID,
				       VER_BUILDNUMBER, VER_MAJORVERSION, VER_MINORVERSION,
				       VER_SERVICEPACKMAJOR, VER_SERVICEPACKMINOR };

	if (!type_bits || !(condition & 7))
		return mask;
	for (unsigned i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (type_bits & order[i]) {
			unsigned shift = 0;

			while (!(order[i] & (1u << shift)))
				shift++;
			return mask | (ULONGLONG)(condition & 7) << (3 * shift);
		}
	return mask;
}

/* diff < 0: actual below wanted, 0 equal, > 0 above. */
static BOOLEAN holds(ULONG cond, LONGLONG diff)
{
	switch (cond) {
	case VER_EQUAL: return diff == 0;
	case VER_GREATER: return diff > 0;
	case VER_GREATER_EQUAL: return diff >= 0;
	case VER_LESS: return diff < 0;
	case VER_LESS_EQUAL: return diff <= 0;
	default: return FALSE;
	}
}

/* Major, minor, service pack major and minor compare as one version, in
 * that order, under the condition of the most significant one asked. */
static BOOLEAN version_holds(const RTL_OSVERSIONINFOEXW *want, const RTL_OSVERSIONINFOEXW *have,
			     ULONG mask, ULONGLONG conds)
{
	static const ULONG bits[4] = { VER_MAJORVERSION, VER_MINORVERSION, VER_SERVICEPACKMAJOR,
				       VER_SERVICEPACKMINOR };
	LONGLONG w[4] = { want->dwMajorVersion, want->dwMinorVersion, want->wServicePackMajor,
			  want->wServicePackMinor };
	LONGLONG h[4] = { have->dwMajorVersion, have->dwMinorVersion, have->wServicePackMajor,
			  have->wServicePackMinor };
	ULONG cond = 0;
	LONGLONG diff = 0;

	for (unsigned i = 0; i < 4; i++) {
		if (!(mask & bits[i]))
			continue;
		if (!cond)
			cond = condition_of(conds, bits[i]);
		if (!diff)
			diff = h[i] - w[i];
	}
	return !cond || holds(cond, diff);
}

static BOOLEAN suite_holds(ULONG cond, USHORT want, USHORT have)
{
	if (cond == VER_AND)
		return (have & want) == want;
	if (cond == VER_OR)
		return (have & want) != 0;
	return holds(cond, (LONGLONG)have - want);
}

/* RtlVerifyVersionInfo against a given version: kernel32's
 * VerifyVersionInfo passes the version its program is told (manifest). */
RTLAPI NTSTATUS NTAPI LswVerifyVersionAgainst(const RTL_OSVERSIONINFOEXW *want, ULONG mask,
					      ULONGLONG conds, const RTL_OSVERSIONINFOEXW *have)
{
	const ULONG known = VER_MINORVERSION | VER_MAJORVERSION | VER_BUILDNUMBER | VER_PLATFORMID |
			    VER_SERVICEPACKMINOR | VER_SERVICEPACKMAJOR | VER_SUITENAME |
			    VER_PRODUCT_TYPE;

	if (!want || !mask || !conds || (mask & ~known))
		return STATUS_INVALID_PARAMETER;
	for (ULONG bit = 1; bit <= VER_PRODUCT_TYPE; bit <<= 1)
		if ((mask & bit) && !condition_of(conds, bit))
			return STATUS_INVALID_PARAMETER;
	if (!version_holds(want, have, mask, conds))
		return STATUS_REVISION_MISMATCH;
	if ((mask & VER_BUILDNUMBER) && !holds(condition_of(conds, VER_BUILDNUMBER),
					       (LONGLONG)have->dwBuildNumber - want->dwBuildNumber))
		return STATUS_REVISION_MISMATCH;
	if ((mask & VER_PLATFORMID) && !holds(condition_of(conds, VER_PLATFORMID),
					      (LONGLONG)have->dwPlatformId - want->dwPlatformId))
		return STATUS_REVISION_MISMATCH;
	if ((mask & VER_SUITENAME) && !suite_holds(condition_of(conds, VER_SUITENAME),
						   want->wSuiteMask, have->wSuiteMask))
		return STATUS_REVISION_MISMATCH;
	if ((mask & VER_PRODUCT_TYPE) && !holds(condition_of(conds, VER_PRODUCT_TYPE),
						(LONGLONG)have->wProductType - want->wProductType))
		return STATUS_REVISION_MISMATCH;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlVerifyVersionInfo(PRTL_OSVERSIONINFOEXW want, ULONG mask, ULONGLONG conds)
{
	RTL_OSVERSIONINFOEXW have = { sizeof(have) };

	RtlGetVersion((PRTL_OSVERSIONINFOW)&have);
	return LswVerifyVersionAgainst(want, mask, conds, &have);
}
