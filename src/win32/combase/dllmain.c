/* combase.dll's entry point: a thread that ends leaves its apartment. */
#include "combase_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	if (reason == DLL_THREAD_DETACH)
		com_thread_detach();
	return TRUE;
}
