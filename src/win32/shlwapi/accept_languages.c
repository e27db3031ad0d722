/*
 * GetAcceptLanguagesA/W: the languages for an HTTP Accept-Language header:
 * the user's list (HKCU\Software\Microsoft\Internet Explorer\International,
 * value AcceptLanguage) or else the user's locale as "lang-COUNTRY".
 * *len is the buffer's size in characters on entry and the length copied
 * (without the NUL) on return; a buffer too small for the whole string and
 * its NUL fails with E_NOT_SUFFICIENT_BUFFER and *len 0, as Windows 7 and
 * later do; no buffer gives the length needed.
 */
#include "shlwapi_private.h"

static void user_languages(WCHAR *out, DWORD size)
{
	DWORD bytes = size * sizeof(WCHAR), type;
	int n;

	out[0] = 0;
	if (!RegGetValueW(HKEY_CURRENT_USER, L"Software\\Microsoft\\Internet Explorer\\International",
			L"AcceptLanguage", RRF_RT_REG_SZ, &type, out, &bytes) && out[0])
		return;
	n = GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SISO639LANGNAME, out, size);
	if (n > 0 && (DWORD)n < size) {
		out[n - 1] = '-';
		if (!GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SISO3166CTRYNAME, out + n, size - n))
			out[n - 1] = 0;
	}
}

HRESULT WINAPI GetAcceptLanguagesW(LPWSTR buf, DWORD *len)
{
	WCHAR langs[256];
	DWORD n;

	if (!len || (buf && !*len))
		return E_INVALIDARG;
	user_languages(langs, ARRAYSIZE(langs));
	n = lstrlenW(langs);
	if (!buf) {
		*len = n;
		return S_OK;
	}
	if (n + 1 > *len) {
		*len = 0;
		return E_NOT_SUFFICIENT_BUFFER;
	}
	memcpy(buf, langs, (n + 1) * sizeof(WCHAR));
	*len = n;
	return S_OK;
}

HRESULT WINAPI GetAcceptLanguagesA(LPSTR buf, DWORD *len)
{
	WCHAR wide[256];
	DWORD wlen = ARRAYSIZE(wide);
	int n;
	HRESULT hr;

	if (!len || (buf && !*len))
		return E_INVALIDARG;
	hr = GetAcceptLanguagesW(wide, &wlen);
	if (FAILED(hr))
		return hr;
	n = WideCharToMultiByte(CP_ACP, 0, wide, -1, NULL, 0, NULL, NULL) - 1;
	if (!buf) {
		*len = n;
		return S_OK;
	}
	if ((DWORD)n + 1 > *len) {
		*len = 0;
		return E_NOT_SUFFICIENT_BUFFER;
	}
	WideCharToMultiByte(CP_ACP, 0, wide, -1, buf, *len, NULL, NULL);
	*len = n;
	return S_OK;
}
