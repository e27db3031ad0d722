/* The char string functions (str_tmpl.h). */
#define CRT_WIDE 0
#include "str_tmpl.h"
#include "path_tmpl.h"

/* An old name msvcrt keeps. */
CRTAPI int _strcmpi(const char *a, const char *b) { return _stricmp(a, b); }
