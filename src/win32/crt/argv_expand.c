/* Wildcard expansion of argv, as setargv.obj, mingw's _dowildcard and
 * ucrtbase's _crt_argv_expanded_arguments ask: an argument after argv[0]
 * holding '*' or '?' and no quotes becomes the names it matches, each
 * behind the argument's own directory part ("dir\a*" -> "dir\abc"), in
 * the order the directory lists them, without "." and "..".  An argument
 * matching nothing stays as it is.  Narrow arguments go through the ANSI
 * code page. */
#include "crt_internal.h"

#define CP_ACP 0

struct arglist {
    void **items;       /* malloc'ed strings */
    int count, cap;
    size_t chars;       /* their characters, NULs included */
    int wide;
};

static size_t length(const void *s, int wide)
{
    return wide ? wcslen(s) : strlen(s);
}

static int add(struct arglist *l, const void *prefix, size_t prefix_len, const WCHAR *name)
{
    size_t unit = l->wide ? 2 : 1, name_len;
    char *s;

    if (l->count == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        void **items = realloc(l->items, cap * sizeof(void *));

        if (!items)
            return -1;
        l->items = items;
        l->cap = cap;
    }
    name_len = !name ? 0 : l->wide ? wcslen(name)
                 : (size_t)WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL) - 1;
    s = malloc((prefix_len + name_len + 1) * unit);
    if (!s)
        return -1;
    memcpy(s, prefix, prefix_len * unit);
    if (l->wide)
        memcpy(s + prefix_len * unit, name ? name : L"", (name_len + 1) * unit);
    else if (name)
        WideCharToMultiByte(CP_ACP, 0, name, -1, s + prefix_len, (int)name_len + 1, NULL, NULL);
    else
        s[prefix_len] = 0;
    l->items[l->count++] = s;
    l->chars += prefix_len + name_len + 1;
    return 0;
}

static int has_wildcard(const void *arg, int wide)
{
    for (size_t i = 0, n = length(arg, wide); i < n; i++) {
        unsigned c = wide ? ((const wchar *)arg)[i] : ((const unsigned char *)arg)[i];

        if (c == '*' || c == '?')
            return 1;
    }
    return 0;
}

/* Characters up to and including the last '\', '/' or ':'. */
static size_t dir_part(const void *arg, int wide)
{
    size_t n = length(arg, wide), dir = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned c = wide ? ((const wchar *)arg)[i] : ((const unsigned char *)arg)[i];

        if (c == '\\' || c == '/' || c == ':')
            dir = i + 1;
    }
    return dir;
}

static int is_dot_or_dotdot(const WCHAR *n)
{
    return n[0] == '.' && (!n[1] || (n[1] == '.' && !n[2]));
}

/* Adds the matches of arg; returns how many, or -1 without memory. */
static int add_matches(struct arglist *l, const void *arg)
{
    WCHAR pattern[MAX_PATH * 4];
    WIN32_FIND_DATAW d;
    HANDLE h;
    int found = 0;

    if (l->wide) {
        if (wcslen(arg) >= MAX_PATH * 4)
            return 0;
        memcpy(pattern, arg, (wcslen(arg) + 1) * sizeof(WCHAR));
    } else if (!MultiByteToWideChar(CP_ACP, 0, arg, -1, pattern, MAX_PATH * 4)) {
        return 0;
    }
    h = FindFirstFileW(pattern, &d);
    if (h == INVALID_HANDLE_VALUE)
        return 0;
    do {
        if (is_dot_or_dotdot(d.cFileName))
            continue;
        if (add(l, arg, dir_part(arg, l->wide), d.cFileName) < 0) {
            found = -1;
            break;
        }
        found++;
    } while (FindNextFileW(h, &d));
    FindClose(h);
    return found;
}

/* One block (pointers, then characters), as crt_split_cmdline makes. */
static void **pack(struct arglist *l)
{
    size_t unit = l->wide ? 2 : 1;
    void **argv = malloc((l->count + 1) * sizeof(void *) + l->chars * unit);
    char *at;

    if (!argv)
        return NULL;
    at = (char *)(argv + l->count + 1);
    for (int i = 0; i < l->count; i++) {
        size_t n = (length(l->items[i], l->wide) + 1) * unit;

        memcpy(at, l->items[i], n);
        argv[i] = at;
        at += n;
    }
    argv[l->count] = NULL;
    return argv;
}

/* Returns the expanded argv (a new block) and its count, or NULL when
 * nothing was expanded or memory ran out (argv stays in use). */
void **crt_expand_wildcards(void **argv, int *argc, const unsigned char *quoted, int wide)
{
    struct arglist l = { .wide = wide };
    void **out = NULL;
    int expanded = 0;

    for (int i = 0; i < *argc; i++) {
        int n = 0;

        if (i && !quoted[i] && has_wildcard(argv[i], wide)) {
            n = add_matches(&l, argv[i]);
            if (n < 0)
                goto done;
            expanded |= n > 0;
        }
        if (!n && add(&l, argv[i], length(argv[i], wide), NULL) < 0)
            goto done;
    }
    if (expanded && (out = pack(&l)))
        *argc = l.count;
done:
    for (int i = 0; i < l.count; i++)
        free(l.items[i]);
    free(l.items);
    return out;
}
