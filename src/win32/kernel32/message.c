/*
 * FormatMessageA/W: the message text (a caller string, a module's message
 * table (message_module.c) or the system messages of message_table.def)
 * formatted by ntdll's RtlFormatMessageEx, the one formatter; then handed
 * over in the caller's buffer or a LocalAlloc'd one.
 */
#include <stdarg.h>
#include "k32_private.h"
#ifndef ERROR_NO_WORK_DONE
#define ERROR_NO_WORK_DONE 235
#endif

static const struct {
	DWORD id;
	const char *text;
} messages[] = {
#define MESSAGE(id, text) { id, text },
#include "message_table.def"
#undef MESSAGE
};

static WCHAR *system_message(DWORD id)
{
	/* an HRESULT of FACILITY_WIN32 is the Win32 error it wraps */
	if ((id & 0xFFFF0000) == 0x80070000)
		id &= 0xFFFF;
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		if (messages[i].id == id) {
			SIZE_T n = strlen(messages[i].text);
			WCHAR *w = RtlAllocateHeap(k32_heap(), 0, (n + 3) * sizeof(WCHAR));
			if (w) {
				RtlMultiByteToUnicodeN(w, (ULONG)n * 2, NULL, messages[i].text, (ULONG)n);
				w[n] = '\r', w[n + 1] = '\n', w[n + 2] = 0;
			}
			return w;
		}
	}
	k32_error(ERROR_MR_MID_NOT_FOUND);
	return NULL;
}

/* The source text as a heap UTF-16 string: the caller's string (which
 * wins over the other sources), the module's message, the system's. */
static WCHAR *message_source(DWORD flags, LPCVOID src, DWORD id, DWORD lang, BOOL unicode)
{
	WCHAR *w;

	if (flags & FORMAT_MESSAGE_FROM_STRING) {
		if (!src)
			return k32_error(ERROR_INVALID_PARAMETER), NULL;
		if (unicode) {
			SIZE_T n = (wcslen(src) + 1) * sizeof(WCHAR);
			w = RtlAllocateHeap(k32_heap(), 0, n);
			if (w)
				memcpy(w, src, n);
			return w;
		}
		return k32_a_to_w(src);
	}
	if (flags & FORMAT_MESSAGE_FROM_HMODULE) {
		if ((w = k32_module_message((HMODULE)src, id, lang)) ||
		    !(flags & FORMAT_MESSAGE_FROM_SYSTEM))
			return w;
	}
	return system_message(id);
}

/* A source is needed; with ALLOCATE_BUFFER the pointer is cleared first. */
static BOOL check_call(DWORD flags, void *buf)
{
	if ((flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) && buf)
		*(void **)buf = NULL;
	if (!(flags & (FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_FROM_HMODULE |
		       FORMAT_MESSAGE_FROM_SYSTEM)))
		return k32_error(ERROR_INVALID_PARAMETER);
	return TRUE;
}

/* n units of the text (and a NUL) in a LocalAlloc'd buffer of at least
 * size units, its address stored at buf; unit: 1 (A) or 2 (W). */
static DWORD deliver_allocated(const void *text, DWORD n, SIZE_T unit, void *buf, DWORD size)
{
	void *p = LocalAlloc(LMEM_FIXED, (n + 1 > size ? n + 1 : size) * unit);

	if (!p)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(p, text, (n + 1) * unit);
	*(void **)buf = p;
	return n;
}

/* The text formatted into a heap buffer (*text, *n units) that doubles
 * until the text fits; each attempt starts from a copy of the caller's
 * va_list, which ends where the last attempt left it. */
static NTSTATUS format_to_heap(DWORD flags, const WCHAR *src, va_list *va, BOOL unicode,
			       WCHAR **text, ULONG *n)
{
	BOOL array = (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) != 0;
	ULONG size = 256 * sizeof(WCHAR), ret = 0;
	va_list start;
	NTSTATUS st;

	if (va && !array)
		va_copy(start, *va);
	for (;;) {
		if (!(*text = RtlAllocateHeap(k32_heap(), 0, size)))
			return STATUS_NO_MEMORY;
		st = RtlFormatMessageEx(src, flags & FORMAT_MESSAGE_MAX_WIDTH_MASK,
					(flags & FORMAT_MESSAGE_IGNORE_INSERTS) != 0, !unicode, array,
					va, *text, size, &ret, 0);
		if (st != STATUS_BUFFER_OVERFLOW || size >= 0x40000000)
			break;
		k32_free(*text);
		size *= 2;
		if (va && !array)
			va_copy(*va, start);
	}
	*n = st ? 0 : ret / sizeof(WCHAR) - 1;
	if (st) {
		k32_free(*text);
		*text = NULL;
	}
	return st;
}

