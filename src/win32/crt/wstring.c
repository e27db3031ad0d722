/* Wide (UTF-16 code unit) string functions. */
#include "crt_internal.h"

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

CRTAPI wint towlower(wint c);
CRTAPI wint towupper(wint c);

CRTAPI size_t wcslen(const wchar *s)
{
    const wchar *p = s;

    while (*p)
        p++;
    return p - s;
}

CRTAPI size_t wcsnlen(const wchar *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

NO_LIBCALL CRTAPI wchar *wcscpy(wchar *d, const wchar *s)
{
    wchar *r = d;

    while ((*d++ = *s++))
        ;
    return r;
}

NO_LIBCALL CRTAPI wchar *wcsncpy(wchar *d, const wchar *s, size_t n)
{
    size_t i = 0;

    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}

CRTAPI wchar *wcscat(wchar *d, const wchar *s)
{
    wcscpy(d + wcslen(d), s);
    return d;
}

NO_LIBCALL CRTAPI wchar *wcsncat(wchar *d, const wchar *s, size_t n)
{
    wchar *p = d + wcslen(d);

    while (n-- && *s)
        *p++ = *s++;
    *p = 0;
    return d;
}

CRTAPI int wcscmp(const wchar *a, const wchar *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (*a > *b) - (*a < *b);
}

CRTAPI int wcsncmp(const wchar *a, const wchar *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (*a > *b) - (*a < *b);
        if (!*a)
            break;
    }
    return 0;
}

CRTAPI int wcscoll(const wchar *a, const wchar *b) { return wcscmp(a, b); }

CRTAPI wchar *wcschr(const wchar *s, wchar c)
{
    for (;; s++) {
        if (*s == c)
            return (wchar *)s;
        if (!*s)
            return NULL;
    }
}

CRTAPI wchar *wcsrchr(const wchar *s, wchar c)
{
    const wchar *r = NULL;

    for (;; s++) {
        if (*s == c)
            r = s;
        if (!*s)
            return (wchar *)r;
    }
}

CRTAPI wchar *wcsstr(const wchar *h, const wchar *n)
{
    size_t len = wcslen(n);

    for (; *h; h++)
        if (!wcsncmp(h, n, len))
            return (wchar *)h;
    return *n ? NULL : (wchar *)h;
}

CRTAPI size_t wcsspn(const wchar *s, const wchar *set)
{
    size_t n = 0;

    while (s[n] && wcschr(set, s[n]))
        n++;
    return n;
}

CRTAPI size_t wcscspn(const wchar *s, const wchar *set)
{
    size_t n = 0;

    while (s[n] && !wcschr(set, s[n]))
        n++;
    return n;
}

CRTAPI wchar *wcspbrk(const wchar *s, const wchar *set)
{
    s += wcscspn(s, set);
    return *s ? (wchar *)s : NULL;
}

/* msvcrt's wcstok takes two arguments and keeps its position per thread. */
CRTAPI wchar *wcstok(wchar *s, const wchar *delim)
{
    struct crt_thread *t = crt_thread_data();

    if (!s)
        s = t->wcstok_next;
    if (!s)
        return NULL;
    s += wcsspn(s, delim);
    if (!*s) {
        t->wcstok_next = NULL;
        return NULL;
    }
    t->wcstok_next = s + wcscspn(s, delim);
    if (*t->wcstok_next)
        *t->wcstok_next++ = 0;
    else
        t->wcstok_next = NULL;
    return s;
}

/* The UCRT's C11 form: the position lives in *ctx, or, when ctx is
 * NULL, in the thread's state as for msvcrt's two-argument form. */
CRTAPI wchar *ucrt_wcstok(wchar *s, const wchar *delim, wchar **ctx)
{
    if (!ctx)
        return wcstok(s, delim);
    if (!s)
        s = *ctx;
    if (!s)
        return NULL;
    s += wcsspn(s, delim);
    if (!*s) {
        *ctx = NULL;
        return NULL;
    }
    *ctx = s + wcscspn(s, delim);
    if (**ctx)
        *(*ctx)++ = 0;
    else
        *ctx = NULL;
    return s;
}

CRTAPI wchar *_wcsdup(const wchar *s)
{
    size_t n;
    wchar *d;

    if (!s)
        return NULL;
    n = (wcslen(s) + 1) * sizeof(wchar);
    d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

CRTAPI int _wcsicmp(const wchar *a, const wchar *b)
{
    wint x, y;

    do {
        x = towlower(*a++);
        y = towlower(*b++);
    } while (x && x == y);
    return (int)x - (int)y;
}

CRTAPI int _wcsnicmp(const wchar *a, const wchar *b, size_t n)
{
    wint x = 0, y = 0;

    while (n--) {
        x = towlower(*a++);
        y = towlower(*b++);
        if (!x || x != y)
            break;
    }
    return (int)x - (int)y;
}

CRTAPI int _wcsicoll(const wchar *a, const wchar *b) { return _wcsicmp(a, b); }

CRTAPI wchar *_wcslwr(wchar *s)
{
    for (wchar *p = s; *p; p++)
        *p = towlower(*p);
    return s;
}

CRTAPI wchar *_wcsupr(wchar *s)
{
    for (wchar *p = s; *p; p++)
        *p = towupper(*p);
    return s;
}

CRTAPI wchar *_wcsrev(wchar *s)
{
    size_t n = wcslen(s);

    for (size_t i = 0; i < n / 2; i++) {
        wchar t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}
