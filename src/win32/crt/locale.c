/* The program's locale and locale objects: setlocale and _wsetlocale (the
 * names locale_resolve.c knows, one category or all, and the composite
 * "LC_COLLATE=...;LC_CTYPE=...;..." strings setlocale(LC_ALL) answers),
 * localeconv, the exported code page and handle data, _create_locale and
 * friends.  A category's data come from locale_data.c. */
#include "crt_locale.h"

static const char *const category_names[CRT_LC_MAX + 1] = {
    "LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME",
};

CRTDATA unsigned int __lc_codepage;
CRTDATA unsigned int __lc_collate_cp;
CRTDATA unsigned long __lc_handle[6];
extern unsigned short *_pctype;     /* ctype.c */
extern int __mb_cur_max;

static struct crt_locinfo global;
static int global_ready;
static wchar wanswer[sizeof(global.wall) / sizeof(wchar)];     /* _wsetlocale's */
static wchar *lc_names[6];          /* ___lc_locale_name_func's */

/* setlocale(LC_ALL)'s answer: the name all categories share, else each. */
static void name_all(struct crt_locinfo *li)
{
    size_t at = 0;
    int same = 1;

    for (int c = 2; c <= CRT_LC_MAX; c++)
        same &= !strcmp(li->cat[c].name, li->cat[1].name);
    if (same) {
        memcpy(li->all, li->cat[1].name, strlen(li->cat[1].name) + 1);
    } else {
        for (int c = 1; c <= CRT_LC_MAX; c++) {
            size_t n = strlen(category_names[c]), v = strlen(li->cat[c].name);

            memcpy(li->all + at, category_names[c], n);
            li->all[at + n] = '=';
            memcpy(li->all + at + n + 1, li->cat[c].name, v);
            at += n + 1 + v;
            li->all[at++] = c < CRT_LC_MAX ? ';' : 0;
        }
    }
    for (at = 0; li->all[at]; at++)
        li->wall[at] = (unsigned char)li->all[at];
    li->wall[at] = 0;
}

/* Everything that follows from the categories' locales. */
static void fill(struct crt_locinfo *li)
{
    name_all(li);
    crt_locale_fill_conv(li);
    crt_locale_fill_ctype(li);
}

static void init_c(struct crt_locinfo *li)
{
    memset(li, 0, sizeof(*li));
    for (int c = 1; c <= CRT_LC_MAX; c++)
        li->cat[c].name[0] = 'C';
    fill(li);
}

/* _l conversions running (on any thread) and whether one ever ran: only
 * then do mbcs.c's conversions look for a thread's own LC_CTYPE. */
static volatile long l_running;
static int l_used;

/* The LC_CTYPE of a conversion on this thread: the locale a running _l
 * conversion names, else the program's. */
static const struct crt_locinfo *conversion_locale(void)
{
    const struct crt_locinfo *li;

    if (l_running && (li = crt_thread_data()->ctype_locale))
        return li;
    return &global;
}

/* mbcs.c's conversions in that locale's code page ("C": byte = unit). */
static int global_decode(const char *s, size_t n, wchar *wc, int lenient)
{
    const struct crt_locinfo *li = conversion_locale();

    if (li->cat[2].cp)
        return crt_cp_decode(li, s, n, wc, lenient);
    *wc = (unsigned char)*s;
    return *s ? 1 : 0;
}
static int global_encode(char *dst, wchar wc)
{
    const struct crt_locinfo *li = conversion_locale();

    return li->cat[2].cp ? crt_cp_encode(li, dst, wc) : crt_wide_to_narrow(dst, wc);
}
static int global_is_c(void) { return !conversion_locale()->cat[2].cp; }
static int global_collate(const void *a, int na, const void *b, int nb, int wide, int icase)
{
    return crt_locale_collate(&global, a, na, b, nb, wide, icase);
}
static size_t global_transform(void *dst, const void *src, size_t n, int wide)
{
    return crt_locale_transform(&global, dst, src, n, wide);
}

/* The exported copies of the program's locale data. */
static void publish(void)
{
    __lc_codepage = global.cat[2].cp;
    __lc_collate_cp = global.cat[1].cp;
    for (int c = 1; c <= CRT_LC_MAX; c++) {
        __lc_handle[c] = global.cat[c].lcid;
        lc_names[c] = global.cat[c].wname[0] ? global.cat[c].wname : NULL;
    }
    __mb_cur_max = global.pub.mb_cur_max;
    _pctype = global.ctype + 1;
    crt_decimal_point = global.conv.decimal_point[0] ? global.conv.decimal_point[0] : '.';
    crt_mb_decode = global.cat[2].cp || l_used ? global_decode : NULL;
    crt_mb_encode = global.cat[2].cp || l_used ? global_encode : NULL;
    crt_mb_is_c = global_is_c;
    crt_upper_map = global.cat[2].cp ? global.upper : NULL;
    crt_lower_map = global.cat[2].cp ? global.lower : NULL;
    crt_collate = global.cat[1].lcid ? global_collate : NULL;
    crt_transform = global.cat[1].lcid ? global_transform : NULL;
}

