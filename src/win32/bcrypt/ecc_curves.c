/* The NIST prime curves P-256 and P-384 (FIPS 186-4 D.1.2.3, D.1.2.4),
 * with a = p - 3. */
#include <string.h>
#include "ecc.h"

struct curve_hex {
	unsigned bits;
	const char *p, *b, *n, *gx, *gy;
};

static const struct curve_hex curves[] = {
	{ 256,
	  "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
	  "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
	  "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
	  "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
	  "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5" },
	{ 384,
	  "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"
	  "ffffffff0000000000000000ffffffff",
	  "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a"
	  "c656398d8a2ed19d2a85c8edd3ec2aef",
	  "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
	  "581a0db248b0a77aecec196accc52973",
	  "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38"
	  "5502f25dbf55296c3a545e3872760ab7",
	  "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c0"
	  "0a60b1ce1d7e819d7a431d7c90ea0e5f" },
};

static void from_hex(struct bn *r, const char *s)
{
	uint8_t buf[ECC_MAX_BYTES];
	size_t len = strlen(s) / 2;

	for (size_t i = 0; i < len; i++) {
		unsigned v = 0;

		for (int j = 0; j < 2; j++) {
			char ch = s[2 * i + j];

			v = v * 16 + (unsigned)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
		}
		buf[i] = (uint8_t)v;
	}
	bn_from_bytes(r, buf, len);
}

int ecc_curve_load(struct ecc_curve *c, unsigned bits)
{
	for (size_t i = 0; i < sizeof(curves) / sizeof(curves[0]); i++) {
		if (curves[i].bits != bits)
			continue;
		c->bits = bits;
		c->bytes = bits / 8;
		from_hex(&c->p, curves[i].p);
		from_hex(&c->b, curves[i].b);
		from_hex(&c->n, curves[i].n);
		from_hex(&c->gx, curves[i].gx);
		from_hex(&c->gy, curves[i].gy);
		c->a = c->p;
		bn_sub_u32(&c->a, 3);
		bn_mont_init(&c->mp, &c->p);
		bn_mont_init(&c->mn, &c->n);
		return 0;
	}
	return -1;
}
