/*
 * QueryDosDevice and DefineDosDevice: the MS-DOS device names are the
 * symbolic links of the object directory \?? (the job's own device map,
 * where its drives are links to their volumes, "C:" ->
 * "\Device\HarddiskVolume3") and of \GLOBAL??.  DefineDosDevice adds and
 * removes links in the job's map only: a name it makes leads where its
 * target leads, through the job's own drives.
 */
#include "k32_private.h"

#define DIRECTORY_QUERY 0x0001
#define SYMBOLIC_LINK_QUERY 0x0001
#define SYMBOLIC_LINK_ALL_ACCESS 0xF0001
#define OBJ_PERMANENT_NAME 0x10

NTSTATUS NTAPI NtCreateSymbolicLinkObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES,
					  PUNICODE_STRING);
NTSTATUS NTAPI NtOpenSymbolicLinkObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtQuerySymbolicLinkObject(HANDLE, PUNICODE_STRING, PULONG);
NTSTATUS NTAPI NtOpenDirectoryObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtQueryDirectoryObject(HANDLE, PVOID, ULONG, BOOLEAN, BOOLEAN, PULONG, PULONG);
NTSTATUS NTAPI NtMakeTemporaryObject(HANDLE);

typedef struct {
	UNICODE_STRING Name, TypeName;
} object_dir_entry;

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

/* "\??\name" (name at most MAX_PATH long) for an NT call. */
struct dos_name {
	WCHAR path[MAX_PATH + 8];
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
};

static void dos_name_init(struct dos_name *d, LPCWSTR name, ULONG attributes)
{
	wcscpy(d->path, L"\\??\\");
	wcscat(d->path, name);
	RtlInitUnicodeString(&d->s, d->path);
	InitializeObjectAttributes(&d->oa, &d->s, OBJ_CASE_INSENSITIVE | attributes, NULL, NULL);
}

/* Opens the link \??\name with access. */
static NTSTATUS open_link(LPCWSTR name, ACCESS_MASK access, HANDLE *h)
{
	struct dos_name d;

	if (wcslen(name) > MAX_PATH)
		return STATUS_OBJECT_NAME_NOT_FOUND;
	dos_name_init(&d, name, 0);
	return NtOpenSymbolicLinkObject(h, access, &d.oa);
}

/* The target of the link \??\name into out, with the list's final NUL. */
static DWORD query_link(LPCWSTR name, LPWSTR out, DWORD size)
{
	UNICODE_STRING target;
	NTSTATUS status;
	HANDLE h;

	if ((status = open_link(name, SYMBOLIC_LINK_QUERY, &h)) < 0)
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

/* Every name: the job's, then the global ones. */
static DWORD list_all(LPWSTR out, DWORD size)
{
	DWORD at = 0;

	if (!list_links(L"\\??", out, size, &at) || !list_links(L"\\GLOBAL??", out, size, &at) ||
	    at + 1 > size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	out[at++] = 0;
	return at;
}

K32API DWORD WINAPI QueryDosDeviceW(LPCWSTR name, LPWSTR out, DWORD size)
{
	if (!out || !size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	return name ? query_link(name, out, size) : list_all(out, size);
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

/* Takes the definition of name away: made temporary, its name goes with
 * the handle.  With DDD_EXACT_MATCH_ON_REMOVE, only if its target is
 * target (as given, or as the NT name of a DOS path). */
static BOOL remove_definition(DWORD flags, LPCWSTR name, LPCWSTR target)
{
	WCHAR now[MAX_PATH + 8];
	UNICODE_STRING nt = { 0 };
	NTSTATUS status;
	HANDLE h;
	BOOL same;

	if ((flags & DDD_EXACT_MATCH_ON_REMOVE) && target) {
		if (!query_link(name, now, MAX_PATH + 8))
			return FALSE;
		same = !_wcsicmp(now, target);
		if (!same && !(flags & DDD_RAW_TARGET_PATH) && k32_nt_path(target, &nt) >= 0) {
			same = nt.Length == wcslen(now) * sizeof(WCHAR) &&
			       !_wcsnicmp(now, nt.Buffer, nt.Length / sizeof(WCHAR));
			RtlFreeUnicodeString(&nt);
		}
		if (!same)
			return k32_error(ERROR_FILE_NOT_FOUND);
	}
	if ((status = open_link(name, SYMBOLIC_LINK_QUERY | DELETE, &h)) < 0)
		return k32_fail(status);
	status = NtMakeTemporaryObject(h);
	NtClose(h);
	return status < 0 ? k32_fail(status) : TRUE;
}

/* A link \??\name to target, kept by the job's device map (permanent
 * there); a name defined already is replaced (Windows stacks the
 * definitions, and a removal brings the previous one back: not kept). */
static NTSTATUS make_link(LPCWSTR name, UNICODE_STRING *target)
{
	struct dos_name d;
	NTSTATUS status;
	HANDLE h;

	dos_name_init(&d, name, OBJ_PERMANENT_NAME);
	status = NtCreateSymbolicLinkObject(&h, SYMBOLIC_LINK_ALL_ACCESS, &d.oa, target);
	if (status == STATUS_OBJECT_NAME_COLLISION && open_link(name, DELETE, &h) >= 0) {
		NtMakeTemporaryObject(h);
		NtClose(h);
		status = NtCreateSymbolicLinkObject(&h, SYMBOLIC_LINK_ALL_ACCESS, &d.oa, target);
	}
	if (status >= 0)
		NtClose(h);
	return status;
}

/* DDD_RAW_TARGET_PATH: target is an NT name; otherwise a DOS path, made
 * one ("C:/windows/" -> "\??\C:\windows\").  DDD_NO_BROADCAST_SYSTEM:
 * nothing to broadcast to without windows. */
K32API BOOL WINAPI DefineDosDeviceW(DWORD flags, LPCWSTR name, LPCWSTR target)
{
	UNICODE_STRING nt;
	NTSTATUS status;

	if (!name || !name[0] || wcslen(name) > MAX_PATH || wcschr(name, '\\'))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & DDD_REMOVE_DEFINITION)
		return remove_definition(flags, name, target);
	if (!target || !target[0])
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & DDD_RAW_TARGET_PATH) {
		RtlInitUnicodeString(&nt, target);
		status = make_link(name, &nt);
	} else if ((status = k32_nt_path(target, &nt)) >= 0) {
		status = make_link(name, &nt);
		RtlFreeUnicodeString(&nt);
	}
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI DefineDosDeviceA(DWORD flags, LPCSTR name, LPCSTR target)
{
	UNICODE_STRING wn = { 0 }, wt = { 0 };
	BOOL r;

	if (!k32_ansi_args2(name, target, &wn, &wt))
		return FALSE;
	r = DefineDosDeviceW(flags, wn.Buffer, wt.Buffer);
	k32_free(wn.Buffer);
	k32_free(wt.Buffer);
	return r;
}
