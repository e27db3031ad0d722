/* The Unicode text modes of a descriptor (_O_U16TEXT, _O_U8TEXT,
 * _O_WTEXT, fopen's "ccs="): the program reads and writes UTF-16 (so
 * _read and _write take whole wchar_t units: an odd byte count is
 * EINVAL), the file holds UTF-16LE or UTF-8, and "\n" is "\r\n" on disk.
 * Opening picks the encoding from the file's byte order mark when it can
 * read one (a UTF-8 or UTF-16LE mark wins over the mode; _O_WTEXT
 * without a mark reads plain ANSI text) and writes the mark into a file
 * that is still empty. */
#include "crt_internal.h"

#define REPLACEMENT 0xFFFD

static int put_utf8(unsigned char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static int put_unit(int enc, unsigned cp, unsigned char *o)
{
    if (enc != FD_ENC_U16)
        return put_utf8(o, cp);
    o[0] = (unsigned char)cp;
    o[1] = (unsigned char)(cp >> 8);
    return 2;
}

/* One character of p[*i..n-1] in the file's encoding at o; "\n" becomes
 * "\r\n"; a surrogate pair is one UTF-8 sequence.  Returns the bytes. */
static int encode_one(int enc, const wchar *p, unsigned *i, unsigned n,
                      unsigned char *o)
{
    unsigned cp = p[(*i)++];
    int k = cp == '\n' ? put_unit(enc, '\r', o) : 0;

    if (enc == FD_ENC_U8 && cp >= 0xD800 && cp < 0xDC00 && *i < n &&
        p[*i] >= 0xDC00 && p[*i] < 0xE000)
        cp = 0x10000 + ((cp - 0xD800) << 10) + (p[(*i)++] - 0xDC00);
    return k + put_unit(enc, cp, o + k);
}

/* _write on a Unicode descriptor: n bytes of UTF-16.  Returns n, or -1
 * (errno set) if nothing could be written. */
int crt_unicode_write(struct fdinfo *f, const void *buf, unsigned n)
{
    const wchar *p = buf;
    unsigned char tmp[1024];
    unsigned i = 0, count = n / 2;
    size_t done;

    if (n % 2) {
        crt_set_errno(EINVAL);
        return -1;
    }
    while (i < count) {
        size_t k = 0;
        unsigned start = i;
        while (i < count && k + 8 <= sizeof(tmp))
            k += encode_one(f->enc, p, &i, count, tmp + k);
        if (crt_write_all(f, (const char *)tmp, k, &done) <= 0) {
            if (start)
                return (int)(start * 2);
            crt_dosmaperr(GetLastError());
            return -1;
        }
    }
    return (int)n;
}

/* Gives back the last k bytes read (a look-ahead that was not used). */
static void unread(struct fdinfo *f, int k)
{
    if (k > 0)
        SetFilePointerEx(f->h, -(int64_t)k, NULL, FILE_CURRENT);
}

/* Length of the UTF-8 sequence a lead byte starts, 0 if it cannot. */
static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
}

/* Decodes s[0..n-1] into o; an incomplete sequence at the end is given
 * back to the file.  Invalid bytes become U+FFFD.  Returns the units. */
static int utf8_decode(struct fdinfo *f, const unsigned char *s, int n, wchar *o)
{
    int i = 0, k = 0;

    while (i < n) {
        int len = utf8_len(s[i]), j;
        unsigned cp;
        if (!len) {
            o[k++] = REPLACEMENT, i++;
            continue;
        }
        if (i + len > n) {
            unread(f, n - i);
            break;
        }
        cp = len == 1 ? s[i] : s[i] & (0x7F >> len);
        for (j = 1; j < len && (s[i + j] & 0xC0) == 0x80; j++)
            cp = cp << 6 | (s[i + j] & 0x3F);
        if (j < len) {
            o[k++] = REPLACEMENT, i += j;
            continue;
        }
        i += len;
        if (cp >= 0x10000) {
            o[k++] = (wchar)(0xD800 + ((cp - 0x10000) >> 10));
            cp = 0xDC00 + (cp & 0x3FF);
        }
        o[k++] = (wchar)cp;
    }
    return k;
}

