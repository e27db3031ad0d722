/*
 * The user's location, kept where Windows keeps it: HKCU\Control Panel\
 * International\Geo, values Name (the location's name), Nation and Region
 * (GEOIDs in decimal).  GetUserDefaultGeoName reports Name, else the
 * nation's code, else the region's number, else "001" (the world).
 */
#include "k32_nls.h"
#include "k32_geo.h"
#include "k32_intl_reg.h"

/* A GEOID value of the Geo key, 0 when missing or not a number. */
static GEOID geo_value_id(HANDLE key, const WCHAR *name)
{
	WCHAR buf[16];
	GEOID id = 0;
	int i;

	if (!key || !k32_intl_get(key, name, buf, ARRAYSIZE(buf)))
		return 0;
	for (i = 0; buf[i]; i++) {
		if (buf[i] < '0' || buf[i] > '9' || i > 9)
			return 0;
		id = id * 10 + (buf[i] - '0');
	}
	return id;
}

/* The location the key names for a class, NULL if none valid. */
static const struct nls_geo *user_geo(HANDLE key, enum nls_geo_class cls)
{
	const struct nls_geo *g;

	g = k32_geo_by_id(geo_value_id(key, cls == NLS_GEO_NATION ? L"Nation" : L"Region"));
	return g && g->cls == cls ? g : NULL;
}

K32API GEOID WINAPI GetUserGeoID(GEOCLASS cls)
{
	HANDLE key = k32_intl_key(L"Geo", FALSE);
	const struct nls_geo *g = NULL;

	if (cls == GEOCLASS_NATION || cls == GEOCLASS_REGION)
		g = user_geo(key, cls == GEOCLASS_NATION ? NLS_GEO_NATION : NLS_GEO_REGION);
	if (key)
		NtClose(key);
	return g ? g->id : GEOID_NOT_AVAILABLE;
}

K32API int WINAPI GetUserDefaultGeoName(LPWSTR buf, int size)
{
	HANDLE key;
	WCHAR name[16] = L"001";
	const struct nls_geo *g;
	int len;

	if (size < 0 || (!buf && size))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((key = k32_intl_key(L"Geo", FALSE))) {
		if (!k32_intl_get(key, L"Name", name, ARRAYSIZE(name))) {
			if ((g = user_geo(key, NLS_GEO_NATION)) || (g = user_geo(key, NLS_GEO_REGION)))
				wcscpy(name, k32_geo_name(g));
		}
		NtClose(key);
	}
	len = k32_wcslen(name) + 1;
	if (!size)
		return len;
	if (size < len)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(buf, name, (SIZE_T)len * sizeof(WCHAR));
	return len;
}

/* Records g as the user's location: its name, and its GEOID as the nation
 * or the region. */
static BOOL set_user_geo(const struct nls_geo *g)
{
	HANDLE key = k32_intl_key(L"Geo", TRUE);
	WCHAR id[12];
	BOOL ok;

	if (!key)
		return k32_error(ERROR_ACCESS_DENIED);
	k32_utow((unsigned)g->id, id);
	ok = k32_reg_set_sz(key, L"Name", k32_geo_name(g));
	if (ok && g->cls != NLS_GEO_FORMER)
		ok = k32_reg_set_sz(key, g->cls == NLS_GEO_NATION ? L"Nation" : L"Region", id);
	NtClose(key);
	return ok;
}

K32API BOOL WINAPI SetUserGeoID(GEOID id)
{
	const struct nls_geo *g = k32_geo_by_id(id);

	if (!g)
		return k32_error(ERROR_INVALID_PARAMETER);
	return set_user_geo(g);
}

K32API BOOL WINAPI SetUserGeoName(PWSTR name)
{
	const struct nls_geo *g = k32_geo_by_name(name);

	if (!g)
		return k32_error(ERROR_INVALID_PARAMETER);
	return set_user_geo(g);
}
