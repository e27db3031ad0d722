/*
 * System metrics and parameters of a session without a monitor, mouse or
 * keyboard of its own: the 1024x768 display a session without a monitor
 * reports, standard Windows 10 sizes at 96 DPI for the window parts,
 * no mouse.  An index not listed is 0 (documented for an unknown index).
 */
#include "user32_private.h"

#define SCREEN_W 1024
#define SCREEN_H 768

static const struct { int index, value; } metrics[] = {
	{ SM_CXSCREEN, SCREEN_W }, { SM_CYSCREEN, SCREEN_H },
	{ SM_CXVSCROLL, 17 }, { SM_CYHSCROLL, 17 }, { SM_CYCAPTION, 23 },
	{ SM_CXBORDER, 1 }, { SM_CYBORDER, 1 }, { SM_CXDLGFRAME, 3 }, { SM_CYDLGFRAME, 3 },
	{ SM_CYVTHUMB, 17 }, { SM_CXHTHUMB, 17 }, { SM_CXICON, 32 }, { SM_CYICON, 32 },
	{ SM_CXCURSOR, 32 }, { SM_CYCURSOR, 32 }, { SM_CYMENU, 20 },
	{ SM_CXFULLSCREEN, SCREEN_W }, { SM_CYFULLSCREEN, SCREEN_H - 23 },
	{ SM_CYVSCROLL, 17 }, { SM_CXHSCROLL, 17 }, { SM_CXMIN, 136 }, { SM_CYMIN, 39 },
	{ SM_CXSIZE, 36 }, { SM_CYSIZE, 22 }, { SM_CXFRAME, 4 }, { SM_CYFRAME, 4 },
	{ SM_CXMINTRACK, 136 }, { SM_CYMINTRACK, 39 }, { SM_CXDOUBLECLK, 4 }, { SM_CYDOUBLECLK, 4 },
	{ SM_CXICONSPACING, 75 }, { SM_CYICONSPACING, 75 }, { SM_CXEDGE, 2 }, { SM_CYEDGE, 2 },
	{ SM_CXMINSPACING, 160 }, { SM_CYMINSPACING, 28 }, { SM_CXSMICON, 16 }, { SM_CYSMICON, 16 },
	{ SM_CYSMCAPTION, 23 }, { SM_CXSMSIZE, 22 }, { SM_CYSMSIZE, 22 }, { SM_CXMENUSIZE, 19 },
	{ SM_CYMENUSIZE, 19 }, { SM_ARRANGE, ARW_HIDE }, { SM_CXMINIMIZED, 160 },
	{ SM_CYMINIMIZED, 28 }, { SM_CXMAXTRACK, SCREEN_W + 12 }, { SM_CYMAXTRACK, SCREEN_H + 12 },
	{ SM_CXMAXIMIZED, SCREEN_W + 8 }, { SM_CYMAXIMIZED, SCREEN_H + 8 },
	{ SM_NETWORK, 1 }, { SM_CXDRAG, 4 }, { SM_CYDRAG, 4 }, { SM_CXMENUCHECK, 13 },
	{ SM_CYMENUCHECK, 13 }, { SM_CXVIRTUALSCREEN, SCREEN_W }, { SM_CYVIRTUALSCREEN, SCREEN_H },
	{ SM_CMONITORS, 1 }, { SM_SAMEDISPLAYFORMAT, 1 }, { SM_CXFOCUSBORDER, 1 },
	{ SM_CYFOCUSBORDER, 1 }, { SM_CXPADDEDBORDER, 4 },
};

int WINAPI GetSystemMetrics(int index)
{
	for (unsigned i = 0; i < sizeof(metrics) / sizeof(metrics[0]); i++)
		if (metrics[i].index == index)
			return metrics[i].value;
	return 0;
}

int WINAPI GetSystemMetricsForDpi(int index, UINT dpi)
{
	return GetSystemMetrics(index);
}

UINT WINAPI GetDoubleClickTime(void)
{
	return 500;
}

UINT WINAPI GetCaretBlinkTime(void)
{
	return 530;
}

static BOOL put_value(PVOID out, const void *value, SIZE_T size)
{
	if (!out) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	memcpy(out, value, size);
	return TRUE;
}

/* The NONCLIENTMETRICSW of a standard Windows 10 at 96 DPI; the caller
 * sets cbSize (with or without iPaddedBorderWidth). */
static BOOL nonclient_metrics(NONCLIENTMETRICSW *m)
{
	UINT size;
	LOGFONTW font = { -12, 0, 0, 0, FW_NORMAL };

	if (!m || (m->cbSize != sizeof(*m) && m->cbSize != offsetof(NONCLIENTMETRICSW, iPaddedBorderWidth))) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	size = m->cbSize;
	memset(m, 0, size);
	m->cbSize = size;
	m->iBorderWidth = 1;
	m->iScrollWidth = m->iScrollHeight = 17;
	m->iCaptionWidth = 36;
	m->iCaptionHeight = 22;
	m->iSmCaptionWidth = m->iSmCaptionHeight = 22;
	m->iMenuWidth = m->iMenuHeight = 19;
	lstrcpyW(font.lfFaceName, L"Segoe UI");
	m->lfCaptionFont = m->lfSmCaptionFont = m->lfMenuFont = m->lfStatusFont = m->lfMessageFont = font;
	return TRUE;
}

