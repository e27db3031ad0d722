/* Point arithmetic on y^2 = x^3 + ax + b over GF(p) (SEC 1 2.2.1), a = -3:
 * affine addition, double-and-add scalar multiplication in Jacobian
 * coordinates (the a = -3 doubling and the mixed addition of the
 * Explicit-Formulas Database), ECDSA (SEC 1 4.1.3, 4.1.4) and
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

	bn_mont_modmul(&c->mp, &x3, lambda, lambda);
	mod_sub(&x3, &x3, &p1->x, &c->p);
	mod_sub(&x3, &x3, x2, &c->p);
	mod_sub(&t, &p1->x, &x3, &c->p);
	bn_mont_modmul(&c->mp, &t, lambda, &t);
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
	bn_mont_modmul(&c->mp, &num, &p->x, &p->x); /* 3x^2 + a */
	bn_from_u32(&t, 3);
	bn_mont_modmul(&c->mp, &num, &num, &t);
	mod_add(&num, &num, &c->a, &c->p);
	mod_add(&den, &p->y, &p->y, &c->p);   /* / 2y */
	bn_mont_inv(&c->mp, &t, &den);
	bn_mont_modmul(&c->mp, &t, &num, &t);
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
	bn_mont_inv(&c->mp, &t, &den);
	bn_mont_modmul(&c->mp, &t, &num, &t);
	finish(c, r, &t, p, &q->x);
}

/* Jacobian coordinates (x = X/Z^2, y = Y/Z^3): no inversion per step. */
struct jpoint {
	int infinity;
	struct bn x, y, z;
};

static void fmul(const struct ecc_curve *c, struct bn *r, const struct bn *a, const struct bn *b)
{
	bn_mont_modmul(&c->mp, r, a, b);
}

/* r = k * a mod p for a small k. */
static void fsmall(const struct ecc_curve *c, struct bn *r, const struct bn *a, unsigned k)
{
	struct bn t = *a;

	for (unsigned i = 1; i < k; i++)
		mod_add(&t, &t, a, &c->p);
	*r = t;
}

/* 2P for a = -3 (delta = Z^2, gamma = Y^2, beta = X gamma,
 * alpha = 3 (X - delta)(X + delta)). */
static void jdouble(const struct ecc_curve *c, struct jpoint *p)
{
	struct bn delta, gamma, beta, alpha, t, u;

	if (p->infinity || bn_is_zero(&p->y)) {
		p->infinity = 1;
		return;
	}
	fmul(c, &delta, &p->z, &p->z);
	fmul(c, &gamma, &p->y, &p->y);
	fmul(c, &beta, &p->x, &gamma);
	mod_sub(&t, &p->x, &delta, &c->p);
	mod_add(&u, &p->x, &delta, &c->p);
	fmul(c, &alpha, &t, &u);
	fsmall(c, &alpha, &alpha, 3);
	mod_add(&t, &p->y, &p->z, &c->p);              /* Z3 = (Y + Z)^2 - gamma - delta */
	fmul(c, &t, &t, &t);
	mod_sub(&t, &t, &gamma, &c->p);
	mod_sub(&p->z, &t, &delta, &c->p);
	fmul(c, &t, &alpha, &alpha);                   /* X3 = alpha^2 - 8 beta */
	fsmall(c, &u, &beta, 8);
	mod_sub(&p->x, &t, &u, &c->p);
	fsmall(c, &u, &beta, 4);                       /* Y3 = alpha (4 beta - X3) - 8 gamma^2 */
	mod_sub(&u, &u, &p->x, &c->p);
	fmul(c, &u, &alpha, &u);
	fmul(c, &t, &gamma, &gamma);
	fsmall(c, &t, &t, 8);
	mod_sub(&p->y, &u, &t, &c->p);
}

/* P + Q for an affine Q. */
static void jadd_affine(const struct ecc_curve *c, struct jpoint *p, const struct ecc_point *q)
{
	struct bn zz, u2, s2, h, r, hh, hhh, v, t;

	if (p->infinity) {
		*p = (struct jpoint){ 0, q->x, q->y, { 1, { 1 } } };
		return;
	}
	fmul(c, &zz, &p->z, &p->z);
	fmul(c, &u2, &q->x, &zz);
	fmul(c, &s2, &q->y, &zz);
	fmul(c, &s2, &s2, &p->z);
	mod_sub(&h, &u2, &p->x, &c->p);
	mod_sub(&r, &s2, &p->y, &c->p);
	if (bn_is_zero(&h)) {
		if (bn_is_zero(&r))
			jdouble(c, p);
		else
			p->infinity = 1;
		return;
	}
	fmul(c, &hh, &h, &h);
	fmul(c, &hhh, &h, &hh);
	fmul(c, &v, &p->x, &hh);
	fmul(c, &t, &r, &r);                           /* X3 = r^2 - HHH - 2V */
	mod_sub(&t, &t, &hhh, &c->p);
	mod_sub(&t, &t, &v, &c->p);
	mod_sub(&p->x, &t, &v, &c->p);
	mod_sub(&v, &v, &p->x, &c->p);                 /* Y3 = r (V - X3) - Y1 HHH */
	fmul(c, &v, &r, &v);
	fmul(c, &t, &p->y, &hhh);
	mod_sub(&p->y, &v, &t, &c->p);
	fmul(c, &p->z, &p->z, &h);                     /* Z3 = Z1 H */
}

static void to_affine(const struct ecc_curve *c, struct ecc_point *r, const struct jpoint *p)
{
	struct bn zi, zi2;

	r->infinity = p->infinity;
	if (p->infinity)
		return;
	bn_mont_inv(&c->mp, &zi, &p->z);
	fmul(c, &zi2, &zi, &zi);
	fmul(c, &r->x, &p->x, &zi2);
	fmul(c, &zi2, &zi2, &zi);
	fmul(c, &r->y, &p->y, &zi2);
}

void ecc_mul(const struct ecc_curve *c, struct ecc_point *r, const struct bn *k,
	     const struct ecc_point *pt)
{
	struct jpoint acc = { .infinity = 1 };

	if (pt->infinity) {
		r->infinity = 1;
		return;
	}
	for (size_t i = bn_bits(k); i--;) {
		jdouble(c, &acc);
		if (bn_bit(k, i))
			jadd_affine(c, &acc, pt);
	}
	to_affine(c, r, &acc);
}

int ecc_on_curve(const struct ecc_curve *c, const struct ecc_point *pt)
{
	struct bn lhs, rhs;

	if (pt->infinity || bn_cmp(&pt->x, &c->p) >= 0 || bn_cmp(&pt->y, &c->p) >= 0)
		return 0;
	bn_mont_modmul(&c->mp, &lhs, &pt->y, &pt->y);
	bn_mont_modmul(&c->mp, &rhs, &pt->x, &pt->x);
	mod_add(&rhs, &rhs, &c->a, &c->p);
	bn_mont_modmul(&c->mp, &rhs, &rhs, &pt->x);
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
		bn_mont_modmul(&c->mn, &t, &r, d);       /* s = k^-1 (e + r d) */
		bn_mod(&s, &e, &c->n);
		mod_add(&t, &t, &s, &c->n);
		bn_mont_inv(&c->mn, &s, &k);
		bn_mont_modmul(&c->mn, &s, &s, &t);
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
	bn_mont_inv(&c->mn, &w, &s);
	bn_mont_modmul(&c->mn, &u1, &e, &w);
	bn_mont_modmul(&c->mn, &u2, &r, &w);
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
