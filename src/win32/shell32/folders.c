/*
 * Folder paths: SHGetKnownFolderPath, SHGetFolderPath, SHGetSpecialFolderPath
 * and SHCreateDirectoryEx.
 *
 * A per-user folder is where HKCU's User Shell Folders value says (an
 * expandable string, as Explorer keeps it), else at its default path; both
 * are expanded in the process's environment.  Unless told not to verify
 * (KF_FLAG_DONT_VERIFY), a folder that does not exist is an error,
 * HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND); KF_FLAG_CREATE makes it first.
 */
#include "shell32_private.h"
#include "folders.h"

#define USER_SHELL_FOLDERS L"Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders"
#define CSIDL_FLAG_DONT_VERIFY_ 0x4000

/* The folder's path before expansion: the registry's or the default. */
static void folder_template(const struct known_folder *f, DWORD flags, WCHAR *out)
{
	DWORD size = MAX_PATH * sizeof(WCHAR);

	if (f->shell_value && !(flags & KF_FLAG_DEFAULT_PATH) &&
	    !RegGetValueW(HKEY_CURRENT_USER, USER_SHELL_FOLDERS, f->shell_value,
			  RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, NULL, out, &size))
		return;
	lstrcpynW(out, f->path, MAX_PATH);
}

HRESULT folder_path(const struct known_folder *f, DWORD flags, WCHAR *out)
{
	WCHAR raw[MAX_PATH];
	DWORD n, attr;

	out[0] = 0;
	if (!f->path)
		return E_FAIL; /* a virtual folder has no path */
	folder_template(f, flags, raw);
	n = ExpandEnvironmentStringsW(raw, out, MAX_PATH);
	if (!n || n > MAX_PATH || wcschr(out, '%')) {
		out[0] = 0;
		return E_FAIL; /* the environment lacks what the path is made of */
	}
	if (flags & KF_FLAG_CREATE) {
		int err = SHCreateDirectoryExW(NULL, out, NULL);

		if (err && err != ERROR_ALREADY_EXISTS && err != ERROR_FILE_EXISTS) {
			out[0] = 0;
			return HRESULT_FROM_WIN32(err);
		}
	}
	if (flags & KF_FLAG_DONT_VERIFY)
		return S_OK;
	attr = GetFileAttributesW(out);
	if (attr == INVALID_FILE_ATTRIBUTES || !(attr & FILE_ATTRIBUTE_DIRECTORY)) {
		out[0] = 0;
		return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
	}
	return S_OK;
}

HRESULT known_folder_path(REFKNOWNFOLDERID id, DWORD flags, WCHAR *out)
{
	const struct known_folder *f;

	out[0] = 0;
	if (!id || !(f = folder_by_id(id)))
		return E_INVALIDARG; /* not a folder this system has (documented) */
	return folder_path(f, flags, out);
}

/* *path is NULL on failure; the caller frees it with CoTaskMemFree
 * either way (documented). */
HRESULT WINAPI SHGetKnownFolderPath(REFKNOWNFOLDERID id, DWORD flags, HANDLE token, PWSTR *path)
{
	WCHAR buf[MAX_PATH];
	HRESULT hr;

	if (!path)
		return E_INVALIDARG;
	*path = NULL;
	hr = known_folder_path(id, flags, buf);
	if (FAILED(hr))
		return hr;
	*path = CoTaskMemAlloc((lstrlenW(buf) + 1) * sizeof(WCHAR));
	if (!*path)
		return E_OUTOFMEMORY;
	lstrcpyW(*path, buf);
	return S_OK;
}

/* CSIDL_FLAG_* bits and SHGFP_TYPE_* as KF_FLAG_* bits. */
static DWORD csidl_flags(int csidl, DWORD type)
{
	DWORD flags = 0;

	if (csidl & CSIDL_FLAG_CREATE)
		flags |= KF_FLAG_CREATE;
	if (csidl & CSIDL_FLAG_DONT_VERIFY_)
		flags |= KF_FLAG_DONT_VERIFY;
	if (type == SHGFP_TYPE_DEFAULT)
		flags |= KF_FLAG_DEFAULT_PATH;
	return flags;
}

HRESULT WINAPI SHGetFolderPathW(HWND hwnd, int csidl, HANDLE token, DWORD type, LPWSTR path)
{
	const struct known_folder *f;

	if (!path)
		return E_INVALIDARG;
	path[0] = 0;
	if (type > SHGFP_TYPE_DEFAULT || !(f = folder_by_csidl(csidl & ~CSIDL_FLAG_MASK)))
		return E_INVALIDARG;
	return folder_path(f, csidl_flags(csidl, type), path);
}

