/*
 * Unicode case mapping of ntdll: the simple one-to-one mappings of the
 * Unicode Character Database for every UTF-16 code unit, from the shared
 * NLS table (src/win32/nls), as Windows' upcase table has them.  The Rtl
 * functions, ntdll's own use and its C library's towupper read it;
 * ntdll's towlower lowers only A-Z and the Latin-1 capitals, and its
 * string functions (_wcsicmp, _wcslwr...) fold ASCII alone, as Windows'
 * ntdll does.
 */
#include "rtl_private.h"
#include "nls/nls.h"

WCHAR rtl_upcase(WCHAR c)
{
	return (WCHAR)nls_toupper(c);
}

WCHAR rtl_downcase(WCHAR c)
{
	return (WCHAR)nls_tolower(c);
}

RTLAPI wint_t towupper(wint_t c)
{
	return rtl_upcase((WCHAR)c);
}

RTLAPI wint_t towlower(wint_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	return c;
}

RTLAPI WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c)
{
	return rtl_upcase(c);
}

RTLAPI WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR c)
{
	return rtl_downcase(c);
}

/* Case-insensitive compare of counted strings, upper-case rule (the one
 * RtlCompareUnicodeString and the environment use). */
int rtl_wcsnicmp_counted(const WCHAR *a, SIZE_T na, const WCHAR *b, SIZE_T nb)
{
	SIZE_T n = na < nb ? na : nb, i;

	for (i = 0; i < n; i++) {
		WCHAR x = rtl_upcase(a[i]), y = rtl_upcase(b[i]);
		if (x != y)
			return (int)x - (int)y;
	}
	return (na > nb) - (na < nb);
}

/* ntdll's tolower: the low byte decides, and only A-Z change (by adding
 * 0x20 to the whole argument). */
int ntdll_tolower(int c)
{
	char b = (char)c;

	return b >= 'A' && b <= 'Z' ? c + 0x20 : c;
}

/* ntdll's toupper: the low byte as a character of the ANSI code page,
 * upper-cased through Unicode and converted back (a capital the code
 * page lacks becomes its default character). */
int ntdll_toupper(int c)
{
	char in = (char)c, out = in;
	WCHAR w;
	ULONG done = 0;

	RtlMultiByteToUnicodeN(&w, sizeof(w), &done, &in, 1);
	if (done == sizeof(w))
		RtlUpcaseUnicodeToMultiByteN(&out, 1, &done, &w, sizeof(w));
	return (unsigned char)out;
}
