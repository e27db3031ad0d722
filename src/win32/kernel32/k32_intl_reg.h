/* The user's international settings in the registry: HKCU\Control Panel\
 * International and its subkeys (intl_reg.c), where Windows keeps the
 * locale overrides (SetLocaleInfo) and the user's location (Geo). */
#ifndef LSW_K32_INTL_REG_H
#define LSW_K32_INTL_REG_H

#include "k32_private.h"

/* HKCU\Control Panel\International\<sub> (sub NULL: the key itself),
 * created when `create`; NULL when it cannot be opened. */
HANDLE k32_intl_key(const WCHAR *sub, BOOL create);
/* A REG_SZ value (name NULL: the default) into out, room WCHARs with the
 * NUL, its length in *len; FALSE when it is missing, of another type or
 * too long. */
BOOL k32_reg_get_sz(HANDLE key, const WCHAR *name, WCHAR *out, DWORD room, DWORD *len);
BOOL k32_reg_set_sz(HANDLE key, const WCHAR *name, const WCHAR *value);

static inline BOOL k32_intl_get(HANDLE key, const WCHAR *name, WCHAR *out, DWORD room)
{
	DWORD len;

	return k32_reg_get_sz(key, name, out, room, &len);
}

#endif
