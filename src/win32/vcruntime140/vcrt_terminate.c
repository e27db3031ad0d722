/*
 * How vcruntime140 ends a program: terminate() lives in ucrtbase.dll
 * (with the handler set_terminate installs); without it, the process ends
 * as UCRT's abort() ends a release build, by a fast fail
 * (STATUS_STACK_BUFFER_OVERRUN).
 */
#include "cxx/cxx_private.h"

#define STATUS_FAST_FAIL ((DWORD)0xC0000409)

static cxx_handler_fn purecall_handler;

const char cxx_typeid_null_message[] = "Attempted a typeid of nullptr pointer!";

static void DECLSPEC_NORETURN fast_fail(void)
{
	for (;;)
		TerminateProcess(GetCurrentProcess(), STATUS_FAST_FAIL);
}

void cxx_terminate(void)
{
	HMODULE ucrt = GetModuleHandleW(L"ucrtbase.dll");
	FARPROC terminate = ucrt ? GetProcAddress(ucrt, "terminate") : NULL;

	if (terminate)
		terminate();
	fast_fail();
}

void __std_terminate(void)
{
	cxx_terminate();
}

/* A pure virtual function was called (an object used while being built
 * or destroyed). */
int _purecall(void)
{
	cxx_handler_fn h = purecall_handler;

	if (h)
		h();
	cxx_terminate();
}

cxx_handler_fn vcrt_set_purecall_handler(cxx_handler_fn h)
{
	return InterlockedExchangePointer((void **)&purecall_handler, h);
}

cxx_handler_fn vcrt_get_purecall_handler(void)
{
	return purecall_handler;
}

/* The /GS check found the stack cookie overwritten. */
void __report_gsfailure(ULONG_PTR cookie)
{
	fast_fail();
}
