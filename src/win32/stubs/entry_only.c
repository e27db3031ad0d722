/*
 * The entry point of a DLL whose exports are all stubs (its spec says so,
 * line by line): nothing to set up or tear down.  Such a DLL exists so
 * that a program importing it loads; a program that calls one of its
 * functions gets the stub's documented failure.
 */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	return TRUE;
}
