/* A locale string of setlocale's forms resolved to a Windows locale and
 * a code page, named the way setlocale answers:
 *   "C"                          the C locale
 *   "" and ".cp"                 the user's default locale (its ANSI code page
 *                                or cp: digits, "ACP", "OCP", "utf8")
 *   "language[_country[.cp]]"    English names ("German_Germany"), the
 *                                three-letter abbreviations ("deu", "ENU")
 *                                and the documented language and country
 *                                strings ("american", "english-uk", "britain")
 *   "locale-name[.cp]"           "en-US", "de-DE"
 * The answer is "English_United States.1252" ("Language_Country.cp", the
 * locale's English names), or the locale name as given. */
#include "crt_locale.h"

/* The documented language strings that are not a language's name or
 * abbreviation (Microsoft's "Language strings" table), and the country
 * strings ("Country/region strings") as the country's abbreviation. */
static const struct { const char *alias; const wchar *locale; } language_aliases[] = {
    { "american", L"en-US" }, { "american english", L"en-US" },
    { "american-english", L"en-US" }, { "australian", L"en-AU" },
    { "belgian", L"nl-BE" }, { "canadian", L"en-CA" }, { "chh", L"zh-HK" },
    { "chi", L"zh-SG" }, { "chinese", L"zh-CN" }, { "chinese-hongkong", L"zh-HK" },
    { "chinese-simplified", L"zh-CN" }, { "chinese-singapore", L"zh-SG" },
    { "chinese-traditional", L"zh-TW" }, { "dutch-belgian", L"nl-BE" },
    { "english-american", L"en-US" }, { "english-aus", L"en-AU" },
    { "english-belize", L"en-BZ" }, { "english-can", L"en-CA" },
    { "english-caribbean", L"en-029" }, { "english-ire", L"en-IE" },
    { "english-jamaica", L"en-JM" }, { "english-nz", L"en-NZ" },
    { "english-south africa", L"en-ZA" }, { "english-trinidad y tobago", L"en-TT" },
    { "english-uk", L"en-GB" }, { "english-us", L"en-US" }, { "english-usa", L"en-US" },
    { "french-belgian", L"fr-BE" }, { "french-canadian", L"fr-CA" },
    { "french-luxembourg", L"fr-LU" }, { "french-swiss", L"fr-CH" },
    { "german-austrian", L"de-AT" }, { "german-lichtenstein", L"de-LI" },
    { "german-luxembourg", L"de-LU" }, { "german-swiss", L"de-CH" },
    { "irish-english", L"en-IE" }, { "italian-swiss", L"it-CH" },
    { "norwegian", L"nb-NO" }, { "norwegian-bokmal", L"nb-NO" },
    { "norwegian-nynorsk", L"nn-NO" }, { "portuguese-brazilian", L"pt-BR" },
    { "spanish-argentina", L"es-AR" }, { "spanish-bolivia", L"es-BO" },
    { "spanish-chile", L"es-CL" }, { "spanish-colombia", L"es-CO" },
    { "spanish-costa rica", L"es-CR" }, { "spanish-dominican republic", L"es-DO" },
    { "spanish-ecuador", L"es-EC" }, { "spanish-el salvador", L"es-SV" },
    { "spanish-guatemala", L"es-GT" }, { "spanish-honduras", L"es-HN" },
    { "spanish-mexican", L"es-MX" }, { "spanish-modern", L"es-ES" },
    { "spanish-nicaragua", L"es-NI" }, { "spanish-panama", L"es-PA" },
    { "spanish-paraguay", L"es-PY" }, { "spanish-peru", L"es-PE" },
    { "spanish-puerto rico", L"es-PR" }, { "spanish-uruguay", L"es-UY" },
    { "spanish-venezuela", L"es-VE" }, { "swedish-finland", L"sv-FI" },
    { "swiss", L"de-CH" }, { "uk", L"en-GB" }, { "us", L"en-US" }, { "usa", L"en-US" },
};
static const struct { const char *alias, *abbrev; } country_aliases[] = {
    { "america", "USA" }, { "britain", "GBR" }, { "china", "CHN" }, { "czech", "CZE" },
    { "england", "GBR" }, { "great britain", "GBR" }, { "holland", "NLD" },
    { "hong-kong", "HKG" }, { "new-zealand", "NZL" }, { "nz", "NZL" },
    { "pr china", "CHN" }, { "pr-china", "CHN" }, { "puerto-rico", "PRI" },
    { "slovak", "SVK" }, { "south africa", "ZAF" }, { "south korea", "KOR" },
    { "south-africa", "ZAF" }, { "south-korea", "KOR" }, { "trinidad & tobago", "TTO" },
    { "uk", "GBR" }, { "united-kingdom", "GBR" }, { "united-states", "USA" }, { "us", "USA" },
};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* ASCII case-insensitive: the narrow name s (n chars) against the wide w. */
static int same_name(const char *s, size_t n, const wchar *w)
{
    size_t i = 0;

    for (; i < n && w[i]; i++)
        if (w[i] >= 0x80 || lower((unsigned char)s[i]) != lower(w[i]))
            return 0;
    return i == n && !w[i];
}

