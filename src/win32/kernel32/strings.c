/* ANSI <-> UTF-16 helpers for the A entry points (ANSI code page 1252). */
#include "k32_private.h"

WCHAR *k32_a_to_w(const char *s)
{
	SIZE_T n = strlen(s);
	WCHAR *w = RtlAllocateHeap(k32_heap(), 0, (n + 1) * sizeof(WCHAR));
	ULONG done;

	if (!w)
		return NULL;
	RtlMultiByteToUnicodeN(w, (ULONG)(n * sizeof(WCHAR)), &done, s, (ULONG)n);
	w[n] = 0;
	return w;
}

void k32_free(void *p)
{
	if (p)
		RtlFreeHeap(k32_heap(), 0, p);
}

void k32_w_to_a(const WCHAR *w, SIZE_T n, char *a)
{
	ULONG done;

	RtlUnicodeToMultiByteN(a, (ULONG)n, &done, w, (ULONG)(n * sizeof(WCHAR)));
	a[done] = 0;
}

BOOL k32_ansi_arg(const char *a, UNICODE_STRING *s)
{
	WCHAR *w = k32_a_to_w(a);

	if (!w)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	RtlInitUnicodeString(s, w);
	return TRUE;
}

BOOL k32_ansi_args2(const char *a, const char *b, UNICODE_STRING *wa, UNICODE_STRING *wb)
{
	wa->Buffer = wb->Buffer = NULL;
	if (a && !k32_ansi_arg(a, wa))
		return FALSE;
	if (b && !k32_ansi_arg(b, wb)) {
		k32_free(wa->Buffer);
		return FALSE;
	}
	return TRUE;
}

DWORD k32_copy_w_result_to_a(DWORD ret, const WCHAR *wbuf, char *abuf, DWORD asize)
{
	if (ret && ret < asize)
		k32_w_to_a(wbuf, ret, abuf);
	return ret;
}
