/* NT's case folding for names (files, keys, objects), in one place. */
#ifndef LSW_UPCASE_H
#define LSW_UPCASE_H

#include <stdint.h>

/* Simple upper-casing: ASCII, Latin-1 (with y-diaeresis), Greek, Cyrillic:
 * what names need in practice; NT's full table is larger. */
uint16_t nt_upcase(uint16_t c);

#endif
