/* RC4, the stream cipher as published (the key-scheduling algorithm and
 * the pseudo-random generation of RFC 6229's description).  Pure C, for
 * the host unit test too. */
#ifndef LSW_RC4_H
#define LSW_RC4_H

#include <stddef.h>
#include <stdint.h>

struct rc4_state {
	uint8_t s[256];
	uint8_t i, j;
};

void rc4_init(struct rc4_state *r, const uint8_t *key, size_t key_len);
/* XORs the next len key-stream bytes into out (in and out may be one). */
void rc4_crypt(struct rc4_state *r, const uint8_t *in, uint8_t *out, size_t len);

#endif
