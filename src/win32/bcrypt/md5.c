/* MD5, RFC 1321 section 3.4. */
#include "hash.h"

/* T[i]: the integer part of 2^32 * |sin(i + 1)| (RFC 1321 section 3.4). */
static const uint32_t T[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
	0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
	0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
	0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
	0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
	0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
	0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
	0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
	0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
	0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* Per round: the left rotation of each of the four steps. */
static const uint8_t S[4][4] = { { 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 } };

static uint32_t rotl(uint32_t v, int n)
{
	return (v << n) | (v >> (32 - n));
}

static void md5_init(struct hash_ctx *c)
{
	c->h.w32[0] = 0x67452301;
	c->h.w32[1] = 0xefcdab89;
	c->h.w32[2] = 0x98badcfe;
	c->h.w32[3] = 0x10325476;
}

/* Round r's auxiliary function (F, G, H, I) and message word for step i. */
static uint32_t aux(int r, uint32_t b, uint32_t c, uint32_t d)
{
	switch (r) {
	case 0: return (b & c) | (~b & d);
	case 1: return (b & d) | (c & ~d);
	case 2: return b ^ c ^ d;
	default: return c ^ (b | ~d);
	}
}

static int word_index(int r, int i)
{
	static const uint8_t mul[4] = { 1, 5, 3, 7 }, add[4] = { 0, 1, 5, 0 };

	return (mul[r] * i + add[r]) % 16;
}

static void md5_compress(struct hash_ctx *ctx, const uint8_t *p)
{
	uint32_t x[16], a = ctx->h.w32[0], b = ctx->h.w32[1], c = ctx->h.w32[2], d = ctx->h.w32[3];

	for (int i = 0; i < 16; i++)
		x[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
		       (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24;
	for (int i = 0; i < 64; i++) {
		int r = i / 16;
		uint32_t t = a + aux(r, b, c, d) + x[word_index(r, i % 16)] + T[i];

		a = d;
		d = c;
		c = b;
		b += rotl(t, S[r][i % 4]);
	}
	ctx->h.w32[0] += a;
	ctx->h.w32[1] += b;
	ctx->h.w32[2] += c;
	ctx->h.w32[3] += d;
}

static void md5_digest(const struct hash_ctx *c, uint8_t *out)
{
	for (int i = 0; i < 16; i++)
		out[i] = (uint8_t)(c->h.w32[i / 4] >> (8 * (i % 4)));
}

const struct hash_alg hash_md5 = { "MD5", 16, 64, 8, 1, md5_init, md5_compress, md5_digest,
				   NULL };
