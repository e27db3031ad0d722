/* signal/raise.  Only software signals raised through raise() reach the
 * handlers for now; hardware exceptions -> SIGSEGV/SIGFPE need the SEH
 * filter (_XcptFilter) and are a later step. */
#include "crt_internal.h"

#define SIGINT 2
#define SIGILL 4
#define SIGFPE 8
#define SIGSEGV 11
#define SIGTERM 15
#define SIGBREAK 21
#define SIGABRT 22
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

typedef void (*sighandler_t)(int);
static sighandler_t handlers[SIGABRT + 1];

static int valid(int sig)
{
    return sig == SIGINT || sig == SIGILL || sig == SIGFPE || sig == SIGSEGV ||
           sig == SIGTERM || sig == SIGBREAK || sig == SIGABRT;
}

CRTAPI sighandler_t signal(int sig, sighandler_t fn)
{
    sighandler_t old;

    if (!valid(sig) || fn == SIG_ERR) {
        crt_set_errno(EINVAL);
        return SIG_ERR;
    }
    old = handlers[sig];
    handlers[sig] = fn;
    return old;
}

/* A handler is reset to SIG_DFL before it runs, as documented. */
CRTAPI int raise(int sig)
{
    sighandler_t fn;

    if (!valid(sig)) {
        crt_set_errno(EINVAL);
        return -1;
    }
    fn = handlers[sig];
    if (fn == SIG_IGN)
        return 0;
    if (fn == SIG_DFL) {
        if (sig == SIGABRT)
            return 0;   /* abort() goes on to print and exit */
        _exit(3);
    }
    handlers[sig] = SIG_DFL;
    fn(sig);
    return 0;
}

CRTAPI void **__pxcptinfoptrs(void)
{
    static void *ptrs;
    return &ptrs;
}
