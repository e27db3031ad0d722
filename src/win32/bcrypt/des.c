/* DES, FIPS 46-3: the tables of its appendix 1 (permutations numbered
 * from 1 at the most significant bit) applied bit by bit, and TDEA's
 * encrypt-decrypt-encrypt (SP 800-67 section 3). */
#include <string.h>
#include "des.h"

static const uint8_t ip[64] = {
	58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
	62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
	57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
	61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
};
static const uint8_t fp[64] = {
	40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31,
	38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29,
	36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27,
	34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
};
static const uint8_t expansion[48] = {
	32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
	16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
};
static const uint8_t p_perm[32] = {
	16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
	2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
};
static const uint8_t pc1[56] = {
	57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3,
	60, 52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37,
	29, 21, 13, 5, 28, 20, 12, 4,
};
static const uint8_t pc2[48] = {
	14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
	41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
};
static const uint8_t shifts[16] = { 1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1 };
/* S1..S8: row (outer bits) by 16 columns (inner bits). */
static const uint8_t sbox[8][64] = {
	{ 14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
	  0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
	  4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
	  15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13 },
	{ 15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
	  3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
	  0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
	  13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9 },
	{ 10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
	  13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
	  13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
	  1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12 },
	{ 7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
	  13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
	  10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
	  3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14 },
	{ 2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
	  14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
	  4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
	  11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3 },
	{ 12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
	  10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
	  9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
	  4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13 },
	{ 4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
	  13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
	  1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
	  6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12 },
	{ 13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
	  1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
	  7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
	  2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11 },
};

/* The n-bit result of table over an in_bits-bit value, bit 1 its most
 * significant. */
static uint64_t permute(uint64_t v, int in_bits, const uint8_t *table, int n)
{
	uint64_t r = 0;

	for (int i = 0; i < n; i++)
		r = r << 1 | ((v >> (in_bits - table[i])) & 1);
	return r;
}

static uint32_t rotl28(uint32_t v, int n)
{
	return ((v << n) | (v >> (28 - n))) & 0x0fffffff;
}

void des_set_key(struct des_key *k, const uint8_t key[8])
{
	uint64_t v = 0, cd;
	uint32_t c, d;

	for (int i = 0; i < 8; i++)
		v = v << 8 | key[i];
	cd = permute(v, 64, pc1, 56);
	c = (uint32_t)(cd >> 28);
	d = (uint32_t)(cd & 0x0fffffff);
	for (int r = 0; r < 16; r++) {
		c = rotl28(c, shifts[r]);
		d = rotl28(d, shifts[r]);
		k->subkeys[r] = permute((uint64_t)c << 28 | d, 56, pc2, 48);
	}
}

/* f(R, K): expand, mix in the subkey, the S-boxes, P. */
static uint32_t feistel(uint32_t r, uint64_t subkey)
{
	uint64_t x = permute(r, 32, expansion, 48) ^ subkey;
	uint32_t s = 0;

	for (int i = 0; i < 8; i++) {
		unsigned six = (unsigned)(x >> (42 - 6 * i)) & 63;
		unsigned row = (six >> 4 & 2) | (six & 1), col = six >> 1 & 15;

		s = s << 4 | sbox[i][row * 16 + col];
	}
	return (uint32_t)permute(s, 32, p_perm, 32);
}

void des_block(const struct des_key *k, int encrypt, const uint8_t in[8], uint8_t out[8])
{
	uint64_t v = 0;
	uint32_t l, r;

	for (int i = 0; i < 8; i++)
		v = v << 8 | in[i];
	v = permute(v, 64, ip, 64);
	l = (uint32_t)(v >> 32);
	r = (uint32_t)v;
	for (int i = 0; i < 16; i++) {
		uint32_t t = r;

		r = l ^ feistel(r, k->subkeys[encrypt ? i : 15 - i]);
		l = t;
	}
	v = permute((uint64_t)r << 32 | l, 64, fp, 64);
	for (int i = 7; i >= 0; i--, v >>= 8)
		out[i] = (uint8_t)v;
}

int des3_set_key(struct des3_key *k, const uint8_t *key, size_t key_len)
{
	if (key_len != 24 && key_len != 16)
		return 0;
	des_set_key(&k->k[0], key);
	des_set_key(&k->k[1], key + 8);
	des_set_key(&k->k[2], key_len == 24 ? key + 16 : key);
	return 1;
}

void des3_encrypt_block(const void *key, const uint8_t *in, uint8_t *out)
{
	const struct des3_key *k = key;
	uint8_t t[8];

	des_block(&k->k[0], 1, in, t);
	des_block(&k->k[1], 0, t, t);
	des_block(&k->k[2], 1, t, out);
}

void des3_decrypt_block(const void *key, const uint8_t *in, uint8_t *out)
{
	const struct des3_key *k = key;
	uint8_t t[8];

	des_block(&k->k[2], 0, in, t);
	des_block(&k->k[1], 1, t, t);
	des_block(&k->k[0], 0, t, out);
}
