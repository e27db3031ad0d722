/*
 * Code page conversions of ntdll: the ANSI code page is Windows-1252 and the
 * OEM code page is 437, as on an en-US Windows 10 (tables: src/win32/nls).
 *
 * Unicode -> single byte uses the page's mapping, then the best-fit base
 * letter ("ā" -> 'a', as Windows' best-fit tables do), then '?'.
 */
#include "rtl_private.h"
#include "nls/nls.h"

#define ANSI_CP 1252
#define OEM_CP 437

static NTSTATUS sb_to_unicode_n(unsigned cp, PWCH dst, ULONG dst_bytes, PULONG res,
				const CHAR *src, ULONG src_bytes)
{
	const struct nls_sb_page *page = nls_sb_page(cp);
	ULONG n = dst_bytes / sizeof(WCHAR), i;

	if (n > src_bytes)
		n = src_bytes;
	for (i = 0; i < n; i++)
		dst[i] = page->to_unicode[(BYTE)src[i]];
	if (res)
		*res = n * sizeof(WCHAR);
	return STATUS_SUCCESS;
}

static NTSTATUS unicode_to_sb_n(unsigned cp, BOOL upcase, PCHAR dst, ULONG dst_bytes,
				PULONG res, const WCHAR *src, ULONG src_bytes)
{
	const struct nls_sb_page *page = nls_sb_page(cp);
	ULONG n = src_bytes / sizeof(WCHAR), i;

	if (n > dst_bytes)
		n = dst_bytes;
	for (i = 0; i < n; i++) {
		int b = nls_sb_best_fit(page, upcase ? rtl_upcase(src[i]) : src[i]);
		dst[i] = b < 0 ? '?' : (CHAR)b;
	}
	if (res)
		*res = n;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWCH dst, ULONG dst_bytes, PULONG res,
					       const CHAR *src, ULONG src_bytes)
{
	return sb_to_unicode_n(ANSI_CP, dst, dst_bytes, res, src, src_bytes);
}

/* One character of the ANSI code page (single-byte: one byte), moving
 * the caller's pointer past it. */
RTLAPI WCHAR NTAPI RtlAnsiCharToUnicodeChar(PUCHAR *ansi)
{
	WCHAR w = nls_sb_page(ANSI_CP)->to_unicode[**ansi];

	(*ansi)++;
	return w;
}

RTLAPI NTSTATUS NTAPI RtlOemToUnicodeN(PWCH dst, ULONG dst_bytes, PULONG res, const CHAR *src,
					 ULONG src_bytes)
{
	return sb_to_unicode_n(OEM_CP, dst, dst_bytes, res, src, src_bytes);
}

RTLAPI NTSTATUS NTAPI RtlUnicodeToMultiByteN(PCHAR dst, ULONG dst_bytes, PULONG res,
					       const WCHAR *src, ULONG src_bytes)
{
	return unicode_to_sb_n(ANSI_CP, FALSE, dst, dst_bytes, res, src, src_bytes);
}

RTLAPI NTSTATUS NTAPI RtlUnicodeToOemN(PCHAR dst, ULONG dst_bytes, PULONG res, const WCHAR *src,
					 ULONG src_bytes)
{
	return unicode_to_sb_n(OEM_CP, FALSE, dst, dst_bytes, res, src, src_bytes);
}

RTLAPI NTSTATUS NTAPI RtlUpcaseUnicodeToMultiByteN(PCHAR dst, ULONG dst_bytes, PULONG res,
						     const WCHAR *src, ULONG src_bytes)
{
	return unicode_to_sb_n(ANSI_CP, TRUE, dst, dst_bytes, res, src, src_bytes);
}

RTLAPI NTSTATUS NTAPI RtlUpcaseUnicodeToOemN(PCHAR dst, ULONG dst_bytes, PULONG res,
					       const WCHAR *src, ULONG src_bytes)
{
	return unicode_to_sb_n(OEM_CP, TRUE, dst, dst_bytes, res, src, src_bytes);
}

RTLAPI NTSTATUS NTAPI RtlMultiByteToUnicodeSize(PULONG size, const CHAR *src, ULONG src_bytes)
{
	*size = src_bytes * sizeof(WCHAR);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlUnicodeToMultiByteSize(PULONG size, PWCH src, ULONG src_bytes)
{
	*size = src_bytes / sizeof(WCHAR);
	return STATUS_SUCCESS;
}
