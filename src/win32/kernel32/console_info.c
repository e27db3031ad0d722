/*
 * What programs ask a console about itself: the screen buffer (the host
 * terminal's size, as the supervisor reads it), the text attribute, the
 * input waiting.  The terminal has no buffer beyond its window (as under
 * a pseudo-console); the cursor and the attribute are the screen model's
 * (console_screen.c).
 * SetConsoleTextAttribute is passed on as the VT colour sequence the
 * attribute means, as Windows' pseudo-console does.
 */
#include "k32_private.h"
#include "lsw/console_ioctl.h"
#include "console_priv.h"

#define POPUP_ATTRIBUTES 0xF5


/* The default palette of a Windows 10 console (COLORREF: 0x00BBGGRR). */
static const COLORREF default_colors[16] = {
	0x0C0C0C, 0xDA3700, 0x0EA113, 0xDD963A, 0x1F0FC5, 0x981788, 0x009CC1, 0xCCCCCC,
	0x767676, 0xFF783B, 0x0CC616, 0xD6D661, 0x5648E7, 0x9E00B4, 0xA5F1F9, 0xF2F2F2,
};

static NTSTATUS console_ask(HANDLE h, ULONG code, void *out, ULONG len)
{
	IO_STATUS_BLOCK io;

	return NtDeviceIoControlFile(h, NULL, NULL, NULL, &io, code, NULL, 0, out, len);
}

BOOL k32_console_size(HANDLE h, COORD *size)
{
	struct lsw_console_size s;

	if (!k32_is_console(h) || console_ask(h, IOCTL_LSW_CONSOLE_SIZE, &s, sizeof(s)) < 0)
		return k32_error(ERROR_INVALID_HANDLE);
	size->X = (SHORT)(s.columns > 0x7FFF ? 0x7FFF : s.columns);
	size->Y = (SHORT)(s.rows > 0x7FFF ? 0x7FFF : s.rows);
	return TRUE;
}

K32API BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE h, PCONSOLE_SCREEN_BUFFER_INFO info)
{
	COORD size;

	if (!k32_screen_sync(h))
		return FALSE;
	size = k32_screen.size;
	info->dwSize = size;
	info->dwCursorPosition = k32_screen_cursor();
	info->wAttributes = k32_screen.attr;
	info->srWindow.Left = info->srWindow.Top = 0;
	info->srWindow.Right = (SHORT)(size.X - 1);
	info->srWindow.Bottom = (SHORT)(size.Y - 1);
	info->dwMaximumWindowSize = size;
	return TRUE;
}

K32API BOOL WINAPI GetConsoleScreenBufferInfoEx(HANDLE h, PCONSOLE_SCREEN_BUFFER_INFOEX info)
{
	CONSOLE_SCREEN_BUFFER_INFO base;

	if (!info || info->cbSize != sizeof(*info))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!GetConsoleScreenBufferInfo(h, &base))
		return FALSE;
	info->dwSize = base.dwSize;
	info->dwCursorPosition = base.dwCursorPosition;
	info->wAttributes = base.wAttributes;
	info->srWindow = base.srWindow;
	info->dwMaximumWindowSize = base.dwMaximumWindowSize;
	info->wPopupAttributes = POPUP_ATTRIBUTES;
	info->bFullscreenSupported = FALSE;
	memcpy(info->ColorTable, default_colors, sizeof(default_colors));
	return TRUE;
}

K32API COORD WINAPI GetLargestConsoleWindowSize(HANDLE h)
{
	COORD size = { 0, 0 };

	k32_console_size(h, &size);
	return size;
}

/* Console colour bits are blue 1, green 2, red 4; VT's are red 1, green 2,
 * blue 4. */
static unsigned vt_colour(unsigned bits)
{
	return ((bits & 4) >> 2) | (bits & 2) | ((bits & 1) << 2);
}

static char *put_number(char *p, unsigned v)
{
	if (v >= 10000)
		*p++ = (char)('0' + v / 10000 % 10);
	if (v >= 1000)
		*p++ = (char)('0' + v / 1000 % 10);
	if (v >= 100)
		*p++ = (char)('0' + v / 100 % 10);
	if (v >= 10)
		*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

DWORD k32_cursor_move_vt(SHORT x, SHORT y, char *out)
{
	char *p = out;

	*p++ = 0x1b;
	*p++ = '[';
	p = put_number(p, (unsigned)y + 1);
	*p++ = ';';
	p = put_number(p, (unsigned)x + 1);
	*p++ = 'H';
	return (DWORD)(p - out);
}

/* ESC [ 0 ; fg ; bg [;4] [;7] m: bright colours are 90-97 and 100-107. */
DWORD k32_attribute_sgr(WORD attr, char *out)
{
	unsigned fg = attr & 0xF, bg = (attr >> 4) & 0xF;
	char *p = out;

	*p++ = 0x1b;
	*p++ = '[';
	*p++ = '0';
	*p++ = ';';
	p = put_number(p, (fg & 8 ? 90 : 30) + vt_colour(fg));
	*p++ = ';';
	p = put_number(p, (bg & 8 ? 100 : 40) + vt_colour(bg));
	if (attr & COMMON_LVB_UNDERSCORE)
		*p++ = ';', *p++ = '4';
	if (attr & COMMON_LVB_REVERSE_VIDEO)
		*p++ = ';', *p++ = '7';
	*p++ = 'm';
	return (DWORD)(p - out);
}

K32API BOOL WINAPI SetConsoleTextAttribute(HANDLE h, WORD attr)
{
	char sgr[24];

	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!k32_console_put(h, sgr, k32_attribute_sgr(attr, sgr)))
		return FALSE;
	k32_screen.attr = attr;
	return TRUE;
}
