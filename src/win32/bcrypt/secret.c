/* ECDH secret agreement: BCryptSecretAgreement keeps the shared value of
 * a private key and a public one, BCryptDeriveKey turns it into key
 * material (BCRYPT_KDF_RAW_SECRET: the value, little-endian, as Windows
 * gives it; BCRYPT_KDF_HASH: a digest of prepend || value || append), and
 * BCryptDestroySecret. */
#include "bcrypt_private.h"

#define BC_SECRET_MAGIC 0x31524353u /* "SCR1" */

struct bc_secret {
	ULONG magic;
	ULONG len;
	UCHAR z[ECC_MAX_BYTES];       /* big-endian */
};

static struct bc_secret *secret_from_handle(void *handle)
{
	struct bc_secret *s = handle;

	if ((ULONG_PTR)handle < 0x10000 || !live_has(s) || s->magic != BC_SECRET_MAGIC)
		return NULL;
	return s;
}

static const struct bc_key *ecdh_key(void *handle)
{
	const struct bc_key *k = bc_key_from_handle(handle);

	return k && k->kind == BC_KIND_ECDH && k->finalized ? k : NULL;
}

BCRYPT_API NTSTATUS WINAPI BCryptSecretAgreement(void *private_key, void *public_key,
						 void **handle, ULONG flags)
{
	const struct bc_key *priv = ecdh_key(private_key), *pub = ecdh_key(public_key);
	struct bc_secret *s;

	if (!priv || !pub)
		return STATUS_INVALID_HANDLE;
	if (!handle || flags)
		return STATUS_INVALID_PARAMETER;
	if (!priv->ecc->has_private || priv->bits != pub->bits)
		return STATUS_INVALID_PARAMETER;
	if (!(s = bc_alloc(sizeof(*s))))
		return STATUS_NO_MEMORY;
	s->len = (ULONG)priv->ecc->curve.bytes;
	if (ecdh_shared(&priv->ecc->curve, &priv->ecc->d, &pub->ecc->q, s->z) || !live_add(s)) {
		bc_free(s);
		return STATUS_INTERNAL_ERROR;
	}
	s->magic = BC_SECRET_MAGIC;
	*handle = s;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptDestroySecret(void *handle)
{
	struct bc_secret *s = secret_from_handle(handle);

	if (!s)
		return STATUS_INVALID_HANDLE;
	live_remove(s);
	RtlSecureZeroMemory(s, sizeof(*s));
	bc_free(s);
	return STATUS_SUCCESS;
}

/* KDF_HASH's parameters: the digest (SHA-1 unless named) and the bytes
 * around the value. */
struct kdf_hash_params {
	const struct hash_alg *hash;
	const BCryptBuffer *prepend, *append;
};

static NTSTATUS hash_params(const BCryptBufferDesc *desc, struct kdf_hash_params *p)
{
	*p = (struct kdf_hash_params){ &hash_sha1, NULL, NULL };
	for (ULONG i = 0; desc && i < desc->cBuffers; i++) {
		const BCryptBuffer *b = &desc->pBuffers[i];

		if (b->cbBuffer && !b->pvBuffer)
			return STATUS_INVALID_PARAMETER;
		if (b->BufferType == KDF_HASH_ALGORITHM) {
			const WCHAR *name = b->pvBuffer;

			/* the name with its terminator, within the buffer */
			if (b->cbBuffer < sizeof(WCHAR) || name[b->cbBuffer / sizeof(WCHAR) - 1])
				return STATUS_INVALID_PARAMETER;
			if (!(p->hash = bc_hash_named(name)))
				return STATUS_NOT_SUPPORTED;
		} else if (b->BufferType == KDF_SECRET_PREPEND) {
			p->prepend = b;
		} else if (b->BufferType == KDF_SECRET_APPEND) {
			p->append = b;
		} else {
			return STATUS_NOT_SUPPORTED;
		}
	}
	return STATUS_SUCCESS;
}

static void kdf_hash(const struct bc_secret *s, const struct kdf_hash_params *p, UCHAR *out)
{
	struct hash_ctx c;

	hash_init(&c, p->hash);
	if (p->prepend)
		hash_update(&c, p->hash, p->prepend->pvBuffer, p->prepend->cbBuffer);
	hash_update(&c, p->hash, s->z, s->len);
	if (p->append)
		hash_update(&c, p->hash, p->append->pvBuffer, p->append->cbBuffer);
	hash_final(&c, p->hash, out);
}

/* The derived bytes into val (at most HASH_MAX_DIGEST), their count into *len. */
static NTSTATUS derive(const struct bc_secret *s, const WCHAR *kdf, const BCryptBufferDesc *params,
		       UCHAR *val, ULONG *len)
{
	struct kdf_hash_params p;
	NTSTATUS st;

	if (!_wcsicmp(kdf, BCRYPT_KDF_RAW_SECRET)) {
		for (ULONG i = 0; i < s->len; i++)
			val[i] = s->z[s->len - 1 - i];
		*len = s->len;
		return STATUS_SUCCESS;
	}
	if (_wcsicmp(kdf, BCRYPT_KDF_HASH))
		return STATUS_NOT_SUPPORTED;
	if ((st = hash_params(params, &p)) != STATUS_SUCCESS)
		return st;
	kdf_hash(s, &p, val);
	*len = p.hash->digest_len;
	return STATUS_SUCCESS;
}

/* A buffer shorter than the derived bytes takes their first bytes. */
BCRYPT_API NTSTATUS WINAPI BCryptDeriveKey(void *handle, const WCHAR *kdf, BCryptBufferDesc *params,
					   UCHAR *out, ULONG out_len, ULONG *result, ULONG flags)
{
	const struct bc_secret *s = secret_from_handle(handle);
	UCHAR val[HASH_MAX_DIGEST];
	ULONG len;
	NTSTATUS st;

	if (!s)
		return STATUS_INVALID_HANDLE;
	if (!kdf || !result || flags)
		return STATUS_INVALID_PARAMETER;
	if ((st = derive(s, kdf, params, val, &len)) != STATUS_SUCCESS)
		return st;
	if (out) {
		len = out_len < len ? out_len : len;
		memcpy(out, val, len);
	}
	*result = len;
	RtlSecureZeroMemory(val, sizeof(val));
	return STATUS_SUCCESS;
}