/* Whether the file's next character is "\n" (consumed if so). */
static int next_is_newline(struct fdinfo *f)
{
    unsigned char b[2];
    int want = f->enc == FD_ENC_U16 ? 2 : 1;
    int got = crt_read_raw(f, (char *)b, want);

    if (got == want && b[0] == '\n' && (want == 1 || !b[1]))
        return 1;
    unread(f, got > 0 ? got : 0);
    return 0;
}

/* "\r\n" to "\n" in place; returns the units kept. */
static int compress_crlf(struct fdinfo *f, wchar *p, int n)
{
    int o = 0;

    for (int i = 0; i < n; i++) {
        if (p[i] != '\r')
            p[o++] = p[i];
        else if (i + 1 < n)
            p[o++] = p[i + 1] == '\n' ? p[++i] : '\r';
        else
            p[o++] = next_is_newline(f) ? '\n' : '\r';
    }
    return o;
}

/* _read on a Unicode descriptor: up to n bytes of UTF-16. */
int crt_unicode_read(struct fdinfo *f, void *buf, unsigned n)
{
    unsigned char tmp[4096];
    int got, units;

    if (n % 2) {
        crt_set_errno(EINVAL);
        return -1;
    }
    if (f->enc == FD_ENC_U16) {
        got = crt_read_raw(f, buf, n);
        if (got <= 0)
            return got;
        unread(f, got % 2);
        units = got / 2;
    } else {
        got = crt_read_raw(f, (char *)tmp, n / 2 < sizeof(tmp) ? n / 2 : sizeof(tmp));
        if (got <= 0)
            return got;
        units = utf8_decode(f, tmp, got, buf);
    }
    return compress_crlf(f, buf, units) * 2;
}

/* The encoding a byte order mark at the start of the file names
 * (FD_ENC_NONE without one); *len gets the mark's length. */
static int read_bom(struct fdinfo *f, int *len, int *empty)
{
    unsigned char b[3];
    int got = crt_read_raw(f, (char *)b, 3);

    *empty = got <= 0;
    *len = 0;
    if (got >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        *len = 3;
    else if (got >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        *len = 2;
    SetFilePointerEx(f->h, *len, NULL, FILE_BEGIN);
    return *len == 3 ? FD_ENC_U8 : *len == 2 ? FD_ENC_U16 : FD_ENC_NONE;
}

static int file_is_empty(struct fdinfo *f)
{
    int64_t end = 0;

    if (!SetFilePointerEx(f->h, 0, &end, FILE_END))
        return 0;
    SetFilePointerEx(f->h, 0, NULL, FILE_BEGIN);
    return end == 0;
}

/* After _open: the encoding of a descriptor opened with a Unicode mode. */
void crt_unicode_open(struct fdinfo *f, int oflag)
{
    int want = (oflag & _O_U8TEXT) ? FD_ENC_U8 : FD_ENC_U16;
    int mark, len, empty;

    if ((oflag & 3) != _O_WRONLY && !(f->flags & (FD_DEV | FD_PIPE))) {
        mark = read_bom(f, &len, &empty);
        if (mark)
            want = mark;
        else if ((oflag & _O_WTEXT) && !empty)
            return;     /* no mark: ANSI text */
    } else {
        empty = !(f->flags & (FD_DEV | FD_PIPE)) && file_is_empty(f);
    }
    f->enc = (unsigned char)want;
    if ((oflag & 3) != _O_RDONLY && empty) {
        static const unsigned char u16[] = { 0xFF, 0xFE }, u8[] = { 0xEF, 0xBB, 0xBF };
        size_t done;
        if (want == FD_ENC_U8)
            crt_write_all(f, (const char *)u8, sizeof(u8), &done);
        else
            crt_write_all(f, (const char *)u16, sizeof(u16), &done);
    }
}