HRESULT WINAPI SHGetFolderPathA(HWND hwnd, int csidl, HANDLE token, DWORD type, LPSTR path)
{
	WCHAR w[MAX_PATH];
	HRESULT hr;

	if (!path)
		return E_INVALIDARG;
	hr = SHGetFolderPathW(hwnd, csidl, token, type, w);
	sh_w_to_a(SUCCEEDED(hr) ? w : L"", path, MAX_PATH);
	return hr;
}

/* The folder path with `sub` appended (and made, with CSIDL_FLAG_CREATE). */
HRESULT WINAPI SHGetFolderPathAndSubDirW(HWND hwnd, int csidl, HANDLE token, DWORD type,
					 LPCWSTR sub, LPWSTR path)
{
	HRESULT hr = SHGetFolderPathW(hwnd, csidl, token, type, path);
	DWORD attr;

	if (FAILED(hr) || !sub || !*sub)
		return hr;
	if (lstrlenW(path) + 1 + lstrlenW(sub) >= MAX_PATH) {
		path[0] = 0;
		return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
	}
	lstrcatW(path, L"\\");
	lstrcatW(path, sub);
	if (csidl & CSIDL_FLAG_CREATE) {
		int err = SHCreateDirectoryExW(NULL, path, NULL);

		if (err && err != ERROR_ALREADY_EXISTS && err != ERROR_FILE_EXISTS)
			hr = HRESULT_FROM_WIN32(err);
	} else if (!(csidl & CSIDL_FLAG_DONT_VERIFY_)) {
		attr = GetFileAttributesW(path);
		if (attr == INVALID_FILE_ATTRIBUTES || !(attr & FILE_ATTRIBUTE_DIRECTORY))
			hr = HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND);
	}
	if (FAILED(hr))
		path[0] = 0;
	return hr;
}

BOOL WINAPI SHGetSpecialFolderPathW(HWND hwnd, LPWSTR path, int csidl, BOOL create)
{
	return SUCCEEDED(SHGetFolderPathW(hwnd, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL,
					  SHGFP_TYPE_CURRENT, path));
}

BOOL WINAPI SHGetSpecialFolderPathA(HWND hwnd, LPSTR path, int csidl, BOOL create)
{
	return SUCCEEDED(SHGetFolderPathA(hwnd, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL,
					  SHGFP_TYPE_CURRENT, path));
}

/* Where the first directory to make starts: after "C:\" or after
 * "\\server\share\"; 0 for a path that is not absolute. */
static int root_length(const WCHAR *p)
{
	int slashes = 0, i;

	if (((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && p[1] == ':' && (p[2] == '\\' || p[2] == '/'))
		return 3;
	if (p[0] != '\\' || p[1] != '\\')
		return 0;
	for (i = 2; p[i] && slashes < 2; i++)
		slashes += p[i] == '\\';
	return slashes == 2 ? i : 0;
}

/* Makes every missing directory of an absolute path (documented results:
 * ERROR_SUCCESS, ERROR_ALREADY_EXISTS, ERROR_FILE_EXISTS, ERROR_BAD_PATHNAME
 * for a relative path, or the failing CreateDirectory's error). */
int WINAPI SHCreateDirectoryExW(HWND hwnd, LPCWSTR path, const SECURITY_ATTRIBUTES *sa)
{
	WCHAR buf[MAX_PATH];
	DWORD attr;
	int len, start;

	if (!path || !(start = root_length(path)))
		return ERROR_BAD_PATHNAME;
	attr = GetFileAttributesW(path);
	if (attr != INVALID_FILE_ATTRIBUTES)
		return attr & FILE_ATTRIBUTE_DIRECTORY ? ERROR_ALREADY_EXISTS : ERROR_FILE_EXISTS;
	len = lstrlenW(path);
	if (len >= MAX_PATH)
		return ERROR_FILENAME_EXCED_RANGE;
	lstrcpyW(buf, path);
	for (int i = start; i <= len; i++) {
		if (buf[i] != '\\' && buf[i] != '/' && buf[i])
			continue;
		buf[i] = 0;
		if (i > start && !CreateDirectoryW(buf, (SECURITY_ATTRIBUTES *)sa) &&
		    GetLastError() != ERROR_ALREADY_EXISTS)
			return GetLastError();
		buf[i] = path[i];
	}
	return ERROR_SUCCESS;
}

int WINAPI SHCreateDirectory(HWND hwnd, LPCWSTR path)
{
	return SHCreateDirectoryExW(hwnd, path, NULL);
}
