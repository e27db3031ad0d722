/* MD2, RFC 1319: a 16-byte checksum and a 48-byte state mixed through
 * the substitution of the digits of pi (section 3.2's table), padded
 * with n bytes of value n and closed by the checksum block. */
#include <string.h>
#include "hash.h"

static const uint8_t pi_subst[256] = {
	41, 46, 67, 201, 162, 216, 124, 1, 61, 54, 84, 161, 236, 240, 6, 19,
	98, 167, 5, 243, 192, 199, 115, 140, 152, 147, 43, 217, 188, 76, 130, 202,
	30, 155, 87, 60, 253, 212, 224, 22, 103, 66, 111, 24, 138, 23, 229, 18,
	190, 78, 196, 214, 218, 158, 222, 73, 160, 251, 245, 142, 187, 47, 238, 122,
	169, 104, 121, 145, 21, 178, 7, 63, 148, 194, 16, 137, 11, 34, 95, 33,
	128, 127, 93, 154, 90, 144, 50, 39, 53, 62, 204, 231, 191, 247, 151, 3,
	255, 25, 48, 179, 72, 165, 181, 209, 215, 94, 146, 42, 172, 86, 170, 198,
	79, 184, 56, 210, 150, 164, 125, 182, 118, 252, 107, 226, 156, 116, 4, 241,
	69, 157, 112, 89, 100, 113, 135, 32, 134, 91, 207, 101, 230, 45, 168, 2,
	27, 96, 37, 173, 174, 176, 185, 246, 28, 70, 97, 105, 52, 64, 126, 15,
	85, 71, 163, 35, 221, 81, 175, 58, 195, 92, 249, 206, 186, 197, 234, 38,
	44, 83, 13, 110, 133, 40, 132, 9, 211, 223, 205, 244, 65, 129, 77, 82,
	106, 220, 55, 200, 108, 193, 171, 250, 36, 225, 123, 8, 12, 189, 177, 74,
	120, 136, 149, 139, 227, 99, 232, 109, 233, 203, 213, 254, 59, 0, 29, 57,
	242, 239, 183, 14, 102, 88, 208, 228, 166, 119, 114, 248, 235, 117, 75, 10,
	49, 68, 80, 180, 143, 237, 31, 26, 219, 153, 141, 51, 159, 17, 131, 20,
};

/* The state X[0..15] then the checksum C[0..15], in the chaining words. */
#define STATE(c) ((uint8_t *)(c)->h.w32)
#define CHECKSUM(c) (STATE(c) + 16)

static void md2_init(struct hash_ctx *c)
{
	memset(&c->h, 0, sizeof(c->h));
}

/* Section 3.4: the block into the state (18 rounds over 48 bytes). */
static void mix(struct hash_ctx *c, const uint8_t *block)
{
	uint8_t x[48], t = 0;

	memcpy(x, STATE(c), 16);
	for (int j = 0; j < 16; j++) {
		x[16 + j] = block[j];
		x[32 + j] = block[j] ^ x[j];
	}
	for (int j = 0; j < 18; j++) {
		for (int k = 0; k < 48; k++)
			t = x[k] ^= pi_subst[t];
		t = (uint8_t)(t + j);
	}
	memcpy(STATE(c), x, 16);
}

/* Section 3.2 (the checksum, as corrected by the RFC's errata: C[j] is
 * XORed) and 3.4. */
static void md2_compress(struct hash_ctx *c, const uint8_t *block)
{
	uint8_t *sum = CHECKSUM(c), l = sum[15];

	for (int j = 0; j < 16; j++)
		l = sum[j] ^= pi_subst[block[j] ^ l];
	mix(c, block);
}

/* Section 3.1 then the checksum block (3.2), which is not summed. */
static void md2_pad(struct hash_ctx *c)
{
	size_t fill = (size_t)(c->total % 16);
	uint8_t n = (uint8_t)(16 - fill), sum[16];

	memset(c->block + fill, n, n);
	md2_compress(c, c->block);
	memcpy(sum, CHECKSUM(c), 16);
	mix(c, sum);
}

static void md2_digest(const struct hash_ctx *c, uint8_t *out)
{
	memcpy(out, (const uint8_t *)c->h.w32, 16);
}

const struct hash_alg hash_md2 = { "MD2", 16, 16, 0, 0, md2_init, md2_compress, md2_digest,
				   md2_pad };
