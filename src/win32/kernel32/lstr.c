/*
 * The lstr* string functions: lstrcmp[i] compare as CompareString in the
 * user's locale (compare.c); the others are guarded C string functions.
 */
#include "k32_private.h"

K32API int WINAPI lstrcmpW(LPCWSTR a, LPCWSTR b)
{
	if (!a || !b)
		return !a && !b ? 0 : a ? 1 : -1;
	return CompareStringW(LOCALE_USER_DEFAULT, 0, a, -1, b, -1) - 2;
}

K32API int WINAPI lstrcmpiW(LPCWSTR a, LPCWSTR b)
{
	if (!a || !b)
		return !a && !b ? 0 : a ? 1 : -1;
	return CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, -1, b, -1) - 2;
}

K32API int WINAPI lstrcmpA(LPCSTR a, LPCSTR b)
{
	if (!a || !b)
		return !a && !b ? 0 : a ? 1 : -1;
	return CompareStringA(LOCALE_USER_DEFAULT, 0, a, -1, b, -1) - 2;
}

K32API int WINAPI lstrcmpiA(LPCSTR a, LPCSTR b)
{
	if (!a || !b)
		return !a && !b ? 0 : a ? 1 : -1;
	return CompareStringA(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, -1, b, -1) - 2;
}

/* The lstr* functions answer a bad pointer with 0 or NULL instead of a
 * crash (documented: they use structured exception handling). */
static LONG_PTR len_w(void *s, void *unused) { return (LONG_PTR)wcslen(s); }
static LONG_PTR len_a(void *s, void *unused) { return (LONG_PTR)strlen(s); }
static LONG_PTR cpy_w(void *d, void *s) { return (LONG_PTR)wcscpy(d, s); }
static LONG_PTR cpy_a(void *d, void *s) { return (LONG_PTR)strcpy(d, s); }
static LONG_PTR cat_w(void *d, void *s) { return (LONG_PTR)wcscat(d, s); }
static LONG_PTR cat_a(void *d, void *s) { return (LONG_PTR)strcat(d, s); }

K32API int WINAPI lstrlenW(LPCWSTR s)
{
	return s ? (int)k32_guarded(len_w, (void *)s, NULL, 0) : 0;
}

K32API int WINAPI lstrlenA(LPCSTR s)
{
	return s ? (int)k32_guarded(len_a, (void *)s, NULL, 0) : 0;
}

K32API LPWSTR WINAPI lstrcpyW(LPWSTR d, LPCWSTR s)
{
	return (LPWSTR)k32_guarded(cpy_w, d, (void *)s, 0);
}

K32API LPSTR WINAPI lstrcpyA(LPSTR d, LPCSTR s)
{
	return (LPSTR)k32_guarded(cpy_a, d, (void *)s, 0);
}

K32API LPWSTR WINAPI lstrcatW(LPWSTR d, LPCWSTR s)
{
	return (LPWSTR)k32_guarded(cat_w, d, (void *)s, 0);
}

K32API LPSTR WINAPI lstrcatA(LPSTR d, LPCSTR s)
{
	return (LPSTR)k32_guarded(cat_a, d, (void *)s, 0);
}

/* Copies at most n-1 chars and always terminates (n > 0). */
K32API LPWSTR WINAPI lstrcpynW(LPWSTR d, LPCWSTR s, int n)
{
	int i;

	if (n <= 0)
		return d;
	for (i = 0; i < n - 1 && s[i]; i++)
		d[i] = s[i];
	d[i] = 0;
	return d;
}

K32API LPSTR WINAPI lstrcpynA(LPSTR d, LPCSTR s, int n)
{
	int i;

	if (n <= 0)
		return d;
	for (i = 0; i < n - 1 && s[i]; i++)
		d[i] = s[i];
	d[i] = 0;
	return d;
}

