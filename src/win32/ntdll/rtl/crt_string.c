/*
 * The narrow string functions of the C library that ntdll exports ("C"
 * locale: case folding is ASCII only, as in ntdll).
 */
#include "rtl_private.h"

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
}

RTLAPI NO_LIBCALL size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

RTLAPI NO_LIBCALL size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

RTLAPI int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

RTLAPI int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

RTLAPI NO_LIBCALL char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

RTLAPI NO_LIBCALL char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = 0;
	return dst;
}

RTLAPI char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

RTLAPI NO_LIBCALL char *strncat(char *dst, const char *src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n-- && *src)
		*d++ = *src++;
	*d = 0;
	return dst;
}

RTLAPI char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

RTLAPI char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

RTLAPI char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (*hay == *needle && !strncmp(hay, needle, n))
			return (char *)hay;
	return n ? NULL : (char *)hay;
}

RTLAPI int _strnicmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = lower((unsigned char)*a), y = lower((unsigned char)*b);
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

RTLAPI int _stricmp(const char *a, const char *b)
{
	return _strnicmp(a, b, (size_t)-1);
}

/* Unsigned to text in any base 2..36, as _ultoa does. */
static char *ultoa_base(unsigned long long v, char *buf, int base)
{
	char tmp[65];
	int n = 0, i = 0;

	if (base < 2 || base > 36) {
		buf[0] = 0;
		return buf;
	}
	do {
		int d = (int)(v % (unsigned)base);
		tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= (unsigned)base;
	} while (v);
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = 0;
	return buf;
}

RTLAPI char *_ultoa(unsigned long v, char *buf, int base)
{
	return ultoa_base(v, buf, base);
}

RTLAPI char *_ui64toa(unsigned long long v, char *buf, int base)
{
	return ultoa_base(v, buf, base);
}

/* Negative values get a sign only in base 10, as documented for _itoa. */
RTLAPI char *_i64toa(long long v, char *buf, int base)
{
	if (base == 10 && v < 0) {
		buf[0] = '-';
		ultoa_base(0ULL - (unsigned long long)v, buf + 1, base);
		return buf;
	}
	return ultoa_base((unsigned long long)v, buf, base);
}

RTLAPI char *_ltoa(long v, char *buf, int base)
{
	if (base != 10)
		return ultoa_base((unsigned long)v, buf, base);
	return _i64toa(v, buf, base);
}

RTLAPI char *_itoa(int v, char *buf, int base)
{
	if (base != 10)
		return ultoa_base((unsigned int)v, buf, base);
	return _i64toa(v, buf, base);
}
