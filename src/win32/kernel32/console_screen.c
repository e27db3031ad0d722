/*
 * The screen buffer model: what the terminal shows, as the console's
 * cells (character and attribute), its cursor and its current attribute,
 * followed from everything written to the console (text, the controls
 * \r \n \b \t, and the VT sequences that move the cursor, erase or set
 * colours).  The buffer is the terminal's window, as under Windows'
 * pseudo-console.  What the console API changes directly (fills, writes
 * of cells, scrolls) goes into the model first and is then drawn on the
 * terminal as VT; ReadConsoleOutput answers from it.  The terminal's
 * cursor where the program starts is taken as (0,0): a terminal's answer
 * to a position query would race the program's own input.
 */
#include "k32_private.h"
#include "console_priv.h"

#define DEFAULT_ATTR (FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE)

struct k32_screen k32_screen = { .attr = DEFAULT_ATTR, .cursor_size = 25,
				 .cursor_visible = TRUE };

enum parse_state { TEXT, ESCAPE, CSI, OSC, OSC_ESCAPE };
static enum parse_state state;
static unsigned params[16], nparams;
static BOOL private_csi; /* ESC [ ? ... */
static BOOL wrap_pending; /* the last column was written: the next
			   * character goes on the next line (VT's late wrap) */
static COORD saved_cursor;
/* Handles seen to be the console: WriteFile to them is followed too.
 * (WriteFile does not ask every handle whether it is one.) */
static HANDLE known[4];

static CHAR_INFO *cell(SHORT x, SHORT y)
{
	return &k32_screen.cells[y * k32_screen.size.X + x];
}

static void clear_cells(SHORT x, SHORT y, DWORD n)
{
	DWORD at = (DWORD)(y * k32_screen.size.X + x), total = (DWORD)(k32_screen.size.X * k32_screen.size.Y);

	for (; n && at < total; n--, at++) {
		k32_screen.cells[at].Char.UnicodeChar = ' ';
		k32_screen.cells[at].Attributes = k32_screen.attr;
	}
}

static void remember(HANDLE h)
{
	for (unsigned i = 0; i < ARRAYSIZE(known); i++)
		if (known[i] == h)
			return;
	memmove(known + 1, known, sizeof(known) - sizeof(known[0]));
	known[0] = h;
}

/* The model sized as the terminal is; its cells kept where they fit. */
BOOL k32_screen_sync(HANDLE h)
{
	COORD size;
	CHAR_INFO *cells;

	if (!k32_console_size(h, &size))
		return FALSE;
	remember(h);
	if (k32_screen.cells && size.X == k32_screen.size.X && size.Y == k32_screen.size.Y)
		return TRUE;
	cells = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)size.X * size.Y * sizeof(*cells));
	if (!cells)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	for (SHORT y = 0; y < size.Y; y++)
		for (SHORT x = 0; x < size.X; x++) {
			CHAR_INFO *c = &cells[y * size.X + x];

			if (k32_screen.cells && x < k32_screen.size.X && y < k32_screen.size.Y) {
				*c = *cell(x, y);
			} else {
				c->Char.UnicodeChar = ' ';
				c->Attributes = k32_screen.attr;
			}
		}
	RtlFreeHeap(k32_heap(), 0, k32_screen.cells);
	k32_screen.cells = cells;
	k32_screen.size = size;
	if (k32_screen.cursor.X >= size.X)
		k32_screen.cursor.X = (SHORT)(size.X - 1);
	if (k32_screen.cursor.Y >= size.Y)
		k32_screen.cursor.Y = (SHORT)(size.Y - 1);
	return TRUE;
}

/* The window moves up a line: the top one goes, a blank one comes. */
static void scroll_up(void)
{
	SHORT w = k32_screen.size.X, h = k32_screen.size.Y;

	memmove(k32_screen.cells, k32_screen.cells + w, (SIZE_T)w * (h - 1) * sizeof(CHAR_INFO));
	clear_cells(0, (SHORT)(h - 1), (DWORD)w);
}

static void line_feed(void)
{
	if (k32_screen.cursor.Y + 1 < k32_screen.size.Y)
		k32_screen.cursor.Y++;
	else
		scroll_up();
}

static void put_char(WCHAR c)
{
	if (wrap_pending) {
		wrap_pending = FALSE;
		k32_screen.cursor.X = 0;
		line_feed();
	}
	cell(k32_screen.cursor.X, k32_screen.cursor.Y)->Char.UnicodeChar = c;
	cell(k32_screen.cursor.X, k32_screen.cursor.Y)->Attributes = k32_screen.attr;
	if (k32_screen.cursor.X + 1 < k32_screen.size.X)
		k32_screen.cursor.X++;
	else
		wrap_pending = TRUE;
}

