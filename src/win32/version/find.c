/*
 * VerFindFile: where an installer should put a file, and where a copy of
 * it is now.  The recommended place is the system directory for a shared
 * file (VFFF_ISSHAREDFILE), else the application's directory as given
 * (empty when none is).  The current copy is looked for in that place
 * first, then along the search path SearchPath uses (the program's
 * directory, the current directory, the system and Windows directories,
 * PATH).  VFF_CURNEDEST says the two directories differ, which Windows
 * also reports when there is no current copy and the recommended place is
 * not empty (Wine's conformance test checks both, and passes on Windows).
 */
#include "version_private.h"

/* path's directory: the part before its last backslash. */
static void cut_to_directory(WCHAR *path)
{
	WCHAR *slash = wcsrchr(path, L'\\');

	if (slash)
		*slash = 0;
	else
		path[0] = 0;
}

static BOOL in_directory(const WCHAR *dir, const WCHAR *name, WCHAR *found)
{
	DWORD attr;

	if (!dir[0] || wcslen(dir) + 1 + wcslen(name) >= MAX_PATH)
		return FALSE;
	wcscpy(found, dir);
	if (found[wcslen(found) - 1] != L'\\')
		wcscat(found, L"\\");
	wcscat(found, name);
	attr = GetFileAttributesW(found);
	return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* Whether another holds the file open so that it cannot be replaced. */
static BOOL file_in_use(const WCHAR *path)
{
	HANDLE f = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);

	if (f != INVALID_HANDLE_VALUE) {
		CloseHandle(f);
		return FALSE;
	}
	return GetLastError() == ERROR_SHARING_VIOLATION;
}

DWORD ver_find_file(DWORD flags, LPCWSTR name, LPCWSTR app_dir, WCHAR cur[MAX_PATH],
		    WCHAR dest[MAX_PATH])
{
	WCHAR found[MAX_PATH];
	DWORD result = 0, n;

	dest[0] = cur[0] = 0;
	if (flags & VFFF_ISSHAREDFILE) {
		if (!GetSystemDirectoryW(dest, MAX_PATH))
			dest[0] = 0;
	} else if (app_dir && wcslen(app_dir) < MAX_PATH) {
		wcscpy(dest, app_dir);
	}
	if (name && name[0] && !wcschr(name, L'\\')) {
		if (in_directory(dest, name, found) ||
		    ((n = SearchPathW(NULL, name, NULL, MAX_PATH, found, NULL)) && n < MAX_PATH)) {
			if (file_in_use(found))
				result |= VFF_FILEINUSE;
			wcscpy(cur, found);
			cut_to_directory(cur);
		}
	}
	if (lstrcmpiW(cur, dest))
		result |= VFF_CURNEDEST;
	return result;
}

/* Copies s into buf of *len characters; *len becomes the characters s
 * needs with its NUL.  VFF_BUFFTOOSMALL (VIF_BUFFTOOSMALL for the caller
 * that passes it) when it did not fit; what fits is written, terminated. */
DWORD ver_copy_out_w(const WCHAR *s, WCHAR *buf, UINT *len, DWORD too_small)
{
	UINT need = (UINT)wcslen(s) + 1, room = *len;

	*len = need;
	if (!buf || !room)
		return too_small;
	lstrcpynW(buf, s, room);
	return need > room ? too_small : 0;
}

DWORD ver_copy_out_a(const WCHAR *s, LPSTR buf, UINT *len, DWORD too_small)
{
	int need = WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL);
	char tmp[MAX_PATH * 2];
	UINT room = *len;

	if (need <= 0 || need > (int)sizeof(tmp))
		need = 1;
	WideCharToMultiByte(CP_ACP, 0, s, -1, tmp, sizeof(tmp), NULL, NULL);
	tmp[need - 1] = 0;
	*len = (UINT)need;
	if (!buf || !room)
		return too_small;
	lstrcpynA(buf, tmp, room);
	return (UINT)need > room ? too_small : 0;
}

DWORD WINAPI VerFindFileW(DWORD flags, LPWSTR name, LPWSTR win_dir, LPWSTR app_dir, LPWSTR cur_dir,
			  PUINT cur_len, LPWSTR dest_dir, PUINT dest_len)
{
	WCHAR cur[MAX_PATH], dest[MAX_PATH];
	DWORD result;

	(void)win_dir; /* the system directory comes from the system */
	result = ver_find_file(flags, name, app_dir, cur, dest);
	if (cur_len)
		result |= ver_copy_out_w(cur, cur_dir, cur_len, VFF_BUFFTOOSMALL);
	if (dest_len)
		result |= ver_copy_out_w(dest, dest_dir, dest_len, VFF_BUFFTOOSMALL);
	return result;
}

DWORD WINAPI VerFindFileA(DWORD flags, LPSTR name, LPSTR win_dir, LPSTR app_dir, LPSTR cur_dir,
			  PUINT cur_len, LPSTR dest_dir, PUINT dest_len)
{
	WCHAR cur[MAX_PATH], dest[MAX_PATH];
	WCHAR *wname = version_to_w(name), *wapp = version_to_w(app_dir);
	DWORD result;

	(void)win_dir;
	if ((name && !wname) || (app_dir && !wapp))
		result = ver_find_file(flags, NULL, NULL, cur, dest);
	else
		result = ver_find_file(flags, wname, wapp, cur, dest);
	if (cur_len)
		result |= ver_copy_out_a(cur, cur_dir, cur_len, VFF_BUFFTOOSMALL);
	if (dest_len)
		result |= ver_copy_out_a(dest, dest_dir, dest_len, VFF_BUFFTOOSMALL);
	HeapFree(GetProcessHeap(), 0, wname);
	HeapFree(GetProcessHeap(), 0, wapp);
	return result;
}
