/*
 * HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones, built in
 * memory as volatile keys each time a prefix's registry opens (never stored:
 * parsing them from system.reg cost every standalone run about 3 ms), from
 * include/lsw/time_zones.def: one key per zone with the values Windows
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

/* REG_TZI_FORMAT: Bias, StandardBias, DaylightBias, StandardDate and
 * DaylightDate (SYSTEMTIMEs with year 0). */
static void tzi_bytes(const struct tzi *t, uint8_t out[44])
{
	int32_t biases[3] = { t->bias, t->std_bias, t->dlt_bias };
	const uint16_t *rules[2] = { t->std_rule, t->dlt_rule };

	memset(out, 0, 44);
	memcpy(out, biases, 12);
	for (int r = 0; r < 2; r++)
		memcpy(out + 12 + 16 * r + 2, rules[r], 14);
}

/* The table is ASCII (tools/gen_time_zones.py writes it so): widened on
 * the stack, as this runs at every start and mallocs showed in it. */
#define TZ_TEXT_MAX 256

static size_t widen(const char *s, uint16_t *out)
{
	size_t n = 0;

	while (s[n] && n < TZ_TEXT_MAX - 1) {
		out[n] = (uint8_t)s[n];
		n++;
	}
	out[n] = 0;
	return n;
}

/* Subkey name of parent, made volatile when missing; NULL when it cannot
 * be made. */
static struct reg_key *volatile_child(struct reg_key *parent, const char *name)
{
	uint16_t w[TZ_TEXT_MAX];
	size_t n = widen(name, w);
	struct reg_key *k = reg_key_find(parent, w, n);

	if (!k && reg_key_create(parent, w, n, true, NULL, 0, &k) != LSW_STATUS_SUCCESS)
		k = NULL;
	return k;
}

static int set_value(struct reg_key *k, const char *name, uint32_t type, const void *data,
		     uint32_t size)
{
	uint16_t w[TZ_TEXT_MAX];
	size_t n = widen(name, w);

	return reg_value_set(k, w, n, type, data, size) == LSW_STATUS_SUCCESS ? 0 : -1;
}

static int set_string(struct reg_key *k, const char *name, const char *text)
{
	uint16_t w[TZ_TEXT_MAX];
	size_t n = widen(text, w);

	return set_value(k, name, REG_SZ, w, (uint32_t)((n + 1) * 2));
}

static int set_tzi(struct reg_key *k, const char *name, const struct tzi *t)
{
	uint8_t b[44];

	tzi_bytes(t, b);
	return set_value(k, name, REG_BINARY, b, sizeof(b));
}

/* The zone's Dynamic DST key, when it has years of other rules. */
static int add_years(struct reg_key *zone_key, const struct zone *z)
{
	size_t first = SIZE_MAX, last = 0;
	struct reg_key *k;
	uint32_t y;

	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++)
		if (!strcmp(years[i].key, z->key)) {
			first = first == SIZE_MAX ? i : first;
			last = i;
		}
	if (first == SIZE_MAX)
		return 0;
	if (!(k = volatile_child(zone_key, "Dynamic DST")))
		return -1;
	y = years[first].year;
	if (set_value(k, "FirstEntry", REG_DWORD, &y, 4) < 0)
		return -1;
	y = years[last].year;
	if (set_value(k, "LastEntry", REG_DWORD, &y, 4) < 0)
		return -1;
	for (size_t i = first; i <= last; i++) {
		char name[16];

		snprintf(name, sizeof(name), "%u", years[i].year);
		if (set_tzi(k, name, &years[i].tzi) < 0)
			return -1;
	}
	return 0;
}

static int add_zone(struct reg_key *root, const struct zone *z)
{
	struct reg_key *k = volatile_child(root, z->key);
	char mui[32];

	if (!k || set_string(k, "Display", z->display) < 0 || set_string(k, "Dlt", z->dlt) < 0 ||
	    set_string(k, "Std", z->std) < 0)
		return -1;
	snprintf(mui, sizeof(mui), "@tzres.dll,-%u", z->id);
	if (set_string(k, "MUI_Display", mui) < 0)
		return -1;
	snprintf(mui, sizeof(mui), "@tzres.dll,-%u", z->id + 1);
	if (set_string(k, "MUI_Dlt", mui) < 0)
		return -1;
	snprintf(mui, sizeof(mui), "@tzres.dll,-%u", z->id + 2);
	if (set_string(k, "MUI_Std", mui) < 0)
		return -1;
	return set_tzi(k, "TZI", &z->tzi) < 0 ? -1 : add_years(k, z);
}

int reg_time_zones_add(struct reg_key *hklm)
{
	static const char *const path[] = { "SOFTWARE", "Microsoft", "Windows NT",
					    "CurrentVersion" };
	struct reg_key *k = hklm;
	uint16_t w[TZ_TEXT_MAX];

	for (size_t i = 0; i < sizeof(path) / sizeof(path[0]) && k; i++)
		k = reg_key_find(k, w, widen(path[i], w));
	if (!k)
		return 0; /* a prefix without CurrentVersion: nothing to hang them on */
	if (reg_key_find(k, w, widen("Time Zones", w)))
		return 0; /* kept in this prefix's file (an older lsw wrote it) */
	if (!(k = volatile_child(k, "Time Zones")))
		return -1;
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (add_zone(k, &zones[i]) < 0)
			return -1;
	return 0;
}
