/*
 * System information and version.  We report the true version, 10.0.19045
 * (Windows 10 22H2) like a manifested application sees it; an unmanifested
 * program on real Windows would be told 6.2.9200.
 */
#include "k32_private.h"

#define DEFAULT_MAJOR 10
#define DEFAULT_MINOR 0
#define DEFAULT_BUILD 19045

static void os_version(ULONG *major, ULONG *minor, ULONG *build)
{
	LSW_PEB *peb = lsw_peb();

	*major = peb->OSMajorVersion ? peb->OSMajorVersion : DEFAULT_MAJOR;
	*minor = peb->OSMajorVersion ? peb->OSMinorVersion : DEFAULT_MINOR;
	*build = peb->OSBuildNumber ? peb->OSBuildNumber : DEFAULT_BUILD;
}

static void cpu_family(WORD *level, WORD *revision)
{
	unsigned a, b, c, d, family, model;

	__asm__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	family = (a >> 8) & 0xF;
	model = (a >> 4) & 0xF;
	if (family == 0xF)
		family += (a >> 20) & 0xFF;
	if (family >= 6)
		model |= ((a >> 16) & 0xF) << 4;
	*level = (WORD)family;
	*revision = (WORD)((model << 8) | (a & 0xF));
}

K32API void WINAPI GetSystemInfo(LPSYSTEM_INFO si)
{
	DWORD n = lsw_peb()->NumberOfProcessors;

	if (!n)
		n = 1;
	memset(si, 0, sizeof(*si));
	si->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
	si->dwPageSize = 0x1000;
	si->lpMinimumApplicationAddress = (LPVOID)0x10000;
	si->lpMaximumApplicationAddress = (LPVOID)0x7FFFFFFEFFFFULL;
	si->dwActiveProcessorMask = n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
	si->dwNumberOfProcessors = n;
	si->dwProcessorType = PROCESSOR_AMD_X8664;
	si->dwAllocationGranularity = 0x10000;
	cpu_family(&si->wProcessorLevel, &si->wProcessorRevision);
}

K32API void WINAPI GetNativeSystemInfo(LPSYSTEM_INFO si)
{
	GetSystemInfo(si);
}

K32API DWORD WINAPI GetVersion(void)
{
	ULONG major, minor, build;

	os_version(&major, &minor, &build);
	return (build << 16) | (minor << 8) | major;
}

K32API BOOL WINAPI GetVersionExW(LPOSVERSIONINFOW info)
{
	ULONG major, minor, build;

	if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOW) &&
	    info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEXW))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	os_version(&major, &minor, &build);
	info->dwMajorVersion = major;
	info->dwMinorVersion = minor;
	info->dwBuildNumber = build;
	info->dwPlatformId = VER_PLATFORM_WIN32_NT;
	info->szCSDVersion[0] = 0;
	if (info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXW)) {
		OSVERSIONINFOEXW *ex = (OSVERSIONINFOEXW *)info;
		ex->wServicePackMajor = ex->wServicePackMinor = 0;
		ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;
		ex->wProductType = VER_NT_WORKSTATION;
		ex->wReserved = 0;
	}
	return TRUE;
}

K32API BOOL WINAPI GetVersionExA(LPOSVERSIONINFOA info)
{
	OSVERSIONINFOEXW w;
	BOOL ex = info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXA);

	if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOA) && !ex)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	w.dwOSVersionInfoSize = sizeof(w);
	GetVersionExW((LPOSVERSIONINFOW)&w);
	info->dwMajorVersion = w.dwMajorVersion;
	info->dwMinorVersion = w.dwMinorVersion;
	info->dwBuildNumber = w.dwBuildNumber;
	info->dwPlatformId = w.dwPlatformId;
	info->szCSDVersion[0] = 0;
	if (ex) {
		OSVERSIONINFOEXA *a = (OSVERSIONINFOEXA *)info;
		a->wServicePackMajor = a->wServicePackMinor = 0;
		a->wSuiteMask = w.wSuiteMask;
		a->wProductType = w.wProductType;
		a->wReserved = 0;
	}
	return TRUE;
}
