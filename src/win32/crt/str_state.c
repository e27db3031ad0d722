/* The string functions with state: strtok and msvcrt's two-argument
 * wcstok keep their position per thread; _strdup and _wcsdup allocate. */
#include "crt_internal.h"

char *crt_strtok_r(char *s, const char *delim, char **next);
wchar *crt_wcstok_r(wchar *s, const wchar *delim, wchar **next);

CRTAPI char *strtok(char *s, const char *delim)
{
    return crt_strtok_r(s, delim, &crt_thread_data()->strtok_next);
}

CRTAPI wchar *wcstok(wchar *s, const wchar *delim)
{
    return crt_wcstok_r(s, delim, &crt_thread_data()->wcstok_next);
}

/* The UCRT's C11 wcstok: the position lives in *ctx, or, when ctx is
 * NULL, in the thread's state as for the two-argument form. */
CRTAPI wchar *ucrt_wcstok(wchar *s, const wchar *delim, wchar **ctx)
{
    return crt_wcstok_r(s, delim, ctx ? ctx : &crt_thread_data()->wcstok_next);
}

static void *dup_bytes(const void *s, size_t n)
{
    void *d = malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}

CRTAPI char *_strdup(const char *s)
{
    return s ? dup_bytes(s, strlen(s) + 1) : NULL;
}

CRTAPI char *strdup(const char *s) { return _strdup(s); }

CRTAPI wchar *_wcsdup(const wchar *s)
{
    return s ? dup_bytes(s, (wcslen(s) + 1) * sizeof(wchar)) : NULL;
}
