/* Probable primes: trial division by the odd primes below 2048, then
 * Miller-Rabin (FIPS 186-4 C.3.1) with random bases. */
#include "bignum.h"

#define MR_ROUNDS 8

static int small_prime(uint32_t v)
{
	for (uint32_t f = 3; f * f <= v; f += 2)
		if (v % f == 0)
			return 0;
	return 1;
}

/* A factor below 2048 other than c itself. */
static int has_small_factor(const struct bn *c)
{
	for (uint32_t f = 3; f < 2048; f += 2)
		if (small_prime(f) && bn_mod_u32(c, f) == 0 && !(c->n == 1 && c->d[0] == f))
			return 1;
	return 0;
}

/* A random base in [2, c - 2]. */
static void random_base(struct bn *b, const struct bn *c, bn_random_fn random)
{
	uint8_t buf[BN_MAX_BYTES];
	size_t len = bn_bytes(c);
	struct bn span = *c;

	random(buf, len);
	bn_from_bytes(b, buf, len);
	bn_sub_u32(&span, 3);
	bn_mod(b, b, &span);
	bn_add_u32(b, 2);
}

static int miller_rabin(const struct bn *c, bn_random_fn random)
{
	struct bn cm1 = *c, d, x, b;
	size_t s = 0, i;

	bn_sub_u32(&cm1, 1);
	d = cm1;
	while (!bn_bit(&d, s))
		s++;
	bn_shr(&d, s);
	for (int round = 0; round < MR_ROUNDS; round++) {
		random_base(&b, c, random);
		bn_modexp(&x, &b, &d, c);
		if ((x.n == 1 && x.d[0] == 1) || !bn_cmp(&x, &cm1))
			continue;
		for (i = 1; i < s; i++) {
			bn_modmul(&x, &x, &x, c);
			if (!bn_cmp(&x, &cm1))
				break;
		}
		if (i >= s)
			return 0;
	}
	return 1;
}

int bn_probable_prime(const struct bn *c, bn_random_fn random)
{
	if (bn_bits(c) < 12 || !bn_bit(c, 0))
		return 0; /* the keys' primes are far larger */
	return !has_small_factor(c) && miller_rabin(c, random);
}
