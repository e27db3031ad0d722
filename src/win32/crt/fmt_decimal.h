/* Exact decimal form of a double: value = 0.d[0]d[1]...d[n-1] * 10^exp,
 * without trailing zeros; n == 0 means zero. */
#ifndef LSW_MSVCRT_FMT_DECIMAL_H
#define LSW_MSVCRT_FMT_DECIMAL_H

#include <stdint.h>

#define DEC_MAX_DIGITS 1100

struct decimal {
    int n;
    int exp;
    char d[DEC_MAX_DIGITS];
};

void dec_from_double(double v, struct decimal *d);
void dec_from_binary(uint64_t m, int e2, struct decimal *d);
void dec_round(struct decimal *d, int keep, int even);
char dec_digit(const struct decimal *d, int i);

#endif
