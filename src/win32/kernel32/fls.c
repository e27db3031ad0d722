/*
 * Fiber-local storage: ntdll keeps the slots and runs the callbacks
 * (src/win32/ntdll/fls.c); these only turn its status into the last error.
 */
#include "k32_private.h"

NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION, PULONG);
NTSTATUS NTAPI RtlFlsFree(ULONG);
NTSTATUS NTAPI RtlFlsGetValue(ULONG, PVOID *);
NTSTATUS NTAPI RtlFlsSetValue(ULONG, PVOID);

K32API DWORD WINAPI FlsAlloc(PFLS_CALLBACK_FUNCTION callback)
{
	ULONG index;
	NTSTATUS st = RtlFlsAlloc(callback, &index);

	if (!NT_SUCCESS(st)) {
		k32_fail(st);
		return FLS_OUT_OF_INDEXES;
	}
	return index;
}

K32API BOOL WINAPI FlsFree(DWORD index)
{
	NTSTATUS st = RtlFlsFree(index);

	return NT_SUCCESS(st) || k32_fail(st);
}

K32API PVOID WINAPI FlsGetValue(DWORD index)
{
	PVOID value = NULL;
	NTSTATUS st = RtlFlsGetValue(index, &value);

	if (!NT_SUCCESS(st))
		k32_fail(st);
	else
		lsw_teb()->LastErrorValue = 0; /* as TlsGetValue: NULL is a value */
	return value;
}

K32API BOOL WINAPI FlsSetValue(DWORD index, PVOID value)
{
	NTSTATUS st = RtlFlsSetValue(index, value);

	return NT_SUCCESS(st) || k32_fail(st);
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
