/*
 * IdnToNameprepUnicode, IdnToAscii, IdnToUnicode (IDNA 2003, RFC 3490):
 * a name is mapped by nameprep (text that is all ASCII stays as it is,
 * other text goes through ntdll's IDN normalization: NFKC and lower
 * case), split into labels at dots, and each label that is not ASCII is
 * written "xn--" + punycode.  Labels are at most 63 units; empty labels
 * are invalid except a final dot; IDN_USE_STD3_ASCII_RULES allows only
 * letters, digits and inner hyphens.  Errors are ERROR_INVALID_NAME.
 */
#define _NORMALIZE_ /* we define them (winnls.h would import them) */
#include "k32_idn.h"

#define IDN_FLAGS (IDN_ALLOW_UNASSIGNED | IDN_USE_STD3_ASCII_RULES)
#define IDN_MAX_LABEL 63
#define IDN_BUF 1024
#define IDN_MAX_INPUT 512
#define NORM_IDN 13

static BOOL is_dot(WCHAR c)
{
	return c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61;
}

/* The argument checks all three share; *n becomes the length (with the
 * NUL for -1).  FALSE with the error set. */
static BOOL idn_args(DWORD flags, const WCHAR *src, int *n, const WCHAR *dst, int dn)
{
	if (!src || *n < -1 || dn < 0 || (dn && !dst))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & ~IDN_FLAGS)
		return k32_error(ERROR_INVALID_FLAGS);
	if (*n == -1)
		*n = k32_wcslen(src) + 1;
	if (!*n || *n > IDN_MAX_INPUT)
		return k32_error(ERROR_INVALID_NAME);
	return TRUE;
}

static int idn_output(const WCHAR *res, int len, WCHAR *dst, int dn)
{
	if (!dn)
		return len;
	if (dn < len)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(dst, res, (SIZE_T)len * sizeof(WCHAR));
	return len;
}

static BOOL std3_char(WCHAR c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-';
}

static BOOL label_ok(const WCHAR *s, int n, DWORD flags)
{
	int i;

	if (!n || n > IDN_MAX_LABEL)
		return FALSE;
	if (!(flags & IDN_USE_STD3_ASCII_RULES))
		return TRUE;
	if (s[0] == '-' || s[n - 1] == '-')
		return FALSE;
	for (i = 0; i < n; i++)
		if (s[i] < 0x80 && !std3_char(s[i]))
			return FALSE;
	return TRUE;
}

/* The labels of s[0..n) (a NUL may end it): none empty but after a
 * final dot, each valid. */
static BOOL labels_ok(const WCHAR *s, int n, DWORD flags)
{
	int start = 0, i;

	if (n && !s[n - 1])
		n--;
	for (i = 0; i <= n; i++) {
		if (i < n && !is_dot(s[i]))
			continue;
		if (!(i == n && start == n && n) && !label_ok(s + start, i - start, flags))
			return FALSE;
		start = i + 1;
	}
	return TRUE;
}

/* Private use counts as unassigned here (Windows refuses it without
 * IDN_ALLOW_UNASSIGNED). */
static BOOL defined_text(const WCHAR *s, int n, DWORD flags)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!s[i] && i != n - 1)
			return FALSE; /* a NUL before the end */
		if (!(flags & IDN_ALLOW_UNASSIGNED) && s[i] && !IS_HIGH_SURROGATE(s[i]) &&
		    !IS_LOW_SURROGATE(s[i]) &&
		    (!(nls_ctype1(s[i]) & C1_DEFINED) || (s[i] >= 0xE000 && s[i] <= 0xF8FF)))
			return FALSE;
	}
	return TRUE;
}

/* Nameprep of src[0..n) into out: its length, or -1 if invalid. */
static int nameprep(DWORD flags, const WCHAR *src, int n, WCHAR *out)
{
	LONG len = IDN_BUF;
	int i;

	for (i = 0; i < n && src[i] < 0x80; i++)
		;
	if (i == n)
		memcpy(out, src, (SIZE_T)n * sizeof(WCHAR)), len = n;
	else if (RtlNormalizeString(NORM_IDN, src, n, out, &len))
		return -1;
	for (i = 0; i < len; i++)
		if (is_dot(out[i]))
			out[i] = '.';
	return defined_text(out, len, flags) && labels_ok(out, len, flags) ? len : -1;
}

