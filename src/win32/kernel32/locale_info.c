/*
 * GetLocaleInfoW/A/Ex: one table maps each LCTYPE to a field of the locale
 * data (src/win32/nls/locales.txt) and says how it is returned.
 */
#include "k32_nls.h"

enum lctype_kind {
	T_STR,     /* the field's text */
	T_NUM,     /* a decimal number (LOCALE_RETURN_NUMBER allowed) */
	T_LANGID,  /* the language ID in hex, "0409"; field 1: the default one */
	T_EMPTY,   /* always "" (the 13th month of the Gregorian calendar) */
	T_ZERO,    /* always "0" */
	T_MONTH,   /* a month name: genitive with LOCALE_RETURN_GENITIVE_NAMES */
	T_NEUTRAL, /* "1" for a neutral locale */
	T_FIRST,   /* first letter of the field (LOCALE_SSHORTESTAM) */
	T_FONTSIG, /* LOCALESIGNATURE, binary */
};

struct lctype_info {
	LCTYPE type;
	unsigned short field;
	unsigned short kind;
};

#define S(t, f) { t, LF_##f, T_STR }
#define N(t, f) { t, LF_##f, T_NUM }
static const struct lctype_info lctypes[] = {
	{ LOCALE_ILANGUAGE, 0, T_LANGID }, { LOCALE_IDEFAULTLANGUAGE, 1, T_LANGID },
	S(LOCALE_SLOCALIZEDDISPLAYNAME, DISPLAY), S(LOCALE_SENGLISHDISPLAYNAME, DISPLAY),
	S(LOCALE_SNATIVEDISPLAYNAME, NATIVE_DISPLAY), S(LOCALE_SLOCALIZEDLANGUAGENAME, LANGUAGE),
	S(LOCALE_SENGLISHLANGUAGENAME, LANGUAGE), S(LOCALE_SNATIVELANGUAGENAME, NATIVE_LANGUAGE),
	S(LOCALE_SLOCALIZEDCOUNTRYNAME, COUNTRY), S(LOCALE_SENGLISHCOUNTRYNAME, COUNTRY),
	S(LOCALE_SNATIVECOUNTRYNAME, NATIVE_COUNTRY), S(LOCALE_SABBREVLANGNAME, ABBREV_LANG),
	S(LOCALE_SABBREVCTRYNAME, ABBREV_CTRY), N(LOCALE_ICOUNTRY, PHONE),
	N(LOCALE_IDEFAULTCOUNTRY, PHONE), N(LOCALE_IGEOID, GEOID),
	N(LOCALE_IDEFAULTCODEPAGE, OEM), N(LOCALE_IDEFAULTANSICODEPAGE, ANSI),
	N(LOCALE_IDEFAULTMACCODEPAGE, MAC), { LOCALE_IDEFAULTEBCDICCODEPAGE, LF_EBCDIC, T_NUM },
	S(LOCALE_SLIST, LIST), N(LOCALE_IMEASURE, MEASURE), S(LOCALE_SDECIMAL, DECIMAL),
	S(LOCALE_STHOUSAND, THOUSAND), S(LOCALE_SGROUPING, GROUPING), N(LOCALE_IDIGITS, DIGITS),
	N(LOCALE_ILZERO, LZERO), N(LOCALE_INEGNUMBER, NEGNUMBER),
	S(LOCALE_SNATIVEDIGITS, NATIVE_DIGITS), S(LOCALE_SCURRENCY, CURRENCY),
	S(LOCALE_SINTLSYMBOL, INTL_CURRENCY), S(LOCALE_SMONDECIMALSEP, MON_DECIMAL),
	S(LOCALE_SMONTHOUSANDSEP, MON_THOUSAND), S(LOCALE_SMONGROUPING, MON_GROUPING),
	N(LOCALE_ICURRDIGITS, CURR_DIGITS), N(LOCALE_IINTLCURRDIGITS, CURR_DIGITS),
	N(LOCALE_ICURRENCY, ICURRENCY), N(LOCALE_INEGCURR, NEGCURR), S(LOCALE_SDATE, SDATE),
	S(LOCALE_STIME, STIME), S(LOCALE_SSHORTDATE, SHORT_DATE), S(LOCALE_SLONGDATE, LONG_DATE),
	S(LOCALE_STIMEFORMAT, TIME_FORMAT), S(LOCALE_S1159, AM), S(LOCALE_S2359, PM),
	N(LOCALE_IDATE, IDATE), N(LOCALE_ILDATE, ILDATE), N(LOCALE_ITIME, ITIME),
	N(LOCALE_ITIMEMARKPOSN, ITIMEMARKPOSN), N(LOCALE_ICENTURY, ICENTURY),
	N(LOCALE_ITLZERO, ITLZERO), N(LOCALE_IDAYLZERO, IDAYLZERO), N(LOCALE_IMONLZERO, IMONLZERO),
	N(LOCALE_ICALENDARTYPE, CALENDAR), { LOCALE_IOPTIONALCALENDAR, 0, T_ZERO },
	N(LOCALE_IFIRSTDAYOFWEEK, FIRST_DAY), N(LOCALE_IFIRSTWEEKOFYEAR, FIRST_WEEK),
	{ LOCALE_SMONTHNAME13, 0, T_EMPTY }, { LOCALE_SABBREVMONTHNAME13, 0, T_EMPTY },
	S(LOCALE_SPOSITIVESIGN, POSITIVE), S(LOCALE_SNEGATIVESIGN, NEGATIVE),
	N(LOCALE_IPOSSIGNPOSN, IPOSSSIGNPOSN), N(LOCALE_INEGSIGNPOSN, INEGSIGNPOSN),
	N(LOCALE_IPOSSYMPRECEDES, IPOSSYMPRECEDES), N(LOCALE_IPOSSEPBYSPACE, IPOSSSEPBYSPACE),
	N(LOCALE_INEGSYMPRECEDES, INEGSYMPRECEDES), N(LOCALE_INEGSEPBYSPACE, INEGSEPBYSPACE),
	{ LOCALE_FONTSIGNATURE, 0, T_FONTSIG }, S(LOCALE_SISO639LANGNAME, ISO639),
	S(LOCALE_SISO3166CTRYNAME, ISO3166), N(LOCALE_IPAPERSIZE, PAPER),
	S(LOCALE_SENGCURRNAME, CURRENCY_ENGLISH), S(LOCALE_SNATIVECURRNAME, CURRENCY_NATIVE),
	S(LOCALE_SYEARMONTH, YEAR_MONTH), S(LOCALE_SSORTNAME, SORT_NAME),
	N(LOCALE_IDIGITSUBSTITUTION, DIGIT_SUBST), S(LOCALE_SNAME, NAME),
	S(LOCALE_SDURATION, DURATION), S(LOCALE_SKEYBOARDSTOINSTALL, KEYBOARDS),
	S(LOCALE_SISO639LANGNAME2, ISO639_2), S(LOCALE_SISO3166CTRYNAME2, ISO3166_2),
	S(LOCALE_SNAN, NAN), S(LOCALE_SPOSINFINITY, POS_INFINITY),
	S(LOCALE_SNEGINFINITY, NEG_INFINITY), S(LOCALE_SSCRIPTS, SCRIPTS), S(LOCALE_SPARENT, PARENT),
	S(LOCALE_SCONSOLEFALLBACKNAME, NAME), N(LOCALE_IREADINGLAYOUT, READING_LAYOUT),
	{ LOCALE_INEUTRAL, 0, T_NEUTRAL }, N(LOCALE_INEGATIVEPERCENT, NEG_PERCENT),
	N(LOCALE_IPOSITIVEPERCENT, POS_PERCENT), S(LOCALE_SPERCENT, PERCENT),
	S(LOCALE_SPERMILLE, PERMILLE), S(LOCALE_SMONTHDAY, MONTH_DAY),
	S(LOCALE_SSHORTTIME, SHORT_TIME), S(LOCALE_SOPENTYPELANGUAGETAG, OPENTYPE_TAG),
	S(LOCALE_SSORTLOCALE, NAME), S(LOCALE_SRELATIVELONGDATE, MONTH_DAY),
	{ LOCALE_SSHORTESTAM, LF_AM, T_FIRST }, { LOCALE_SSHORTESTPM, LF_PM, T_FIRST },
};
#undef S
#undef N

