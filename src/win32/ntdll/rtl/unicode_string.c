/*
 * Counted strings: UNICODE_STRING / ANSI_STRING helpers.  Lengths are in
 * bytes and exclude the terminator; buffers the Rtl functions allocate come
 * from the process heap and are released with RtlFree*String.
 */
#include "rtl_private.h"

#define MAX_USTR_BYTES 0xFFFE

RTLAPI VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING dst, PCWSTR src)
{
	SIZE_T len = src ? wcslen(src) * sizeof(WCHAR) : 0;

	if (len > MAX_USTR_BYTES - sizeof(WCHAR))
		len = MAX_USTR_BYTES - sizeof(WCHAR);
	dst->Length = (USHORT)len;
	dst->MaximumLength = src ? (USHORT)(len + sizeof(WCHAR)) : 0;
	dst->Buffer = (PWSTR)src;
}

RTLAPI NTSTATUS NTAPI RtlInitUnicodeStringEx(PUNICODE_STRING dst, PCWSTR src)
{
	if (src && wcslen(src) * sizeof(WCHAR) > MAX_USTR_BYTES - sizeof(WCHAR))
		return STATUS_NAME_TOO_LONG;
	RtlInitUnicodeString(dst, src);
	return STATUS_SUCCESS;
}

RTLAPI VOID NTAPI RtlInitString(PSTRING dst, PCSZ src)
{
	SIZE_T len = src ? strlen(src) : 0;

	if (len > 0xFFFE)
		len = 0xFFFE;
	dst->Length = (USHORT)len;
	dst->MaximumLength = src ? (USHORT)(len + 1) : 0;
	dst->Buffer = (PCHAR)src;
}

RTLAPI VOID NTAPI RtlInitAnsiString(PANSI_STRING dst, PCSZ src)
{
	RtlInitString(dst, src);
}

RTLAPI VOID NTAPI RtlFreeUnicodeString(PUNICODE_STRING s)
{
	if (s->Buffer)
		RtlFreeHeap(lsw_process_heap(), 0, s->Buffer);
	s->Buffer = NULL;
	s->Length = s->MaximumLength = 0;
}

RTLAPI VOID NTAPI RtlFreeAnsiString(PANSI_STRING s)
{
	if (s->Buffer)
		RtlFreeHeap(lsw_process_heap(), 0, s->Buffer);
	s->Buffer = NULL;
	s->Length = s->MaximumLength = 0;
}

RTLAPI VOID NTAPI RtlFreeOemString(POEM_STRING s)
{
	RtlFreeAnsiString(s);
}

RTLAPI BOOLEAN NTAPI RtlCreateUnicodeString(PUNICODE_STRING dst, PCWSTR src)
{
	SIZE_T bytes = (wcslen(src) + 1) * sizeof(WCHAR);

	if (bytes > MAX_USTR_BYTES)
		return FALSE;
	dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, bytes);
	if (!dst->Buffer)
		return FALSE;
	memcpy(dst->Buffer, src, bytes);
	dst->Length = (USHORT)(bytes - sizeof(WCHAR));
	dst->MaximumLength = (USHORT)bytes;
	return TRUE;
}

#define DUP_NUL_TERMINATE 1   /* RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE */
#define DUP_ALLOCATE_EMPTY 2  /* ..._ALLOCATE_NULL_STRING: "" gets a buffer */

/* A heap copy of src; an empty source gives an empty string without a
 * buffer unless both flags ask for a terminated one. */
RTLAPI NTSTATUS NTAPI RtlDuplicateUnicodeString(ULONG flags, PCUNICODE_STRING src,
						  PUNICODE_STRING dst)
{
	SIZE_T bytes;

	if (!src || !dst || flags > (DUP_NUL_TERMINATE | DUP_ALLOCATE_EMPTY) ||
	    src->Length > src->MaximumLength || (src->MaximumLength && !src->Buffer) ||
	    flags == DUP_ALLOCATE_EMPTY)
		return STATUS_INVALID_PARAMETER;
	if (!src->Length && flags != (DUP_NUL_TERMINATE | DUP_ALLOCATE_EMPTY)) {
		dst->Length = dst->MaximumLength = 0;
		dst->Buffer = NULL;
		return STATUS_SUCCESS;
	}
	bytes = src->Length + ((flags & DUP_NUL_TERMINATE) ? sizeof(WCHAR) : 0);
	if (bytes > MAX_USTR_BYTES)
		return STATUS_NAME_TOO_LONG;
	dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, bytes);
	if (!dst->Buffer)
		return STATUS_NO_MEMORY;
	memcpy(dst->Buffer, src->Buffer, src->Length);
	if (flags & DUP_NUL_TERMINATE)
		dst->Buffer[src->Length / sizeof(WCHAR)] = 0;
	dst->Length = src->Length;
	dst->MaximumLength = (USHORT)bytes;
	return STATUS_SUCCESS;
}

