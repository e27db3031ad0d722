/* The Merkle-Damgard framing every digest here shares (buffering, the
 * padding of FIPS 180-4 section 5.1 and RFC 1321 section 3.1-3.2), and
 * HMAC (RFC 2104). */
#include <string.h>
#include "hash.h"

uint32_t hash_load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint64_t hash_load_be64(const uint8_t *p)
{
	return (uint64_t)hash_load_be32(p) << 32 | hash_load_be32(p + 4);
}

void hash_store_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

void hash_store_be64(uint8_t *p, uint64_t v)
{
	hash_store_be32(p, (uint32_t)(v >> 32));
	hash_store_be32(p + 4, (uint32_t)v);
}

void hash_init(struct hash_ctx *c, const struct hash_alg *a)
{
	memset(c, 0, sizeof(*c));
	a->init(c);
}

void hash_update(struct hash_ctx *c, const struct hash_alg *a, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t fill = (size_t)(c->total % a->block_len);

	c->total += len;
	if (fill) {
		size_t n = a->block_len - fill < len ? a->block_len - fill : len;

		memcpy(c->block + fill, p, n);
		p += n;
		len -= n;
		if (fill + n < a->block_len)
			return;
		a->compress(c, c->block);
	}
	for (; len >= a->block_len; p += a->block_len, len -= a->block_len)
		a->compress(c, p);
	memcpy(c->block, p, len);
}

/* A 1 bit, zeros, then the message length in bits. */
void hash_final(struct hash_ctx *c, const struct hash_alg *a, uint8_t *out)
{
	size_t fill = (size_t)(c->total % a->block_len), len_at = a->block_len - a->length_bytes;
	uint64_t bits = c->total << 3;

	if (a->pad) {
		a->pad(c);
		a->digest(c, out);
		memset(c, 0, sizeof(*c));
		return;
	}
	c->block[fill++] = 0x80;
	if (fill > len_at) {
		memset(c->block + fill, 0, a->block_len - fill);
		a->compress(c, c->block);
		fill = 0;
	}
	memset(c->block + fill, 0, a->block_len - fill);
	if (a->little_endian) {
		for (int i = 0; i < 8; i++)
			c->block[len_at + i] = (uint8_t)(bits >> (8 * i));
	} else {
		/* a 128-bit length's high half: the bytes' top three bits */
		if (a->length_bytes == 16)
			hash_store_be64(c->block + len_at, c->total >> 61);
		hash_store_be64(c->block + a->block_len - 8, bits);
	}
	a->compress(c, c->block);
	a->digest(c, out);
	memset(c, 0, sizeof(*c));
}

void hash_save(const struct hash_ctx *c, struct hash_mid *m)
{
	memcpy(&m->h, &c->h, sizeof(m->h));
	m->total = c->total;
}

void hash_restore(struct hash_ctx *c, const struct hash_mid *m)
{
	memset(c, 0, sizeof(*c));
	memcpy(&c->h, &m->h, sizeof(m->h));
	c->total = m->total;
}

/* K0 (the key, hashed first when longer than a block) XOR pad. */
static void keyed_start(struct hash_ctx *c, const struct hash_alg *a, const uint8_t *k0,
			uint8_t pad)
{
	uint8_t block[HASH_MAX_BLOCK];

	for (unsigned i = 0; i < a->block_len; i++)
		block[i] = k0[i] ^ pad;
	hash_init(c, a);
	hash_update(c, a, block, a->block_len);
	memset(block, 0, sizeof(block));
}

void hmac_init(struct hmac_ctx *c, const struct hash_alg *a, const void *key, size_t key_len)
{
	uint8_t k0[HASH_MAX_BLOCK] = { 0 };

	if (key_len > a->block_len) {
		struct hash_ctx kc;

		hash_init(&kc, a);
		hash_update(&kc, a, key, key_len);
		hash_final(&kc, a, k0);
	} else if (key_len) {
		memcpy(k0, key, key_len);
	}
	keyed_start(&c->inner, a, k0, 0x36);
	keyed_start(&c->outer, a, k0, 0x5c);
	memset(k0, 0, sizeof(k0));
}

void hmac_update(struct hmac_ctx *c, const struct hash_alg *a, const void *data, size_t len)
{
	hash_update(&c->inner, a, data, len);
}

void hmac_final(struct hmac_ctx *c, const struct hash_alg *a, uint8_t *out)
{
	uint8_t inner[HASH_MAX_DIGEST];

	hash_final(&c->inner, a, inner);
	hash_update(&c->outer, a, inner, a->digest_len);
	hash_final(&c->outer, a, out);
	memset(inner, 0, sizeof(inner));
}
