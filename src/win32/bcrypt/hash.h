/* Message digests and HMAC, written from their specifications: MD2 (RFC
 * 1319), MD4 (RFC 1320), MD5 (RFC 1321), SHA-1, SHA-256, SHA-384 and
 * SHA-512 (FIPS 180-4), HMAC (RFC 2104).
 * Pure C, no Windows headers, so that test/unit checks them against the
 * published test vectors on the host.  bcrypt.dll serves them through its
 * API; advapi32's CryptCreateHash reaches them through bcrypt. */
#ifndef LSW_HASH_H
#define LSW_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_MAX_DIGEST 64
#define HASH_MAX_BLOCK 128

struct hash_ctx {
	union {
		uint32_t w32[8];
		uint64_t w64[8];
	} h;                          /* the chaining state */
	uint8_t block[HASH_MAX_BLOCK]; /* bytes waiting for a full block */
	uint64_t total;               /* bytes hashed so far */
};

struct hash_alg {
	const char *name;             /* "SHA256": CNG's algorithm identifier */
	unsigned digest_len, block_len;
	unsigned length_bytes;        /* the message length field: 8 or 16 */
	int little_endian;            /* MD5: length and digest little-endian */
	void (*init)(struct hash_ctx *c);
	void (*compress)(struct hash_ctx *c, const uint8_t *block);
	void (*digest)(const struct hash_ctx *c, uint8_t *out);
	/* The last block(s) a digest without the length padding (MD2)
	 * compresses itself; NULL: the Merkle-Damgard padding. */
	void (*pad)(struct hash_ctx *c);
};

extern const struct hash_alg hash_md2, hash_md4, hash_md5, hash_sha1, hash_sha256, hash_sha384, hash_sha512;

void hash_init(struct hash_ctx *c, const struct hash_alg *a);
void hash_update(struct hash_ctx *c, const struct hash_alg *a, const void *data, size_t len);
void hash_final(struct hash_ctx *c, const struct hash_alg *a, uint8_t *out);

/* A hash's state at a block boundary (nothing buffered): what a keyed
 * start needs kept, far smaller than a whole hash_ctx. */
struct hash_mid {
	union {
		uint32_t w32[8];
		uint64_t w64[8];
	} h;
	uint64_t total;
};

void hash_save(const struct hash_ctx *c, struct hash_mid *m);
void hash_restore(struct hash_ctx *c, const struct hash_mid *m);

/* HMAC: the inner and outer hashes, keyed. */
struct hmac_ctx {
	struct hash_ctx inner, outer;
};

void hmac_init(struct hmac_ctx *c, const struct hash_alg *a, const void *key, size_t key_len);
void hmac_update(struct hmac_ctx *c, const struct hash_alg *a, const void *data, size_t len);
void hmac_final(struct hmac_ctx *c, const struct hash_alg *a, uint8_t *out);

/* PBKDF2 (RFC 8018) with HMAC over a: out_len bytes of key. */
void pbkdf2(const struct hash_alg *a, const void *password, size_t password_len,
	    const void *salt, size_t salt_len, uint64_t iterations, uint8_t *out, size_t out_len);

/* Big- and little-endian loads and stores the algorithms share. */
uint32_t hash_load_be32(const uint8_t *p);
uint64_t hash_load_be64(const uint8_t *p);
void hash_store_be32(uint8_t *p, uint32_t v);
void hash_store_be64(uint8_t *p, uint64_t v);

#endif
