/* Case-insensitive and in-place string functions (C locale). */
#include "crt_internal.h"

CRTAPI int _stricmp(const char *a, const char *b)
{
    int x, y;

    do {
        x = tolower((unsigned char)*a++);
        y = tolower((unsigned char)*b++);
    } while (x && x == y);
    return x - y;
}

CRTAPI int _strcmpi(const char *a, const char *b) { return _stricmp(a, b); }
CRTAPI int _stricoll(const char *a, const char *b) { return _stricmp(a, b); }

CRTAPI int _strnicmp(const char *a, const char *b, size_t n)
{
    int x = 0, y = 0;

    while (n--) {
        x = tolower((unsigned char)*a++);
        y = tolower((unsigned char)*b++);
        if (!x || x != y)
            break;
    }
    return x - y;
}

CRTAPI int _strncoll(const char *a, const char *b, size_t n)
{
    return strncmp(a, b, n);
}

CRTAPI int _strnicoll(const char *a, const char *b, size_t n)
{
    return _strnicmp(a, b, n);
}

CRTAPI char *_strlwr(char *s)
{
    for (char *p = s; *p; p++)
        *p = tolower((unsigned char)*p);
    return s;
}

CRTAPI char *_strupr(char *s)
{
    for (char *p = s; *p; p++)
        *p = toupper((unsigned char)*p);
    return s;
}

CRTAPI char *_strrev(char *s)
{
    size_t n = strlen(s);

    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}

CRTAPI char *_strset(char *s, int c)
{
    for (char *p = s; *p; p++)
        *p = (char)c;
    return s;
}

CRTAPI char *_strnset(char *s, int c, size_t n)
{
    for (char *p = s; *p && n; p++, n--)
        *p = (char)c;
    return s;
}
