/* RSA's primitives (RFC 8017 5.1, 5.2) and the private values a key
 * made of n, e, p and q derives (3.2). */
#include "rsa.h"

/* x with x * a = 1 mod m (a, m < 2^32, coprime), or 0. */
static uint32_t inverse_u32(uint32_t a, uint32_t m)
{
	int64_t t = 0, new_t = 1, r = m, new_r = a;

	while (new_r) {
		int64_t q = r / new_r, tmp;

		tmp = t - q * new_t;
		t = new_t;
		new_t = tmp;
		tmp = r - q * new_r;
		r = new_r;
		new_r = tmp;
	}
	if (r != 1)
		return 0;
	return (uint32_t)(t < 0 ? t + m : t);
}

/* d = e^-1 mod phi for a one-limb e: with k * phi = -1 mod e,
 * d = (k * phi + 1) / e. */
static int private_exponent(struct bn *d, const struct bn *phi, uint32_t e)
{
	uint32_t inv = inverse_u32(bn_mod_u32(phi, e), e), k;

	if (!inv)
		return -1;
	k = (e - inv) % e;
	*d = *phi;
	bn_mul_u32(d, k);
	bn_add_u32(d, 1);
	return bn_div_u32(d, e) ? -1 : 0;
}

int rsa_check_factors(const struct rsa_key *k)
{
	struct bn product;

	if (bn_cmp(&k->p, &k->q) == 0 || bn_bits(&k->p) < 2 || bn_bits(&k->q) < 2)
		return -1;
	bn_mul(&product, &k->p, &k->q);
	return bn_cmp(&product, &k->n) ? -1 : 0;
}

int rsa_complete(struct rsa_key *k)
{
	struct bn pm1 = k->p, qm1 = k->q, phi;

	if (k->e.n != 1 || k->e.d[0] < 3 || rsa_check_factors(k))
		return -1;
	bn_sub_u32(&pm1, 1);
	bn_sub_u32(&qm1, 1);
	bn_mul(&phi, &pm1, &qm1);
	if (private_exponent(&k->d, &phi, k->e.d[0]))
		return -1;
	bn_mod(&k->dp, &k->d, &pm1);
	bn_mod(&k->dq, &k->d, &qm1);
	bn_modinv_prime(&k->qinv, &k->q, &k->p);
	k->has_private = 1;
	return 0;
}

static int apply(const struct rsa_key *k, const struct bn *exp, const uint8_t *in, uint8_t *out)
{
	struct bn x;

	if (bn_from_bytes(&x, in, k->n_len) || bn_cmp(&x, &k->n) >= 0)
		return -1;
	bn_modexp(&x, &x, exp, &k->n);
	return bn_to_bytes(&x, out, k->n_len);
}

int rsa_public(const struct rsa_key *k, const uint8_t *in, uint8_t *out)
{
	return apply(k, &k->e, in, out);
}

int rsa_private(const struct rsa_key *k, const uint8_t *in, uint8_t *out)
{
	return k->has_private ? apply(k, &k->d, in, out) : -1;
}
