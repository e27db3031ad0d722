/*
 * String comparison and minimal locale data (en-US, LCID 0x0409).
 *
 * CompareString approximates the Windows default sort without its tables:
 * strings compare first ignoring case, then (if equal so far) lower case
 * sorts before upper case, as in the Windows word sort ("a" < "A" < "b").
 * Punctuation weights (e.g. "co-op" vs "coop") are not modelled.
 */
#include "k32_private.h"

static int sort_compare(const WCHAR *a, int na, const WCHAR *b, int nb, BOOL ignore_case)
{
	int i, n = na < nb ? na : nb, tert = 0;

	for (i = 0; i < n; i++) {
		WCHAR x = RtlUpcaseUnicodeChar(a[i]), y = RtlUpcaseUnicodeChar(b[i]);
		if (x != y)
			return x < y ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
		if (!tert && a[i] != b[i])
			tert = a[i] != x ? -1 : 1; /* a[i] is the lower case one */
	}
	if (na != nb)
		return na < nb ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
	if (ignore_case || !tert)
		return CSTR_EQUAL;
	return tert < 0 ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
}

K32API int WINAPI CompareStringW(LCID lcid, DWORD flags, PCNZWCH s1, int n1, PCNZWCH s2, int n2)
{
	if (!s1 || !s2)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (n1 < 0)
		n1 = (int)wcslen(s1);
	if (n2 < 0)
		n2 = (int)wcslen(s2);
	return sort_compare(s1, n1, s2, n2, (flags & (NORM_IGNORECASE | LINGUISTIC_IGNORECASE)) != 0);
}

K32API int WINAPI CompareStringEx(LPCWSTR locale, DWORD flags, LPCWCH s1, int n1, LPCWCH s2,
				  int n2, LPNLSVERSIONINFO v, LPVOID r, LPARAM p)
{
	return CompareStringW(0, flags, s1, n1, s2, n2);
}

K32API int WINAPI CompareStringA(LCID lcid, DWORD flags, PCNZCH s1, int n1, PCNZCH s2, int n2)
{
	WCHAR *w1, *w2;
	int r = 0;

	if (!s1 || !s2)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (n1 < 0)
		n1 = (int)strlen(s1);
	if (n2 < 0)
		n2 = (int)strlen(s2);
	w1 = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)(n1 + 1) * sizeof(WCHAR));
	w2 = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)(n2 + 1) * sizeof(WCHAR));
	if (w1 && w2) {
		ULONG d;
		RtlMultiByteToUnicodeN(w1, (ULONG)n1 * 2, &d, s1, (ULONG)n1);
		RtlMultiByteToUnicodeN(w2, (ULONG)n2 * 2, &d, s2, (ULONG)n2);
		r = CompareStringW(lcid, flags, w1, n1, w2, n2);
	} else {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	k32_free(w1);
	k32_free(w2);
	return r;
}

/* Code-point order, optionally after upper-casing (documented). */
K32API int WINAPI CompareStringOrdinal(LPCWCH s1, int n1, LPCWCH s2, int n2, BOOL ignore_case)
{
	UNICODE_STRING a, b;
	LONG r;

	if (!s1 || !s2)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (n1 < 0)
		n1 = (int)wcslen(s1);
	if (n2 < 0)
		n2 = (int)wcslen(s2);
	a.Buffer = (PWSTR)s1;
	a.Length = a.MaximumLength = (USHORT)(n1 * sizeof(WCHAR));
	b.Buffer = (PWSTR)s2;
	b.Length = b.MaximumLength = (USHORT)(n2 * sizeof(WCHAR));
	r = RtlCompareUnicodeString(&a, &b, (BOOLEAN)(ignore_case != 0));
	return r < 0 ? CSTR_LESS_THAN : r > 0 ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

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

