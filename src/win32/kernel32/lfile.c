/* The 16-bit file functions (_lopen, _lread...) that old programs and
 * test harnesses still call: HFILE is the file handle, HFILE_ERROR (-1)
 * the failure, over CreateFile, ReadFile, WriteFile and SetFilePointer. */
#include "k32_private.h"

static HFILE open_file(LPCSTR path, DWORD access, DWORD share, DWORD disposition)
{
	HANDLE h = CreateFileA(path, access, share, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);

	return h == INVALID_HANDLE_VALUE ? HFILE_ERROR : (HFILE)(LONG_PTR)h;
}

/* OF_READ / OF_WRITE / OF_READWRITE and the OF_SHARE_* modes as CreateFile
 * access and sharing; FALSE (ERROR_INVALID_PARAMETER) for others. */
static BOOL open_mode(int mode, DWORD *access, DWORD *share)
{
	static const DWORD accesses[] = { GENERIC_READ, GENERIC_WRITE, GENERIC_READ | GENERIC_WRITE };
	static const DWORD shares[] = { FILE_SHARE_READ | FILE_SHARE_WRITE, 0, FILE_SHARE_READ,
					FILE_SHARE_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE };
	int a = mode & 3, s = (mode >> 4) & 7;

	if (a > 2 || s > 4)
		return k32_error(ERROR_INVALID_PARAMETER);
	*access = accesses[a];
	*share = shares[s];
	return TRUE;
}

K32API HFILE WINAPI _lopen(LPCSTR path, int mode)
{
	DWORD access, share;

	if (!open_mode(mode, &access, &share))
		return HFILE_ERROR;
	return open_file(path, access, share, OPEN_EXISTING);
}

/* OpenFile's full name of `name`: where a new file goes (OF_CREATE), else
 * where SearchPath finds it (the name itself when it has a path). */
static BOOL openfile_path(LPCSTR name, UINT style, char path[OFS_MAXPATHNAME])
{
	char full[MAX_PATH];
	DWORD n = GetFullPathNameA(name, MAX_PATH, full, NULL);

	if (n >= OFS_MAXPATHNAME) /* longer than OFSTRUCT holds, wherever it is */
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	if (!(style & OF_CREATE))
		n = SearchPathA(NULL, name, NULL, MAX_PATH, full, NULL);

	if (!n && !(style & OF_CREATE) && GetLastError() != ERROR_FILENAME_EXCED_RANGE)
		return k32_error(ERROR_FILE_NOT_FOUND);
	if (!n || n >= MAX_PATH)
		return FALSE;
	if (n >= OFS_MAXPATHNAME)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	memcpy(path, full, n + 1);
	return TRUE;
}

/* The OpenFile of 16-bit Windows (documented): OF_PARSE only names the
 * file, OF_EXIST and OF_DELETE answer 1, the others open (OF_CREATE:
 * create or truncate) and answer the handle.  On failure, nErrCode holds
 * the error and HFILE_ERROR is returned. */
K32API HFILE WINAPI OpenFile(LPCSTR name, LPOFSTRUCT ofs, UINT style)
{
	char path[OFS_MAXPATHNAME];
	DWORD access, share;
	HANDLE h = INVALID_HANDLE_VALUE;

	if (!name || !ofs)
		return k32_error(ERROR_INVALID_PARAMETER), HFILE_ERROR;
	if (!open_mode((int)(style & 0x73), &access, &share) || !openfile_path(name, style, path)) {
		ofs->nErrCode = (WORD)GetLastError();
		return HFILE_ERROR;
	}
	if (!(style & OF_PARSE) && !(style & OF_DELETE)) {
		h = CreateFileA(path, (style & OF_EXIST) ? GENERIC_READ : access, share, NULL,
				(style & OF_CREATE) ? CREATE_ALWAYS : OPEN_EXISTING,
				FILE_ATTRIBUTE_NORMAL, NULL);
		if (h == INVALID_HANDLE_VALUE) {
			ofs->nErrCode = (WORD)GetLastError();
			return HFILE_ERROR;
		}
	} else if ((style & OF_DELETE) && !DeleteFileA(path)) {
		ofs->nErrCode = (WORD)GetLastError();
		return HFILE_ERROR;
	}
	ofs->cBytes = sizeof(*ofs);
	ofs->fFixedDisk = 1;
	ofs->nErrCode = 0;
	memcpy(ofs->szPathName, path, strlen(path) + 1);
	if (style & OF_PARSE)
		return 0;
	if (style & (OF_EXIST | OF_DELETE)) {
		if (style & OF_EXIST)
			CloseHandle(h);
		return 1;
	}
	return (HFILE)(LONG_PTR)h;
}

/* attr: 0 normal, 1 read-only, 2 hidden, 4 system (FILE_ATTRIBUTE_*). */
K32API HFILE WINAPI _lcreat(LPCSTR path, int attr)
{
	HANDLE h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
			       NULL, CREATE_ALWAYS, (attr & 7) ? (DWORD)(attr & 7) : FILE_ATTRIBUTE_NORMAL,
			       NULL);

	return h == INVALID_HANDLE_VALUE ? HFILE_ERROR : (HFILE)(LONG_PTR)h;
}

K32API HFILE WINAPI _lclose(HFILE f)
{
	return CloseHandle((HANDLE)(LONG_PTR)f) ? 0 : HFILE_ERROR;
}

K32API long WINAPI _hread(HFILE f, LPVOID buf, long count)
{
	DWORD done;

	return ReadFile((HANDLE)(LONG_PTR)f, buf, (DWORD)count, &done, NULL) ? (long)done : HFILE_ERROR;
}

K32API UINT WINAPI _lread(HFILE f, LPVOID buf, UINT count)
{
	return (UINT)_hread(f, buf, (long)count);
}

/* A count of 0 sets the end of the file at the current position. */
K32API long WINAPI _hwrite(HFILE f, LPCCH buf, long count)
{
	HANDLE h = (HANDLE)(LONG_PTR)f;
	DWORD done;

	if (!count)
		return SetEndOfFile(h) ? 0 : HFILE_ERROR;
	return WriteFile(h, buf, (DWORD)count, &done, NULL) ? (long)done : HFILE_ERROR;
}

K32API UINT WINAPI _lwrite(HFILE f, LPCCH buf, UINT count)
{
	return (UINT)_hwrite(f, buf, (long)count);
}

K32API LONG WINAPI _llseek(HFILE f, LONG offset, int origin)
{
	DWORD pos;

	RtlSetLastWin32Error(NO_ERROR); /* 0xFFFFFFFF is also a position */
	pos = SetFilePointer((HANDLE)(LONG_PTR)f, offset, NULL, (DWORD)origin);

	return pos == INVALID_SET_FILE_POINTER && GetLastError() != NO_ERROR ? HFILE_ERROR : (LONG)pos;
}

/* A 16-bit era limit that no longer exists: it has no effect and returns
 * the number asked for, as documented. */
K32API UINT WINAPI SetHandleCount(UINT count)
{
	return count;
}
