/*
 * Windows: a console session has no desktop, so there is no window at all.
 * The functions that return one return NULL; those given one fail with
 * ERROR_INVALID_WINDOW_HANDLE, as for a window that was destroyed.
 */
#include "user32_private.h"

static BOOL bad_window(void)
{
	SetLastError(ERROR_INVALID_WINDOW_HANDLE);
	return FALSE;
}

HWND WINAPI GetDesktopWindow(void)
{
	return NULL;
}

HWND WINAPI GetForegroundWindow(void)
{
	return NULL;
}

HWND WINAPI GetActiveWindow(void)
{
	return NULL;
}

HWND WINAPI GetFocus(void)
{
	return NULL;
}

HWND WINAPI GetShellWindow(void)
{
	return NULL;
}

HWND WINAPI GetCapture(void)
{
	return NULL;
}

BOOL WINAPI IsWindow(HWND hwnd)
{
	return FALSE;
}

BOOL WINAPI IsWindowVisible(HWND hwnd)
{
	return FALSE;
}

BOOL WINAPI IsWindowEnabled(HWND hwnd)
{
	return FALSE;
}

BOOL WINAPI IsIconic(HWND hwnd)
{
	return FALSE;
}

BOOL WINAPI IsZoomed(HWND hwnd)
{
	return FALSE;
}

DWORD WINAPI GetWindowThreadProcessId(HWND hwnd, LPDWORD pid)
{
	return bad_window();
}

HWND WINAPI FindWindowW(LPCWSTR cls, LPCWSTR name)
{
	SetLastError(ERROR_FILE_NOT_FOUND);
	return NULL;
}

HWND WINAPI FindWindowA(LPCSTR cls, LPCSTR name)
{
	SetLastError(ERROR_FILE_NOT_FOUND);
	return NULL;
}

HWND WINAPI FindWindowExW(HWND parent, HWND after, LPCWSTR cls, LPCWSTR name)
{
	SetLastError(ERROR_FILE_NOT_FOUND);
	return NULL;
}

HWND WINAPI FindWindowExA(HWND parent, HWND after, LPCSTR cls, LPCSTR name)
{
	SetLastError(ERROR_FILE_NOT_FOUND);
	return NULL;
}

/* There are no top-level windows to enumerate: nothing is called. */
BOOL WINAPI EnumWindows(WNDENUMPROC fn, LPARAM param)
{
	return TRUE;
}

BOOL WINAPI EnumThreadWindows(DWORD tid, WNDENUMPROC fn, LPARAM param)
{
	return FALSE;
}

LRESULT WINAPI SendMessageW(HWND hwnd, UINT msg, WPARAM w, LPARAM l)
{
	if (hwnd != HWND_BROADCAST)
		bad_window();
	return 0;
}

LRESULT WINAPI SendMessageA(HWND hwnd, UINT msg, WPARAM w, LPARAM l)
{
	return SendMessageW(hwnd, msg, w, l);
}

LRESULT WINAPI SendMessageTimeoutW(HWND hwnd, UINT msg, WPARAM w, LPARAM l, UINT flags,
				   UINT timeout, PDWORD_PTR result)
{
	if (result)
		*result = 0;
	if (hwnd == HWND_BROADCAST)
		return 1;
	return bad_window();
}

LRESULT WINAPI SendMessageTimeoutA(HWND hwnd, UINT msg, WPARAM w, LPARAM l, UINT flags,
				   UINT timeout, PDWORD_PTR result)
{
	return SendMessageTimeoutW(hwnd, msg, w, l, flags, timeout, result);
}

BOOL WINAPI SendNotifyMessageW(HWND hwnd, UINT msg, WPARAM w, LPARAM l)
{
	return hwnd == HWND_BROADCAST ? TRUE : bad_window();
}

BOOL WINAPI SendNotifyMessageA(HWND hwnd, UINT msg, WPARAM w, LPARAM l)
{
	return SendNotifyMessageW(hwnd, msg, w, l);
}

BOOL WINAPI DestroyWindow(HWND hwnd)
{
	return bad_window();
}

BOOL WINAPI ShowWindow(HWND hwnd, int cmd)
{
	return bad_window();
}

BOOL WINAPI SetForegroundWindow(HWND hwnd)
{
	return FALSE;
}
