/* Single-byte code pages: lookups in the generated tables.  Unicode to
 * byte is a binary search of the page's reverse table (ASCII maps to
 * itself unless the page says otherwise). */
#include "nls/nls.h"
#include "nls/sbcs_table.h"

const struct nls_sb_page *nls_sb_page(unsigned cp)
{
	int i;

	for (i = 0; i < (int)ARRAYSIZE(nls_sb_pages); i++)
		if (nls_sb_pages[i].cp == cp)
			return &nls_sb_pages[i];
	return NULL;
}

const struct nls_sb_page *nls_sb_page_at(int i)
{
	return i >= 0 && i < (int)ARRAYSIZE(nls_sb_pages) ? &nls_sb_pages[i] : NULL;
}

int nls_sb_exact(const struct nls_sb_page *p, WCHAR c)
{
	int lo = 0, hi = p->nfrom - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (p->from_unicode[mid].u == c)
			return p->from_unicode[mid].b;
		if (p->from_unicode[mid].u < c)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (c < 0x80 && p->to_unicode[c] == c)
		return c;
	return -1;
}

int nls_sb_best_fit(const struct nls_sb_page *p, WCHAR c)
{
	int b = nls_sb_exact(p, c);
	WCHAR base;

	if (b >= 0)
		return b;
	base = (WCHAR)(c + NLS_TWO_LEVEL(best_fit, c));
	return base != c ? nls_sb_exact(p, base) : -1;
}

BOOL nls_sb_byte_defined(const struct nls_sb_page *p, BYTE b)
{
	return p->to_unicode[b] != NLS_SB_UNDEFINED_BASE + b;
}
