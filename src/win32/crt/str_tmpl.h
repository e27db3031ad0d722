/* The string functions, written once for char and for wchar_t: included
 * by str_narrow.c (CRT_WIDE 0) and str_wide.c (CRT_WIDE 1).  FN(n, w)
 * names the narrow or the wide function; TCH is the character type, TINT
 * the type of a character argument (int for strchr, wchar_t for wcschr).
 * The "C" locale: case folding is ASCII's for bytes and for wide
 * characters (crt_c_wlower); collation is code point order.  No
 * operating system and no per-thread state here: ntdll compiles this too.
 * The _s forms report errors through the invalid parameter handler and
 * return the errno_t value, as documented. */
#include "crt.h"

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))
#define STRUNCATE 80

#if CRT_WIDE
typedef wchar TCH;
typedef wchar TUCH;
typedef wchar TINT;
#define FN(n, w) w
#define FOLD(c) crt_c_wlower(c)
#define UPPER(c) crt_c_wupper(c)
#else
typedef char TCH;
typedef unsigned char TUCH;
typedef int TINT;
#define FN(n, w) n
#define FOLD(c) tolower(c)
#define UPPER(c) toupper(c)
#endif

CRTAPI NO_LIBCALL size_t FN(strlen, wcslen)(const TCH *s)
{
    const TCH *p = s;

    while (*p)
        p++;
    return p - s;
}

CRTAPI NO_LIBCALL size_t FN(strnlen, wcsnlen)(const TCH *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

CRTAPI NO_LIBCALL TCH *FN(strcpy, wcscpy)(TCH *d, const TCH *s)
{
    TCH *r = d;

    while ((*d++ = *s++))
        ;
    return r;
}

/* strncpy pads with NULs up to n, as the standard requires. */
CRTAPI NO_LIBCALL TCH *FN(strncpy, wcsncpy)(TCH *d, const TCH *s, size_t n)
{
    size_t i = 0;

    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}

CRTAPI TCH *FN(strcat, wcscat)(TCH *d, const TCH *s)
{
    FN(strcpy, wcscpy)(d + FN(strlen, wcslen)(d), s);
    return d;
}

CRTAPI NO_LIBCALL TCH *FN(strncat, wcsncat)(TCH *d, const TCH *s, size_t n)
{
    TCH *p = d + FN(strlen, wcslen)(d);

    while (n-- && *s)
        *p++ = *s++;
    *p = 0;
    return d;
}

/* -1, 0 or 1, comparing characters as unsigned values. */
CRTAPI int FN(strcmp, wcscmp)(const TCH *a, const TCH *b)
{
    const TUCH *p = (const TUCH *)a, *q = (const TUCH *)b;

    while (*p && *p == *q)
        p++, q++;
    return (*p > *q) - (*p < *q);
}

CRTAPI int FN(strncmp, wcsncmp)(const TCH *a, const TCH *b, size_t n)
{
    const TUCH *p = (const TUCH *)a, *q = (const TUCH *)b;

    for (; n; n--, p++, q++) {
        if (*p != *q)
            return (*p > *q) - (*p < *q);
        if (!*p)
            break;
    }
    return 0;
}

/* The difference of the first folded characters that differ. */
static int FN(fold_compare, wfold_compare)(const TCH *a, const TCH *b, size_t n)
{
    int x = 0, y = 0;

    while (n--) {
        x = FOLD((TUCH)*a++);
        y = FOLD((TUCH)*b++);
        if (!x || x != y)
            break;
    }
    return x - y;
}

/* The UCRT's narrow form refuses a count past INT_MAX (an invalid
 * parameter, _NLSCMPERROR and EINVAL); its wide form and msvcrt's take
 * any. */
CRTAPI int FN(_strnicmp, _wcsnicmp)(const TCH *a, const TCH *b, size_t n)
{
#if defined(CRT_UCRT) && !CRT_WIDE
    if (n > INT_MAX) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return INT_MAX;     /* _NLSCMPERROR */
    }
#endif
    return FN(fold_compare, wfold_compare)(a, b, n);
}

CRTAPI int FN(_stricmp, _wcsicmp)(const TCH *a, const TCH *b)
{
    return FN(fold_compare, wfold_compare)(a, b, (size_t)-1);
}

/* Collation: a named LC_COLLATE's (crt_collate), else the plain comparison. */
static int FN(collate, wcollate)(const TCH *a, const TCH *b, size_t n, int icase)
{
    int na = n == (size_t)-1 ? -1 : (int)FN(strnlen, wcsnlen)(a, n);
    int nb = n == (size_t)-1 ? -1 : (int)FN(strnlen, wcsnlen)(b, n);

    if (crt_collate)
        return crt_collate(a, na, b, nb, CRT_WIDE, icase);
    if (icase)
        return FN(fold_compare, wfold_compare)(a, b, n);
    return n == (size_t)-1 ? FN(strcmp, wcscmp)(a, b) : FN(strncmp, wcsncmp)(a, b, n);
}

