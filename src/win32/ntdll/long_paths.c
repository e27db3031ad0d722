/*
 * RtlAreLongPathsEnabled: whether Win32 paths may pass MAX_PATH without
 * the \\?\ prefix.  On Windows that takes the machine's setting (the
 * LongPathsEnabled value of ...\Control\FileSystem, off on a new
 * machine) and the program's manifest saying longPathAware; LSW's
 * manifest reader does not read windowsSettings yet, so the machine's
 * setting alone answers (off unless the prefix's registry turns it on).
 * Read once: Windows too reads it once per process.
 */
#include "loader.h"
#include "rtl/nt_key.h"

static LONG long_paths = -1;	/* unknown, FALSE or TRUE */

static BOOLEAN read_setting(void)
{
	union {
		LSW_VALUE_PARTIAL info;
		BYTE raw[sizeof(LSW_VALUE_PARTIAL) + sizeof(ULONG)];
	} buf;
	UNICODE_STRING path, value;
	OBJECT_ATTRIBUTES oa;
	HANDLE key;
	ULONG got = 0, on = 0;

	RtlInitUnicodeString(&path, L"\\Registry\\Machine\\SYSTEM\\CurrentControlSet\\Control\\FileSystem");
	RtlInitUnicodeString(&value, L"LongPathsEnabled");
	InitializeObjectAttributes(&oa, &path, OBJ_CASE_INSENSITIVE, NULL, NULL);
	if (!NT_SUCCESS(NtOpenKey(&key, KEY_QUERY_VALUE, &oa)))
		return FALSE;
	if (NT_SUCCESS(NtQueryValueKey(key, &value, KeyValuePartialInformation, &buf, sizeof(buf),
				       &got)) &&
	    buf.info.Type == REG_DWORD && buf.info.DataLength >= sizeof(ULONG))
		memcpy(&on, buf.info.Data, sizeof(on));
	NtClose(key);
	return on != 0;
}

RTLAPI BOOLEAN NTAPI RtlAreLongPathsEnabled(void)
{
	LONG v = long_paths;
	if (v < 0) {
		v = read_setting();
		InterlockedExchange(&long_paths, v);
	}
	return (BOOLEAN)v;
}
