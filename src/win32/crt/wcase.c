/*
 * Simple (one to one) Unicode case mapping for the scripts Windows programs
 * meet most: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic and the
 * fullwidth Latin letters.  Windows uses the full NLS table; the characters
 * outside these blocks map to themselves here (a known gap).  ntdll's
 * RtlUpcaseUnicodeChar and its towupper/towlower use it; msvcrt's and
 * ucrtbase's towupper/towlower follow the "C" locale (wcase_c.c).
 */
#include "crt.h"

/* Latin Extended-A pairs: upper case at even code points in 0x100-0x137 and
 * 0x14A-0x177, at odd ones in 0x139-0x148 and 0x179-0x17E. */
static int latin_ext_a_upper_is_even(wint c)
{
	return (c >= 0x100 && c <= 0x137 && c != 0x130 && c != 0x131) ||
	       (c >= 0x14A && c <= 0x177);
}

static int latin_ext_a_upper_is_odd(wint c)
{
	return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
}

wint crt_unicode_toupper(wint c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') ? (wint)(c - 0x20) : c;
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
		return (wint)(c - 0x20);
	if (c == 0xFF)
		return 0x178;
	if (latin_ext_a_upper_is_even(c))
		return (wint)(c & ~1);
	if (latin_ext_a_upper_is_odd(c))
		return (c & 1) ? c : (wint)(c - 1);
	if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2)
		return (wint)(c - 0x20);
	if (c == 0x3C2) /* final sigma */
		return 0x3A3;
	if (c >= 0x430 && c <= 0x44F)
		return (wint)(c - 0x20);
	if (c >= 0x450 && c <= 0x45F)
		return (wint)(c - 0x50);
	if (c >= 0xFF41 && c <= 0xFF5A)
		return (wint)(c - 0x20);
	return c;
}

wint crt_unicode_tolower(wint c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? (wint)(c + 0x20) : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return (wint)(c + 0x20);
	if (c == 0x178)
		return 0xFF;
	if (latin_ext_a_upper_is_even(c))
		return (wint)(c | 1);
	if (latin_ext_a_upper_is_odd(c))
		return (c & 1) ? (wint)(c + 1) : c;
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return (wint)(c + 0x20);
	if (c >= 0x410 && c <= 0x42F)
		return (wint)(c + 0x20);
	if (c >= 0x400 && c <= 0x40F)
		return (wint)(c + 0x50);
	if (c >= 0xFF21 && c <= 0xFF3A)
		return (wint)(c + 0x20);
	return c;
}
