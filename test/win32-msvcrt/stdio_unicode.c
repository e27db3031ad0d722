/* The Unicode text modes: fopen's ccs= and _open's _O_WTEXT, _O_U16TEXT,
 * _O_U8TEXT (UTF-16 in the program, UTF-16LE or UTF-8 in the file, byte
 * order marks written to new files and read back to pick the encoding). */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <io.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <wchar.h>

static const char *name = "unicode.tmp";

static void dump(const char *what)
{
    unsigned char b[64];
    FILE *f = fopen(name, "rb");
    int n = (int)fread(b, 1, sizeof(b), f);

    fclose(f);
    printf("%-28s %2d bytes:", what, n);
    for (int i = 0; i < n; i++)
        printf(" %02x", b[i]);
    printf("\n");
}

static void put_raw(const char *bytes, int n)
{
    FILE *f = fopen(name, "wb");

    fwrite(bytes, 1, n, f);
    fclose(f);
}

static void read_wide(const char *mode)
{
    FILE *f = fopen(name, mode);
    wint_t c;

    printf("%-28s", mode);
    if (!f) {
        printf(" open failed errno=%d\n", errno);
        return;
    }
    while ((c = fgetwc(f)) != WEOF)
        printf(" %04x", c);
    printf("\n");
    fclose(f);
}

static void write_wide(const char *mode)
{
    FILE *f = fopen(name, mode);

    if (!f) {
        printf("%s: open failed errno=%d\n", mode, errno);
        return;
    }
    fputwc(L'a', f);
    fputwc(L'\n', f);
    fputws(L"\x00e9\x20ac", f);
    fclose(f);
    dump(mode);
}

static void fd_read(int oflag, const char *what)
{
    char b[64];
    int fd = _open(name, _O_RDONLY | oflag), n;

    errno = 0;
    n = _read(fd, b, 3);
    printf("%-28s odd read=%d errno=%d, read:", what, n, errno);
    n = _read(fd, b, sizeof(b));
    for (int i = 0; i + 1 < n; i += 2)
        printf(" %04x", (unsigned char)b[i] | (unsigned char)b[i + 1] << 8);
    printf(" (%d bytes)\n", n);
    _close(fd);
}

int main(void)
{
    FILE *f;
    int fd, n;

    write_wide("w,ccs=UNICODE");
    write_wide("w, ccs=utf-8");
    write_wide("w,  ccs=UTF-16LE");
    read_wide("r,ccs=utf-16le");
    read_wide("rt, ccs=UNICODE");

    put_raw("\xef\xbb\xbf\x61\xc4\x85\r\n\xf0\x9f\x98\x80", 12);
    read_wide("r,ccs=UNICODE");             /* the UTF-8 mark decides */
    read_wide("r,ccs=utf-16le");
    put_raw("ab\r\n", 4);
    read_wide("r,ccs=UNICODE");             /* no mark: ANSI text */
    read_wide("r,ccs=UTF-8");
    put_raw("\xff\xfe\x62\x00", 4);
    read_wide("r,ccs=utf-8");               /* the UTF-16 mark decides */

    f = fopen(name, "a,ccs=UTF-16LE");      /* appending: no second mark */
    fputwc(L'c', f);
    fclose(f);
    dump("a,ccs=UTF-16LE");

    errno = 0;
    f = fopen(name, "w,ccs=latin1");
    printf("bad ccs: %p errno=%d\n", (void *)f, errno);
    errno = 0;
    f = fopen(name, "w,foo");
    printf("bad option: %p errno=%d\n", (void *)f, errno);

    fd = _open(name, _O_CREAT | _O_TRUNC | _O_WRONLY | _O_U8TEXT, _S_IWRITE);
    errno = 0;
    n = _write(fd, "a", 1);
    printf("U8 odd write=%d errno=%d\n", n, errno);
    printf("U8 write=%d\n", _write(fd, "a\0\n\0\x05\x01", 6));
    _close(fd);
    dump("_O_U8TEXT");
    fd_read(_O_WTEXT, "_O_WTEXT on UTF-8");

    fd = _open(name, _O_CREAT | _O_TRUNC | _O_WRONLY | _O_WTEXT, _S_IWRITE);
    printf("WTEXT write=%d\n", _write(fd, "a\0\n\0\xff\xff", 6));
    _close(fd);
    dump("_O_WTEXT");
    fd_read(_O_WTEXT, "_O_WTEXT on UTF-16");

    put_raw("\x61\x85\x62\xc5\xbc\r\r\n", 8);
    fd_read(_O_U8TEXT, "_O_U8TEXT, a bad byte");

    _unlink(name);
    return 0;
}
