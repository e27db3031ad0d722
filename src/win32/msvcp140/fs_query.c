/*
 * The query helpers of <experimental/filesystem>: what a path names, its
 * size and times, whether two paths name one file, the current and the
 * temporary directory.  Failures come back as values (-1, not found);
 * errno is left alone.
 */
#include "msvcp140/fs.h"

static BOOL attributes(const WCHAR *path, WIN32_FILE_ATTRIBUTE_DATA *data)
{
	return path && GetFileAttributesExW(path, GetFileExInfoStandard, data);
}

ULONGLONG __cdecl _File_size(const WCHAR *path)
{
	WIN32_FILE_ATTRIBUTE_DATA d;

	if (!attributes(path, &d))
		return ~0ULL;
	if (d.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
		return 0;
	return (ULONGLONG)d.nFileSizeHigh << 32 | d.nFileSizeLow;
}

/* A path that cannot be queried: not found when the error says the name
 * leads nowhere, status_unknown otherwise (a pipe whose one instance is
 * busy: Windows answers so, leaving the permissions untouched). */
static enum file_type failed_status(void)
{
	switch (GetLastError()) {
	case ERROR_FILE_NOT_FOUND: case ERROR_PATH_NOT_FOUND: case ERROR_BAD_NETPATH:
	case ERROR_BAD_PATHNAME: case ERROR_INVALID_DRIVE: case ERROR_INVALID_NAME:
	case ERROR_INVALID_PARAMETER:
		return FT_NOT_FOUND;
	default:
		return FT_UNKNOWN;
	}
}

/* What the path's target is (a link followed), and its permissions as
 * POSIX bits: read-only files are 0555, others 0777. */
static enum file_type status(const WCHAR *path, int *perms, BOOL follow)
{
	WIN32_FILE_ATTRIBUTE_DATA d;
	BY_HANDLE_FILE_INFORMATION info;
	DWORD attrs;
	HANDLE h;

	if (!path)
		return FT_NOT_FOUND;
	if (!attributes(path, &d))
		return failed_status();
	attrs = d.dwFileAttributes;
	if ((attrs & FILE_ATTRIBUTE_REPARSE_POINT) && !follow) {
		if (perms)
			*perms = attrs & FILE_ATTRIBUTE_READONLY ? 0555 : 0777;
		return FT_SYMLINK;
	}
	if (attrs & FILE_ATTRIBUTE_REPARSE_POINT) {
		h = CreateFileW(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
				OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
		if (h == INVALID_HANDLE_VALUE)
			return failed_status();
		attrs = GetFileInformationByHandle(h, &info) ? info.dwFileAttributes : attrs;
		CloseHandle(h);
	}
	if (perms)
		*perms = attrs & FILE_ATTRIBUTE_READONLY ? 0555 : 0777;
	return fs_type_of(attrs);
}

enum file_type __cdecl _Stat(const WCHAR *path, int *perms) { return status(path, perms, TRUE); }
enum file_type __cdecl _Lstat(const WCHAR *path, int *perms) { return status(path, perms, FALSE); }

#define TICKS_1601_TO_1970 116444736000000000LL     /* in 100 ns */

/* The last write time in 100 ns units since 1970, -1 when there is none. */
LONGLONG __cdecl _Last_write_time(const WCHAR *path)
{
	WIN32_FILE_ATTRIBUTE_DATA d;

	if (!attributes(path, &d))
		return -1;
	return ((LONGLONG)d.ftLastWriteTime.dwHighDateTime << 32 | d.ftLastWriteTime.dwLowDateTime) -
	       TICKS_1601_TO_1970;
}

void __cdecl _Set_last_write_time(const WCHAR *path, LONGLONG t)
{
	ULONGLONG ticks = (ULONGLONG)(t + TICKS_1601_TO_1970);
	FILETIME ft = { (DWORD)ticks, (DWORD)(ticks >> 32) };
	HANDLE h;

	if (!path)
		return;
	h = CreateFileW(path, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return;
	SetFileTime(h, NULL, NULL, &ft);
	CloseHandle(h);
}

static BOOL identity(const WCHAR *path, BY_HANDLE_FILE_INFORMATION *info)
{
	HANDLE h;
	BOOL ok;

	if (!path)
		return FALSE;
	h = CreateFileW(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return FALSE;
	ok = GetFileInformationByHandle(h, info);
	CloseHandle(h);
	return ok;
}

/* 1: the same file; 0: different (or only one exists); -1: neither exists. */
int __cdecl _Equivalent(const WCHAR *path1, const WCHAR *path2)
{
	BY_HANDLE_FILE_INFORMATION a, b;
	BOOL have_a = identity(path1, &a), have_b = identity(path2, &b);

	if (!have_a && !have_b)
		return -1;
	if (!have_a || !have_b)
		return 0;
	return a.dwVolumeSerialNumber == b.dwVolumeSerialNumber &&
	       a.nFileIndexHigh == b.nFileIndexHigh && a.nFileIndexLow == b.nFileIndexLow;
}

ULONGLONG __cdecl _Hard_links(const WCHAR *path)
{
	BY_HANDLE_FILE_INFORMATION info;

	return identity(path, &info) ? info.nNumberOfLinks : ~0ULL;
}

BOOLEAN __cdecl _Current_get(WCHAR *buf)
{
	DWORD n = GetCurrentDirectoryW(MAX_PATH, buf);

	return n != 0 && n < MAX_PATH;
}

BOOLEAN __cdecl _Current_set(const WCHAR *path)
{
	return SetCurrentDirectoryW(path) != 0;
}

/* The path and its terminator only: GetTempPathW clears the rest of the
 * buffer it is given, Windows' _Temp_get leaves the caller's alone. */
WCHAR *__cdecl _Temp_get(WCHAR *buf)
{
	WCHAR temp[MAX_PATH];
	DWORD n;

	if (!buf)
		return NULL;
	n = GetTempPathW(MAX_PATH, temp);
	if (!n || n >= MAX_PATH)
		n = 0;
	memcpy(buf, temp, n * sizeof(WCHAR));
	buf[n] = 0;
	return buf;
}
