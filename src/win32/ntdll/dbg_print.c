/*
 * DbgPrint and its family, as user-mode Windows has them: the text,
 * formatted into a 512-byte buffer, goes to a debugger as a
 * DBG_PRINTEXCEPTION_C exception (length with the NUL, text) when the
 * process is debugged (PEB BeingDebugged), and nowhere otherwise; the
 * raise is guarded, so nobody taking it leaves the caller running.  The
 * answer is STATUS_SUCCESS whether the text went anywhere or not.
 *
 * DbgPrintEx filters by level as the kernel's default filter does: a level
 * under 32 is a bit number, anything else a mask; DPFLTR_ERROR_LEVEL
 * always passes, the other levels pass a component's mask, which is empty
 * (DbgSetDebugFilterState, which would set one, is not implemented).
 */
#include "loader.h"
#include <stdarg.h>
#include <stdio.h>

#define DBGAPI __declspec(dllexport)
#define DBG_PRINT_BUFFER 512
#define DPFLTR_ERROR_BIT 1u

static BOOL level_passes(ULONG level)
{
	ULONG mask = level < 32 ? 1u << level : level;

	return (mask & DPFLTR_ERROR_BIT) != 0;
}

static NTSTATUS print(const char *prefix, const char *fmt, va_list ap)
{
	char text[DBG_PRINT_BUFFER];
	size_t used = 0;
	EXCEPTION_RECORD rec;

	if (!lsw_peb()->BeingDebugged)
		return STATUS_SUCCESS;
	if (prefix) {
		used = strnlen(prefix, sizeof(text) - 1);
		memcpy(text, prefix, used);
	}
	if (fmt && _vsnprintf(text + used, sizeof(text) - 1 - used, fmt, ap) < 0)
		used = sizeof(text) - 1; /* truncated: the buffer's worth */
	else if (fmt)
		used += strnlen(text + used, sizeof(text) - 1 - used);
	text[used] = 0;
	memset(&rec, 0, sizeof(rec));
	rec.ExceptionCode = DBG_PRINTEXCEPTION_C;
	rec.ExceptionAddress = __builtin_return_address(0);
	rec.NumberParameters = 2;
	rec.ExceptionInformation[0] = used + 1;
	rec.ExceptionInformation[1] = (ULONG_PTR)text;
	dbg_guarded_raise(&rec);
	return STATUS_SUCCESS;
}

DBGAPI NTSTATUS NTAPI vDbgPrintExWithPrefix(const char *prefix, ULONG component, ULONG level,
					     const char *fmt, va_list ap)
{
	(void)component;
	return level_passes(level) ? print(prefix, fmt, ap) : STATUS_SUCCESS;
}

DBGAPI NTSTATUS NTAPI vDbgPrintEx(ULONG component, ULONG level, const char *fmt, va_list ap)
{
	return vDbgPrintExWithPrefix(NULL, component, level, fmt, ap);
}

DBGAPI NTSTATUS __cdecl DbgPrintEx(ULONG component, ULONG level, const char *fmt, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, fmt);
	st = vDbgPrintExWithPrefix(NULL, component, level, fmt, ap);
	va_end(ap);
	return st;
}

/* DbgPrint is not filtered. */
DBGAPI NTSTATUS __cdecl DbgPrint(const char *fmt, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, fmt);
	st = print(NULL, fmt, ap);
	va_end(ap);
	return st;
}