static DWORD format_allocated(DWORD flags, const WCHAR *src, va_list *va, BOOL unicode,
			      void *buf, DWORD size)
{
	WCHAR *w;
	ULONG n;
	NTSTATUS st = format_to_heap(flags, src, va, unicode, &w, &n);

	if (st)
		return k32_fail(st);
	if (!n) {
		k32_free(w);
		return k32_error(ERROR_NO_WORK_DONE);
	}
	n = deliver_allocated(w, n, sizeof(WCHAR), buf, size);
	k32_free(w);
	return n;
}

/* W formats straight into the caller's buffer: what was formatted before
 * an error stays there, a text too long for it is cut and NUL-terminated
 * (the inserts after the cut are not read), an empty one leaves the NUL. */
static DWORD format_w(DWORD flags, const WCHAR *src, va_list *va, WCHAR *buf, DWORD size)
{
	ULONG bytes = size > 0x7FFFFFFF / sizeof(WCHAR) ? 0x7FFFFFFE : size * sizeof(WCHAR), ret = 0;
	NTSTATUS st;

	st = RtlFormatMessageEx(src, flags & FORMAT_MESSAGE_MAX_WIDTH_MASK,
				(flags & FORMAT_MESSAGE_IGNORE_INSERTS) != 0, FALSE,
				(flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) != 0, va, buf, bytes, &ret, 0);
	if (st == STATUS_BUFFER_OVERFLOW) {
		if (size)
			buf[size - 1] = 0;
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	if (st)
		return k32_fail(st);
	if (ret <= sizeof(WCHAR))
		return k32_error(ERROR_NO_WORK_DONE);
	return ret / sizeof(WCHAR) - 1;
}

K32API DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPWSTR buf,
				   DWORD size, va_list *args)
{
	WCHAR *text;
	DWORD n;

	if (!check_call(flags, buf))
		return 0;
	if (!buf)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(text = message_source(flags, src, id, lang, TRUE)))
		return 0;
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
		n = format_allocated(flags, text, args, TRUE, buf, size);
	else
		n = format_w(flags, text, args, buf, size);
	k32_free(text);
	return n;
}

/* The A result is limited to 32766 characters: the W text it comes from
 * must fit Windows' 64 KB buffer with its NUL.  A leaves the caller's
 * buffer alone on every failure. */
#define FORMAT_A_MAX 32767

static char *format_a(DWORD flags, LPCVOID src, DWORD id, DWORD lang, va_list *args)
{
	WCHAR *text = message_source(flags, src, id, lang, FALSE), *w = NULL;
	char *a = NULL;
	NTSTATUS st;
	ULONG n = 0;

	if (!text)
		return NULL;
	st = format_to_heap(flags, text, args, FALSE, &w, &n);
	k32_free(text);
	if (st)
		k32_fail(st);
	else if (!n)
		k32_error(ERROR_NO_WORK_DONE);
	else if (n >= FORMAT_A_MAX)
		k32_error(ERROR_INVALID_PARAMETER);
	else if (!(a = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n * 2 + 1)))
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	else
		k32_w_to_a(w, n, a);
	k32_free(w);
	return a;
}

K32API DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPSTR buf,
				   DWORD size, va_list *args)
{
	char *a;
	DWORD n;

	if (!check_call(flags, buf))
		return 0;
	if ((flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) && !buf)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY); /* nowhere to put it */
	if (!(a = format_a(flags, src, id, lang, args)))
		return 0;
	n = (DWORD)strlen(a);
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
		n = deliver_allocated(a, n, 1, buf, size);
	else if (!buf || n >= size)
		n = k32_error(ERROR_INSUFFICIENT_BUFFER);
	else
		memcpy(buf, a, n + 1);
	k32_free(a);
	return n;
}
