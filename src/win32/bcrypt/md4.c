/* MD4, RFC 1320 section 3.4: three rounds of sixteen steps over the
 * block's little-endian words, the framing and state of MD5's. */
#include "hash.h"

static uint32_t rotl(uint32_t v, int n)
{
	return (v << n) | (v >> (32 - n));
}

static void md4_init(struct hash_ctx *c)
{
	c->h.w32[0] = 0x67452301;
	c->h.w32[1] = 0xefcdab89;
	c->h.w32[2] = 0x98badcfe;
	c->h.w32[3] = 0x10325476;
}

/* Round r's function plus its constant (sections 3.4, rounds 1-3). */
static uint32_t round_f(int r, uint32_t x, uint32_t y, uint32_t z)
{
	switch (r) {
	case 0: return (x & y) | (~x & z);
	case 1: return ((x & y) | (x & z) | (y & z)) + 0x5a827999;
	default: return (x ^ y ^ z) + 0x6ed9eba1;
	}
}

/* The word each step takes and its rotation. */
static const uint8_t word_of[3][16] = {
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
	{ 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15 },
	{ 0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15 },
};
static const uint8_t shift_of[3][4] = { { 3, 7, 11, 19 }, { 3, 5, 9, 13 }, { 3, 9, 11, 15 } };

static void md4_compress(struct hash_ctx *ctx, const uint8_t *p)
{
	uint32_t x[16], a = ctx->h.w32[0], b = ctx->h.w32[1], c = ctx->h.w32[2], d = ctx->h.w32[3];

	for (int i = 0; i < 16; i++)
		x[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
		       (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24;
	for (int i = 0; i < 48; i++) {
		int r = i / 16;
		uint32_t t = rotl(a + round_f(r, b, c, d) + x[word_of[r][i % 16]], shift_of[r][i % 4]);

		a = d;
		d = c;
		c = b;
		b = t;
	}
	ctx->h.w32[0] += a;
	ctx->h.w32[1] += b;
	ctx->h.w32[2] += c;
	ctx->h.w32[3] += d;
}

static void md4_digest(const struct hash_ctx *c, uint8_t *out)
{
	for (int i = 0; i < 16; i++)
		out[i] = (uint8_t)(c->h.w32[i / 4] >> (8 * (i % 4)));
}

const struct hash_alg hash_md4 = { "MD4", 16, 64, 8, 1, md4_init, md4_compress, md4_digest, NULL };
