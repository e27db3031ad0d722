/* msvcrt.dll has no invalid parameter handler to call (Windows 10's
 * exports none): a bad argument to a _s function only fails with its
 * documented errno. */
#include "crt/crt_internal.h"

void crt_invalid_parameter(void) { }