static struct crt_locinfo *program_locale(void)
{
    if (!global_ready) {
        init_c(&global);
        global_ready = 1;
    }
    return &global;
}

const struct crt_locinfo *crt_current_locale(void) { return program_locale(); }


/* The part of a composite string naming category c, into out; 0 if the
 * string is not composite, -1 if it lacks c. */
static int composite_part(const char *loc, int c, char *out)
{
    size_t n = strlen(category_names[c]);

    if (strncmp(loc, "LC_", 3))
        return 0;
    for (const char *p = loc; p; p = strchr(p, ';'), p = p ? p + 1 : NULL) {
        if (!strncmp(p, category_names[c], n) && p[n] == '=') {
            const char *v = p + n + 1, *end = strchr(v, ';');
            size_t len = end ? (size_t)(end - v) : strlen(v);

            if (len >= CRT_LC_NAME_MAX)
                return -1;
            memcpy(out, v, len);
            out[len] = 0;
            return 1;
        }
    }
    return -1;
}

/* Sets category (or all of them) of li from loc; li is unchanged on failure. */
static int set_categories(struct crt_locinfo *li, int category, const char *loc)
{
    struct crt_lc_cat cats[CRT_LC_MAX + 1];
    char part[CRT_LC_NAME_MAX];
    int first = category ? category : 1, last = category ? category : CRT_LC_MAX;

    for (int c = first; c <= last; c++) {
        int composite = composite_part(loc, c, part);

        if (composite < 0)
            return -1;
        if (c > first && !composite) {
            cats[c] = cats[first];      /* one name for all: resolved once */
            continue;
        }
        if (crt_locale_resolve(composite ? part : loc, &cats[c]))
            return -1;
    }
    for (int c = first; c <= last; c++)
        li->cat[c] = cats[c];
    fill(li);
    return 0;
}

/* strftime's LC_TIME data, made when first asked after LC_TIME changed. */
static struct crt_time_names *time_names;
static int time_names_ready;

const struct crt_time_names *crt_current_time_names(void)
{
    struct crt_locinfo *li = program_locale();

    if (!li->cat[5].lcid)
        return NULL;
    _lock(LOCK_LOCALE);
    if (!time_names_ready) {
        free(time_names);
        time_names = crt_time_names_of(&li->cat[5]);
        time_names_ready = 1;
    }
    _unlock(LOCK_LOCALE);
    return time_names;
}

CRTAPI char *setlocale(int category, const char *loc)
{
    struct crt_locinfo *li = program_locale();
    char *r;

    if (category < 0 || category > CRT_LC_MAX) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    if (!loc)
        return category ? li->cat[category].name : li->all;
    _lock(LOCK_LOCALE);
    r = NULL;
    if (!set_categories(li, category, loc)) {
        publish();
        time_names_ready = 0;
        r = category ? li->cat[category].name : li->all;
    }
    _unlock(LOCK_LOCALE);
    return r;
}

/* The wide form: a name is ASCII (Windows' locale names and the English
 * ones are), and so is the answer. */
CRTAPI wchar *_wsetlocale(int category, const wchar *loc)
{
    char name[sizeof(global.all)], *r;
    size_t i = 0;

    if (loc) {
        for (; loc[i] && i < sizeof(name) - 1; i++) {
            if (loc[i] >= 0x80)
                return NULL;
            name[i] = (char)loc[i];
        }
        if (loc[i])
            return NULL;
        name[i] = 0;
    }
    if (!(r = setlocale(category, loc ? name : NULL)))
        return NULL;
    for (i = 0; r[i] && i < sizeof(wanswer) / sizeof(wchar) - 1; i++)
        wanswer[i] = (unsigned char)r[i];
    wanswer[i] = 0;
    return wanswer;
}

