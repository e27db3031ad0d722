/* AES (FIPS 197) and the modes CNG offers with it: ECB, CBC, CFB with an
 * 8-bit or a full-block feedback (SP 800-38A) and GCM (SP 800-38D).
 * Pure C, no Windows headers, so test/unit checks it against the
 * standards' vectors on the host. */
#ifndef LSW_AES_H
#define LSW_AES_H

#include <stddef.h>
#include <stdint.h>

#define AES_BLOCK 16

struct aes_key {
	uint8_t round_keys[240];      /* (rounds + 1) 16-byte round keys */
	int rounds;                   /* 10, 12 or 14 */
};

/* key_len 16, 24 or 32; 0 when it is none of those. */
int aes_set_key(struct aes_key *k, const uint8_t *key, size_t key_len);
void aes_encrypt_block(const struct aes_key *k, const uint8_t in[16], uint8_t out[16]);
void aes_decrypt_block(const struct aes_key *k, const uint8_t in[16], uint8_t out[16]);

/* Whole blocks (len a multiple of 16); in and out may be the same. */
void aes_ecb(const struct aes_key *k, int encrypt, const uint8_t *in, uint8_t *out, size_t len);
/* iv is updated to chain the next call. */
void aes_cbc(const struct aes_key *k, int encrypt, uint8_t iv[16], const uint8_t *in,
	     uint8_t *out, size_t len);
/* CFB with a segment of seg bytes (1 or 16); len a multiple of seg. */
void aes_cfb(const struct aes_key *k, int encrypt, size_t seg, uint8_t iv[16],
	     const uint8_t *in, uint8_t *out, size_t len);

/* GCM: the counter mode part and the GHASH authenticator, one message
 * at a time (aad first, then the data). */
struct aes_gcm {
	const struct aes_key *key;
	uint8_t h[16], j0[16], counter[16], ghash[16];
	uint8_t partial[16];          /* GHASH bytes waiting for a full block */
	size_t partial_len;
	uint64_t aad_len, data_len;   /* bytes */
	uint8_t stream[16];           /* key stream left over from the last block */
	size_t stream_left;
};

void aes_gcm_start(struct aes_gcm *g, const struct aes_key *k, const uint8_t *iv, size_t iv_len);
void aes_gcm_aad(struct aes_gcm *g, const uint8_t *aad, size_t len);
void aes_gcm_crypt(struct aes_gcm *g, int encrypt, const uint8_t *in, uint8_t *out, size_t len);
/* The tag's first tag_len bytes (at most 16). */
void aes_gcm_tag(struct aes_gcm *g, uint8_t *tag, size_t tag_len);

#endif
