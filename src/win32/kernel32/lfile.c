/* The 16-bit file functions (_lopen, _lread...) that old programs and
 * test harnesses still call: HFILE is the file handle, HFILE_ERROR (-1)
 * the failure, over CreateFile, ReadFile, WriteFile and SetFilePointer. */
#include "k32_private.h"

static HFILE open_file(LPCSTR path, DWORD access, DWORD share, DWORD disposition)
{
	HANDLE h = CreateFileA(path, access, share, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);

	return h == INVALID_HANDLE_VALUE ? HFILE_ERROR : (HFILE)(LONG_PTR)h;
}

/* OF_READ / OF_WRITE / OF_READWRITE and the OF_SHARE_* modes. */
K32API HFILE WINAPI _lopen(LPCSTR path, int mode)
{
	static const DWORD access[] = { GENERIC_READ, GENERIC_WRITE, GENERIC_READ | GENERIC_WRITE };
	static const DWORD share[] = { FILE_SHARE_READ | FILE_SHARE_WRITE, 0, FILE_SHARE_READ,
				       FILE_SHARE_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE };
	int a = mode & 3, s = (mode >> 4) & 7;

	if (a > 2 || s > 4)
		return k32_error(ERROR_INVALID_PARAMETER), HFILE_ERROR;
	return open_file(path, access[a], share[s], OPEN_EXISTING);
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