K32API int WINAPI IdnToNameprepUnicode(DWORD flags, LPCWSTR src, int n, LPWSTR dst, int dn)
{
	WCHAR out[IDN_BUF];
	int len;

	if (!idn_args(flags, src, &n, dst, dn))
		return 0;
	if ((len = nameprep(flags, src, n, out)) < 0)
		return k32_error(ERROR_INVALID_NAME);
	return idn_output(out, len, dst, dn);
}

/* One label in ASCII form appended to out at *olen; FALSE if too long. */
static BOOL ascii_label(const WCHAR *s, int n, WCHAR *out, int *olen)
{
	unsigned cp[IDN_BUF];
	int i, count = 0, len;

	for (i = 0; i < n && s[i] < 0x80; i++)
		;
	if (i == n) {
		memcpy(out + *olen, s, (SIZE_T)n * sizeof(WCHAR));
		*olen += n;
		return n <= IDN_MAX_LABEL;
	}
	for (i = 0; i < n; i++) {
		if (IS_HIGH_SURROGATE(s[i]) && i + 1 < n && IS_LOW_SURROGATE(s[i + 1])) {
			cp[count++] = 0x10000 + ((s[i] - 0xD800) << 10) + (s[i + 1] - 0xDC00);
			i++;
		} else {
			cp[count++] = s[i];
		}
	}
	memcpy(out + *olen, L"xn--", 4 * sizeof(WCHAR));
	len = k32_punycode_encode(cp, count, out + *olen + 4, IDN_MAX_LABEL - 4);
	if (len < 0)
		return FALSE;
	*olen += 4 + len;
	return TRUE;
}

K32API int WINAPI IdnToAscii(DWORD flags, LPCWSTR src, int n, LPWSTR dst, int dn)
{
	WCHAR mapped[IDN_BUF], out[IDN_BUF + 8];
	int len, olen = 0, start, i;

	if (!idn_args(flags, src, &n, dst, dn))
		return 0;
	if ((len = nameprep(flags, src, n, mapped)) < 0)
		return k32_error(ERROR_INVALID_NAME);
	for (start = 0; start < len; start = i + 1) {
		for (i = start; i < len && mapped[i] != '.' && mapped[i]; i++)
			;
		if (olen + IDN_MAX_LABEL + 1 > IDN_BUF ||
		    !ascii_label(mapped + start, i - start, out, &olen))
			return k32_error(ERROR_INVALID_NAME);
		if (i < len)
			out[olen++] = mapped[i];
	}
	return idn_output(out, olen, dst, dn);
}

/* One label in Unicode form appended to out at *olen; FALSE if invalid. */
static BOOL unicode_label(DWORD flags, const WCHAR *s, int n, WCHAR *out, int *olen)
{
	unsigned cp[IDN_MAX_LABEL];
	int count, i, start = *olen;

	if (n < 4 || (s[0] | 0x20) != 'x' || (s[1] | 0x20) != 'n' || s[2] != '-' || s[3] != '-') {
		memcpy(out + *olen, s, (SIZE_T)n * sizeof(WCHAR));
		*olen += n;
		return TRUE;
	}
	if ((count = k32_punycode_decode(s + 4, n - 4, cp, IDN_MAX_LABEL)) <= 0)
		return FALSE;
	for (i = 0; i < count; i++) {
		if (cp[i] >= 0x10000) {
			out[(*olen)++] = (WCHAR)(0xD800 + ((cp[i] - 0x10000) >> 10));
			out[(*olen)++] = (WCHAR)(0xDC00 + ((cp[i] - 0x10000) & 0x3FF));
		} else {
			out[(*olen)++] = (WCHAR)cp[i];
		}
	}
	return defined_text(out + start, *olen - start, flags);
}

K32API int WINAPI IdnToUnicode(DWORD flags, LPCWSTR src, int n, LPWSTR dst, int dn)
{
	WCHAR out[IDN_BUF + 2 * IDN_MAX_LABEL];
	int olen = 0, start, i;

	if (!idn_args(flags, src, &n, dst, dn))
		return 0;
	for (i = 0; i < n; i++)
		if (src[i] >= 0x80 || (!src[i] && i != n - 1))
			return k32_error(ERROR_INVALID_NAME);
	if (!labels_ok(src, n, flags))
		return k32_error(ERROR_INVALID_NAME);
	for (start = 0; start < n; start = i + 1) {
		for (i = start; i < n && src[i] != '.' && src[i]; i++)
			;
		if (!unicode_label(flags, src + start, i - start, out, &olen))
			return k32_error(ERROR_INVALID_NAME);
		if (i < n)
			out[olen++] = src[i];
	}
	return idn_output(out, olen, dst, dn);
}
