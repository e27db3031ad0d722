/*
 * GetCalendarInfoW/A/Ex: a calendar's facts for a locale.  Every locale
 * here uses only the Gregorian calendar (src/win32/nls/locales.txt), so a
 * value is either a fixed Gregorian fact (era, two-digit-year limit) or the
 * locale's own field (day and month names, date pictures), read through
 * GetLocaleInfo's table so both APIs report the same text.
 */
#include "k32_nls.h"
#include "k32_calendar.h"

#ifndef CAL_SENGLISHERANAME /* winnls.h has them for Windows 10 targets only */
#define CAL_SENGLISHERANAME 0x3b
#define CAL_SENGLISHABBREVERANAME 0x3c
#endif

#define CALTYPE_FLAGS (CAL_NOUSEROVERRIDE | CAL_USE_CP_ACP | CAL_RETURN_NUMBER | \
		       CAL_RETURN_GENITIVE_NAMES)

/* Gregorian facts that are no locale field (Windows 10's values). */
static const struct { CALTYPE type; const WCHAR *value; BOOL number; } fixed[] = {
	{ CAL_SCALNAME, L"Gregorian Calendar", FALSE },
	{ CAL_IYEAROFFSETRANGE, L"0", TRUE },
	{ CAL_SERASTRING, L"A.D.", FALSE },
	{ CAL_SABBREVERASTRING, L"AD", FALSE },
	{ CAL_SENGLISHERANAME, L"A.D.", FALSE },
	{ CAL_SENGLISHABBREVERANAME, L"AD", FALSE },
	{ CAL_ITWODIGITYEARMAX, L"2049", TRUE },
};

/* The LOCALE_* type that holds a CAL_* value, 0 if none does. */
static LCTYPE locale_type(CALTYPE t)
{
	static const struct { CALTYPE first; int count; LCTYPE lc; } lists[] = {
		{ CAL_SDAYNAME1, 7, LOCALE_SDAYNAME1 },
		{ CAL_SABBREVDAYNAME1, 7, LOCALE_SABBREVDAYNAME1 },
		{ CAL_SSHORTESTDAYNAME1, 7, LOCALE_SSHORTESTDAYNAME1 },
		{ CAL_SMONTHNAME1, 12, LOCALE_SMONTHNAME1 },
		{ CAL_SABBREVMONTHNAME1, 12, LOCALE_SABBREVMONTHNAME1 },
	};
	int i;

	for (i = 0; i < (int)ARRAYSIZE(lists); i++)
		if (t >= lists[i].first && t < lists[i].first + lists[i].count)
			return lists[i].lc + (t - lists[i].first);
	switch (t) {
	case CAL_SMONTHNAME13: return LOCALE_SMONTHNAME13;
	case CAL_SABBREVMONTHNAME13: return LOCALE_SABBREVMONTHNAME13;
	case CAL_SSHORTDATE: return LOCALE_SSHORTDATE;
	case CAL_SLONGDATE: return LOCALE_SLONGDATE;
	case CAL_SYEARMONTH: return LOCALE_SYEARMONTH;
	case CAL_SMONTHDAY: return LOCALE_SMONTHDAY;
	case CAL_SRELATIVELONGDATE: return LOCALE_SRELATIVELONGDATE;
	}
	return 0;
}

BOOL k32_calendar_supported(const struct k32_locale *loc, CALID cal)
{
	return cal == k32_locale_number(loc, LF_CALENDAR);
}

static int fixed_value(const struct k32_locale *loc, CALTYPE t, BOOL *number, WCHAR tmp[12],
		       const WCHAR **out)
{
	int i;

	if (t == CAL_ICALINTVALUE) {
		k32_utow(k32_locale_number(loc, LF_CALENDAR), tmp);
		*out = tmp;
		*number = TRUE;
		return TRUE;
	}
	for (i = 0; i < (int)ARRAYSIZE(fixed); i++) {
		if (fixed[i].type == t) {
			*out = fixed[i].value;
			*number = fixed[i].number;
			return TRUE;
		}
	}
	return FALSE;
}

static int copy_out(const WCHAR *v, WCHAR *buf, int size)
{
	int len = k32_wcslen(v) + 1;

	if (!size)
		return len;
	if (size < len)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(buf, v, (SIZE_T)len * sizeof(WCHAR));
	return len;
}

int k32_get_calendar_info(const struct k32_locale *loc, CALID cal, CALTYPE type, WCHAR *buf,
			  int size, DWORD *value)
{
	CALTYPE flags = type & CALTYPE_FLAGS, t = type & ~CALTYPE_FLAGS;
	const WCHAR *v;
	WCHAR tmp[12];
	BOOL number;
	LCTYPE lc;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_calendar_supported(loc, cal))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (fixed_value(loc, t, &number, tmp, &v)) {
		if (flags & CAL_RETURN_GENITIVE_NAMES)
			return k32_error(ERROR_INVALID_FLAGS);
		if (!(flags & CAL_RETURN_NUMBER))
			return copy_out(v, buf, size);
		if (!number)
			return k32_error(ERROR_INVALID_FLAGS);
		if (!value)
			return k32_error(ERROR_INVALID_PARAMETER);
		for (*value = 0; *v >= '0' && *v <= '9'; v++)
			*value = *value * 10 + (DWORD)(*v - '0');
		return sizeof(DWORD) / sizeof(WCHAR);
	}
	if (!(lc = locale_type(t)) || (flags & CAL_RETURN_NUMBER))
		return k32_error(ERROR_INVALID_FLAGS);
	return k32_get_locale_info(loc, lc | (flags & ~CAL_USE_CP_ACP), buf, size);
}

K32API int WINAPI GetCalendarInfoW(LCID lcid, CALID cal, CALTYPE type, LPWSTR buf, int size,
				   LPDWORD value)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return k32_get_calendar_info(&loc, cal, type, buf, size, value);
}

K32API int WINAPI GetCalendarInfoEx(LPCWSTR name, CALID cal, LPCWSTR reserved, CALTYPE type,
				    LPWSTR buf, int size, LPDWORD value)
{
	struct k32_locale loc;

	(void)reserved;
	if (!k32_locale_from_name(name, FALSE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return k32_get_calendar_info(&loc, cal, type, buf, size, value);
}

/* The A form converts with the locale's ANSI code page (CAL_USE_CP_ACP:
 * the process one); a number is 4 bytes. */
K32API int WINAPI GetCalendarInfoA(LCID lcid, CALID cal, CALTYPE type, LPSTR buf, int size,
				   LPDWORD value)
{
	struct k32_locale loc;
	WCHAR w[128];
	int n;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(n = k32_get_calendar_info(&loc, cal, type, w, ARRAYSIZE(w), value)))
		return 0;
	if (type & CAL_RETURN_NUMBER)
		return sizeof(DWORD);
	return k32_w_result_to_a((type & CAL_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(&loc), w, n,
				 buf, size);
}
