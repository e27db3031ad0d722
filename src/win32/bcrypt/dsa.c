/* DSA, FIPS 186-2 section 5 (signing, verification) and appendix 2's
 * shape for the parameters: a 160-bit prime q, p = 2 m q + 1 prime of the
 * asked size (so (p - 1) / q = 2m is known without a division), g =
 * h^((p - 1) / q) mod p. */
#include <string.h>
#include "dsa.h"

/* A random number of bits bits, its top bit set (and its lowest when odd). */
static void random_bits(struct bn *r, unsigned bits, int odd, bn_random_fn random)
{
	uint8_t buf[BN_MAX_BYTES];
	size_t len = (bits + 7) / 8;
	unsigned top = (bits - 1) % 8;

	random(buf, len);
	buf[0] &= (uint8_t)((2u << top) - 1);
	buf[0] |= (uint8_t)(1u << top);
	if (odd)
		buf[len - 1] |= 1;
	bn_from_bytes(r, buf, len);
}

/* p = 2 m q + 1 of bits bits, prime; m into *m. */
static void find_p(struct dsa_key *k, unsigned bits, struct bn *m, bn_random_fn random)
{
	struct bn t;

	do {
		random_bits(m, bits - 160, 0, random);
		bn_mul(&t, m, &k->q);
		bn_add(&k->p, &t, &t);
		bn_add_u32(&k->p, 1);
	} while (bn_bits(&k->p) != bits || !bn_probable_prime(&k->p, random));
}

/* A random number in [1, q - 1]. */
static void below_q(const struct dsa_key *k, struct bn *r, bn_random_fn random)
{
	uint8_t buf[DSA_Q_BYTES + 8];
	struct bn qm1 = k->q;

	random(buf, sizeof(buf));
	bn_from_bytes(r, buf, sizeof(buf));
	bn_sub_u32(&qm1, 1);
	bn_mod(r, r, &qm1);
	bn_add_u32(r, 1);
}

int dsa_generate(struct dsa_key *k, unsigned bits, bn_random_fn random)
{
	struct bn m, e, h;

	if (bits < DSA_MIN_BITS || bits > DSA_MAX_BITS || bits % 64)
		return -1;
	memset(k, 0, sizeof(*k));
	do
		random_bits(&k->q, 160, 1, random);
	while (!bn_probable_prime(&k->q, random));
	find_p(k, bits, &m, random);
	bn_add(&e, &m, &m);           /* (p - 1) / q */
	bn_from_u32(&h, 2);
	do {
		bn_modexp(&k->g, &h, &e, &k->p);
		bn_add_u32(&h, 1);
	} while (k->g.n == 1 && k->g.d[0] == 1);
	below_q(k, &k->x, random);
	k->has_private = 1;
	k->p_len = bits / 8;
	random(k->seed, sizeof(k->seed));
	dsa_public_from_private(k);
	return 0;
}

void dsa_public_from_private(struct dsa_key *k)
{
	bn_modexp(&k->y, &k->g, &k->x, &k->p);
}

/* The hash as an integer below 2^160 (its leftmost bits). */
static void hash_value(const uint8_t *h, size_t h_len, struct bn *z)
{
	bn_from_bytes(z, h, h_len < DSA_Q_BYTES ? h_len : DSA_Q_BYTES);
}

/* Parameters that are not a group give zeros for ever: a few tries only. */
#define SIGN_TRIES 32

int dsa_sign(const struct dsa_key *k, const uint8_t *h, size_t h_len, uint8_t *sig,
	     bn_random_fn random)
{
	struct bn kk, r, s, z, t;
	int tries = 0;

	hash_value(h, h_len, &z);
	bn_mod(&z, &z, &k->q);
	do {
		if (tries++ == SIGN_TRIES)
			return -1;
		below_q(k, &kk, random);
		bn_modexp(&r, &k->g, &kk, &k->p);   /* r = (g^k mod p) mod q */
		bn_mod(&r, &r, &k->q);
		bn_modmul(&t, &k->x, &r, &k->q);    /* s = k^-1 (z + x r) mod q */
		bn_add(&t, &t, &z);
		bn_mod(&t, &t, &k->q);
		bn_modinv_prime(&s, &kk, &k->q);
		bn_modmul(&s, &s, &t, &k->q);
	} while (bn_is_zero(&r) || bn_is_zero(&s));
	bn_to_bytes(&r, sig, DSA_Q_BYTES);
	bn_to_bytes(&s, sig + DSA_Q_BYTES, DSA_Q_BYTES);
	return 0;
}

int dsa_verify(const struct dsa_key *k, const uint8_t *h, size_t h_len, const uint8_t *sig)
{
	struct bn r, s, w, z, u1, u2, v, t;

	bn_from_bytes(&r, sig, DSA_Q_BYTES);
	bn_from_bytes(&s, sig + DSA_Q_BYTES, DSA_Q_BYTES);
	if (bn_is_zero(&r) || bn_is_zero(&s) || bn_cmp(&r, &k->q) >= 0 || bn_cmp(&s, &k->q) >= 0)
		return -1;
	hash_value(h, h_len, &z);
	bn_modinv_prime(&w, &s, &k->q);
	bn_modmul(&u1, &z, &w, &k->q);
	bn_modmul(&u2, &r, &w, &k->q);
	bn_modexp(&v, &k->g, &u1, &k->p);       /* v = (g^u1 y^u2 mod p) mod q */
	bn_modexp(&t, &k->y, &u2, &k->p);
	bn_modmul(&v, &v, &t, &k->p);
	bn_mod(&v, &v, &k->q);
	return bn_cmp(&v, &r) ? -1 : 0;
}
