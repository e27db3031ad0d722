/* RSA key generation: two random primes of half the modulus' bits each,
 * their top two bits set so that n has all its bits (FIPS 186-4 B.3.3's
 * shape), tested by prime.c. */
#include <string.h>
#include "rsa.h"

#define RSA_E 65537

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
		if (bn_mod_u32(p, RSA_E) != 1 && bn_probable_prime(p, random))
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
