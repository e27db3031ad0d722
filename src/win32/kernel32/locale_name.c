/*
 * Locale names: LocaleNameToLCID, LCIDToLocaleName, the default locale
 * names and ResolveLocaleName.  A neutral name ("de") stands for its
 * specific locale unless LOCALE_ALLOW_NEUTRAL_NAMES is given.
 */
#include "k32_nls.h"

/* Copies a name (with its NUL) into buf of len units; the API convention:
 * len 0 asks the size, too small fails with ERROR_INSUFFICIENT_BUFFER. */
static int copy_name(const WCHAR *name, WCHAR *buf, int len)
{
	int n = k32_wcslen(name) + 1;

	if (len < 0 || (len && !buf))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!len)
		return n;
	if (len < n)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(buf, name, (SIZE_T)n * sizeof(WCHAR));
	return n;
}

K32API LCID WINAPI LocaleNameToLCID(LPCWSTR name, DWORD flags)
{
	const struct nls_locale_name *e;

	if (!name)
		return GetUserDefaultLCID();
	if (!(e = nls_locale_by_name(name))) {
		k32_error(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (e->kind == NLS_LOCALE_NEUTRAL && !(flags & LOCALE_ALLOW_NEUTRAL_NAMES))
		e = nls_locale_specific(e);
	return e->lcid;
}

K32API int WINAPI LCIDToLocaleName(LCID lcid, LPWSTR name, int len, DWORD flags)
{
	const struct nls_locale_name *e = nls_locale_by_lcid(lcid);
	struct k32_locale loc;

	if (e && e->kind == NLS_LOCALE_NEUTRAL && (flags & LOCALE_ALLOW_NEUTRAL_NAMES))
		return copy_name(e->name, name, len);
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return copy_name(loc.entry->name, name, len);
}

K32API int WINAPI GetUserDefaultLocaleName(LPWSTR name, int len)
{
	return LCIDToLocaleName(GetUserDefaultLCID(), name, len, 0);
}

K32API int WINAPI GetSystemDefaultLocaleName(LPWSTR name, int len)
{
	return LCIDToLocaleName(GetSystemDefaultLCID(), name, len, 0);
}

static BOOL is_name_char(WCHAR c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

/* The closest locale we have: the name itself, or with its last parts
 * ("-RR", "_sort") dropped, as a specific locale; "" when none matches. */
static const WCHAR *resolve(const WCHAR *name)
{
	WCHAR tmp[LOCALE_NAME_MAX_LENGTH];
	const struct nls_locale_name *e;
	int n = k32_wcslen(name);

	if (n >= LOCALE_NAME_MAX_LENGTH)
		return L"";
	memcpy(tmp, name, (SIZE_T)(n + 1) * sizeof(WCHAR));
	while (n > 0) {
		if ((e = nls_locale_by_name(tmp)))
			return nls_locale_specific(e)->name;
		while (n > 0 && tmp[n - 1] != '-' && tmp[n - 1] != '_')
			n--;
		tmp[n > 0 ? --n : 0] = 0;
	}
	return L"";
}

K32API int WINAPI ResolveLocaleName(LPCWSTR name, LPWSTR buf, int len)
{
	const WCHAR *p, *res;
	int n;

	if (!name) {
		res = L"en-US";
	} else {
		if (!wcscmp(name, LOCALE_NAME_SYSTEM_DEFAULT))
			return k32_error(ERROR_INVALID_PARAMETER);
		for (p = name; *p; p++)
			if (!is_name_char(*p))
				return k32_error(ERROR_INVALID_PARAMETER);
		res = resolve(name);
	}
	n = k32_wcslen(res) + 1;
	if (!len || !buf)
		return n;
	if (len < n) {
		memcpy(buf, res, (SIZE_T)(len - 1) * sizeof(WCHAR));
		buf[len - 1] = 0;
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	memcpy(buf, res, (SIZE_T)n * sizeof(WCHAR));
	return n;
}
