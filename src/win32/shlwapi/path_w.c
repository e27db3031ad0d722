/* The W Path* functions (path_t.h, path_combine_t.h). */
#include "shlwapi_private.h"

#define XCHAR WCHAR
#define X(s) L##s
#define FN(name) name##W
#define K32(name) name##W
#include "path_t.h"
#include "path_combine_t.h"
