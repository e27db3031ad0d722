/* The A SH* registry helpers (reg_t.h). */
#include "shlwapi_private.h"
#include "reg_us.h"

#define XCHAR char
#define X(s) s
#define FN(name) name##A
#define K32(name) name##A
#include "reg_t.h"
