/* Modular exponentiation by Montgomery multiplication (the CIOS form:
 * multiply and reduce a limb at a time), left to right, a bit at a time;
 * and the inverse modulo a prime by Fermat's little theorem. */
#include <string.h>
#include "bignum.h"

#define MONT_MAX BN_MONT_MAX
#define mont bn_mont

static void limbs_of(const struct bn *a, uint32_t *out, unsigned n)
{
	memset(out, 0, n * sizeof(uint32_t));
	memcpy(out, a->d, a->n * sizeof(uint32_t));
}

static void bn_of(struct bn *r, const uint32_t *limbs, unsigned n)
{
	memcpy(r->d, limbs, n * sizeof(uint32_t));
	r->n = n;
	while (r->n && !r->d[r->n - 1])
		r->n--;
}

/* R^k mod m, k = 1 or 2. */
static void power_of_r(const struct mont *c, const struct bn *m, unsigned k, uint32_t *out)
{
	struct bn r;

	memset(r.d, 0, (k * c->n + 1) * sizeof(uint32_t));
	r.d[k * c->n] = 1;
	r.n = k * c->n + 1;
	bn_mod(&r, &r, m);
	limbs_of(&r, out, c->n);
}

void bn_mont_init(struct bn_mont *c, const struct bn *m)
{
	uint32_t x = 1;

	c->n = m->n;
	limbs_of(m, c->m, c->n);
	for (int i = 0; i < 5; i++) /* Newton: each step doubles the bits right */
		x *= 2 - m->d[0] * x;
	c->m_inv = (uint32_t)0 - x;
	power_of_r(c, m, 1, c->one);
	power_of_r(c, m, 2, c->rr);
}

/* out = a * b / R mod m; out may be a or b. */
static void mont_mul(const struct mont *c, uint32_t *out, const uint32_t *a, const uint32_t *b)
{
	uint32_t t[MONT_MAX + 2];
	unsigned n = c->n;

	memset(t, 0, (n + 2) * sizeof(uint32_t));
	for (unsigned i = 0; i < n; i++) {
		uint64_t carry = 0;

		for (unsigned j = 0; j < n; j++) {
			carry += (uint64_t)a[j] * b[i] + t[j];
			t[j] = (uint32_t)carry;
			carry >>= 32;
		}
		carry += t[n];
		t[n] = (uint32_t)carry;
		t[n + 1] = (uint32_t)(carry >> 32);
		uint32_t q = t[0] * c->m_inv;
		carry = ((uint64_t)q * c->m[0] + t[0]) >> 32;
		for (unsigned j = 1; j < n; j++) {
			carry += (uint64_t)q * c->m[j] + t[j];
			t[j - 1] = (uint32_t)carry;
			carry >>= 32;
		}
		carry += t[n];
		t[n - 1] = (uint32_t)carry;
		t[n] = t[n + 1] + (uint32_t)(carry >> 32);
	}
	int ge = t[n] != 0;

	for (unsigned i = n; !ge && i--;) {
		if (t[i] != c->m[i]) {
			ge = t[i] > c->m[i];
			break;
		}
		if (!i)
			ge = 1; /* equal */
	}
	if (ge) {
		int64_t borrow = 0;

		for (unsigned i = 0; i < n; i++) {
			borrow += (int64_t)t[i] - c->m[i];
			t[i] = (uint32_t)borrow;
			borrow >>= 32;
		}
	}
	memcpy(out, t, n * sizeof(uint32_t));
}

/* r = base^exp mod m, base < m. */
void bn_mont_exp(const struct bn_mont *c, struct bn *r, const struct bn *base, const struct bn *exp)
{
	static const uint32_t unit[MONT_MAX] = { 1 };
	uint32_t x[MONT_MAX], acc[MONT_MAX];

	limbs_of(base, x, c->n);
	mont_mul(c, x, x, c->rr);             /* x into the Montgomery domain */
	memcpy(acc, c->one, c->n * sizeof(uint32_t));
	for (size_t i = bn_bits(exp); i--;) {
		mont_mul(c, acc, acc, acc);
		if (bn_bit(exp, i))
			mont_mul(c, acc, acc, x);
	}
	mont_mul(c, acc, acc, unit);          /* and out of it */
	bn_of(r, acc, c->n);
}

void bn_modexp(struct bn *r, const struct bn *base, const struct bn *exp, const struct bn *m)
{
	struct bn_mont c;
	struct bn b;

	if (m->n > MONT_MAX || !m->n || !(m->d[0] & 1)) {
		r->n = 0; /* not a modulus this serves: callers check first */
		return;
	}
	bn_mont_init(&c, m);
	bn_mod(&b, base, m);
	bn_mont_exp(&c, r, &b, exp);
}

void bn_mont_modmul(const struct bn_mont *c, struct bn *r, const struct bn *a, const struct bn *b)
{
	uint32_t x[MONT_MAX], y[MONT_MAX];

	limbs_of(a, x, c->n);
	limbs_of(b, y, c->n);
	mont_mul(c, x, x, y);     /* a b / R */
	mont_mul(c, x, x, c->rr); /* a b */
	bn_of(r, x, c->n);
}

void bn_modinv_prime(struct bn *r, const struct bn *a, const struct bn *p)
{
	struct bn e = *p;

	bn_sub_u32(&e, 2);
	bn_modexp(r, a, &e, p);
}

void bn_mont_inv(const struct bn_mont *c, struct bn *r, const struct bn *a)
{
	struct bn e;

	bn_of(&e, c->m, c->n);
	bn_sub_u32(&e, 2);
	bn_mont_exp(c, r, a, &e);
}
