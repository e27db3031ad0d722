/* Last error, exceptions, debugger queries. */
#include "k32_private.h"

K32API DWORD WINAPI GetLastError(void)
{
	return lsw_teb()->LastErrorValue;
}

K32API BOOL WINAPI IsDebuggerPresent(void)
{
	return lsw_peb()->BeingDebugged;
}

static LPTOP_LEVEL_EXCEPTION_FILTER top_filter; /* stored encoded */

K32API LPTOP_LEVEL_EXCEPTION_FILTER WINAPI
SetUnhandledExceptionFilter(LPTOP_LEVEL_EXCEPTION_FILTER filter)
{
	PVOID old = __atomic_exchange_n((PVOID *)&top_filter, RtlEncodePointer((PVOID)filter),
					__ATOMIC_ACQ_REL);

	return old ? (LPTOP_LEVEL_EXCEPTION_FILTER)RtlDecodePointer(old) : NULL;
}

NTSTATUS NTAPI NtRaiseException(PEXCEPTION_RECORD, PCONTEXT, BOOLEAN);

/* Calls the filter set by SetUnhandledExceptionFilter.  When there is none
 * or it declines, Windows reports the crash (Windows Error Reporting) and
 * the process ends: here the report is the supervisor's one-line message,
 * asked for with NtRaiseException's second chance, which does not return. */
K32API LONG WINAPI UnhandledExceptionFilter(EXCEPTION_POINTERS *info)
{
	PVOID enc = __atomic_load_n((PVOID *)&top_filter, __ATOMIC_ACQUIRE);
	LPTOP_LEVEL_EXCEPTION_FILTER f =
		enc ? (LPTOP_LEVEL_EXCEPTION_FILTER)RtlDecodePointer(enc) : NULL;

	if (f) {
		LONG r = f(info);
		if (r != EXCEPTION_CONTINUE_SEARCH)
			return r;
	}
	NtRaiseException(info->ExceptionRecord, info->ContextRecord, FALSE);
	return EXCEPTION_EXECUTE_HANDLER;
}

#define STATUS_FAIL_FAST_EXCEPTION_CODE 0xC0000602

/* Fail fast: no frame or vectored handler and no unhandled-exception
 * filter sees the exception; it is raised as a second chance at once, so
 * the process ends with its code, reported as any unhandled exception is.
 * Without a record the code is STATUS_FAIL_FAST_EXCEPTION, as documented. */
K32API void WINAPI RaiseFailFastException(EXCEPTION_RECORD *record, CONTEXT *context, DWORD flags)
{
	EXCEPTION_RECORD rec;
	CONTEXT here;

	if (record) {
		rec = *record;
	} else {
		memset(&rec, 0, sizeof(rec));
		rec.ExceptionCode = STATUS_FAIL_FAST_EXCEPTION_CODE;
	}
	rec.ExceptionFlags |= EXCEPTION_NONCONTINUABLE;
	if ((flags & FAIL_FAST_GENERATE_EXCEPTION_ADDRESS) && !rec.ExceptionAddress)
		rec.ExceptionAddress = __builtin_return_address(0);
	if (!context) {
		RtlCaptureContext(&here);
		context = &here;
	}
	NtRaiseException(&rec, context, FALSE);
	TerminateProcess(GetCurrentProcess(), rec.ExceptionCode); /* not reached */
}

K32API void WINAPI RaiseException(DWORD code, DWORD flags, DWORD nargs, const ULONG_PTR *args)
{
	EXCEPTION_RECORD rec;
	DWORD i;

	memset(&rec, 0, sizeof(rec));
	rec.ExceptionCode = code;
	rec.ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE;
	rec.ExceptionAddress = __builtin_return_address(0);
	if (args) {
		if (nargs > EXCEPTION_MAXIMUM_PARAMETERS)
			nargs = EXCEPTION_MAXIMUM_PARAMETERS;
		rec.NumberParameters = nargs;
		for (i = 0; i < nargs; i++)
			rec.ExceptionInformation[i] = args[i];
	}
	RtlRaiseException(&rec);
}

static LONG_PTR raise_debug_print(void *args, void *unused)
{
	RaiseException(DBG_PRINTEXCEPTION_C, 0, 2, args);
	return 0;
}

/* A DBG_PRINTEXCEPTION_C exception (length with the NUL, text): a
 * debugger shows it as OUTPUT_DEBUG_STRING_EVENT and continues; without
 * one the program's handlers may see it, and it ends here. */
K32API void WINAPI OutputDebugStringA(LPCSTR s)
{
	ULONG_PTR args[2];

	if (!s)
		s = "";
	args[0] = strlen(s) + 1;
	args[1] = (ULONG_PTR)s;
	k32_guarded(raise_debug_print, args, NULL, 0);
}

K32API void WINAPI OutputDebugStringW(LPCWSTR s)
{
	SIZE_T n = s ? wcslen(s) : 0;
	char *a = RtlAllocateHeap(k32_heap(), 0, n + 1);

	if (!a)
		return;
	k32_w_to_a(s ? s : L"", n, a);
	OutputDebugStringA(a);
	k32_free(a);
}

/* No speaker: succeed silently, as on machines without one. */
K32API BOOL WINAPI Beep(DWORD freq, DWORD duration)
{
	return TRUE;
}