#define LCTYPE_FLAGS (LOCALE_NOUSEROVERRIDE | LOCALE_USE_CP_ACP | LOCALE_RETURN_NUMBER | \
		      LOCALE_RETURN_GENITIVE_NAMES | LOCALE_ALLOW_NEUTRAL_NAMES)

/* The named lists (days, months...) follow one another in LCTYPE order. */
static BOOL list_item(LCTYPE type, struct lctype_info *out)
{
	static const struct { LCTYPE first; int count; enum locale_field field; WORD kind; } lists[] = {
		{ LOCALE_SDAYNAME1, 7, LF_DAYS1, T_STR },
		{ LOCALE_SABBREVDAYNAME1, 7, LF_ABBREV_DAYS1, T_STR },
		{ LOCALE_SSHORTESTDAYNAME1, 7, LF_SHORTEST_DAYS1, T_STR },
		{ LOCALE_SMONTHNAME1, 12, LF_MONTHS1, T_MONTH },
		{ LOCALE_SABBREVMONTHNAME1, 12, LF_ABBREV_MONTHS1, T_MONTH },
	};
	int i;

	for (i = 0; i < (int)ARRAYSIZE(lists); i++) {
		if (type >= lists[i].first && type < lists[i].first + lists[i].count) {
			out->type = type;
			out->field = lists[i].field + (type - lists[i].first);
			out->kind = lists[i].kind;
			return TRUE;
		}
	}
	return FALSE;
}

