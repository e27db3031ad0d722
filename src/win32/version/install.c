/*
 * VerInstallFile: the source is copied to a temporary file in the
 * destination directory; unless VIFF_FORCEINSTALL, its version resource
 * is compared with the current copy's (older version, other language,
 * code page or file type: VIF_MISMATCH and the reason); then the
 * destination file is replaced by the temporary one and, unless
 * VIFF_DONTDELETEOLD, a current copy in another directory is deleted.
 * Whenever the temporary file stays behind, VIF_TEMPFILE is set and its
 * name (in the destination directory) returned.  A retry with
 * VIFF_FORCEINSTALL and a non-empty name in the caller's buffer installs
 * that temporary file.  Compressed (LZ) sources are copied as they are.
 */
#include "version_private.h"

/* dir\name into out; FALSE when it does not fit MAX_PATH. */
static BOOL join(WCHAR out[MAX_PATH], const WCHAR *dir, const WCHAR *name)
{
	size_t d = wcslen(dir);

	if (d + 1 + wcslen(name) >= MAX_PATH)
		return FALSE;
	wcscpy(out, dir);
	if (d && out[d - 1] != L'\\')
		wcscat(out, L"\\");
	wcscat(out, name);
	return TRUE;
}

/* The file's fixed version and first translation; FALSE when it has no
 * version resource. */
static BOOL read_version(const WCHAR *path, VS_FIXEDFILEINFO *fixed, DWORD *translation)
{
	DWORD handle, size = GetFileVersionInfoSizeW(path, &handle);
	VS_FIXEDFILEINFO *f;
	DWORD *t;
	UINT len;
	void *info;
	BOOL ok = FALSE;

	*translation = 0;
	if (!size || !(info = HeapAlloc(GetProcessHeap(), 0, size)))
		return FALSE;
	if (GetFileVersionInfoW(path, 0, size, info) && VerQueryValueW(info, L"\\", (void **)&f, &len) &&
	    len >= sizeof(*f)) {
		*fixed = *f;
		if (VerQueryValueW(info, L"\\VarFileInfo\\Translation", (void **)&t, &len) && len >= 4)
			*translation = *t;
		ok = TRUE;
	}
	HeapFree(GetProcessHeap(), 0, info);
	return ok;
}

/* VIF_ bits for what makes the new file unfit to replace the current. */
static DWORD compare_versions(const WCHAR *new_file, const WCHAR *cur_file)
{
	VS_FIXEDFILEINFO n, c;
	DWORD nt, ct, result = 0;
	ULONGLONG nv, cv;

	if (!read_version(cur_file, &c, &ct) || !read_version(new_file, &n, &nt))
		return 0;
	nv = ((ULONGLONG)n.dwFileVersionMS << 32) | n.dwFileVersionLS;
	cv = ((ULONGLONG)c.dwFileVersionMS << 32) | c.dwFileVersionLS;
	if (nv < cv)
		result |= VIF_SRCOLD;
	if (n.dwFileType != c.dwFileType)
		result |= VIF_DIFFTYPE;
	if (nt && ct && LOWORD(nt) != LOWORD(ct))
		result |= VIF_DIFFLANG;
	if (nt && ct && HIWORD(nt) != HIWORD(ct))
		result |= VIF_DIFFCODEPG;
	return result ? result | VIF_MISMATCH : 0;
}

static DWORD copy_error(void)
{
	switch (GetLastError()) {
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		return VIF_OUTOFSPACE;
	case ERROR_SHARING_VIOLATION:
		return VIF_SHARINGVIOLATION;
	case ERROR_ACCESS_DENIED:
		return VIF_ACCESSVIOLATION;
	case ERROR_NOT_ENOUGH_MEMORY:
	case ERROR_OUTOFMEMORY:
		return VIF_OUTOFMEMORY;
	default:
		return VIF_CANNOTCREATE;
	}
}

/* Why the current file cannot be replaced now, as VIF_ bits. */
static DWORD replace_blocked(const WCHAR *path)
{
	DWORD attr = GetFileAttributesW(path);
	HANDLE f;

	if (attr == INVALID_FILE_ATTRIBUTES)
		return 0;
	if (attr & FILE_ATTRIBUTE_READONLY)
		return VIF_WRITEPROT;
	f = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (f != INVALID_HANDLE_VALUE) {
		CloseHandle(f);
		return 0;
	}
	if (GetLastError() == ERROR_SHARING_VIOLATION)
		return VIF_FILEINUSE;
	return GetLastError() == ERROR_ACCESS_DENIED ? VIF_CANNOTREADDST : 0;
}

