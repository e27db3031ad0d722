/* ws2_32.dll's entry point: the per-thread results' TLS slot. */
#include "ws_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	if (reason == DLL_PROCESS_ATTACH)
		ws_thread_attach();
	else if (reason == DLL_THREAD_DETACH || reason == DLL_PROCESS_DETACH)
		ws_thread_detach();
	return TRUE;
}
