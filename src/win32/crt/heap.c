/* malloc and friends over the process heap (HeapAlloc), as msvcrt does. */
#include "crt_internal.h"

static HANDLE heap(void) { return GetProcessHeap(); }

CRTDATA HANDLE _crtheap;
CRTAPI HANDLE _get_heap_handle(void) { return heap(); }

static int new_mode;
CRTAPI int _callnewh(size_t n);

/* Sizes past _HEAP_MAXREQ fail at once; with the new mode set, a failure
 * asks the new handler and tries again while it says so. */
CRTAPI void *malloc(size_t n)
{
    void *p;

    if (n > (size_t)-1 - 31) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    while (!(p = HeapAlloc(heap(), 0, n ? n : 1)))
        if (!new_mode || !_callnewh(n)) {
            crt_set_errno(ENOMEM);
            return NULL;
        }
    return p;
}

CRTAPI void *calloc(size_t n, size_t size)
{
    void *p;

    if (size && n > (size_t)-1 / size) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    n *= size;
    p = HeapAlloc(heap(), HEAP_ZERO_MEMORY, n ? n : 1);
    if (!p)
        crt_set_errno(ENOMEM);
    return p;
}

CRTAPI void free(void *p)
{
    if (p)
        HeapFree(heap(), 0, p);
}

/* realloc(p, 0) frees and returns NULL, as the msvcrt documentation says. */
CRTAPI void *realloc(void *p, size_t n)
{
    void *q;

    if (!p)
        return malloc(n);
    if (!n) {
        free(p);
        return NULL;
    }
    q = HeapReAlloc(heap(), 0, p, n);
    if (!q)
        crt_set_errno(ENOMEM);
    return q;
}

CRTAPI size_t _msize(void *p)
{
    if (!p) {
        crt_set_errno(EINVAL);
        return (size_t)-1;
    }
    return HeapSize(heap(), 0, p);
}

/* _expand may only grow or shrink in place. */
CRTAPI void *_expand(void *p, size_t n)
{
    return HeapReAlloc(heap(), 0x10 /* HEAP_REALLOC_IN_PLACE_ONLY */, p,
                       n ? n : 1);
}

CRTAPI void *_recalloc(void *p, size_t n, size_t size)
{
    size_t old = p ? HeapSize(heap(), 0, p) : 0, total;
    char *q;

    if (size && n > (size_t)-1 / size) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    total = n * size;
    q = realloc(p, total);
    if (q && total > old)
        memset(q + old, 0, total - old);
    return q;
}

/* Aligned blocks: the original pointer is stored just below the block.
 * The alignment must be 0 or a power of two ((a & (a - 1)) == 0, the
 * runtimes' own test); below a pointer's size it is a pointer's size. */
static uintptr_t *slot_of(void *p)
{
    return (uintptr_t *)((uintptr_t)p & ~(sizeof(void *) - 1)) - 1;
}

CRTAPI void *_aligned_offset_malloc(size_t n, size_t align, size_t off)
{
    uintptr_t raw, p;

    if ((align & (align - 1)) || (off && off >= n)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return NULL;
    }
    if (align < sizeof(void *))
        align = sizeof(void *);
    if (n > (size_t)-1 - align - sizeof(void *)) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    raw = (uintptr_t)malloc(n + align + sizeof(void *));
    if (!raw)
        return NULL;
    p = ((raw + sizeof(void *) + off + align - 1) & ~(align - 1)) - off;
    *slot_of((void *)p) = raw;
    return (void *)p;
}

CRTAPI void *_aligned_malloc(size_t n, size_t align)
{
    return _aligned_offset_malloc(n, align, 0);
}

CRTAPI void _aligned_free(void *p)
{
    if (p)
        free((void *)*slot_of(p));
}

/* The bytes usable from p to the end of its block. */
CRTAPI size_t _aligned_msize(void *p, size_t align, size_t off)
{
    uintptr_t raw;

    if (!p) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return (size_t)-1;
    }
    raw = *slot_of(p);
    return HeapSize(heap(), 0, (void *)raw) - ((uintptr_t)p - raw);
}

CRTAPI void *_aligned_offset_realloc(void *p, size_t n, size_t align, size_t off)
{
    void *q;
    size_t old;

    if (!p)
        return _aligned_offset_malloc(n, align, off);
    if (!n) {
        _aligned_free(p);
        return NULL;
    }
    q = _aligned_offset_malloc(n, align, off);
    if (!q)
        return NULL;
    old = _aligned_msize(p, align, off);
    memcpy(q, p, old < n ? old : n);
    _aligned_free(p);
    return q;
}

CRTAPI void *_aligned_realloc(void *p, size_t n, size_t align)
{
    return _aligned_offset_realloc(p, n, align, 0);
}

/* As realloc, the new bytes zeroed. */
CRTAPI void *_aligned_offset_recalloc(void *p, size_t count, size_t size,
                                      size_t align, size_t off)
{
    size_t old = p ? _aligned_msize(p, align, off) : 0, n;
    char *q;

    if (size && count > (size_t)-1 / size) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    n = count * size;
    q = _aligned_offset_realloc(p, n, align, off);
    if (q && n > old)
        memset(q + old, 0, n - old);
    return q;
}

CRTAPI void *_aligned_recalloc(void *p, size_t count, size_t size, size_t align)
{
    return _aligned_offset_recalloc(p, count, size, align, 0);
}

/* ---- the new handler: what malloc calls before failing when the new
 * mode is 1 (_set_new_mode), and C++'s operator new always ---- */
typedef int (*new_handler_fn)(size_t);
static new_handler_fn new_handler;

CRTAPI new_handler_fn _set_new_handler(new_handler_fn h)
{
    return __atomic_exchange_n(&new_handler, h, __ATOMIC_SEQ_CST);
}

CRTAPI new_handler_fn _query_new_handler(void)
{
    return __atomic_load_n(&new_handler, __ATOMIC_SEQ_CST);
}

/* 1 when the handler freed something worth another try. */
CRTAPI int _callnewh(size_t n)
{
    new_handler_fn h = _query_new_handler();

    return h && h(n);
}

CRTAPI int _set_new_mode(int mode)
{
    int old;

    if (mode != 0 && mode != 1) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    old = new_mode;
    new_mode = mode;
    return old;
}

CRTAPI int _query_new_mode(void) { return new_mode; }

CRTAPI int _heapchk(void) { return -2; /* _HEAPOK */ }
CRTAPI int _heapmin(void) { return 0; }
