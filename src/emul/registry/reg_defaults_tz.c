/*
 * HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones as .reg text,
 * from include/lsw/time_zones.def: one key per zone with the values Windows
 * keeps there (Display, Std, Dlt, their MUI_* forms naming tzres.dll's
 * strings, and TZI: the zone's REG_TZI_FORMAT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_store.h"

struct zone {
	unsigned id;
	const char *key, *display, *std, *dlt;
	int32_t bias, std_bias, dlt_bias;
	uint16_t std_rule[5], dlt_rule[5]; /* month, day of week, week, hour, minute */
};

static const struct zone zones[] = {
#define TIME_ZONE(id, key, display, std, dlt, bias, sbias, dbias, sm, sd, sw, sh, smin, dm, dd, \
		  dw, dh, dmin) \
	{ id, key, display, std, dlt, bias, sbias, dbias, { sm, sd, sw, sh, smin }, \
	  { dm, dd, dw, dh, dmin } },
#include "lsw/time_zones.def"
#undef TIME_ZONE
};

#define TZ_ROOT "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones"

/* REG_TZI_FORMAT: Bias, StandardBias, DaylightBias, StandardDate and
 * DaylightDate (SYSTEMTIMEs: year 0, month, day of week, week, hour, minute). */
static size_t tzi_bytes(const struct zone *z, uint8_t out[44])
{
	int32_t biases[3] = { z->bias, z->std_bias, z->dlt_bias };
	const uint16_t *rules[2] = { z->std_rule, z->dlt_rule };

	memset(out, 0, 44);
	memcpy(out, biases, 12);
	for (int r = 0; r < 2; r++)
		for (int f = 0; f < 5; f++)
			memcpy(out + 12 + 16 * r + 2 * (f + 1), &rules[r][f], 2);
	return 44;
}

/* s as a .reg string's contents (\ and " escaped) */
static void put_string(FILE *f, const char *name, const char *s)
{
	fprintf(f, "\"%s\"=\"", name);
	for (; *s; s++)
		fprintf(f, *s == '\\' || *s == '"' ? "\\%c" : "%c", *s);
	fputs("\"\n", f);
}

static void put_zone(FILE *f, const struct zone *z)
{
	uint8_t tzi[44];
	size_t n = tzi_bytes(z, tzi);

	fprintf(f, "\n" TZ_ROOT "\\%s]\n", z->key);
	put_string(f, "Display", z->display);
	put_string(f, "Dlt", z->dlt);
	put_string(f, "Std", z->std);
	fprintf(f, "\"MUI_Display\"=\"@tzres.dll,-%u\"\n", z->id);
	fprintf(f, "\"MUI_Dlt\"=\"@tzres.dll,-%u\"\n", z->id + 1);
	fprintf(f, "\"MUI_Std\"=\"@tzres.dll,-%u\"\n", z->id + 2);
	fputs("\"TZI\"=hex:", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%02x", i ? "," : "", tzi[i]);
	fputs("\n", f);
}

char *reg_time_zones_text(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return NULL;
	fputs("Windows Registry Editor Version 5.00\n\n" TZ_ROOT "]\n", f);
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		put_zone(f, &zones[i]);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}
