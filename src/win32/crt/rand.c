/* rand/srand (msvcrt's documented LCG, per-thread seed) and _sleep. */
#include "crt_internal.h"

CRTAPI void srand(unsigned seed) { crt_thread_data()->rand_seed = seed; }

CRTAPI int rand(void)
{
    struct crt_thread *t = crt_thread_data();

    t->rand_seed = t->rand_seed * 214013 + 2531011;
    return (t->rand_seed >> 16) & 0x7FFF;
}

CRTAPI void _sleep(unsigned long ms) { Sleep(ms); }
