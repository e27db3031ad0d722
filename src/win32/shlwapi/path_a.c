/* The A Path* functions (path_t.h, path_combine_t.h). */
#include "shlwapi_private.h"

#define XCHAR char
#define X(s) s
#define FN(name) name##A
#define K32(name) name##A
#include "path_t.h"
#include "path_combine_t.h"
