/* The A Str* functions (str_t.h).  Characters are passed as WORDs to
 * the A functions that take one (their documented prototypes). */
#include "shlwapi_private.h"

#define XCHAR char
#define XCHAR_ARG WORD
#define X(s) s
#define FN(name) name##A
#define SH_COPY SHAnsiToAnsi
#define K32(name) name##A
#include "str_t.h"
