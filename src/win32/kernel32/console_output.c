/*
 * The console API that works on the screen buffer's cells and cursor:
 * each changes the screen model (console_screen.c) and draws the change
 * on the terminal as VT (console_draw.c); the reads answer from the
 * model.  A start outside the buffer writes or reads nothing and
 * succeeds, as Windows' console does; a missing count is
 * ERROR_INVALID_ACCESS, a handle that is no console ERROR_INVALID_HANDLE.
 */
#include "k32_private.h"
#include "console_priv.h"

#define CURSOR_SHOW "\x1b[?25h"
#define CURSOR_HIDE "\x1b[?25l"

static BOOL output_ok(HANDLE h, const void *count)
{
	if (!count)
		return k32_error(ERROR_INVALID_ACCESS);
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	return k32_screen_sync(h);
}

static BOOL inside(COORD c)
{
	return c.X >= 0 && c.Y >= 0 && c.X < k32_screen.size.X && c.Y < k32_screen.size.Y;
}

/* How many of n cells from c are in the buffer (rows wrap). */
static DWORD cells_from(COORD c, DWORD n)
{
	DWORD left;

	if (!inside(c))
		return 0;
	left = (DWORD)(k32_screen.size.X * k32_screen.size.Y) - (DWORD)(c.Y * k32_screen.size.X + c.X);
	return n < left ? n : left;
}

static CHAR_INFO *cell_at(COORD c, DWORD i)
{
	return &k32_screen.cells[c.Y * k32_screen.size.X + c.X + i];
}

K32API BOOL WINAPI SetConsoleCursorPosition(HANDLE h, COORD pos)
{
	char cup[24];

	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!k32_screen_sync(h))
		return FALSE;
	if (!inside(pos))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_console_put(h, cup, k32_cursor_move_vt(pos.X, pos.Y, cup)))
		return FALSE;
	k32_screen_set_cursor(pos);
	return TRUE;
}

K32API BOOL WINAPI GetConsoleCursorInfo(HANDLE h, PCONSOLE_CURSOR_INFO info)
{
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!info)
		return k32_error(ERROR_INVALID_ACCESS);
	info->dwSize = k32_screen.cursor_size;
	info->bVisible = k32_screen.cursor_visible;
	return TRUE;
}

K32API BOOL WINAPI SetConsoleCursorInfo(HANDLE h, const CONSOLE_CURSOR_INFO *info)
{
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!info)
		return k32_error(ERROR_INVALID_ACCESS);
	if (info->dwSize < 1 || info->dwSize > 100)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_console_put(h, info->bVisible ? CURSOR_SHOW : CURSOR_HIDE, sizeof(CURSOR_SHOW) - 1))
		return FALSE;
	k32_screen.cursor_size = info->dwSize;
	k32_screen.cursor_visible = info->bVisible != FALSE;
	return TRUE;
}

/* Fills n cells from c with a character (ch != 0) or an attribute. */
static BOOL fill(HANDLE h, BOOL chars, WCHAR ch, WORD attr, DWORD n, COORD c, DWORD *done)
{
	if (!output_ok(h, done))
		return FALSE;
	n = cells_from(c, n);
	for (DWORD i = 0; i < n; i++)
		if (chars)
			cell_at(c, i)->Char.UnicodeChar = ch;
		else
			cell_at(c, i)->Attributes = attr;
	*done = n;
	return !n || k32_screen_draw(h, c.X, c.Y, n);
}

K32API BOOL WINAPI FillConsoleOutputCharacterW(HANDLE h, WCHAR ch, DWORD n, COORD c,
					       LPDWORD done)
{
	return fill(h, TRUE, ch, 0, n, c, done);
}

static WCHAR from_output_cp(CHAR ch)
{
	WCHAR w = 0;

	MultiByteToWideChar(GetConsoleOutputCP(), 0, &ch, 1, &w, 1);
	return w;
}

static CHAR to_output_cp(WCHAR w)
{
	CHAR ch = 0;

	WideCharToMultiByte(GetConsoleOutputCP(), 0, &w, 1, &ch, 1, NULL, NULL);
	return ch;
}

K32API BOOL WINAPI FillConsoleOutputCharacterA(HANDLE h, CHAR ch, DWORD n, COORD c,
					       LPDWORD done)
{
	return fill(h, TRUE, from_output_cp(ch), 0, n, c, done);
}

K32API BOOL WINAPI FillConsoleOutputAttribute(HANDLE h, WORD attr, DWORD n, COORD c,
					      LPDWORD done)
{
	return fill(h, FALSE, 0, attr, n, c, done);
}

/* Writes (or reads) n characters (w, or a in the output code page) or
 * attributes from c on. */
