/*
 * FoldStringW/A, NormalizeString, IsNormalizedString.  FoldString works in
 * stages on a heap copy: MAP_FOLDCZONE is compatibility normalization
 * (NFKC), MAP_PRECOMPOSED and MAP_COMPOSITE are NFC and NFD,
 * MAP_EXPAND_LIGATURES spells out the ligatures Windows lists,
 * MAP_FOLDDIGITS maps every digit to 0-9.
 */
#define _NORMALIZE_ /* we define them (winnls.h would import them) */
#include "k32_nls.h"

#define FOLD_FLAGS (MAP_FOLDCZONE | MAP_PRECOMPOSED | MAP_COMPOSITE | MAP_FOLDDIGITS | \
		    MAP_EXPAND_LIGATURES)

/* The ligatures MAP_EXPAND_LIGATURES expands, and into what. */
static const struct { WCHAR lig; WCHAR exp[4]; } ligatures[] = {
	{ 0x00C6, L"AE" }, { 0x00DE, L"TH" }, { 0x00DF, L"ss" }, { 0x00E6, L"ae" },
	{ 0x00FE, L"th" }, { 0x0132, L"IJ" }, { 0x0133, L"ij" }, { 0x0152, L"OE" },
	{ 0x0153, L"oe" }, { 0x01C4, L"D\x017D" }, { 0x01C5, L"D\x017E" }, { 0x01C6, L"d\x017E" },
	{ 0x01C7, L"LJ" }, { 0x01C8, L"Lj" }, { 0x01C9, L"lj" }, { 0x01CA, L"NJ" },
	{ 0x01CB, L"Nj" }, { 0x01CC, L"nj" }, { 0x01E2, L"\x0100\x0112" },
	{ 0x01E3, L"\x0101\x0113" }, { 0x01F1, L"DZ" }, { 0x01F2, L"Dz" }, { 0x01F3, L"dz" },
	{ 0x01FC, L"\x00C1\x00C9" }, { 0x01FD, L"\x00E1\x00E9" }, { 0x05F0, L"\x05D5\x05D5" },
	{ 0x05F1, L"\x05D5\x05D9" }, { 0x05F2, L"\x05D9\x05D9" }, { 0xFB00, L"ff" },
	{ 0xFB01, L"fi" }, { 0xFB02, L"fl" }, { 0xFB03, L"ffi" }, { 0xFB04, L"ffl" },
	{ 0xFB05, L"\x017Ft" }, { 0xFB06, L"st" },
};

struct text {
	WCHAR *s;
	int n;
};

/* Normalizes t in place (form: NORM_FORM); FALSE with the error set. */
static BOOL normalize(struct text *t, ULONG form)
{
	LONG n = t->n * 18 + 1;
	WCHAR *out = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n * sizeof(WCHAR));
	NTSTATUS status;

	if (!out)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if ((status = RtlNormalizeString(form, t->s, t->n, out, &n))) {
		k32_free(out);
		return k32_fail(status);
	}
	k32_free(t->s);
	t->s = out;
	t->n = (int)n;
	return TRUE;
}

const WCHAR *k32_ligature(WCHAR c)
{
	int i;

	for (i = 0; i < (int)ARRAYSIZE(ligatures); i++)
		if (ligatures[i].lig == c)
			return ligatures[i].exp;
	return NULL;
}

static BOOL expand_ligatures(struct text *t)
{
	WCHAR *out = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)(t->n * 3 + 1) * sizeof(WCHAR));
	const WCHAR *e;
	int i, n = 0;

	if (!out)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	for (i = 0; i < t->n; i++) {
		if (!(e = k32_ligature(t->s[i])))
			out[n++] = t->s[i];
		else
			while (*e)
				out[n++] = *e++;
	}
	k32_free(t->s);
	t->s = out;
	t->n = n;
	return TRUE;
}

/* Digits to '0'-'9' in place; a surrogate pair becomes one digit. */
static void fold_digits(struct text *t)
{
	int i, n = 0;

	for (i = 0; i < t->n; i++) {
		unsigned c = t->s[i];
		int d, pair = IS_HIGH_SURROGATE(c) && i + 1 < t->n && IS_LOW_SURROGATE(t->s[i + 1]);
		if (pair)
			c = 0x10000 + ((c - 0xD800) << 10) + (t->s[i + 1] - 0xDC00);
		if ((d = nls_digit_value(c)) >= 0) {
			t->s[n++] = (WCHAR)('0' + d);
			i += pair;
		} else {
			t->s[n++] = t->s[i];
		}
	}
	t->n = n;
}

