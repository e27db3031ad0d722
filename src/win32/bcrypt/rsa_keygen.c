/* RSA key generation: two random primes of half the modulus' bits each,
 * their top two bits set so that n has all its bits (FIPS 186-4 B.3.3's
 * shape), found by trial division then Miller-Rabin (C.3.1) with random
 * bases. */
#include <string.h>
#include "rsa.h"

#define RSA_E 65537
#define MR_ROUNDS 8

/* Odd primes below 2048, for trial division. */
static int small_prime(uint32_t v)
{
	for (uint32_t f = 3; f * f <= v; f += 2)
		if (v % f == 0)
			return 0;
	return 1;
}

static int divisible_by_small_prime(const struct bn *c)
{
	for (uint32_t f = 3; f < 2048; f += 2)
		if (small_prime(f) && bn_mod_u32(c, f) == 0)
			return 1;
	return 0;
}

/* A random base in [2, c - 2]. */
static void random_base(struct bn *b, const struct bn *c, rsa_random_fn random)
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

static int miller_rabin(const struct bn *c, rsa_random_fn random)
{
	struct bn cm1 = *c, d, x, b;
	size_t s = 0;

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
		size_t i;

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

/* A prime of bits bits with p - 1 prime to e. */
static void random_prime(struct bn *p, unsigned bits, rsa_random_fn random)
{
	uint8_t buf[BN_MAX_BYTES / 2];
	size_t len = (bits + 7) / 8;
	unsigned top = (bits - 1) % 8; /* the top bit's place in the first byte */

	for (;;) {
		random(buf, len);
		buf[0] &= (uint8_t)((2u << top) - 1);
		buf[0] |= (uint8_t)(1u << top);
		if (top)
			buf[0] |= (uint8_t)(1u << (top - 1));
		else
			buf[1] |= 0x80;
		buf[len - 1] |= 1;
		bn_from_bytes(p, buf, len);
		if (bn_mod_u32(p, RSA_E) == 1 || divisible_by_small_prime(p))
			continue;
		if (miller_rabin(p, random))
			return;
	}
}

int rsa_generate(struct rsa_key *k, unsigned bits, rsa_random_fn random)
{
	if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS || bits % 2)
		return -1;
	memset(k, 0, sizeof(*k));
	bn_from_u32(&k->e, RSA_E);
	do {
		random_prime(&k->p, bits / 2, random);
		random_prime(&k->q, bits / 2, random);
	} while (!bn_cmp(&k->p, &k->q));
	if (bn_cmp(&k->p, &k->q) < 0) { /* p > q, as keys usually have it */
		struct bn t = k->p;

		k->p = k->q;
		k->q = t;
	}
	bn_mul(&k->n, &k->p, &k->q);
	k->e_len = 3;
	k->n_len = (bits + 7) / 8;
	k->p_len = k->q_len = (bits / 2 + 7) / 8;
	return rsa_complete(k);
}
