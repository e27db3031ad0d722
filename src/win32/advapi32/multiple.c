/* RegQueryMultipleValues: several values of one key into one buffer, each
 * VALENT pointing at its data there.  A buffer too small gives
 * ERROR_MORE_DATA and the size all of them need. */
#include "adv_private.h"

static LSTATUS query_multiple(HKEY hkey, void *list, DWORD count, BYTE *buf, LPDWORD size,
			      BOOL ansi)
{
	DWORD total = 0, room = size ? *size : 0;
	LSTATUS err = ERROR_SUCCESS;

	if (!size || (!list && count))
		return ERROR_INVALID_PARAMETER;
	for (DWORD i = 0; i < count && !err; i++) {
		VALENTW *w = ansi ? NULL : &((VALENTW *)list)[i];
		VALENTA *a = ansi ? &((VALENTA *)list)[i] : NULL;
		DWORD len = 0, type;

		err = ansi ? RegQueryValueExA(hkey, a->ve_valuename, NULL, &type, NULL, &len) :
			     RegQueryValueExW(hkey, w->ve_valuename, NULL, &type, NULL, &len);
		if (err)
			break;
		if (buf && total + len <= room) {
			err = ansi ? RegQueryValueExA(hkey, a->ve_valuename, NULL, &type,
						      buf + total, &len) :
				     RegQueryValueExW(hkey, w->ve_valuename, NULL, &type,
						      buf + total, &len);
		}
		if (ansi) {
			a->ve_valuelen = len, a->ve_type = type;
			a->ve_valueptr = (DWORD_PTR)(buf ? buf + total : NULL);
		} else {
			w->ve_valuelen = len, w->ve_type = type;
			w->ve_valueptr = (DWORD_PTR)(buf ? buf + total : NULL);
		}
		total += len;
	}
	if (err)
		return err;
	*size = total;
	return buf && total <= room ? ERROR_SUCCESS : ERROR_MORE_DATA;
}

ADVAPI LSTATUS WINAPI RegQueryMultipleValuesW(HKEY hkey, PVALENTW list, DWORD count, LPWSTR buf,
					      LPDWORD size)
{
	return query_multiple(hkey, list, count, (BYTE *)buf, size, FALSE);
}

ADVAPI LSTATUS WINAPI RegQueryMultipleValuesA(HKEY hkey, PVALENTA list, DWORD count, LPSTR buf,
					      LPDWORD size)
{
	return query_multiple(hkey, list, count, (BYTE *)buf, size, TRUE);
}
