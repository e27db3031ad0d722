/* The modes of operation of SP 800-38A over any block cipher: ECB, CBC
 * and CFB (a segment of 1 byte or a whole block).  Pure C, no Windows
 * headers. */
#ifndef LSW_BLOCK_MODES_H
#define LSW_BLOCK_MODES_H

#include <stddef.h>
#include <stdint.h>

#define BLOCK_MAX 16

struct block_cipher {
	size_t size;                  /* the block's bytes: 8 or 16 */
	const void *key;
	void (*encrypt)(const void *key, const uint8_t *in, uint8_t *out);
	void (*decrypt)(const void *key, const uint8_t *in, uint8_t *out);
};

/* dst = a XOR b, n bytes (dst may be a or b). */
void block_xor(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/* Whole blocks; in and out may be the same; iv chains the next call. */
void block_ecb(const struct block_cipher *c, int encrypt, const uint8_t *in, uint8_t *out,
	       size_t len);
void block_cbc(const struct block_cipher *c, int encrypt, uint8_t *iv, const uint8_t *in,
	       uint8_t *out, size_t len);
/* seg: 1 or the block size; len a multiple of seg. */
void block_cfb(const struct block_cipher *c, int encrypt, size_t seg, uint8_t *iv,
	       const uint8_t *in, uint8_t *out, size_t len);

#endif
