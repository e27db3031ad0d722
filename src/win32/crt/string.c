/* Narrow string functions (C locale: bytes compare as unsigned char). */
#include "crt_internal.h"

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

CRTAPI size_t strlen(const char *s)
{
    const char *p = s;

    while (*p)
        p++;
    return p - s;
}

CRTAPI size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

NO_LIBCALL CRTAPI char *strcpy(char *d, const char *s)
{
    char *r = d;

    while ((*d++ = *s++))
        ;
    return r;
}

/* strncpy pads with NULs up to n, as the standard requires. */
NO_LIBCALL CRTAPI char *strncpy(char *d, const char *s, size_t n)
{
    size_t i = 0;

    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}

CRTAPI char *strcat(char *d, const char *s)
{
    strcpy(d + strlen(d), s);
    return d;
}

NO_LIBCALL CRTAPI char *strncat(char *d, const char *s, size_t n)
{
    char *p = d + strlen(d);

    while (n-- && *s)
        *p++ = *s++;
    *p = 0;
    return d;
}

CRTAPI int strcmp(const char *a, const char *b)
{
    const unsigned char *p = (const void *)a, *q = (const void *)b;

    while (*p && *p == *q)
        p++, q++;
    return (*p > *q) - (*p < *q);
}

CRTAPI int strncmp(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const void *)a, *q = (const void *)b;

    for (; n; n--, p++, q++) {
        if (*p != *q)
            return (*p > *q) - (*p < *q);
        if (!*p)
            break;
    }
    return 0;
}

CRTAPI int strcoll(const char *a, const char *b) { return strcmp(a, b); }
CRTAPI int _stricoll(const char *a, const char *b);
CRTAPI int _strcoll_l(const char *a, const char *b, void *l)
{
    return strcmp(a, b);
}

CRTAPI size_t strxfrm(char *d, const char *s, size_t n)
{
    size_t len = strlen(s);

    if (len < n)
        memcpy(d, s, len + 1);
    return len;
}

CRTAPI char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

CRTAPI char *strrchr(const char *s, int c)
{
    const char *r = NULL;

    for (;; s++) {
        if (*s == (char)c)
            r = s;
        if (!*s)
            return (char *)r;
    }
}

CRTAPI char *strstr(const char *h, const char *n)
{
    size_t len = strlen(n);

    for (; *h; h++)
        if (*h == *n && !strncmp(h, n, len))
            return (char *)h;
    return *n ? NULL : (char *)h;
}

CRTAPI size_t strspn(const char *s, const char *set)
{
    size_t n = 0;

    while (s[n] && strchr(set, s[n]))
        n++;
    return n;
}

CRTAPI size_t strcspn(const char *s, const char *set)
{
    size_t n = 0;

    while (s[n] && !strchr(set, s[n]))
        n++;
    return n;
}

CRTAPI char *strpbrk(const char *s, const char *set)
{
    s += strcspn(s, set);
    return *s ? (char *)s : NULL;
}

CRTAPI char *strtok(char *s, const char *delim)
{
    struct crt_thread *t = crt_thread_data();

    if (!s)
        s = t->strtok_next;
    if (!s)
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        t->strtok_next = NULL;
        return NULL;
    }
    t->strtok_next = s + strcspn(s, delim);
    if (*t->strtok_next)
        *t->strtok_next++ = 0;
    else
        t->strtok_next = NULL;
    return s;
}

CRTAPI char *strtok_s(char *s, const char *delim, char **ctx)
{
    if (!s)
        s = *ctx;
    s += strspn(s, delim);
    if (!*s) {
        *ctx = s;
        return NULL;
    }
    *ctx = s + strcspn(s, delim);
    if (**ctx)
        *(*ctx)++ = 0;
    return s;
}

CRTAPI char *_strdup(const char *s)
{
    size_t n;
    char *d;

    if (!s)
        return NULL;
    n = strlen(s) + 1;
    d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

CRTAPI char *strdup(const char *s) { return _strdup(s); }
