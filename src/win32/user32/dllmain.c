/* user32.dll's entry point: a thread that ends loses its message queue. */
#include "user32_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	if (reason == DLL_THREAD_DETACH)
		queue_thread_detach();
	return TRUE;
}
