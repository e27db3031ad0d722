/* Full paths, the current directory, and the well-known directories. */
#include "k32_private.h"

K32API DWORD WINAPI GetFullPathNameW(LPCWSTR name, DWORD size, LPWSTR buf, LPWSTR *file_part)
{
	ULONG bytes;

	if (!name || !name[0])
		return k32_error(ERROR_INVALID_NAME);
	if (size > 0x7FFF)
		size = 0x7FFF;
	bytes = RtlGetFullPathName_U(name, size * sizeof(WCHAR), buf, file_part);
	if (!bytes)
		return k32_error(ERROR_INVALID_NAME);
	return bytes / sizeof(WCHAR);
}

K32API DWORD WINAPI GetFullPathNameA(LPCSTR name, DWORD size, LPSTR buf, LPSTR *file_part)
{
	UNICODE_STRING w;
	WCHAR *wbuf, *wpart = NULL;
	DWORD ret;

	if (!name || !name[0])
		return k32_error(ERROR_INVALID_NAME);
	if (!k32_ansi_arg(name, &w))
		return 0;
	wbuf = RtlAllocateHeap(k32_heap(), 0, 0x8000 * sizeof(WCHAR));
	ret = wbuf ? GetFullPathNameW(w.Buffer, 0x8000, wbuf, &wpart) : 0;
	if (!wbuf)
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	k32_free(w.Buffer);
	if (ret && ret >= size)
		ret++; /* the W call fitted; the A buffer does not: size incl. NUL */
	else if (ret)
		k32_w_to_a(wbuf, ret, buf);
	if (file_part)
		*file_part = ret && ret < size && wpart ? buf + (wpart - wbuf) : NULL;
	k32_free(wbuf);
	return ret;
}

K32API DWORD WINAPI GetCurrentDirectoryW(DWORD size, LPWSTR buf)
{
	return RtlGetCurrentDirectory_U(size * sizeof(WCHAR), buf) / sizeof(WCHAR);
}

K32API DWORD WINAPI GetCurrentDirectoryA(DWORD size, LPSTR buf)
{
	WCHAR w[MAX_PATH + 1];
	DWORD ret = GetCurrentDirectoryW(MAX_PATH + 1, w);

	if (ret > MAX_PATH)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	if (ret >= size)
		return ret + 1;
	k32_w_to_a(w, ret, buf);
	return ret;
}

K32API BOOL WINAPI SetCurrentDirectoryW(LPCWSTR name)
{
	UNICODE_STRING s;
	NTSTATUS status;

	if (!name)
		return k32_error(ERROR_INVALID_PARAMETER);
	RtlInitUnicodeString(&s, name);
	status = RtlSetCurrentDirectory_U(&s);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetCurrentDirectoryA(LPCSTR name)
{
	UNICODE_STRING w;
	BOOL r;

	if (!name)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(name, &w))
		return FALSE;
	r = SetCurrentDirectoryW(w.Buffer);
	k32_free(w.Buffer);
	return r;
}

/* Copy a fixed string: length on success, size needed (with NUL) if the
 * buffer is too small. */
static UINT copy_fixed_w(const WCHAR *s, LPWSTR buf, UINT size)
{
	UINT n = (UINT)wcslen(s);

	if (n >= size)
		return n + 1;
	memcpy(buf, s, (n + 1) * sizeof(WCHAR));
	return n;
}

static UINT copy_fixed_a(const WCHAR *s, LPSTR buf, UINT size)
{
	UINT n = (UINT)wcslen(s);

	if (n >= size)
		return n + 1;
	k32_w_to_a(s, n, buf);
	return n;
}

#define SYSTEM_DIR L"C:\\Windows\\system32"
#define WINDOWS_DIR L"C:\\Windows"

K32API UINT WINAPI GetSystemDirectoryW(LPWSTR buf, UINT size)
{
	return copy_fixed_w(SYSTEM_DIR, buf, size);
}

K32API UINT WINAPI GetSystemDirectoryA(LPSTR buf, UINT size)
{
	return copy_fixed_a(SYSTEM_DIR, buf, size);
}

K32API UINT WINAPI GetWindowsDirectoryW(LPWSTR buf, UINT size)
{
	return copy_fixed_w(WINDOWS_DIR, buf, size);
}

K32API UINT WINAPI GetWindowsDirectoryA(LPSTR buf, UINT size)
{
	return copy_fixed_a(WINDOWS_DIR, buf, size);
}

K32API UINT WINAPI GetSystemWindowsDirectoryW(LPWSTR buf, UINT size)
{
	return copy_fixed_w(WINDOWS_DIR, buf, size);
}

K32API UINT WINAPI GetSystemWindowsDirectoryA(LPSTR buf, UINT size)
{
	return copy_fixed_a(WINDOWS_DIR, buf, size);
}

/* TMP, then TEMP, then USERPROFILE, then the Windows directory; always a
 * full path ending in a backslash (documented order). */
/* GetTempPathW clears the caller's buffer as Windows (since 7) does: the
 * part after the path up to 32767 characters, or, when the path does not
 * fit, the first `size` characters. */
static DWORD fill_temp_path(const WCHAR *path, DWORD n, LPWSTR buf, DWORD size)
{
	DWORD cap = size < 32767 ? size : 32767;

	if (!buf)
		return n + 1;
	if (n >= size) {
		memset(buf, 0, cap * sizeof(WCHAR));
		return n + 1;
	}
	memcpy(buf, path, n * sizeof(WCHAR));
	memset(buf + n, 0, (cap - n) * sizeof(WCHAR));
	return n;
}

K32API DWORD WINAPI GetTempPathW(DWORD size, LPWSTR buf)
{
	static const WCHAR *vars[] = { L"TMP", L"TEMP", L"USERPROFILE" };
	WCHAR val[MAX_PATH + 1], full[MAX_PATH + 2];
	DWORD n = 0, i;

	for (i = 0; i < 3 && !n; i++) {
		n = GetEnvironmentVariableW(vars[i], val, MAX_PATH + 1);
		if (n > MAX_PATH)
			n = 0;
	}
	if (!n)
		n = GetWindowsDirectoryW(val, MAX_PATH + 1);
	n = GetFullPathNameW(val, MAX_PATH, full, NULL);
	if (!n || n >= MAX_PATH)
		return 0;
	if (full[n - 1] != '\\') {
		full[n++] = '\\';
		full[n] = 0;
	}
	k32_error(NO_ERROR);
	return fill_temp_path(full, n, buf, size);
}

K32API DWORD WINAPI GetTempPathA(DWORD size, LPSTR buf)
{
	WCHAR w[MAX_PATH + 2];
	DWORD n = GetTempPathW(MAX_PATH + 2, w);

	if (!n)
		return 0;
	return copy_fixed_a(w, buf, size);
}
