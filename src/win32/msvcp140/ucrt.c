/* msvcp140 sits on the UCRT: its functions, found in ucrtbase.dll (loaded
 * with any program that loads msvcp140, and loaded here otherwise). */
#include <windows.h>
#include "msvcp140/ucrt.h"

void *msvcp_ucrt_proc(const char *name)
{
	HMODULE h = GetModuleHandleW(L"ucrtbase.dll");

	if (!h)
		h = LoadLibraryW(L"ucrtbase.dll");
	return h ? (void *)GetProcAddress(h, name) : NULL;
}
