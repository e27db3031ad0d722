/* The floating-point environment: _controlfp/_control87/_clearfp/
 * _statusfp/_fpreset and C99's fenv functions, over the SSE control and
 * status register (MXCSR, where x64 code computes) and the x87's, which
 * this library uses inside functions.  The values are the CRT's: control
 * words in _MCW_* form, exceptions as _SW_* bits (= the UCRT's FE_*),
 * rounding modes as _RC_* (= FE_TONEAREST... in the UCRT's <fenv.h>). */
#include "libm.h"

#define EM_INEXACT 0x01
#define EM_UNDERFLOW 0x02
#define EM_OVERFLOW 0x04
#define EM_ZERODIVIDE 0x08
#define EM_INVALID 0x10
#define EM_DENORMAL 0x80000
#define MCW_EM 0x8001F
#define MCW_RC 0x300
#define RC_NEAR 0x000
#define RC_DOWN 0x100
#define RC_UP 0x200
#define MCW_DN 0x3000000
#define DN_FLUSH 0x1000000
#define FE_ALL_EXCEPT 0x1F

/* CRT exception bit -> MXCSR flag bit (mask bits are these << 7). */
static const struct { unsigned crt, sse; } exc[] = {
    { EM_INEXACT, 0x20 }, { EM_UNDERFLOW, 0x10 }, { EM_OVERFLOW, 0x08 },
    { EM_ZERODIVIDE, 0x04 }, { EM_INVALID, 0x01 }, { EM_DENORMAL, 0x02 },
};

static unsigned get_mxcsr(void)
{
    unsigned v;

    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static void set_mxcsr(unsigned v)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(v));
}

/* MXCSR <-> the CRT's control word. */
static unsigned control_of(unsigned m)
{
    unsigned cw = 0;

    for (unsigned i = 0; i < sizeof(exc) / sizeof(exc[0]); i++)
        if (m & exc[i].sse << 7)
            cw |= exc[i].crt;
    cw |= (m >> 13 & 1 ? 0x100 : 0) | (m >> 14 & 1 ? 0x200 : 0);
    if (m & 0x8040)
        cw |= DN_FLUSH;
    return cw;
}

static unsigned mxcsr_with(unsigned m, unsigned cw)
{
    m &= ~(0x3F << 7 | 0x6000 | 0x8040);
    for (unsigned i = 0; i < sizeof(exc) / sizeof(exc[0]); i++)
        if (cw & exc[i].crt)
            m |= exc[i].sse << 7;
    m |= (cw & 0x100 ? 0x2000 : 0) | (cw & 0x200 ? 0x4000 : 0);
    if (cw & DN_FLUSH)
        m |= 0x8040;
    return m;
}

static unsigned status_of(unsigned m)
{
    unsigned sw = 0;

    for (unsigned i = 0; i < sizeof(exc) / sizeof(exc[0]); i++)
        if (m & exc[i].sse)
            sw |= exc[i].crt;
    return sw;
}

CRTAPI unsigned _controlfp(unsigned value, unsigned mask)
{
    unsigned m = get_mxcsr(), cw = control_of(m);

    mask &= MCW_EM | MCW_RC | MCW_DN;
    if (mask) {
        cw = (cw & ~mask) | (value & mask);
        set_mxcsr(mxcsr_with(m, cw));
    }
    return cw;
}

CRTAPI unsigned _control87(unsigned value, unsigned mask)
{
    return _controlfp(value, mask);
}

CRTAPI void _set_controlfp(unsigned value, unsigned mask)
{
    _controlfp(value, mask);
}

CRTAPI int _controlfp_s(unsigned *current, unsigned value, unsigned mask)
{
    if (mask & ~(MCW_EM | MCW_RC | MCW_DN | 0x30000 | 0x40000)) {
        if (current)
            *current = _controlfp(0, 0);
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    mask &= MCW_EM | MCW_RC | MCW_DN;
    value = _controlfp(value, mask);
    if (current)
        *current = value;
    return 0;
}

CRTAPI unsigned _statusfp(void)
{
    unsigned short x87;

    __asm__ volatile("fnstsw %0" : "=m"(x87));
    return status_of(get_mxcsr()) | status_of(x87 & 0x3F);
}

CRTAPI unsigned _clearfp(void)
{
    unsigned old = _statusfp();

    set_mxcsr(get_mxcsr() & ~0x3F);
    __asm__ volatile("fnclex");
    return old;
}

/* Back to the start-up state: all exceptions masked, to nearest. */
CRTAPI void _fpreset(void)
{
    __asm__ volatile("fninit");
    set_mxcsr(0x1F80);
}

/* ---- C99 <fenv.h> ---- */
typedef struct { unsigned long ctl, stat; } fenv_t;

CRTAPI int fegetround(void) { return (int)(_controlfp(0, 0) & MCW_RC); }

/* FLT_ROUNDS: 0 toward zero, 1 nearest, 2 upward, 3 downward. */
CRTAPI int __fpe_flt_rounds(void)
{
    switch (fegetround()) {
    case RC_NEAR: return 1;
    case RC_UP: return 2;
    case RC_DOWN: return 3;
    default: return 0;
    }
}

CRTAPI int fesetround(int mode)
{
    if (mode & ~MCW_RC)
        return 1;
    _controlfp((unsigned)mode, MCW_RC);
    return 0;
}

CRTAPI int fetestexcept(int e) { return (int)(_statusfp() & (unsigned)e & FE_ALL_EXCEPT); }

CRTAPI int feclearexcept(int e)
{
    unsigned m = get_mxcsr();

    for (unsigned i = 0; i < sizeof(exc) / sizeof(exc[0]); i++)
        if ((unsigned)e & exc[i].crt)
            m &= ~exc[i].sse;
    set_mxcsr(m);
    __asm__ volatile("fnclex");
    return 0;
}

/* Sets the flags without trapping (C99 allows it for fesetexceptflag). */
static void raise_flags(unsigned e)
{
    unsigned m = get_mxcsr();

    for (unsigned i = 0; i < sizeof(exc) / sizeof(exc[0]); i++)
        if (e & exc[i].crt)
            m |= exc[i].sse;
    set_mxcsr(m);
}

CRTAPI int feraiseexcept(int e)
{
    raise_flags((unsigned)e & FE_ALL_EXCEPT);
    return 0;
}

CRTAPI int fegetexceptflag(unsigned long *flags, int e)
{
    *flags = _statusfp() & (unsigned)e & FE_ALL_EXCEPT;
    return 0;
}

CRTAPI int fesetexceptflag(const unsigned long *flags, int e)
{
    feclearexcept(e);
    raise_flags((unsigned)(*flags & (unsigned)e & FE_ALL_EXCEPT));
    return 0;
}

CRTAPI int fegetenv(fenv_t *env)
{
    env->ctl = _controlfp(0, 0);
    env->stat = _statusfp();
    return 0;
}

CRTAPI int fesetenv(const fenv_t *env)
{
    _controlfp((unsigned)env->ctl, MCW_EM | MCW_RC | MCW_DN);
    feclearexcept(FE_ALL_EXCEPT);
    raise_flags((unsigned)env->stat & FE_ALL_EXCEPT);
    return 0;
}

CRTAPI int feholdexcept(fenv_t *env)
{
    fegetenv(env);
    _controlfp(MCW_EM, MCW_EM);
    feclearexcept(FE_ALL_EXCEPT);
    return 0;
}

CRTAPI int feupdateenv(const fenv_t *env)
{
    unsigned raised = _statusfp() & FE_ALL_EXCEPT;

    fesetenv(env);
    raise_flags(raised);
    return 0;
}
