/* MS-DOS dates and times (FAT directory entries): a date is
 * day | month << 5 | (year - 1980) << 9, a time is
 * seconds / 2 | minute << 5 | hour << 11. */
#include "k32_private.h"

K32API BOOL WINAPI DosDateTimeToFileTime(WORD date, WORD time, LPFILETIME ft)
{
	SYSTEMTIME st = { 0 };

	st.wYear = (WORD)(1980 + (date >> 9));
	st.wMonth = (date >> 5) & 15;
	st.wDay = date & 31;
	st.wHour = time >> 11;
	st.wMinute = (time >> 5) & 63;
	st.wSecond = (WORD)((time & 31) * 2);
	return SystemTimeToFileTime(&st, ft);
}

K32API BOOL WINAPI FileTimeToDosDateTime(const FILETIME *ft, LPWORD date, LPWORD time)
{
	SYSTEMTIME st;

	if (!FileTimeToSystemTime(ft, &st))
		return FALSE;
	if (st.wYear < 1980 || st.wYear > 2107)
		return k32_error(ERROR_INVALID_PARAMETER);
	*date = (WORD)((st.wYear - 1980) << 9 | st.wMonth << 5 | st.wDay);
	*time = (WORD)(st.wHour << 11 | st.wMinute << 5 | st.wSecond / 2);
	return TRUE;
}
