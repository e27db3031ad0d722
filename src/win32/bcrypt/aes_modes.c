/* The modes of operation over AES: ECB, CBC and CFB (block_modes.c's,
 * SP 800-38A sections 6.1-6.3), GCM from SP 800-38D sections 6-7. */
#include <string.h>
#include "aes.h"
#include "block_modes.h"

static void encrypt_block(const void *k, const uint8_t *in, uint8_t *out)
{
	aes_encrypt_block(k, in, out);
}

static void decrypt_block(const void *k, const uint8_t *in, uint8_t *out)
{
	aes_decrypt_block(k, in, out);
}

static struct block_cipher cipher_of(const struct aes_key *k)
{
	return (struct block_cipher){ AES_BLOCK, k, encrypt_block, decrypt_block };
}

void aes_ecb(const struct aes_key *k, int encrypt, const uint8_t *in, uint8_t *out, size_t len)
{
	struct block_cipher c = cipher_of(k);

	block_ecb(&c, encrypt, in, out, len);
}

void aes_cbc(const struct aes_key *k, int encrypt, uint8_t iv[16], const uint8_t *in,
	     uint8_t *out, size_t len)
{
	struct block_cipher c = cipher_of(k);

	block_cbc(&c, encrypt, iv, in, out, len);
}

void aes_cfb(const struct aes_key *k, int encrypt, size_t seg, uint8_t iv[16],
	     const uint8_t *in, uint8_t *out, size_t len)
{
	struct block_cipher c = cipher_of(k);

	block_cfb(&c, encrypt, seg, iv, in, out, len);
}

/* GF(2^128) multiplication of GCM (SP 800-38D 6.3): bit 0 is the most
 * significant bit of byte 0, R = 11100001 || 0^120. */
static void gf_mul(uint8_t x[16], const uint8_t y[16])
{
	uint8_t z[16] = { 0 }, v[16];

	memcpy(v, y, 16);
	for (int i = 0; i < 128; i++) {
		if (x[i / 8] & (0x80 >> (i % 8)))
			block_xor(z, z, v, 16);
		int lsb = v[15] & 1;

		for (int j = 15; j > 0; j--)
			v[j] = (uint8_t)(v[j] >> 1 | v[j - 1] << 7);
		v[0] >>= 1;
		if (lsb)
			v[0] ^= 0xe1;
	}
	memcpy(x, z, 16);
}

static void ghash_bytes(struct aes_gcm *g, const uint8_t *p, size_t len)
{
	while (len) {
		size_t n = 16 - g->partial_len < len ? 16 - g->partial_len : len;

		memcpy(g->partial + g->partial_len, p, n);
		g->partial_len += n;
		p += n;
		len -= n;
		if (g->partial_len == 16) {
			block_xor(g->ghash, g->ghash, g->partial, 16);
			gf_mul(g->ghash, g->h);
			g->partial_len = 0;
		}
	}
}

/* The AAD and the ciphertext are each zero-padded to whole blocks. */
static void ghash_pad(struct aes_gcm *g)
{
	static const uint8_t zeros[16];

	if (g->partial_len)
		ghash_bytes(g, zeros, 16 - g->partial_len);
}

static void inc32(uint8_t block[16])
{
	for (int i = 15; i >= 12 && !++block[i]; i--)
		;
}

void aes_gcm_start(struct aes_gcm *g, const struct aes_key *k, const uint8_t *iv, size_t iv_len)
{
	static const uint8_t zeros[16];

	memset(g, 0, sizeof(*g));
	g->key = k;
	aes_encrypt_block(k, zeros, g->h);
	if (iv_len == 12) {
		memcpy(g->j0, iv, 12);
		g->j0[15] = 1;
	} else { /* J0 = GHASH(IV || 0-pad || [len(IV)]64) */
		uint8_t lens[16] = { 0 };
		uint64_t bits = (uint64_t)iv_len * 8;

		ghash_bytes(g, iv, iv_len);
		ghash_pad(g);
		for (int i = 0; i < 8; i++)
			lens[15 - i] = (uint8_t)(bits >> (8 * i));
		ghash_bytes(g, lens, 16);
		memcpy(g->j0, g->ghash, 16);
		memset(g->ghash, 0, 16);
	}
	memcpy(g->counter, g->j0, 16);
}

void aes_gcm_aad(struct aes_gcm *g, const uint8_t *aad, size_t len)
{
	ghash_bytes(g, aad, len);
	g->aad_len += len;
}

void aes_gcm_crypt(struct aes_gcm *g, int encrypt, const uint8_t *in, uint8_t *out, size_t len)
{
	if (!g->data_len)
		ghash_pad(g); /* the AAD ends here */
	for (size_t i = 0; i < len; i++) {
		uint8_t c;

		if (!g->stream_left) {
			inc32(g->counter);
			aes_encrypt_block(g->key, g->counter, g->stream);
			g->stream_left = 16;
		}
		c = encrypt ? (uint8_t)(in[i] ^ g->stream[16 - g->stream_left]) : in[i];
		out[i] = (uint8_t)(in[i] ^ g->stream[16 - g->stream_left]);
		g->stream_left--;
		ghash_bytes(g, &c, 1);
	}
	g->data_len += len;
}

void aes_gcm_tag(struct aes_gcm *g, uint8_t *tag, size_t tag_len)
{
	uint8_t lens[16], full[16];
	uint64_t a = g->aad_len * 8, c = g->data_len * 8;

	ghash_pad(g);
	for (int i = 0; i < 8; i++) {
		lens[7 - i] = (uint8_t)(a >> (8 * i));
		lens[15 - i] = (uint8_t)(c >> (8 * i));
	}
	ghash_bytes(g, lens, 16);
	aes_encrypt_block(g->key, g->j0, full);
	block_xor(full, full, g->ghash, 16);
	memcpy(tag, full, tag_len > 16 ? 16 : tag_len);
}
