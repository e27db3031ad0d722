/* The encodings of RFC 8017: EMSA-PKCS1-v1_5 (9.2), EMSA-PSS (9.1),
 * RSAES-PKCS1-v1_5 (7.2) and RSAES-OAEP (7.1), with MGF1 (B.2.1). */
#include <string.h>
#include "rsa.h"

void rsa_mgf1_xor(const struct hash_alg *a, const uint8_t *seed, size_t seed_len, uint8_t *out,
		  size_t len)
{
	uint8_t counter[4], digest[HASH_MAX_DIGEST];
	struct hash_ctx c;

	for (uint32_t i = 0; len; i++) {
		size_t n = len < a->digest_len ? len : a->digest_len;

		hash_store_be32(counter, i);
		hash_init(&c, a);
		hash_update(&c, a, seed, seed_len);
		hash_update(&c, a, counter, 4);
		hash_final(&c, a, digest);
		for (size_t j = 0; j < n; j++)
			out[j] ^= digest[j];
		out += n;
		len -= n;
	}
}

/* The DER DigestInfo before each hash (9.2, note 1). */
static const struct {
	const char *name;
	uint8_t len;
	uint8_t der[19];
} digest_infos[] = {
	{ "MD2", 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x02,
		       0x05, 0x00, 0x04, 0x10 } },
	{ "MD4", 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x04,
		       0x05, 0x00, 0x04, 0x10 } },
	{ "MD5", 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05,
		       0x05, 0x00, 0x04, 0x10 } },
	{ "SHA1", 15, { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
			0x14 } },
	{ "SHA256", 19, { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
			  0x02, 0x01, 0x05, 0x00, 0x04, 0x20 } },
	{ "SHA384", 19, { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
			  0x02, 0x02, 0x05, 0x00, 0x04, 0x30 } },
	{ "SHA512", 19, { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
			  0x02, 0x03, 0x05, 0x00, 0x04, 0x40 } },
};

int rsa_pkcs1_sig_encode(const struct hash_alg *a, const uint8_t *h, size_t h_len, uint8_t *em,
			 size_t em_len)
{
	const uint8_t *prefix = NULL;
	size_t prefix_len = 0;

	for (size_t i = 0; a && i < sizeof(digest_infos) / sizeof(digest_infos[0]); i++)
		if (!strcmp(a->name, digest_infos[i].name)) {
			prefix = digest_infos[i].der;
			prefix_len = digest_infos[i].len;
		}
	if ((a && (!prefix || h_len != a->digest_len)) || prefix_len + h_len + 11 > em_len)
		return -1;
	em[0] = 0;
	em[1] = 1;
	memset(em + 2, 0xff, em_len - prefix_len - h_len - 3);
	em[em_len - prefix_len - h_len - 1] = 0;
	memcpy(em + em_len - prefix_len - h_len, prefix, prefix_len);
	memcpy(em + em_len - h_len, h, h_len);
	return 0;
}

/* H = Hash(8 zero bytes || mHash || salt) into out. */
static void pss_h(const struct hash_alg *a, const uint8_t *h, const uint8_t *salt,
		  size_t salt_len, uint8_t *out)
{
	static const uint8_t zeros[8];
	struct hash_ctx c;

	hash_init(&c, a);
	hash_update(&c, a, zeros, 8);
	hash_update(&c, a, h, a->digest_len);
	hash_update(&c, a, salt, salt_len);
	hash_final(&c, a, out);
}

int rsa_pss_encode(const struct hash_alg *a, const uint8_t *h, const uint8_t *salt,
		   size_t salt_len, uint8_t *em, size_t mod_bits)
{
	size_t em_bits = mod_bits - 1, em_len = (em_bits + 7) / 8, k = (mod_bits + 7) / 8;
	size_t h_len = a->digest_len, db_len = em_len - h_len - 1;
	uint8_t *e = em + (k - em_len);

	if (em_len < h_len + salt_len + 2)
		return -1;
	memset(em, 0, k);
	pss_h(a, h, salt, salt_len, e + db_len);
	e[db_len - salt_len - 1] = 1;
	memcpy(e + db_len - salt_len, salt, salt_len);
	rsa_mgf1_xor(a, e + db_len, h_len, e, db_len);
	e[0] &= (uint8_t)(0xff >> (8 * em_len - em_bits));
	e[em_len - 1] = 0xbc;
	return 0;
}

