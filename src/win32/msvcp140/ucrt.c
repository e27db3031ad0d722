/* msvcp140 sits on the UCRT and vcruntime140: their functions, found in
 * ucrtbase.dll (loaded with any program that loads msvcp140, and loaded
 * here otherwise) and vcruntime140.dll (loaded with any program built
 * against msvcp140). */
#include <windows.h>
#include "msvcp140/ucrt.h"
#include "cxx/cxx_private.h"

void *msvcp_ucrt_proc(const char *name)
{
	HMODULE h = GetModuleHandleW(L"ucrtbase.dll");

	if (!h)
		h = LoadLibraryW(L"ucrtbase.dll");
	return h ? (void *)GetProcAddress(h, name) : NULL;
}

void *msvcp_vcruntime_proc(const char *name)
{
	HMODULE h = GetModuleHandleW(L"vcruntime140.dll");

	return h ? (void *)GetProcAddress(h, name) : NULL;
}

/* std::terminate (the UCRT's); a fast fail if even that is missing. */
void cxx_terminate(void)
{
	void (__cdecl *terminate)(void) = msvcp_ucrt_proc("terminate");

	if (terminate)
		terminate();
	for (;;)
		TerminateProcess(GetCurrentProcess(), 0xC0000409);
}
