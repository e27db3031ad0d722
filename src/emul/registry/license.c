/*
 * NtQueryLicenseValue: the product policy's named values (what Windows'
 * kernel reads at boot from HKLM\SYSTEM\CurrentControlSet\Control\
 * ProductOptions\ProductPolicy), here a fixed table of the values a
 * Windows 10 Pro installation reports.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/registry.h"
#include "emul/upcase.h"

struct license_value {
	const char *name;
	uint32_t type;
	const char *text;   /* REG_SZ */
	uint32_t number;    /* REG_DWORD */
};

static const struct license_value licenses[] = {
	{ "Kernel-MUI-Language-Allowed", REG_SZ, "EMPTY", 0 },
	{ "Kernel-MUI-Number-Allowed", REG_DWORD, NULL, 1000 },
	{ "Kernel-ProductInfo", REG_DWORD, NULL, 0x30 }, /* PRODUCT_PROFESSIONAL */
	{ "Security-SPP-GenuineLocalStatus", REG_DWORD, NULL, 1 },
};

static const struct license_value *find(const uint16_t *name, size_t n)
{
	for (size_t i = 0; i < sizeof(licenses) / sizeof(licenses[0]); i++) {
		const char *s = licenses[i].name;
		size_t j = 0;

		while (j < n && s[j] && nt_upcase(name[j]) == nt_upcase((uint16_t)s[j]))
			j++;
		if (j == n && !s[j])
			return &licenses[i];
	}
	return NULL;
}

/* The value's data (UTF-16 with its NUL for REG_SZ) into out; its size. */
static uint32_t value_data(const struct license_value *v, uint8_t out[64])
{
	uint32_t n = 0;

	if (v->type == REG_DWORD) {
		memcpy(out, &v->number, 4);
		return 4;
	}
	for (const char *s = v->text; n + 2 < 64; s++) {
		uint16_t w = (uint16_t)*s;

		memcpy(out + n, &w, 2);
		n += 2;
		if (!*s)
			break;
	}
	return n;
}

/* NtQueryLicenseValue(ValueName, Type, Data, DataSize, ResultDataSize) */
NTSTATUS nt_NtQueryLicenseValue(struct nt_call *c)
{
	uint32_t room = (uint32_t)c->args[3], size;
	const struct license_value *v;
	uint8_t data[64];
	uint16_t *name;
	size_t n;
	NTSTATUS st;

	if (!c->args[0] || !c->args[4])
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = tracee_read_ustring(c->thread, c->args[0], &name, &n)) != LSW_STATUS_SUCCESS)
		return st;
	v = n ? find(name, n) : NULL;
	free(name);
	if (!n)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!v)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	size = value_data(v, data);
	if ((c->args[1] && tracee_write(c->thread, c->args[1], &v->type, 4) < 0) ||
	    tracee_write(c->thread, c->args[4], &size, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (room < size)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	return tracee_write(c->thread, c->args[2], data, size) < 0 ? LSW_STATUS_ACCESS_VIOLATION
								    : LSW_STATUS_SUCCESS;
}
