/*
 * KUSER_SHARED_DATA.ProcessorFeatures: one byte per PF_* number (winnt.h),
 * which IsProcessorFeaturePresent reads on Windows without a system call.
 * From cpuid on the host, the processor the program runs on; what every
 * x86-64 processor a 64-bit Windows takes has (SSE2, NX, cmpxchg16b, ...)
 * is always there.
 */
#include <cpuid.h>
#include <string.h>
#include "emul/system/sysinfo.h"

enum {
	PF_COMPARE_EXCHANGE_DOUBLE = 2, PF_MMX_INSTRUCTIONS_AVAILABLE = 3,
	PF_XMMI_INSTRUCTIONS_AVAILABLE = 6, PF_RDTSC_INSTRUCTION_AVAILABLE = 8,
	PF_PAE_ENABLED = 9, PF_XMMI64_INSTRUCTIONS_AVAILABLE = 10, PF_NX_ENABLED = 12,
	PF_SSE3_INSTRUCTIONS_AVAILABLE = 13, PF_COMPARE_EXCHANGE128 = 14,
	PF_XSAVE_ENABLED = 17, PF_FASTFAIL_AVAILABLE = 23, PF_RDRAND_INSTRUCTION_AVAILABLE = 28,
	PF_SSSE3_INSTRUCTIONS_AVAILABLE = 36, PF_SSE4_1_INSTRUCTIONS_AVAILABLE = 37,
	PF_SSE4_2_INSTRUCTIONS_AVAILABLE = 38, PF_AVX_INSTRUCTIONS_AVAILABLE = 39,
	PF_AVX2_INSTRUCTIONS_AVAILABLE = 40, PF_AVX512F_INSTRUCTIONS_AVAILABLE = 41,
};

void cpu_features(uint8_t out[CPU_FEATURES])
{
	static const uint8_t always[] = {
		PF_COMPARE_EXCHANGE_DOUBLE, PF_MMX_INSTRUCTIONS_AVAILABLE,
		PF_XMMI_INSTRUCTIONS_AVAILABLE, PF_RDTSC_INSTRUCTION_AVAILABLE, PF_PAE_ENABLED,
		PF_XMMI64_INSTRUCTIONS_AVAILABLE, PF_NX_ENABLED, PF_COMPARE_EXCHANGE128,
		PF_FASTFAIL_AVAILABLE,
	};
	unsigned a, b, c = 0, d, b7 = 0;

	memset(out, 0, CPU_FEATURES);
	for (size_t i = 0; i < sizeof(always); i++)
		out[always[i]] = 1;
	__get_cpuid(1, &a, &b, &c, &d);
	if (__get_cpuid_max(0, NULL) >= 7)
		__cpuid_count(7, 0, a, b7, d, d);
	out[PF_SSE3_INSTRUCTIONS_AVAILABLE] = c & 1;
	out[PF_SSSE3_INSTRUCTIONS_AVAILABLE] = c >> 9 & 1;
	out[PF_SSE4_1_INSTRUCTIONS_AVAILABLE] = c >> 19 & 1;
	out[PF_SSE4_2_INSTRUCTIONS_AVAILABLE] = c >> 20 & 1;
	out[PF_XSAVE_ENABLED] = c >> 27 & 1;
	out[PF_AVX_INSTRUCTIONS_AVAILABLE] = c >> 28 & 1;
	out[PF_RDRAND_INSTRUCTION_AVAILABLE] = c >> 30 & 1;
	out[PF_AVX2_INSTRUCTIONS_AVAILABLE] = b7 >> 5 & 1;
	out[PF_AVX512F_INSTRUCTIONS_AVAILABLE] = b7 >> 16 & 1;
}
