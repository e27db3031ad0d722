/* PBKDF2, RFC 8018 section 5.2: T_i = U_1 ^ ... ^ U_c with U_1 =
 * PRF(P, S || INT(i)) and U_j = PRF(P, U_{j-1}), the PRF an HMAC. */
#include <string.h>
#include "hash.h"

static void block_of(const struct hash_alg *a, const struct hmac_ctx *keyed, const uint8_t *salt,
		     size_t salt_len, uint64_t iterations, uint32_t index, uint8_t *t)
{
	struct hmac_ctx c = *keyed;
	uint8_t u[HASH_MAX_DIGEST], be[4];

	hash_store_be32(be, index);
	hmac_update(&c, a, salt, salt_len);
	hmac_update(&c, a, be, 4);
	hmac_final(&c, a, u);
	memcpy(t, u, a->digest_len);
	for (uint64_t j = 1; j < iterations; j++) {
		c = *keyed;
		hmac_update(&c, a, u, a->digest_len);
		hmac_final(&c, a, u);
		for (unsigned k = 0; k < a->digest_len; k++)
			t[k] ^= u[k];
	}
	memset(u, 0, sizeof(u));
	memset(&c, 0, sizeof(c));
}

void pbkdf2(const struct hash_alg *a, const void *password, size_t password_len,
	    const void *salt, size_t salt_len, uint64_t iterations, uint8_t *out, size_t out_len)
{
	struct hmac_ctx keyed;
	uint8_t t[HASH_MAX_DIGEST];

	hmac_init(&keyed, a, password, password_len);
	for (uint32_t i = 1; out_len; i++) {
		size_t n = out_len < a->digest_len ? out_len : a->digest_len;

		block_of(a, &keyed, salt, salt_len, iterations, i, t);
		memcpy(out, t, n);
		out += n;
		out_len -= n;
	}
	memset(t, 0, sizeof(t));
	memset(&keyed, 0, sizeof(keyed));
}
