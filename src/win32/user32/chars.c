/*
 * Characters: CharUpper/CharLower (whole strings, counted buffers, or one
 * character in a pointer's low word), CharNext/CharPrev and the IsChar*
 * classes.  The W functions use ntdll's case tables and kernel32's
 * character types; the A functions go through the ANSI code page, and a
 * character whose other case the code page cannot hold stays as it is.
 */
#include "user32_private.h"

static WCHAR ansi_to_w(char c)
{
	WCHAR w = 0;

	MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1);
	return w;
}

/* c mapped by `map` when its image exists in the ANSI code page. */
static char map_ansi(char c, WCHAR (NTAPI *map)(WCHAR))
{
	WCHAR w = map(ansi_to_w(c));
	char out;
	BOOL lossy = FALSE;

	if (WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, &w, 1, &out, 1, NULL, &lossy) != 1 || lossy)
		return c;
	return out;
}

static void map_w(LPWSTR s, DWORD n, WCHAR (NTAPI *map)(WCHAR))
{
	for (DWORD i = 0; i < n; i++)
		s[i] = map(s[i]);
}

static void map_a(LPSTR s, DWORD n, WCHAR (NTAPI *map)(WCHAR))
{
	for (DWORD i = 0; i < n; i++)
		s[i] = map_ansi(s[i], map);
}

/* A pointer whose high bits are zero is a single character. */
static BOOL is_char(const void *p)
{
	return !((ULONG_PTR)p >> 16);
}

LPWSTR WINAPI CharUpperW(LPWSTR s)
{
	if (is_char(s))
		return (LPWSTR)(ULONG_PTR)RtlUpcaseUnicodeChar(LOWORD((ULONG_PTR)s));
	map_w(s, lstrlenW(s), RtlUpcaseUnicodeChar);
	return s;
}

LPWSTR WINAPI CharLowerW(LPWSTR s)
{
	if (is_char(s))
		return (LPWSTR)(ULONG_PTR)RtlDowncaseUnicodeChar(LOWORD((ULONG_PTR)s));
	map_w(s, lstrlenW(s), RtlDowncaseUnicodeChar);
	return s;
}

LPSTR WINAPI CharUpperA(LPSTR s)
{
	if (is_char(s))
		return (LPSTR)(ULONG_PTR)(BYTE)map_ansi((char)LOBYTE((ULONG_PTR)s), RtlUpcaseUnicodeChar);
	map_a(s, lstrlenA(s), RtlUpcaseUnicodeChar);
	return s;
}

LPSTR WINAPI CharLowerA(LPSTR s)
{
	if (is_char(s))
		return (LPSTR)(ULONG_PTR)(BYTE)map_ansi((char)LOBYTE((ULONG_PTR)s), RtlDowncaseUnicodeChar);
	map_a(s, lstrlenA(s), RtlDowncaseUnicodeChar);
	return s;
}

DWORD WINAPI CharUpperBuffW(LPWSTR s, DWORD n)
{
	if (!s)
		return 0;
	map_w(s, n, RtlUpcaseUnicodeChar);
	return n;
}

DWORD WINAPI CharLowerBuffW(LPWSTR s, DWORD n)
{
	if (!s)
		return 0;
	map_w(s, n, RtlDowncaseUnicodeChar);
	return n;
}

DWORD WINAPI CharUpperBuffA(LPSTR s, DWORD n)
{
	if (!s)
		return 0;
	map_a(s, n, RtlUpcaseUnicodeChar);
	return n;
}

DWORD WINAPI CharLowerBuffA(LPSTR s, DWORD n)
{
	if (!s)
		return 0;
	map_a(s, n, RtlDowncaseUnicodeChar);
	return n;
}

/* Combining marks belong to the character before them (CharNextW's
 * documented treatment of "a" + U+030A as one character). */
static BOOL is_combining(WCHAR c)
{
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	       (c >= 0xFE20 && c <= 0xFE2F);
}

LPWSTR WINAPI CharNextW(LPCWSTR p)
{
	if (!*p)
		return (LPWSTR)p;
	p++;
	while (*p && is_combining(*p))
		p++;
	return (LPWSTR)p;
}

LPWSTR WINAPI CharPrevW(LPCWSTR start, LPCWSTR p)
{
	if (p <= start)
		return (LPWSTR)start;
	p--;
	while (p > start && is_combining(*p))
		p--;
	return (LPWSTR)p;
}

LPSTR WINAPI CharNextExA(WORD cp, LPCSTR p, DWORD flags)
{
	if (!*p)
		return (LPSTR)p;
	if (IsDBCSLeadByteEx(cp, (BYTE)*p) && p[1])
		return (LPSTR)p + 2;
	return (LPSTR)p + 1;
}

LPSTR WINAPI CharNextA(LPCSTR p)
{
	return CharNextExA(CP_ACP, p, 0);
}

/* Walks from the start, as a lead byte cannot be told from a trail byte
 * looking backwards. */
LPSTR WINAPI CharPrevExA(WORD cp, LPCSTR start, LPCSTR p, DWORD flags)
{
	LPCSTR prev = start;

	while (start < p) {
		prev = start;
		start += IsDBCSLeadByteEx(cp, (BYTE)*start) && start + 1 < p ? 2 : 1;
	}
	return (LPSTR)prev;
}

LPSTR WINAPI CharPrevA(LPCSTR start, LPCSTR p)
{
	return CharPrevExA(CP_ACP, start, p, 0);
}

static WORD char_type(WCHAR c)
{
	WORD t = 0;

	GetStringTypeW(CT_CTYPE1, &c, 1, &t);
	return t;
}

BOOL WINAPI IsCharAlphaW(WCHAR c)
{
	return (char_type(c) & C1_ALPHA) != 0;
}

BOOL WINAPI IsCharAlphaNumericW(WCHAR c)
{
	return (char_type(c) & (C1_ALPHA | C1_DIGIT)) != 0;
}

BOOL WINAPI IsCharUpperW(WCHAR c)
{
	return (char_type(c) & C1_UPPER) != 0;
}

BOOL WINAPI IsCharLowerW(WCHAR c)
{
	return (char_type(c) & C1_LOWER) != 0;
}

BOOL WINAPI IsCharAlphaA(CHAR c)
{
	return IsCharAlphaW(ansi_to_w(c));
}

BOOL WINAPI IsCharAlphaNumericA(CHAR c)
{
	return IsCharAlphaNumericW(ansi_to_w(c));
}

BOOL WINAPI IsCharUpperA(CHAR c)
{
	return IsCharUpperW(ansi_to_w(c));
}

BOOL WINAPI IsCharLowerA(CHAR c)
{
	return IsCharLowerW(ansi_to_w(c));
}
