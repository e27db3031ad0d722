/*
 * The Rtl names of the C library's memory operations (documented ntdll
 * exports), over memmove/memset from the C runtime's pure part.
 */
#include "rtl_private.h"

void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

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
