/* Per-thread CRT state (errno, strtok position, rand seed...), kept in a
 * TLS slot and allocated on first use so threads the CRT never sees cost
 * nothing. */
#include "crt_internal.h"

static DWORD tls_index = TLS_OUT_OF_INDEXES;
/* Used when TLS or the heap fails: better shared than crashing. */
static struct crt_thread fallback = { .rand_seed = 1 };

struct crt_thread *crt_thread_data(void)
{
    struct crt_thread *t;
    DWORD saved;

    if (tls_index == TLS_OUT_OF_INDEXES) {
        DWORD mine = TlsAlloc();

        if (mine == TLS_OUT_OF_INDEXES)
            return &fallback;
        /* two threads may race here: the first index wins */
        if (!__sync_bool_compare_and_swap(&tls_index, TLS_OUT_OF_INDEXES, mine))
            TlsFree(mine);
    }
    /* TlsGetValue clears the last error; callers may still need it. */
    saved = GetLastError();
    t = TlsGetValue(tls_index);
    if (!t) {
        t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t));
        if (!t) {
            SetLastError(saved);
            return &fallback;
        }
        t->rand_seed = 1;
        TlsSetValue(tls_index, t);
    }
    SetLastError(saved);
    return t;
}

void crt_thread_detach(void)
{
    struct crt_thread *t;

    if (tls_index == TLS_OUT_OF_INDEXES)
        return;
    t = TlsGetValue(tls_index);
    if (t) {
        TlsSetValue(tls_index, NULL);
        HeapFree(GetProcessHeap(), 0, t);
    }
}
