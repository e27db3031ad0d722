/* kernel32's calendar facts (calendar_info.c), shared with the enumerators
 * (calendar_enum.c). */
#ifndef LSW_K32_CALENDAR_H
#define LSW_K32_CALENDAR_H

#include "k32_nls.h"

/* TRUE when the locale uses calendar `cal`. */
BOOL k32_calendar_supported(const struct k32_locale *loc, CALID cal);
/* GetCalendarInfoW's work for a resolved locale. */
int k32_get_calendar_info(const struct k32_locale *loc, CALID cal, CALTYPE type, WCHAR *buf,
			  int size, DWORD *value);

#endif
