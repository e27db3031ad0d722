/* NT registry key and value information layouts and the key calls. */
#ifndef LSW_NT_KEY_H
#define LSW_NT_KEY_H

#include "ntdll/rtl/rtl_nt.h"

/* Key layouts and calls from the Windows driver documentation (wdm.h);
 * mingw's <winternl.h> does not declare them.  Used by
 * advapi32 and by ntdll's Rtl registry helpers. */
enum { KeyBasicInformation, KeyNodeInformation, KeyFullInformation, KeyNameInformation };
enum { KeyValueBasicInformation, KeyValueFullInformation, KeyValuePartialInformation };

typedef struct LSW_KEY_BASIC {
	LARGE_INTEGER LastWriteTime;
	ULONG TitleIndex;
	ULONG NameLength;      /* bytes */
	WCHAR Name[1];
} LSW_KEY_BASIC;

typedef struct LSW_KEY_NODE {
	LARGE_INTEGER LastWriteTime;
	ULONG TitleIndex;
	ULONG ClassOffset;     /* from the start of the structure */
	ULONG ClassLength;     /* bytes */
	ULONG NameLength;      /* bytes */
	WCHAR Name[1];
} LSW_KEY_NODE;

typedef struct LSW_KEY_FULL {
	LARGE_INTEGER LastWriteTime;
	ULONG TitleIndex;
	ULONG ClassOffset;
	ULONG ClassLength;
	ULONG SubKeys;
	ULONG MaxNameLen;      /* bytes, as are the other maxima */
	ULONG MaxClassLen;
	ULONG Values;
	ULONG MaxValueNameLen;
	ULONG MaxValueDataLen;
	WCHAR Class[1];
} LSW_KEY_FULL;

typedef struct LSW_KEY_NAME {
	ULONG NameLength;      /* bytes */
	WCHAR Name[1];         /* the full NT name, \Registry\... */
} LSW_KEY_NAME;

typedef struct LSW_VALUE_BASIC {
	ULONG TitleIndex;
	ULONG Type;
	ULONG NameLength;      /* bytes */
	WCHAR Name[1];
} LSW_VALUE_BASIC;

typedef struct LSW_VALUE_FULL {
	ULONG TitleIndex;
	ULONG Type;
	ULONG DataOffset;      /* from the start of the structure */
	ULONG DataLength;
	ULONG NameLength;      /* bytes */
	WCHAR Name[1];
} LSW_VALUE_FULL;

typedef struct LSW_VALUE_PARTIAL {
	ULONG TitleIndex;
	ULONG Type;
	ULONG DataLength;
	UCHAR Data[1];
} LSW_VALUE_PARTIAL;

_Static_assert(offsetof(LSW_KEY_BASIC, Name) == 16, "layout");
_Static_assert(offsetof(LSW_KEY_NODE, Name) == 24, "layout");
_Static_assert(offsetof(LSW_KEY_FULL, Class) == 44, "layout");
_Static_assert(offsetof(LSW_VALUE_BASIC, Name) == 12, "layout");
_Static_assert(offsetof(LSW_VALUE_FULL, Name) == 20, "layout");
_Static_assert(offsetof(LSW_VALUE_PARTIAL, Data) == 12, "layout");

NTSTATUS NTAPI NtCreateKey(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG, PUNICODE_STRING, ULONG, PULONG);
NTSTATUS NTAPI NtOpenKey(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtOpenKeyEx(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG);
NTSTATUS NTAPI NtDeleteKey(HANDLE);
NTSTATUS NTAPI NtRenameKey(HANDLE, PUNICODE_STRING);
NTSTATUS NTAPI NtFlushKey(HANDLE);
NTSTATUS NTAPI NtSetValueKey(HANDLE, PUNICODE_STRING, ULONG, ULONG, PVOID, ULONG);
NTSTATUS NTAPI NtQueryValueKey(HANDLE, PUNICODE_STRING, int, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtDeleteValueKey(HANDLE, PUNICODE_STRING);
NTSTATUS NTAPI NtEnumerateKey(HANDLE, ULONG, int, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtEnumerateValueKey(HANDLE, ULONG, int, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtQueryKey(HANDLE, int, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtNotifyChangeKey(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, ULONG,
				 BOOLEAN, PVOID, ULONG, BOOLEAN);

#endif
