/*
 * The rest of the .ini family over GetPrivateProfileString and
 * WritePrivateProfileString: structures (hex bytes and a checksum byte,
 * the low byte of their sum), writing a whole section, win.ini
 * (Get/WriteProfile*: the private profile "win.ini" in the Windows
 * directory) and the A forms of the section lists.
 */
#include "k32_private.h"
#include "k32_profile.h"
#include "k32_profile_map.h"

static int hex_value(WCHAR c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

K32API BOOL WINAPI GetPrivateProfileStructW(LPCWSTR section, LPCWSTR key, LPVOID data, UINT size,
					     LPCWSTR file)
{
	DWORD want = 2 * size + 2, n;
	WCHAR *text;
	BYTE sum = 0, *out = data;
	BOOL ok = FALSE;

	if (!section || !key || !data || size > 0x10000)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(text = RtlAllocateHeap(k32_heap(), 0, (want + 2) * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	n = GetPrivateProfileStringW(section, key, L"", text, want + 2, file);
	if (n != want) {
		k32_free(text);
		return k32_error(ERROR_BAD_LENGTH);
	}
	for (n = 0; n <= size; n++) {
		int hi = hex_value(text[2 * n]), lo = hex_value(text[2 * n + 1]);

		if (hi < 0 || lo < 0)
			break;
		if (n == size) {
			ok = (BYTE)(hi * 16 + lo) == sum;
			break;
		}
		sum += (BYTE)(hi * 16 + lo);
	}
	if (ok)
		for (n = 0; n < size; n++)
			out[n] = (BYTE)(hex_value(text[2 * n]) * 16 + hex_value(text[2 * n + 1]));
	k32_free(text);
	return ok || k32_error(ERROR_INVALID_DATA);
}

/* NULL data deletes the key. */
K32API BOOL WINAPI WritePrivateProfileStructW(LPCWSTR section, LPCWSTR key, LPVOID data, UINT size,
					       LPCWSTR file)
{
	static const WCHAR digits[] = L"0123456789ABCDEF";
	const BYTE *in = data;
	WCHAR *text;
	BYTE sum = 0;
	BOOL ok;

	if (!data)
		return WritePrivateProfileStringW(section, key, NULL, file);
	if (!(text = RtlAllocateHeap(k32_heap(), 0, (2 * (SIZE_T)size + 3) * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	for (UINT i = 0; i <= size; i++) {
		BYTE b = i < size ? in[i] : sum;

		text[2 * i] = digits[b >> 4];
		text[2 * i + 1] = digits[b & 15];
		sum += b;
	}
	text[2 * size + 2] = 0;
	ok = WritePrivateProfileStringW(section, key, text, file);
	k32_free(text);
	return ok;
}

/* The section's lines become data's "key=value" strings (a double-NUL
 * list); NULL data deletes the section. */
K32API BOOL WINAPI WritePrivateProfileSectionW(LPCWSTR section, LPCWSTR data, LPCWSTR file)
{
	struct profile_map m;
	WCHAR *key;
	BOOL ok;

	if (!section || !file)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (k32_profile_map_open(file, &m)) {
		BOOL done = k32_profile_map_write_section(&m, section, data, &ok);

		k32_profile_map_close(&m);
		if (done)
			return ok;
	}
	if (!WritePrivateProfileStringW(section, NULL, NULL, file) || !data)
		return data ? FALSE : TRUE;
	for (; *data; data += wcslen(data) + 1) {
		const WCHAR *eq = wcschr(data, '=');
		size_t n = eq ? (size_t)(eq - data) : wcslen(data);

		if (!(key = RtlAllocateHeap(k32_heap(), 0, (n + 1) * sizeof(WCHAR))))
			return k32_error(ERROR_NOT_ENOUGH_MEMORY);
		memcpy(key, data, n * sizeof(WCHAR));
		key[n] = 0;
		ok = WritePrivateProfileStringW(section, key, eq ? eq + 1 : L"", file);
		k32_free(key);
		if (!ok)
			return FALSE;
	}
	return TRUE;
}

/* A list of n characters and its final NUL, to ANSI. */
static DWORD list_to_a(const WCHAR *w, DWORD n, char *a, DWORD size)
{
	k32_w_to_a(w, n + 1 < size ? n + 1 : size - 1, a);
	return n;
}

K32API DWORD WINAPI GetPrivateProfileSectionA(LPCSTR section, LPSTR out, DWORD size, LPCSTR file)
{
	UNICODE_STRING ws, wf;
	WCHAR *wout;
	DWORD n = 0;

	if (!section || !out || size < 2) {
		RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (!(wout = RtlAllocateHeap(k32_heap(), 0, size * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if (k32_ansi_args2(section, file, &ws, &wf)) {
		n = list_to_a(wout, GetPrivateProfileSectionW(ws.Buffer, wout, size, wf.Buffer), out, size);
		k32_free(ws.Buffer);
		k32_free(wf.Buffer);
	}
	k32_free(wout);
	return n;
}

K32API DWORD WINAPI GetPrivateProfileSectionNamesA(LPSTR out, DWORD size, LPCSTR file)
{
	return GetPrivateProfileStringA(NULL, NULL, NULL, out, size, file);
}

/* A list of NUL-terminated strings, double-NUL-terminated, to UTF-16. */
static WCHAR *list_to_w(const char *a)
{
	size_t n = 0;
	WCHAR *w;

	while (a[n] || a[n + 1])
		n++;
	if (!(w = RtlAllocateHeap(k32_heap(), 0, (n + 2) * sizeof(WCHAR))))
		return NULL;
	for (size_t i = 0; i < n + 2; i++)
		MultiByteToWideChar(CP_ACP, 0, a + i, 1, w + i, 1);
	return w;
}

K32API BOOL WINAPI WritePrivateProfileSectionA(LPCSTR section, LPCSTR data, LPCSTR file)
{
	UNICODE_STRING ws, wf;
	WCHAR *wdata = NULL;
	BOOL r = FALSE;

	if (data && !(wdata = list_to_w(data)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if (k32_ansi_args2(section, file, &ws, &wf)) {
		r = WritePrivateProfileSectionW(ws.Buffer, wdata, wf.Buffer);
		k32_free(ws.Buffer);
		k32_free(wf.Buffer);
	}
	k32_free(wdata);
	return r;
}

typedef BOOL(WINAPI *struct_fn_w)(LPCWSTR, LPCWSTR, LPVOID, UINT, LPCWSTR);

/* Get/WritePrivateProfileStructA: the names converted, the W form called. */
static BOOL struct_a(struct_fn_w fn, LPCSTR section, LPCSTR key, LPVOID data, UINT size,
		     LPCSTR file)
{
	UNICODE_STRING ws, wk, wf = { 0 };
	BOOL r = FALSE;

	if (!k32_ansi_args2(section, key, &ws, &wk))
		return FALSE;
	if (!file || k32_ansi_arg(file, &wf))
		r = fn(ws.Buffer, wk.Buffer, data, size, wf.Buffer);
	k32_free(wf.Buffer);
	k32_free(ws.Buffer);
	k32_free(wk.Buffer);
	return r;
}

K32API BOOL WINAPI GetPrivateProfileStructA(LPCSTR section, LPCSTR key, LPVOID data, UINT size,
					     LPCSTR file)
{
	return struct_a(GetPrivateProfileStructW, section, key, data, size, file);
}

K32API BOOL WINAPI WritePrivateProfileStructA(LPCSTR section, LPCSTR key, LPVOID data, UINT size,
					       LPCSTR file)
{
	return struct_a(WritePrivateProfileStructW, section, key, data, size, file);
}

/* --- win.ini --- */

K32API UINT WINAPI GetProfileIntW(LPCWSTR section, LPCWSTR key, INT def)
{
	return GetPrivateProfileIntW(section, key, def, L"win.ini");
}

K32API UINT WINAPI GetProfileIntA(LPCSTR section, LPCSTR key, INT def)
{
	return GetPrivateProfileIntA(section, key, def, "win.ini");
}

K32API DWORD WINAPI GetProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR def, LPWSTR out,
				       DWORD size)
{
	return GetPrivateProfileStringW(section, key, def, out, size, L"win.ini");
}

K32API DWORD WINAPI GetProfileStringA(LPCSTR section, LPCSTR key, LPCSTR def, LPSTR out, DWORD size)
{
	return GetPrivateProfileStringA(section, key, def, out, size, "win.ini");
}

K32API DWORD WINAPI GetProfileSectionW(LPCWSTR section, LPWSTR out, DWORD size)
{
	return GetPrivateProfileSectionW(section, out, size, L"win.ini");
}

K32API DWORD WINAPI GetProfileSectionA(LPCSTR section, LPSTR out, DWORD size)
{
	return GetPrivateProfileSectionA(section, out, size, "win.ini");
}

K32API BOOL WINAPI WriteProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR value)
{
	return WritePrivateProfileStringW(section, key, value, L"win.ini");
}

K32API BOOL WINAPI WriteProfileStringA(LPCSTR section, LPCSTR key, LPCSTR value)
{
	return WritePrivateProfileStringA(section, key, value, "win.ini");
}

K32API BOOL WINAPI WriteProfileSectionW(LPCWSTR section, LPCWSTR data)
{
	return WritePrivateProfileSectionW(section, data, L"win.ini");
}

K32API BOOL WINAPI WriteProfileSectionA(LPCSTR section, LPCSTR data)
{
	return WritePrivateProfileSectionA(section, data, "win.ini");
}
