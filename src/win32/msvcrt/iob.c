/* msvcrt's names for the stream table. */
#include "crt/crt_internal.h"

CRTAPI FILE *__iob_func(void) { return _iob; }
CRTAPI FILE *__p__iob(void) { return _iob; }
