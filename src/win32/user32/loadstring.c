/*
 * LoadString: string table resources.  Strings live in RT_STRING blocks
 * of 16: string id n is entry n % 16 of block n / 16 + 1, each entry a
 * length (in WCHARs) followed by that many characters, not terminated.
 * Only the low word of an id counts (Windows ignores the high one).
 */
#include "user32_private.h"

/* The string's characters in the module and its length, or NULL. */
static const WCHAR *find_string(HINSTANCE module, UINT id, int *len)
{
	HRSRC res;
	const WCHAR *p, *end;
	DWORD size;

	id &= 0xffff;
	res = FindResourceW(module, MAKEINTRESOURCEW((id >> 4) + 1), (LPCWSTR)RT_STRING);
	if (!res || !(p = LockResource(LoadResource(module, res))))
		return NULL;
	size = SizeofResource(module, res);
	end = p + size / sizeof(WCHAR);
	for (UINT i = 0; i < (id & 15); i++) {
		if (p >= end || *p > end - p - 1)
			return NULL;
		p += *p + 1;
	}
	if (p >= end || *p > end - p - 1 || !*p)
		return NULL;
	*len = *p;
	return p + 1;
}

/* With a size of 0 the buffer receives a read-only pointer to the string
 * in the resource (not terminated); otherwise up to size - 1 characters
 * and a NUL.  Returns the length given, 0 for no such string. */
int WINAPI LoadStringW(HINSTANCE module, UINT id, LPWSTR buf, int size)
{
	const WCHAR *s;
	int len = 0;

	if (!buf) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	s = find_string(module, id, &len);
	if (!size) {
		*(const WCHAR **)buf = s;
		return s ? len : 0;
	}
	if (!s) {
		buf[0] = 0;
		return 0;
	}
	if (len > size - 1)
		len = size - 1;
	memcpy(buf, s, len * sizeof(WCHAR));
	buf[len] = 0;
	return len;
}

/* The string in the ANSI code page, cut to size - 1 bytes; -1 for a
 * size of 0 (no pointer form here, as on Windows 10). */
int WINAPI LoadStringA(HINSTANCE module, UINT id, LPSTR buf, int size)
{
	const WCHAR *s;
	int len = 0, n;

	if (!buf || size < 0) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (!size)
		return -1;
	buf[0] = 0;
	/* a size of 1 holds the NUL alone (and 0 would ask for the size) */
	if (size == 1 || !(s = find_string(module, id, &len)))
		return 0;
	n = WideCharToMultiByte(CP_ACP, 0, s, len, buf, size - 1, NULL, NULL);
	if (!n && len)
		n = WideCharToMultiByte(CP_ACP, 0, s, min(len, size - 1), buf, size - 1, NULL, NULL);
	buf[n] = 0;
	return n;
}
