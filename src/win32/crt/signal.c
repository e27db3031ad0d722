/* signal/raise, the console handler that turns Ctrl-C and Ctrl-Break
 * into SIGINT and SIGBREAK, and the exception filter that turns a hardware
 * exception into SIGSEGV, SIGILL or SIGFPE for a program that installed
 * a handler (crt_signal_filter). */
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

#define CTRL_C_EVENT 0
#define CTRL_BREAK_EVENT 1

typedef void (*sighandler_t)(int);
static sighandler_t handlers[SIGABRT + 1];
CRTAPI void **__pxcptinfoptrs(void);
K32 BOOL SetConsoleCtrlHandler(BOOL (*)(DWORD), BOOL);

static int valid(int sig)
{
    return sig == SIGINT || sig == SIGILL || sig == SIGFPE || sig == SIGSEGV ||
           sig == SIGTERM || sig == SIGBREAK || sig == SIGABRT;
}

/* SIGINT and SIGBREAK handlers run for the console's events: SIG_DFL
 * lets the next handler (in the end kernel32's default) have the event,
 * SIG_IGN takes it, a function is reset to SIG_DFL and runs. */
static BOOL on_console_event(DWORD event)
{
    int sig = event == CTRL_C_EVENT ? SIGINT : event == CTRL_BREAK_EVENT ? SIGBREAK : 0;
    sighandler_t fn;

    if (!sig || handlers[sig] == SIG_DFL)
        return 0;
    fn = handlers[sig];
    if (fn != SIG_IGN) {
        handlers[sig] = SIG_DFL;
        fn(sig);
    }
    return 1;
}

CRTAPI sighandler_t signal(int sig, sighandler_t fn)
{
    static int console_handler_set;
    sighandler_t old;

    if (!valid(sig) || fn == SIG_ERR) {
        crt_set_errno(EINVAL);
        return SIG_ERR;
    }
    if ((sig == SIGINT || sig == SIGBREAK) &&
        !__atomic_exchange_n(&console_handler_set, 1, __ATOMIC_SEQ_CST) &&
        !SetConsoleCtrlHandler(on_console_event, 1)) {
        console_handler_set = 0;
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

#define EXCEPTION_CONTINUE_EXECUTION (-1)
#define EXCEPTION_CONTINUE_SEARCH 0

/* The exceptions the C runtime turns into signals; SIGFPE's handler gets
 * the _FPE_* subcode as its second argument. */
static int signal_of(unsigned long code, int *fpe)
{
    static const struct { unsigned long code; int fpe; } fp[] = {
        {0xC000008D, 0x82}, {0xC000008E, 0x83}, {0xC000008F, 0x86},
        {0xC0000090, 0x81}, {0xC0000091, 0x84}, {0xC0000092, 0x8A},
        {0xC0000093, 0x85}, {0xC00002B4, 0x8D}, {0xC00002B5, 0x8E},
    };

    if (code == 0xC0000005)
        return SIGSEGV;
    if (code == 0xC000001D || code == 0xC0000096)
        return SIGILL;
    for (size_t i = 0; i < sizeof(fp) / sizeof(fp[0]); i++)
        if (fp[i].code == code) {
            *fpe = fp[i].fpe;
            return SIGFPE;
        }
    return 0;
}

/* The filter around main (msvcrt's _XcptFilter, the UCRT's
 * _seh_filter_exe): an exception that maps to a signal with a handler
 * runs that handler (reset to SIG_DFL first) and execution continues;
 * SIG_IGN continues at once; anything else keeps searching. */
int crt_signal_filter(unsigned long code, void *pointers)
{
    int fpe = 0, sig = signal_of(code, &fpe);
    sighandler_t fn;

    if (!sig || handlers[sig] == SIG_DFL)
        return EXCEPTION_CONTINUE_SEARCH;
    fn = handlers[sig];
    if (fn == SIG_IGN)
        return EXCEPTION_CONTINUE_EXECUTION;
    handlers[sig] = SIG_DFL;
    *__pxcptinfoptrs() = pointers;
    if (sig == SIGFPE)
        ((void (*)(int, int))fn)(sig, fpe);
    else
        fn(sig);
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* Whether abort() has a SIGABRT handler to raise (the UCRT's test). */
int crt_signal_has_handler(int sig)
{
    return valid(sig) && handlers[sig] != SIG_DFL;
}

CRTAPI void **__pxcptinfoptrs(void)
{
    static void *ptrs;
    return &ptrs;
}

/* msvcrt's name for the filter around main. */
CRTAPI int _XcptFilter(unsigned long code, void *pointers)
{
    return crt_signal_filter(code, pointers);
}
