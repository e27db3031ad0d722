/*
 * NtPowerInformation: what a sandboxed machine says of its power, as a
 * plugged-in desktop without a battery or sleep states does: the
 * processors' speeds (ProcessorInformation), a battery state with
 * AcOnLine and no battery, no power capabilities, no execution state
 * requested.  powrprof's CallNtPowerInformation forwards here.
 */
#include <cpuid.h>
#include <string.h>
#include "emul/system/sysinfo.h"

#define LEVEL_POWER_CAPABILITIES 4
#define LEVEL_BATTERY_STATE 5
#define LEVEL_PROCESSOR_INFORMATION 11
#define LEVEL_EXECUTION_STATE 16
#define POWER_CAPABILITIES_SIZE 76  /* SYSTEM_POWER_CAPABILITIES */
#define BATTERY_STATE_SIZE 32       /* SYSTEM_BATTERY_STATE */
#define PROCESSOR_POWER_SIZE 24     /* PROCESSOR_POWER_INFORMATION: six ULONGs */

/* The processor's base speed in MHz: CPUID leaf 0x16 where the processor
 * has it, else the "@ 2.40GHz" of the brand string, else 0. */
static uint32_t base_mhz(void)
{
	unsigned r[4], brand[13] = { 0 };
	const char *at;

	if (__get_cpuid_max(0, NULL) >= 0x16) {
		__cpuid(0x16, r[0], r[1], r[2], r[3]);
		if (r[0] & 0xFFFF)
			return r[0] & 0xFFFF;
	}
	if (__get_cpuid_max(0x80000000u, NULL) < 0x80000004u)
		return 0;
	for (unsigned i = 0; i < 3; i++)
		__cpuid(0x80000002u + i, brand[4 * i], brand[4 * i + 1], brand[4 * i + 2],
			brand[4 * i + 3]);
	at = strstr((const char *)brand, "@ ");
	if (!at || at[2] < '0' || at[2] > '9' || at[3] != '.')
		return 0;
	return (uint32_t)((at[2] - '0') * 1000 + (at[4] - '0') * 100 + (at[5] - '0') * 10);
}

/* Writes size bytes of data to the output buffer (args 3 and 4). */
static NTSTATUS answer(struct nt_call *c, const void *data, uint32_t size)
{
	if (!c->args[3])
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[4] < size)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (tracee_write(c->thread, c->args[3], data, size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtPowerInformation(InformationLevel, InputBuffer, InputBufferLength,
 *                    OutputBuffer, OutputBufferLength) */
NTSTATUS nt_NtPowerInformation(struct nt_call *c)
{
	uint8_t b[SYSINFO_MAX_CPUS * PROCESSOR_POWER_SIZE] = { 0 };
	uint32_t n = sysinfo_cpu_count(), mhz;

	switch ((uint32_t)c->args[0]) {
	case LEVEL_PROCESSOR_INFORMATION:
		mhz = base_mhz();
		for (uint32_t i = 0; i < n; i++) {
			uint32_t row[6] = { i, mhz, mhz, mhz, 0, 0 }; /* Number, Max, Current, Limit */

			memcpy(b + i * PROCESSOR_POWER_SIZE, row, sizeof(row));
		}
		return answer(c, b, n * PROCESSOR_POWER_SIZE);
	case LEVEL_BATTERY_STATE:
		b[0] = 1; /* AcOnLine; BatteryPresent and the rest 0 */
		return answer(c, b, BATTERY_STATE_SIZE);
	case LEVEL_POWER_CAPABILITIES:
		return answer(c, b, POWER_CAPABILITIES_SIZE);
	case LEVEL_EXECUTION_STATE:
		return answer(c, b, 4);
	default:
		return LSW_STATUS_INVALID_PARAMETER;
	}
}