static BOOL cells(HANDLE h, BOOL write, WCHAR *w, CHAR *a, WORD *attrs, DWORD n, COORD c,
		  DWORD *done)
{
	if (!output_ok(h, done))
		return FALSE;
	if (n && !w && !a && !attrs)
		return k32_error(ERROR_INVALID_ACCESS);
	n = cells_from(c, n);
	for (DWORD i = 0; i < n; i++) {
		CHAR_INFO *ci = cell_at(c, i);

		if (attrs && write)
			ci->Attributes = attrs[i];
		else if (attrs)
			attrs[i] = ci->Attributes;
		else if (write)
			ci->Char.UnicodeChar = w ? w[i] : from_output_cp(a[i]);
		else if (w)
			w[i] = ci->Char.UnicodeChar;
		else
			a[i] = to_output_cp(ci->Char.UnicodeChar);
	}
	*done = n;
	return !write || !n || k32_screen_draw(h, c.X, c.Y, n);
}

K32API BOOL WINAPI WriteConsoleOutputCharacterW(HANDLE h, LPCWSTR s, DWORD n, COORD c,
						LPDWORD done)
{
	return cells(h, TRUE, (WCHAR *)s, NULL, NULL, n, c, done);
}

K32API BOOL WINAPI WriteConsoleOutputCharacterA(HANDLE h, LPCSTR s, DWORD n, COORD c,
						LPDWORD done)
{
	return cells(h, TRUE, NULL, (CHAR *)s, NULL, n, c, done);
}

K32API BOOL WINAPI WriteConsoleOutputAttribute(HANDLE h, const WORD *attrs, DWORD n, COORD c,
					       LPDWORD done)
{
	return cells(h, TRUE, NULL, NULL, (WORD *)attrs, n, c, done);
}

K32API BOOL WINAPI ReadConsoleOutputCharacterW(HANDLE h, LPWSTR s, DWORD n, COORD c,
					       LPDWORD done)
{
	return cells(h, FALSE, s, NULL, NULL, n, c, done);
}

K32API BOOL WINAPI ReadConsoleOutputCharacterA(HANDLE h, LPSTR s, DWORD n, COORD c,
					       LPDWORD done)
{
	return cells(h, FALSE, NULL, s, NULL, n, c, done);
}

K32API BOOL WINAPI ReadConsoleOutputAttribute(HANDLE h, LPWORD attrs, DWORD n, COORD c,
					      LPDWORD done)
{
	return cells(h, FALSE, NULL, NULL, attrs, n, c, done);
}

/* The part of *r inside the buffer, and of a size x size block placed at
 * origin; FALSE when nothing is. */
static BOOL clip_region(SMALL_RECT *r, COORD size, COORD origin)
{
	SHORT w = k32_screen.size.X, h = k32_screen.size.Y;

	if (r->Left < 0)
		origin.X = (SHORT)(origin.X - r->Left), r->Left = 0;
	if (r->Top < 0)
		origin.Y = (SHORT)(origin.Y - r->Top), r->Top = 0;
	if (r->Right >= w)
		r->Right = (SHORT)(w - 1);
	if (r->Bottom >= h)
		r->Bottom = (SHORT)(h - 1);
	if (r->Right - r->Left >= size.X - origin.X)
		r->Right = (SHORT)(r->Left + size.X - origin.X - 1);
	if (r->Bottom - r->Top >= size.Y - origin.Y)
		r->Bottom = (SHORT)(r->Top + size.Y - origin.Y - 1);
	return r->Left <= r->Right && r->Top <= r->Bottom;
}

/* WriteConsoleOutput / ReadConsoleOutput: the block buf (size, the part
 * from origin) to or from the region *r, clipped (*r says what was
 * done); ansi converts characters with the output code page. */
static BOOL block(HANDLE h, CHAR_INFO *buf, COORD size, COORD origin, SMALL_RECT *r,
		  BOOL write, BOOL ansi)
{
	SMALL_RECT want;

	if (!buf || !r)
		return k32_error(ERROR_INVALID_ACCESS);
	if (!output_ok(h, r))
		return FALSE;
	want = *r;
	if (origin.X < 0 || origin.Y < 0 || origin.X >= size.X || origin.Y >= size.Y ||
	    !clip_region(&want, size, origin)) {
		r->Right = (SHORT)(r->Left - 1); /* nothing: an empty region */
		r->Bottom = (SHORT)(r->Top - 1);
		return TRUE;
	}
	for (SHORT y = want.Top; y <= want.Bottom; y++)
		for (SHORT x = want.Left; x <= want.Right; x++) {
			CHAR_INFO *b = &buf[(origin.Y + y - r->Top) * size.X + origin.X + x - r->Left];
			CHAR_INFO *c = &k32_screen.cells[y * k32_screen.size.X + x];

			if (write) {
				*c = *b;
				if (ansi)
					c->Char.UnicodeChar = from_output_cp(b->Char.AsciiChar);
			} else {
				*b = *c;
				if (ansi)
					b->Char.UnicodeChar = (BYTE)to_output_cp(c->Char.UnicodeChar);
			}
		}
	*r = want;
	return !write || k32_screen_draw_rect(h, &want);
}

K32API BOOL WINAPI WriteConsoleOutputW(HANDLE h, const CHAR_INFO *buf, COORD size, COORD origin,
				       PSMALL_RECT r)
{
	return block(h, (CHAR_INFO *)buf, size, origin, r, TRUE, FALSE);
}

