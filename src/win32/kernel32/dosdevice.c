/*
 * QueryDosDevice: the MS-DOS device names are the symbolic links of the
 * object directory \?? (and \GLOBAL??), and lsw's drive letters, which
 * are all on its one volume device.
 */
#include "k32_private.h"

#define DIRECTORY_QUERY 0x0001
#define SYMBOLIC_LINK_QUERY 0x0001
#define DRIVE_DEVICE L"\\Device\\HarddiskVolume1"

NTSTATUS NTAPI NtOpenSymbolicLinkObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtQuerySymbolicLinkObject(HANDLE, PUNICODE_STRING, PULONG);
NTSTATUS NTAPI NtOpenDirectoryObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtQueryDirectoryObject(HANDLE, PVOID, ULONG, BOOLEAN, BOOLEAN, PULONG, PULONG);

typedef struct {
	UNICODE_STRING Name, TypeName;
} object_dir_entry;

static int drive_of_name(LPCWSTR name)
{
	WCHAR c = name[0];

	if (c >= 'a' && c <= 'z')
		c = (WCHAR)(c - 'a' + 'A');
	if (c < 'A' || c > 'Z' || name[1] != ':' || name[2])
		return -1;
	return (GetLogicalDrives() & (1u << (c - 'A'))) ? c - 'A' : -1;
}

/* Appends s (n units) and a NUL at *at; false once out of room. */
static BOOL append(LPWSTR out, DWORD size, DWORD *at, const WCHAR *s, size_t n)
{
	if (*at + n + 1 > size)
		return FALSE;
	memcpy(out + *at, s, n * sizeof(WCHAR));
	*at += (DWORD)n;
	out[(*at)++] = 0;
	return TRUE;
}

/* The target of the link \??\name into out, with the list's final NUL. */
static DWORD query_link(LPCWSTR name, LPWSTR out, DWORD size)
{
	WCHAR path[MAX_PATH + 8] = L"\\??\\";
	UNICODE_STRING s, target;
	OBJECT_ATTRIBUTES oa;
	NTSTATUS status;
	HANDLE h;

	if (wcslen(name) > MAX_PATH)
		return k32_error(ERROR_FILE_NOT_FOUND);
	wcscat(path, name);
	RtlInitUnicodeString(&s, path);
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
	if ((status = NtOpenSymbolicLinkObject(&h, SYMBOLIC_LINK_QUERY, &oa)) < 0)
		return k32_fail(status);
	target.Buffer = out;
	target.Length = 0;
	target.MaximumLength = (USHORT)(size > 2 ? (size - 2 > 0x7fff ? 0x7fff : size - 2) * 2 : 0);
	status = NtQuerySymbolicLinkObject(h, &target, NULL);
	NtClose(h);
	if (status == STATUS_BUFFER_TOO_SMALL)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (status < 0)
		return k32_fail(status);
	out[target.Length / 2] = 0;
	out[target.Length / 2 + 1] = 0;
	return target.Length / 2 + 2;
}

/* Appends the names of the links in the object directory dir. */
static BOOL list_links(const WCHAR *dir, LPWSTR out, DWORD size, DWORD *at)
{
	union {
		object_dir_entry e;
		BYTE raw[1024];
	} buf;
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
	ULONG context = 0, len;
	HANDLE h;

	RtlInitUnicodeString(&s, dir);
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
	if (NtOpenDirectoryObject(&h, DIRECTORY_QUERY, &oa) < 0)
		return TRUE;
	while (NtQueryDirectoryObject(h, &buf, sizeof(buf), TRUE, context == 0, &context, &len) >= 0) {
		if (buf.e.TypeName.Length != 24 ||
		    wcsncmp(buf.e.TypeName.Buffer, L"SymbolicLink", 12))
			continue;
		if (!append(out, size, at, buf.e.Name.Buffer, buf.e.Name.Length / 2)) {
			NtClose(h);
			return FALSE;
		}
	}
	NtClose(h);
	return TRUE;
}

/* Every name: the drives, then the links. */
static DWORD list_all(LPWSTR out, DWORD size)
{
	DWORD drives = GetLogicalDrives(), at = 0;
	WCHAR drive[2] = { 0, ':' };

	for (int d = 0; d < 26; d++) {
		drive[0] = (WCHAR)('A' + d);
		if ((drives & (1u << d)) && !append(out, size, &at, drive, 2))
			return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	if (!list_links(L"\\??", out, size, &at) || !list_links(L"\\GLOBAL??", out, size, &at) ||
	    at + 1 > size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	out[at++] = 0;
	return at;
}

K32API DWORD WINAPI QueryDosDeviceW(LPCWSTR name, LPWSTR out, DWORD size)
{
	DWORD at = 0;

	if (!out || !size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (!name)
		return list_all(out, size);
	if (drive_of_name(name) < 0)
		return query_link(name, out, size);
	if (!append(out, size, &at, DRIVE_DEVICE, wcslen(DRIVE_DEVICE)) || at + 1 > size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	out[at++] = 0;
	return at;
}

K32API DWORD WINAPI QueryDosDeviceA(LPCSTR name, LPSTR out, DWORD size)
{
	UNICODE_STRING w = { 0 };
	WCHAR *wout;
	DWORD n;

	if (!out || !size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (name && !k32_ansi_arg(name, &w))
		return 0;
	if (!(wout = RtlAllocateHeap(k32_heap(), 0, size * sizeof(WCHAR)))) {
		k32_free(w.Buffer);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	n = QueryDosDeviceW(w.Buffer, wout, size);
	if (n)
		k32_w_to_a(wout, n - 1, out); /* the last NUL comes with it */
	RtlFreeHeap(k32_heap(), 0, wout);
	k32_free(w.Buffer);
	return n;
}
