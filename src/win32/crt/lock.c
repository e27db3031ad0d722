/* The CRT's numbered global locks (_lock/_unlock), which mingw's startup
 * code uses around _onexit, plus per-FILE locks. */
#include "crt_internal.h"

static CRITICAL_SECTION locks[LOCK_COUNT];
static CRITICAL_SECTION iob_locks[IOB_COUNT];

/* Streams beyond _iob live in a larger block that carries their lock. */
struct stream_ext {
    FILE f;
    CRITICAL_SECTION cs;
    long long bufpos;
};
static long long iob_bufpos[IOB_COUNT];

/* Raw file offset of the start of the stream's read buffer (text-mode
 * ftell replays the buffer from there). */
long long *crt_stream_bufpos(FILE *f)
{
    if (f >= _iob && f < _iob + IOB_COUNT)
        return &iob_bufpos[f - _iob];
    return &((struct stream_ext *)f)->bufpos;
}

void crt_lock_init(void)
{
    for (int i = 0; i < LOCK_COUNT; i++)
        InitializeCriticalSection(&locks[i]);
    for (int i = 0; i < IOB_COUNT; i++)
        InitializeCriticalSection(&iob_locks[i]);
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

static CRITICAL_SECTION *file_cs(FILE *f)
{
    if (f >= _iob && f < _iob + IOB_COUNT)
        return &iob_locks[f - _iob];
    return &((struct stream_ext *)f)->cs;
}

void crt_lock_file(FILE *f) { EnterCriticalSection(file_cs(f)); }
void crt_unlock_file(FILE *f) { LeaveCriticalSection(file_cs(f)); }
CRTAPI void _lock_file(FILE *f) { crt_lock_file(f); }
CRTAPI void _unlock_file(FILE *f) { crt_unlock_file(f); }

/* Streams 0..IOB_COUNT-1 are _iob itself; the rest are allocated on
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
        if (!(_iob[i]._flag & _IOINUSE))
            f = &_iob[i];
    for (int i = 0; i < max_streams - IOB_COUNT && !f; i++) {
        if (extra[i] && !(extra[i]->_flag & _IOINUSE)) {
            f = extra[i];
        } else if (!extra[i]) {
            struct stream_ext *x = calloc(1, sizeof(*x));
            if (!x)
                break;
            InitializeCriticalSection(&x->cs);
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

/* Calls fn on every stream in use; returns how many there were. */
int crt_stream_foreach(int (*fn)(FILE *))
{
    int n = 0;

    _lock(LOCK_IOB);
    for (int i = 0; i < IOB_COUNT; i++)
        if (_iob[i]._flag & _IOINUSE) {
            fn(&_iob[i]);
            n++;
        }
    for (int i = 0; i < STREAM_MAX - IOB_COUNT; i++)
        if (extra[i] && (extra[i]->_flag & _IOINUSE)) {
            fn(extra[i]);
            n++;
        }
    _unlock(LOCK_IOB);
    return n;
}
