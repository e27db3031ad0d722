/* The loopback interface's other identifiers: its GUID and alias
 * (ConvertInterfaceLuidToGuid and back, ConvertInterfaceLuidToAlias and
 * back), its adapter name (GetAdapterIndex), and the GUID <-> string
 * conversions (ConvertGuidToString, ConvertStringToGuid). */
#include "iphlp_private.h"

static const GUID loopback_guid = LOOPBACK_GUID_INIT;

IPH_API NETIO_STATUS WINAPI ConvertInterfaceLuidToGuid(const NET_LUID *luid, GUID *guid)
{
	if (!luid || !guid)
		return ERROR_INVALID_PARAMETER;
	if (!iph_is_loopback_luid(luid)) {
		memset(guid, 0, sizeof(*guid));
		return ERROR_FILE_NOT_FOUND;
	}
	*guid = loopback_guid;
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceGuidToLuid(const GUID *guid, NET_LUID *luid)
{
	if (!guid || !luid)
		return ERROR_INVALID_PARAMETER;
	luid->Value = 0;
	if (memcmp(guid, &loopback_guid, sizeof(*guid)))
		return ERROR_FILE_NOT_FOUND;
	iph_loopback_luid(luid);
	return ERROR_SUCCESS;
}

/* len in characters, the terminator included. */
IPH_API NETIO_STATUS WINAPI ConvertInterfaceLuidToAlias(const NET_LUID *luid, PWSTR alias,
							SIZE_T len)
{
	if (!luid || !alias)
		return ERROR_INVALID_PARAMETER;
	if (!iph_is_loopback_luid(luid))
		return ERROR_FILE_NOT_FOUND;
	if (len < ARRAYSIZE(LOOPBACK_ALIAS))
		return ERROR_NOT_ENOUGH_MEMORY;
	lstrcpyW(alias, LOOPBACK_ALIAS);
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceAliasToLuid(const WCHAR *alias, NET_LUID *luid)
{
	if (!alias || !luid)
		return ERROR_INVALID_PARAMETER;
	luid->Value = 0;
	if (lstrcmpiW(alias, LOOPBACK_ALIAS))
		return ERROR_INVALID_PARAMETER;
	iph_loopback_luid(luid);
	return ERROR_SUCCESS;
}

/* The adapter name GetIfTable gives ("\DEVICE\TCPIP_{GUID}") or the bare
 * GUID string. */
IPH_API DWORD WINAPI GetAdapterIndex(LPWSTR name, PULONG index)
{
	static const WCHAR device[] = L"\\DEVICE\\TCPIP_";
	const WCHAR *guid = name;

	if (!name || !index)
		return ERROR_INVALID_PARAMETER;
	if (!_wcsnicmp(name, device, ARRAYSIZE(device) - 1))
		guid += ARRAYSIZE(device) - 1;
	if (lstrcmpiW(guid, L"" LOOPBACK_GUID_STRING))
		return ERROR_INVALID_PARAMETER;
	*index = LOOPBACK_INDEX;
	return NO_ERROR;
}

#define GUID_CHARS 39 /* "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" and the terminator */

/* The digits of v, most significant first. */
static char *put_hex(char *p, unsigned long v, int digits)
{
	for (int i = digits; i--;)
		*p++ = "0123456789ABCDEF"[(v >> (4 * i)) & 0xf];
	return p;
}

static void format_guid(const GUID *g, char *out)
{
	char *p = out;

	*p++ = '{';
	p = put_hex(p, g->Data1, 8);
	*p++ = '-';
	p = put_hex(p, g->Data2, 4);
	*p++ = '-';
	p = put_hex(p, g->Data3, 4);
	*p++ = '-';
	for (int i = 0; i < 8; i++) {
		if (i == 2)
			*p++ = '-';
		p = put_hex(p, g->Data4[i], 2);
	}
	*p++ = '}';
	*p = 0;
}

/* len in characters. */
IPH_API DWORD WINAPI ConvertGuidToStringA(const GUID *guid, char *out, DWORD len)
{
	if (!guid || !out)
		return ERROR_INVALID_PARAMETER;
	if (len < GUID_CHARS)
		return ERROR_INSUFFICIENT_BUFFER;
	format_guid(guid, out);
	return NO_ERROR;
}

IPH_API DWORD WINAPI ConvertGuidToStringW(const GUID *guid, WCHAR *out, DWORD len)
{
	char text[GUID_CHARS];
	DWORD err = ConvertGuidToStringA(guid, text, len < GUID_CHARS ? len : GUID_CHARS);

	if (err == NO_ERROR)
		MultiByteToWideChar(CP_ACP, 0, text, -1, out, GUID_CHARS);
	return err;
}

/* hex digits of text into *v; FALSE at a non-digit. */
static BOOL hex_field(const char *text, int digits, unsigned long *v)
{
	*v = 0;
	for (int i = 0; i < digits; i++) {
		char c = text[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return FALSE;
		*v = *v * 16 + (unsigned long)d;
	}
	return TRUE;
}

static BOOL parse_guid(const char *s, GUID *g)
{
	static const int at[11] = { 1, 10, 15, 20, 22, 25, 27, 29, 31, 33, 35 };
	static const int width[11] = { 8, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2 };
	unsigned long v[11];

	if (strlen(s) != GUID_CHARS - 1 || s[0] != '{' || s[9] != '-' || s[14] != '-' ||
	    s[19] != '-' || s[24] != '-' || s[37] != '}')
		return FALSE;
	for (int i = 0; i < 11; i++)
		if (!hex_field(s + at[i], width[i], &v[i]))
			return FALSE;
	g->Data1 = v[0];
	g->Data2 = (USHORT)v[1];
	g->Data3 = (USHORT)v[2];
	for (int i = 0; i < 8; i++)
		g->Data4[i] = (BYTE)v[3 + i];
	return TRUE;
}

IPH_API DWORD WINAPI ConvertStringToGuidA(const char *s, GUID *guid)
{
	if (!s || !guid)
		return ERROR_INVALID_PARAMETER;
	return parse_guid(s, guid) ? NO_ERROR : ERROR_INVALID_PARAMETER;
}

IPH_API DWORD WINAPI ConvertStringToGuidW(const WCHAR *s, GUID *guid)
{
	char text[GUID_CHARS + 1];

	if (!s || !guid || lstrlenW(s) != GUID_CHARS - 1)
		return ERROR_INVALID_PARAMETER;
	WideCharToMultiByte(CP_ACP, 0, s, -1, text, sizeof(text), NULL, NULL);
	return ConvertStringToGuidA(text, guid);
}
