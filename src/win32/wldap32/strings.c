/*
 * Error texts, LdapGetLastError, LdapMapErrorToWin32, and the UTF-8 /
 * UTF-16 conversions (counts in characters, as documented: the result
 * is the length written, or needed when the output length is 0).
 */
#include "ldap_private.h"

struct ldap_error_text {
	ULONG code;
	const char *text;
	const WCHAR *wtext;
	DWORD win32;
};

#define E(code, text, win32) { code, text, L##text, win32 }
static const struct ldap_error_text texts[] = {
	E(LDAP_SUCCESS, "Success", ERROR_SUCCESS),
	E(LDAP_SERVER_DOWN, "Server Down", ERROR_BAD_NET_RESP),
	E(LDAP_PARAM_ERROR, "Parameter Error", ERROR_INVALID_PARAMETER),
	E(LDAP_NO_MEMORY, "No Memory", ERROR_NOT_ENOUGH_MEMORY),
	E(LDAP_NOT_SUPPORTED, "Not Supported", ERROR_NOT_SUPPORTED),
};
#undef E

static const struct ldap_error_text *find_text(ULONG code)
{
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (texts[i].code == code)
			return &texts[i];
	return NULL;
}

PCHAR CDECL ldap_err2stringA(ULONG code)
{
	const struct ldap_error_text *t = find_text(code);

	return (PCHAR)(t ? t->text : "Unknown Error");
}

PWCHAR CDECL ldap_err2stringW(ULONG code)
{
	const struct ldap_error_text *t = find_text(code);

	return (PWCHAR)(t ? t->wtext : L"Unknown Error");
}

ULONG CDECL LdapGetLastError(void)
{
	return ldap_get_error();
}

ULONG CDECL LdapMapErrorToWin32(ULONG code)
{
	const struct ldap_error_text *t = find_text(code);

	return t ? t->win32 : ERROR_DS_GENERIC_ERROR;
}

int CDECL LdapUTF8ToUnicode(LPCSTR src, int src_len, LPWSTR dst, int dst_len)
{
	if (!src || src_len < 0 || dst_len < 0 || (dst_len && !dst))
		return 0;
	return MultiByteToWideChar(CP_UTF8, 0, src, src_len, dst, dst_len);
}

int CDECL LdapUnicodeToUTF8(LPCWSTR src, int src_len, LPSTR dst, int dst_len)
{
	if (!src || src_len < 0 || dst_len < 0 || (dst_len && !dst))
		return 0;
	return WideCharToMultiByte(CP_UTF8, 0, src, src_len, dst, dst_len, NULL, NULL);
}
