/* Hex test vectors into bytes and big numbers, for the unit tests of
 * bcrypt.dll's public-key code (test_rsa.c, test_ecc.c). */
#ifndef LSW_TEST_BN_VECTORS_H
#define LSW_TEST_BN_VECTORS_H

#include <check.h>
#include <stdio.h>
#include <string.h>
#include "bcrypt/bignum.h"

static inline size_t unhex(const char *s, uint8_t *out)
{
	size_t n = strlen(s) / 2;

	for (size_t i = 0; i < n; i++)
		sscanf(s + 2 * i, "%2hhx", &out[i]);
	return n;
}

static inline void bn_hex(struct bn *r, const char *s)
{
	uint8_t buf[BN_MAX_BYTES];

	ck_assert_int_eq(bn_from_bytes(r, buf, unhex(s, buf)), 0);
}

#endif
