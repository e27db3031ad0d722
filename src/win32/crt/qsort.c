/* qsort (quicksort, median of three, recursing into the smaller half so
 * the stack stays O(log n); insertion sort for short runs), bsearch,
 * _lfind and _lsearch. */
#include "crt.h"

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion(char *base, size_t n, size_t size, cmp_fn cmp)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
            swap(base + (j - 1) * size, base + j * size, size);
}

/* Partitions around the median of first, middle and last; returns the
 * pivot's final index. */
static size_t partition(char *base, size_t n, size_t size, cmp_fn cmp)
{
    char *lo = base, *mid = base + n / 2 * size, *hi = base + (n - 1) * size;
    size_t store = 0;

    if (cmp(mid, lo) < 0) swap(mid, lo, size);
    if (cmp(hi, lo) < 0) swap(hi, lo, size);
    if (cmp(hi, mid) < 0) swap(hi, mid, size);
    swap(mid, hi, size);    /* pivot to the end */
    for (size_t i = 0; i < n - 1; i++)
        if (cmp(base + i * size, hi) < 0)
            swap(base + i * size, base + store++ * size, size);
    swap(base + store * size, hi, size);
    return store;
}

CRTAPI void qsort(void *b, size_t n, size_t size, cmp_fn cmp)
{
    char *base = b;

    while (n > 8) {
        size_t p = partition(base, n, size, cmp);
        if (p < n - p - 1) {
            qsort(base, p, size, cmp);
            base += (p + 1) * size;
            n -= p + 1;
        } else {
            qsort(base + (p + 1) * size, n - p - 1, size, cmp);
            n = p;
        }
    }
    insertion(base, n, size, cmp);
}

CRTAPI void *bsearch(const void *key, const void *b, size_t n, size_t size,
                     cmp_fn cmp)
{
    const char *base = b;

    while (n) {
        const char *mid = base + n / 2 * size;
        int c = cmp(key, mid);
        if (!c)
            return (void *)mid;
        if (c > 0) {
            base = mid + size;
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}

CRTAPI void *_lfind(const void *key, const void *b, unsigned *n, unsigned size,
                    cmp_fn cmp)
{
    for (unsigned i = 0; i < *n; i++)
        if (!cmp(key, (const char *)b + i * size))
            return (char *)b + i * size;
    return NULL;
}

CRTAPI void *_lsearch(const void *key, void *b, unsigned *n, unsigned size,
                      cmp_fn cmp)
{
    void *p = _lfind(key, b, n, size, cmp);

    if (p)
        return p;
    p = (char *)b + (*n)++ * size;
    memcpy(p, key, size);
    return p;
}
