/* Affine point arithmetic on y^2 = x^3 + ax + b over GF(p) (SEC 1 2.2.1),
 * double-and-add scalar multiplication, ECDSA (SEC 1 4.1.3, 4.1.4) and
 * the ECDH shared value (3.3.1). */
#include <string.h>
#include "ecc.h"

/* r = a - b mod m, for a, b < m. */
static void mod_sub(struct bn *r, const struct bn *a, const struct bn *b, const struct bn *m)
{
	if (bn_cmp(a, b) >= 0) {
		bn_sub(r, a, b);
	} else {
		struct bn t;

		bn_add(&t, a, m);
		bn_sub(r, &t, b);
	}
}

/* r = a + b mod m, for a, b < m. */
static void mod_add(struct bn *r, const struct bn *a, const struct bn *b, const struct bn *m)
{
	bn_add(r, a, b);
	if (bn_cmp(r, m) >= 0)
		bn_sub(r, r, m);
}

/* r = lambda^2 - x1 - x2, y = lambda (x1 - r) - y1. */
static void finish(const struct ecc_curve *c, struct ecc_point *r, const struct bn *lambda,
		   const struct ecc_point *p1, const struct bn *x2)
{
	struct bn x3, t;

	bn_modmul(&x3, lambda, lambda, &c->p);
	mod_sub(&x3, &x3, &p1->x, &c->p);
	mod_sub(&x3, &x3, x2, &c->p);
	mod_sub(&t, &p1->x, &x3, &c->p);
	bn_modmul(&t, lambda, &t, &c->p);
	mod_sub(&r->y, &t, &p1->y, &c->p);
	r->x = x3;
	r->infinity = 0;
}

static void point_double(const struct ecc_curve *c, struct ecc_point *r, const struct ecc_point *p)
{
	struct bn num, den, t;

	if (p->infinity || bn_is_zero(&p->y)) {
		r->infinity = 1;
		return;
	}
	bn_modmul(&num, &p->x, &p->x, &c->p); /* 3x^2 + a */
	bn_from_u32(&t, 3);
	bn_modmul(&num, &num, &t, &c->p);
	mod_add(&num, &num, &c->a, &c->p);
	mod_add(&den, &p->y, &p->y, &c->p);   /* / 2y */
	bn_modinv_prime(&t, &den, &c->p);
	bn_modmul(&t, &num, &t, &c->p);
	finish(c, r, &t, p, &p->x);
}

static void point_add(const struct ecc_curve *c, struct ecc_point *r, const struct ecc_point *p,
		      const struct ecc_point *q)
{
	struct bn num, den, t;

	if (p->infinity || q->infinity) {
		*r = p->infinity ? *q : *p;
		return;
	}
	if (!bn_cmp(&p->x, &q->x)) {
		if (!bn_cmp(&p->y, &q->y))
			point_double(c, r, p);
		else
			r->infinity = 1; /* q = -p */
		return;
	}
	mod_sub(&num, &q->y, &p->y, &c->p);
	mod_sub(&den, &q->x, &p->x, &c->p);
	bn_modinv_prime(&t, &den, &c->p);
	bn_modmul(&t, &num, &t, &c->p);
	finish(c, r, &t, p, &q->x);
}

void ecc_mul(const struct ecc_curve *c, struct ecc_point *r, const struct bn *k,
	     const struct ecc_point *pt)
{
	struct ecc_point acc = { .infinity = 1 };

	for (size_t i = bn_bits(k); i--;) {
		point_double(c, &acc, &acc);
		if (bn_bit(k, i))
			point_add(c, &acc, &acc, pt);
	}
	*r = acc;
}

int ecc_on_curve(const struct ecc_curve *c, const struct ecc_point *pt)
{
	struct bn lhs, rhs;

	if (pt->infinity || bn_cmp(&pt->x, &c->p) >= 0 || bn_cmp(&pt->y, &c->p) >= 0)
		return 0;
	bn_modmul(&lhs, &pt->y, &pt->y, &c->p);
	bn_modmul(&rhs, &pt->x, &pt->x, &c->p);
	mod_add(&rhs, &rhs, &c->a, &c->p);
	bn_modmul(&rhs, &rhs, &pt->x, &c->p);
	mod_add(&rhs, &rhs, &c->b, &c->p);
	return !bn_cmp(&lhs, &rhs);
}

