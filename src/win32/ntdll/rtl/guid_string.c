/* GUIDs as text, "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" in upper case:
 * RtlStringFromGUID, RtlStringFromGUIDEx, RtlGUIDFromString. */
#include "rtl_private.h"

#define GUID_CHARS 38

static const char hex_digits[] = "0123456789ABCDEF";

/* Where each byte of the GUID's text goes: Data1-3 as numbers (most
 * significant digit first), Data4 byte by byte. */
static void guid_bytes(const GUID *g, BYTE out[16])
{
	for (int i = 0; i < 4; i++)
		out[i] = (BYTE)(g->Data1 >> (24 - 8 * i));
	out[4] = (BYTE)(g->Data2 >> 8), out[5] = (BYTE)g->Data2;
	out[6] = (BYTE)(g->Data3 >> 8), out[7] = (BYTE)g->Data3;
	memcpy(out + 8, g->Data4, 8);
}

/* The byte index of each two-digit group after the brace, and -1 for the
 * dashes: 8-4-4-4-12. */
static int group_of(int pos)
{
	static const signed char layout[36] = {
		0, 0, 1, 1, 2, 2, 3, 3, -1, 4, 4, 5, 5, -1, 6, 6, 7, 7, -1,
		8, 8, 9, 9, -1, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15,
	};
	return layout[pos];
}

static void format_guid(const GUID *g, WCHAR *out)
{
	BYTE b[16];

	guid_bytes(g, b);
	out[0] = '{';
	for (int pos = 0; pos < 36; pos++) {
		int i = group_of(pos);
		/* the first of a pair is the high nibble */
		int high = pos == 0 || group_of(pos - 1) != i;
		out[pos + 1] = i < 0 ? '-' : hex_digits[high ? b[i] >> 4 : b[i] & 15];
	}
	out[37] = '}';
	out[38] = 0;
}

RTLAPI NTSTATUS NTAPI RtlStringFromGUIDEx(const GUID *guid, PUNICODE_STRING str, BOOLEAN alloc)
{
	if (alloc) {
		str->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, (GUID_CHARS + 1) * sizeof(WCHAR));
		if (!str->Buffer)
			return STATUS_NO_MEMORY;
		str->MaximumLength = (GUID_CHARS + 1) * sizeof(WCHAR);
	} else if (str->MaximumLength < (GUID_CHARS + 1) * sizeof(WCHAR)) {
		return STATUS_BUFFER_TOO_SMALL;
	}
	format_guid(guid, str->Buffer);
	str->Length = GUID_CHARS * sizeof(WCHAR);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlStringFromGUID(const GUID *guid, PUNICODE_STRING str)
{
	return RtlStringFromGUIDEx(guid, str, TRUE);
}

static int hex_value(WCHAR c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Exactly the braced form, either case; anything else is
 * STATUS_INVALID_PARAMETER and leaves *guid alone. */
RTLAPI NTSTATUS NTAPI RtlGUIDFromString(PCUNICODE_STRING str, GUID *guid)
{
	const WCHAR *s = str->Buffer;
	BYTE b[16] = { 0 };

	if (str->Length < GUID_CHARS * sizeof(WCHAR) || s[0] != '{' || s[37] != '}')
		return STATUS_INVALID_PARAMETER;
	for (int pos = 0; pos < 36; pos++) {
		int i = group_of(pos), v = hex_value(s[pos + 1]);
		if (i < 0 ? s[pos + 1] != '-' : v < 0)
			return STATUS_INVALID_PARAMETER;
		if (i >= 0)
			b[i] = (BYTE)(b[i] << 4 | v);
	}
	guid->Data1 = (ULONG)b[0] << 24 | (ULONG)b[1] << 16 | (ULONG)b[2] << 8 | b[3];
	guid->Data2 = (USHORT)(b[4] << 8 | b[5]);
	guid->Data3 = (USHORT)(b[6] << 8 | b[7]);
	memcpy(guid->Data4, b + 8, 8);
	return STATUS_SUCCESS;
}
