/*
 * Counted 8-bit strings (STRING, ANSI_STRING, OEM_STRING): upper-casing
 * and comparison in the ASCII range as Windows' RtlUpperChar does for the
 * default code page's letters, conversion to UTF-16; and two small helpers
 * of the same family (RtlCompareMemoryUlong, RtlUniform).
 */
#include "rtl_private.h"


RTLAPI CHAR NTAPI RtlUpperChar(CHAR c)
{
	return c >= 'a' && c <= 'z' ? (CHAR)(c - 32) : c;
}

/* dst gets as much of src as fits, upper-cased. */
RTLAPI void NTAPI RtlUpperString(PSTRING dst, const STRING *src)
{
	USHORT n = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;

	for (USHORT i = 0; i < n; i++)
		dst->Buffer[i] = RtlUpperChar(src->Buffer[i]);
	dst->Length = n;
}

/* Copies what fits; no terminator is written for a counted STRING. */
RTLAPI void NTAPI RtlCopyString(PSTRING dst, const STRING *src)
{
	USHORT n;

	if (!src) {
		dst->Length = 0;
		return;
	}
	n = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;
	memmove(dst->Buffer, src->Buffer, n);
	dst->Length = n;
}

/* Counted-string appends write no terminator; nothing to append changes
 * nothing, whatever the destination. */
static NTSTATUS append_chars(PSTRING dst, const char *src, SIZE_T n)
{
	if (!n)
		return STATUS_SUCCESS;
	if (dst->Length + n > dst->MaximumLength)
		return STATUS_BUFFER_TOO_SMALL;
	memmove(dst->Buffer + dst->Length, src, n);
	dst->Length = (USHORT)(dst->Length + n);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAppendStringToString(PSTRING dst, const STRING *src)
{
	return append_chars(dst, src->Buffer, src->Length);
}

RTLAPI NTSTATUS NTAPI RtlAppendAsciizToString(PSTRING dst, PCSZ src)
{
	return src ? append_chars(dst, src, strlen(src)) : STATUS_SUCCESS;
}

RTLAPI LONG NTAPI RtlCompareString(const STRING *a, const STRING *b, BOOLEAN ci)
{
	USHORT n = a->Length < b->Length ? a->Length : b->Length;

	for (USHORT i = 0; i < n; i++) {
		UCHAR x = (UCHAR)a->Buffer[i], y = (UCHAR)b->Buffer[i];

		if (ci) {
			x = (UCHAR)RtlUpperChar((CHAR)x);
			y = (UCHAR)RtlUpperChar((CHAR)y);
		}
		if (x != y)
			return (LONG)x - (LONG)y;
	}
	return (LONG)a->Length - (LONG)b->Length;
}

RTLAPI BOOLEAN NTAPI RtlEqualString(const STRING *a, const STRING *b, BOOLEAN ci)
{
	return a->Length == b->Length && !RtlCompareString(a, b, ci);
}

/* A heap copy of an ASCII string as UTF-16 (free with RtlFreeUnicodeString). */
RTLAPI BOOLEAN NTAPI RtlCreateUnicodeStringFromAsciiz(PUNICODE_STRING dst, PCSZ src)
{
	ANSI_STRING a;

	RtlInitAnsiString(&a, src);
	return NT_SUCCESS(RtlAnsiStringToUnicodeString(dst, &a, TRUE));
}

RTLAPI NTSTATUS NTAPI RtlOemStringToUnicodeString(PUNICODE_STRING dst, const STRING *src,
						    BOOLEAN alloc)
{
	return rtl_bytes_to_unicode_string(dst, src, alloc, RtlOemToUnicodeN);
}

/* Bytes at the start of p that are whole ULONGs equal to pattern. */
RTLAPI SIZE_T NTAPI RtlCompareMemoryUlong(PVOID p, SIZE_T len, ULONG pattern)
{
	const ULONG *u = p;
	SIZE_T i = 0;

	while (i < len / sizeof(ULONG) && u[i] == pattern)
		i++;
	return i * sizeof(ULONG);
}

/* The documented linear congruential generator: seed * 0x7fffffed +
 * 0x7fffffc3, modulo 2^31 - 1; the seed becomes the result. */
RTLAPI ULONG NTAPI RtlUniform(PULONG seed)
{
	ULONG r = (ULONG)(((ULONGLONG)*seed * 0x7fffffedull + 0x7fffffc3ull) % 0x7fffffffull);

	*seed = r;
	return r;
}
