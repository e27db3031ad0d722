/* Elliptic curves over prime fields (SEC 1): the NIST curves P-256 and
 * P-384 (FIPS 186-4 D.1.2), affine point arithmetic, ECDSA (SEC 1 4.1)
 * and the ECDH shared value (SEC 1 3.3.1).  Not constant time.  Pure C
 * over bignum.h, so that test/unit checks it on the host. */
#ifndef LSW_ECC_H
#define LSW_ECC_H

#include "bignum.h"

#define ECC_MAX_BYTES 48

struct ecc_curve {
	unsigned bits;
	size_t bytes;             /* a coordinate's, a scalar's */
	struct bn p, a, b, n;     /* the field prime, y^2 = x^3 + ax + b, the order */
	struct bn gx, gy;         /* the base point */
	struct bn_mont mp, mn;    /* p and n, for products */
};

struct ecc_point {
	int infinity;
	struct bn x, y;
};

typedef void (*ecc_random_fn)(uint8_t *out, size_t len);

/* The curve of bits bits (256 or 384), or -1. */
int ecc_curve_load(struct ecc_curve *c, unsigned bits);
int ecc_on_curve(const struct ecc_curve *c, const struct ecc_point *pt);
/* r = k * pt. */
void ecc_mul(const struct ecc_curve *c, struct ecc_point *r, const struct bn *k,
	     const struct ecc_point *pt);
/* A private scalar in [1, n - 1] and its public point. */
void ecc_generate(const struct ecc_curve *c, struct bn *d, struct ecc_point *q,
		  ecc_random_fn random);
/* Signatures are r || s, bytes each, big-endian; hashes are truncated to
 * the order's bits. */
void ecdsa_sign(const struct ecc_curve *c, const struct bn *d, const uint8_t *h, size_t h_len,
		uint8_t *sig, ecc_random_fn random);
int ecdsa_verify(const struct ecc_curve *c, const struct ecc_point *q, const uint8_t *h,
		 size_t h_len, const uint8_t *sig);
/* The x coordinate of d * q (bytes, big-endian); -1 at infinity. */
int ecdh_shared(const struct ecc_curve *c, const struct bn *d, const struct ecc_point *q,
		uint8_t *out);

#endif