CRTAPI int FN(strcoll, wcscoll)(const TCH *a, const TCH *b)
{
    return FN(collate, wcollate)(a, b, (size_t)-1, 0);
}

CRTAPI int FN(_stricoll, _wcsicoll)(const TCH *a, const TCH *b)
{
    return FN(collate, wcollate)(a, b, (size_t)-1, 1);
}

CRTAPI int FN(_strncoll, _wcsncoll)(const TCH *a, const TCH *b, size_t n)
{
    return FN(collate, wcollate)(a, b, n, 0);
}

CRTAPI int FN(_strnicoll, _wcsnicoll)(const TCH *a, const TCH *b, size_t n)
{
    return FN(collate, wcollate)(a, b, n, 1);
}

/* The transform of the "C" locale is the identity: the length, and the
 * string itself when it fits; a named LC_COLLATE's is its sort key. */
CRTAPI size_t FN(strxfrm, wcsxfrm)(TCH *d, const TCH *s, size_t n)
{
    size_t len;

    if (!s || (!d && n)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return INT_MAX;
    }
    if (crt_transform)
        return crt_transform(d, s, n, CRT_WIDE);
    len = FN(strlen, wcslen)(s);
    if (len < n)
        FN(strcpy, wcscpy)(d, s);
    return len;
}

CRTAPI TCH *FN(strchr, wcschr)(const TCH *s, TINT c)
{
    for (;; s++) {
        if (*s == (TCH)c)
            return (TCH *)s;
        if (!*s)
            return NULL;
    }
}

CRTAPI TCH *FN(strrchr, wcsrchr)(const TCH *s, TINT c)
{
    const TCH *r = NULL;

    for (;; s++) {
        if (*s == (TCH)c)
            r = s;
        if (!*s)
            return (TCH *)r;
    }
}

CRTAPI TCH *FN(strstr, wcsstr)(const TCH *h, const TCH *n)
{
    size_t len = FN(strlen, wcslen)(n);

    if (!len)
        return (TCH *)h;
    for (; *h; h++)
        if (*h == *n && !FN(strncmp, wcsncmp)(h, n, len))
            return (TCH *)h;
    return NULL;
}

CRTAPI size_t FN(strspn, wcsspn)(const TCH *s, const TCH *set)
{
    size_t n = 0;

    while (s[n] && FN(strchr, wcschr)(set, s[n]))
        n++;
    return n;
}

CRTAPI size_t FN(strcspn, wcscspn)(const TCH *s, const TCH *set)
{
    size_t n = 0;

    while (s[n] && !FN(strchr, wcschr)(set, s[n]))
        n++;
    return n;
}

CRTAPI TCH *FN(strpbrk, wcspbrk)(const TCH *s, const TCH *set)
{
    s += FN(strcspn, wcscspn)(s, set);
    return *s ? (TCH *)s : NULL;
}

/* The tokenizer behind strtok, strtok_s and their wide forms: *next is
 * where the scan resumes, the terminator once the string is used up (the
 * UCRT's wcstok shows it so; NULL only before a first string). */
TCH *FN(crt_strtok_r, crt_wcstok_r)(TCH *s, const TCH *delim, TCH **next)
{
    if (!s)
        s = *next;
    if (!s)
        return NULL;
    s += FN(strspn, wcsspn)(s, delim);
    *next = s;      /* at the end, the context stays on the terminator */
    if (!*s)
        return NULL;
    *next = s + FN(strcspn, wcscspn)(s, delim);
    if (**next)
        *(*next)++ = 0;
    return s;
}

CRTAPI TCH *FN(strtok_s, wcstok_s)(TCH *s, const TCH *delim, TCH **ctx)
{
    if (!delim || !ctx || (!s && !*ctx)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return NULL;
    }
    return FN(crt_strtok_r, crt_wcstok_r)(s, delim, ctx);
}

/* Only the characters that change are written: a string already in
 * that case may be read-only, as on Windows. */
CRTAPI TCH *FN(_strlwr, _wcslwr)(TCH *s)
{
    for (TCH *p = s; *p; p++)
        if ((TCH)FOLD((TUCH)*p) != *p)
            *p = (TCH)FOLD((TUCH)*p);
    return s;
}

CRTAPI TCH *FN(_strupr, _wcsupr)(TCH *s)
{
    for (TCH *p = s; *p; p++)
        if ((TCH)UPPER((TUCH)*p) != *p)
            *p = (TCH)UPPER((TUCH)*p);
    return s;
}