/* An 8-bit string to a counted UTF-16 one through conv (the ANSI or the
 * OEM code page), allocated from the process heap when alloc is set. */
NTSTATUS rtl_bytes_to_unicode_string(PUNICODE_STRING dst, const STRING *src, BOOLEAN alloc,
				     rtl_to_unicode_fn conv)
{
	ULONG bytes = src->Length * sizeof(WCHAR), done;

	if (bytes + sizeof(WCHAR) > MAX_USTR_BYTES)
		return STATUS_INVALID_PARAMETER_2;
	if (alloc) {
		dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, bytes + sizeof(WCHAR));
		if (!dst->Buffer)
			return STATUS_NO_MEMORY;
		dst->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
	} else if (bytes > dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	conv(dst->Buffer, bytes, &done, src->Buffer, src->Length);
	dst->Length = (USHORT)done;
	if (dst->MaximumLength >= done + sizeof(WCHAR))
		dst->Buffer[done / sizeof(WCHAR)] = 0;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING dst, PCANSI_STRING src,
						     BOOLEAN alloc)
{
	return rtl_bytes_to_unicode_string(dst, src, alloc, RtlMultiByteToUnicodeN);
}

RTLAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(PANSI_STRING dst, PCUNICODE_STRING src,
						     BOOLEAN alloc)
{
	ULONG bytes = src->Length / sizeof(WCHAR), done;
	NTSTATUS status = STATUS_SUCCESS;

	if (alloc) {
		dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, bytes + 1);
		if (!dst->Buffer)
			return STATUS_NO_MEMORY;
		dst->MaximumLength = (USHORT)(bytes + 1);
	} else if (bytes >= dst->MaximumLength) {
		/* Windows converts what fits and reports the overflow; with no
		 * room at all, the Length it would need */
		if (!dst->MaximumLength) {
			dst->Length = (USHORT)bytes;
			return STATUS_BUFFER_OVERFLOW;
		}
		bytes = dst->MaximumLength - 1;
		status = STATUS_BUFFER_OVERFLOW;
	}
	RtlUnicodeToMultiByteN(dst->Buffer, bytes, &done, src->Buffer, src->Length);
	dst->Buffer[done] = 0;
	dst->Length = (USHORT)done;
	return status;
}

RTLAPI NTSTATUS NTAPI RtlUnicodeStringToOemString(POEM_STRING dst, PCUNICODE_STRING src,
						    BOOLEAN alloc)
{
	ULONG bytes = src->Length / sizeof(WCHAR), done;

	if (alloc) {
		dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, bytes + 1);
		if (!dst->Buffer)
			return STATUS_NO_MEMORY;
		dst->MaximumLength = (USHORT)(bytes + 1);
	} else if (bytes >= dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	RtlUnicodeToOemN(dst->Buffer, bytes, &done, src->Buffer, src->Length);
	dst->Buffer[done] = 0;
	dst->Length = (USHORT)done;
	return STATUS_SUCCESS;
}

/* The first differing character decides (upcased when ci), then length. */
RTLAPI LONG NTAPI RtlCompareUnicodeStrings(const WCHAR *a, SIZE_T na, const WCHAR *b, SIZE_T nb,
					   BOOLEAN ci)
{
	SIZE_T i;

	if (ci)
		return rtl_wcsnicmp_counted(a, na, b, nb);
	for (i = 0; i < na && i < nb; i++)
		if (a[i] != b[i])
			return (LONG)a[i] - (LONG)b[i];
	return (LONG)na - (LONG)nb;
}

RTLAPI LONG NTAPI RtlCompareUnicodeString(PCUNICODE_STRING a, PCUNICODE_STRING b,
					  BOOLEAN ci)
{
	return RtlCompareUnicodeStrings(a->Buffer, a->Length / sizeof(WCHAR), b->Buffer,
					b->Length / sizeof(WCHAR), ci);
}

static BOOL in_set(WCHAR c, PCUNICODE_STRING set)
{
	for (USHORT i = 0; set->Buffer && i < set->Length / sizeof(WCHAR); i++)
		if (set->Buffer[i] == c)
			return TRUE;
	return FALSE;
}

/* Flags: 1 searches from the end, 2 looks for a character not in the set.
 * *pos is a byte offset: just past the match going forward, at the match
 * going backward; 0 and STATUS_NOT_FOUND when nothing matches. */
