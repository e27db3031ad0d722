/* GetStringTypeW/Ex/A: character classes from the Unicode data
 * (src/win32/nls/ctype_table.h). */
#include "k32_nls.h"

K32API BOOL WINAPI GetStringTypeW(DWORD type, LPCWCH src, int n, LPWORD out)
{
	WORD (*fn)(WCHAR);
	int i;

	if (!src || !out)
		return k32_error(ERROR_INVALID_PARAMETER);
	switch (type) {
	case CT_CTYPE1: fn = nls_ctype1; break;
	case CT_CTYPE2: fn = nls_ctype2; break;
	case CT_CTYPE3: fn = nls_ctype3; break;
	default: return k32_error(ERROR_INVALID_FLAGS);
	}
	if (n < 0)
		n = (int)wcslen(src) + 1;
	for (i = 0; i < n; i++)
		out[i] = fn(src[i]);
	return TRUE;
}

K32API BOOL WINAPI GetStringTypeExW(LCID lcid, DWORD type, LPCWCH src, int n, LPWORD out)
{
	return GetStringTypeW(type, src, n, out);
}

/* The A form converts with the locale's ANSI code page; each byte gets the
 * type of the character it stands for. */
K32API BOOL WINAPI GetStringTypeA(LCID lcid, DWORD type, LPCSTR src, int n, LPWORD out)
{
	struct k32_locale loc;
	UINT cp = CP_ACP;
	WCHAR *w;
	int wn, i;
	BOOL ret;

	if (!src || !out)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (k32_locale_from_lcid(lcid, &loc))
		cp = k32_locale_ansi_cp(&loc);
	if (n < 0)
		n = (int)strlen(src) + 1;
	if (!(w = k32_a_arg(cp, src, n, &wn)))
		return FALSE;
	ret = GetStringTypeW(type, w, wn, out);
	for (i = wn; ret && i < n; i++)
		out[i] = 0;
	k32_free(w);
	return ret;
}

K32API BOOL WINAPI GetStringTypeExA(LCID lcid, DWORD type, LPCSTR src, int n, LPWORD out)
{
	return GetStringTypeA(lcid, type, src, n, out);
}
