/*
 * WideCharToMultiByte: single-byte tables (exact mapping, then the best-fit
 * base letter unless WC_NO_BEST_FIT_CHARS, then the default character),
 * double-byte pages (dbcs.c, the same order),
 * UTF-8, UTF-7 and the Symbol page.  UTF-7, UTF-8 and Symbol take neither
 * a default character nor lpUsedDefaultChar (documented: ERROR_INVALID_
 * PARAMETER).  A destination that is too small gets what fits and
 * ERROR_INSUFFICIENT_BUFFER; *lpUsedDefaultChar then tells about the part
 * converted.
 */
#include "k32_nls.h"

#define WC_SB_FLAGS (WC_COMPOSITECHECK | WC_DISCARDNS | WC_SEPCHARS | WC_DEFAULTCHAR | \
		     WC_NO_BEST_FIT_CHARS)

struct sb_out {
	const struct nls_sb_page *page;
	DWORD flags;
	char defchar;
	BOOL used;
};

static int map_char(struct sb_out *o, WCHAR c)
{
	int b = (o->flags & WC_NO_BEST_FIT_CHARS) ? nls_sb_exact(o->page, c)
						   : nls_sb_best_fit(o->page, c);

	if (b >= 0)
		return b;
	o->used = TRUE;
	return (BYTE)o->defchar;
}

/* WC_COMPOSITECHECK: a base character and the nonspacing mark after it.
 * Returns the byte for the pair, or -1 to convert them one by one. */
static int composite_pair(struct sb_out *o, WCHAR base, WCHAR mark)
{
	WCHAR pair[2] = { base, mark }, comp[2];
	LONG n = 2;
	int b;

	if (!RtlNormalizeString(NormalizationC, pair, 2, comp, &n) && n == 1 &&
	    (b = nls_sb_exact(o->page, comp[0])) >= 0)
		return b;
	if (o->flags & WC_DISCARDNS)
		return map_char(o, base);
	if (o->flags & WC_DEFAULTCHAR) {
		o->used = TRUE;
		return (BYTE)o->defchar;
	}
	return -1;
}

static BOOL is_mark(WCHAR c)
{
	return (nls_ctype3(c) & C3_NONSPACING) != 0;
}

static int w_to_sb(struct sb_out *o, const WCHAR *src, int n, char *dst, int dn, LPBOOL used)
{
	int i, len = 0;

	for (i = 0; i < n; i++) {
		WCHAR c = src[i];
		int b = -1;
		if ((o->flags & WC_COMPOSITECHECK) && i + 1 < n && is_mark(src[i + 1]) &&
		    (b = composite_pair(o, c, src[i + 1])) >= 0)
			i++;
		if (b < 0 && IS_HIGH_SURROGATE(c) && i + 1 < n && IS_LOW_SURROGATE(src[i + 1])) {
			i++; /* one default character for the pair */
			o->used = TRUE;
			b = (BYTE)o->defchar;
		}
		if (b < 0)
			b = map_char(o, c);
		if (dn) {
			if (len >= dn)
				break;
			dst[len] = (char)b;
		}
		len++;
	}
	if (used)
		*used = o->used;
	return i < n ? k32_error(ERROR_INSUFFICIENT_BUFFER) : len;
}

static int w_to_utf8(DWORD flags, const WCHAR *src, int n, char *dst, int dn)
{
	ULONG bytes = 0;
	NTSTATUS status = RtlUnicodeToUTF8N(dn ? dst : NULL, (ULONG)dn, &bytes, src,
					    (ULONG)n * sizeof(WCHAR));

	if (status == STATUS_SOME_NOT_MAPPED && (flags & WC_ERR_INVALID_CHARS))
		return k32_error(ERROR_NO_UNICODE_TRANSLATION);
	if (status == STATUS_BUFFER_TOO_SMALL)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (status < 0)
		return k32_fail(status);
	return (int)bytes;
}

/* CP_SYMBOL: U+F020-U+F0FF are the bytes 0x20-0xFF. */
static int w_to_symbol(const WCHAR *src, int n, char *dst, int dn)
{
	int i;

	if (dn && dn < n)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	for (i = 0; dn && i < n; i++) {
		WCHAR c = src[i];
		dst[i] = c < 0x20 ? (char)c : c >= 0xF020 && c <= 0xF0FF ? (char)(c - 0xF000) : '?';
	}
	return n;
}

static int w_to_special(UINT cp, DWORD flags, const WCHAR *src, int n, char *dst, int dn)
{
	int len;

	if (cp == CP_UTF8) {
		if (flags & ~WC_ERR_INVALID_CHARS)
			return k32_error(ERROR_INVALID_FLAGS);
		return w_to_utf8(flags, src, n, dst, dn);
	}
	if (flags)
		return k32_error(ERROR_INVALID_FLAGS);
	if (cp == CP_SYMBOL)
		return w_to_symbol(src, n, dst, dn);
	len = k32_utf7_encode(src, n, dst, dn);
	return len < 0 ? k32_error(ERROR_INSUFFICIENT_BUFFER) : len;
}

K32API int WINAPI WideCharToMultiByte(UINT cp, DWORD flags, LPCWCH src, int srclen, LPSTR dst,
				      int dstlen, LPCCH defchar, LPBOOL used)
{
	const LSW_CPTABLEINFO *dbcs = NULL;
	struct sb_out o;

	if (!src || !srclen || dstlen < 0 || (dstlen && !dst) || (void *)src == (void *)dst)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (srclen < 0)
		srclen = (int)wcslen(src) + 1;
	cp = k32_resolve_cp(cp);
	if (cp == CP_UTF8 || cp == CP_UTF7 || cp == CP_SYMBOL) {
		if (defchar || used)
			return k32_error(ERROR_INVALID_PARAMETER);
		return w_to_special(cp, flags, src, srclen, dst, dstlen);
	}
	if (!(o.page = nls_sb_page(cp)) && !(dbcs = k32_dbcs_page(cp)))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & ~WC_SB_FLAGS)
		return k32_error(ERROR_INVALID_FLAGS);
	if (dbcs)
		return k32_w_to_dbcs(dbcs, flags, src, srclen, dst, dstlen, defchar, used);
	o.flags = flags;
	o.defchar = defchar ? *defchar : '?';
	o.used = FALSE;
	return w_to_sb(&o, src, srclen, dst, dstlen, used);
}
