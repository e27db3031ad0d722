/* The CRT's numbered global locks (_lock/_unlock), which mingw's startup
 * code uses around _onexit, plus per-FILE locks. */
#include "crt_internal.h"

static CRITICAL_SECTION locks[LOCK_COUNT];

int crt_iob_index(FILE *f)
{
    unsigned long long off = (char *)f - (char *)crt_iob(0);
    unsigned long long stride = (char *)crt_iob(1) - (char *)crt_iob(0);

    return off % stride || off / stride >= IOB_COUNT ? -1 : (int)(off / stride);
}

#ifdef CRT_UCRT
static CRITICAL_SECTION *stream_cs(FILE *f) { return &((struct crt_stream *)f)->lock; }
long long *crt_stream_bufpos(FILE *f) { return &((struct crt_stream *)f)->bufpos; }
#else
/* msvcrt's _iob entries are bare FILEs: their lock and buffer offset live
 * here; every other stream is a crt_stream. */
static CRITICAL_SECTION iob_locks[IOB_COUNT];
static long long iob_bufpos[IOB_COUNT];

static CRITICAL_SECTION *stream_cs(FILE *f)
{
    int i = crt_iob_index(f);

    return i >= 0 ? &iob_locks[i] : &((struct crt_stream *)f)->lock;
}

/* Raw file offset of the start of the stream's read buffer (text-mode
 * ftell replays the buffer from there). */
long long *crt_stream_bufpos(FILE *f)
{
    int i = crt_iob_index(f);

    return i >= 0 ? &iob_bufpos[i] : &((struct crt_stream *)f)->bufpos;
}
#endif

void crt_lock_init(void)
{
    for (int i = 0; i < LOCK_COUNT; i++)
        InitializeCriticalSection(&locks[i]);
    for (int i = 0; i < IOB_COUNT; i++)
        InitializeCriticalSection(stream_cs(crt_iob(i)));
}

CRTAPI void _lock(int n)
{
    if (n >= 0 && n < LOCK_COUNT)
        EnterCriticalSection(&locks[n]);
}

CRTAPI void _unlock(int n)
{
    if (n >= 0 && n < LOCK_COUNT)
        LeaveCriticalSection(&locks[n]);
}

void crt_lock_file(FILE *f) { EnterCriticalSection(stream_cs(f)); }
void crt_unlock_file(FILE *f) { LeaveCriticalSection(stream_cs(f)); }
CRTAPI void _lock_file(FILE *f) { crt_lock_file(f); }
CRTAPI void _unlock_file(FILE *f) { crt_unlock_file(f); }

/* Streams 0..IOB_COUNT-1 are the standard ones; the rest are allocated on
 * demand and recorded here so _flushall/_fcloseall can find them.  At
 * most max_streams exist together (_setmaxstdio: 512 at first, as in the
 * CRT, up to 2048). */
static FILE *extra[STREAM_MAX - IOB_COUNT];
static int max_streams = 512;

CRTAPI int _getmaxstdio(void) { return max_streams; }

CRTAPI int _setmaxstdio(int n)
{
    if (n < IOB_COUNT || n > STREAM_MAX) {
        crt_set_errno(EINVAL);
        return -1;
    }
    _lock(LOCK_IOB);
    max_streams = n;
    _unlock(LOCK_IOB);
    return n;
}

FILE *crt_stream_alloc(void)
{
    FILE *f = NULL;

    _lock(LOCK_IOB);
    for (int i = 3; i < IOB_COUNT && !f; i++)
        if (!(crt_iob(i)->_flag & _IOINUSE))
            f = crt_iob(i);
    for (int i = 0; i < max_streams - IOB_COUNT && !f; i++) {
        if (extra[i] && !(extra[i]->_flag & _IOINUSE)) {
            f = extra[i];
        } else if (!extra[i]) {
            struct crt_stream *x = calloc(1, sizeof(*x));
            if (!x)
                break;
            InitializeCriticalSection(&x->lock);
            extra[i] = f = &x->f;
        }
    }
    if (f) {
        memset(f, 0, sizeof(*f));
        f->_flag = _IOINUSE;
        f->_file = -1;
    }
    _unlock(LOCK_IOB);
    return f;
}

void crt_stream_release(FILE *f)
{
    _lock(LOCK_IOB);
    f->_flag = 0;
    f->_file = -1;
    _unlock(LOCK_IOB);
}

/* Calls fn on every stream in use; returns the sum of what fn returned
 * (1 a stream: how many there were). */
int crt_stream_foreach(int (*fn)(FILE *))
{
    int n = 0;

    _lock(LOCK_IOB);
    for (int i = 0; i < IOB_COUNT; i++)
        if (crt_iob(i)->_flag & _IOINUSE)
            n += fn(crt_iob(i));
    for (int i = 0; i < STREAM_MAX - IOB_COUNT; i++)
        if (extra[i] && (extra[i]->_flag & _IOINUSE))
            n += fn(extra[i]);
    _unlock(LOCK_IOB);
    return n;
}