RTLAPI NTSTATUS NTAPI RtlFindCharInUnicodeString(ULONG flags, PCUNICODE_STRING str,
						 PCUNICODE_STRING set, USHORT *pos)
{
	USHORT n = str->Buffer ? str->Length / sizeof(WCHAR) : 0;
	BOOL want = !(flags & 2), back = flags & 1;

	if (flags > 3)
		return STATUS_INVALID_PARAMETER;
	*pos = 0;
	for (USHORT k = 0; k < n; k++) {
		USHORT i = back ? (USHORT)(n - 1 - k) : k;
		if (in_set(str->Buffer[i], set) == want) {
			*pos = (USHORT)((back ? i : i + 1) * sizeof(WCHAR));
			return STATUS_SUCCESS;
		}
	}
	return STATUS_NOT_FOUND;
}

RTLAPI BOOLEAN NTAPI RtlEqualUnicodeString(PCUNICODE_STRING a, PCUNICODE_STRING b,
					   BOOLEAN ci)
{
	return a->Length == b->Length && RtlCompareUnicodeString(a, b, ci) == 0;
}

/* Whether `prefix` starts `s`. */
RTLAPI BOOLEAN NTAPI RtlPrefixUnicodeString(PCUNICODE_STRING prefix, PCUNICODE_STRING s,
					    BOOLEAN ci)
{
	USHORT i, n = prefix->Length / sizeof(WCHAR);

	if (prefix->Length > s->Length)
		return FALSE;
	for (i = 0; i < n; i++) {
		WCHAR x = prefix->Buffer[i], y = s->Buffer[i];
		if (ci ? rtl_upcase(x) != rtl_upcase(y) : x != y)
			return FALSE;
	}
	return TRUE;
}

RTLAPI NTSTATUS NTAPI RtlUpcaseUnicodeString(PUNICODE_STRING dst, PCUNICODE_STRING src,
					     BOOLEAN alloc)
{
	USHORT i, n = src->Length / sizeof(WCHAR);

	if (alloc) {
		dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, src->Length);
		if (!dst->Buffer)
			return STATUS_NO_MEMORY;
		dst->MaximumLength = src->Length;
	} else if (src->Length > dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	for (i = 0; i < n; i++)
		dst->Buffer[i] = rtl_upcase(src->Buffer[i]);
	dst->Length = src->Length;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlDowncaseUnicodeString(PUNICODE_STRING dst, PCUNICODE_STRING src,
					       BOOLEAN alloc)
{
	USHORT i, n = src->Length / sizeof(WCHAR);

	if (alloc) {
		dst->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, src->Length);
		if (!dst->Buffer)
			return STATUS_NO_MEMORY;
		dst->MaximumLength = src->Length;
	} else if (src->Length > dst->MaximumLength) {
		return STATUS_BUFFER_OVERFLOW;
	}
	for (i = 0; i < n; i++)
		dst->Buffer[i] = rtl_downcase(src->Buffer[i]);
	dst->Length = src->Length;
	return STATUS_SUCCESS;
}

/* Copies what fits and terminates it when there is room, as documented. */
RTLAPI VOID NTAPI RtlCopyUnicodeString(PUNICODE_STRING dst, PCUNICODE_STRING src)
{
	USHORT n;

	if (!src) {
		dst->Length = 0;
		return;
	}
	n = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;
	memmove(dst->Buffer, src->Buffer, n);
	dst->Length = n;
	if (n + sizeof(WCHAR) <= dst->MaximumLength)
		dst->Buffer[n / sizeof(WCHAR)] = 0;
}

static NTSTATUS append_wchars(PUNICODE_STRING dst, const WCHAR *src, SIZE_T bytes)
{
	if (dst->Length + bytes > dst->MaximumLength)
		return STATUS_BUFFER_TOO_SMALL;
	memmove((char *)dst->Buffer + dst->Length, src, bytes);
	dst->Length = (USHORT)(dst->Length + bytes);
	if (dst->Length + sizeof(WCHAR) <= dst->MaximumLength)
		dst->Buffer[dst->Length / sizeof(WCHAR)] = 0;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAppendUnicodeToString(PUNICODE_STRING dst, PCWSTR src)
{
	return src ? append_wchars(dst, src, wcslen(src) * sizeof(WCHAR)) : STATUS_SUCCESS;
}

/* An empty source leaves the destination alone (not even a terminator). */
RTLAPI NTSTATUS NTAPI RtlAppendUnicodeStringToString(PUNICODE_STRING dst, PCUNICODE_STRING src)
{
	if (!src->Length)
		return STATUS_SUCCESS;
	return append_wchars(dst, src->Buffer, src->Length);
}
