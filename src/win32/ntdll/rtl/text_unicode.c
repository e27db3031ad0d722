/*
 * RtlIsTextUnicode (advapi32's IsTextUnicode): guesses whether a buffer
 * holds UTF-16 text.  *flags on input selects the tests (NULL: all of
 * them) and on output holds those that found something; the answer is
 * TRUE when a native-order test found Unicode and nothing found reversed
 * or non-Unicode text.  The IS_TEXT_UNICODE_* values are the documented
 * ones (winnt.h).
 */
#include "rtl_private.h"

#define TU_ASCII16            0x0001
#define TU_STATISTICS         0x0002
#define TU_CONTROLS           0x0004
#define TU_SIGNATURE          0x0008
#define TU_REVERSE_ASCII16    0x0010
#define TU_REVERSE_STATISTICS 0x0020
#define TU_REVERSE_CONTROLS   0x0040
#define TU_REVERSE_SIGNATURE  0x0080
#define TU_ILLEGAL_CHARS      0x0100
#define TU_ODD_LENGTH         0x0200
#define TU_NULL_BYTES         0x1000
#define TU_UNICODE_MASK       0x000F
#define TU_REVERSE_MASK       0x00F0
#define TU_NOT_UNICODE_MASK   0x0F00
#define TU_ALL                0xFFFF

static WCHAR swap16(WCHAR c)
{
	return (WCHAR)((c >> 8) | (c << 8));
}

/* The documented control characters: CR, LF, space, CJK space, tab. */
static BOOL is_text_control(WCHAR c)
{
	return c == '\r' || c == '\n' || c == ' ' || c == 0x3000 || c == '\t';
}

/* The documented illegal characters: 0xFFFF, a reversed BOM after the
 * start, CR LF packed into one word, and a NUL before the last word (a
 * terminating NUL is ordinary in a Unicode string). */
static BOOL is_illegal(const WCHAR *w, ULONG i, ULONG n)
{
	return w[i] == 0xFFFF || (w[i] == 0xFFFE && i) || w[i] == 0x0D0A ||
	       (w[i] == 0 && i + 1 < n);
}

/* Text in one byte order varies in its low bytes and barely in its high
 * bytes (a script's block); reversed text the other way round. */
static int byte_statistics(const WCHAR *w, ULONG n)
{
	ULONG lo = 0, hi = 0;

	for (ULONG i = 1; i < n; i++) {
		int dl = (int)(w[i] & 0xFF) - (int)(w[i - 1] & 0xFF);
		int dh = (int)(w[i] >> 8) - (int)(w[i - 1] >> 8);

		lo += (ULONG)(dl < 0 ? -dl : dl);
		hi += (ULONG)(dh < 0 ? -dh : dh);
	}
	if (3 * hi < lo)
		return TU_STATISTICS;
	if (3 * lo < hi)
		return TU_REVERSE_STATISTICS;
	return 0;
}

static int run_tests(const BYTE *buf, ULONG len)
{
	const WCHAR *w = (const WCHAR *)buf;
	ULONG n = len / 2;
	int found = 0;
	BOOL high_zero = n > 0, low_zero = n > 0;

	if (len & 1)
		found |= TU_ODD_LENGTH;
	if (memchr(buf, 0, len))
		found |= TU_NULL_BYTES;
	if (n && w[0] == 0xFEFF)
		found |= TU_SIGNATURE;
	if (n && w[0] == 0xFFFE)
		found |= TU_REVERSE_SIGNATURE;
	for (ULONG i = 0; i < n; i++) {
		if (is_text_control(w[i]))
			found |= TU_CONTROLS;
		if (is_text_control(swap16(w[i])))
			found |= TU_REVERSE_CONTROLS;
		if (is_illegal(w, i, n))
			found |= TU_ILLEGAL_CHARS;
		high_zero &= (w[i] >> 8) == 0;
		low_zero &= (w[i] & 0xFF) == 0;
	}
	/* A byte order mark decides the order: statistics are not run.
	 * Windows reports zero-extended ASCII only for the reversed order
	 * (forward ASCII16 never shows: Wine's conformance test, which passes
	 * on Windows, expects STATISTICS|CONTROLS for plain English text). */
	if (!(found & (TU_SIGNATURE | TU_REVERSE_SIGNATURE))) {
		found |= byte_statistics(w, n);
		if (low_zero && !high_zero)
			found |= TU_REVERSE_ASCII16;
	}
	return found;
}

RTLAPI BOOLEAN NTAPI RtlIsTextUnicode(const void *buf, INT len, INT *flags)
{
	int want = flags ? *flags : TU_ALL, found;

	if (!buf || len < 2) {
		if (flags)
			*flags = 0;
		return FALSE;
	}
	found = run_tests(buf, (ULONG)len) & want;
	if (flags)
		*flags = found;
	return (found & TU_UNICODE_MASK) &&
	       !(found & (TU_REVERSE_MASK | TU_NOT_UNICODE_MASK));
}
