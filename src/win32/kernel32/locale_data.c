/* The locale data table (generated from src/win32/nls/locales.txt) and
 * the fields that depend on how the locale was named. */
#include "k32_nls.h"
#include "nls/locale_table.h"

const WCHAR *k32_locale_field(const struct k32_locale *loc, enum locale_field f)
{
	BOOL neutral = loc->entry->kind == NLS_LOCALE_NEUTRAL;

	switch (f) {
	case LF_NAME:
		return loc->entry->name;
	case LF_PARENT:
		if (neutral)
			return L"";
		break;
	case LF_DISPLAY:
		if (neutral)
			f = LF_LANGUAGE;
		break;
	case LF_NATIVE_DISPLAY:
		if (neutral)
			f = LF_NATIVE_LANGUAGE;
		break;
	default:
		break;
	}
	return locale_strings + locale_fields[loc->record][f];
}

UINT k32_locale_number(const struct k32_locale *loc, enum locale_field f)
{
	const WCHAR *s = k32_locale_field(loc, f);
	UINT n = 0;

	while (*s >= '0' && *s <= '9')
		n = n * 10 + (*s++ - '0');
	return n;
}

UINT k32_locale_ansi_cp(const struct k32_locale *loc)
{
	UINT cp = k32_locale_number(loc, LF_ANSI);

	return cp ? cp : 1252;
}