static DWORD install(DWORD flags, const WCHAR *src_name, const WCHAR *dest_name, const WCHAR *src_dir,
		     const WCHAR *dest_dir, const WCHAR *cur_dir, WCHAR tmp_name[MAX_PATH])
{
	WCHAR src[MAX_PATH], tmp[MAX_PATH], dest[MAX_PATH], cur[MAX_PATH];
	BOOL retry = (flags & VIFF_FORCEINSTALL) && tmp_name[0];
	DWORD result;

	if (!src_name || !dest_name || !src_dir || !dest_dir || !join(src, src_dir, src_name) ||
	    !join(dest, dest_dir, dest_name))
		return VIF_CANNOTREADSRC;
	if (!cur_dir || !cur_dir[0])
		cur_dir = dest_dir;
	if (!join(cur, cur_dir, dest_name))
		return VIF_CANNOTREADSRC;
	if (retry) {
		if (!join(tmp, dest_dir, tmp_name) || GetFileAttributesW(tmp) == INVALID_FILE_ATTRIBUTES)
			return VIF_CANNOTREADSRC;
	} else {
		if (GetFileAttributesW(src) == INVALID_FILE_ATTRIBUTES)
			return VIF_CANNOTREADSRC;
		if (!GetTempFileNameW(dest_dir, L"VER", 0, tmp))
			return copy_error();
		if (!CopyFileW(src, tmp, FALSE)) {
			DWORD e = GetLastError();

			DeleteFileW(tmp);
			SetLastError(e);
			return e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND ? VIF_CANNOTREADSRC
										    : copy_error();
		}
		wcscpy(tmp_name, wcsrchr(tmp, L'\\') ? wcsrchr(tmp, L'\\') + 1 : tmp);
	}
	result = (flags & VIFF_FORCEINSTALL) ? 0 : compare_versions(tmp, cur);
	result |= replace_blocked(dest);
	if (result)
		return result | VIF_TEMPFILE;
	if (GetFileAttributesW(dest) != INVALID_FILE_ATTRIBUTES && !DeleteFileW(dest))
		return VIF_CANNOTDELETE | VIF_TEMPFILE;
	if (!MoveFileW(tmp, dest))
		return VIF_CANNOTRENAME | VIF_TEMPFILE;
	tmp_name[0] = 0;
	if (!(flags & VIFF_DONTDELETEOLD) && lstrcmpiW(cur, dest) &&
	    GetFileAttributesW(cur) != INVALID_FILE_ATTRIBUTES && !DeleteFileW(cur))
		return VIF_CANNOTDELETECUR;
	return 0;
}

DWORD WINAPI VerInstallFileW(DWORD flags, LPWSTR src_name, LPWSTR dest_name, LPWSTR src_dir,
			     LPWSTR dest_dir, LPWSTR cur_dir, LPWSTR tmp_file, PUINT tmp_len)
{
	WCHAR tmp[MAX_PATH] = { 0 };
	DWORD result;

	if (tmp_file && tmp_len && *tmp_len)
		lstrcpynW(tmp, tmp_file, min(*tmp_len, MAX_PATH));
	result = install(flags, src_name, dest_name, src_dir, dest_dir, cur_dir, tmp);
	if ((result & VIF_TEMPFILE) && tmp_len)
		result |= ver_copy_out_w(tmp, tmp_file, tmp_len, VIF_BUFFTOOSMALL);
	return result;
}

DWORD WINAPI VerInstallFileA(DWORD flags, LPSTR src_name, LPSTR dest_name, LPSTR src_dir,
			     LPSTR dest_dir, LPSTR cur_dir, LPSTR tmp_file, PUINT tmp_len)
{
	LPCSTR in[5] = { src_name, dest_name, src_dir, dest_dir, cur_dir };
	WCHAR *w[5], tmp[MAX_PATH] = { 0 };
	DWORD result = 0;
	int i;

	for (i = 0; i < 5; i++)
		if (!(w[i] = version_to_w(in[i])) && in[i])
			result = VIF_OUTOFMEMORY;
	if (tmp_file && tmp_len && *tmp_len)
		MultiByteToWideChar(CP_ACP, 0, tmp_file, (int)strnlen(tmp_file, min(*tmp_len, MAX_PATH - 1)),
				    tmp, MAX_PATH - 1);
	if (!result)
		result = install(flags, w[0], w[1], w[2], w[3], w[4], tmp);
	if ((result & VIF_TEMPFILE) && tmp_len)
		result |= ver_copy_out_a(tmp, tmp_file, tmp_len, VIF_BUFFTOOSMALL);
	for (i = 0; i < 5; i++)
		HeapFree(GetProcessHeap(), 0, w[i]);
	return result;
}