static int same_text(const char *s, size_t n, const char *t)
{
    size_t i = 0;

    for (; i < n && t[i]; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)t[i]))
            return 0;
    return i == n && !t[i];
}

static int info(const wchar *name, DWORD type, wchar *buf, int size)
{
    return GetLocaleInfoEx(name, type, buf, size) > 0;
}

static unsigned info_number(const wchar *name, DWORD type)
{
    DWORD n = 0;

    return GetLocaleInfoEx(name, type | LOCALE_RETURN_NUMBER, (wchar *)&n, 2) ? (unsigned)n : 0;
}

/* ---- "language[_country]": the best of the system's locales ---- */

struct match {
    const char *lang, *country;
    size_t lang_len, country_len;
    const char *country_abbrev;     /* a country string's abbreviation */
    const wchar *alias_locale;      /* the locale a language string names */
    wchar best[LOCALE_NAME_MAX_LENGTH];
    int score;
};

static void copy_wname(wchar *dst, const wchar *src)
{
    size_t i = 0;

    for (; src[i] && i < LOCALE_NAME_MAX_LENGTH - 1; i++)
        dst[i] = src[i];
    dst[i] = 0;
}

/* Is name its language's own locale ("es-ES" of "es", not "es-AR")? */
static int is_default_country(const wchar *name)
{
    wchar lang[LOCALE_NAME_MAX_LENGTH], resolved[LOCALE_NAME_MAX_LENGTH];
    size_t n = 0;

    for (; name[n] && name[n] != '-' && n < LOCALE_NAME_MAX_LENGTH - 1; n++)
        lang[n] = name[n];
    lang[n] = 0;
    return ResolveLocaleName(lang, resolved, LOCALE_NAME_MAX_LENGTH) > 0 && !wcscmp(resolved, name);
}

/* 3: the language's abbreviation (a locale of its own), or a language and
 * its country; 2: the language's default country; 1: another country. */
static int language_score(struct match *m, const wchar *name)
{
    wchar english[80], abbrev[16], cname[80], cabbrev[16];
    int by_name;

    if (!info(name, LOCALE_SENGLISHLANGUAGENAME, english, 80) ||
        !info(name, LOCALE_SABBREVLANGNAME, abbrev, 16))
        return 0;
    if (m->alias_locale) {
        wchar alias_english[80];

        if (!info(m->alias_locale, LOCALE_SENGLISHLANGUAGENAME, alias_english, 80))
            return 0;
        by_name = !wcscmp(alias_english, english);
    } else {
        by_name = same_name(m->lang, m->lang_len, english);
        if (!by_name && !m->country && same_name(m->lang, m->lang_len, abbrev))
            return 3;
    }
    if (!by_name && !(m->country && same_name(m->lang, m->lang_len, abbrev)))
        return 0;
    if (!m->country)
        return is_default_country(name) ? 2 : 1;
    if (!info(name, LOCALE_SENGLISHCOUNTRYNAME, cname, 80) ||
        !info(name, LOCALE_SABBREVCTRYNAME, cabbrev, 16))
        return 0;
    if (same_name(m->country, m->country_len, cname) ||
        same_name(m->country, m->country_len, cabbrev) ||
        (m->country_abbrev && same_name(m->country_abbrev, strlen(m->country_abbrev), cabbrev)))
        return 3;
    return 0;
}

static BOOL __attribute__((__stdcall__)) consider_locale(wchar *name, DWORD flags, intptr_t param)
{
    struct match *m = (struct match *)param;
    int score = wcschr(name, '-') ? language_score(m, name) : 0;    /* not a neutral one */

    if (score > m->score) {
        m->score = score;
        copy_wname(m->best, name);
    }
    return m->score < 3;
}

static const wchar *language_alias(const char *lang, size_t len)
{
    for (size_t i = 0; i < sizeof(language_aliases) / sizeof(language_aliases[0]); i++)
        if (same_text(lang, len, language_aliases[i].alias))
            return language_aliases[i].locale;
    return NULL;
}

/* lang (and country, when not NULL) to a locale name in out. */
static int find_language(const char *lang, size_t lang_len, const char *country,
                         size_t country_len, wchar *out)
{
    struct match m = { lang, country, lang_len, country_len, NULL, NULL, { 0 }, 0 };

    m.alias_locale = language_alias(lang, lang_len);
    if (m.alias_locale && !country) {
        copy_wname(out, m.alias_locale);
        return 0;
    }
    for (size_t i = 0; country && i < sizeof(country_aliases) / sizeof(country_aliases[0]); i++)
        if (same_text(country, country_len, country_aliases[i].alias))
            m.country_abbrev = country_aliases[i].abbrev;
    EnumSystemLocalesEx(consider_locale, LOCALE_WINDOWS, (intptr_t)&m, NULL);
    if (!m.score)
        return -1;
    copy_wname(out, m.best);
    return 0;
}

