/*
 * MultiByteToWideChar / WideCharToMultiByte and code page queries.
 * Supported: CP_ACP = 1252, CP_OEMCP = 437, 1252, 437, CP_UTF8 (65001).
 * Both single-byte pages map one byte to one UTF-16 unit, so a converted
 * string has the same number of units as the source; a unit the page
 * lacks becomes the default char ('?'), without Windows' best-fit table.
 */
#include "k32_private.h"

enum cp_kind { CP_KIND_ANSI, CP_KIND_OEM, CP_KIND_UTF8, CP_KIND_BAD };

static enum cp_kind cp_kind(UINT cp)
{
	switch (cp) {
	case CP_ACP:
	case CP_THREAD_ACP:
	case 1252:
		return CP_KIND_ANSI;
	case CP_OEMCP:
	case 437:
		return CP_KIND_OEM;
	case CP_UTF8:
		return CP_KIND_UTF8;
	}
	return CP_KIND_BAD;
}

K32API UINT WINAPI GetACP(void)
{
	return 1252;
}

K32API UINT WINAPI GetOEMCP(void)
{
	return 437;
}

K32API BOOL WINAPI IsValidCodePage(UINT cp)
{
	return cp == 1252 || cp == 437 || cp == CP_UTF8;
}

K32API BOOL WINAPI GetCPInfo(UINT cp, LPCPINFO info)
{
	enum cp_kind k = cp_kind(cp);

	if (!info || k == CP_KIND_BAD)
		return k32_error(ERROR_INVALID_PARAMETER);
	memset(info, 0, sizeof(*info));
	info->MaxCharSize = k == CP_KIND_UTF8 ? 4 : 1;
	info->DefaultChar[0] = '?';
	return TRUE;
}

K32API BOOL WINAPI IsDBCSLeadByteEx(UINT cp, BYTE c)
{
	return FALSE; /* no double-byte page is supported */
}

K32API BOOL WINAPI IsDBCSLeadByte(BYTE c)
{
	return FALSE;
}

static NTSTATUS mb_to_w(enum cp_kind k, const char *s, int n, WCHAR *d, int dn, ULONG *bytes)
{
	ULONG dbytes = (ULONG)dn * sizeof(WCHAR);

	if (k == CP_KIND_UTF8)
		return RtlUTF8ToUnicodeN(d, dbytes, bytes, s, (ULONG)n);
	if (!d) {
		*bytes = (ULONG)n * sizeof(WCHAR);
		return STATUS_SUCCESS;
	}
	if (dn < n) {
		*bytes = dbytes;
		return STATUS_BUFFER_TOO_SMALL;
	}
	if (k == CP_KIND_OEM)
		return RtlOemToUnicodeN(d, dbytes, bytes, s, (ULONG)n);
	return RtlMultiByteToUnicodeN(d, dbytes, bytes, s, (ULONG)n);
}

K32API int WINAPI MultiByteToWideChar(UINT cp, DWORD flags, LPCCH src, int srclen, LPWSTR dst,
				      int dstlen)
{
	enum cp_kind k = cp_kind(cp);
	ULONG bytes = 0;
	NTSTATUS status;

	if (!src || srclen == 0 || dstlen < 0 || (dstlen && !dst) || srclen < -1 ||
	    (void *)src == (void *)dst)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (k == CP_KIND_BAD)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (k == CP_KIND_UTF8 ? (flags & ~MB_ERR_INVALID_CHARS) :
				(flags & ~(MB_ERR_INVALID_CHARS | MB_PRECOMPOSED)))
		return k32_error(ERROR_INVALID_FLAGS);
	if (srclen == -1)
		srclen = (int)strlen(src) + 1;
	status = mb_to_w(k, src, srclen, dstlen ? dst : NULL, dstlen, &bytes);
	if (status == STATUS_SOME_NOT_MAPPED && (flags & MB_ERR_INVALID_CHARS))
		return k32_error(ERROR_NO_UNICODE_TRANSLATION);
	if (status == STATUS_BUFFER_TOO_SMALL)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (status < 0)
		return k32_fail(status);
	return (int)(bytes / sizeof(WCHAR));
}

/* Single-byte conversion with default-char handling: convert, then find
 * the '?' that did not come from a '?' (one unit -> one byte). */
static int w_to_sb(enum cp_kind k, const WCHAR *s, int n, char *d, int dn, LPCCH defchar,
		   LPBOOL used)
{
	ULONG done;
	int i;

	if (!dn)
		return n;
	if (dn < n)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (k == CP_KIND_OEM)
		RtlUnicodeToOemN(d, (ULONG)n, &done, s, (ULONG)n * sizeof(WCHAR));
	else
		RtlUnicodeToMultiByteN(d, (ULONG)n, &done, s, (ULONG)n * sizeof(WCHAR));
	for (i = 0; i < n; i++) {
		if (d[i] == '?' && s[i] != '?') {
			if (used)
				*used = TRUE;
			if (defchar)
				d[i] = *defchar;
		}
	}
	return n;
}

/* Count-only pass for lpUsedDefaultChar when no output buffer is given. */
static void scan_defaults(enum cp_kind k, const WCHAR *s, int n, LPBOOL used)
{
	char tmp[256];
	int i;

	while (n > 0 && !*used) {
		int c = n > 256 ? 256 : n;
		ULONG done;
		if (k == CP_KIND_OEM)
			RtlUnicodeToOemN(tmp, (ULONG)c, &done, s, (ULONG)c * sizeof(WCHAR));
		else
			RtlUnicodeToMultiByteN(tmp, (ULONG)c, &done, s, (ULONG)c * sizeof(WCHAR));
		for (i = 0; i < c; i++)
			if (tmp[i] == '?' && s[i] != '?')
				*used = TRUE;
		s += c;
		n -= c;
	}
}

K32API int WINAPI WideCharToMultiByte(UINT cp, DWORD flags, LPCWCH src, int srclen, LPSTR dst,
				      int dstlen, LPCCH defchar, LPBOOL used)
{
	enum cp_kind k = cp_kind(cp);
	ULONG bytes = 0;
	NTSTATUS status;

	if (!src || srclen == 0 || dstlen < 0 || (dstlen && !dst) || srclen < -1 ||
	    (void *)src == (void *)dst || k == CP_KIND_BAD)
		return k32_error(ERROR_INVALID_PARAMETER);
	/* UTF-8 takes neither default char nor "used" flag (documented). */
	if (k == CP_KIND_UTF8 && (defchar || used))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (srclen == -1)
		srclen = (int)wcslen(src) + 1;
	if (used)
		*used = FALSE;
	if (k != CP_KIND_UTF8) {
		if (!dstlen && used)
			scan_defaults(k, src, srclen, used);
		return w_to_sb(k, src, srclen, dst, dstlen, defchar, used);
	}
	status = RtlUnicodeToUTF8N(dstlen ? dst : NULL, (ULONG)dstlen, &bytes, src,
				   (ULONG)srclen * sizeof(WCHAR));
	if (status == STATUS_SOME_NOT_MAPPED && (flags & WC_ERR_INVALID_CHARS))
		return k32_error(ERROR_NO_UNICODE_TRANSLATION);
	if (status == STATUS_BUFFER_TOO_SMALL)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (status < 0)
		return k32_fail(status);
	return (int)bytes;
}
