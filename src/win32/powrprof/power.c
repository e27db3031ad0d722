/*
 * Power information: CallNtPowerInformation forwards to ntdll's
 * NtPowerInformation (the supervisor's src/emul/system/power.c), the
 * active scheme (Balanced, a new machine's), and the IsPwr* questions (no
 * hibernation or suspend in a sandbox).
 */
#define DECLSPEC_IMPORT /* powrprof.h declares our exports imported */
#include <windows.h>
#include <powrprof.h>
#include <ntstatus.h>
#include <string.h>

#define POWER_API __declspec(dllexport)

POWER_API BOOLEAN WINAPI GetPwrCapabilities(PSYSTEM_POWER_CAPABILITIES caps)
{
	if (!caps) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	memset(caps, 0, sizeof(*caps));
	return TRUE;
}

POWER_API BOOLEAN WINAPI IsPwrHibernateAllowed(void)
{
	return FALSE;
}

POWER_API BOOLEAN WINAPI IsPwrSuspendAllowed(void)
{
	return FALSE;
}

POWER_API BOOLEAN WINAPI IsPwrShutdownAllowed(void)
{
	return FALSE;
}

/* The Balanced scheme (GUID_TYPICAL_POWER_SAVINGS), freed with LocalFree. */
POWER_API DWORD WINAPI PowerGetActiveScheme(HKEY root, GUID **scheme)
{
	static const GUID balanced = { 0x381b4222, 0xf694, 0x41f0,
				       { 0x96, 0x85, 0xff, 0x5b, 0xb2, 0x60, 0xdf, 0x2e } };

	if (!scheme)
		return ERROR_INVALID_PARAMETER;
	if (!(*scheme = LocalAlloc(LMEM_FIXED, sizeof(GUID))))
		return ERROR_NOT_ENOUGH_MEMORY;
	**scheme = balanced;
	return ERROR_SUCCESS;
}
