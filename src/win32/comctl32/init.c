/*
 * comctl32.dll in a console session: programs that link it (Strawberry
 * Perl's perl5xx.dll does) call InitCommonControls(Ex) at start.  Their
 * job is to register the controls' window classes with user32; a
 * session without a desktop has no windows to make of them, so there is
 * nothing to register, and what is left is checking the request.
 */
#include <windows.h>
#include <commctrl.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	return TRUE;
}

__declspec(dllexport) void WINAPI InitCommonControls(void)
{
}

/* Windows refuses a structure of the wrong size (ERROR_INVALID_PARAMETER
 * is not set: it returns FALSE alone). */
__declspec(dllexport) BOOL WINAPI InitCommonControlsEx(const INITCOMMONCONTROLSEX *icc)
{
	return icc && icc->dwSize == sizeof(*icc);
}
