/*
 * The process's global flag (PEB NtGlobalFlag), read at start-up before
 * the process heap exists: the "GlobalFlag" value of the image's key under
 * Image File Execution Options (what gflags.exe writes), a REG_DWORD or a
 * hexadecimal REG_SZ.  Its heap bits turn on the debug heap in every heap
 * the process creates (rtl/heap_debug.c).  The key is not opened when
 * process creation found none (the parameters' IMAGE_KEY_MISSING flag),
 * as Windows' loader skips it.
 */
#include "loader.h"
#include "rtl/nt_key.h"

static const WCHAR ifeo_key[] = L"\\Registry\\Machine\\Software\\Microsoft\\Windows NT\\"
				L"CurrentVersion\\Image File Execution Options\\";

/* The image's key: IFEO\<file name of the image>.  The name is at most
 * 255 characters (a path component), which the buffer holds. */
static NTSTATUS open_image_key(const UNICODE_STRING *image, HANDLE *key)
{
	WCHAR path[ARRAYSIZE(ifeo_key) + 256];
	USHORT n = image->Length / sizeof(WCHAR), start = n, len;
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;

	while (start && image->Buffer[start - 1] != '\\')
		start--;
	len = n - start;
	if (!len || len > 255)
		return STATUS_OBJECT_NAME_NOT_FOUND;
	memcpy(path, ifeo_key, sizeof(ifeo_key) - sizeof(WCHAR));
	memcpy(path + ARRAYSIZE(ifeo_key) - 1, image->Buffer + start, len * sizeof(WCHAR));
	name.Buffer = path;
	name.Length = name.MaximumLength = (USHORT)((ARRAYSIZE(ifeo_key) - 1 + len) * sizeof(WCHAR));
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	return NtOpenKey(key, KEY_QUERY_VALUE, &oa);
}

/* "0x1234" or "1234", hexadecimal either way, as gflags writes it. */
static ULONG parse_hex(const WCHAR *s, ULONG chars)
{
	ULONG v = 0, i = 0;

	if (chars >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		i = 2;
	for (; i < chars && s[i]; i++) {
		WCHAR c = s[i];
		ULONG d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			  c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;

		if (d == 16)
			break;
		v = v * 16 + d;
	}
	return v;
}

ULONG ldr_read_global_flag(const UNICODE_STRING *image)
{
	union {
		LSW_VALUE_PARTIAL info;
		BYTE raw[sizeof(LSW_VALUE_PARTIAL) + 32 * sizeof(WCHAR)];
	} buf;
	UNICODE_STRING value;
	HANDLE key;
	ULONG got = 0, flag = 0;

	if (lsw_peb()->ProcessParameters->Flags & LSW_PARAMS_IMAGE_KEY_MISSING)
		return 0;
	RtlInitUnicodeString(&value, L"GlobalFlag");
	if (!NT_SUCCESS(open_image_key(image, &key)))
		return 0;
	if (NT_SUCCESS(NtQueryValueKey(key, &value, KeyValuePartialInformation, &buf,
				       sizeof(buf), &got))) {
		if (buf.info.Type == REG_DWORD && buf.info.DataLength >= sizeof(ULONG))
			memcpy(&flag, buf.info.Data, sizeof(flag));
		else if (buf.info.Type == REG_SZ)
			flag = parse_hex((const WCHAR *)buf.info.Data,
					 buf.info.DataLength / sizeof(WCHAR));
	}
	NtClose(key);
	return flag;
}

RTLAPI ULONG NTAPI RtlGetNtGlobalFlags(void)
{
	return lsw_peb()->NtGlobalFlag;
}
