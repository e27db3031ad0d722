/* fread and fwrite. */
#include "crt_internal.h"

/* Writes n bytes; returns how many were accepted.  Large writes to an
 * empty buffer go straight to the descriptor. */
size_t crt_fwrite_locked(const void *data, size_t n, FILE *f)
{
    const char *p = data;
    size_t left = n;

    if (!n)
        return 0;
    if (crt_start_write(f))
        return 0;
    if (f->_flag & _IONBF) {
        int w = _write(f->_file, p, (unsigned)n);
        if (w < 0 || (size_t)w != n)
            f->_flag |= _IOERR;
        return w < 0 ? 0 : (size_t)w;
    }
    while (left) {
        if (f->_ptr == f->_base && left >= (size_t)f->_bufsiz) {
            size_t chunk = left - left % f->_bufsiz;
            int w = _write(f->_file, p, (unsigned)chunk);
            if (w < 0 || (size_t)w != chunk) {
                f->_flag |= _IOERR;
                return n - left + (w > 0 ? w : 0);
            }
            p += chunk, left -= chunk;
            continue;
        }
        size_t k = left < (size_t)f->_cnt ? left : (size_t)f->_cnt;
        memcpy(f->_ptr, p, k);
        f->_ptr += k, f->_cnt -= (int)k, p += k, left -= k;
        if (f->_cnt <= 0 && crt_flush_locked(f))
            return n - left;
        if (f->_cnt <= 0 && crt_start_write(f))
            return n - left;
    }
    if ((f->_flag & _IOLINE) && memchr(data, '\n', n) && crt_flush_locked(f))
        return 0;
    return n;
}

CRTAPI size_t fwrite(const void *data, size_t size, size_t count, FILE *f)
{
    size_t total, w;

    if (!size || !count)
        return 0;
    if (count > (size_t)-1 / size) {
        crt_set_errno(EINVAL);
        return 0;
    }
    total = size * count;
    crt_lock_file(f);
    w = crt_fwrite_locked(data, total, f);
    crt_unlock_file(f);
    return w / size;
}

/* Reads from the buffer first; large remainders bypass it. */
static size_t read_locked(char *p, size_t n, FILE *f)
{
    size_t left = n;

    if (crt_start_read(f))
        return 0;
    while (left) {
        if ((f->_flag & _IOREADING) && f->_cnt > 0) {
            size_t k = left < (size_t)f->_cnt ? left : (size_t)f->_cnt;
            memcpy(p, f->_ptr, k);
            f->_ptr += k, f->_cnt -= (int)k, p += k, left -= k;
            continue;
        }
        if (left >= (size_t)f->_bufsiz && f->_bufsiz > 1) {
            unsigned want = left > 0x40000000 ? 0x40000000 : (unsigned)left;
            int r = _read(f->_file, p, want);
            if (r <= 0) {
                f->_flag |= r < 0 ? _IOERR : _IOEOF;
                break;
            }
            p += r, left -= r;
            continue;
        }
        int c = crt_fill_locked(f);
        if (c == EOF)
            break;
        *p++ = (char)c;
        left--;
    }
    return n - left;
}

CRTAPI size_t fread(void *data, size_t size, size_t count, FILE *f)
{
    size_t total, r;

    if (!size || !count)
        return 0;
    if (count > (size_t)-1 / size) {
        crt_set_errno(EINVAL);
        return 0;
    }
    total = size * count;
    crt_lock_file(f);
    r = read_locked(data, total, f);
    crt_unlock_file(f);
    return r / size;
}

/* fread_s: at most bufsize bytes; more asked for than fits is ERANGE. */
CRTAPI size_t fread_s(void *data, size_t bufsize, size_t size, size_t count, FILE *f)
{
    if (!size || !count)
        return 0;
    if (!data || !f || count > (size_t)-1 / size) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return 0;
    }
    if (size * count > bufsize) {
        memset(data, 0, bufsize);
        crt_invalid_parameter();
        crt_set_errno(ERANGE);
        return 0;
    }
    return fread(data, size, count, f);
}