int rsa_pss_verify(const struct hash_alg *a, const uint8_t *h, size_t salt_len, uint8_t *em,
		   size_t mod_bits)
{
	size_t em_bits = mod_bits - 1, em_len = (em_bits + 7) / 8, k = (mod_bits + 7) / 8;
	size_t h_len = a->digest_len, db_len = em_len - h_len - 1;
	uint8_t *e = em + (k - em_len), expect[HASH_MAX_DIGEST];

	if (em_len < h_len + salt_len + 2 || (k > em_len && em[0]) || e[em_len - 1] != 0xbc)
		return -1;
	if (e[0] & (uint8_t)~(0xff >> (8 * em_len - em_bits)))
		return -1;
	rsa_mgf1_xor(a, e + db_len, h_len, e, db_len);
	e[0] &= (uint8_t)(0xff >> (8 * em_len - em_bits));
	for (size_t i = 0; i < db_len - salt_len - 1; i++)
		if (e[i])
			return -1;
	if (e[db_len - salt_len - 1] != 1)
		return -1;
	pss_h(a, h, e + db_len - salt_len, salt_len, expect);
	return memcmp(expect, e + db_len, h_len) ? -1 : 0;
}

/* Random bytes none of which is zero. */
static void nonzero_random(uint8_t *out, size_t len, rsa_random_fn random)
{
	random(out, len);
	for (size_t i = 0; i < len; i++)
		while (!out[i])
			random(out + i, 1);
}

int rsa_pkcs1_enc_encode(const uint8_t *msg, size_t len, uint8_t *em, size_t k,
			 rsa_random_fn random)
{
	if (len + 11 > k)
		return -1;
	em[0] = 0;
	em[1] = 2;
	nonzero_random(em + 2, k - len - 3, random);
	em[k - len - 1] = 0;
	memcpy(em + k - len, msg, len);
	return 0;
}

int rsa_pkcs1_enc_decode(const uint8_t *em, size_t k, const uint8_t **msg, size_t *len)
{
	size_t i = 2;

	if (k < 11 || em[0] || em[1] != 2)
		return -1;
	while (i < k && em[i])
		i++;
	if (i >= k || i < 10)
		return -1; /* no separator, or fewer than 8 bytes of padding */
	*msg = em + i + 1;
	*len = k - i - 1;
	return 0;
}

static void label_hash(const struct hash_alg *a, const uint8_t *label, size_t label_len,
		       uint8_t *out)
{
	struct hash_ctx c;

	hash_init(&c, a);
	hash_update(&c, a, label, label_len);
	hash_final(&c, a, out);
}

int rsa_oaep_encode(const struct hash_alg *a, const uint8_t *label, size_t label_len,
		    const uint8_t *msg, size_t len, uint8_t *em, size_t k, rsa_random_fn random)
{
	size_t h_len = a->digest_len, db_len = k - h_len - 1;
	uint8_t *seed = em + 1, *db = em + 1 + h_len;

	if (k < 2 * h_len + 2 || len > k - 2 * h_len - 2)
		return -1;
	memset(em, 0, k);
	label_hash(a, label, label_len, db);
	db[db_len - len - 1] = 1;
	memcpy(db + db_len - len, msg, len);
	random(seed, h_len);
	rsa_mgf1_xor(a, seed, h_len, db, db_len);
	rsa_mgf1_xor(a, db, db_len, seed, h_len);
	return 0;
}

int rsa_oaep_decode(const struct hash_alg *a, const uint8_t *label, size_t label_len,
		    uint8_t *em, size_t k, const uint8_t **msg, size_t *len)
{
	size_t h_len = a->digest_len, db_len = k - h_len - 1, i;
	uint8_t *seed = em + 1, *db = em + 1 + h_len, expect[HASH_MAX_DIGEST];

	if (k < 2 * h_len + 2 || em[0])
		return -1;
	rsa_mgf1_xor(a, db, db_len, seed, h_len);
	rsa_mgf1_xor(a, seed, h_len, db, db_len);
	label_hash(a, label, label_len, expect);
	if (memcmp(expect, db, h_len))
		return -1;
	for (i = h_len; i < db_len && !db[i]; i++)
		;
	if (i >= db_len || db[i] != 1)
		return -1;
	*msg = db + i + 1;
	*len = db_len - i - 1;
	return 0;
}
