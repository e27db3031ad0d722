/* malloc and friends over the process heap (HeapAlloc), as msvcrt does. */
#include "crt_internal.h"

static HANDLE heap(void) { return GetProcessHeap(); }

CRTDATA HANDLE _crtheap;
CRTAPI HANDLE _get_heap_handle(void) { return heap(); }

CRTAPI void *malloc(size_t n)
{
    void *p = HeapAlloc(heap(), 0, n ? n : 1);

    if (!p)
        crt_set_errno(ENOMEM);
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

/* Aligned blocks: the original pointer is stored just below the block. */
CRTAPI void *_aligned_offset_malloc(size_t n, size_t align, size_t off)
{
    uintptr_t raw, p;

    if (align & (align - 1)) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    if (align < sizeof(void *))
        align = sizeof(void *);
    raw = (uintptr_t)malloc(n + align + sizeof(void *));
    if (!raw)
        return NULL;
    p = ((raw + sizeof(void *) + off + align - 1) & ~(align - 1)) - off;
    ((uintptr_t *)((p & ~(sizeof(void *) - 1))))[-1] = raw;
    return (void *)p;
}

CRTAPI void *_aligned_malloc(size_t n, size_t align)
{
    return _aligned_offset_malloc(n, align, 0);
}

CRTAPI void _aligned_free(void *p)
{
    if (p)
        free((void *)((uintptr_t *)((uintptr_t)p & ~(sizeof(void *) - 1)))[-1]);
}

CRTAPI void *_aligned_realloc(void *p, size_t n, size_t align)
{
    void *q;
    uintptr_t raw;
    size_t old;

    if (!p)
        return _aligned_malloc(n, align);
    if (!n) {
        _aligned_free(p);
        return NULL;
    }
    q = _aligned_malloc(n, align);
    if (!q)
        return NULL;
    raw = ((uintptr_t *)((uintptr_t)p & ~(sizeof(void *) - 1)))[-1];
    old = HeapSize(heap(), 0, (void *)raw) - ((uintptr_t)p - raw);
    memcpy(q, p, old < n ? old : n);
    _aligned_free(p);
    return q;
}

CRTAPI int _heapchk(void) { return -2; /* _HEAPOK */ }
CRTAPI int _heapmin(void) { return 0; }
