/*
 * The Windows version as a program is told it.  The system is Windows 10
 * 22H2 (10.0.19045, what RtlGetVersion and the PEB say), but since
 * Windows 8.1 GetVersion, GetVersionEx and VerifyVersionInfo answer as
 * the program's compatibility manifest allows (documented in "Operating
 * System Version" and VerifyVersionInfo's remarks): with no manifest, or
 * one naming only Vista/7/8 in <supportedOS Id=...>, the program is told
 * 6.2.9200 (Windows 8); with the Windows 8.1 GUID 6.3.9600; with the
 * Windows 10 GUID the real version.  The manifest is the program's
 * RT_MANIFEST resource number 1 (CREATEPROCESS_MANIFEST_RESOURCE_ID), else
 * the file beside it named after it plus ".manifest", looked for only when
 * process creation found one there (the parameters' APP_MANIFEST_PRESENT
 * flag, as Windows reads that file when it creates the process: one
 * written later is not seen, and a start without it costs no probe).
 * A program whose manifest names no supportedOS is judged by the OS
 * version its PE header asks for, as Windows 10 does: 10.0 or later gets
 * 10.0, 6.3 or later 6.3, anything older 6.2 (Wine's conformance test
 * shows it on Windows).
 */
#include "k32_private.h"

NTSTATUS NTAPI RtlGetVersion(PRTL_OSVERSIONINFOW);

#define MANIFEST_ID 1
#define GUID_CHARS 38 /* {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} */

enum compat { COMPAT_NONE, COMPAT_WIN8, COMPAT_WIN81, COMPAT_WIN10 };

#define MANIFEST_FILE_MAX 0x10000

static const char win81_guid[] = "{1f676c76-80e1-4239-95bb-83d0f6d0da78}";
static const char win10_guid[] = "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}";

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Case-insensitive: does s (n bytes) start with the ASCII word w? */
static BOOL starts(const char *s, size_t n, const char *w)
{
	size_t i = 0;

	for (; w[i]; i++)
		if (i >= n || lower(s[i]) != lower(w[i]))
			return FALSE;
	return TRUE;
}

/* The compatibility a supportedOS tag at t (just past "supportedOS")
 * grants, from its Id attribute; the tag ends at the first '>'. */
static enum compat tag_compat(const char *t, size_t n)
{
	for (size_t i = 0; i < n && t[i] != '>'; i++) {
		if (!starts(t + i, n - i, "id") || (i && t[i - 1] != ' ' && t[i - 1] != '\t' &&
						    t[i - 1] != '\r' && t[i - 1] != '\n'))
			continue;
		for (i += 2; i < n && (t[i] == ' ' || t[i] == '=' || t[i] == '"' || t[i] == '\'');)
			i++;
		if (starts(t + i, n - i, win10_guid))
			return COMPAT_WIN10;
		if (starts(t + i, n - i, win81_guid))
			return COMPAT_WIN81;
		break;
	}
	return COMPAT_WIN8;
}

/* The highest Windows a UTF-8 manifest declares support for; comments
 * (<!-- ... -->) do not count. */
static enum compat manifest_compat(const char *s, size_t n)
{
	enum compat best = COMPAT_NONE, c;

	for (size_t i = 0; i < n; i++) {
		if (starts(s + i, n - i, "<!--")) {
			while (i < n && !starts(s + i, n - i, "-->"))
				i++;
			continue;
		}
		if (s[i] != '<')
			continue;
		while (i + 1 < n && s[i + 1] != '>' && s[i + 1] != ' ' && s[i + 1] != ':' &&
		       !starts(s + i + 1, n - i - 1, "supportedOS"))
			i++; /* past a namespace prefix such as "ms_compatibility" */
		if (i + 1 < n && s[i + 1] == ':')
			i++;
		if (!starts(s + i + 1, n - i - 1, "supportedOS"))
			continue;
		c = tag_compat(s + i + 12, n - i - 12 < n ? n - i - 12 : 0);
		best = c > best ? c : best;
	}
	return best;
}

/* A UTF-16 manifest (it starts with a BOM) is read through UTF-8. */
static enum compat resource_compat(const BYTE *data, DWORD size)
{
	enum compat c;
	char *utf8;
	ULONG done = 0;

	if (size < 2 || data[0] != 0xFF || data[1] != 0xFE)
		return manifest_compat((const char *)data, size);
	utf8 = RtlAllocateHeap(k32_heap(), 0, size * 2);
	if (!utf8)
		return COMPAT_NONE;
	RtlUnicodeToUTF8N(utf8, size * 2, &done, (const WCHAR *)(data + 2), (size - 2) & ~1u);
	c = manifest_compat(utf8, done);
	RtlFreeHeap(k32_heap(), 0, utf8);
	return c;
}

/* The manifest beside the program (NAME.exe.manifest), if any. */
static enum compat file_compat(void)
{
	WCHAR path[MAX_PATH + 10];
	DWORD n = GetModuleFileNameW(NULL, path, MAX_PATH), got = 0;
	enum compat c = COMPAT_NONE;
	HANDLE f;
	BYTE *data;

	if (!(lsw_peb()->ProcessParameters->Flags & LSW_PARAMS_APP_MANIFEST_PRESENT) || !n ||
	    n >= MAX_PATH)
		return COMPAT_NONE;
	memcpy(path + n, L".manifest", sizeof(L".manifest"));
	f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return COMPAT_NONE;
	if ((data = RtlAllocateHeap(k32_heap(), 0, MANIFEST_FILE_MAX)) &&
	    ReadFile(f, data, MANIFEST_FILE_MAX, &got, NULL))
		c = resource_compat(data, got);
	RtlFreeHeap(k32_heap(), 0, data);
	CloseHandle(f);
	return c;
}

