/*
 * Unicode case mapping of ntdll: the simple one-to-one mappings of the
 * Unicode Character Database for every UTF-16 code unit, from the shared
 * NLS table (src/win32/nls), as Windows' upcase table has them.
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

RTLAPI WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c)
{
	return rtl_upcase(c);
}

RTLAPI WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR c)
{
	return rtl_downcase(c);
}

/* The C library names: msvcrt's towupper/towlower follow the same table. */
RTLAPI wint_t towupper(wint_t c)
{
	return rtl_upcase((WCHAR)c);
}

RTLAPI wint_t towlower(wint_t c)
{
	return rtl_downcase((WCHAR)c);
}

/* ntdll's toupper/tolower are the "C" locale ones: ASCII only. */
RTLAPI int toupper(int c)
{
	return (c >= 'a' && c <= 'z') ? c - 0x20 : c;
}

RTLAPI int tolower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
}