CRTAPI TCH *FN(_strrev, _wcsrev)(TCH *s)
{
    size_t n = FN(strlen, wcslen)(s);

    for (size_t i = 0; i < n / 2; i++) {
        TCH t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}

CRTAPI TCH *FN(_strnset, _wcsnset)(TCH *s, TINT c, size_t n)
{
    for (TCH *p = s; *p && n; p++, n--)
        *p = (TCH)c;
    return s;
}

CRTAPI TCH *FN(_strset, _wcsset)(TCH *s, TINT c)
{
    return FN(_strnset, _wcsnset)(s, c, (size_t)-1);
}

/* ---- the bounds-checked (_s) forms ---- */

/* Reports e through the handler; the destination, if any, becomes "". */
static int fail_s(TCH *d, size_t n, int e)
{
    if (d && n)
        *d = 0;
    crt_invalid_parameter();
    crt_set_errno(e);
    return e;
}

/* Copies up to `count` characters of s to d[0..n) from offset `at` and
 * terminates; what does not fit is an error (ERANGE: the whole buffer is
 * written, then d[0] cleared, as Windows does), or, with `truncate`, cut
 * off with STRUNCATE.  The body of the copy and concatenation forms. */
static int put_s(TCH *d, size_t n, size_t at, const TCH *s, size_t count,
                 int truncate)
{
    size_t i = 0;

    for (; s[i] && i < count && at + i < n; i++) {
        if (truncate && at + i + 1 == n) {
            d[at + i] = 0;
            return STRUNCATE;
        }
        d[at + i] = s[i];
    }
    if (at + i >= n)
        return fail_s(d, n, ERANGE);
    d[at + i] = 0;
    return 0;
}

CRTAPI int FN(strcpy_s, wcscpy_s)(TCH *d, size_t n, const TCH *s)
{
    if (!d || !n)
        return fail_s(NULL, 0, EINVAL);
    if (!s)
        return fail_s(d, n, EINVAL);
    return put_s(d, n, 0, s, (size_t)-1, 0);
}

/* count == _TRUNCATE ((size_t)-1): copy what fits, STRUNCATE if cut. */
CRTAPI int FN(strncpy_s, wcsncpy_s)(TCH *d, size_t n, const TCH *s, size_t count)
{
    if (!count && !d && !n)
        return 0;
    if (!d || !n)
        return fail_s(NULL, 0, EINVAL);
    if (!count) {
        *d = 0;
        return 0;
    }
    if (!s)
        return fail_s(d, n, EINVAL);
    return put_s(d, n, 0, s, count, count == (size_t)-1);
}

/* The destination must hold a terminated string already. */
static int cat_s(TCH *d, size_t n, const TCH *s, size_t count, int truncate)
{
    size_t at;

    if (!d || !n)
        return fail_s(NULL, 0, EINVAL);
    at = FN(strnlen, wcsnlen)(d, n);
    if (at == n || (!s && count))
        return fail_s(d, n, EINVAL);
    return put_s(d, n, at, s ? s : d + at, count, truncate);
}

CRTAPI int FN(strcat_s, wcscat_s)(TCH *d, size_t n, const TCH *s)
{
    return cat_s(d, n, s, s ? (size_t)-1 : 1, 0);
}

/* count == _TRUNCATE: append what fits, STRUNCATE if cut. */
CRTAPI int FN(strncat_s, wcsncat_s)(TCH *d, size_t n, const TCH *s, size_t count)
{
    if (!count && !d && !n)
        return 0;
    return cat_s(d, n, s, count, count == (size_t)-1);
}

/* The in-place forms need a string terminated within its buffer. */
static int check_inplace(TCH *s, size_t n)
{
    if (!s || !n)
        return fail_s(NULL, 0, EINVAL);
    if (FN(strnlen, wcsnlen)(s, n) == n)
        return fail_s(s, n, EINVAL);
    return 0;
}

/* The case forms clear the string's first character whatever its size
 * (the CRT's own source does, and Windows' runtimes behave so). */
static int check_case_s(TCH *s, size_t n)
{
    if (s && !n)
        *s = 0;
    return check_inplace(s, n);
}

CRTAPI int FN(_strlwr_s, _wcslwr_s)(TCH *s, size_t n)
{
    int e = check_case_s(s, n);

    if (!e)
        FN(_strlwr, _wcslwr)(s);
    return e;
}

CRTAPI int FN(_strupr_s, _wcsupr_s)(TCH *s, size_t n)
{
    int e = check_case_s(s, n);

    if (!e)
        FN(_strupr, _wcsupr)(s);
    return e;
}

CRTAPI int FN(_strset_s, _wcsset_s)(TCH *s, size_t n, TINT c)
{
    int e = check_inplace(s, n);

    if (!e)
        FN(_strset, _wcsset)(s, c);
    return e;
}

/* A string with no terminator within n is EINVAL with s[0] cleared:
 * msvcrt's _wcsnset_s finds that first, its _strnset_s only after
 * setting. */
CRTAPI int FN(_strnset_s, _wcsnset_s)(TCH *s, size_t n, TINT c, size_t count)
{
    size_t i = 0;

    if (!count && !s && !n)
        return 0;
    if (!s || !n)
        return fail_s(NULL, 0, EINVAL);
    if (sizeof(TCH) != 1 && FN(strnlen, wcsnlen)(s, n) == n)
        return fail_s(s, n, EINVAL);
    for (; i < n && s[i] && i < count; i++)
        s[i] = (TCH)c;
    if (FN(strnlen, wcsnlen)(s + i, n - i) == n - i)
        return fail_s(s, n, EINVAL);
    return 0;
}
