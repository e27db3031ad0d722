/* SHA-1, FIPS 180-4 sections 4.1.1, 4.2.1, 5.3.1 and 6.1. */
#include "hash.h"

static uint32_t rotl(uint32_t v, int n)
{
	return (v << n) | (v >> (32 - n));
}

static void sha1_init(struct hash_ctx *c)
{
	static const uint32_t h0[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };

	for (int i = 0; i < 5; i++)
		c->h.w32[i] = h0[i];
}

/* f_t(b, c, d) + K_t of step t (sections 4.1.1 and 4.2.1). */
static uint32_t step_f(int t, uint32_t b, uint32_t c, uint32_t d)
{
	if (t < 20)
		return ((b & c) | (~b & d)) + 0x5a827999;
	if (t < 40)
		return (b ^ c ^ d) + 0x6ed9eba1;
	if (t < 60)
		return ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc;
	return (b ^ c ^ d) + 0xca62c1d6;
}

static void sha1_compress(struct hash_ctx *ctx, const uint8_t *p)
{
	uint32_t w[80], a = ctx->h.w32[0], b = ctx->h.w32[1], c = ctx->h.w32[2], d = ctx->h.w32[3],
			e = ctx->h.w32[4];

	for (int t = 0; t < 16; t++)
		w[t] = hash_load_be32(p + 4 * t);
	for (int t = 16; t < 80; t++)
		w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	for (int t = 0; t < 80; t++) {
		uint32_t tmp = rotl(a, 5) + step_f(t, b, c, d) + e + w[t];

		e = d;
		d = c;
		c = rotl(b, 30);
		b = a;
		a = tmp;
	}
	ctx->h.w32[0] += a;
	ctx->h.w32[1] += b;
	ctx->h.w32[2] += c;
	ctx->h.w32[3] += d;
	ctx->h.w32[4] += e;
}

static void sha1_digest(const struct hash_ctx *c, uint8_t *out)
{
	for (int i = 0; i < 5; i++)
		hash_store_be32(out + 4 * i, c->h.w32[i]);
}

const struct hash_alg hash_sha1 = { "SHA1", 20, 64, 8, 0, sha1_init, sha1_compress,
				    sha1_digest, NULL };
