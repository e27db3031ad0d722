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

/* rand_s: a number from the processor's random number generator (RDRAND,
 * retried as Intel advises); EINVAL for no destination. */
CRTAPI int rand_s(unsigned *out)
{
    unsigned a, b, c, d;

    if (!out) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    __asm__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    for (int i = 0; (c >> 30 & 1) && i < 10; i++) {
        unsigned char ok;
        __asm__ volatile("rdrand %0; setc %1" : "=r"(a), "=qm"(ok));
        if (ok) {
            *out = a;
            return 0;
        }
    }
    *out = 0;
    crt_set_errno(ENOMEM);
    return ENOMEM;
}