static void base_point(const struct ecc_curve *c, struct ecc_point *g)
{
	g->infinity = 0;
	g->x = c->gx;
	g->y = c->gy;
}

/* A random scalar in [1, n - 1]: bytes + 8 random bytes reduced mod n - 1,
 * plus one (FIPS 186-4 B.4.1). */
static void random_scalar(const struct ecc_curve *c, struct bn *k, ecc_random_fn random)
{
	uint8_t buf[ECC_MAX_BYTES + 8];
	struct bn nm1 = c->n;

	random(buf, c->bytes + 8);
	bn_from_bytes(k, buf, c->bytes + 8);
	bn_sub_u32(&nm1, 1);
	bn_mod(k, k, &nm1);
	bn_add_u32(k, 1);
}

void ecc_generate(const struct ecc_curve *c, struct bn *d, struct ecc_point *q,
		  ecc_random_fn random)
{
	struct ecc_point g;

	base_point(c, &g);
	random_scalar(c, d, random);
	ecc_mul(c, q, d, &g);
}

/* The hash as an integer: its leftmost bits of the order's length. */
static void hash_integer(const struct ecc_curve *c, const uint8_t *h, size_t h_len, struct bn *e)
{
	size_t n_bits = bn_bits(&c->n);

	if (h_len > c->bytes + 8)
		h_len = c->bytes + 8;
	bn_from_bytes(e, h, h_len);
	if (h_len * 8 > n_bits)
		bn_shr(e, h_len * 8 - n_bits);
}

void ecdsa_sign(const struct ecc_curve *c, const struct bn *d, const uint8_t *h, size_t h_len,
		uint8_t *sig, ecc_random_fn random)
{
	struct bn e, k, r, s, t;
	struct ecc_point g, kg;

	hash_integer(c, h, h_len, &e);
	base_point(c, &g);
	do {
		random_scalar(c, &k, random);
		ecc_mul(c, &kg, &k, &g);
		bn_mod(&r, &kg.x, &c->n);
		bn_modmul(&t, &r, d, &c->n);       /* s = k^-1 (e + r d) */
		bn_mod(&s, &e, &c->n);
		mod_add(&t, &t, &s, &c->n);
		bn_modinv_prime(&s, &k, &c->n);
		bn_modmul(&s, &s, &t, &c->n);
	} while (bn_is_zero(&r) || bn_is_zero(&s));
	bn_to_bytes(&r, sig, c->bytes);
	bn_to_bytes(&s, sig + c->bytes, c->bytes);
}

int ecdsa_verify(const struct ecc_curve *c, const struct ecc_point *q, const uint8_t *h,
		 size_t h_len, const uint8_t *sig)
{
	struct bn e, r, s, w, u1, u2;
	struct ecc_point g, p1, p2;

	bn_from_bytes(&r, sig, c->bytes);
	bn_from_bytes(&s, sig + c->bytes, c->bytes);
	if (bn_is_zero(&r) || bn_is_zero(&s) || bn_cmp(&r, &c->n) >= 0 || bn_cmp(&s, &c->n) >= 0)
		return -1;
	hash_integer(c, h, h_len, &e);
	bn_mod(&e, &e, &c->n);
	bn_modinv_prime(&w, &s, &c->n);
	bn_modmul(&u1, &e, &w, &c->n);
	bn_modmul(&u2, &r, &w, &c->n);
	base_point(c, &g);
	ecc_mul(c, &p1, &u1, &g);
	ecc_mul(c, &p2, &u2, q);
	point_add(c, &p1, &p1, &p2);
	if (p1.infinity)
		return -1;
	bn_mod(&w, &p1.x, &c->n);
	return bn_cmp(&w, &r) ? -1 : 0;
}

int ecdh_shared(const struct ecc_curve *c, const struct bn *d, const struct ecc_point *q,
		uint8_t *out)
{
	struct ecc_point z;

	ecc_mul(c, &z, d, q);
	if (z.infinity)
		return -1;
	return bn_to_bytes(&z.x, out, c->bytes);
}
