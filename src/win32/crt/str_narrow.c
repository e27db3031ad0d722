/* The char string functions (str_tmpl.h). */
#define CRT_WIDE 0
#include "str_tmpl.h"

int (*crt_collate)(const void *a, int na, const void *b, int nb, int wide, int icase);
size_t (*crt_transform)(void *dst, const void *src, size_t n, int wide);
#include "path_tmpl.h"

/* An old name msvcrt keeps. */
CRTAPI int _strcmpi(const char *a, const char *b) { return _stricmp(a, b); }
