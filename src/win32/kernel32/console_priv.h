/* What kernel32's console files share. */
#ifndef LSW_K32_CONSOLE_PRIV_H
#define LSW_K32_CONSOLE_PRIV_H

/* console_keys.c: the key events of the first key in s[0..n) into out
 * (room for 16); returns the bytes it took, 0 when they begin a key not
 * complete yet (with complete, no more bytes will come: ESC alone is
 * Escape). */
int k32_console_decode_key(const unsigned char *s, DWORD n, BOOL complete, INPUT_RECORD *out,
			   DWORD *count);

/* console_input.c: ReadConsoleW without line input: characters of keys
 * typed, at least one; FALSE with the error set. */
BOOL k32_console_read_chars(HANDLE h, WCHAR *buf, DWORD n, DWORD *got);

/* console.c: the input mode SetConsoleMode set. */
DWORD k32_console_input_mode(void);
DWORD k32_console_output_mode(void);
/* console.c: the terminal set to read as input mode says (raw without
 * ENABLE_LINE_INPUT); FALSE with the error set. */
BOOL k32_console_terminal_mode(HANDLE h, DWORD mode);
/* console.c: bytes to the terminal as they are (the screen model does
 * not see them); FALSE with the error set on failure. */
BOOL k32_console_put(HANDLE h, const char *s, ULONG n);
/* console.c: UTF-16 to the terminal as UTF-8, unseen by the model. */
BOOL k32_console_put_w(HANDLE h, const WCHAR *w, DWORD n);
/* console.c: the bytes waiting on input handle h (0 on failure). */
ULONG k32_console_pending(HANDLE h);

/* console_info.c: the terminal's columns and rows; FALSE with the error
 * set for a handle that is not a console. */
BOOL k32_console_size(HANDLE h, COORD *size);

/* console_info.c: the VT sequences of an attribute (SGR) and of a cursor
 * position (CUP) into out (24 bytes); their lengths. */
DWORD k32_attribute_sgr(WORD attr, char *out);
DWORD k32_cursor_move_vt(SHORT x, SHORT y, char *out);

/* console_screen.c: the screen buffer model (the terminal's window). */
struct k32_screen {
	COORD size, cursor;
	WORD attr;                   /* what new text is written with */
	CHAR_INFO *cells;            /* size.X * size.Y, rows top first */
	DWORD cursor_size;           /* GetConsoleCursorInfo's 1..100 */
	BOOL cursor_visible;
};
extern struct k32_screen k32_screen;
/* The model sized as the terminal behind h; FALSE with the error set. */
BOOL k32_screen_sync(HANDLE h);
/* What was written to the console, as the model follows it. */
void k32_screen_track_w(HANDLE h, const WCHAR *w, DWORD n);
void k32_screen_track_utf8(HANDLE h, const char *s, DWORD n);
void k32_screen_set_cursor(COORD c);
/* The cursor as GetConsoleScreenBufferInfo tells it. */
COORD k32_screen_cursor(void);
/* console_draw.c: cells of the model drawn again on the terminal, from
 * (x, y) on for n cells (rows wrap); the cursor and colours are put
 * back after. */
BOOL k32_screen_draw(HANDLE h, SHORT x, SHORT y, DWORD n);
/* The same for a rectangle of the buffer (inside it). */
BOOL k32_screen_draw_rect(HANDLE h, const SMALL_RECT *r);

#endif