static BOOL find_lctype(LCTYPE type, struct lctype_info *out)
{
	int i;

	if (list_item(type, out))
		return TRUE;
	for (i = 0; i < (int)ARRAYSIZE(lctypes); i++) {
		if (lctypes[i].type == type) {
			*out = lctypes[i];
			return TRUE;
		}
	}
	return FALSE;
}

/* Genitive month names are stored right after the nominative ones. */
static enum locale_field genitive_field(enum locale_field f)
{
	if (f >= LF_MONTHS1 && f <= LF_MONTHS12)
		return LF_GENITIVE_MONTHS1 + (f - LF_MONTHS1);
	return LF_GENITIVE_ABBREV_MONTHS1 + (f - LF_ABBREV_MONTHS1);
}

static int font_signature(const struct k32_locale *loc, WCHAR *buf, int size)
{
	static const struct { UINT cp; int bit; } cp_bits[] = {
		{ 1252, 0 }, { 1250, 1 }, { 1251, 2 }, { 1253, 3 }, { 1254, 4 }, { 1255, 5 },
		{ 1256, 6 }, { 1257, 7 }, { 1258, 8 }, { 874, 16 }, { 932, 17 }, { 936, 18 },
		{ 949, 19 }, { 950, 20 },
	};
	LOCALESIGNATURE sig = { { 3, 0, 0, 0 }, { 0, 0 }, { 0, 0 } };
	UINT cp = k32_locale_number(loc, LF_ANSI);
	int i, n = sizeof(sig) / sizeof(WCHAR);

	for (i = 0; i < (int)ARRAYSIZE(cp_bits); i++)
		if (cp_bits[i].cp == cp)
			sig.lsCsbDefault[0] = sig.lsCsbSupported[0] = 1u << cp_bits[i].bit;
	if (!size)
		return n;
	if (size < n)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(buf, &sig, sizeof(sig));
	return n;
}

/* The value of a text LCTYPE into tmp (for computed ones) or a pointer. */
static const WCHAR *value_of(const struct k32_locale *loc, const struct lctype_info *info,
			     LCTYPE flags, WCHAR tmp[8])
{
	enum locale_field f = info->field;

	switch (info->kind) {
	case T_LANGID: {
		static const WCHAR hex[] = L"0123456789abcdef";
		LANGID id = LANGIDFROMLCID(k32_locale_lcid(loc));
		int i;
		/* the invariant locale's default language is English (US) */
		if (f == 1 && id == LANG_INVARIANT)
			id = MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US);
		for (i = 0; i < 4; i++)
			tmp[i] = hex[(id >> (12 - 4 * i)) & 15];
		tmp[4] = 0;
		return tmp;
	}
	case T_EMPTY:
		return L"";
	case T_ZERO:
		return L"0";
	case T_NEUTRAL:
		return loc->entry->kind == NLS_LOCALE_NEUTRAL ? L"1" : L"0";
	case T_FIRST:
		tmp[0] = *k32_locale_field(loc, f);
		tmp[1] = 0;
		tmp[0] = tmp[0] >= 'A' && tmp[0] <= 'Z' ? tmp[0] + 32 : tmp[0];
		return tmp;
	case T_MONTH:
		return k32_locale_field(loc, (flags & LOCALE_RETURN_GENITIVE_NAMES) ? genitive_field(f) : f);
	}
	return k32_locale_field(loc, f);
}

