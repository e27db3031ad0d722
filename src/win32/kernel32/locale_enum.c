/*
 * Enumerating locales and language groups.  A locale's language group is
 * the one of its ANSI code page (or, for the Unicode-only ones, of its
 * script), as Windows groups them.
 */
#include "k32_nls.h"

static const struct {
	LGRPID id;
	UINT cp;
	const WCHAR *script; /* for locales without an ANSI code page */
	const WCHAR *name;
} language_groups[] = {
	{ LGRPID_WESTERN_EUROPE, 1252, NULL, L"Western Europe and United States" },
	{ LGRPID_CENTRAL_EUROPE, 1250, NULL, L"Central Europe" },
	{ LGRPID_BALTIC, 1257, NULL, L"Baltic" },
	{ LGRPID_GREEK, 1253, NULL, L"Greek" },
	{ LGRPID_CYRILLIC, 1251, NULL, L"Cyrillic" },
	{ LGRPID_TURKIC, 1254, NULL, L"Turkic" },
	{ LGRPID_JAPANESE, 932, NULL, L"Japanese" },
	{ LGRPID_KOREAN, 949, NULL, L"Korean" },
	{ LGRPID_TRADITIONAL_CHINESE, 950, NULL, L"Traditional Chinese" },
	{ LGRPID_SIMPLIFIED_CHINESE, 936, NULL, L"Simplified Chinese" },
	{ LGRPID_THAI, 874, NULL, L"Thai" },
	{ LGRPID_HEBREW, 1255, NULL, L"Hebrew" },
	{ LGRPID_ARABIC, 1256, NULL, L"Arabic" },
	{ LGRPID_VIETNAMESE, 1258, NULL, L"Vietnamese" },
	{ LGRPID_INDIC, 0, L"Deva;", L"Indic" },
	{ LGRPID_GEORGIAN, 0, L"Geor;", L"Georgian" },
	{ LGRPID_ARMENIAN, 0, L"Armn;", L"Armenian" },
};

static LGRPID language_group(const struct k32_locale *loc)
{
	UINT cp = k32_locale_number(loc, LF_ANSI);
	const WCHAR *scripts = k32_locale_field(loc, LF_SCRIPTS);
	int i;

	for (i = 0; i < (int)ARRAYSIZE(language_groups); i++) {
		if (cp ? language_groups[i].cp == cp
		       : language_groups[i].script && !wcscmp(language_groups[i].script, scripts))
			return language_groups[i].id;
	}
	return LGRPID_WESTERN_EUROPE;
}

/* LCID as Windows prints it for the enumerations: 8 hex digits. */
static void lcid_text(LCID lcid, WCHAR w[9], char a[9])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 8; i++)
		a[i] = hex[(lcid >> (28 - 4 * i)) & 15], w[i] = (WCHAR)a[i];
	a[8] = 0;
	w[8] = 0;
}

/* Specific locales (or only the sort variants); stops when proc says so. */
static BOOL enum_lcids(LOCALE_ENUMPROCW procw, LOCALE_ENUMPROCA proca, DWORD flags)
{
	BOOL sorts = (flags & LCID_ALTERNATE_SORTS) != 0;
	int i;

	if (!procw && !proca)
		return k32_error(ERROR_INVALID_PARAMETER);
	for (i = 0; i < nls_locale_count(); i++) {
		const struct nls_locale_name *e = nls_locale_at(i);
		WCHAR w[9];
		char a[9];
		if (e->kind == NLS_LOCALE_NEUTRAL || !*e->name ||
		    sorts != (e->kind == NLS_LOCALE_ALIAS && SORTIDFROMLCID(e->lcid)))
			continue;
		lcid_text(e->lcid, w, a);
		if (procw ? !procw(w) : !proca(a))
			break;
	}
	return TRUE;
}

K32API BOOL WINAPI EnumSystemLocalesW(LOCALE_ENUMPROCW proc, DWORD flags)
{
	return enum_lcids(proc, NULL, flags);
}

K32API BOOL WINAPI EnumSystemLocalesA(LOCALE_ENUMPROCA proc, DWORD flags)
{
	return enum_lcids(NULL, proc, flags);
}

