/* Console I/O (<conio.h>): _getch, _kbhit, _putch, _cputs, _cprintf and
 * their wide forms, on the console itself (CONIN$, CONOUT$), whatever the
 * standard handles are; without a console, on the standard handles. */
#include "crt_internal.h"
#include "printf_sink.h"

#define ENABLE_LINE_INPUT 0x2
#define ENABLE_ECHO_INPUT 0x4
#define KEY_EVENT 1

K32 BOOL GetConsoleMode(HANDLE, DWORD *);
K32 BOOL SetConsoleMode(HANDLE, DWORD);
K32 BOOL ReadConsoleW(HANDLE, void *, DWORD, DWORD *, void *);
K32 BOOL WriteConsoleW(HANDLE, const void *, DWORD, DWORD *, void *);
K32 BOOL GetNumberOfConsoleInputEvents(HANDLE, DWORD *);
K32 BOOL PeekConsoleInputW(HANDLE, void *, DWORD, DWORD *);

/* INPUT_RECORD with a KEY_EVENT_RECORD inside */
typedef struct {
    unsigned short EventType;
    struct {
        BOOL bKeyDown;
        unsigned short wRepeatCount, wVirtualKeyCode, wVirtualScanCode;
        WCHAR UnicodeChar;
        DWORD dwControlKeyState;
    } Key;
} INPUT_RECORD;

static HANDLE con_in, con_out;
static int pushed = -1;     /* _ungetch's character */

static HANDLE console(HANDLE *h, const WCHAR *name, DWORD std)
{
    if (!*h) {
        HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        *h = c != INVALID_HANDLE_VALUE ? c : GetStdHandle(std);
    }
    return *h;
}

static HANDLE input(void) { return console(&con_in, L"CONIN$", STD_INPUT_HANDLE); }
static HANDLE output(void) { return console(&con_out, L"CONOUT$", STD_OUTPUT_HANDLE); }

/* One character without echo or waiting for Enter. */
static int read_char(void)
{
    HANDLE h = input();
    DWORD mode, n = 0;
    WCHAR w = 0;
    unsigned char b = 0;
    int is_console = GetConsoleMode(h, &mode);

    if (pushed >= 0) {
        int c = pushed;
        pushed = -1;
        return c;
    }
    if (!is_console)
        return ReadFile(h, &b, 1, &n, NULL) && n ? b : EOF;
    SetConsoleMode(h, mode & ~(DWORD)(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT));
    if (!ReadConsoleW(h, &w, 1, &n, NULL) || !n)
        w = (WCHAR)-1;
    SetConsoleMode(h, mode);
    return w == (WCHAR)-1 ? EOF : w;
}

static int write_wide(const wchar *s, DWORD n)
{
    DWORD done;
    char b[256];

    if (WriteConsoleW(output(), s, n, &done, NULL))
        return 0;
    for (DWORD i = 0; i < n; i += sizeof(b)) {  /* not a console: bytes */
        DWORD k = 0;
        for (; k < sizeof(b) && i + k < n; k++)
            if (crt_wide_to_narrow(&b[k], s[i + k]) < 0)
                b[k] = '?';
        if (!WriteFile(output(), b, k, &done, NULL))
            return -1;
    }
    return 0;
}

CRTAPI int _getch(void) { int c = read_char(); return c > 0xFF ? '?' : c; }
CRTAPI wint _getwch(void) { int c = read_char(); return c == EOF ? WEOF : (wint)c; }
CRTAPI int _ungetch(int c) { return c == EOF || pushed >= 0 ? EOF : (pushed = c & 0xFF); }
CRTAPI wint _ungetwch(wint c) { return c == WEOF || pushed >= 0 ? WEOF : (wint)(pushed = c); }

CRTAPI wint _putwch(wchar c) { return write_wide(&c, 1) ? WEOF : c; }

CRTAPI int _putch(int c)
{
    wchar w = (unsigned char)c;

    return write_wide(&w, 1) ? EOF : (unsigned char)c;
}

CRTAPI int _getche(void)
{
    int c = _getch();

    return c == EOF ? c : _putch(c);
}

CRTAPI wint _getwche(void)
{
    wint c = _getwch();

    return c == WEOF ? c : _putwch(c);
}

/* A key pressed and not yet read (console input only). */
CRTAPI int _kbhit(void)
{
    INPUT_RECORD rec[32];
    DWORD n = 0;

    if (pushed >= 0)
        return 1;
    if (!GetNumberOfConsoleInputEvents(input(), &n) || !n)
        return 0;
    if (!PeekConsoleInputW(input(), rec, n < 32 ? n : 32, &n))
        return 0;
    for (DWORD i = 0; i < n; i++)
        if (rec[i].EventType == KEY_EVENT && rec[i].Key.bKeyDown && rec[i].Key.UnicodeChar)
            return 1;
    return 0;
}

CRTAPI int _cputws(const wchar *s)
{
    if (!s) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    return write_wide(s, (DWORD)wcslen(s));
}

CRTAPI int _cputs(const char *s)
{
    wchar w[256];
    size_t i = 0;

    if (!s) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    for (;;) {
        size_t k = 0;
        for (; k < 256 && s[i]; k++, i++)
            w[k] = (unsigned char)s[i];
        if (k && write_wide(w, (DWORD)k))
            return -1;
        if (!s[i])
            return 0;
    }
}

/* _cprintf: formats into memory, then writes to the console. */
int crt_console_printf(const void *fmt, int wide, unsigned opts, va_list ap)
{
    va_list count;
    void *buf;
    int total, r;

    if (!fmt) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    va_copy(count, ap);
    r = crt_mem_format(NULL, 0, wide, opts, fmt, count, &total);
    va_end(count);
    if (r < 0 || !(buf = malloc(((size_t)total + 1) * sizeof(wchar))))
        return -1;
    crt_mem_format(buf, (size_t)total, wide, opts, fmt, ap, &total);
    for (int i = total; !wide && i-- > 0;)    /* widen in place, from the end */
        ((wchar *)buf)[i] = ((unsigned char *)buf)[i];
    r = write_wide(buf, (DWORD)total) ? -1 : total;
    free(buf);
    return r;
}

CRTAPI int _vcprintf(const char *fmt, va_list ap) { return crt_console_printf(fmt, 0, 0, ap); }
CRTAPI int _vcwprintf(const wchar *fmt, va_list ap) { return crt_console_printf(fmt, 1, 0, ap); }

CRTAPI int _cprintf(const char *fmt, ...)
{
    VA_WRAP(_vcprintf(fmt, ap));
}

CRTAPI int _cwprintf(const wchar *fmt, ...)
{
    VA_WRAP(_vcwprintf(fmt, ap));
}