static BOOL is_numeric(const struct lctype_info *info)
{
	return info->kind == T_NUM || info->kind == T_LANGID || info->kind == T_ZERO ||
	       info->kind == T_NEUTRAL;
}

static int return_number(const WCHAR *v, BOOL hex, WCHAR *buf, int size)
{
	DWORD n = 0;
	int words = sizeof(DWORD) / sizeof(WCHAR);

	for (; *v; v++) {
		int d = *v >= '0' && *v <= '9' ? *v - '0' : *v >= 'a' && *v <= 'f' ? *v - 'a' + 10 : -1;
		if (d < 0 || (!hex && d > 9))
			break;
		n = n * (hex ? 16 : 10) + (DWORD)d;
	}
	if (!size)
		return words;
	if (size < words)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(buf, &n, sizeof(n));
	return words;
}

int k32_get_locale_info(const struct k32_locale *loc, LCTYPE type, WCHAR *buf, int size)
{
	LCTYPE flags = type & LCTYPE_FLAGS;
	struct lctype_info info;
	const WCHAR *v;
	WCHAR tmp[8], user[K32_OVERRIDE_MAX];
	int len;

	if (!find_lctype(type & ~LCTYPE_FLAGS, &info))
		return k32_error(ERROR_INVALID_FLAGS);
	if ((flags & LOCALE_RETURN_GENITIVE_NAMES) && info.kind != T_MONTH)
		return k32_error(ERROR_INVALID_FLAGS);
	if (info.kind == T_FONTSIG)
		return font_signature(loc, buf, size);
	if ((flags & LOCALE_NOUSEROVERRIDE) || !k32_user_override(loc, info.type, user))
		v = value_of(loc, &info, flags, tmp);
	else
		v = user;
	if (flags & LOCALE_RETURN_NUMBER) {
		if (!is_numeric(&info))
			return k32_error(ERROR_INVALID_FLAGS);
		return return_number(v, info.kind == T_LANGID, buf, size);
	}
	len = k32_wcslen(v) + 1;
	if (!size)
		return len;
	if (size < len) {
		memcpy(buf, v, (SIZE_T)size * sizeof(WCHAR));
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	memcpy(buf, v, (SIZE_T)len * sizeof(WCHAR));
	return len;
}

K32API int WINAPI GetLocaleInfoW(LCID lcid, LCTYPE type, LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return k32_get_locale_info(&loc, type, buf, size);
}

K32API int WINAPI GetLocaleInfoEx(LPCWSTR name, LCTYPE type, LPWSTR buf, int size)
{
	struct k32_locale loc;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_locale_from_name(name, TRUE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return k32_get_locale_info(&loc, type, buf, size);
}

/* The A form converts with the locale's ANSI code page (LOCALE_USE_CP_ACP:
 * the process one); it has neither genitive names nor LOCALE_SSHORTTIME
 * (Windows fails both with ERROR_INVALID_FLAGS). */
K32API int WINAPI GetLocaleInfoA(LCID lcid, LCTYPE type, LPSTR buf, int size)
{
	struct k32_locale loc;
	WCHAR w[128];
	int n;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((type & LOCALE_RETURN_GENITIVE_NAMES) || (type & ~LCTYPE_FLAGS) == LOCALE_SSHORTTIME)
		return k32_error(ERROR_INVALID_FLAGS);
	if (type & LOCALE_RETURN_NUMBER) {
		if (!(n = k32_get_locale_info(&loc, type, w, ARRAYSIZE(w))))
			return 0;
		if (!size)
			return sizeof(DWORD);
		if (size < (int)sizeof(DWORD))
			return k32_error(ERROR_INSUFFICIENT_BUFFER);
		memcpy(buf, w, sizeof(DWORD));
		return sizeof(DWORD);
	}
	if (!(n = k32_get_locale_info(&loc, type, w, ARRAYSIZE(w))))
		return 0;
	if ((type & ~LCTYPE_FLAGS) == LOCALE_FONTSIGNATURE) {
		if (size && size < n * 2)
			return k32_error(ERROR_INSUFFICIENT_BUFFER);
		if (size)
			memcpy(buf, w, (SIZE_T)n * 2);
		return n * 2;
	}
	return k32_w_result_to_a((type & LOCALE_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(&loc), w,
				 n, buf, size);
}
