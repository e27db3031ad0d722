/* GetStringTypeW's character classes, one table row per class. */
#include "nls/nls.h"
#include "nls/ctype_table.h"

WORD nls_ctype1(WCHAR c)
{
	return ctype_classes[NLS_TWO_LEVEL(ctype_class, c)][0];
}

WORD nls_ctype2(WCHAR c)
{
	return ctype_classes[NLS_TWO_LEVEL(ctype_class, c)][1];
}

WORD nls_ctype3(WCHAR c)
{
	return ctype_classes[NLS_TWO_LEVEL(ctype_class, c)][2];
}

int nls_digit_value(unsigned c)
{
	int lo = 0, hi = ARRAYSIZE(digit_ranges) - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (c < digit_ranges[mid].first)
			hi = mid - 1;
		else if (c > digit_ranges[mid].last)
			lo = mid + 1;
		else
			return (int)(digit_ranges[mid].digit + c - digit_ranges[mid].first);
	}
	return -1;
}
