/* vcruntime140_1.dll: its exports forward to vcruntime140.dll. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
	return TRUE;
}
