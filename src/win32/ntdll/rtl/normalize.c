/*
 * RtlNormalizeString and RtlIsNormalizedString over the shared
 * normalization code (src/win32/nls/norm.c).  Forms are NORM_FORM values;
 * 13 (IDN) is NFKC followed by lower-casing, the core of IDNA's nameprep.
 */
#include "rtl_private.h"
#include "nls/nls.h"

#define NORM_IDN 13

static NTSTATUS check_form(ULONG form)
{
	switch (form) {
	case NLS_NORM_C:
	case NLS_NORM_D:
	case NLS_NORM_KC:
	case NLS_NORM_KD:
	case NORM_IDN:
		return STATUS_SUCCESS;
	case 0:
		return STATUS_INVALID_PARAMETER;
	}
	return STATUS_OBJECT_NAME_NOT_FOUND;
}

/* The size Windows suggests when asked for one (dst NULL or size 0). */
static LONG estimate(ULONG form, LONG n)
{
	LONG e = (form == NLS_NORM_C || form == NLS_NORM_D) ? n * 3 : n * 18;

	if (e > 64)
		e = n + n / 8 > 64 ? n + n / 8 : 64;
	return e;
}

static NTSTATUS normalize(ULONG form, const WCHAR *src, LONG n, WCHAR *dst, LONG *dn)
{
	int len = *dn, i;
	NTSTATUS status;

	status = nls_normalize(form == NORM_IDN ? NLS_NORM_KC : (int)form, src, n, dst, &len);
	if (status == STATUS_NO_UNICODE_TRANSLATION) {
		/* The text before the bad unit must still fit, as Windows
		 * converts as it goes. */
		int bad = len, end = len, prefix;
		do /* the reported position may be just past the bad unit */
			prefix = 0;
		while (nls_normalize(form == NORM_IDN ? NLS_NORM_KC : (int)form, src, end, NULL,
				     &prefix) == STATUS_NO_UNICODE_TRANSLATION && --end > 0);
		if (prefix > *dn)
			status = STATUS_BUFFER_TOO_SMALL, len = prefix;
		else
			len = bad;
	}
	if (!status && form == NORM_IDN)
		for (i = 0; i < len; i++)
			dst[i] = (WCHAR)nls_tolower(dst[i]);
	*dn = len;
	return status;
}

RTLAPI NTSTATUS NTAPI RtlNormalizeString(ULONG form, PCWSTR src, LONG srclen, PWSTR dst,
					   PLONG dstlen)
{
	NTSTATUS status = check_form(form);

	if (status)
		return status;
	if (!src || !dstlen)
		return STATUS_INVALID_PARAMETER;
	if (srclen < 0)
		srclen = (LONG)wcslen(src) + 1;
	if (!dst || !*dstlen) {
		*dstlen = estimate(form, srclen);
		return STATUS_SUCCESS;
	}
	if (!srclen) {
		*dstlen = 0;
		return STATUS_SUCCESS;
	}
	return normalize(form, src, srclen, dst, dstlen);
}

RTLAPI NTSTATUS NTAPI RtlIsNormalizedString(ULONG form, PCWSTR src, LONG srclen,
					      BOOLEAN *normalized)
{
	NTSTATUS status = check_form(form);
	WCHAR *buf;
	LONG len;

	if (status)
		return status;
	if (!src || !normalized)
		return STATUS_INVALID_PARAMETER;
	if (srclen < 0)
		srclen = (LONG)wcslen(src) + 1;
	len = srclen * 18 + 1;
	if (!(buf = RtlAllocateHeap(lsw_process_heap(), 0, (SIZE_T)len * sizeof(WCHAR))))
		return STATUS_NO_MEMORY;
	status = srclen ? normalize(form, src, srclen, buf, &len) : (len = 0, STATUS_SUCCESS);
	if (!status)
		*normalized = len == srclen && !memcmp(buf, src, (SIZE_T)len * sizeof(WCHAR));
	RtlFreeHeap(lsw_process_heap(), 0, buf);
	return status;
}