K32API BOOL WINAPI WriteConsoleOutputA(HANDLE h, const CHAR_INFO *buf, COORD size, COORD origin,
				       PSMALL_RECT r)
{
	return block(h, (CHAR_INFO *)buf, size, origin, r, TRUE, TRUE);
}

K32API BOOL WINAPI ReadConsoleOutputW(HANDLE h, PCHAR_INFO buf, COORD size, COORD origin,
				      PSMALL_RECT r)
{
	return block(h, buf, size, origin, r, FALSE, FALSE);
}

K32API BOOL WINAPI ReadConsoleOutputA(HANDLE h, PCHAR_INFO buf, COORD size, COORD origin,
				      PSMALL_RECT r)
{
	return block(h, buf, size, origin, r, FALSE, TRUE);
}

static BOOL in_rect(const SMALL_RECT *r, SHORT x, SHORT y)
{
	return x >= r->Left && x <= r->Right && y >= r->Top && y <= r->Bottom;
}

/* The source rectangle moves to dest; what it leaves is filled; only
 * cells inside the clip rectangle (default: the buffer) change. */
static BOOL scroll(HANDLE h, const SMALL_RECT *src_in, const SMALL_RECT *clip_in, COORD dest,
		   CHAR_INFO fill_with)
{
	SMALL_RECT src, changed, clip = { 0, 0, 0, 0 };
	SHORT w, hgt;
	CHAR_INFO *copy;

	if (!src_in)
		return k32_error(ERROR_INVALID_ACCESS);
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!k32_screen_sync(h))
		return FALSE;
	w = k32_screen.size.X;
	hgt = k32_screen.size.Y;
	src = *src_in;
	clip.Right = (SHORT)(w - 1);
	clip.Bottom = (SHORT)(hgt - 1);
	if (clip_in) {
		clip.Left = clip_in->Left > 0 ? clip_in->Left : 0;
		clip.Top = clip_in->Top > 0 ? clip_in->Top : 0;
		clip.Right = clip_in->Right < clip.Right ? clip_in->Right : clip.Right;
		clip.Bottom = clip_in->Bottom < clip.Bottom ? clip_in->Bottom : clip.Bottom;
	}
	if (src.Left < 0)
		src.Left = 0;
	if (src.Top < 0)
		src.Top = 0;
	if (src.Right >= w)
		src.Right = (SHORT)(w - 1);
	if (src.Bottom >= hgt)
		src.Bottom = (SHORT)(hgt - 1);
	if (src.Left > src.Right || src.Top > src.Bottom)
		return k32_error(ERROR_INVALID_PARAMETER);
	copy = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)w * hgt * sizeof(*copy));
	if (!copy)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(copy, k32_screen.cells, (SIZE_T)w * hgt * sizeof(*copy));
	for (SHORT y = src.Top; y <= src.Bottom; y++)
		for (SHORT x = src.Left; x <= src.Right; x++)
			if (in_rect(&clip, x, y))
				k32_screen.cells[y * w + x] = fill_with;
	for (SHORT y = src.Top; y <= src.Bottom; y++)
		for (SHORT x = src.Left; x <= src.Right; x++) {
			long dx = dest.X + (x - src.Left), dy = dest.Y + (y - src.Top);

			if (dx >= 0 && dy >= 0 && dx < w && dy < hgt && in_rect(&clip, (SHORT)dx, (SHORT)dy))
				k32_screen.cells[dy * w + dx] = copy[y * w + x];
		}
	RtlFreeHeap(k32_heap(), 0, copy);
	/* what changed: the source and the destination, inside the clip */
	changed.Left = max(clip.Left, min(src.Left, dest.X));
	changed.Top = max(clip.Top, min(src.Top, dest.Y));
	changed.Right = min(clip.Right, max(src.Right, dest.X + (src.Right - src.Left)));
	changed.Bottom = min(clip.Bottom, max(src.Bottom, dest.Y + (src.Bottom - src.Top)));
	if (changed.Left > changed.Right || changed.Top > changed.Bottom)
		return TRUE;
	return k32_screen_draw_rect(h, &changed);
}

K32API BOOL WINAPI ScrollConsoleScreenBufferW(HANDLE h, const SMALL_RECT *src,
					      const SMALL_RECT *clip, COORD dest,
					      const CHAR_INFO *fill_with)
{
	if (!fill_with)
		return k32_error(ERROR_INVALID_ACCESS);
	return scroll(h, src, clip, dest, *fill_with);
}

K32API BOOL WINAPI ScrollConsoleScreenBufferA(HANDLE h, const SMALL_RECT *src,
					      const SMALL_RECT *clip, COORD dest,
					      const CHAR_INFO *fill_with)
{
	CHAR_INFO f;

	if (!fill_with)
		return k32_error(ERROR_INVALID_ACCESS);
	f = *fill_with;
	f.Char.UnicodeChar = from_output_cp(fill_with->Char.AsciiChar);
	return scroll(h, src, clip, dest, f);
}