/* ---- the code page ---- */

/* ".cp": digits, "ACP" and "OCP" (upper case only), "utf8"/"utf-8"; 0: none. */
static unsigned parse_cp(const char *s, const wchar *locale)
{
    unsigned cp = 0;

    if (!strcmp(s, "ACP"))
        return info_number(locale, LOCALE_IDEFAULTANSICODEPAGE);
    if (!strcmp(s, "OCP"))
        return info_number(locale, LOCALE_IDEFAULTCODEPAGE);
    if (same_text(s, strlen(s), "utf8") || same_text(s, strlen(s), "utf-8"))
        return CRT_CP_UTF8;
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || cp > 100000)
            return 0;
        cp = cp * 10 + (unsigned)(*s - '0');
    }
    return cp;
}

/* A code page the CRT can run in: a single- or double-byte one; UTF-8
 * in the UCRT alone (msvcrt.dll refuses it). */
static int usable_cp(unsigned cp)
{
    CPINFO ci;

    if (cp == CRT_CP_UTF8)
        return crt_ucrt;
    return cp && IsValidCodePage(cp) && GetCPInfo(cp, &ci) && ci.MaxCharSize <= 2;
}

/* ---- the answer ---- */

/* The English names in the ANSI code page ("Norwegian Bokm\xe5l"). */
static size_t put_wide(char *dst, size_t at, const wchar *w)
{
    int n = WideCharToMultiByte(0 /* CP_ACP */, 0, w, (int)wcslen(w), dst + at,
                                (int)(CRT_LC_NAME_MAX - 8 - at), NULL, NULL);

    return at + (n > 0 ? (size_t)n : 0);
}

static void english_name(struct crt_lc_cat *out)
{
    wchar lang[80], country[80];
    size_t at = 0;
    unsigned cp = out->cp;
    char digits[12];
    int n = 0;

    if (!info(out->wname, LOCALE_SENGLISHLANGUAGENAME, lang, 80) ||
        !info(out->wname, LOCALE_SENGLISHCOUNTRYNAME, country, 80))
        lang[0] = country[0] = 0;
    at = put_wide(out->name, at, lang);
    out->name[at++] = '_';
    at = put_wide(out->name, at, country);
    out->name[at++] = '.';
    if (cp == CRT_CP_UTF8) {
        memcpy(out->name + at, "utf8", 5);
        return;
    }
    do
        digits[n++] = (char)('0' + cp % 10);
    while ((cp /= 10));
    while (n)
        out->name[at++] = digits[--n];
    out->name[at] = 0;
}

int crt_locale_resolve(const char *spec, struct crt_lc_cat *out)
{
    const char *dot = strchr(spec, '.'), *under;
    size_t lang_len = dot ? (size_t)(dot - spec) : strlen(spec);
    wchar wspec[LOCALE_NAME_MAX_LENGTH];
    int named = 0;      /* the locale-name form: answered as given */

    memset(out, 0, sizeof(*out));
    if (!strcmp(spec, "C")) {
        out->name[0] = 'C';
        return 0;
    }
    if (lang_len >= LOCALE_NAME_MAX_LENGTH || strlen(spec) >= CRT_LC_NAME_MAX)
        return -1;
    if (!lang_len) {
        if (!GetUserDefaultLocaleName(out->wname, LOCALE_NAME_MAX_LENGTH))
            return -1;
    } else {
        under = memchr(spec, '_', lang_len);
        for (size_t i = 0; i < lang_len; i++)
            wspec[i] = (unsigned char)spec[i];
        wspec[lang_len] = 0;
        if (under) {
            if (find_language(spec, (size_t)(under - spec), under + 1,
                              lang_len - (size_t)(under - spec) - 1, out->wname))
                return -1;
        } else if (!language_alias(spec, lang_len) && memchr(spec, '-', lang_len) &&
                   info(wspec, LOCALE_SNAME, out->wname, LOCALE_NAME_MAX_LENGTH)) {
            named = 1;
        } else if (find_language(spec, lang_len, NULL, 0, out->wname)) {
            return -1;
        }
    }
    out->lcid = LocaleNameToLCID(out->wname, 0);
    if (dot)
        out->cp = parse_cp(dot + 1, out->wname);
    else if (!lang_len && GetACP() == CRT_CP_UTF8)
        out->cp = CRT_CP_UTF8;      /* a UTF-8 process: its default locale is UTF-8 */
    else
        out->cp = info_number(out->wname, LOCALE_IDEFAULTANSICODEPAGE);
    if (!out->cp && !dot && crt_ucrt)
        out->cp = CRT_CP_UTF8;      /* a Unicode-only locale (hi-IN) */
    if (!out->lcid || !usable_cp(out->cp))
        return -1;
    if (named)
        memcpy(out->name, spec, strlen(spec) + 1);
    else
        english_name(out);
    return 0;
}
