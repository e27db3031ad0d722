/* System information (the version a program is told: version.c). */
#include "k32_private.h"

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
