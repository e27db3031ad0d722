/* The _matherr protocol of the C runtime's legacy math functions (acos
 * asin cos sin tan exp log log10 pow sqrt ldexp _logb _scalb): an error is
 * described in a struct _exception and offered to the handler the program
 * installed with __setusermatherr, which may replace the result and,
 * returning nonzero, keeps errno unchanged.  The C99 functions set errno
 * only. */
#include "libm.h"

struct crt_exception {      /* struct _exception */
    int type;
    const char *name;
    double arg1;
    double arg2;
    double retval;
};

static int (*user_matherr)(struct crt_exception *);

CRTAPI void __setusermatherr(int (*handler)(struct crt_exception *))
{
    user_matherr = handler;
}

/* errno follows the type: EDOM for a domain error, ERANGE for a pole or an
 * overflow; an underflow leaves errno alone, as the UCRT does. */
/* A domain error's NaN comes from an invalid operation, as in Windows' C
 * runtime: the SSE invalid flag is raised (_statusfp shows _SW_INVALID;
 * unmasked, it traps). */
static void raise_invalid(void)
{
    volatile double zero = 0.0;

    zero = zero / zero;
}

double crt_math_error(int type, const char *name, double a1, double a2, double ret)
{
    struct crt_exception e = { type, name, a1, a2, ret };

    if (type == MATH_DOMAIN)
        raise_invalid();
    if (name && user_matherr && user_matherr(&e))
        return e.retval;
    if (type == MATH_DOMAIN)
        crt_set_errno(EDOM);
    else if (type == MATH_SING || type == MATH_OVERFLOW)
        crt_set_errno(ERANGE);
    return e.retval;
}
