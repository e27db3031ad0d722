/* NT's case folding for names (files, keys, objects), in one place. */
#ifndef LSW_UPCASE_H
#define LSW_UPCASE_H

#include <stdint.h>

/* Simple (one to one) Unicode upper-casing of a UTF-16 unit, as NT's
 * upcase table does it; surrogates are left alone. */
uint16_t nt_upcase(uint16_t c);

#endif
