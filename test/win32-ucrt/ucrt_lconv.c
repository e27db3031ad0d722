/* localeconv in the "C" locale, with the UCRT's wide members at the end
 * of struct lconv, which MSVC's C++ library reads for numpunct<wchar_t>
 * and moneypunct<wchar_t> (hermesc's std::locale crashed without them). */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int checks, failed;

#define CHECK(c) (checks++, (c) ? (void)0 : (void)(failed++, printf("FAILED: %s\n", #c)))

int main(void)
{
	struct lconv *lc = localeconv();

	CHECK(!strcmp(lc->decimal_point, "."));
	CHECK(!strcmp(lc->thousands_sep, "") && !strcmp(lc->grouping, ""));
	CHECK(lc->int_frac_digits == CHAR_MAX && lc->n_sign_posn == CHAR_MAX);
	CHECK(lc->_W_decimal_point && !wcscmp(lc->_W_decimal_point, L"."));
	CHECK(lc->_W_thousands_sep && !wcscmp(lc->_W_thousands_sep, L""));
	CHECK(lc->_W_int_curr_symbol && !wcscmp(lc->_W_int_curr_symbol, L""));
	CHECK(lc->_W_currency_symbol && !wcscmp(lc->_W_currency_symbol, L""));
	CHECK(lc->_W_mon_decimal_point && !wcscmp(lc->_W_mon_decimal_point, L""));
	CHECK(lc->_W_mon_thousands_sep && !wcscmp(lc->_W_mon_thousands_sep, L""));
	CHECK(lc->_W_positive_sign && !wcscmp(lc->_W_positive_sign, L""));
	CHECK(lc->_W_negative_sign && !wcscmp(lc->_W_negative_sign, L""));
	printf("lconv: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
