/* ECB, CBC and CFB (SP 800-38A sections 6.1-6.3) over a block cipher. */
#include <string.h>
#include "block_modes.h"

void block_xor(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = a[i] ^ b[i];
}

void block_ecb(const struct block_cipher *c, int encrypt, const uint8_t *in, uint8_t *out,
	       size_t len)
{
	for (size_t i = 0; i + c->size <= len; i += c->size)
		(encrypt ? c->encrypt : c->decrypt)(c->key, in + i, out + i);
}

void block_cbc(const struct block_cipher *c, int encrypt, uint8_t *iv, const uint8_t *in,
	       uint8_t *out, size_t len)
{
	uint8_t t[BLOCK_MAX], next[BLOCK_MAX];

	for (size_t i = 0; i + c->size <= len; i += c->size) {
		if (encrypt) {
			block_xor(t, in + i, iv, c->size);
			c->encrypt(c->key, t, out + i);
			memcpy(iv, out + i, c->size);
		} else {
			memcpy(next, in + i, c->size);
			c->decrypt(c->key, in + i, t);
			block_xor(out + i, t, iv, c->size);
			memcpy(iv, next, c->size);
		}
	}
}

/* Each segment: out = in XOR the cipher of the register's front, then the
 * register shifts the ciphertext segment in. */
void block_cfb(const struct block_cipher *c, int encrypt, size_t seg, uint8_t *iv,
	       const uint8_t *in, uint8_t *out, size_t len)
{
	uint8_t stream[BLOCK_MAX], ct[BLOCK_MAX];

	for (size_t i = 0; i + seg <= len; i += seg) {
		c->encrypt(c->key, iv, stream);
		if (!encrypt)
			memcpy(ct, in + i, seg); /* before out overwrites it, in place */
		block_xor(out + i, in + i, stream, seg);
		if (encrypt)
			memcpy(ct, out + i, seg);
		memmove(iv, iv + seg, c->size - seg);
		memcpy(iv + c->size - seg, ct, seg);
	}
}
