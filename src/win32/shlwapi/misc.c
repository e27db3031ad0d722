/*
 * The rest: bounded wsprintf (wnsprintf), byte sizes for people
 * (StrFormatByteSize: "1.45 KB"), and IsOS for this system: Windows 10,
 * a 64-bit NT workstation, not a server, not a domain member.
 */
#include "shlwapi_private.h"
#include <stdarg.h>

int __cdecl crt_vsnwprintf(wchar_t *buf, size_t n, const wchar_t *fmt, va_list ap) __asm__("_vsnwprintf");
int __cdecl crt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap) __asm__("_vsnprintf");

/* At most size - 1 characters and a NUL; the count written, or -1 when
 * the output was cut (the buffer still ends in a NUL). */
int WINAPI wvnsprintfW(LPWSTR buf, int size, LPCWSTR fmt, va_list ap)
{
	int n;

	if (!buf || size <= 0 || !fmt)
		return -1;
	n = crt_vsnwprintf(buf, size - 1, fmt, ap);
	if (n < 0 || n >= size - 1) {
		buf[size - 1] = 0;
		return n == size - 1 ? n : -1;
	}
	return n;
}

int WINAPI wvnsprintfA(LPSTR buf, int size, LPCSTR fmt, va_list ap)
{
	int n;

	if (!buf || size <= 0 || !fmt)
		return -1;
	n = crt_vsnprintf(buf, size - 1, fmt, ap);
	if (n < 0 || n >= size - 1) {
		buf[size - 1] = 0;
		return n == size - 1 ? n : -1;
	}
	return n;
}

int WINAPIV wnsprintfW(LPWSTR buf, int size, LPCWSTR fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = wvnsprintfW(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int WINAPIV wnsprintfA(LPSTR buf, int size, LPCSTR fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = wvnsprintfA(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Three significant digits, cut (not rounded): 1532 -> "1.49 KB",
 * 999 -> "999 bytes", as Explorer shows sizes. */
LPWSTR WINAPI StrFormatByteSizeW(LONGLONG size, LPWSTR buf, UINT len)
{
	static const WCHAR *const units[] = { L"KB", L"MB", L"GB", L"TB", L"PB", L"EB" };
	ULONGLONG v = (ULONGLONG)size, scaled;
	int unit = -1;

	if (!buf || !len)
		return buf;
	if (size < 1024) { /* a negative size too, as Windows shows it */
		wnsprintfW(buf, len, L"%I64d bytes", size);
		return buf;
	}
	while (v >= 1024 * 1000ull && unit < 4)
		v /= 1024, unit++;
	unit++;
	scaled = v * 100 / 1024; /* hundredths of the unit */
	if (scaled >= 10000)
		wnsprintfW(buf, len, L"%I64u %s", scaled / 100, units[unit]);
	else if (scaled >= 1000)
		wnsprintfW(buf, len, L"%I64u.%I64u %s", scaled / 100, scaled / 10 % 10, units[unit]);
	else
		wnsprintfW(buf, len, L"%I64u.%02I64u %s", scaled / 100, scaled % 100, units[unit]);
	return buf;
}

LPSTR WINAPI StrFormatByteSize64A(LONGLONG size, LPSTR buf, UINT len)
{
	WCHAR w[64];

	if (buf && len)
		WideCharToMultiByte(CP_ACP, 0, StrFormatByteSizeW(size, w, 64), -1, buf, len, NULL, NULL);
	return buf;
}

LPSTR WINAPI StrFormatByteSizeA(DWORD size, LPSTR buf, UINT len)
{
	return StrFormatByteSize64A(size, buf, len);
}

/* Kilobytes rounded up, grouped: 1500 -> "2 KB", 1234567 -> "1,206 KB". */
LPWSTR WINAPI StrFormatKBSizeW(LONGLONG size, LPWSTR buf, UINT len)
{
	ULONGLONG kb = size <= 0 ? 0 : ((ULONGLONG)size + 1023) / 1024;
	WCHAR digits[32], out[48];
	int n, m = 0;

	if (!buf || !len)
		return buf;
	n = wnsprintfW(digits, 32, L"%I64u", kb);
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[m++] = ',';
		out[m++] = digits[i];
	}
	out[m] = 0;
	wnsprintfW(buf, len, L"%s KB", out);
	return buf;
}

LPSTR WINAPI StrFormatKBSizeA(LONGLONG size, LPSTR buf, UINT len)
{
	WCHAR w[64];

	if (buf && len)
		WideCharToMultiByte(CP_ACP, 0, StrFormatKBSizeW(size, w, 64), -1, buf, len, NULL, NULL);
	return buf;
}

/* Hours, minutes and seconds (the milliseconds rounded to a second),
 * from the largest that is not zero, each cut to the significant digits
 * left ("digits" in all): 1,000,000 ms with 1 digit is " 10 min", with 3
 * " 16 min 40 sec".  Returns the characters written. */
int WINAPI StrFromTimeIntervalW(LPWSTR buf, UINT len, DWORD ms, int digits)
{
	static const WCHAR *const names[] = { L"hr", L"min", L"sec" };
	DWORD secs = (DWORD)(((ULONGLONG)ms + 500) / 1000);
	DWORD parts[3] = { secs / 3600, secs / 60 % 60, secs % 60 };
	WCHAR out[64];
	int n = 0, started = 0;

	if (!buf || !len)
		return 0;
	for (int i = 0; i < 3 && digits > 0; i++) {
		DWORD v = parts[i], cut = 1;
		int width = 1;

		if (!v && !started && i < 2)
			continue;
		for (DWORD t = v; t >= 10; t /= 10)
			width++;
		for (int k = width; k > digits; k--)
			cut *= 10;
		n += wnsprintfW(out + n, ARRAYSIZE(out) - n, L" %lu %s", v / cut * cut, names[i]);
		digits -= width;
		started = 1;
	}
	lstrcpynW(buf, out, len);
	return lstrlenW(buf);
}

int WINAPI StrFromTimeIntervalA(LPSTR buf, UINT len, DWORD ms, int digits)
{
	WCHAR w[64];

	if (!buf || !len)
		return 0;
	StrFromTimeIntervalW(w, ARRAYSIZE(w), ms, digits);
	WideCharToMultiByte(CP_ACP, 0, w, -1, buf, len, NULL, NULL);
	buf[len - 1] = 0;
	return lstrlenA(buf);
}

BOOL WINAPI IsOS(DWORD os)
{
	switch (os) {
	case OS_WINDOWS: case OS_NT: case OS_WIN2000ORGREATER: case OS_WIN2000PRO:
	case OS_XPORGREATER: case OS_PROFESSIONAL: case OS_FASTUSERSWITCHING:
		return TRUE;
	}
	return FALSE;
}