static void control(WCHAR c)
{
	switch (c) {
	case '\r':
		k32_screen.cursor.X = 0;
		break;
	case '\n': /* the terminal's output processing makes it CR LF */
		k32_screen.cursor.X = 0;
		line_feed();
		break;
	case '\b':
		if (k32_screen.cursor.X > 0)
			k32_screen.cursor.X--;
		break;
	case '\t':
		k32_screen.cursor.X = (SHORT)((k32_screen.cursor.X / 8 + 1) * 8);
		if (k32_screen.cursor.X >= k32_screen.size.X)
			k32_screen.cursor.X = (SHORT)(k32_screen.size.X - 1);
		break;
	default:
		return; /* a bell and the rest move nothing */
	}
	wrap_pending = FALSE;
}

static unsigned param(unsigned i, unsigned dflt)
{
	return i < nparams && params[i] ? params[i] : dflt;
}

static SHORT clamp(long v, SHORT max)
{
	return (SHORT)(v < 0 ? 0 : v >= max ? max - 1 : v);
}

/* SGR as console attribute bits (VT colour red 1 green 2 blue 4; the
 * console's blue 1 green 2 red 4). */
static WORD colour_bits(unsigned vt)
{
	return (WORD)(((vt & 1) << 2) | (vt & 2) | ((vt & 4) >> 2));
}

static void select_graphic_rendition(void)
{
	WORD a = k32_screen.attr;

	for (unsigned i = 0; i < (nparams ? nparams : 1); i++) {
		unsigned p = i < nparams ? params[i] : 0;

		if (p == 0)
			a = DEFAULT_ATTR;
		else if (p == 1)
			a |= FOREGROUND_INTENSITY;
		else if (p == 22)
			a &= (WORD)~FOREGROUND_INTENSITY;
		else if (p == 4)
			a |= COMMON_LVB_UNDERSCORE;
		else if (p == 24)
			a &= (WORD)~COMMON_LVB_UNDERSCORE;
		else if (p == 7)
			a |= COMMON_LVB_REVERSE_VIDEO;
		else if (p == 27)
			a &= (WORD)~COMMON_LVB_REVERSE_VIDEO;
		else if (p >= 30 && p <= 37)
			a = (WORD)((a & ~0x0F) | colour_bits(p - 30));
		else if (p == 39)
			a = (WORD)((a & ~0x0F) | DEFAULT_ATTR);
		else if (p >= 40 && p <= 47)
			a = (WORD)((a & ~0xF0) | colour_bits(p - 40) << 4);
		else if (p == 49)
			a &= (WORD)~0xF0;
		else if (p >= 90 && p <= 97)
			a = (WORD)((a & ~0x0F) | colour_bits(p - 90) | FOREGROUND_INTENSITY);
		else if (p >= 100 && p <= 107)
			a = (WORD)((a & ~0xF0) | (colour_bits(p - 100) | FOREGROUND_INTENSITY) << 4);
	}
	k32_screen.attr = a;
}

/* Erase in display (J) or line (K): 0 to the end, 1 from the start, 2 all. */
static void erase(BOOL display)
{
	unsigned how = param(0, 0);
	COORD c = k32_screen.cursor;
	DWORD w = (DWORD)k32_screen.size.X, at = c.Y * w + c.X;
	DWORD first = display ? 0 : c.Y * w, end = display ? w * k32_screen.size.Y : (c.Y + 1) * w;

	if (how == 0)
		first = at;
	else if (how == 1)
		end = at + 1;
	clear_cells((SHORT)(first % w), (SHORT)(first / w), end - first);
}

static void csi_final(WCHAR f)
{
	COORD *c = &k32_screen.cursor;
	SHORT w = k32_screen.size.X, h = k32_screen.size.Y;

	if (private_csi) {
		if (param(0, 0) == 25 && (f == 'h' || f == 'l'))
			k32_screen.cursor_visible = f == 'h';
		return;
	}
	wrap_pending = FALSE;
	switch (f) {
	case 'H':
	case 'f':
		c->Y = clamp((long)param(0, 1) - 1, h);
		c->X = clamp((long)param(1, 1) - 1, w);
		break;
	case 'A':
		c->Y = clamp((long)c->Y - param(0, 1), h);
		break;
	case 'B':
		c->Y = clamp((long)c->Y + param(0, 1), h);
		break;
	case 'C':
		c->X = clamp((long)c->X + param(0, 1), w);
		break;
	case 'D':
		c->X = clamp((long)c->X - param(0, 1), w);
		break;
	case 'G':
		c->X = clamp((long)param(0, 1) - 1, w);
		break;
	case 'd':
		c->Y = clamp((long)param(0, 1) - 1, h);
		break;
	case 'J':
		erase(TRUE);
		break;
	case 'K':
		erase(FALSE);
		break;
	case 'm':
		select_graphic_rendition();
		break;
	case 's':
		saved_cursor = *c;
		break;
	case 'u':
		*c = saved_cursor;
		break;
	}
}

