/*
 * Cells of the screen buffer model drawn on the terminal: what the
 * console API changes in place (fills, writes of cells, scrolls) reaches
 * the terminal as VT, the way Windows' pseudo-console draws it: the
 * cursor moved to the cells, each run of one attribute after its SGR,
 * then the cursor and the current attribute put back.
 */
#include "k32_private.h"
#include "console_priv.h"

struct draw {
	HANDLE h;
	WCHAR buf[512];
	DWORD n;
	BOOL ok;
};

static void flush(struct draw *d)
{
	if (d->ok && d->n)
		d->ok = k32_console_put_w(d->h, d->buf, d->n);
	d->n = 0;
}

static void put(struct draw *d, const WCHAR *w, DWORD n)
{
	if (d->n + n > ARRAYSIZE(d->buf))
		flush(d);
	memcpy(d->buf + d->n, w, n * sizeof(WCHAR));
	d->n += n;
}

static void put_ascii(struct draw *d, const char *s, DWORD n)
{
	WCHAR w[32];

	for (DWORD i = 0; i < n && i < ARRAYSIZE(w); i++)
		w[i] = (unsigned char)s[i];
	put(d, w, n < ARRAYSIZE(w) ? n : ARRAYSIZE(w));
}

static void move_to(struct draw *d, SHORT x, SHORT y)
{
	char s[24];

	put_ascii(d, s, k32_cursor_move_vt(x, y, s));
}

static void set_attr(struct draw *d, WORD attr)
{
	char s[24];

	put_ascii(d, s, k32_attribute_sgr(attr, s));
}

/* Cells from (x, y) on for n cells (rows wrap). */
static void draw_span(struct draw *d, SHORT x, SHORT y, DWORD n)
{
	SHORT w = k32_screen.size.X;
	DWORD at = (DWORD)(y * w + x), end = at + n, total = (DWORD)(w * k32_screen.size.Y);
	WORD attr = 0;
	BOOL first = TRUE;

	if (end > total)
		end = total;
	for (; at < end; at++) {
		const CHAR_INFO *c = &k32_screen.cells[at];
		WCHAR ch = c->Char.UnicodeChar < 0x20 ? ' ' : c->Char.UnicodeChar;

		if (first || at % w == 0)
			move_to(d, (SHORT)(at % w), (SHORT)(at / w));
		if (first || c->Attributes != attr)
			set_attr(d, attr = c->Attributes);
		first = FALSE;
		put(d, &ch, 1);
	}
}

/* The cursor and the current attribute put back; all of it written. */
static BOOL finish(struct draw *d)
{
	move_to(d, k32_screen.cursor.X, k32_screen.cursor.Y);
	set_attr(d, k32_screen.attr);
	flush(d);
	return d->ok;
}

BOOL k32_screen_draw(HANDLE h, SHORT x, SHORT y, DWORD n)
{
	struct draw d = { .h = h, .ok = TRUE };

	draw_span(&d, x, y, n);
	return finish(&d);
}

BOOL k32_screen_draw_rect(HANDLE h, const SMALL_RECT *r)
{
	struct draw d = { .h = h, .ok = TRUE };

	for (SHORT y = r->Top; y <= r->Bottom; y++)
		draw_span(&d, r->Left, y, (DWORD)(r->Right - r->Left + 1));
	return finish(&d);
}
