/* DES (FIPS 46-3) and Triple DES, TDEA (SP 800-67: encrypt with K1,
 * decrypt with K2, encrypt with K3).  Pure C, no Windows headers, so
 * test/unit checks it on the host. */
#ifndef LSW_DES_H
#define LSW_DES_H

#include <stddef.h>
#include <stdint.h>

#define DES_BLOCK 8

struct des_key {
	uint64_t subkeys[16];         /* 48 bits each */
};

struct des3_key {
	struct des_key k[3];
};

void des_set_key(struct des_key *k, const uint8_t key[8]);
void des_block(const struct des_key *k, int encrypt, const uint8_t in[8], uint8_t out[8]);
/* key_len 24 (three keys) or 16 (K3 = K1); 0 when neither. */
int des3_set_key(struct des3_key *k, const uint8_t *key, size_t key_len);
void des3_encrypt_block(const void *k, const uint8_t *in, uint8_t *out);
void des3_decrypt_block(const void *k, const uint8_t *in, uint8_t *out);

#endif
