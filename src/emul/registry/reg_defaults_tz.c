/*
 * HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones as .reg text,
 * from include/lsw/time_zones.def: one key per zone with the values Windows
 * keeps there (Display, Std, Dlt, their MUI_* forms naming tzres.dll's
 * strings, and TZI: the zone's REG_TZI_FORMAT) and, for a zone whose rules
 * changed over the years, its Dynamic DST key (a TZI for each year).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_store.h"

/* REG_TZI_FORMAT's fields; a rule is month, day of week, week, hour,
 * minute, second, milliseconds (SYSTEMTIME less its year). */
struct tzi {
	int32_t bias, std_bias, dlt_bias;
	uint16_t std_rule[7], dlt_rule[7];
};

struct zone {
	unsigned id;
	const char *key, *display, *std, *dlt;
	struct tzi tzi;
};

/* A year of a zone's Dynamic DST key. */
struct zone_year {
	const char *key;
	unsigned year;
	struct tzi tzi;
};

#define RULES(b, sb, db, sm, sd, sw, sh, smin, ss, sms, dm, dd, dw, dh, dmin, ds, dms) \
	{ b, sb, db, { sm, sd, sw, sh, smin, ss, sms }, { dm, dd, dw, dh, dmin, ds, dms } }

static const struct zone zones[] = {
#define TIME_ZONE(id, key, display, std, dlt, ...) \
	{ id, key, display, std, dlt, RULES(__VA_ARGS__) },
#define TIME_ZONE_YEAR(...)
#include "lsw/time_zones.def"
#undef TIME_ZONE
#undef TIME_ZONE_YEAR
};

static const struct zone_year years[] = {
#define TIME_ZONE(...)
#define TIME_ZONE_YEAR(key, year, ...) { key, year, RULES(__VA_ARGS__) },
#include "lsw/time_zones.def"
#undef TIME_ZONE
#undef TIME_ZONE_YEAR
};

#define TZ_ROOT "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones"

/* REG_TZI_FORMAT as hex: Bias, StandardBias, DaylightBias, StandardDate
 * and DaylightDate (SYSTEMTIMEs with year 0). */
static void put_tzi(FILE *f, const char *name, const struct tzi *t)
{
	int32_t biases[3] = { t->bias, t->std_bias, t->dlt_bias };
	const uint16_t *rules[2] = { t->std_rule, t->dlt_rule };
	uint8_t out[44] = { 0 };

	memcpy(out, biases, 12);
	for (int r = 0; r < 2; r++)
		memcpy(out + 12 + 16 * r + 2, rules[r], 14);
	fprintf(f, "\"%s\"=hex:", name);
	for (size_t i = 0; i < sizeof(out); i++)
		fprintf(f, "%s%02x", i ? "," : "", out[i]);
	fputs("\n", f);
}

/* s as a .reg string's contents (\ and " escaped) */
static void put_string(FILE *f, const char *name, const char *s)
{
	fprintf(f, "\"%s\"=\"", name);
	for (; *s; s++)
		fprintf(f, *s == '\\' || *s == '"' ? "\\%c" : "%c", *s);
	fputs("\"\n", f);
}

/* The zone's Dynamic DST key, when it has years of other rules. */
static void put_years(FILE *f, const struct zone *z)
{
	size_t first = SIZE_MAX, last = 0;

	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++)
		if (!strcmp(years[i].key, z->key)) {
			first = first == SIZE_MAX ? i : first;
			last = i;
		}
	if (first == SIZE_MAX)
		return;
	fprintf(f, "\n" TZ_ROOT "\\%s\\Dynamic DST]\n", z->key);
	fprintf(f, "\"FirstEntry\"=dword:%08x\n", years[first].year);
	fprintf(f, "\"LastEntry\"=dword:%08x\n", years[last].year);
	for (size_t i = first; i <= last; i++) {
		char name[16];

		snprintf(name, sizeof(name), "%u", years[i].year);
		put_tzi(f, name, &years[i].tzi);
	}
}

static void put_zone(FILE *f, const struct zone *z)
{
	fprintf(f, "\n" TZ_ROOT "\\%s]\n", z->key);
	put_string(f, "Display", z->display);
	put_string(f, "Dlt", z->dlt);
	put_string(f, "Std", z->std);
	fprintf(f, "\"MUI_Display\"=\"@tzres.dll,-%u\"\n", z->id);
	fprintf(f, "\"MUI_Dlt\"=\"@tzres.dll,-%u\"\n", z->id + 1);
	fprintf(f, "\"MUI_Std\"=\"@tzres.dll,-%u\"\n", z->id + 2);
	put_tzi(f, "TZI", &z->tzi);
	put_years(f, z);
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
