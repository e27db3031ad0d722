/*
 * winver.exe, as System32 has it: "About Windows", the system's version
 * and build (RtlGetVersion: what the system is, whatever the caller's
 * manifest says), shown the way a message box is in a console session
 * (user32's MessageBoxW writes it to standard error).  Programs start it
 * as an ordinary GUI program to start and end (Wine's conformance tests
 * do); it exits 0 once its box is "closed".
 */
#include <windows.h>
#include <winternl.h>

NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOW *info);

void entry(void)
{
	RTL_OSVERSIONINFOW v = { sizeof(v) };
	WCHAR text[128];

	RtlGetVersion(&v);
	wsprintfW(text, L"Microsoft Windows, Version %lu.%lu (OS Build %lu)", v.dwMajorVersion,
		  v.dwMinorVersion, v.dwBuildNumber);
	MessageBoxW(NULL, text, L"About Windows", MB_OK);
	ExitProcess(0);
}
