/* A small unsigned big-number arithmetic for the public-key algorithms
 * (RSA, RFC 8017): 32-bit limbs, fixed-size so nothing is allocated, and
 * Montgomery multiplication for modular exponentiation.  Not constant
 * time.  Pure C, no Windows headers, so that test/unit checks it on the
 * host. */
#ifndef LSW_BIGNUM_H
#define LSW_BIGNUM_H

#include <stddef.h>
#include <stdint.h>

/* Room for the product of two 4096-bit numbers, and one limb more. */
#define BN_LIMBS 257
#define BN_MAX_BYTES 512 /* the largest modulus: 4096 bits */

struct bn {
	unsigned n;           /* limbs in use; d[n - 1] != 0 unless n == 0 */
	uint32_t d[BN_LIMBS]; /* little-endian limbs */
};

void bn_from_u32(struct bn *r, uint32_t v);
/* Big-endian bytes in and out; -1 when the number does not fit. */
int bn_from_bytes(struct bn *r, const uint8_t *p, size_t len);
int bn_to_bytes(const struct bn *a, uint8_t *p, size_t len);
size_t bn_bits(const struct bn *a);
size_t bn_bytes(const struct bn *a);
int bn_bit(const struct bn *a, size_t i);
int bn_is_zero(const struct bn *a);
int bn_cmp(const struct bn *a, const struct bn *b);

/* r may be a or b.  bn_sub needs a >= b; bn_mul's r must be neither. */
void bn_add(struct bn *r, const struct bn *a, const struct bn *b);
void bn_sub(struct bn *r, const struct bn *a, const struct bn *b);
void bn_mul(struct bn *r, const struct bn *a, const struct bn *b);
void bn_add_u32(struct bn *r, uint32_t v);
void bn_sub_u32(struct bn *r, uint32_t v); /* r >= v */
void bn_mul_u32(struct bn *r, uint32_t v);
/* r = r / v, returning r mod v (v != 0). */
uint32_t bn_div_u32(struct bn *r, uint32_t v);
uint32_t bn_mod_u32(const struct bn *a, uint32_t v);
void bn_shr(struct bn *r, size_t bits);
/* r = a mod m (m != 0); r may be a. */
void bn_mod(struct bn *r, const struct bn *a, const struct bn *m);

/* r = base^exp mod m, for an odd m > 1; r may be base. */
void bn_modexp(struct bn *r, const struct bn *base, const struct bn *exp, const struct bn *m);
/* r = a * b mod m (any m > 0). */
void bn_modmul(struct bn *r, const struct bn *a, const struct bn *b, const struct bn *m);
/* A modulus made ready for many products: odd, at most BN_MONT_MAX limbs. */
#define BN_MONT_MAX 128
struct bn_mont {
	unsigned n;                  /* the modulus' limbs */
	uint32_t m[BN_MONT_MAX];
	uint32_t m_inv;              /* -m^-1 mod 2^32 */
	uint32_t one[BN_MONT_MAX];   /* R mod m, R = 2^(32n) */
	uint32_t rr[BN_MONT_MAX];    /* R^2 mod m */
};
void bn_mont_init(struct bn_mont *c, const struct bn *m);
/* r = a * b mod m, for a, b < m; r may be a or b. */
void bn_mont_modmul(const struct bn_mont *c, struct bn *r, const struct bn *a, const struct bn *b);
/* r = base^exp mod m, for base < m; r may be base. */
void bn_mont_exp(const struct bn_mont *c, struct bn *r, const struct bn *base, const struct bn *exp);
/* r = a^-1 mod m for a prime m and a < m (Fermat). */
void bn_mont_inv(const struct bn_mont *c, struct bn *r, const struct bn *a);
/* r = a^-1 mod p for a prime p (Fermat): 0 when a is a multiple of p. */
void bn_modinv_prime(struct bn *r, const struct bn *a, const struct bn *p);

/* Fills len random bytes. */
typedef void (*bn_random_fn)(uint8_t *out, size_t len);
/* prime.c: whether c (odd, at least 12 bits) is very probably prime. */
int bn_probable_prime(const struct bn *c, bn_random_fn random);

#endif
