/* UUIDs as text: UuidToStringA/W, UuidFromStringA/W, RpcStringFreeA/W.
 * The strings come from the process heap. */
#define DECLSPEC_IMPORT
#include <windows.h>
#include <rpc.h>

#define RPC_API __declspec(dllexport)

/* The 36 characters of u, lower case. */
static void format(const UUID *u, char out[37])
{
	static const char hex[] = "0123456789abcdef";
	BYTE b[16];
	int k = 0;

	for (int i = 0; i < 4; i++)
		b[i] = (BYTE)(u->Data1 >> (24 - 8 * i));
	b[4] = (BYTE)(u->Data2 >> 8), b[5] = (BYTE)u->Data2;
	b[6] = (BYTE)(u->Data3 >> 8), b[7] = (BYTE)u->Data3;
	memcpy(b + 8, u->Data4, 8);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[b[i] >> 4];
		out[k++] = hex[b[i] & 15];
	}
	out[k] = 0;
}

static int nibble(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Exactly the 36-character form; FALSE otherwise. */
static BOOL parse(const char *s, UUID *u)
{
	BYTE b[16];
	int k = 0;

	for (int i = 0; i < 36; i++) {
		int hi, lo;

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return FALSE;
			continue;
		}
		if ((hi = nibble(s[i])) < 0 || (lo = nibble(s[i + 1])) < 0)
			return FALSE;
		b[k++] = (BYTE)(hi << 4 | lo);
		i++;
	}
	if (s[36])
		return FALSE;
	u->Data1 = (ULONG)b[0] << 24 | (ULONG)b[1] << 16 | (ULONG)b[2] << 8 | b[3];
	u->Data2 = (USHORT)(b[4] << 8 | b[5]);
	u->Data3 = (USHORT)(b[6] << 8 | b[7]);
	memcpy(u->Data4, b + 8, 8);
	return TRUE;
}

RPC_API RPC_STATUS RPC_ENTRY UuidToStringA(UUID *u, RPC_CSTR *out)
{
	char *s;

	if (!out)
		return RPC_S_INVALID_ARG;
	if (!(s = HeapAlloc(GetProcessHeap(), 0, 37)))
		return RPC_S_OUT_OF_MEMORY;
	if (u)
		format(u, s);
	else
		lstrcpyA(s, "00000000-0000-0000-0000-000000000000");
	*out = (RPC_CSTR)s;
	return RPC_S_OK;
}

RPC_API RPC_STATUS RPC_ENTRY UuidToStringW(UUID *u, RPC_WSTR *out)
{
	char a[37];
	WCHAR *s;

	if (!out)
		return RPC_S_INVALID_ARG;
	if (!(s = HeapAlloc(GetProcessHeap(), 0, 37 * sizeof(WCHAR))))
		return RPC_S_OUT_OF_MEMORY;
	if (u)
		format(u, a);
	else
		lstrcpyA(a, "00000000-0000-0000-0000-000000000000");
	for (int i = 0; i < 37; i++)
		s[i] = (BYTE)a[i];
	*out = s;
	return RPC_S_OK;
}

/* NULL or "" is the nil UUID, as documented. */
RPC_API RPC_STATUS RPC_ENTRY UuidFromStringA(RPC_CSTR text, UUID *u)
{
	if (!u)
		return RPC_S_INVALID_ARG;
	if (!text || !*text) {
		memset(u, 0, sizeof(*u));
		return RPC_S_OK;
	}
	return parse((const char *)text, u) ? RPC_S_OK : RPC_S_INVALID_STRING_UUID;
}

RPC_API RPC_STATUS RPC_ENTRY UuidFromStringW(RPC_WSTR text, UUID *u)
{
	char a[37];
	int i;

	if (!u)
		return RPC_S_INVALID_ARG;
	if (!text || !*text) {
		memset(u, 0, sizeof(*u));
		return RPC_S_OK;
	}
	for (i = 0; i < 36 && text[i]; i++)
		a[i] = text[i] < 0x80 ? (char)text[i] : '?';
	a[i] = 0;
	return i == 36 && !text[36] && parse(a, u) ? RPC_S_OK : RPC_S_INVALID_STRING_UUID;
}

RPC_API RPC_STATUS RPC_ENTRY RpcStringFreeA(RPC_CSTR *s)
{
	if (!s)
		return RPC_S_INVALID_ARG;
	if (*s)
		HeapFree(GetProcessHeap(), 0, *s);
	*s = NULL;
	return RPC_S_OK;
}

RPC_API RPC_STATUS RPC_ENTRY RpcStringFreeW(RPC_WSTR *s)
{
	if (!s)
		return RPC_S_INVALID_ARG;
	if (*s)
		HeapFree(GetProcessHeap(), 0, *s);
	*s = NULL;
	return RPC_S_OK;
}
