/* msvcrt's names for the stream table. */
#include "crt/crt_internal.h"

const int crt_ucrt = 0;

CRTAPI FILE *__iob_func(void) { return _iob; }
CRTAPI FILE *__p__iob(void) { return _iob; }
