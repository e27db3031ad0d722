/* vcruntime140.dll: the compiler's runtime support for Visual C++ 2015 and
 * later (exceptions, RTTI); per-thread state needs no set-up. */
#include "cxx/cxx_private.h"

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
	return TRUE;
}

/* Telemetry hooks of the 2015 start-up code; they do nothing. */
void __telemetry_main_invoke_trigger(void *module)
{
}

void __telemetry_main_return_trigger(void *module)
{
}

/* WinRT only: no out-of-memory callback is ever called here. */
void _SetWinRTOutOfMemoryExceptionCallback(void *callback)
{
}
