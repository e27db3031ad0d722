/* A user-specific registry key (HUSKEY): the same path under
 * HKEY_CURRENT_USER and HKEY_LOCAL_MACHINE, either of which may be
 * missing; reads prefer the user's. */
#ifndef LSW_SHLWAPI_REG_US_H
#define LSW_SHLWAPI_REG_US_H

#define US_KEY_MAGIC 0x79654b53 /* "SKey" */

struct us_key {
	DWORD magic;
	HKEY hkcu, hklm;
};

/* The key behind a handle, or NULL for one we did not make. */
static inline struct us_key *us_key_of(HUSKEY h)
{
	struct us_key *k = h;

	return k && k->magic == US_KEY_MAGIC ? k : NULL;
}

struct us_key *us_key_new(void);
/* The half a SHREGENUM_ flag picks for reading (DEFAULT: the user's when
 * it exists, else the machine's) in *key; the error for a bad handle, for
 * SHREGENUM_BOTH (documented as not implemented) or, when that half is
 * missing, `missing`. */
LONG us_key_pick(HUSKEY h, DWORD flags, LONG missing, HKEY *key);

#endif
