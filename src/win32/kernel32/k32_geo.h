/* Geographical locations (geo.c), shared with the user's location
 * (geo_user.c). */
#ifndef LSW_K32_GEO_H
#define LSW_K32_GEO_H

#include "k32_private.h"

#if NTDDI_VERSION < NTDDI_WIN10_RS3 /* winnls.h has these for Windows 10 1709+ only */
#define GEO_NAME 0x11
#define GEO_ID 0x12
typedef BOOL(CALLBACK *GEO_ENUMNAMEPROC)(PWSTR, LPARAM);
#endif

enum nls_geo_class { NLS_GEO_NATION, NLS_GEO_REGION, NLS_GEO_FORMER };

struct nls_geo {
	GEOID id;
	enum nls_geo_class cls;
	const WCHAR *iso2, *iso3, *un; /* "" when the location has none */
	GEOID parent;
};

#define K32_GEO_WORLD 39070

/* The location of a GEOID, NULL if unknown. */
const struct nls_geo *k32_geo_by_id(GEOID id);
/* A location by its name: a nation's ISO 3166 code (any case) or a
 * region's UN M.49 number; NULL if none. */
const struct nls_geo *k32_geo_by_name(const WCHAR *name);
/* Its name as GEO_NAME reports it: the ISO code of a nation, the M.49
 * number of a region. */
const WCHAR *k32_geo_name(const struct nls_geo *g);

#endif
