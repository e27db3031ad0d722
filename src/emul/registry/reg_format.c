/*
 * Values as reg.exe prints them: type names (REG_SZ ..., 0x12345 for
 * others) and data (text up to its NUL, REG_MULTI_SZ items joined by \0,
 * numbers in hex, anything else as hex bytes).  Shared by `lsw reg query`
 * and `lsw diff`.
 */
#include <stdio.h>
#include <stdlib.h>
#include "emul/registry/reg_store.h"

const char *reg_type_name(uint32_t type, char *buf, size_t len)
{
	static const char *const names[] = {
		"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
		"REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST",
		"REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD",
	};

	if (type < sizeof(names) / sizeof(names[0]))
		return names[type];
	snprintf(buf, len, "0x%x", (unsigned)type);
	return buf;
}

/* UTF-16LE text of data up to the first NUL, as UTF-8. */
static void print_text(FILE *f, const uint8_t *d, size_t units)
{
	for (size_t i = 0; i < units; i++) {
		uint16_t c = (uint16_t)(d[2 * i] | d[2 * i + 1] << 8), u[2] = { c, 0 };
		size_t n = 1;
		char *s;

		if (!c)
			return;
		if (c >= 0xD800 && c < 0xDC00 && i + 1 < units) {
			u[1] = (uint16_t)(d[2 * i + 2] | d[2 * i + 3] << 8);
			if (u[1] >= 0xDC00 && u[1] < 0xE000)
				n = 2, i++;
		}
		s = reg_utf16_to_utf8(u, n, NULL);
		if (s)
			fputs(s, f);
		free(s);
	}
}

static void print_multi(FILE *f, const uint8_t *d, size_t units)
{
	size_t end = units, i = 0;
	bool first = true;

	while (end && !d[2 * end - 2] && !d[2 * end - 1])
		end--; /* the closing NULs */
	while (i < end) {
		size_t j = i;

		while (j < end && (d[2 * j] || d[2 * j + 1]))
			j++;
		if (!first)
			fputs("\\0", f);
		print_text(f, d + 2 * i, j - i);
		first = false;
		i = j + 1;
	}
}

void reg_format_data(FILE *f, const struct reg_value *v)
{
	const uint8_t *d = v->data;

	switch (v->type) {
	case REG_SZ:
	case REG_EXPAND_SZ:
		print_text(f, d, v->size / 2);
		return;
	case REG_MULTI_SZ:
		print_multi(f, d, v->size / 2);
		return;
	case REG_DWORD:
		if (v->size == 4) {
			fprintf(f, "0x%x", (unsigned)(d[0] | d[1] << 8 | d[2] << 16 | (uint32_t)d[3] << 24));
			return;
		}
		break;
	case REG_DWORD_BIG_ENDIAN:
		if (v->size == 4) {
			fprintf(f, "0x%x", (unsigned)((uint32_t)d[0] << 24 | d[1] << 16 | d[2] << 8 | d[3]));
			return;
		}
		break;
	case REG_QWORD:
		if (v->size == 8) {
			uint64_t q = 0;

			for (int i = 7; i >= 0; i--)
				q = q << 8 | d[i];
			fprintf(f, "0x%llx", (unsigned long long)q);
			return;
		}
		break;
	}
	for (uint32_t i = 0; i < v->size; i++)
		fprintf(f, "%02X", d[i]);
}