CRTAPI struct crt_lconv *localeconv(void) { return &program_locale()->conv; }
CRTAPI unsigned int ___lc_codepage_func(void) { return __lc_codepage; }
CRTAPI unsigned int ___lc_collate_cp_func(void) { return __lc_collate_cp; }
CRTAPI unsigned long *___lc_handle_func(void) { return __lc_handle; }
CRTAPI int __lconv_init(void) { return 0; }
/* The categories' Windows locale names; NULL for the "C" locale. */
CRTAPI wchar **___lc_locale_name_func(void) { return lc_names; }

/* ---- locale objects (_locale_t) ---- */

struct locale_object {
    struct crt_locinfo *locinfo;
    void *mbcinfo;
};
static unsigned char c_mbcinfo[0x200];

static struct locale_object *new_object(const struct crt_locinfo *from)
{
    struct locale_object *l = malloc(sizeof(*l));
    struct crt_locinfo *li = malloc(sizeof(*li));

    if (!l || !li) {
        free(l);
        free(li);
        crt_set_errno(ENOMEM);
        return NULL;
    }
    if (from) {
        *li = *from;
        fill(li);       /* its pointers into itself */
    } else {
        init_c(li);
    }
    li->refcount = 1;
    l->locinfo = li;
    l->mbcinfo = c_mbcinfo;
    return l;
}

CRTAPI struct locale_object *_create_locale(int category, const char *name)
{
    struct locale_object *l;

    if (category < 0 || category > CRT_LC_MAX || !name) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    if (!(l = new_object(NULL)))
        return NULL;
    if (set_categories(l->locinfo, category, name)) {
        free(l->locinfo);
        free(l);
        return NULL;
    }
    return l;
}

CRTAPI struct locale_object *_wcreate_locale(int category, const wchar *name)
{
    char n[CRT_LC_NAME_MAX];
    size_t i;

    if (!name)
        return _create_locale(category, NULL);
    for (i = 0; i < sizeof(n) - 1 && name[i] && name[i] < 0x80; i++)
        n[i] = (char)name[i];
    if (name[i])
        return NULL;
    n[i] = 0;
    return _create_locale(category, n);
}

CRTAPI struct locale_object *_get_current_locale(void)
{
    return new_object(program_locale());
}

CRTAPI void _free_locale(struct locale_object *l)
{
    if (!l)
        return;
    free(l->locinfo);
    free(l);
}

/* Per-thread locales (_ENABLE_PER_THREAD_LOCALE 1, _DISABLE 2): the
 * choice is remembered; every thread shares the program's locale. */
CRTAPI int _configthreadlocale(int type)
{
    struct crt_thread *t = crt_thread_data();
    int old = t->per_thread_locale ? 1 : 2;

    if (type == 1 || type == 2)
        t->per_thread_locale = type == 1;
    else if (type == -1)
        t->per_thread_locale = 0;
    else if (type != 0) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    return old;
}

/* A _l conversion's locale for this thread while it runs (crt_locale.h). */
const struct crt_locinfo *crt_conversion_enter(struct locale_object *l)
{
    struct crt_thread *t = crt_thread_data();
    const struct crt_locinfo *saved = t->ctype_locale;

    if (!l)
        return saved;
    if (!l_used) {
        _lock(LOCK_LOCALE);
        l_used = 1;
        program_locale();
        publish();
        _unlock(LOCK_LOCALE);
    }
    __sync_fetch_and_add(&l_running, 1);
    t->ctype_locale = l->locinfo;
    return saved;
}

void crt_conversion_leave(struct locale_object *l, const struct crt_locinfo *saved)
{
    if (!l)
        return;
    crt_thread_data()->ctype_locale = saved;
    __sync_fetch_and_sub(&l_running, 1);
}

CRTAPI int ___mb_cur_max_l_func(struct locale_object *l)
{
    return l ? l->locinfo->pub.mb_cur_max : program_locale()->pub.mb_cur_max;
}
CRTAPI void _lock_locales(void) { _lock(LOCK_LOCALE); }
CRTAPI void _unlock_locales(void) { _unlock(LOCK_LOCALE); }

/* wctype("alpha") and friends: the class masks iswctype takes. */
CRTAPI unsigned short wctype(const char *name)
{
    static const struct { const char *n; unsigned short m; } classes[] = {
        {"alnum", 0x107}, {"alpha", 0x103}, {"blank", 0x40}, {"cntrl", 0x20},
        {"digit", 0x04}, {"graph", 0x117}, {"lower", 0x02}, {"print", 0x157},
        {"punct", 0x10}, {"space", 0x08}, {"upper", 0x01}, {"xdigit", 0x80},
    };

    for (size_t i = 0; name && i < sizeof(classes) / sizeof(classes[0]); i++)
        if (!strcmp(name, classes[i].n))
            return classes[i].m;
    return 0;
}
