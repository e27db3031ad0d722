/*
 * SHFormatDateTime: a UTC FILETIME as the user's local date and/or time,
 * "date time" with the locale's formats.  FDTF_LONGDATE wins over
 * FDTF_SHORTDATE and FDTF_LONGTIME over FDTF_SHORTTIME; combinations the
 * documentation calls invalid still format (as Windows does).  The
 * reading-order marks Windows may add for right-to-left locales are not
 * added: this system's locales read left to right.
 */
#include "shlwapi_private.h"

/* Characters written, counting the NUL; 0 when nothing fits. */
int WINAPI SHFormatDateTimeW(const FILETIME UNALIGNED *utc, DWORD *pflags, LPWSTR buf, UINT size)
{
	DWORD flags = pflags ? *pflags : FDTF_DEFAULT;
	FILETIME ft = *utc, local;
	SYSTEMTIME st;
	int len = 0, n;

	if (!buf || !size)
		return 0;
	if (!FileTimeToLocalFileTime(&ft, &local) || !FileTimeToSystemTime(&local, &st))
		return 0;
	if (flags & (FDTF_LONGDATE | FDTF_SHORTDATE)) {
		n = GetDateFormatW(LOCALE_USER_DEFAULT, flags & FDTF_LONGDATE ? DATE_LONGDATE : DATE_SHORTDATE,
			&st, NULL, buf, size);
		if (!n)
			return 0;
		len = n - 1;
	}
	if (flags & (FDTF_LONGTIME | FDTF_SHORTTIME)) {
		if (len) {
			if ((UINT)len + 1 >= size)
				return 0;
			buf[len++] = ' ';
		}
		n = GetTimeFormatW(LOCALE_USER_DEFAULT, flags & FDTF_LONGTIME ? 0 : TIME_NOSECONDS,
			&st, NULL, buf + len, size - len);
		if (!n)
			return 0;
		len += n - 1;
	}
	buf[len] = 0;
	return len + 1;
}

int WINAPI SHFormatDateTimeA(const FILETIME UNALIGNED *utc, DWORD *flags, LPSTR buf, UINT size)
{
	WCHAR wide[128];
	int n;

	if (!buf || !size)
		return 0;
	if (!SHFormatDateTimeW(utc, flags, wide, ARRAYSIZE(wide)))
		return 0;
	n = WideCharToMultiByte(CP_ACP, 0, wide, -1, buf, size, NULL, NULL);
	return n;
}