BOOL WINAPI SystemParametersInfoW(UINT action, UINT uparam, PVOID out, UINT winini)
{
	RECT work = { 0, 0, SCREEN_W, SCREEN_H };
	BOOL no = FALSE;
	UINT three = 3, hover = 400, four = 4, delay = 1, speed = 31;

	switch (action) {
	case SPI_GETWORKAREA: return put_value(out, &work, sizeof(work));
	case SPI_GETNONCLIENTMETRICS: return nonclient_metrics(out);
	case SPI_GETWHEELSCROLLLINES: case SPI_GETWHEELSCROLLCHARS:
		return put_value(out, &three, sizeof(three));
	case SPI_GETMOUSEHOVERTIME: return put_value(out, &hover, sizeof(hover));
	case SPI_GETMOUSEHOVERWIDTH: case SPI_GETMOUSEHOVERHEIGHT:
		return put_value(out, &four, sizeof(four));
	case SPI_GETKEYBOARDDELAY: return put_value(out, &delay, sizeof(delay));
	case SPI_GETKEYBOARDSPEED: return put_value(out, &speed, sizeof(speed));
	case SPI_GETBEEP: case SPI_GETSCREENREADER: case SPI_GETFONTSMOOTHING:
	case SPI_GETCLIENTAREAANIMATION: case SPI_GETMENUANIMATION: case SPI_GETDROPSHADOW:
		return put_value(out, &no, sizeof(no));
	case SPI_GETHIGHCONTRAST: {
		HIGHCONTRASTW *hc = out;

		if (!hc || hc->cbSize != sizeof(*hc))
			break;
		hc->dwFlags = 0;
		hc->lpszDefaultScheme = NULL;
		return TRUE;
	}
	case SPI_GETDESKWALLPAPER:
		if (!out || !uparam)
			break;
		((WCHAR *)out)[0] = 0;
		return TRUE;
	}
	SetLastError(ERROR_INVALID_PARAMETER);
	return FALSE;
}

/* The ANSI layouts differ only in their fonts' face names. */
static void font_to_a(const LOGFONTW *w, LOGFONTA *a)
{
	memcpy(a, w, offsetof(LOGFONTA, lfFaceName));
	WideCharToMultiByte(CP_ACP, 0, w->lfFaceName, -1, a->lfFaceName, LF_FACESIZE, NULL, NULL);
}

BOOL WINAPI SystemParametersInfoA(UINT action, UINT uparam, PVOID out, UINT winini)
{
	NONCLIENTMETRICSA *a = out;
	NONCLIENTMETRICSW w;

	if (action == SPI_GETDESKWALLPAPER) {
		if (!out || !uparam)
			return SystemParametersInfoW(action, 0, NULL, winini);
		((char *)out)[0] = 0;
		return TRUE;
	}
	if (action != SPI_GETNONCLIENTMETRICS)
		return SystemParametersInfoW(action, uparam, out, winini);
	if (!a || (a->cbSize != sizeof(*a) && a->cbSize != offsetof(NONCLIENTMETRICSA, iPaddedBorderWidth)))
		return SystemParametersInfoW(action, uparam, NULL, winini);
	w.cbSize = sizeof(w);
	nonclient_metrics(&w);
	memcpy(&a->iBorderWidth, &w.iBorderWidth, offsetof(NONCLIENTMETRICSW, lfCaptionFont) - sizeof(UINT));
	font_to_a(&w.lfCaptionFont, &a->lfCaptionFont);
	a->iSmCaptionWidth = w.iSmCaptionWidth;
	a->iSmCaptionHeight = w.iSmCaptionHeight;
	font_to_a(&w.lfSmCaptionFont, &a->lfSmCaptionFont);
	a->iMenuWidth = w.iMenuWidth;
	a->iMenuHeight = w.iMenuHeight;
	font_to_a(&w.lfMenuFont, &a->lfMenuFont);
	font_to_a(&w.lfStatusFont, &a->lfStatusFont);
	font_to_a(&w.lfMessageFont, &a->lfMessageFont);
	if (a->cbSize == sizeof(*a))
		a->iPaddedBorderWidth = 0;
	return TRUE;
}

/* Windows 10's default colours (COLOR_WINDOW white, text black...). */
DWORD WINAPI GetSysColor(int index)
{
	switch (index) {
	case COLOR_WINDOW: case COLOR_BTNHIGHLIGHT: case COLOR_HIGHLIGHTTEXT:
		return RGB(255, 255, 255);
	case COLOR_WINDOWTEXT: case COLOR_BTNTEXT: case COLOR_MENUTEXT: case COLOR_CAPTIONTEXT:
		return RGB(0, 0, 0);
	case COLOR_HIGHLIGHT: return RGB(0, 120, 215);
	case COLOR_BTNFACE: case COLOR_MENU: return RGB(240, 240, 240);
	case COLOR_GRAYTEXT: return RGB(109, 109, 109);
	case COLOR_BTNSHADOW: return RGB(160, 160, 160);
	case COLOR_DESKTOP: return RGB(0, 0, 0);
	}
	return 0;
}
