/* The W Str* functions (str_t.h) and those only W has. */
#include "shlwapi_private.h"

#define XCHAR WCHAR
#define XCHAR_ARG WCHAR
#define X(s) L##s
#define FN(name) name##W
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

/* At most n - 1 characters and a NUL. */
WCHAR *WINAPI StrCpyNW(WCHAR *dst, const WCHAR *src, int n)
{
	return lstrcpynW(dst, src, n);
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
