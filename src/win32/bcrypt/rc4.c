/* RC4: a permutation of the 256 byte values, keyed, then stepped. */
#include "rc4.h"

void rc4_init(struct rc4_state *r, const uint8_t *key, size_t key_len)
{
	uint8_t j = 0;

	for (int i = 0; i < 256; i++)
		r->s[i] = (uint8_t)i;
	for (int i = 0; i < 256; i++) {
		uint8_t t = r->s[i];

		j = (uint8_t)(j + t + key[i % key_len]);
		r->s[i] = r->s[j];
		r->s[j] = t;
	}
	r->i = r->j = 0;
}

void rc4_crypt(struct rc4_state *r, const uint8_t *in, uint8_t *out, size_t len)
{
	for (size_t n = 0; n < len; n++) {
		uint8_t t;

		r->i++;
		r->j = (uint8_t)(r->j + r->s[r->i]);
		t = r->s[r->i];
		r->s[r->i] = r->s[r->j];
		r->s[r->j] = t;
		out[n] = in[n] ^ r->s[(uint8_t)(r->s[r->i] + r->s[r->j])];
	}
}
