/*
 * Resolving the locale an NLS call names: LCIDs (with the special values
 * LOCALE_USER_DEFAULT, LOCALE_SYSTEM_DEFAULT...) and names (with
 * LOCALE_NAME_USER_DEFAULT and LOCALE_NAME_SYSTEM_DEFAULT).  The user,
 * system and UI locale is en-US; the thread locale lives in the TEB's
 * CurrentLocale field (+0x108 on x64) as on Windows, 0 meaning the default.
 */
#include "k32_nls.h"

#define TEB_CURRENT_LOCALE 0x108

static LCID *thread_locale_slot(void)
{
	return (LCID *)((BYTE *)lsw_teb() + TEB_CURRENT_LOCALE);
}

LCID k32_thread_lcid(void)
{
	LCID lcid = *thread_locale_slot();

	return lcid ? lcid : NLS_DEFAULT_LCID;
}

static void make_locale(const struct nls_locale_name *e, struct k32_locale *loc)
{
	loc->entry = e;
	loc->record = e->record;
}

BOOL k32_locale_from_lcid(LCID lcid, struct k32_locale *loc)
{
	const struct nls_locale_name *e;

	switch (lcid) {
	case LOCALE_NEUTRAL:
	case LOCALE_USER_DEFAULT:
	case LOCALE_CUSTOM_DEFAULT:
	case LOCALE_CUSTOM_UNSPECIFIED:
	case LOCALE_SYSTEM_DEFAULT:
	case LOCALE_CUSTOM_UI_DEFAULT:
		lcid = NLS_DEFAULT_LCID;
		break;
	}
	if (!(e = nls_locale_by_lcid(lcid))) {
		/* An unknown sublanguage of a known language is not a locale,
		 * but SUBLANG_DEFAULT (1) of a neutral one is its default. */
		if (SUBLANGID(LANGIDFROMLCID(lcid)) == SUBLANG_DEFAULT && !SORTIDFROMLCID(lcid))
			e = nls_locale_by_lcid(PRIMARYLANGID(LANGIDFROMLCID(lcid)));
		if (!e)
			return FALSE;
	}
	if (e->kind == NLS_LOCALE_NEUTRAL)
		e = nls_locale_specific(e);
	make_locale(e, loc);
	return TRUE;
}

BOOL k32_locale_from_name(const WCHAR *name, BOOL allow_neutral, struct k32_locale *loc)
{
	const struct nls_locale_name *e;

	if (!name || !wcscmp(name, LOCALE_NAME_SYSTEM_DEFAULT))
		return k32_locale_from_lcid(NLS_DEFAULT_LCID, loc);
	if (!(e = nls_locale_by_name(name)))
		return FALSE;
	if (e->kind == NLS_LOCALE_NEUTRAL && !allow_neutral)
		e = nls_locale_specific(e);
	make_locale(e, loc);
	return TRUE;
}

LCID k32_locale_lcid(const struct k32_locale *loc)
{
	if (loc->entry->kind == NLS_LOCALE_NEUTRAL)
		return nls_locale_specific(loc->entry)->lcid;
	return loc->entry->lcid;
}

K32API LCID WINAPI GetUserDefaultLCID(void) { return NLS_DEFAULT_LCID; }
K32API LCID WINAPI GetSystemDefaultLCID(void) { return NLS_DEFAULT_LCID; }
K32API LANGID WINAPI GetUserDefaultLangID(void) { return NLS_DEFAULT_LCID; }
K32API LANGID WINAPI GetSystemDefaultLangID(void) { return NLS_DEFAULT_LCID; }
K32API LANGID WINAPI GetUserDefaultUILanguage(void) { return NLS_DEFAULT_LCID; }
K32API LANGID WINAPI GetSystemDefaultUILanguage(void) { return NLS_DEFAULT_LCID; }

K32API LCID WINAPI GetThreadLocale(void)
{
	return k32_thread_lcid();
}

/* Any valid locale; LOCALE_SYSTEM_DEFAULT and LOCALE_USER_DEFAULT stand for
 * the defaults (documented). */
K32API BOOL WINAPI SetThreadLocale(LCID lcid)
{
	struct k32_locale loc;

	if (lcid == LOCALE_SYSTEM_DEFAULT || lcid == LOCALE_USER_DEFAULT)
		lcid = NLS_DEFAULT_LCID;
	if (!k32_locale_from_lcid(lcid, &loc) || lcid == LOCALE_NEUTRAL)
		return k32_error(ERROR_INVALID_PARAMETER);
	*thread_locale_slot() = lcid;
	return TRUE;
}

/* The special LCIDs are not locales themselves (Windows says FALSE). */
K32API BOOL WINAPI IsValidLocale(LCID lcid, DWORD flags)
{
	const struct nls_locale_name *e;

	switch (lcid) {
	case LOCALE_NEUTRAL:
	case LOCALE_USER_DEFAULT:
	case LOCALE_SYSTEM_DEFAULT:
	case LOCALE_CUSTOM_DEFAULT:
	case LOCALE_CUSTOM_UNSPECIFIED:
	case LOCALE_CUSTOM_UI_DEFAULT:
		return FALSE;
	}
	e = nls_locale_by_lcid(lcid);
	return e != NULL;
}

K32API BOOL WINAPI IsValidLocaleName(LPCWSTR name)
{
	return name && nls_locale_by_name(name) != NULL;
}

/* ConvertDefaultLocale: the special LCIDs become the default one, a neutral
 * LCID its default specific locale (documented); others are unchanged. */
K32API LCID WINAPI ConvertDefaultLocale(LCID lcid)
{
	const struct nls_locale_name *e;

	switch (lcid) {
	case LOCALE_SYSTEM_DEFAULT:
	case LOCALE_USER_DEFAULT:
	case LOCALE_NEUTRAL:
	case LOCALE_CUSTOM_DEFAULT:
	case LOCALE_CUSTOM_UNSPECIFIED:
	case LOCALE_CUSTOM_UI_DEFAULT:
		return NLS_DEFAULT_LCID;
	}
	e = nls_locale_by_lcid(lcid);
	if (e && e->kind == NLS_LOCALE_NEUTRAL)
		return nls_locale_specific(e)->lcid;
	return lcid;
}