/* What the PE header's MajorOperatingSystemVersion.Minor asks for. */
static enum compat image_compat(void)
{
	const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)GetModuleHandleW(NULL);
	const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)((const BYTE *)dos + dos->e_lfanew);
	WORD major = nt->OptionalHeader.MajorOperatingSystemVersion;
	WORD minor = nt->OptionalHeader.MinorOperatingSystemVersion;

	if (major >= 10)
		return COMPAT_WIN10;
	return major > 6 || (major == 6 && minor >= 3) ? COMPAT_WIN81 : COMPAT_WIN8;
}

static enum compat program_compat(void)
{
	static LONG known = -1;
	HRSRC res;
	DWORD err = RtlGetLastWin32Error();
	enum compat c;

	if (known >= 0)
		return (enum compat)known;
	res = FindResourceW(NULL, MAKEINTRESOURCEW(MANIFEST_ID), MAKEINTRESOURCEW(24));
	c = res ? resource_compat(LoadResource(NULL, res), SizeofResource(NULL, res))
		: file_compat();
	known = c == COMPAT_NONE ? image_compat() : c;
	RtlSetLastWin32Error(err); /* a program without a manifest sees no error */
	return (enum compat)known;
}

/* The version this program is told. */
static void told_version(RTL_OSVERSIONINFOEXW *v)
{
	enum compat c = program_compat();

	memset(v, 0, sizeof(*v));
	v->dwOSVersionInfoSize = sizeof(*v);
	RtlGetVersion((PRTL_OSVERSIONINFOW)v);
	if (c == COMPAT_WIN10)
		return;
	v->dwMajorVersion = 6;
	v->dwMinorVersion = c == COMPAT_WIN81 ? 3 : 2;
	v->dwBuildNumber = c == COMPAT_WIN81 ? 9600 : 9200;
}

K32API DWORD WINAPI GetVersion(void)
{
	RTL_OSVERSIONINFOEXW v;

	told_version(&v);
	return (v.dwBuildNumber << 16) | (v.dwMinorVersion << 8) | v.dwMajorVersion;
}

K32API BOOL WINAPI GetVersionExW(LPOSVERSIONINFOW info)
{
	RTL_OSVERSIONINFOEXW v;

	if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOW) &&
	    info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEXW))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	told_version(&v);
	memcpy((BYTE *)info + sizeof(DWORD), (BYTE *)&v + sizeof(DWORD),
	       info->dwOSVersionInfoSize - sizeof(DWORD));
	return TRUE;
}

K32API BOOL WINAPI GetVersionExA(LPOSVERSIONINFOA info)
{
	RTL_OSVERSIONINFOEXW w;
	BOOL ex = info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXA);

	if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOA) && !ex)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	told_version(&w);
	info->dwMajorVersion = w.dwMajorVersion;
	info->dwMinorVersion = w.dwMinorVersion;
	info->dwBuildNumber = w.dwBuildNumber;
	info->dwPlatformId = w.dwPlatformId;
	memset(info->szCSDVersion, 0, sizeof(info->szCSDVersion));
	if (ex) {
		OSVERSIONINFOEXA *a = (OSVERSIONINFOEXA *)info;
		a->wServicePackMajor = w.wServicePackMajor;
		a->wServicePackMinor = w.wServicePackMinor;
		a->wSuiteMask = w.wSuiteMask;
		a->wProductType = w.wProductType;
		a->wReserved = 0;
	}
	return TRUE;
}

typedef NTSTATUS NTAPI verify_fn(const RTL_OSVERSIONINFOEXW *, ULONG, ULONGLONG,
				 const RTL_OSVERSIONINFOEXW *);

/* ntdll's comparison (a private export) against the version told. */
K32API BOOL WINAPI VerifyVersionInfoW(LPOSVERSIONINFOEXW want, DWORD mask, DWORDLONG conds)
{
	static verify_fn *verify;
	RTL_OSVERSIONINFOEXW have;
	ANSI_STRING name;
	NTSTATUS st;

	if (!verify) {
		RtlInitAnsiString(&name, "LswVerifyVersionAgainst");
		if (LdrGetProcedureAddress(GetModuleHandleW(L"ntdll.dll"), &name, 0,
					   (PVOID *)&verify) < 0)
			return k32_error(ERROR_PROC_NOT_FOUND);
	}
	told_version(&have);
	st = verify((RTL_OSVERSIONINFOEXW *)want, mask, conds, &have);
	if (st == STATUS_REVISION_MISMATCH)
		return k32_error(ERROR_OLD_WIN_VERSION);
	return st < 0 ? k32_error(ERROR_BAD_ARGUMENTS) : TRUE;
}

K32API BOOL WINAPI VerifyVersionInfoA(LPOSVERSIONINFOEXA want, DWORD mask, DWORDLONG conds)
{
	OSVERSIONINFOEXW w = { sizeof(w) };

	w.dwMajorVersion = want->dwMajorVersion;
	w.dwMinorVersion = want->dwMinorVersion;
	w.dwBuildNumber = want->dwBuildNumber;
	w.dwPlatformId = want->dwPlatformId;
	w.wServicePackMajor = want->wServicePackMajor;
	w.wServicePackMinor = want->wServicePackMinor;
	w.wSuiteMask = want->wSuiteMask;
	w.wProductType = want->wProductType;
	return VerifyVersionInfoW(&w, mask, conds);
}
