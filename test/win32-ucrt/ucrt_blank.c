/* ucrtbase's blanks: isblank and iswblank take tab and space (and, wide,
 * U+3000 and U+FEFF, never U+00A0); the _BLANK class (_isblank_l,
 * _iswctype_l) marks space, U+3000 and U+FEFF but not tab, and
 * _isblank_l answers with the class bit.  (Wine's ucrtbase conformance
 * test, which passes on Windows, checks the same; Wine 8 agrees.) */
#include <ctype.h>
#include <stdio.h>
#include <wctype.h>

int __cdecl _isblank_l(int, _locale_t);

static int checks, failed;

#define CHECK(c) do { checks++; printf("%s: %s\n", (c) ? "ok" : "FAILED", #c); \
	if (!(c)) failed++; } while (0)

int main(void)
{
	CHECK(isblank('\t') && isblank(' ') && !isblank('\n'));
	CHECK(_isblank_l('\t', NULL) == 0 && _isblank_l(' ', NULL) == _BLANK);
	CHECK(iswblank(0x3000) && iswblank(0xFEFF) && iswblank('\t') && !iswblank(0xA0));
	CHECK(_iswctype_l(0x3000, _BLANK, NULL) && _iswctype_l(' ', _BLANK, NULL));
	CHECK(!_iswctype_l('\t', _BLANK, NULL) && !_iswctype_l(0xA0, _BLANK, NULL));
	printf("blank: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