static void feed(WCHAR ch)
{
	switch (state) {
	case TEXT:
		if (ch == 0x1B)
			state = ESCAPE;
		else if (ch < 0x20 || ch == 0x7F)
			control(ch);
		else if (ch < 0xDC00 || ch > 0xDFFF) /* a pair takes one cell */
			put_char(ch);
		return;
	case ESCAPE:
		state = TEXT;
		if (ch == '[') {
			state = CSI;
			nparams = 0;
			private_csi = FALSE;
		} else if (ch == ']') {
			state = OSC;
		} else if (ch == '7') {
			saved_cursor = k32_screen.cursor;
		} else if (ch == '8') {
			k32_screen.cursor = saved_cursor;
		}
		return;
	case CSI:
		if (ch >= '0' && ch <= '9') {
			if (!nparams)
				nparams = 1;
			if (params[nparams - 1] < 10000)
				params[nparams - 1] = params[nparams - 1] * 10 + (ch - '0');
		} else if (ch == ';') {
			if (!nparams)
				nparams = 1;
			if (nparams < ARRAYSIZE(params))
				params[nparams++] = 0;
		} else if (ch == '?') {
			private_csi = TRUE;
		} else if (ch >= 0x40 && ch <= 0x7E) {
			csi_final(ch);
			memset(params, 0, sizeof(params));
			state = TEXT;
		}
		return;
	case OSC: /* a title or a colour: ends with BEL or ESC \ */
		if (ch == 0x07)
			state = TEXT;
		else if (ch == 0x1B)
			state = OSC_ESCAPE;
		return;
	case OSC_ESCAPE:
		state = ch == '\\' ? TEXT : OSC;
		return;
	}
}

void k32_screen_track_w(HANDLE h, const WCHAR *w, DWORD n)
{
	/* the size is asked once here, not at every write (a call each);
	 * a resize is seen by the calls that tell the size or the input */
	if (!k32_screen.cells && !k32_screen_sync(h))
		return;
	for (DWORD i = 0; i < n; i++)
		feed(w[i]);
}

void k32_screen_track_utf8(HANDLE h, const char *s, DWORD n)
{
	WCHAR w[256];
	ULONG got;

	while (n) {
		DWORD chunk = n > 256 ? 256 : n;

		/* do not cut a character */
		while (chunk < n && chunk > 1 && ((unsigned char)s[chunk] & 0xC0) == 0x80)
			chunk--;
		got = 0;
		RtlUTF8ToUnicodeN(w, sizeof(w), &got, s, chunk);
		k32_screen_track_w(h, w, got / sizeof(WCHAR));
		s += chunk;
		n -= chunk;
	}
}

void k32_screen_set_cursor(COORD c)
{
	k32_screen.cursor = c;
	wrap_pending = FALSE;
}

void k32_console_wrote(HANDLE h, const void *buf, DWORD n)
{
	for (unsigned i = 0; i < ARRAYSIZE(known); i++)
		if (known[i] == h && h) {
			k32_screen_track_utf8(h, buf, n);
			return;
		}
}

/* After the last column is written the terminal waits to wrap (VT's late
 * wrap), which is what a console with ENABLE_VIRTUAL_TERMINAL_PROCESSING
 * reports too; without it the cursor is documented to move to the start
 * of the next row at once (ENABLE_WRAP_AT_EOL_OUTPUT). */
COORD k32_screen_cursor(void)
{
	COORD c = k32_screen.cursor;

	if (wrap_pending && !(k32_console_output_mode() & ENABLE_VIRTUAL_TERMINAL_PROCESSING) &&
	    (k32_console_output_mode() & ENABLE_WRAP_AT_EOL_OUTPUT)) {
		c.X = 0;
		if (c.Y + 1 < k32_screen.size.Y)
			c.Y++;
	}
	return c;
}
