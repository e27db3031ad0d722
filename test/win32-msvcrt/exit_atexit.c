/* exit(): atexit/_onexit handlers in reverse order, buffered output
 * flushed, exit code kept.  "abort" and "_exit" arguments test those. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void first(void) { printf("atexit first (runs last)\n"); }
static void second(void) { printf("atexit second (runs first)\n"); }
static int onexit_fn(void) { printf("_onexit handler\n"); return 0; }

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "abort")) {
        printf("buffered before abort\n");
        abort();
    }
    if (argc > 1 && !strcmp(argv[1], "_exit")) {
        atexit(first);
        printf("buffered before _exit (lost when stdout is not a console)\n");
        _exit(5);
    }
    atexit(first);
    _onexit(onexit_fn);
    atexit(second);
    printf("main done\n");
    exit(7);
}
