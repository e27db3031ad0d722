/* The time zones the registry describes (time_zone_registry.c). */
#ifndef LSW_K32_TIME_ZONE_H
#define LSW_K32_TIME_ZONE_H

/* Zone (a Time Zones key name) in year as a TIME_ZONE_INFORMATION; FALSE
 * with ERROR_FILE_NOT_FOUND when there is no such zone. */
BOOL k32_registry_time_zone(const WCHAR *zone, USHORT year, TIME_ZONE_INFORMATION *tzi);

#endif
