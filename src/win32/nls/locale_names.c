/* The locale names and LCIDs (generated from locales.txt). */
#include "nls/nls.h"
#include "nls/locale_names.h"

static WCHAR fold(WCHAR c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	return c == '_' ? '-' : c;
}

static int compare_name(const WCHAR *a, const WCHAR *b)
{
	for (;; a++, b++) {
		WCHAR x = fold(*a), y = fold(*b);
		if (x != y)
			return x < y ? -1 : 1;
		if (!x)
			return 0;
	}
}

const struct nls_locale_name *nls_locale_by_name(const WCHAR *name)
{
	int lo = 0, hi = ARRAYSIZE(nls_locale_names) - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = compare_name(name, nls_locale_names[mid].name);
		if (!c)
			return &nls_locale_names[mid];
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

const struct nls_locale_name *nls_locale_by_lcid(unsigned lcid)
{
	int lo = 0, hi = ARRAYSIZE(nls_locale_lcid_order) - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct nls_locale_name *e = &nls_locale_names[nls_locale_lcid_order[mid]];
		if (e->lcid == lcid)
			return e;
		if (e->lcid < lcid)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

const struct nls_locale_name *nls_locale_specific(const struct nls_locale_name *e)
{
	return &nls_locale_names[e->specific];
}

int nls_locale_count(void)
{
	return ARRAYSIZE(nls_locale_names);
}

const struct nls_locale_name *nls_locale_at(int i)
{
	return &nls_locale_names[i];
}
