/* Named locales of msvcrt and (built with -D_UCRT) ucrtbase: setlocale's
 * name forms and answers ("English_United States.1252", the composite
 * LC_ALL string), the user default ("" and ".cp"), and what a locale
 * changes: __lc_codepage, MB_CUR_MAX, the class table and case, strcoll,
 * mbtowc/wctomb in the locale's code page, localeconv, the decimal point
 * of printf, strtod and scanf, strftime's names and pictures.  The UCRT's forms too: locale
 * names ("en-US"), ".UTF-8", _create_locale.  The expected answers are the
 * documented ones (Microsoft's setlocale and "Locale names, Languages, and
 * Country/Region strings" pages), with the prefix's user locale en-US.
 * Wine 8 agrees but for four, where the documentation decides: it knows
 * no country strings ("English_britain" fails), names the UTF-8 locale
 * "English_United States.65001" (Windows: ".utf8"), its mbtowc gives
 * U+FFFD for UTF-8's "\xc3\xa9", and its ___lc_locale_name_func has "en"
 * for a locale set as "en-US". */
#include <windows.h>
#include <ctype.h>
#include <locale.h>
#include <mbctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <errno.h>

static int checks, failed;

#define CHECK(c) do { checks++; if (!(c)) { failed++; printf("FAILED: %s (line %d)\n", #c, __LINE__); } } while (0)

static int set_is(int cat, const char *loc, const char *want)
{
	const char *r = setlocale(cat, loc);

	if (!want ? r == NULL : r && !strcmp(r, want))
		return 1;
	printf("setlocale(%d, \"%s\") = \"%s\", want \"%s\"\n", cat, loc, r ? r : "(null)",
	       want ? want : "(null)");
	return 0;
}

static void names(void)
{
	CHECK(set_is(LC_ALL, NULL, "C"));
	CHECK(set_is(LC_ALL, "English_United States.1252", "English_United States.1252"));
	CHECK(set_is(LC_ALL, "american", "English_United States.1252"));
	CHECK(set_is(LC_ALL, "english-uk", "English_United Kingdom.1252"));
	CHECK(set_is(LC_ALL, "English_britain", "English_United Kingdom.1252"));
	CHECK(set_is(LC_ALL, "deu", "German_Germany.1252"));
	CHECK(set_is(LC_ALL, "German", "German_Germany.1252"));
	CHECK(set_is(LC_ALL, "French_Canada", "French_Canada.1252"));
	CHECK(set_is(LC_ALL, "Polish", "Polish_Poland.1250"));
	CHECK(set_is(LC_ALL, "Greek_Greece.ACP", "Greek_Greece.1253"));
	CHECK(set_is(LC_ALL, "English_United States.437", "English_United States.437"));
	CHECK(set_is(LC_ALL, "", "English_United States.1252"));
	CHECK(set_is(LC_ALL, ".1250", "English_United States.1250"));
	/* an unknown name fails and changes nothing */
	CHECK(set_is(LC_ALL, "Klingon_Qo'noS", NULL));
	CHECK(set_is(LC_ALL, NULL, "English_United States.1250"));
	CHECK(set_is(LC_ALL, "English_United States.99999", NULL));
	CHECK(set_is(LC_ALL, "C", "C"));
}

static void composite(void)
{
	static const char mixed[] = "LC_COLLATE=C;LC_CTYPE=C;LC_MONETARY=Greek_Greece.1253;"
				    "LC_NUMERIC=Polish_Poland.1250;LC_TIME=C";
	char saved[256];

	CHECK(set_is(LC_NUMERIC, "Polish", "Polish_Poland.1250"));
	CHECK(set_is(LC_MONETARY, "Greek", "Greek_Greece.1253"));
	CHECK(set_is(LC_ALL, NULL, mixed));
	CHECK(set_is(LC_CTYPE, NULL, "C"));
	strcpy(saved, setlocale(LC_ALL, NULL));
	CHECK(set_is(LC_ALL, "C", "C"));
	CHECK(set_is(LC_ALL, saved, mixed));
	/* one category restored from the composite string */
	CHECK(set_is(LC_ALL, "C", "C"));
	CHECK(set_is(LC_NUMERIC, saved, "Polish_Poland.1250"));
	CHECK(set_is(LC_ALL, "C", "C"));
}

