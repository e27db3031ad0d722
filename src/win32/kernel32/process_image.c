/*
 * A process's image name: QueryFullProcessImageName (Win32 "C:\dir\a.exe"
 * or, with PROCESS_NAME_NATIVE, the NT device form
 * "\Device\HarddiskVolume1\dir\a.exe") and K32GetProcessImageFileName
 * (psapi's GetProcessImageFileName: always the NT device form), both read
 * with NtQueryInformationProcess (ProcessImageFileNameWin32 and
 * ProcessImageFileName).  A buffer too small fails with
 * ERROR_INSUFFICIENT_BUFFER and is left as it was.  Flags other than
 * PROCESS_NAME_NATIVE are not documented; they are ignored.
 */
#include "k32_private.h"

#define PROCESS_IMAGE_FILE_NAME 27
#define PROCESS_IMAGE_FILE_NAME_WIN32 43
#ifndef PROCESS_NAME_NATIVE
#define PROCESS_NAME_NATIVE 1
#endif
#define FIRST_TRY 1024
#define MAX_NAME 32768 /* the longest NT path, in characters, with its NUL */

/* The A functions' UTF-16 room for a buffer of size characters. */
static DWORD wide_room(DWORD size)
{
	return size < MAX_NAME ? size : MAX_NAME;
}

/* The image name in the form asked for, as a heap UNICODE_STRING followed
 * by its text (free with k32_free); NULL with the last error set. */
static UNICODE_STRING *query_image(HANDLE process, BOOL native)
{
	ULONG cls = native ? PROCESS_IMAGE_FILE_NAME : PROCESS_IMAGE_FILE_NAME_WIN32;
	ULONG size = FIRST_TRY, need = 0;
	UNICODE_STRING *s = NULL;
	NTSTATUS st;

	for (int tries = 0; tries < 2; tries++) {
		if (!(s = RtlAllocateHeap(k32_heap(), 0, size))) {
			k32_error(ERROR_NOT_ENOUGH_MEMORY);
			return NULL;
		}
		st = NtQueryInformationProcess(process, cls, s, size, &need);
		if (st >= 0)
			return s;
		k32_free(s);
		if (st != STATUS_INFO_LENGTH_MISMATCH || need <= size)
			break;
		size = need;
	}
	k32_fail(st);
	return NULL;
}

/* The name, with its NUL, into out of size characters; its length, or
 * -1 (ERROR_INSUFFICIENT_BUFFER or the query's error). */
static LONG copy_image(HANDLE process, BOOL native, WCHAR *out, DWORD size)
{
	UNICODE_STRING *s = query_image(process, native);
	DWORD n;

	if (!s)
		return -1;
	n = s->Length / sizeof(WCHAR);
	if (n >= size) {
		k32_free(s);
		k32_error(ERROR_INSUFFICIENT_BUFFER);
		return -1;
	}
	memcpy(out, s->Buffer, n * sizeof(WCHAR));
	out[n] = 0;
	k32_free(s);
	return (LONG)n;
}

K32API BOOL WINAPI QueryFullProcessImageNameW(HANDLE process, DWORD flags, LPWSTR name,
					      PDWORD size)
{
	LONG n;

	if (!size || (*size && !name) || (flags & ~(DWORD)PROCESS_NAME_NATIVE))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((n = copy_image(process, flags & PROCESS_NAME_NATIVE, name, *size)) < 0)
		return FALSE;
	*size = (DWORD)n;
	return TRUE;
}

K32API BOOL WINAPI QueryFullProcessImageNameA(HANDLE process, DWORD flags, LPSTR name,
					      PDWORD size)
{
	WCHAR *w;
	DWORD n;
	BOOL ok;

	if (!size || (*size && !name))
		return k32_error(ERROR_INVALID_PARAMETER);
	n = wide_room(*size);
	if (!(w = RtlAllocateHeap(k32_heap(), 0, ((SIZE_T)n + 1) * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if ((ok = QueryFullProcessImageNameW(process, flags, w, &n))) {
		k32_w_to_a(w, n, name); /* one byte a character in code page 1252 */
		*size = n;
	}
	k32_free(w);
	return ok;
}

K32API DWORD WINAPI K32GetProcessImageFileNameW(HANDLE process, LPWSTR name, DWORD size)
{
	LONG n;

	if (size && !name)
		return k32_error(ERROR_INVALID_PARAMETER);
	n = copy_image(process, TRUE, name, size);
	return n < 0 ? 0 : (DWORD)n;
}

K32API DWORD WINAPI K32GetProcessImageFileNameA(HANDLE process, LPSTR name, DWORD size)
{
	WCHAR *w;
	LONG n;

	if (size && !name)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(w = RtlAllocateHeap(k32_heap(), 0, ((SIZE_T)wide_room(size) + 1) * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if ((n = copy_image(process, TRUE, w, wide_room(size))) >= 0)
		k32_w_to_a(w, (SIZE_T)n, name);
	k32_free(w);
	return n < 0 ? 0 : (DWORD)n;
}
