/* SetThreadToken: a thread (NULL: the caller) impersonates a token, or
 * stops (NULL token), through NtSetInformationThread's
 * ThreadImpersonationToken. */
#define _ADVAPI32_ /* the headers declare SetThreadToken as advapi32's import */
#include "k32_private.h"

NTSTATUS NTAPI NtSetInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG);

K32API BOOL WINAPI SetThreadToken(PHANDLE thread, HANDLE token)
{
	NTSTATUS st = NtSetInformationThread(thread ? *thread : GetCurrentThread(),
					     ThreadImpersonationToken, &token, sizeof(token));

	return st < 0 ? k32_fail(st) : TRUE;
}
