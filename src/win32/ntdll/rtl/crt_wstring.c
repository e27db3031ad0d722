/*
 * The wide string functions of the C library that ntdll exports.  wchar_t is
 * UTF-16 here; case-insensitive compares fold to lower case as msvcrt's
 * _wcsicmp does.
 */
#include "rtl_private.h"

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

RTLAPI NO_LIBCALL size_t wcslen(const wchar_t *s)
{
	const wchar_t *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

RTLAPI NO_LIBCALL size_t wcsnlen(const wchar_t *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

RTLAPI int wcscmp(const wchar_t *a, const wchar_t *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (*a > *b) - (*a < *b);
}

RTLAPI int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (*a > *b) - (*a < *b);
		if (!*a)
			break;
	}
	return 0;
}

RTLAPI NO_LIBCALL wchar_t *wcscpy(wchar_t *dst, const wchar_t *src)
{
	wchar_t *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

RTLAPI NO_LIBCALL wchar_t *wcsncpy(wchar_t *dst, const wchar_t *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = 0;
	return dst;
}

RTLAPI wchar_t *wcscat(wchar_t *dst, const wchar_t *src)
{
	wcscpy(dst + wcslen(dst), src);
	return dst;
}

RTLAPI wchar_t *wcschr(const wchar_t *s, wchar_t c)
{
	for (;; s++) {
		if (*s == c)
			return (wchar_t *)s;
		if (!*s)
			return NULL;
	}
}

RTLAPI wchar_t *wcsrchr(const wchar_t *s, wchar_t c)
{
	const wchar_t *last = NULL;

	for (;; s++) {
		if (*s == c)
			last = s;
		if (!*s)
			return (wchar_t *)last;
	}
}

RTLAPI wchar_t *wcsstr(const wchar_t *hay, const wchar_t *needle)
{
	size_t n = wcslen(needle);

	for (; *hay; hay++)
		if (*hay == *needle && !wcsncmp(hay, needle, n))
			return (wchar_t *)hay;
	return n ? NULL : (wchar_t *)hay;
}

RTLAPI int _wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n; n--, a++, b++) {
		WCHAR x = rtl_downcase(*a), y = rtl_downcase(*b);
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

RTLAPI int _wcsicmp(const wchar_t *a, const wchar_t *b)
{
	return _wcsnicmp(a, b, (size_t)-1);
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

static wchar_t *ultow_base(unsigned long long v, wchar_t *buf, int base)
{
	wchar_t tmp[65];
	int n = 0, i = 0;

	if (base < 2 || base > 36) {
		buf[0] = 0;
		return buf;
	}
	do {
		int d = (int)(v % (unsigned)base);
		tmp[n++] = (wchar_t)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= (unsigned)base;
	} while (v);
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = 0;
	return buf;
}

RTLAPI wchar_t *_ultow(unsigned long v, wchar_t *buf, int base)
{
	return ultow_base(v, buf, base);
}

RTLAPI wchar_t *_ui64tow(unsigned long long v, wchar_t *buf, int base)
{
	return ultow_base(v, buf, base);
}

RTLAPI wchar_t *_i64tow(long long v, wchar_t *buf, int base)
{
	if (base == 10 && v < 0) {
		buf[0] = '-';
		ultow_base(0ULL - (unsigned long long)v, buf + 1, base);
		return buf;
	}
	return ultow_base((unsigned long long)v, buf, base);
}

RTLAPI wchar_t *_itow(int v, wchar_t *buf, int base)
{
	if (base != 10)
		return ultow_base((unsigned int)v, buf, base);
	return _i64tow(v, buf, base);
}

RTLAPI wchar_t *_ltow(long v, wchar_t *buf, int base)
{
	return _itow((int)v, buf, base);
}
