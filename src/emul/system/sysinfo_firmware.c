/*
 * SystemFirmwareTableInformation: the firmware tables a program may read
 * (GetSystemFirmwareTable).  The sandbox shows no host firmware: its one
 * provider is 'RSMB', a small SMBIOS 3.0 table of its own that names the
 * machine as LSW's (BIOS, system, end of table); other providers are
 * STATUS_NOT_IMPLEMENTED, as on a machine without them.
 */
#include <string.h>
#include "emul/system/sysinfo.h"

#define HEADER_SIZE 16 /* SYSTEM_FIRMWARE_TABLE_INFORMATION up to TableBuffer */
#define PROVIDER_RSMB 0x52534D42u
#define ACTION_ENUMERATE 0
#define ACTION_GET 1
#define SMBIOS_MAX 512

/* One SMBIOS structure: its formatted part, then its strings. */
static size_t add_structure(uint8_t *b, const uint8_t *formatted, size_t len,
			    const char *const *strings, size_t nstrings)
{
	size_t off = len;

	memcpy(b, formatted, len);
	for (size_t i = 0; i < nstrings; i++) {
		size_t n = strlen(strings[i]) + 1;

		memcpy(b + off, strings[i], n);
		off += n;
	}
	if (!nstrings)
		b[off++] = 0;
	b[off++] = 0;
	return off;
}

/* RawSMBIOSData: version 3.0, then the structures; its size. */
static size_t smbios_table(uint8_t *b)
{
	static const uint8_t bios[0x18] = {
		0, 0x18, 0, 0,                 /* type 0, length, handle */
		1, 2, 0x00, 0xE8, 3, 0,        /* vendor, version, segment, date, ROM size */
		0x08, 0, 0, 0, 0, 0, 0, 0,     /* characteristics: not supported */
		0, 0, 1, 0, 0xFF, 0xFF,        /* extension bytes, release 1.0, no EC */
	};
	static const uint8_t system[0x1B] = {
		1, 0x1B, 1, 0,                 /* type 1, length, handle */
		1, 2, 3, 4,                    /* manufacturer, product, version, serial */
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* UUID: none */
		6, 0, 0,                       /* woken by the power switch; no SKU, family */
	};
	static const uint8_t end[4] = { 127, 4, 2, 0 };
	static const char *const bios_strings[] = { "LSW", "1.0", "01/01/2026" };
	static const char *const system_strings[] = { "LSW", "LSW sandbox", "1.0", "0" };
	uint8_t *t = b + 8;
	uint32_t len = 0;

	len += (uint32_t)add_structure(t + len, bios, sizeof(bios), bios_strings, 3);
	len += (uint32_t)add_structure(t + len, system, sizeof(system), system_strings, 4);
	len += (uint32_t)add_structure(t + len, end, sizeof(end), NULL, 0);
	memset(b, 0, 8);
	b[1] = 3;                              /* SMBIOSMajorVersion */
	memcpy(b + 4, &len, 4);
	return 8 + len;
}

/* args: class, SYSTEM_FIRMWARE_TABLE_INFORMATION *, length, *ReturnLength.
 * The table's length is told in TableBufferLength and ReturnLength. */
NTSTATUS sysinfo_firmware_table(struct nt_call *c)
{
	uint8_t buf[HEADER_SIZE + SMBIOS_MAX] = { 0 };
	uint32_t want = (uint32_t)c->args[2], provider_action[2], size, need = HEADER_SIZE;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (want >= HEADER_SIZE) {
		if (tracee_read(c->thread, c->args[1], provider_action, 8) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if (provider_action[0] != PROVIDER_RSMB || provider_action[1] > ACTION_GET)
			need = 0, st = LSW_STATUS_NOT_IMPLEMENTED;
	} else {
		st = LSW_STATUS_INFO_LENGTH_MISMATCH;
	}
	if (st == LSW_STATUS_SUCCESS) {
		/* enumerating lists the one table's id, 0 */
		size = provider_action[1] == ACTION_GET ? (uint32_t)smbios_table(buf + HEADER_SIZE)
							: 4;
		need = HEADER_SIZE + size;
		memcpy(buf + 12, &size, 4);
		if (want < need) {
			st = LSW_STATUS_BUFFER_TOO_SMALL;
			if (tracee_write(c->thread, c->args[1] + 12, &size, 4) < 0)
				st = LSW_STATUS_ACCESS_VIOLATION;
		} else if (tracee_write(c->thread, c->args[1] + 12, buf + 12, need - 12) < 0) {
			st = LSW_STATUS_ACCESS_VIOLATION;
		}
	}
	if (c->args[3] && tracee_write(c->thread, c->args[3], &need, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
