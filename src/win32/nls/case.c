/* Simple Unicode case mapping (UnicodeData.txt's one-to-one mappings, less
 * the Turkish I's, which only linguistic casing maps), and full folding. */
#include "nls/nls.h"
#include "nls/case_table.h"
#include "nls/fold_table.h"

static unsigned supp_map(const struct nls_case_range *r, int n, unsigned c)
{
	int i;

	for (i = 0; i < n; i++)
		if (c >= r[i].first && c <= r[i].last)
			return c + r[i].delta;
	return c;
}

unsigned nls_toupper(unsigned c)
{
	if (c < 0x10000)
		return (WCHAR)(c + NLS_TWO_LEVEL(case_upper, c));
	return supp_map(case_upper_supp, ARRAYSIZE(case_upper_supp), c);
}

unsigned nls_tolower(unsigned c)
{
	if (c < 0x10000)
		return (WCHAR)(c + NLS_TWO_LEVEL(case_lower, c));
	return supp_map(case_lower_supp, ARRAYSIZE(case_lower_supp), c);
}

int nls_casefold(WCHAR c, WCHAR out[3])
{
	int lo = 0, hi = (int)ARRAYSIZE(case_fold) - 1, n;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (case_fold[mid].c == c) {
			for (n = 0; n < 3 && case_fold[mid].to[n]; n++)
				out[n] = case_fold[mid].to[n];
			return n;
		}
		if (case_fold[mid].c < c)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	out[0] = (WCHAR)nls_tolower(c);
	return 1;
}
