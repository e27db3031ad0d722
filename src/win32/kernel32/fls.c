/*
 * Fiber-local storage over thread-local storage: without fibers, a
 * fiber's slot is its thread's.  FlsFree runs the slot's callback for the
 * calling thread's value, as documented; callbacks at thread exit are not
 * run yet (the value leaks, nothing else changes).
 */
#include "k32_private.h"

#define MAX_FLS 1088 /* TLS slots (64 + 1024 expansion) */

static PFLS_CALLBACK_FUNCTION callbacks[MAX_FLS];

K32API DWORD WINAPI FlsAlloc(PFLS_CALLBACK_FUNCTION callback)
{
	DWORD i = TlsAlloc();

	if (i != TLS_OUT_OF_INDEXES && i < MAX_FLS)
		callbacks[i] = callback;
	return i;
}

K32API BOOL WINAPI FlsFree(DWORD index)
{
	PVOID value = index < MAX_FLS ? TlsGetValue(index) : NULL;

	if (value && callbacks[index])
		callbacks[index](value);
	if (index < MAX_FLS)
		callbacks[index] = NULL;
	return TlsFree(index);
}

K32API PVOID WINAPI FlsGetValue(DWORD index)
{
	return TlsGetValue(index);
}

K32API BOOL WINAPI FlsSetValue(DWORD index, PVOID value)
{
	return TlsSetValue(index, value);
}

K32API BOOL WINAPI IsThreadAFiber(void)
{
	return FALSE;
}

/* The A functions' code page: ANSI (1252) unless SetFileApisToOEM. */
static BOOL file_apis_oem;

K32API BOOL WINAPI AreFileApisANSI(void)
{
	return !file_apis_oem;
}

K32API void WINAPI SetFileApisToANSI(void)
{
	file_apis_oem = FALSE;
}

K32API void WINAPI SetFileApisToOEM(void)
{
	file_apis_oem = TRUE;
}
