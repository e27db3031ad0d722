/* Internationalized domain names (idn.c): punycode (idn_punycode.c). */
#ifndef LSW_K32_IDN_H
#define LSW_K32_IDN_H

#include "k32_nls.h"

/* A label's code points as punycode (no "xn--"): its length, or -1 when
 * it needs more than `room` units. */
int k32_punycode_encode(const unsigned *cp, int n, WCHAR *out, int room);
/* Punycode back to code points: their number, or -1 if malformed or more
 * than `room`. */
int k32_punycode_decode(const WCHAR *in, int n, unsigned *cp, int room);

#endif
