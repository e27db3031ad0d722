/*
 * The memory functions of the C library that ntdll exports.  gcc emits calls
 * to memcpy/memset/memmove/memcmp even in freestanding code, so every DLL of
 * ours ends up here.  "rep movsb"/"rep stosb" are fast on every x86-64 CPU
 * with ERMSB (Ivy Bridge and later, Zen); small sizes go through a plain
 * loop, which avoids the microcode start-up cost.
 */
#include "rtl_private.h"

/* Keep gcc from turning the byte loops below back into calls to memcpy. */
#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

RTLAPI NO_LIBCALL void *memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;

	if (n < 32) {
		unsigned char *d = dst;
		const unsigned char *s = src;
		while (n--)
			*d++ = *s++;
		return ret;
	}
	__asm__ volatile("rep movsb"
			 : "+D"(dst), "+S"(src), "+c"(n)
			 :
			 : "memory");
	return ret;
}

RTLAPI NO_LIBCALL void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* Forward copy is safe unless dst starts inside [src, src+n). */
	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* Backward copy with the direction flag set, as the ABI expects it
	 * clear again on return. */
	d += n - 1;
	s += n - 1;
	__asm__ volatile("std\n\trep movsb\n\tcld"
			 : "+D"(d), "+S"(s), "+c"(n)
			 :
			 : "memory");
	return dst;
}

RTLAPI NO_LIBCALL void *memset(void *dst, int c, size_t n)
{
	void *ret = dst;

	if (n < 32) {
		unsigned char *d = dst;
		while (n--)
			*d++ = (unsigned char)c;
		return ret;
	}
	__asm__ volatile("rep stosb"
			 : "+D"(dst), "+c"(n)
			 : "a"(c)
			 : "memory");
	return ret;
}

RTLAPI NO_LIBCALL int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	/* Compare 8 bytes at a time while equal, then find the byte. */
	while (n >= 8) {
		unsigned long long x, y;
		__builtin_memcpy(&x, p, 8);
		__builtin_memcpy(&y, q, 8);
		if (x != y)
			break;
		p += 8;
		q += 8;
		n -= 8;
	}
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p < *q ? -1 : 1;
	return 0;
}

RTLAPI NO_LIBCALL void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

/* The Rtl names of the same operations (documented ntdll exports). */
RTLAPI void NTAPI RtlMoveMemory(void *dst, const void *src, SIZE_T n)
{
	memmove(dst, src, n);
}

RTLAPI void NTAPI RtlCopyMemory(void *dst, const void *src, SIZE_T n)
{
	memmove(dst, src, n);
}

RTLAPI void NTAPI RtlFillMemory(void *dst, SIZE_T n, BYTE fill)
{
	memset(dst, fill, n);
}

RTLAPI void NTAPI RtlZeroMemory(void *dst, SIZE_T n)
{
	memset(dst, 0, n);
}

/* Returns the number of leading bytes that match. */
RTLAPI SIZE_T NTAPI RtlCompareMemory(const VOID *a, const VOID *b, SIZE_T n)
{
	const unsigned char *p = a, *q = b;
	SIZE_T i = 0;

	while (i < n && p[i] == q[i])
		i++;
	return i;
}
