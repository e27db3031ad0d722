/* msvcp140.dll: its global locks exist before any code can take them. */
#include <windows.h>

void msvcp_locks_init(void);

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	if (reason == DLL_PROCESS_ATTACH)
		msvcp_locks_init();
	return TRUE;
}