static void conv(void)
{
	struct lconv *lc;

	lc = localeconv();
	CHECK(!strcmp(lc->decimal_point, ".") && !*lc->thousands_sep && !*lc->grouping);
	CHECK(lc->frac_digits == CHAR_MAX && !*lc->currency_symbol);
	setlocale(LC_ALL, "English_United States.1252");
	lc = localeconv();
	CHECK(!strcmp(lc->decimal_point, ".") && !strcmp(lc->thousands_sep, ","));
	CHECK(!strcmp(lc->grouping, "\3") && !strcmp(lc->mon_grouping, "\3"));
	CHECK(!strcmp(lc->currency_symbol, "$") && !strcmp(lc->int_curr_symbol, "USD"));
	CHECK(lc->frac_digits == 2 && lc->int_frac_digits == 2 && lc->p_cs_precedes == 1);
	CHECK(!strcmp(lc->negative_sign, "-") && !*lc->positive_sign);
	setlocale(LC_NUMERIC, "German_Germany.1252");
	setlocale(LC_MONETARY, "German_Germany.1252");
	lc = localeconv();
	CHECK(!strcmp(lc->decimal_point, ",") && !strcmp(lc->thousands_sep, "."));
	CHECK(!strcmp(lc->currency_symbol, "\x80") && lc->p_cs_precedes == 0);
	{
		char buf[32];

		double d = 0;

		sprintf(buf, "%.2f %g", 1.5, 2.25);
		CHECK(!strcmp(buf, "1,50 2,25"));
		CHECK(atof("2,5") == 2.5 && strtod("0.5", NULL) == 0.0);
		CHECK(sscanf("3,25", "%lf", &d) == 1 && d == 3.25);
	}
	setlocale(LC_ALL, "C");
}

/* LC_COLLATE: the locale's order, not the code units'. */
static void collation(void)
{
	CHECK(strcoll("a", "B") > 0 && _stricoll("abc", "ABD") < 0);
	setlocale(LC_COLLATE, "English_United States.1252");
	CHECK(strcoll("a", "B") < 0 && strcoll("b", "A") > 0 && strcoll("abc", "abc") == 0);
	CHECK(_stricoll("abc", "ABD") < 0 && _strncoll("abX", "abY", 2) == 0);
	CHECK(wcscoll(L"\xe4", L"b") < 0 && strcoll("\xe4", "b") < 0);
	setlocale(LC_ALL, "C");
	CHECK(strcoll("a", "B") > 0);
}

static void ctype_and_mb(void)
{
	volatile int e_acute = 0xE9, zero = 0;     /* gcc folds toupper of a constant */
	wchar_t w = 0;
	char mb[8];

	CHECK(___lc_codepage_func() == 0 && MB_CUR_MAX == 1 && !isalpha(0xE9));
	CHECK(wctomb(mb, 0x20AC) == -1);
	setlocale(LC_ALL, "English_United States.1252");
	CHECK(___lc_codepage_func() == 1252 && MB_CUR_MAX == 1);
	CHECK(isalpha(0xE9) && islower(0xE9) && isupper(0xC9) && !isalpha(0xD7));
	CHECK(mbtowc(&w, "\x80", 1) == 1 && w == 0x20AC);
	CHECK(wctomb(mb, 0x20AC) == 1 && (unsigned char)mb[0] == 0x80);
	CHECK(wctomb(mb, 0x3042) == -1);
	CHECK(toupper(e_acute) == 0xC9 && tolower(0xC9 + zero) == 0xE9 && toupper('q' + zero) == 'Q');
	setlocale(LC_ALL, "Japanese_Japan.932");
	CHECK(___lc_codepage_func() == 932 && MB_CUR_MAX == 2);
	CHECK(isleadbyte(0x82) && !isleadbyte('a'));
	CHECK(mblen("\x82\xa0", 2) == 2 && mblen("\x82\xa0", 1) == -1);
	CHECK(mbtowc(&w, "\x82\xa0", 2) == 2 && w == 0x3042);
	CHECK(wctomb(mb, 0x3042) == 2 && !memcmp(mb, "\x82\xa0", 2));
	CHECK(mbstowcs(NULL, "\x82\xa0\x82\xa2" "a", 0) == 3);
	CHECK(wcstombs(NULL, L"\x3042" L"b", 0) == 3);
	{
		char buf[16];

		/* wide text into narrow output, a lead byte before a '%' */
		CHECK(sprintf(buf, "%C|", 0x3042) == 3 && !strcmp(buf, "\x82\xa0|"));
#ifndef _UCRT    /* msvcrt's, which Wine's tests check on Windows */
		{
			struct tm tm = { 0, 0, 0, 1, 0, 70, 4, 0, 0 };     /* 1970-01-01 */

			CHECK(strftime(buf, sizeof(buf), "\x82%c", &tm) == 3 && !strcmp(buf, "\x82%c"));
		}
#endif
	}
	setlocale(LC_ALL, "C");
	CHECK(___lc_codepage_func() == 0 && MB_CUR_MAX == 1 && !isalpha(0xE9));
}

char *__cdecl _Getdays(void);

