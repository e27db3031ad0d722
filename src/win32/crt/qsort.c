/* qsort (quicksort, median of three, recursing into the smaller half so
 * the stack stays O(log n); short runs by repeated maximum, the order of
 * comparisons Windows has and programs may see), bsearch,
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

/* Short runs: the largest element moves to the end, then the largest of
 * the rest, and so on (the comparisons Windows makes, in its order). */
static void max_sort(char *lo, char *hi, size_t size, const struct cmp *c)
{
    for (; hi > lo; hi -= size) {
        char *max = lo;
        for (char *p = lo + size; p <= hi; p += size)
            if (compare(c, p, max) > 0)
                max = p;
        swap(max, hi, size);
    }
}

/* Orders lo, mid and hi among themselves (median of three). */
static void order_three(char *lo, char *mid, char *hi, size_t size, const struct cmp *c)
{
    if (compare(c, lo, mid) > 0)
        swap(lo, mid, size);
    if (compare(c, lo, hi) > 0)
        swap(lo, hi, size);
    if (compare(c, mid, hi) > 0)
        swap(mid, hi, size);
}

/* Partitions [lo, hi] around *mid, which moves with the swaps: on return
 * [lo, *hi_end] holds what is not above the pivot and [*lo_start, hi]
 * what is not below it, elements equal to the pivot next to it left out. */
static void split(char *lo, char *hi, char *mid, size_t size, const struct cmp *c,
                  char **hi_end, char **lo_start)
{
    char *up = lo, *down = hi;

    for (;;) {
        if (mid > up)
            do
                up += size;
            while (up < mid && compare(c, up, mid) <= 0);
        if (mid <= up)
            do
                up += size;
            while (up <= hi && compare(c, up, mid) <= 0);
        do
            down -= size;
        while (down > mid && compare(c, down, mid) > 0);
        if (down < up)
            break;
        swap(up, down, size);
        if (mid == down)
            mid = up;
    }
    down += size;
    if (mid < down)
        do
            down -= size;
        while (down > mid && compare(c, down, mid) == 0);
    if (mid >= down)
        do
            down -= size;
        while (down > lo && compare(c, down, mid) == 0);
    *hi_end = down;
    *lo_start = up;
}

/* Quicksort down to runs of 8, the smaller side first (recursion depth
 * O(log n)). */
static void sort_range(char *lo, char *hi, size_t size, const struct cmp *c)
{
    while (hi > lo) {
        size_t n = (size_t)(hi - lo) / size + 1;
        char *mid = lo + n / 2 * size, *hi_end, *lo_start;

        if (n <= 8) {
            max_sort(lo, hi, size, c);
            return;
        }
        order_three(lo, mid, hi, size, c);
        split(lo, hi, mid, size, c, &hi_end, &lo_start);
        if (hi_end - lo >= hi - lo_start) {
            sort_range(lo_start, hi, size, c);
            hi = hi_end;
        } else {
            sort_range(lo, hi_end, size, c);
            lo = lo_start;
        }
    }
}

static void sort(char *base, size_t n, size_t size, const struct cmp *c)
{
    if (n > 1)
        sort_range(base, base + (n - 1) * size, size, c);
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
