/*
 * Power information: CallNtPowerInformation (the processors' speeds, the
 * battery and capabilities of a plugged-in machine with no battery and no
 * sleep states), the active scheme (Balanced, a new machine's), and the
 * IsPwr* questions (no hibernation or suspend in a sandbox).
 */
#define DECLSPEC_IMPORT /* powrprof.h declares our exports imported */
#include <windows.h>
#include <powrprof.h>
#include <ntstatus.h>
#include <intrin.h>
#include <string.h>

#define POWER_API __declspec(dllexport)

/* CallNtPowerInformation's ProcessorInformation entry (documented;
 * mingw-w64 lacks it). */
typedef struct {
	ULONG Number, MaxMhz, CurrentMhz, MhzLimit, MaxIdleState, CurrentIdleState;
} PROCESSOR_POWER_INFORMATION;

/* The processor's base speed in MHz: CPUID leaf 0x16 where the processor
 * has it (the program runs natively, so cpuid is the machine's own), else
 * the "@ 2.40GHz" of the brand string, else 0. */
static ULONG base_mhz(void)
{
	int r[4], brand[12];
	const char *s = (const char *)brand, *at;

	__cpuid(r, 0);
	if (r[0] >= 0x16) {
		__cpuid(r, 0x16);
		if (r[0] & 0xFFFF)
			return (ULONG)(r[0] & 0xFFFF);
	}
	__cpuid(r, (int)0x80000000);
	if ((unsigned)r[0] < 0x80000004u)
		return 0;
	for (int i = 0; i < 3; i++)
		__cpuid(brand + 4 * i, (int)(0x80000002u + (unsigned)i));
	brand[11] &= 0x00FFFFFF; /* NUL-terminated within the 48 bytes */
	if (!(at = strstr(s, "@ ")))
		return 0;
	return (ULONG)((at[2] - '0') * 1000 + (at[4] - '0') * 100 + (at[5] - '0') * 10);
}

static NTSTATUS processors(PVOID out, ULONG len)
{
	PROCESSOR_POWER_INFORMATION *p = out;
	SYSTEM_INFO si;
	ULONG mhz = base_mhz();

	GetSystemInfo(&si);
	if (len < si.dwNumberOfProcessors * sizeof(*p))
		return STATUS_BUFFER_TOO_SMALL;
	for (DWORD i = 0; i < si.dwNumberOfProcessors; i++)
		p[i] = (PROCESSOR_POWER_INFORMATION){ i, mhz, mhz, mhz, 0, 0 };
	return STATUS_SUCCESS;
}

static NTSTATUS zeroed(PVOID out, ULONG len, ULONG size)
{
	if (len < size)
		return STATUS_BUFFER_TOO_SMALL;
	memset(out, 0, size);
	return STATUS_SUCCESS;
}

POWER_API NTSTATUS WINAPI CallNtPowerInformation(POWER_INFORMATION_LEVEL level, PVOID in,
						 ULONG in_len, PVOID out, ULONG out_len)
{
	NTSTATUS st;

	if (!out)
		return STATUS_INVALID_PARAMETER;
	switch (level) {
	case ProcessorInformation:
		return processors(out, out_len);
	case SystemBatteryState:
		if ((st = zeroed(out, out_len, sizeof(SYSTEM_BATTERY_STATE))) == STATUS_SUCCESS)
			((SYSTEM_BATTERY_STATE *)out)->AcOnLine = TRUE;
		return st;
	case SystemPowerCapabilities:
		return zeroed(out, out_len, sizeof(SYSTEM_POWER_CAPABILITIES));
	case SystemExecutionState:
		return zeroed(out, out_len, sizeof(EXECUTION_STATE));
	default:
		return STATUS_INVALID_PARAMETER;
	}
}

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
