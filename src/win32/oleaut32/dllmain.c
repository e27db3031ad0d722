/* oleaut32.dll's entry point: the error-info slot, freed per thread. */
#include "oleaut_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	if (reason == DLL_PROCESS_ATTACH)
		errorinfo_init();
	else if (reason == DLL_THREAD_DETACH)
		errorinfo_thread_detach();
	return TRUE;
}
