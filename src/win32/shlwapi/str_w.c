/* The W Str* functions (str_t.h) and those only W has. */
#include "shlwapi_private.h"

#define XCHAR WCHAR
#define XCHAR_ARG WCHAR
#define X(s) L##s
#define FN(name) name##W
#define SH_COPY SHUnicodeToUnicode
#define K32(name) name##W
#include "str_t.h"

/* As CompareString in the user's locale (documented). */
int WINAPI StrCmpW(const WCHAR *a, const WCHAR *b)
{
	return CompareStringW(LOCALE_USER_DEFAULT, 0, a, -1, b, -1) - CSTR_EQUAL;
}

int WINAPI StrCmpIW(const WCHAR *a, const WCHAR *b)
{
	return CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, -1, b, -1) - CSTR_EQUAL;
}

WCHAR *WINAPI StrCpyW(WCHAR *dst, const WCHAR *src)
{
	return lstrcpyW(dst, src);
}

/* At most n - 1 characters and a NUL, as StrCpyNX. */
WCHAR *WINAPI StrCpyNW(WCHAR *dst, const WCHAR *src, int n)
{
	StrCpyNXW(dst, src, n);
	return dst;
}

WCHAR *WINAPI StrCatW(WCHAR *dst, const WCHAR *src)
{
	return lstrcatW(dst, src);
}

/* Runs of digits compare by their value ("file2" < "file10"); the rest
 * as StrCmpI does. */
int WINAPI StrCmpLogicalW(const WCHAR *a, const WCHAR *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			const WCHAR *ea = a, *eb = b;
			int la, lb, d;

			while (*a == '0' && a[1] >= '0' && a[1] <= '9')
				a++;
			while (*b == '0' && b[1] >= '0' && b[1] <= '9')
				b++;
			for (ea = a; *ea >= '0' && *ea <= '9'; ea++)
				;
			for (eb = b; *eb >= '0' && *eb <= '9'; eb++)
				;
			la = (int)(ea - a), lb = (int)(eb - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			if ((d = StrCmpNCW(a, b, la)))
				return d < 0 ? -1 : 1;
			a = ea, b = eb;
			continue;
		}
		int d = CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, 1, b, 1) - CSTR_EQUAL;

		if (d)
			return d;
		a++, b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* The first c among at most n characters of s (fewer when s ends). */
const WCHAR *WINAPI StrChrNW(const WCHAR *s, WCHAR c, UINT n)
{
	for (; s && n && *s; s++, n--)
		if (*s == c)
			return s;
	return NULL;
}

const WCHAR *WINAPI StrChrNIW(const WCHAR *s, WCHAR c, UINT n)
{
	for (; s && n && *s; s++, n--)
		if (!ChrCmpIW(*s, c))
			return s;
	return NULL;
}

/* find in s, starting at one of its first n characters (the match may
 * run past them); an empty find is never found. */
static const WCHAR *str_str_n(const WCHAR *s, const WCHAR *find, UINT n, BOOL ignore_case)
{
	int len;

	if (!s || !find || !*find)
		return NULL;
	len = lstrlenW(find);
	for (; n && *s; s++, n--)
		if (!(ignore_case ? StrCmpNIW(s, find, len) : StrCmpNCW(s, find, len)))
			return s;
	return NULL;
}

const WCHAR *WINAPI StrStrNW(const WCHAR *s, const WCHAR *find, UINT n)
{
	return str_str_n(s, find, n, FALSE);
}

const WCHAR *WINAPI StrStrNIW(const WCHAR *s, const WCHAR *find, UINT n)
{
	return str_str_n(s, find, n, TRUE);
}

/* Copies src to dst + at (at == -1: the end of dst) in the size
 * characters of dst and returns where the NUL went, so calls chain.  As
 * on Windows: an at at the very end cuts the string there (the NUL goes
 * in the last character), one past it (or a size of 0) changes nothing. */
DWORD WINAPI StrCatChainW(WCHAR *dst, DWORD size, DWORD at, const WCHAR *src)
{
	if (at == (DWORD)-1)
		at = dst ? (DWORD)lstrlenW(dst) : 0;
	if (!dst || !size || at > size)
		return at;
	if (at == size) {
		dst[--at] = 0;
		return at;
	}
	for (; size - at > 1 && src && *src; )
		dst[at++] = *src++;
	dst[at] = 0;
	return at;
}
