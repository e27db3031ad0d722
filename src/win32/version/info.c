/*
 * GetFileVersionInfoSize and GetFileVersionInfo (A, W, Ex).  The buffer
 * receives the VS_VERSIONINFO resource as it is in the file, and behind
 * it, when the caller made room as GetFileVersionInfoSize advises, space
 * where VerQueryValueA puts the ANSI strings it hands out (Windows also
 * reserves such room; the sizes are not documented).
 */
#include "version_private.h"

DWORD info_size(DWORD resource_size)
{
	return (resource_size + 3) / 4 * 4 + sizeof(DWORD) + resource_size;
}

DWORD WINAPI GetFileVersionInfoSizeExW(DWORD flags, LPCWSTR file, LPDWORD handle)
{
	const void *data;
	void *base;
	DWORD size;

	if (handle)
		*handle = 0;
	if (!image_version_resource(file, &base, &data, &size))
		return 0;
	image_unmap(base);
	SetLastError(ERROR_SUCCESS);
	return info_size(size);
}

DWORD WINAPI GetFileVersionInfoSizeW(LPCWSTR file, LPDWORD handle)
{
	return GetFileVersionInfoSizeExW(0, file, handle);
}

BOOL WINAPI GetFileVersionInfoExW(DWORD flags, LPCWSTR file, DWORD ignored, DWORD len, LPVOID buf)
{
	const void *data;
	void *base;
	DWORD size;

	if (!buf || !len) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!image_version_resource(file, &base, &data, &size))
		return FALSE;
	memcpy(buf, data, size < len ? size : len);
	image_unmap(base);
	return TRUE;
}

BOOL WINAPI GetFileVersionInfoW(LPCWSTR file, DWORD handle, DWORD len, LPVOID buf)
{
	return GetFileVersionInfoExW(0, file, handle, len, buf);
}

WCHAR *version_to_w(LPCSTR a)
{
	int n;
	WCHAR *w;

	if (!a)
		return NULL;
	n = MultiByteToWideChar(CP_ACP, 0, a, -1, NULL, 0);
	if ((w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR))))
		MultiByteToWideChar(CP_ACP, 0, a, -1, w, n);
	return w;
}

DWORD WINAPI GetFileVersionInfoSizeExA(DWORD flags, LPCSTR file, LPDWORD handle)
{
	WCHAR *w = version_to_w(file);
	DWORD n = GetFileVersionInfoSizeExW(flags, w, handle);

	HeapFree(GetProcessHeap(), 0, w);
	return n;
}

DWORD WINAPI GetFileVersionInfoSizeA(LPCSTR file, LPDWORD handle)
{
	return GetFileVersionInfoSizeExA(0, file, handle);
}

BOOL WINAPI GetFileVersionInfoExA(DWORD flags, LPCSTR file, DWORD handle, DWORD len, LPVOID buf)
{
	WCHAR *w = version_to_w(file);
	BOOL ok = GetFileVersionInfoExW(flags, w, handle, len, buf);

	HeapFree(GetProcessHeap(), 0, w);
	return ok;
}

BOOL WINAPI GetFileVersionInfoA(LPCSTR file, DWORD handle, DWORD len, LPVOID buf)
{
	return GetFileVersionInfoExA(0, file, handle, len, buf);
}
