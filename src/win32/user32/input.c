/*
 * Keyboard and mouse state of a session with neither: no key is down or
 * toggled, the layout is US English, and there has been no input.
 */
#include "user32_private.h"

#define US_ENGLISH ((HKL)(ULONG_PTR)0x04090409)

SHORT WINAPI GetKeyState(int vk)
{
	return 0;
}

SHORT WINAPI GetAsyncKeyState(int vk)
{
	return 0;
}

BOOL WINAPI GetKeyboardState(PBYTE state)
{
	if (!state) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	memset(state, 0, 256);
	return TRUE;
}

HKL WINAPI GetKeyboardLayout(DWORD tid)
{
	return US_ENGLISH;
}

int WINAPI GetKeyboardLayoutList(int count, HKL *list)
{
	if (count > 0 && list)
		list[0] = US_ENGLISH;
	return 1;
}

/* Type 0: an enhanced 101/102-key keyboard (4); 1: its subtype (0);
 * 2: twelve function keys (documented values). */
int WINAPI GetKeyboardType(int which)
{
	return which == 0 ? 4 : which == 2 ? 12 : 0;
}

/* dwTime is the tick count of the last input: there was none. */
BOOL WINAPI GetLastInputInfo(PLASTINPUTINFO info)
{
	if (!info || info->cbSize != sizeof(*info)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	info->dwTime = 0;
	return TRUE;
}

BOOL WINAPI GetCursorPos(LPPOINT pt)
{
	if (!pt) {
		SetLastError(ERROR_NOACCESS);
		return FALSE;
	}
	pt->x = pt->y = 0;
	return TRUE;
}
