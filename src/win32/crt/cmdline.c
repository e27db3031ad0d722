/* Splitting a command line into argv by the Microsoft C runtime rules:
 *  - argv[0] runs to the next whitespace, or, if it starts with a quote,
 *    to the closing quote; backslashes are not special in it.
 *  - later arguments are separated by spaces/tabs outside quotes;
 *  - 2n backslashes + quote -> n backslashes, the quote toggles quoting;
 *  - 2n+1 backslashes + quote -> n backslashes and a literal quote;
 *  - backslashes not followed by a quote are literal;
 *  - inside quotes, "" is a literal quote and quoting continues (the
 *    behaviour of the CRTs since 2008).
 * One parser serves char and wchar_t strings; `w` selects the width.
 * It also notes which arguments held quotes: wildcard expansion leaves
 * those alone. */
#include "crt_internal.h"

struct split {
    const void *src;
    int w;
    void *out;          /* character storage, NULL when counting */
    size_t nchars;      /* characters written or counted, NULs included */
    unsigned char *quoted; /* per argument: held a quote (filled with out) */
};

static unsigned get(const struct split *sp, size_t i)
{
    return sp->w ? ((const wchar *)sp->src)[i]
                 : ((const unsigned char *)sp->src)[i];
}

static void put(struct split *sp, unsigned c)
{
    if (sp->out) {
        if (sp->w)
            ((wchar *)sp->out)[sp->nchars] = (wchar)c;
        else
            ((char *)sp->out)[sp->nchars] = (char)c;
    }
    sp->nchars++;
}

static size_t parse_argv0(struct split *sp)
{
    size_t i = 0;

    if (get(sp, 0) == '"') {
        for (i = 1; get(sp, i) && get(sp, i) != '"'; i++)
            put(sp, get(sp, i));
        if (get(sp, i) == '"')
            i++;
    } else {
        for (; get(sp, i) && get(sp, i) != ' ' && get(sp, i) != '\t'; i++)
            put(sp, get(sp, i));
    }
    put(sp, 0);
    return i;
}

/* Parses one argument starting at i (not whitespace); returns the index
 * just past it.  *had_quote tells whether a quote opened or closed in it. */
static size_t parse_arg(struct split *sp, size_t i, unsigned char *had_quote)
{
    int quoted = 0;

    for (;;) {
        unsigned c = get(sp, i);
        size_t bs = 0;

        if (!c || (!quoted && (c == ' ' || c == '\t')))
            break;
        while (get(sp, i) == '\\')
            bs++, i++;
        if (get(sp, i) != '"') {
            for (; bs; bs--)
                put(sp, '\\');
            if (get(sp, i) && (quoted || (get(sp, i) != ' ' && get(sp, i) != '\t')))
                put(sp, get(sp, i++));
            continue;
        }
        for (size_t k = 0; k < bs / 2; k++)
            put(sp, '\\');
        if (bs & 1) {
            put(sp, '"');
        } else if (quoted && get(sp, i + 1) == '"') {
            put(sp, '"');
            i++;
        } else {
            quoted = !quoted;
            *had_quote = 1;
        }
        i++;
    }
    put(sp, 0);
    return i;
}

/* Runs the whole split; fills argv[] if it is non-NULL.  Returns argc. */
static int split_all(struct split *sp, void **argv)
{
    size_t i, start;
    int argc = 0;

    start = sp->nchars;
    i = parse_argv0(sp);
    if (argv) {
        argv[argc] = (char *)sp->out + start * (sp->w ? 2 : 1);
        sp->quoted[argc] = 0;
    }
    argc++;
    for (;;) {
        while (get(sp, i) == ' ' || get(sp, i) == '\t')
            i++;
        if (!get(sp, i))
            break;
        unsigned char had_quote = 0;

        start = sp->nchars;
        i = parse_arg(sp, i, &had_quote);
        if (argv) {
            argv[argc] = (char *)sp->out + start * (sp->w ? 2 : 1);
            sp->quoted[argc] = had_quote;
        }
        argc++;
    }
    if (argv)
        argv[argc] = NULL;
    return argc;
}

/* Returns a malloc'ed block holding the argv array, the strings and one
 * byte per argument telling whether it held quotes (*quoted_out, may be
 * NULL), or NULL.  *argc_out receives the count. */
void **crt_split_cmdline(const void *cmd, int wide, int *argc_out,
                         const unsigned char **quoted_out)
{
    struct split sp = { .src = cmd, .w = wide };
    static const wchar empty[1];
    int argc;
    void **argv;

    if (!cmd)
        sp.src = empty;
    argc = split_all(&sp, NULL);
    argv = malloc((argc + 1) * sizeof(void *) + sp.nchars * (wide ? 2 : 1) + argc);
    if (!argv)
        return NULL;
    sp.out = argv + argc + 1;
    sp.quoted = (unsigned char *)sp.out + sp.nchars * (wide ? 2 : 1);
    sp.nchars = 0;
    split_all(&sp, argv);
    *argc_out = argc;
    if (quoted_out)
        *quoted_out = sp.quoted;
    return argv;
}
