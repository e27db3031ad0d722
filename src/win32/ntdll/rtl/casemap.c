/*
 * Unicode case mapping: the table is the C runtime's (crt/wcase.c, which
 * ntdll compiles in), for the Rtl functions, ntdll's own use and its C
 * library's towupper/towlower (and so _wcsicmp).
 */
#include "rtl_private.h"

wint_t crt_unicode_toupper(wint_t c);
wint_t crt_unicode_tolower(wint_t c);

WCHAR rtl_upcase(WCHAR c)
{
	return (WCHAR)crt_unicode_toupper(c);
}

WCHAR rtl_downcase(WCHAR c)
{
	return (WCHAR)crt_unicode_tolower(c);
}

RTLAPI wint_t towupper(wint_t c)
{
	return crt_unicode_toupper(c);
}

RTLAPI wint_t towlower(wint_t c)
{
	return crt_unicode_tolower(c);
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
