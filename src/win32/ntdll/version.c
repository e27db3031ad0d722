/* The Windows version as the PEB says it (10.0.19045 unless the
 * supervisor chose another build), the processor's features (the
 * performance counter: perf_counter.c). */
#include "rtl/rtl_private.h"

/* Windows 10 22H2, when the PEB does not say (kernel32's sysinfo.c too). */
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

/* Always STATUS_SUCCESS, as documented: the size only says whether the
 * RTL_OSVERSIONINFOEXW fields are there (.NET's P/Invoke passes 0). */
RTLAPI NTSTATUS NTAPI RtlGetVersion(PRTL_OSVERSIONINFOW info)
{
	ULONG major, minor, build;

	os_version(&major, &minor, &build);
	info->dwMajorVersion = major;
	info->dwMinorVersion = minor;
	info->dwBuildNumber = build;
	info->dwPlatformId = VER_PLATFORM_WIN32_NT;
	info->szCSDVersion[0] = 0;
	if (info->dwOSVersionInfoSize == sizeof(RTL_OSVERSIONINFOEXW)) {
		RTL_OSVERSIONINFOEXW *ex = (RTL_OSVERSIONINFOEXW *)info;

		ex->wServicePackMajor = ex->wServicePackMinor = 0;
		ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;
		ex->wProductType = VER_NT_WORKSTATION;
		ex->wReserved = 0;
	}
	return STATUS_SUCCESS;
}

/* The build number carries 0xF0000000 (a free build), as Windows reports. */
RTLAPI void NTAPI RtlGetNtVersionNumbers(ULONG *major, ULONG *minor, ULONG *build)
{
	ULONG v[3];

	os_version(&v[0], &v[1], &v[2]);
	if (major)
		*major = v[0];
	if (minor)
		*minor = v[1];
	if (build)
		*build = v[2] | 0xF0000000u;
}

/* KUSER_SHARED_DATA.ProcessorFeatures (one byte per PF_* number), which
 * the supervisor fills from cpuid: no NT call, as on Windows. */
RTLAPI BOOLEAN NTAPI RtlIsProcessorFeaturePresent(ULONG feature)
{
	return feature < 64 && ((volatile BYTE *)(ULONG_PTR)0x7FFE0274)[feature];
}

/* A 64-bit process is native: its system information is
 * NtQuerySystemInformation's, class for class (only WOW64 differs). */
RTLAPI NTSTATUS NTAPI RtlGetNativeSystemInformation(ULONG cls, PVOID info, ULONG len,
						    PULONG ret)
{
	return NtQuerySystemInformation((SYSTEM_INFORMATION_CLASS)cls, info, len, ret);
}
