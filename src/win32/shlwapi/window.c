/*
 * Window helpers: SHSetWindowBits and SHSetParentHwnd (ordinals 165, 167)
 * change style bits, SHCreateWorkerWindowA/W (257, 278) make the hidden
 * windows of class "WorkerA"/"WorkerW" that shell objects post to; the
 * caller's LONG_PTR is the window's first extra bytes.
 */
#include "shlwapi_private.h"

extern IMAGE_DOS_HEADER __ImageBase;

/* The old value of the long; only the bits of mask change. */
LONG WINAPI SHSetWindowBits(HWND hwnd, INT index, UINT mask, UINT flags)
{
	LONG old = GetWindowLongW(hwnd, index);
	LONG now = (old & ~mask) | (flags & mask);

	if (now != old)
		SetWindowLongW(hwnd, index, now);
	return old;
}

/* A child of parent (WS_CHILD), or a top-level popup without one. */
HWND WINAPI SHSetParentHwnd(HWND hwnd, HWND parent)
{
	if (!hwnd)
		return NULL;
	if (GetParent(hwnd) == parent && parent)
		return NULL;
	if (parent) {
		SHSetWindowBits(hwnd, GWL_STYLE, WS_CHILD | WS_POPUP, WS_CHILD);
		return SetParent(hwnd, parent);
	}
	SetParent(hwnd, NULL);
	SHSetWindowBits(hwnd, GWL_STYLE, WS_CHILD | WS_POPUP, WS_POPUP);
	return NULL;
}

HWND WINAPI SHCreateWorkerWindowW(WNDPROC proc, HWND parent, DWORD exstyle, DWORD style, HMENU menu, LONG_PTR extra)
{
	HINSTANCE self = (HINSTANCE)&__ImageBase;
	WNDCLASSW wc = { 0, DefWindowProcW, 0, sizeof(LONG_PTR), self, NULL, LoadCursorW(NULL, (LPWSTR)IDC_ARROW),
		(HBRUSH)(COLOR_BTNFACE + 1), NULL, L"WorkerW" };
	WNDCLASSW have;
	HWND hwnd;

	if (!GetClassInfoW(self, wc.lpszClassName, &have) && !RegisterClassW(&wc))
		return NULL;
	hwnd = CreateWindowExW(exstyle, wc.lpszClassName, NULL, style, 0, 0, 0, 0, parent, menu, self, NULL);
	if (!hwnd)
		return NULL;
	SetWindowLongPtrW(hwnd, 0, extra);
	if (proc)
		SetWindowLongPtrW(hwnd, GWLP_WNDPROC, (LONG_PTR)proc);
	return hwnd;
}

HWND WINAPI SHCreateWorkerWindowA(WNDPROC proc, HWND parent, DWORD exstyle, DWORD style, HMENU menu, LONG_PTR extra)
{
	HINSTANCE self = (HINSTANCE)&__ImageBase;
	WNDCLASSA wc = { 0, DefWindowProcA, 0, sizeof(LONG_PTR), self, NULL, LoadCursorA(NULL, (LPSTR)IDC_ARROW),
		(HBRUSH)(COLOR_BTNFACE + 1), NULL, "WorkerA" };
	WNDCLASSA have;
	HWND hwnd;

	if (!GetClassInfoA(self, wc.lpszClassName, &have) && !RegisterClassA(&wc))
		return NULL;
	hwnd = CreateWindowExA(exstyle, wc.lpszClassName, NULL, style, 0, 0, 0, 0, parent, menu, self, NULL);
	if (!hwnd)
		return NULL;
	SetWindowLongPtrA(hwnd, 0, extra);
	if (proc)
		SetWindowLongPtrA(hwnd, GWLP_WNDPROC, (LONG_PTR)proc);
	return hwnd;
}
