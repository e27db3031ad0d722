/* DSA of FIPS 186-2 (the form CNG's "DSA" provider has for keys of 512 to
 * 1024 bits: a 160-bit q, SHA-1 sized hashes): key generation, signing
 * and verification.  Pure C over bignum.h, so that test/unit checks it on
 * the host. */
#ifndef LSW_DSA_H
#define LSW_DSA_H

#include "bignum.h"

#define DSA_Q_BYTES 20
#define DSA_MIN_BITS 512
#define DSA_MAX_BITS 1024

struct dsa_key {
	struct bn p, q, g, y, x;      /* x: the private half */
	int has_private;
	size_t p_len;                 /* p's (and g's, y's) bytes in blobs */
	uint8_t count[4], seed[20];   /* the generation's, as blobs carry them */
};

/* New domain parameters of bits bits (a multiple of 64) and a key. */
int dsa_generate(struct dsa_key *k, unsigned bits, bn_random_fn random);
/* y = g^x mod p, for a key read without it. */
void dsa_public_from_private(struct dsa_key *k);
/* Signatures are r || s, 20 bytes each; the hash is cut to q's bits.
 * -1: the parameters give no signature (not a prime-order group). */
int dsa_sign(const struct dsa_key *k, const uint8_t *h, size_t h_len, uint8_t *sig,
	      bn_random_fn random);
int dsa_verify(const struct dsa_key *k, const uint8_t *h, size_t h_len, const uint8_t *sig);

#endif
