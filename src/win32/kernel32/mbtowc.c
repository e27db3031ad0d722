/*
 * MultiByteToWideChar: single-byte tables, double-byte pages (dbcs.c),
 * UTF-8 (ill-formed sequences become U+FFFD, one per maximal subpart, or
 * fail with MB_ERR_INVALID_CHARS), UTF-7 and the Symbol page (42).  A destination
 * that is too small gets what fits and ERROR_INSUFFICIENT_BUFFER.
 */
#include "k32_nls.h"

#define MB_SB_FLAGS (MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS)

/* MB_USEGLYPHCHARS: the OEM glyphs of the control bytes (1-31, 127). */
static const WCHAR glyphs[32] = {
	0x0000, 0x263A, 0x263B, 0x2665, 0x2666, 0x2663, 0x2660, 0x2022,
	0x25D8, 0x25CB, 0x25D9, 0x2642, 0x2640, 0x266A, 0x266B, 0x263C,
	0x25BA, 0x25C4, 0x2195, 0x203C, 0x00B6, 0x00A7, 0x25AC, 0x21A8,
	0x2191, 0x2193, 0x2192, 0x2190, 0x221F, 0x2194, 0x25B2, 0x25BC,
};

/* Appends the units of one character; FALSE when dst is full. */
static BOOL put_units(const WCHAR *u, int n, WCHAR *dst, int dn, int *len)
{
	int i;

	for (i = 0; i < n; i++, (*len)++) {
		if (dn) {
			if (*len >= dn)
				return FALSE;
			dst[*len] = u[i];
		}
	}
	return TRUE;
}

/* MB_COMPOSITE: the canonical decomposition of one character. */
static int composite(WCHAR c, WCHAR out[4])
{
	LONG n = 4;

	if (c < 0xC0 || RtlNormalizeString(NormalizationD, &c, 1, out, &n) || n < 1) {
		out[0] = c;
		return 1;
	}
	return (int)n;
}

static int sb_to_w(const struct nls_sb_page *page, DWORD flags, const char *src, int n,
		   WCHAR *dst, int dn)
{
	int i, len = 0;

	for (i = 0; i < n; i++) {
		BYTE b = (BYTE)src[i];
		WCHAR u[4];
		int un = 1;
		if ((flags & MB_ERR_INVALID_CHARS) && !nls_sb_byte_defined(page, b))
			return k32_error(ERROR_NO_UNICODE_TRANSLATION);
		u[0] = page->to_unicode[b];
		if ((flags & MB_USEGLYPHCHARS) && (b < 0x20 || b == 0x7F))
			u[0] = b == 0x7F ? 0x2302 : glyphs[b];
		if (flags & MB_COMPOSITE)
			un = composite(u[0], u);
		if (!put_units(u, un, dst, dn, &len))
			return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	return len;
}

static int utf8_to_w(DWORD flags, const char *src, int n, WCHAR *dst, int dn)
{
	ULONG bytes = 0;
	NTSTATUS status = RtlUTF8ToUnicodeN(dn ? dst : NULL, (ULONG)dn * sizeof(WCHAR), &bytes, src,
					    (ULONG)n);

	if (status == STATUS_SOME_NOT_MAPPED && (flags & MB_ERR_INVALID_CHARS))
		return k32_error(ERROR_NO_UNICODE_TRANSLATION);
	if (status == STATUS_BUFFER_TOO_SMALL)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (status < 0)
		return k32_fail(status);
	return (int)(bytes / sizeof(WCHAR));
}

/* CP_SYMBOL: bytes 0x20-0xFF are the private-use U+F020-U+F0FF. */
static int symbol_to_w(const char *src, int n, WCHAR *dst, int dn)
{
	int i, len = 0;

	for (i = 0; i < n; i++) {
		BYTE b = (BYTE)src[i];
		WCHAR u = b < 0x20 ? b : (WCHAR)(0xF000 + b);
		if (!put_units(&u, 1, dst, dn, &len))
			return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	return len;
}

K32API int WINAPI MultiByteToWideChar(UINT cp, DWORD flags, LPCCH src, int srclen, LPWSTR dst,
				      int dstlen)
{
	const struct nls_sb_page *page;
	const LSW_CPTABLEINFO *dbcs = NULL;
	int n;

	if (!src || !srclen || dstlen < 0 || (dstlen && !dst) || (void *)src == (void *)dst)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (srclen < 0)
		srclen = (int)strlen(src) + 1;
	cp = k32_resolve_cp(cp);
	switch (cp) {
	case CP_UTF8:
		if (flags & ~MB_ERR_INVALID_CHARS)
			return k32_error(ERROR_INVALID_FLAGS);
		return utf8_to_w(flags, src, srclen, dst, dstlen);
	case CP_UTF7:
	case CP_SYMBOL:
		if (flags)
			return k32_error(ERROR_INVALID_FLAGS);
		if (cp == CP_SYMBOL)
			return symbol_to_w(src, srclen, dst, dstlen);
		n = k32_utf7_decode(src, srclen, dst, dstlen);
		return n < 0 ? k32_error(ERROR_INSUFFICIENT_BUFFER) : n;
	}
	if (!(page = nls_sb_page(cp)) && !(dbcs = k32_dbcs_page(cp)))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((flags & ~MB_SB_FLAGS) || (flags & (MB_PRECOMPOSED | MB_COMPOSITE)) ==
					      (MB_PRECOMPOSED | MB_COMPOSITE))
		return k32_error(ERROR_INVALID_FLAGS);
	if (dbcs)
		return k32_dbcs_to_w(dbcs, flags, src, srclen, dst, dstlen);
	return sb_to_w(page, flags, src, srclen, dst, dstlen);
}
