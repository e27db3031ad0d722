/*
 * Simple (one to one) Unicode case mapping for the scripts Windows programs
 * meet most: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic and the
 * fullwidth Latin letters.  Windows uses the full NLS table; the characters
 * outside these blocks map to themselves here (a known gap).
 */
#include "rtl_private.h"

/* Latin Extended-A pairs: upper case at even code points in 0x100-0x137 and
 * 0x14A-0x177, at odd ones in 0x139-0x148 and 0x179-0x17E. */
static int latin_ext_a_upper_is_even(WCHAR c)
{
	return (c >= 0x100 && c <= 0x137 && c != 0x130 && c != 0x131) ||
	       (c >= 0x14A && c <= 0x177);
}

static int latin_ext_a_upper_is_odd(WCHAR c)
{
	return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
}

WCHAR rtl_upcase(WCHAR c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') ? (WCHAR)(c - 0x20) : c;
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
		return (WCHAR)(c - 0x20);
	if (c == 0xFF)
		return 0x178;
	if (latin_ext_a_upper_is_even(c))
		return (WCHAR)(c & ~1);
	if (latin_ext_a_upper_is_odd(c))
		return (c & 1) ? c : (WCHAR)(c - 1);
	if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2)
		return (WCHAR)(c - 0x20);
	if (c == 0x3C2) /* final sigma */
		return 0x3A3;
	if (c >= 0x430 && c <= 0x44F)
		return (WCHAR)(c - 0x20);
	if (c >= 0x450 && c <= 0x45F)
		return (WCHAR)(c - 0x50);
	if (c >= 0xFF41 && c <= 0xFF5A)
		return (WCHAR)(c - 0x20);
	return c;
}

WCHAR rtl_downcase(WCHAR c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? (WCHAR)(c + 0x20) : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return (WCHAR)(c + 0x20);
	if (c == 0x178)
		return 0xFF;
	if (latin_ext_a_upper_is_even(c))
		return (WCHAR)(c | 1);
	if (latin_ext_a_upper_is_odd(c))
		return (c & 1) ? (WCHAR)(c + 1) : c;
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return (WCHAR)(c + 0x20);
	if (c >= 0x410 && c <= 0x42F)
		return (WCHAR)(c + 0x20);
	if (c >= 0x400 && c <= 0x40F)
		return (WCHAR)(c + 0x50);
	if (c >= 0xFF21 && c <= 0xFF3A)
		return (WCHAR)(c + 0x20);
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
