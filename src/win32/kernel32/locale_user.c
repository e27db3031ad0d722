/*
 * The user's overrides of locale values.  SetLocaleInfo writes one to
 * HKCU\Control Panel\International under Windows' value name, and
 * GetLocaleInfo reports it for the user's default locale unless asked
 * LOCALE_NOUSEROVERRIDE.  A process reads the key once, on first use; its
 * own SetLocaleInfo calls update that copy (Windows too caches the values
 * and refreshes them on a settings-change broadcast, which LSW lacks).
 * The values derived from a picture (LOCALE_IDATE from LOCALE_SSHORTDATE,
 * ...) are not updated with it.
 */
#include "k32_nls.h"
#include "k32_intl_reg.h"

#define VALUE_MAX K32_OVERRIDE_MAX /* WCHARs with the NUL */

/* The types SetLocaleInfo accepts, with their registry value names. */
static const struct { LCTYPE type; const WCHAR *name; } settable[] = {
	{ LOCALE_ICALENDARTYPE, L"iCalendarType" }, { LOCALE_ICURRDIGITS, L"iCurrDigits" },
	{ LOCALE_ICURRENCY, L"iCurrency" }, { LOCALE_IDIGITS, L"iDigits" },
	{ LOCALE_IDIGITSUBSTITUTION, L"NumShape" }, { LOCALE_IFIRSTDAYOFWEEK, L"iFirstDayOfWeek" },
	{ LOCALE_IFIRSTWEEKOFYEAR, L"iFirstWeekOfYear" }, { LOCALE_ILZERO, L"iLZero" },
	{ LOCALE_IMEASURE, L"iMeasure" }, { LOCALE_INEGCURR, L"iNegCurr" },
	{ LOCALE_INEGNUMBER, L"iNegNumber" }, { LOCALE_IPAPERSIZE, L"iPaperSize" },
	{ LOCALE_ITIME, L"iTime" }, { LOCALE_S1159, L"s1159" }, { LOCALE_S2359, L"s2359" },
	{ LOCALE_SCURRENCY, L"sCurrency" }, { LOCALE_SDATE, L"sDate" },
	{ LOCALE_SDECIMAL, L"sDecimal" }, { LOCALE_SGROUPING, L"sGrouping" },
	{ LOCALE_SLIST, L"sList" }, { LOCALE_SLONGDATE, L"sLongDate" },
	{ LOCALE_SMONDECIMALSEP, L"sMonDecimalSep" }, { LOCALE_SMONGROUPING, L"sMonGrouping" },
	{ LOCALE_SMONTHOUSANDSEP, L"sMonThousandSep" }, { LOCALE_SNATIVEDIGITS, L"sNativeDigits" },
	{ LOCALE_SNEGATIVESIGN, L"sNegativeSign" }, { LOCALE_SPOSITIVESIGN, L"sPositiveSign" },
	{ LOCALE_SSHORTDATE, L"sShortDate" }, { LOCALE_SSHORTTIME, L"sShortTime" },
	{ LOCALE_STHOUSAND, L"sThousand" }, { LOCALE_STIME, L"sTime" },
	{ LOCALE_STIMEFORMAT, L"sTimeFormat" }, { LOCALE_SYEARMONTH, L"sYearMonth" },
};

static struct {
	SRWLOCK lock;
	BOOL loaded;
	BOOL set[ARRAYSIZE(settable)];
	WCHAR value[ARRAYSIZE(settable)][VALUE_MAX];
} overrides = { SRWLOCK_INIT, FALSE, { 0 }, { { 0 } } };

static int settable_index(LCTYPE type)
{
	int i;

	for (i = 0; i < (int)ARRAYSIZE(settable); i++)
		if (settable[i].type == type)
			return i;
	return -1;
}

/* Reads the key once (the caller holds the lock exclusively). */
static void load_overrides(void)
{
	HANDLE key = k32_intl_key(NULL, FALSE);
	int i;

	overrides.loaded = TRUE;
	if (!key)
		return;
	for (i = 0; i < (int)ARRAYSIZE(settable); i++)
		overrides.set[i] = k32_intl_get(key, settable[i].name, overrides.value[i], VALUE_MAX);
	NtClose(key);
}

BOOL k32_user_override(const struct k32_locale *loc, LCTYPE type, WCHAR out[VALUE_MAX])
{
	int i;
	BOOL found;

	if (loc->entry->kind == NLS_LOCALE_NEUTRAL || k32_locale_lcid(loc) != GetUserDefaultLCID())
		return FALSE;
	if ((i = settable_index(type)) < 0)
		return FALSE;
	RtlAcquireSRWLockExclusive(&overrides.lock);
	if (!overrides.loaded)
		load_overrides();
	if ((found = overrides.set[i]))
		memcpy(out, overrides.value[i], sizeof(overrides.value[i]));
	RtlReleaseSRWLockExclusive(&overrides.lock);
	return found;
}

/* The locale must be valid; the value always goes to the user's locale
 * (documented: the function changes the current user's settings). */
K32API BOOL WINAPI SetLocaleInfoW(LCID lcid, LCTYPE type, LPCWSTR data)
{
	struct k32_locale loc;
	HANDLE key;
	int i;
	BOOL ok;

	if (!data || !k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((i = settable_index(type & ~LOCALE_USE_CP_ACP)) < 0)
		return k32_error(ERROR_INVALID_FLAGS);
	if (wcslen(data) >= VALUE_MAX)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(key = k32_intl_key(NULL, TRUE)))
		return k32_error(ERROR_ACCESS_DENIED);
	ok = k32_reg_set_sz(key, settable[i].name, data);
	NtClose(key);
	if (!ok)
		return FALSE;
	RtlAcquireSRWLockExclusive(&overrides.lock);
	if (!overrides.loaded)
		load_overrides();
	wcscpy(overrides.value[i], data);
	overrides.set[i] = TRUE;
	RtlReleaseSRWLockExclusive(&overrides.lock);
	return TRUE;
}

K32API BOOL WINAPI SetLocaleInfoA(LCID lcid, LCTYPE type, LPCSTR data)
{
	struct k32_locale loc;
	WCHAR *w;
	BOOL ok;

	if (!data || !k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	w = k32_a_arg((type & LOCALE_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(&loc), data, -1,
		      NULL);
	if (!w)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = SetLocaleInfoW(lcid, type, w);
	k32_free(w);
	return ok;
}
