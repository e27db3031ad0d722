/*
 * ole32's own start-up calls: CoInitialize and OleInitialize enter a
 * single-threaded apartment through combase's CoInitializeEx (imported
 * through its API set, as Windows' ole32 does), plus the small process
 * queries.  OLE's clipboard and drag and drop need a window station,
 * which a console session has none of: OleInitialize sets up nothing more.
 */
#define _OLE32_
#include <windows.h>
#include <objbase.h>
#include <ole2.h>

HRESULT WINAPI CoInitialize(LPVOID reserved)
{
	return CoInitializeEx(reserved, COINIT_APARTMENTTHREADED);
}

HRESULT WINAPI OleInitialize(LPVOID reserved)
{
	return CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
}

void WINAPI OleUninitialize(void)
{
	CoUninitialize();
}

/* A number unique to the process (documented: not its id, but unique
 * among the running processes of the machine, which the id is). */
DWORD WINAPI CoGetCurrentProcess(void)
{
	return GetCurrentProcessId();
}

HRESULT WINAPI CoFileTimeNow(FILETIME *ft)
{
	if (!ft)
		return E_INVALIDARG;
	GetSystemTimeAsFileTime(ft);
	return S_OK;
}

/* Message filters matter for calls between apartments, which never
 * happen here: there was no previous filter. */
HRESULT WINAPI CoRegisterMessageFilter(LPMESSAGEFILTER filter, LPMESSAGEFILTER *previous)
{
	if (previous)
		*previous = NULL;
	return S_OK;
}
