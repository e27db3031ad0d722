/*
 * GetGeoInfo{W,A,Ex}, EnumSystemGeoID and EnumSystemGeoNames over the
 * locations of src/win32/nls/geo.txt.  The data has codes, numbers and
 * the region hierarchy; the types that need more (names, coordinates,
 * time zones, languages, dialing codes, currencies) fail with
 * ERROR_CALL_NOT_IMPLEMENTED.
 */
#include "k32_nls.h"
#include "k32_geo.h"
#include "nls/geo_table.h"

const struct nls_geo *k32_geo_by_id(GEOID id)
{
	int lo = 0, hi = (int)ARRAYSIZE(geo_table) - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (geo_table[mid].id == id)
			return &geo_table[mid];
		if (geo_table[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

const WCHAR *k32_geo_name(const struct nls_geo *g)
{
	return g->cls == NLS_GEO_REGION ? g->un : g->iso2;
}

/* "XX", the code Windows gives places without one, names no single
 * location: it stands for the whole world. */
const struct nls_geo *k32_geo_by_name(const WCHAR *name)
{
	int i;

	if (!name || !*name)
		return NULL;
	if (!_wcsicmp(name, L"XX"))
		return k32_geo_by_id(K32_GEO_WORLD);
	for (i = 0; i < (int)ARRAYSIZE(geo_table); i++)
		if (*k32_geo_name(&geo_table[i]) && !_wcsicmp(name, k32_geo_name(&geo_table[i])))
			return &geo_table[i];
	return NULL;
}

/* The text of one GEOTYPE into tmp or as a pointer; NULL with the error. */
static const WCHAR *geo_value(const struct nls_geo *g, GEOTYPE type, WCHAR tmp[12])
{
	switch (type) {
	case GEO_NATION:
		if (g->cls != NLS_GEO_NATION) {
			k32_error(ERROR_INVALID_PARAMETER);
			return NULL;
		}
		/* fall through */
	case GEO_ID:
		k32_utow((unsigned)g->id, tmp);
		return tmp;
	case GEO_PARENT:
		k32_utow((unsigned)g->parent, tmp);
		return tmp;
	case GEO_ISO2: return g->iso2;
	case GEO_ISO3: return g->iso3;
	case GEO_ISO_UN_NUMBER: return g->un;
	case GEO_NAME: return k32_geo_name(g);
	}
	k32_error(type >= GEO_NATION && type <= GEO_ID ? ERROR_CALL_NOT_IMPLEMENTED
						       : ERROR_INVALID_FLAGS);
	return NULL;
}

/* Copies what fits; too small a buffer still gets the start (Windows). */
static int geo_copy(const WCHAR *v, WCHAR *buf, int size)
{
	int len = k32_wcslen(v) + 1;

	if (size < 0 || (size && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!size)
		return len;
	memcpy(buf, v, (SIZE_T)(size < len ? size : len) * sizeof(WCHAR));
	return size < len ? k32_error(ERROR_INSUFFICIENT_BUFFER) : len;
}

K32API int WINAPI GetGeoInfoW(GEOID id, GEOTYPE type, LPWSTR buf, int size, LANGID lang)
{
	const struct nls_geo *g = k32_geo_by_id(id);
	const WCHAR *v;
	WCHAR tmp[12];

	(void)lang; /* only names depend on it */
	if (!g)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(v = geo_value(g, type, tmp)))
		return 0;
	return geo_copy(v, buf, size);
}

K32API int WINAPI GetGeoInfoA(GEOID id, GEOTYPE type, LPSTR buf, int size, LANGID lang)
{
	const struct nls_geo *g = k32_geo_by_id(id);
	const WCHAR *v;
	WCHAR tmp[12];

	(void)lang;
	if (size < 0 || (size && !buf) || !g)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(v = geo_value(g, type, tmp)))
		return 0;
	return k32_w_result_to_a(CP_ACP, v, k32_wcslen(v) + 1, buf, size);
}

/* By name; the locale-bound types (GEO_NATION, GEO_LCID, GEO_RFC1766) are
 * not among the ones this form takes (documented). */
K32API int WINAPI GetGeoInfoEx(PWSTR location, GEOTYPE type, PWSTR buf, int size)
{
	const struct nls_geo *g = k32_geo_by_name(location);
	const WCHAR *v;
	WCHAR tmp[12];

	if (type == GEO_NATION || type == GEO_LCID || type == GEO_RFC1766)
		return k32_error(ERROR_INVALID_FLAGS);
	if (!g)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(v = geo_value(g, type, tmp)))
		return 0;
	return geo_copy(v, buf, size);
}

static BOOL class_matches(GEOCLASS cls, const struct nls_geo *g)
{
	switch (cls) {
	case GEOCLASS_NATION: return g->cls == NLS_GEO_NATION;
	case GEOCLASS_REGION: return g->cls == NLS_GEO_REGION;
	default: return TRUE;
	}
}

/* The enumerators' arguments: a callback, then a known class. */
static BOOL enum_args(GEOCLASS cls, const void *proc)
{
	if (!proc)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (cls != GEOCLASS_NATION && cls != GEOCLASS_REGION && cls != GEOCLASS_ALL)
		return k32_error(ERROR_INVALID_FLAGS);
	return TRUE;
}

/* parent 0: every location of the class, else its direct children. */
K32API BOOL WINAPI EnumSystemGeoID(GEOCLASS cls, GEOID parent, GEO_ENUMPROC proc)
{
	int i;

	if (!enum_args(cls, proc))
		return FALSE;
	for (i = 0; i < (int)ARRAYSIZE(geo_table); i++) {
		const struct nls_geo *g = &geo_table[i];
		if (!class_matches(cls, g) || (parent && (g->parent != parent || g->id == parent)))
			continue;
		if (!proc(g->id))
			break;
	}
	return TRUE;
}

K32API BOOL WINAPI EnumSystemGeoNames(GEOCLASS cls, GEO_ENUMNAMEPROC proc, LPARAM param)
{
	WCHAR name[4];
	int i;

	if (!enum_args(cls, proc))
		return FALSE;
	for (i = 0; i < (int)ARRAYSIZE(geo_table); i++) {
		const WCHAR *n = k32_geo_name(&geo_table[i]);
		if (!class_matches(cls, &geo_table[i]) || !*n || !wcscmp(n, L"XX"))
			continue;
		wcscpy(name, n);
		if (!proc(name, param))
			break;
	}
	return TRUE;
}
