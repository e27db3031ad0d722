/*
 * Message boxes in a console session: the box is written to standard
 * error as "caption: text" and "pressing Enter" chooses the default
 * button (MB_DEFBUTTON1..4, else the first), whose id is returned.  No
 * one can press anything else here.
 */
#include "user32_private.h"

void user_write_stderr(const WCHAR *s, int len)
{
	HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
	DWORD mode, done, cp = GetConsoleOutputCP();
	char buf[1024];
	int n;

	if (!err || err == INVALID_HANDLE_VALUE)
		return;
	if (GetConsoleMode(err, &mode)) {
		WriteConsoleW(err, s, len, &done, NULL);
		return;
	}
	while (len > 0) {
		int chunk = len > 256 ? 256 : len;

		n = WideCharToMultiByte(cp ? cp : CP_ACP, 0, s, chunk, buf, sizeof(buf), NULL, NULL);
		WriteFile(err, buf, n, &done, NULL);
		s += chunk;
		len -= chunk;
	}
}

/* The buttons of each MB_ type, in order; 0 ends a list. */
static const BYTE buttons[][4] = {
	[MB_OK] = { IDOK },
	[MB_OKCANCEL] = { IDOK, IDCANCEL },
	[MB_ABORTRETRYIGNORE] = { IDABORT, IDRETRY, IDIGNORE },
	[MB_YESNOCANCEL] = { IDYES, IDNO, IDCANCEL },
	[MB_YESNO] = { IDYES, IDNO },
	[MB_RETRYCANCEL] = { IDRETRY, IDCANCEL },
	[MB_CANCELTRYCONTINUE] = { IDCANCEL, IDTRYAGAIN, IDCONTINUE },
};

static int default_button(UINT type)
{
	UINT kind = type & MB_TYPEMASK, def = (type & MB_DEFMASK) >> 8;

	if (kind >= sizeof(buttons) / sizeof(buttons[0]))
		return 0;
	if (def > 3 || !buttons[kind][def])
		def = 0;
	return buttons[kind][def];
}

int WINAPI MessageBoxExW(HWND hwnd, LPCWSTR text, LPCWSTR caption, UINT type, WORD lang)
{
	int id = default_button(type);

	if (!id) {
		SetLastError(ERROR_INVALID_MSGBOX_STYLE);
		return 0;
	}
	if (!caption)
		caption = L"Error"; /* the documented default title */
	user_write_stderr(caption, lstrlenW(caption));
	user_write_stderr(L": ", 2);
	if (text)
		user_write_stderr(text, lstrlenW(text));
	user_write_stderr(L"\r\n", 2);
	return id;
}

int WINAPI MessageBoxW(HWND hwnd, LPCWSTR text, LPCWSTR caption, UINT type)
{
	return MessageBoxExW(hwnd, text, caption, type, 0);
}

static WCHAR *to_w(LPCSTR a)
{
	int n;
	WCHAR *w;

	if (!a)
		return NULL;
	n = MultiByteToWideChar(CP_ACP, 0, a, -1, NULL, 0);
	w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR));
	if (w)
		MultiByteToWideChar(CP_ACP, 0, a, -1, w, n);
	return w;
}

int WINAPI MessageBoxExA(HWND hwnd, LPCSTR text, LPCSTR caption, UINT type, WORD lang)
{
	WCHAR *t = to_w(text), *c = to_w(caption);
	int id = MessageBoxExW(hwnd, t, c, type, lang);

	HeapFree(GetProcessHeap(), 0, t);
	HeapFree(GetProcessHeap(), 0, c);
	return id;
}

int WINAPI MessageBoxA(HWND hwnd, LPCSTR text, LPCSTR caption, UINT type)
{
	return MessageBoxExA(hwnd, text, caption, type, 0);
}

/* Text and caption may be string resources of hInstance (documented). */
static LPCWSTR box_string_w(HINSTANCE module, LPCWSTR s, WCHAR *buf)
{
	if (!IS_INTRESOURCE(s))
		return s;
	return LoadStringW(module, LOWORD((ULONG_PTR)s), buf, 512) ? buf : NULL;
}

int WINAPI MessageBoxIndirectW(const MSGBOXPARAMSW *p)
{
	WCHAR text[512], caption[512];

	if (!p)
		return 0;
	return MessageBoxExW(p->hwndOwner, box_string_w(p->hInstance, p->lpszText, text),
			     box_string_w(p->hInstance, p->lpszCaption, caption), p->dwStyle,
			     (WORD)p->dwLanguageId);
}

static LPCSTR box_string_a(HINSTANCE module, LPCSTR s, char *buf)
{
	if (!IS_INTRESOURCE(s))
		return s;
	return LoadStringA(module, LOWORD((ULONG_PTR)s), buf, 512) ? buf : NULL;
}

int WINAPI MessageBoxIndirectA(const MSGBOXPARAMSA *p)
{
	char text[512], caption[512];

	if (!p)
		return 0;
	return MessageBoxExA(p->hwndOwner, box_string_a(p->hInstance, p->lpszText, text),
			     box_string_a(p->hInstance, p->lpszCaption, caption), p->dwStyle,
			     (WORD)p->dwLanguageId);
}

/* No sound device: nothing to play, which succeeds. */
BOOL WINAPI MessageBeep(UINT type)
{
	return TRUE;
}