static BOOL fold(DWORD flags, struct text *t)
{
	if ((flags & MAP_FOLDCZONE) && !normalize(t, NormalizationKC))
		return FALSE;
	if ((flags & MAP_PRECOMPOSED) && !normalize(t, NormalizationC))
		return FALSE;
	if ((flags & MAP_COMPOSITE) && !normalize(t, NormalizationD))
		return FALSE;
	if ((flags & MAP_EXPAND_LIGATURES) && !expand_ligatures(t))
		return FALSE;
	if (flags & MAP_FOLDDIGITS)
		fold_digits(t);
	return TRUE;
}

static BOOL check_fold_flags(DWORD flags)
{
	if (!flags || (flags & ~FOLD_FLAGS) ||
	    (flags & (MAP_PRECOMPOSED | MAP_COMPOSITE)) == (MAP_PRECOMPOSED | MAP_COMPOSITE) ||
	    ((flags & MAP_EXPAND_LIGATURES) && (flags & (MAP_PRECOMPOSED | MAP_COMPOSITE))))
		return k32_error(ERROR_INVALID_FLAGS);
	return TRUE;
}

K32API int WINAPI FoldStringW(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
	struct text t;
	int ret;

	if (!check_fold_flags(flags))
		return 0;
	if (!src || !srclen || dstlen < 0 || (dstlen && !dst) || src == dst)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (srclen < 0)
		srclen = (int)wcslen(src) + 1;
	if (!(t.s = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)srclen * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(t.s, src, (SIZE_T)srclen * sizeof(WCHAR));
	t.n = srclen;
	if (!fold(flags, &t))
		ret = 0;
	else if (dstlen && dstlen < t.n)
		ret = k32_error(ERROR_INSUFFICIENT_BUFFER);
	else {
		if (dstlen)
			memcpy(dst, t.s, (SIZE_T)t.n * sizeof(WCHAR));
		ret = t.n;
	}
	k32_free(t.s);
	return ret;
}

K32API int WINAPI FoldStringA(DWORD flags, LPCSTR src, int srclen, LPSTR dst, int dstlen)
{
	WCHAR *w, *out;
	int wn, n, ret = 0;

	if (!check_fold_flags(flags))
		return 0;
	if (!src || !srclen || dstlen < 0 || (dstlen && !dst) || src == dst)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (srclen < 0)
		srclen = (int)strlen(src) + 1;
	if (!(w = k32_a_arg(CP_ACP, src, srclen, &wn)))
		return 0;
	n = FoldStringW(flags, w, wn, NULL, 0);
	if (n && (out = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n * sizeof(WCHAR)))) {
		FoldStringW(flags, w, wn, out, n);
		ret = k32_w_result_to_a(CP_ACP, out, n, dst, dstlen);
		k32_free(out);
	}
	k32_free(w);
	return ret;
}

/* NormalizeString returns the length, or <= 0 with the error: the
 * negated source position of an invalid character, or the negated size
 * needed when the buffer is too small. */
K32API int WINAPI NormalizeString(NORM_FORM form, LPCWSTR src, int srclen, LPWSTR dst,
				  int dstlen)
{
	LONG n = dstlen;
	NTSTATUS status;

	if (!src || dstlen < 0 || (dstlen && !dst)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (!srclen) {
		k32_error(ERROR_SUCCESS);
		return 0;
	}
	status = RtlNormalizeString(form, src, srclen, dst, &n);
	switch (status) {
	case STATUS_SUCCESS:
		k32_error(ERROR_SUCCESS);
		return (int)n;
	case STATUS_OBJECT_NAME_NOT_FOUND:
		k32_error(ERROR_INVALID_PARAMETER);
		return 0;
	case STATUS_BUFFER_TOO_SMALL:
	case STATUS_NO_UNICODE_TRANSLATION:
		k32_fail(status);
		return (int)-n;
	}
	k32_fail(status);
	return 0;
}

K32API BOOL WINAPI IsNormalizedString(NORM_FORM form, LPCWSTR src, int srclen)
{
	BOOLEAN normalized = FALSE;
	NTSTATUS status = RtlIsNormalizedString(form, src, srclen, &normalized);

	if (status) {
		k32_fail(status == STATUS_OBJECT_NAME_NOT_FOUND ? STATUS_INVALID_PARAMETER : status);
		return FALSE;
	}
	k32_error(ERROR_SUCCESS);
	return normalized;
}
