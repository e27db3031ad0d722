/*
 * The helpers of <experimental/filesystem> that change the file system
 * and list directories.  Most give the Windows error code (0 for
 * success); errno is left alone.
 */
#include "msvcp140/fs.h"

static int result(BOOL ok)
{
	return ok ? ERROR_SUCCESS : (int)GetLastError();
}

int __cdecl _Resize(const WCHAR *path, ULONGLONG size)
{
	LARGE_INTEGER at = { .QuadPart = (LONGLONG)size };
	HANDLE h;
	BOOL ok;

	if (!path)
		return ERROR_PATH_NOT_FOUND;
	h = CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return (int)GetLastError();
	ok = SetFilePointerEx(h, at, NULL, FILE_BEGIN) && SetEndOfFile(h);
	if (!ok) {
		DWORD err = GetLastError();

		CloseHandle(h);
		return (int)err;
	}
	CloseHandle(h);
	return ERROR_SUCCESS;
}

/* 1: made; 0: it already exists; -1: failed. */
int __cdecl _Make_dir(const WCHAR *path)
{
	if (path && CreateDirectoryW(path, NULL))
		return 1;
	return path && GetLastError() == ERROR_ALREADY_EXISTS ? 0 : -1;
}

BOOLEAN __cdecl _Remove_dir(const WCHAR *path)
{
	return path && RemoveDirectoryW(path);
}

int __cdecl _Unlink(const WCHAR *path)
{
	return path ? result(DeleteFileW(path)) : ERROR_PATH_NOT_FOUND;
}

int __cdecl _Rename(const WCHAR *from, const WCHAR *to)
{
	if (!from)
		return ERROR_PATH_NOT_FOUND;
	if (!to)
		return ERROR_FILE_NOT_FOUND;
	return result(MoveFileExW(from, to, 0));
}

/* The error is also the thread's last error. */
DWORD __cdecl _Copy_file(const WCHAR *from, const WCHAR *to)
{
	DWORD err = from && to ? (DWORD)result(CopyFileW(from, to, FALSE)) : ERROR_PATH_NOT_FOUND;

	SetLastError(err);
	return err;
}

int __cdecl _Link(const WCHAR *existing, const WCHAR *link)
{
	return existing && link ? result(CreateHardLinkW(link, existing, NULL)) : ERROR_PATH_NOT_FOUND;
}

int __cdecl _Symlink(const WCHAR *target, const WCHAR *link)
{
	return target && link ? result(CreateSymbolicLinkW(link, target, 0)) : ERROR_PATH_NOT_FOUND;
}

static BOOL is_dot(const WCHAR *name)
{
	return name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2]));
}

/* The next entry but "." and ".." into name (MAX_PATH units); an empty
 * name and status_unknown at the end. */
static WCHAR *next_entry(HANDLE find, WIN32_FIND_DATAW *d, BOOL have, WCHAR *name, enum file_type *type)
{
	while (have && is_dot(d->cFileName))
		have = FindNextFileW(find, d);
	if (!have) {
		name[0] = 0;
		*type = FT_UNKNOWN;
		return name;
	}
	lstrcpynW(name, d->cFileName, MAX_PATH);
	*type = fs_type_of(d->dwFileAttributes);
	return name;
}

/* The first entry's name and type, and a handle for _Read_dir; NULL with
 * ERROR_BAD_PATHNAME for a path that is not a readable directory, NULL
 * with ERROR_SUCCESS and status_unknown for an empty one. */
HANDLE __cdecl _Open_dir(WCHAR *first, const WCHAR *dir, int *err, enum file_type *type)
{
	WCHAR pattern[MAX_PATH];
	WIN32_FIND_DATAW d;
	int len = dir ? lstrlenW(dir) : 0;
	HANDLE find = INVALID_HANDLE_VALUE;

	first[0] = 0;
	if (dir && len + 3 <= MAX_PATH) {
		lstrcpyW(pattern, dir);
		lstrcpyW(pattern + len, len && (dir[len - 1] == '\\' || dir[len - 1] == '/') ? L"*" : L"\\*");
		find = FindFirstFileW(pattern, &d);
	}
	if (find == INVALID_HANDLE_VALUE) {
		*err = ERROR_BAD_PATHNAME;
		return NULL;
	}
	*err = ERROR_SUCCESS;
	if (!next_entry(find, &d, TRUE, first, type)[0]) {
		FindClose(find);
		return NULL;
	}
	return find;
}

WCHAR *__cdecl _Read_dir(WCHAR *name, HANDLE find, enum file_type *type)
{
	WIN32_FIND_DATAW d;

	return next_entry(find, &d, FindNextFileW(find, &d), name, type);
}

void __cdecl _Close_dir(HANDLE find)
{
	if (find)
		FindClose(find);
}
