/* Splitting and joining paths (_splitpath, _makepath and their _s and
 * wide forms), written once for both widths: included after str_tmpl.h
 * by str_narrow.c and str_wide.c.  Pure string work: ntdll has them too. */

#define MAX_DRIVE 3
#define MAX_DIR 256
#define MAX_FNAME 256
#define MAX_EXT 256

static int is_sep(TCH c) { return c == '/' || c == '\\'; }

/* A narrow path is read in the multibyte code page: a lead byte's trail
 * byte may be '\\' (0x5C) and is no separator. */
static int is_double_byte(const TCH *c)
{
#if CRT_WIDE
    (void)c;
    return 0;
#else
    return crt_mb_lead((unsigned char)c[0]) && c[1];
#endif
}

/* Copies s[0..n) and a terminator into out[cap], or says it does not fit. */
static int put_part(TCH *out, size_t cap, const TCH *s, size_t n)
{
    if (!out)
        return 0;
    if (n >= cap)
        return -1;
    for (size_t i = 0; i < n; i++)
        out[i] = s[i];
    out[n] = 0;
    return 0;
}

static int bad_part(const TCH *p, size_t n) { return (!p && n) || (p && !n); }

CRTAPI int FN(_splitpath_s, _wsplitpath_s)(const TCH *path, TCH *drive, size_t dn,
        TCH *dir, size_t dirn, TCH *fname, size_t fn, TCH *ext, size_t en)
{
    const TCH *p = path, *last_sep = NULL, *dot = NULL, *end;
    size_t dl = 0;

    if (!path || bad_part(drive, dn) || bad_part(dir, dirn) ||
        bad_part(fname, fn) || bad_part(ext, en))
        goto invalid;
    if (p[0] && p[1] == ':')
        dl = 2;
    for (end = p + dl; *end; end++) {
        if (is_double_byte(end))
            end++;
        else if (is_sep(*end))
            last_sep = end, dot = NULL;
        else if (*end == '.')
            dot = end;
    }
    if (!dot)
        dot = end;
    if (put_part(drive, dn, p, dl) ||
        put_part(dir, dirn, p + dl, last_sep ? (size_t)(last_sep + 1 - p - dl) : 0) ||
        put_part(fname, fn, last_sep ? last_sep + 1 : p + dl,
                 dot - (last_sep ? last_sep + 1 : p + dl)) ||
        put_part(ext, en, dot, end - dot)) {
        put_part(drive, dn, p, 0), put_part(dir, dirn, p, 0);
        put_part(fname, fn, p, 0), put_part(ext, en, p, 0);
        crt_invalid_parameter();
        crt_set_errno(ERANGE);
        return ERANGE;
    }
    return 0;
invalid:
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return EINVAL;
}

CRTAPI void FN(_splitpath, _wsplitpath)(const TCH *path, TCH *drive, TCH *dir,
                                        TCH *fname, TCH *ext)
{
    FN(_splitpath_s, _wsplitpath_s)(path, drive, drive ? MAX_DRIVE : 0, dir,
                                    dir ? MAX_DIR : 0, fname, fname ? MAX_FNAME : 0,
                                    ext, ext ? MAX_EXT : 0);
}

static int append(TCH *path, size_t n, size_t *at, TCH c)
{
    if (*at + 1 >= n)
        return -1;
    path[(*at)++] = c;
    return 0;
}

/* The drive's letter and a colon, dir with a separator after it, fname,
 * and ext with a dot before it; each part may be NULL or empty. */
CRTAPI int FN(_makepath_s, _wmakepath_s)(TCH *path, size_t n, const TCH *drive,
        const TCH *dir, const TCH *fname, const TCH *ext)
{
    const TCH *parts[4] = { drive, dir, fname, ext };
    size_t at = 0;

    if (!path || !n) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    for (int i = 0; i < 4; i++) {
        const TCH *s = parts[i];
        size_t len;

        if (!s || !*s)
            continue;
        len = i == 0 ? 1 : FN(strlen, wcslen)(s);
        if (i == 3 && *s != '.' && append(path, n, &at, '.'))
            return fail_s(path, n, ERANGE);
        for (size_t k = 0; k < len; k++)
            if (append(path, n, &at, s[k]))
                return fail_s(path, n, ERANGE);
        if ((i == 0 && append(path, n, &at, ':')) ||
            (i == 1 && !is_sep(s[len - 1]) && append(path, n, &at, '\\')))
            return fail_s(path, n, ERANGE);
    }
    path[at] = 0;
    return 0;
}

CRTAPI void FN(_makepath, _wmakepath)(TCH *path, const TCH *drive, const TCH *dir,
                                      const TCH *fname, const TCH *ext)
{
    FN(_makepath_s, _wmakepath_s)(path, 260, drive, dir, fname, ext);
}
