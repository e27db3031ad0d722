/* RSA (RFC 8017): the key, its primitives, key generation and the
 * encodings of signatures (PKCS #1 v1.5, PSS) and of encryption (PKCS #1
 * v1.5, OAEP).  Pure C over bignum.h and hash.h, so that test/unit checks
 * it on the host. */
#ifndef LSW_RSA_H
#define LSW_RSA_H

#include "bignum.h"
#include "hash.h"

#define RSA_MIN_BITS 512
#define RSA_MAX_BITS 4096

struct rsa_key {
	struct bn n, e;
	struct bn d, p, q, dp, dq, qinv; /* the private half */
	int has_private;
	/* The sizes the key's blobs give its fields (an imported key's own). */
	size_t e_len, n_len, p_len, q_len;
};

typedef bn_random_fn rsa_random_fn;

/* The private exponent and the CRT values from n, e, p and q; -1 when
 * they are not a key (p * q != n, e not invertible or wider than 32 bits). */
int rsa_complete(struct rsa_key *k);
/* 0 when p and q are two factors of n. */
int rsa_check_factors(const struct rsa_key *k);
/* A new key of bits bits (even, RSA_MIN_BITS..RSA_MAX_BITS), e = 65537. */
int rsa_generate(struct rsa_key *k, unsigned bits, rsa_random_fn random);
/* out = in^e or in^d mod n, both n_len bytes big-endian; -1 when in >= n. */
int rsa_public(const struct rsa_key *k, const uint8_t *in, uint8_t *out);
int rsa_private(const struct rsa_key *k, const uint8_t *in, uint8_t *out);

/* MGF1 (RFC 8017 B.2.1): XORs len bytes of mask from seed into out. */
void rsa_mgf1_xor(const struct hash_alg *a, const uint8_t *seed, size_t seed_len, uint8_t *out,
		  size_t len);

/* EMSA-PKCS1-v1_5 (9.2) into em (em_len bytes): the DigestInfo of a's
 * hash, or the bare hash when a is NULL.  -1 when it does not fit. */
int rsa_pkcs1_sig_encode(const struct hash_alg *a, const uint8_t *h, size_t h_len, uint8_t *em,
			 size_t em_len);
/* EMSA-PSS (9.1) for a modulus of mod_bits bits, into (or from) em of
 * the key's length, (mod_bits + 7) / 8 bytes: the leading byte is zero
 * when mod_bits - 1 is a multiple of 8.  h is a's digest. */
int rsa_pss_encode(const struct hash_alg *a, const uint8_t *h, const uint8_t *salt,
		   size_t salt_len, uint8_t *em, size_t mod_bits);
int rsa_pss_verify(const struct hash_alg *a, const uint8_t *h, size_t salt_len, uint8_t *em,
		   size_t mod_bits);
/* RSAES-PKCS1-v1_5 (7.2) and RSAES-OAEP (7.1) encodings into k bytes, and
 * their decodings (in place: *msg points into em).  -1: too long or not
 * a valid encoding. */
int rsa_pkcs1_enc_encode(const uint8_t *msg, size_t len, uint8_t *em, size_t k,
			 rsa_random_fn random);
int rsa_pkcs1_enc_decode(const uint8_t *em, size_t k, const uint8_t **msg, size_t *len);
int rsa_oaep_encode(const struct hash_alg *a, const uint8_t *label, size_t label_len,
		    const uint8_t *msg, size_t len, uint8_t *em, size_t k, rsa_random_fn random);
int rsa_oaep_decode(const struct hash_alg *a, const uint8_t *label, size_t label_len,
		    uint8_t *em, size_t k, const uint8_t **msg, size_t *len);

#endif
