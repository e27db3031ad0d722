/*
 * The path helpers of <experimental/filesystem>: names convert between
 * the ANSI code page and UTF-16, at most MAX_PATH units with the NUL.
 */
#include <windows.h>

int __cdecl _To_byte(const WCHAR *src, char *dst)
{
	if (!src || !dst)
		return 0;
	return WideCharToMultiByte(CP_ACP, 0, src, -1, dst, MAX_PATH, NULL, NULL);
}

int __cdecl _To_wide(const char *src, WCHAR *dst)
{
	if (!src || !dst)
		return 0;
	return MultiByteToWideChar(CP_ACP, 0, src, -1, dst, MAX_PATH);
}
