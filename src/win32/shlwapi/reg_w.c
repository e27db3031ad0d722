/* The W SH* registry helpers (reg_t.h). */
#include "shlwapi_private.h"
#include "reg_us.h"

#define XCHAR WCHAR
#define X(s) L##s
#define FN(name) name##W
#define K32(name) name##W
#include "reg_t.h"
