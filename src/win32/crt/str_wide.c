/* The wchar_t string functions (str_tmpl.h). */
#define CRT_WIDE 1
#include "str_tmpl.h"
#include "path_tmpl.h"
