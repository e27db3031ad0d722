/*
 * SystemCurrentTimeZoneInformation and SystemDynamicTimeZoneInformation:
 * the sandbox's zone, which is UTC (the host's is not shown).  The names
 * are indirect strings into tzres.dll, as Windows 10 gives them, from the
 * zone table the registry's Time Zones keys come from.
 */
#include <stdio.h>
#include <string.h>
#include "emul/system/sysinfo.h"

/* RTL_TIME_ZONE_INFORMATION: Bias, StandardName[32]@4, StandardStart@68,
 * StandardBias@84, DaylightName[32]@88, DaylightStart@152,
 * DaylightBias@168; the dynamic form adds TimeZoneKeyName[128]@172 and
 * DynamicDaylightTimeDisabled@428. */
#define STANDARD_NAME 4
#define DAYLIGHT_NAME 88
#define KEY_NAME 172

static unsigned utc_strings_id(void)
{
	static const struct { unsigned id; const char *key; } zones[] = {
#define TIME_ZONE(id, key, ...) { id, key },
#define TIME_ZONE_YEAR(...)
#include "lsw/time_zones.def"
#undef TIME_ZONE
#undef TIME_ZONE_YEAR
	};

	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (!strcmp(zones[i].key, "UTC"))
			return zones[i].id;
	return 0;
}

static void put_text(uint8_t *out, size_t at, const char *s)
{
	for (size_t i = 0; s[i]; i++)
		out[at + 2 * i] = (uint8_t)s[i]; /* ASCII: the high bytes stay 0 */
}

void sysinfo_time_zone(void *out)
{
	unsigned id = utc_strings_id();
	char name[32];

	snprintf(name, sizeof(name), "@tzres.dll,-%u", id + 2);
	put_text(out, STANDARD_NAME, name);
	snprintf(name, sizeof(name), "@tzres.dll,-%u", id + 1);
	put_text(out, DAYLIGHT_NAME, name);
}

void sysinfo_dynamic_time_zone(void *out)
{
	sysinfo_time_zone(out);
	put_text(out, KEY_NAME, "UTC");
}