/* The callback's flags: LOCALE_WINDOWS plus neutral or specific data. */
K32API BOOL WINAPI EnumSystemLocalesEx(LOCALE_ENUMPROCEX proc, DWORD flags, LPARAM param,
				       LPVOID reserved)
{
	int i;

	if (!proc || reserved)
		return k32_error(ERROR_INVALID_PARAMETER);
	for (i = 0; i < nls_locale_count(); i++) {
		const struct nls_locale_name *e = nls_locale_at(i);
		DWORD kind = e->kind == NLS_LOCALE_NEUTRAL ? LOCALE_NEUTRALDATA : LOCALE_SPECIFICDATA;
		if ((e->kind == NLS_LOCALE_ALIAS) != ((flags & LOCALE_ALTERNATE_SORTS) != 0))
			continue;
		if ((flags & (LOCALE_NEUTRALDATA | LOCALE_SPECIFICDATA)) &&
		    !(flags & kind))
			continue;
		if (!proc((LPWSTR)e->name, LOCALE_WINDOWS | kind, param))
			break;
	}
	return TRUE;
}

K32API BOOL WINAPI IsValidLanguageGroup(LGRPID id, DWORD flags)
{
	if (flags != LGRPID_INSTALLED && flags != LGRPID_SUPPORTED)
		return FALSE;
	return id >= LGRPID_WESTERN_EUROPE && id <= LGRPID_ARMENIAN;
}

typedef BOOL(CALLBACK *group_proc_w)(LGRPID, LPWSTR, LPWSTR, DWORD, LONG_PTR);
typedef BOOL(CALLBACK *group_proc_a)(LGRPID, LPSTR, LPSTR, DWORD, LONG_PTR);

static BOOL enum_groups(group_proc_w procw, group_proc_a proca, DWORD flags, LONG_PTR param)
{
	int i, j;

	if (!procw && !proca)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!flags)
		flags = LGRPID_INSTALLED;
	if (flags != LGRPID_INSTALLED && flags != LGRPID_SUPPORTED)
		return k32_error(ERROR_INVALID_FLAGS);
	for (i = 0; i < (int)ARRAYSIZE(language_groups); i++) {
		WCHAR num[12], *name = (WCHAR *)language_groups[i].name;
		char numa[12], namea[64];
		k32_utow(language_groups[i].id, num);
		for (j = 0; j < 12; j++)
			numa[j] = (char)num[j];
		for (j = 0; j < 63 && name[j]; j++)
			namea[j] = (char)name[j];
		namea[j] = 0;
		if (procw ? !procw(language_groups[i].id, num, name, flags, param)
			  : !proca(language_groups[i].id, numa, namea, flags, param))
			break;
	}
	return TRUE;
}

K32API BOOL WINAPI EnumSystemLanguageGroupsW(LANGUAGEGROUP_ENUMPROCW proc, DWORD flags,
					     LONG_PTR param)
{
	return enum_groups((group_proc_w)proc, NULL, flags, param);
}

K32API BOOL WINAPI EnumSystemLanguageGroupsA(LANGUAGEGROUP_ENUMPROCA proc, DWORD flags,
					     LONG_PTR param)
{
	return enum_groups(NULL, (group_proc_a)proc, flags, param);
}

typedef BOOL(CALLBACK *group_locale_w)(LGRPID, LCID, LPWSTR, LONG_PTR);
typedef BOOL(CALLBACK *group_locale_a)(LGRPID, LCID, LPSTR, LONG_PTR);

static BOOL enum_group_locales(group_locale_w procw, group_locale_a proca, LGRPID id,
			       DWORD flags, LONG_PTR param)
{
	int i;

	if ((!procw && !proca) || flags || id < LGRPID_WESTERN_EUROPE || id > LGRPID_ARMENIAN)
		return k32_error(ERROR_INVALID_PARAMETER);
	for (i = 0; i < nls_locale_count(); i++) {
		const struct nls_locale_name *e = nls_locale_at(i);
		struct k32_locale loc = { e, e->record };
		WCHAR w[9];
		char a[9];
		if (e->kind != NLS_LOCALE_SPECIFIC || !*e->name || language_group(&loc) != id)
			continue;
		lcid_text(e->lcid, w, a);
		if (procw ? !procw(id, e->lcid, w, param) : !proca(id, e->lcid, a, param))
			break;
	}
	return TRUE;
}

K32API BOOL WINAPI EnumLanguageGroupLocalesW(LANGGROUPLOCALE_ENUMPROCW proc, LGRPID id,
					     DWORD flags, LONG_PTR param)
{
	return enum_group_locales((group_locale_w)proc, NULL, id, flags, param);
}

K32API BOOL WINAPI EnumLanguageGroupLocalesA(LANGGROUPLOCALE_ENUMPROCA proc, LGRPID id,
					     DWORD flags, LONG_PTR param)
{
	return enum_group_locales(NULL, (group_locale_a)proc, id, flags, param);
}
