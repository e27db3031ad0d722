/*
 * RtlNormalizeString and RtlIsNormalizedString over the shared
 * normalization code (src/win32/nls/norm.c).  Forms are NORM_FORM values;
 * 13 (IDN) is NFKC with full case folding, the core of IDNA's nameprep.
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

static NTSTATUS normalize(ULONG form, const WCHAR *src, LONG n, WCHAR *dst, LONG *dn);

/* RFC 3454's prohibited characters of the BMP but private use (C.1.2
 * spaces, C.2.2 controls, C.4 non-characters, C.6-C.8); surrogates fail
 * as ill-formed already. */
static BOOL idn_prohibited(WCHAR c)
{
	return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F ||
	       c == 0x205F || c == 0x3000 || (c >= 0x80 && c <= 0x9F) || c == 0x6DD ||
	       c == 0x70F || c == 0x180E || c == 0x2028 || c == 0x2029 ||
	       (c >= 0x2060 && c <= 0x2063) || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF ||
	       (c >= 0xFFF9 && c <= 0xFFFF) || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0x340 ||
	       c == 0x341 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2FF0 && c <= 0x2FFB);
}

/* IDN (form 13): NFKC, full case folding, NFKC again (a fold may undo a
 * composition: U+01F0 folds to j + U+030C).  A NUL before the last unit
 * or a prohibited character in the result is an error. */
static NTSTATUS idn_map(const WCHAR *src, LONG n, WCHAR *dst, LONG *dn)
{
	HANDLE heap = lsw_process_heap();
	LONG room = n * 18 + 1, len = room, folded = 0, i;
	WCHAR *kc = RtlAllocateHeap(heap, 0, (SIZE_T)room * sizeof(WCHAR));
	WCHAR *fold = RtlAllocateHeap(heap, 0, (SIZE_T)room * 3 * sizeof(WCHAR));
	NTSTATUS status = kc && fold ? STATUS_SUCCESS : STATUS_NO_MEMORY;

	for (i = 0; !status && i < n - 1; i++) {
		if (!src[i]) {
			*dn = i;
			status = STATUS_NO_UNICODE_TRANSLATION;
		}
	}
	if (!status && (status = normalize(NLS_NORM_KC, src, n, kc, &len)))
		*dn = len;
	for (i = 0; !status && i < len; i++)
		folded += nls_casefold(kc[i], fold + folded);
	if (!status && (status = nls_normalize(NLS_NORM_KC, fold, folded, dst, (int *)dn)) == 0)
		for (i = 0; i < *dn; i++)
			if (idn_prohibited(dst[i]))
				status = STATUS_NO_UNICODE_TRANSLATION;
	RtlFreeHeap(heap, 0, kc);
	RtlFreeHeap(heap, 0, fold);
	return status;
}

static NTSTATUS normalize(ULONG form, const WCHAR *src, LONG n, WCHAR *dst, LONG *dn)
{
	int len = *dn;
	NTSTATUS status;

	if (form == NORM_IDN)
		return idn_map(src, n, dst, dn);
	status = nls_normalize((int)form, src, n, dst, &len);
	if (status == STATUS_NO_UNICODE_TRANSLATION) {
		/* The text before the bad unit must still fit, as Windows
		 * converts as it goes. */
		int bad = len, end = len, prefix;
		do /* the reported position may be just past the bad unit */
			prefix = 0;
		while (nls_normalize((int)form, src, end, NULL, &prefix) ==
			       STATUS_NO_UNICODE_TRANSLATION && --end > 0);
		if (prefix > *dn)
			status = STATUS_BUFFER_TOO_SMALL, len = prefix;
		else
			len = bad;
	}
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
