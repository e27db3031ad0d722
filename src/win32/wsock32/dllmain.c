/* wsock32.dll has nothing to set up: its exports forward to ws2_32 or
 * are stubs. */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	return TRUE;
}
