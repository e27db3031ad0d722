/*
 * The processor's signature as Windows reports it (cpuid leaf 1): the
 * family (PROCESSOR_LEVEL, SYSTEM_PROCESSOR_INFORMATION's level), the
 * model with the extended model from family 6 on, the stepping, and the
 * vendor (leaf 0).  Windows' PROCESSOR_IDENTIFIER reads "Intel64 Family 6
 * Model 85 Stepping 7, GenuineIntel" or "AMD64 Family 23 ...".
 */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>
#include "emul/system/sysinfo.h"

void cpu_signature(uint16_t *family, uint16_t *model, uint16_t *stepping)
{
	unsigned a = 0, b, c, d;

	__get_cpuid(1, &a, &b, &c, &d);
	*family = (a >> 8) & 0xF;
	*model = (a >> 4) & 0xF;
	*stepping = a & 0xF;
	if (*family == 0xF)
		*family += (a >> 20) & 0xFF;
	if (*family >= 6)
		*model |= ((a >> 16) & 0xF) << 4;
}

void cpu_identifier(char *out, size_t len)
{
	unsigned a = 0, vendor[3] = { 0 };
	char name[13];
	uint16_t family, model, stepping;

	__get_cpuid(0, &a, &vendor[0], &vendor[2], &vendor[1]);
	memcpy(name, vendor, 12);
	name[12] = 0;
	cpu_signature(&family, &model, &stepping);
	snprintf(out, len, "%s Family %u Model %u Stepping %u, %s",
		 strcmp(name, "AuthenticAMD") ? "Intel64" : "AMD64", family, model, stepping, name);
}
