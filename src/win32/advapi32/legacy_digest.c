/* The digests advapi32 exports with their state in the caller's
 * structure: MD4Init/Update/Final, MD5Init/Update/Final (the layout
 * Microsoft documents for MD5_CTX: the bit count, the state, the pending
 * bytes, the digest), A_SHAInit/Update/Final, and the MD4 of a
 * UNICODE_STRING or of 16 bytes (SystemFunction007, 010, 011).  Each
 * call moves the state into bcrypt's digest code (bcrypt/hash.h) and
 * back. */
#include "adv_private.h"
#include "bcrypt/hash.h"

/* MD4_CTX puts the state first, MD5_CTX the count first. */
struct md4_ctx {
	ULONG buf[4], i[2];
	UCHAR in[64], digest[16];
};
struct md5_ctx {
	ULONG i[2], buf[4];
	UCHAR in[64], digest[16];
};
struct sha_ctx {
	ULONG unknown[6], state[5], count[2];
	UCHAR buffer[64];
};

/* A digest's state: its words, its byte count (split in two ULONGs, low
 * first, counting bits when bits is set), the pending block. */
struct legacy_state {
	ULONG *words;
	unsigned nwords;
	ULONG *count;
	BOOL bits;
	UCHAR *block;
};

static void load(const struct legacy_state *s, struct hash_ctx *c)
{
	uint64_t n = (uint64_t)s->count[1] << 32 | s->count[0];

	memset(c, 0, sizeof(*c));
	memcpy(c->h.w32, s->words, s->nwords * sizeof(ULONG));
	c->total = s->bits ? n / 8 : n;
	memcpy(c->block, s->block, 64);
}

static void store(const struct hash_ctx *c, const struct legacy_state *s)
{
	uint64_t n = s->bits ? c->total * 8 : c->total;

	memcpy(s->words, c->h.w32, s->nwords * sizeof(ULONG));
	s->count[0] = (ULONG)n;
	s->count[1] = (ULONG)(n >> 32);
	memcpy(s->block, c->block, 64);
}

static void legacy_init(const struct legacy_state *s, const struct hash_alg *a)
{
	struct hash_ctx c;

	hash_init(&c, a);
	store(&c, s);
}

static void legacy_update(const struct legacy_state *s, const struct hash_alg *a,
			  const void *data, size_t len)
{
	struct hash_ctx c;

	load(s, &c);
	hash_update(&c, a, data, len);
	store(&c, s);
}

/* The digest into out; the state keeps the digest's words. */
static void legacy_final(const struct legacy_state *s, const struct hash_alg *a, UCHAR *out)
{
	struct hash_ctx c;

	load(s, &c);
	hash_final(&c, a, out);
	memcpy(s->words, out, s->nwords * sizeof(ULONG));
}

#define MD4_STATE(ctx) { (ctx)->buf, 4, (ctx)->i, TRUE, (ctx)->in }
#define MD5_STATE(ctx) { (ctx)->buf, 4, (ctx)->i, TRUE, (ctx)->in }
#define SHA_STATE(ctx) { (ctx)->state, 5, (ctx)->count, FALSE, (ctx)->buffer }

ADVAPI void WINAPI MD4Init(struct md4_ctx *ctx)
{
	struct legacy_state s = MD4_STATE(ctx);

	legacy_init(&s, &hash_md4);
}

ADVAPI void WINAPI MD4Update(struct md4_ctx *ctx, const UCHAR *data, UINT len)
{
	struct legacy_state s = MD4_STATE(ctx);

	legacy_update(&s, &hash_md4, data, len);
}

ADVAPI void WINAPI MD4Final(struct md4_ctx *ctx)
{
	struct legacy_state s = MD4_STATE(ctx);

	legacy_final(&s, &hash_md4, ctx->digest);
}

ADVAPI void WINAPI MD5Init(struct md5_ctx *ctx)
{
	struct legacy_state s = MD5_STATE(ctx);

	legacy_init(&s, &hash_md5);
}

ADVAPI void WINAPI MD5Update(struct md5_ctx *ctx, const UCHAR *data, UINT len)
{
	struct legacy_state s = MD5_STATE(ctx);

	legacy_update(&s, &hash_md5, data, len);
}

ADVAPI void WINAPI MD5Final(struct md5_ctx *ctx)
{
	struct legacy_state s = MD5_STATE(ctx);

	legacy_final(&s, &hash_md5, ctx->digest);
}

ADVAPI void WINAPI A_SHAInit(struct sha_ctx *ctx)
{
	struct legacy_state s = SHA_STATE(ctx);

	legacy_init(&s, &hash_sha1);
}

ADVAPI void WINAPI A_SHAUpdate(struct sha_ctx *ctx, const UCHAR *data, UINT len)
{
	struct legacy_state s = SHA_STATE(ctx);

	legacy_update(&s, &hash_sha1, data, len);
}

/* The 20 digest bytes into result; the context starts again. */
ADVAPI void WINAPI A_SHAFinal(struct sha_ctx *ctx, ULONG *result)
{
	struct legacy_state s = SHA_STATE(ctx);
	UCHAR digest[20];

	legacy_final(&s, &hash_sha1, digest);
	memcpy(result, digest, sizeof(digest));
	legacy_init(&s, &hash_sha1);
}

static void md4_of(const void *data, size_t len, UCHAR *out)
{
	struct hash_ctx c;

	hash_init(&c, &hash_md4);
	hash_update(&c, &hash_md4, data, len);
	hash_final(&c, &hash_md4, out);
}

/* The MD4 of the string's bytes (the NT password hash). */
ADVAPI NTSTATUS WINAPI SystemFunction007(const UNICODE_STRING *s, UCHAR *hash)
{
	if (!s || !hash || (s->Length && !s->Buffer))
		return STATUS_UNSUCCESSFUL;
	md4_of(s->Buffer, s->Length, hash);
	return STATUS_SUCCESS;
}

/* The MD4 of 16 bytes (the first argument is unused). */
ADVAPI NTSTATUS WINAPI SystemFunction010(void *unused, const UCHAR *data, UCHAR *hash)
{
	if (!data || !hash)
		return STATUS_UNSUCCESSFUL;
	md4_of(data, 16, hash);
	return STATUS_SUCCESS;
}

ADVAPI NTSTATUS WINAPI SystemFunction011(void *unused, const UCHAR *data, UCHAR *hash)
{
	return SystemFunction010(unused, data, hash);
}