/* LC_TIME: strftime's names and %x picture, _Getdays. */
static void time_names(void)
{
	struct tm tm = { 0, 5, 7, 1, 0, 124, 1, 0, 0 };     /* Monday 2024-01-01 07:05:00 */
	char buf[80], *days, mon[16], jan[16], want[32];

	CHECK(strftime(buf, sizeof(buf), "%a %A %b %B", &tm) && !strcmp(buf, "Mon Monday Jan January"));
	days = _Getdays();
	CHECK(days && !strncmp(days, ":Sun:Sunday:Mon:Monday:", 23));
	free(days);
	/* a named LC_TIME: the locale's own names and short date picture */
	GetLocaleInfoA(0x0407, LOCALE_SABBREVDAYNAME1, mon, sizeof(mon));
	GetLocaleInfoA(0x0407, LOCALE_SMONTHNAME1, jan, sizeof(jan));
	setlocale(LC_TIME, "German_Germany.1252");
	CHECK(strftime(buf, sizeof(buf), "%a %B", &tm) && !strncmp(buf, mon, strlen(mon)) &&
	      !strcmp(buf + strlen(mon), " Januar") && !strcmp(jan, "Januar"));
	GetLocaleInfoA(0x0407, LOCALE_SSHORTDATE, want, sizeof(want));
	CHECK(strftime(buf, sizeof(buf), "%x", &tm) &&
	      (!strcmp(want, "dd.MM.yyyy") ? !strcmp(buf, "01.01.2024") :
	       !strcmp(want, "d.M.yyyy") ? !strcmp(buf, "1.1.2024") : 0));
	days = _Getdays();
	CHECK(days && !strncmp(days, ":So", 3) && strstr(days, ":Sonntag:") && strstr(days, mon));
	free(days);
	setlocale(LC_ALL, "C");
}

#ifdef _UCRT
wchar_t **__cdecl ___lc_locale_name_func(void);
int __cdecl ___mb_cur_max_l_func(_locale_t);

/* The UCRT's forms: locale names, UTF-8, locale objects. */
static void ucrt_forms(void)
{
	_locale_t l;

	CHECK(set_is(LC_ALL, "en-US", "en-US"));
	CHECK(___lc_locale_name_func()[LC_CTYPE] && !wcscmp(___lc_locale_name_func()[LC_CTYPE], L"en-US"));
	CHECK(___lc_codepage_func() == 1252);
	CHECK(set_is(LC_ALL, "de-DE", "de-DE"));
	CHECK(!strcmp(localeconv()->decimal_point, ","));
	CHECK(set_is(LC_ALL, ".UTF-8", "English_United States.utf8"));
	CHECK(___lc_codepage_func() == 65001 && MB_CUR_MAX == 4);
	{
		wchar_t w = 0;
		char mb[8];

		CHECK(mbtowc(&w, "\xc3\xa9", 2) == 2 && w == 0xE9);
		CHECK(wctomb(mb, 0x20AC) == 3 && !memcmp(mb, "\xe2\x82\xac", 3));
	}
	CHECK(set_is(LC_ALL, "C", "C"));
	CHECK(___lc_locale_name_func()[LC_CTYPE] == NULL);
	l = _create_locale(LC_ALL, "Japanese_Japan.932");
	CHECK(l && ___mb_cur_max_l_func(l) == 2);
	_free_locale(l);
	CHECK(_create_locale(LC_ALL, "nosuch") == NULL);
}
#endif

/* The _l conversions take their locale object's code page, whatever the
 * program's (here "C"); a NULL object is the program's. */
static void conversion_l(void)
{
	_locale_t jp = _create_locale(LC_ALL, "Japanese_Japan.932");
	_locale_t en = _create_locale(LC_ALL, "English_United States.1252");
	wchar_t w[4] = { 0 };
	char mb[8];
	size_t n = 99;

	CHECK(set_is(LC_ALL, "C", "C"));
	CHECK(jp && en);
	CHECK(_mbstowcs_l(w, "\x82\xa0", 4, jp) == 1 && w[0] == 0x3042);
	CHECK(_mbtowc_l(w, "\x82\xa0", 2, jp) == 2 && w[0] == 0x3042);
	CHECK(mbtowc(w, "\x82\xa0", 2) == 1 && w[0] == 0x82);
	CHECK(_wctomb_l(mb, 0x20AC, en) == 1 && (unsigned char)mb[0] == 0x80);
	CHECK(_wcstombs_s_l(&n, mb, sizeof(mb), L"\x20AC", 1, en) == 0 && n == 2 &&
	      (unsigned char)mb[0] == 0x80);
	CHECK(_wcstombs_s_l(&n, mb, sizeof(mb), L"\xFFFD", 1, en) == EILSEQ);
	CHECK(_mbstowcs_l(w, "\x82\xa0", 4, NULL) == 2 && w[0] == 0x82);
	_free_locale(jp);
	_free_locale(en);
}

int main(void)
{
	names();
	composite();
	conv();
	ctype_and_mb();
	collation();
	time_names();
	conversion_l();
#ifdef _UCRT
	ucrt_forms();
#endif
	printf("locale: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
