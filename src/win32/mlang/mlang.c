/*
 * mlang's flat functions: a locale as an RFC 1766 tag and back (the
 * locale names of kernel32's NLS data), and text between code pages
 * (kernel32's conversions; the mode argument of the ConvertINet*
 * functions keeps no state here, as no conversion needs any).
 */
#include <windows.h>
#include <mlang.h>

#define MLANG_API __declspec(dllexport)

MLANG_API HRESULT WINAPI LcidToRfc1766W(LCID lcid, LPWSTR buf, int len)
{
	if (!buf || len <= 0 || !LCIDToLocaleName(lcid, buf, len, 0))
		return E_INVALIDARG;
	return S_OK;
}

MLANG_API HRESULT WINAPI LcidToRfc1766A(LCID lcid, LPSTR buf, int len)
{
	WCHAR name[LOCALE_NAME_MAX_LENGTH];

	if (!buf || len <= 0 || !LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0))
		return E_INVALIDARG;
	if (!WideCharToMultiByte(CP_ACP, 0, name, -1, buf, len, NULL, NULL))
		return E_INVALIDARG;
	return S_OK;
}

MLANG_API HRESULT WINAPI Rfc1766ToLcidW(LCID *lcid, LPCWSTR tag)
{
	if (!lcid || !tag || !(*lcid = LocaleNameToLCID(tag, 0)))
		return E_INVALIDARG;
	return S_OK;
}

MLANG_API HRESULT WINAPI Rfc1766ToLcidA(LCID *lcid, LPCSTR tag)
{
	WCHAR name[LOCALE_NAME_MAX_LENGTH];

	if (!tag || !MultiByteToWideChar(CP_ACP, 0, tag, -1, name, LOCALE_NAME_MAX_LENGTH))
		return E_INVALIDARG;
	return Rfc1766ToLcidW(lcid, name);
}

MLANG_API HRESULT WINAPI IsConvertINetStringAvailable(DWORD from, DWORD to)
{
	return IsValidCodePage(from) && IsValidCodePage(to) ? S_OK : S_FALSE;
}

MLANG_API HRESULT WINAPI ConvertINetReset(void)
{
	return S_OK;
}

/* A count of -1 means up to the NUL (not counted); a NULL destination
 * asks for the size.  The counts come back as used and written. */
static HRESULT convert(DWORD cp, BOOL to_wide, const void *src, LPINT src_len, void *dst, LPINT dst_len)
{
	int n;

	if (!src_len || !dst_len)
		return E_INVALIDARG;
	if (!src || !*src_len) {
		*src_len = *dst_len = 0;
		return S_OK;
	}
	if (*src_len < 0)
		*src_len = to_wide ? lstrlenA(src) : lstrlenW(src);
	if (!IsValidCodePage(cp))
		return E_FAIL;
	n = to_wide ? MultiByteToWideChar(cp, 0, src, *src_len, dst, dst ? *dst_len : 0)
		    : WideCharToMultiByte(cp, 0, src, *src_len, dst, dst ? *dst_len : 0, NULL, NULL);
	if (!n)
		return E_FAIL;
	*dst_len = n;
	return S_OK;
}

MLANG_API HRESULT WINAPI ConvertINetMultiByteToUnicode(LPDWORD mode, DWORD cp, LPCSTR src, LPINT src_len,
						       LPWSTR dst, LPINT dst_len)
{
	return convert(cp, TRUE, src, src_len, dst, dst_len);
}

MLANG_API HRESULT WINAPI ConvertINetUnicodeToMultiByte(LPDWORD mode, DWORD cp, LPCWSTR src, LPINT src_len,
						       LPSTR dst, LPINT dst_len)
{
	return convert(cp, FALSE, src, src_len, dst, dst_len);
}

/* From one code page to another through UTF-16. */
MLANG_API HRESULT WINAPI ConvertINetString(LPDWORD mode, DWORD from, DWORD to, LPCSTR src, LPINT src_len,
					   LPSTR dst, LPINT dst_len)
{
	int wide_len = 0, used;
	WCHAR *wide;
	HRESULT hr;

	if (!src_len || !dst_len)
		return E_INVALIDARG;
	hr = ConvertINetMultiByteToUnicode(mode, from, src, src_len, NULL, &wide_len);
	if (hr != S_OK || !wide_len) {
		if (hr == S_OK)
			*dst_len = 0;
		return hr;
	}
	if (!(wide = HeapAlloc(GetProcessHeap(), 0, wide_len * sizeof(WCHAR))))
		return E_OUTOFMEMORY;
	hr = ConvertINetMultiByteToUnicode(mode, from, src, src_len, wide, &wide_len);
	used = wide_len;
	if (hr == S_OK)
		hr = ConvertINetUnicodeToMultiByte(mode, to, wide, &used, dst, dst_len);
	HeapFree(GetProcessHeap(), 0, wide);
	return hr;
}
