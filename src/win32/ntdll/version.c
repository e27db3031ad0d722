/* The Windows version as the PEB says it (10.0.19045 unless the
 * supervisor chose another build), the processor's features, the
 * performance counter. */
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

RTLAPI BOOLEAN NTAPI RtlQueryPerformanceCounter(PLARGE_INTEGER counter)
{
	return NT_SUCCESS(NtQueryPerformanceCounter(counter, NULL));
}

/* From KUSER_SHARED_DATA.QpcFrequency, as Windows reads it: no NT call. */
RTLAPI BOOLEAN NTAPI RtlQueryPerformanceFrequency(PLARGE_INTEGER frequency)
{
	frequency->QuadPart = *(volatile LONGLONG *)(ULONG_PTR)0x7FFE0300;
	return TRUE;
}

static void cpuid(unsigned leaf, unsigned sub, unsigned r[4])
{
	__asm__("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

/* PF_* numbers (winnt.h) from CPUID; what a 64-bit process can rely on
 * anyway (SSE2, NX, cmpxchg16b...) is always there. */
RTLAPI BOOLEAN NTAPI RtlIsProcessorFeaturePresent(ULONG feature)
{
	unsigned l1[4], l7[4];

	cpuid(1, 0, l1);
	cpuid(7, 0, l7);
	switch (feature) {
	case PF_COMPARE_EXCHANGE_DOUBLE: case PF_MMX_INSTRUCTIONS_AVAILABLE:
	case PF_XMMI_INSTRUCTIONS_AVAILABLE: case PF_RDTSC_INSTRUCTION_AVAILABLE:
	case PF_PAE_ENABLED: case PF_XMMI64_INSTRUCTIONS_AVAILABLE: case PF_NX_ENABLED:
	case PF_COMPARE_EXCHANGE128: case PF_FASTFAIL_AVAILABLE:
		return TRUE;
	case PF_SSE3_INSTRUCTIONS_AVAILABLE: return (l1[2] & 1) != 0;
	case PF_SSSE3_INSTRUCTIONS_AVAILABLE: return (l1[2] >> 9 & 1) != 0;
	case PF_SSE4_1_INSTRUCTIONS_AVAILABLE: return (l1[2] >> 19 & 1) != 0;
	case PF_SSE4_2_INSTRUCTIONS_AVAILABLE: return (l1[2] >> 20 & 1) != 0;
	case PF_XSAVE_ENABLED: return (l1[2] >> 27 & 1) != 0;
	case PF_AVX_INSTRUCTIONS_AVAILABLE: return (l1[2] >> 28 & 1) != 0;
	case PF_RDRAND_INSTRUCTION_AVAILABLE: return (l1[2] >> 30 & 1) != 0;
	case PF_AVX2_INSTRUCTIONS_AVAILABLE: return (l7[1] >> 5 & 1) != 0;
	case PF_AVX512F_INSTRUCTIONS_AVAILABLE: return (l7[1] >> 16 & 1) != 0;
	default: return FALSE;
	}
}

/* A 64-bit process is native: its system information is
 * NtQuerySystemInformation's, class for class (only WOW64 differs). */
RTLAPI NTSTATUS NTAPI RtlGetNativeSystemInformation(ULONG cls, PVOID info, ULONG len,
						    PULONG ret)
{
	return NtQuerySystemInformation((SYSTEM_INFORMATION_CLASS)cls, info, len, ret);
}
