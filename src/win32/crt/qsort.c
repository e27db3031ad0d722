/* qsort (quicksort, median of three, recursing into the smaller half so
 * the stack stays O(log n); insertion sort for short runs), bsearch,
 * _lfind and _lsearch, and their _s forms, whose comparison function
 * takes a context pointer first. */
#include "crt.h"

typedef int (*cmp_fn)(const void *, const void *);
typedef int (*cmp_s_fn)(void *, const void *, const void *);

/* One comparison for both forms. */
struct cmp {
    cmp_fn plain;
    cmp_s_fn with_ctx;
    void *ctx;
};

static int compare(const struct cmp *c, const void *a, const void *b)
{
    return c->plain ? c->plain(a, b) : c->with_ctx(c->ctx, a, b);
}

static void swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion(char *base, size_t n, size_t size, const struct cmp *c)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && compare(c, base + (j - 1) * size, base + j * size) > 0; j--)
            swap(base + (j - 1) * size, base + j * size, size);
}

/* Partitions around the median of first, middle and last; returns the
 * pivot's final index. */
static size_t partition(char *base, size_t n, size_t size, const struct cmp *c)
{
    char *lo = base, *mid = base + n / 2 * size, *hi = base + (n - 1) * size;
    size_t store = 0;

    if (compare(c, mid, lo) < 0) swap(mid, lo, size);
    if (compare(c, hi, lo) < 0) swap(hi, lo, size);
    if (compare(c, hi, mid) < 0) swap(hi, mid, size);
    swap(mid, hi, size);    /* pivot to the end */
    for (size_t i = 0; i < n - 1; i++)
        if (compare(c, base + i * size, hi) < 0)
            swap(base + i * size, base + store++ * size, size);
    swap(base + store * size, hi, size);
    return store;
}

static void sort(char *base, size_t n, size_t size, const struct cmp *c)
{
    while (n > 8) {
        size_t p = partition(base, n, size, c);
        if (p < n - p - 1) {
            sort(base, p, size, c);
            base += (p + 1) * size;
            n -= p + 1;
        } else {
            sort(base + (p + 1) * size, n - p - 1, size, c);
            n = p;
        }
    }
    insertion(base, n, size, c);
}

static int bad_args(const void *base, size_t n, size_t size, const void *fn)
{
    if ((!base && n) || (n && !size) || !fn) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return 1;
    }
    return 0;
}

CRTAPI void qsort(void *b, size_t n, size_t size, cmp_fn fn)
{
    struct cmp c = { fn, NULL, NULL };

    if (!bad_args(b, n, size, fn))
        sort(b, n, size, &c);
}

CRTAPI void qsort_s(void *b, size_t n, size_t size, cmp_s_fn fn, void *ctx)
{
    struct cmp c = { NULL, fn, ctx };

    if (!bad_args(b, n, size, fn))
        sort(b, n, size, &c);
}

static void *search(const void *key, const char *base, size_t n, size_t size,
                    const struct cmp *c)
{
    while (n) {
        const char *mid = base + n / 2 * size;
        int r = compare(c, key, mid);
        if (!r)
            return (void *)mid;
        if (r > 0) {
            base = mid + size;
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}

CRTAPI void *bsearch(const void *key, const void *b, size_t n, size_t size,
                     cmp_fn fn)
{
    struct cmp c = { fn, NULL, NULL };

    return bad_args(b, n, size, fn) || !key ? NULL : search(key, b, n, size, &c);
}

CRTAPI void *bsearch_s(const void *key, const void *b, size_t n, size_t size,
                       cmp_s_fn fn, void *ctx)
{
    struct cmp c = { NULL, fn, ctx };

    return bad_args(b, n, size, fn) || !key ? NULL : search(key, b, n, size, &c);
}

/* A NULL key, base, count or function, or a zero width, is an invalid
 * parameter (NULL, EINVAL), as documented for _lfind and _lsearch. */
static int bad_search(const void *key, const void *b, unsigned *n, size_t size,
                      const struct cmp *c)
{
    if (key && b && n && size && (c->plain || c->with_ctx))
        return 0;
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return 1;
}

static void *find(const void *key, const char *b, unsigned *n, size_t size,
                  const struct cmp *c)
{
    if (bad_search(key, b, n, size, c))
        return NULL;
    for (unsigned i = 0; i < *n; i++)
        if (!compare(c, key, b + i * size))
            return (char *)b + i * size;
    return NULL;
}

CRTAPI void *_lfind(const void *key, const void *b, unsigned *n, unsigned size,
                    cmp_fn fn)
{
    struct cmp c = { fn, NULL, NULL };

    return find(key, b, n, size, &c);
}

CRTAPI void *_lfind_s(const void *key, const void *b, unsigned *n, size_t size,
                      cmp_s_fn fn, void *ctx)
{
    struct cmp c = { NULL, fn, ctx };

    return find(key, b, n, size, &c);
}

static void *add(const void *key, void *b, unsigned *n, size_t size,
                 const struct cmp *c)
{
    void *p;

    if (bad_search(key, b, n, size, c))
        return NULL;
    if ((p = find(key, b, n, size, c)))
        return p;
    p = (char *)b + (*n)++ * size;
    memcpy(p, key, size);
    return p;
}

CRTAPI void *_lsearch(const void *key, void *b, unsigned *n, unsigned size,
                      cmp_fn fn)
{
    struct cmp c = { fn, NULL, NULL };

    return add(key, b, n, size, &c);
}

CRTAPI void *_lsearch_s(const void *key, void *b, unsigned *n, size_t size,
                        cmp_s_fn fn, void *ctx)
{
    struct cmp c = { NULL, fn, ctx };

    return add(key, b, n, size, &c);
}
