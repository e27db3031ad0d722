/* BCryptSignHash and BCryptVerifySignature of RSA keys: the caller's
 * hash, encoded by PKCS #1 v1.5 (with the DigestInfo of pszAlgId, or bare
 * when it is NULL) or PSS (with cbSalt bytes of random salt), then run
 * through the private or public key. */
#include "bcrypt_private.h"

/* The padding asked: its digest (NULL: a bare PKCS #1 hash) and salt. */
struct sig_padding {
	BOOL pss;
	const struct hash_alg *hash;
	ULONG salt_len;
};

static NTSTATUS padding_of(const void *info, ULONG flags, struct sig_padding *p)
{
	const BCRYPT_PKCS1_PADDING_INFO *pkcs1 = info;
	const BCRYPT_PSS_PADDING_INFO *pss = info;

	if (!info || (flags != BCRYPT_PAD_PKCS1 && flags != BCRYPT_PAD_PSS))
		return STATUS_INVALID_PARAMETER;
	p->pss = flags == BCRYPT_PAD_PSS;
	p->salt_len = p->pss ? pss->cbSalt : 0;
	p->hash = NULL;
	if (!pkcs1->pszAlgId)
		return p->pss ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
	p->hash = bc_hash_named(pkcs1->pszAlgId);
	return p->hash ? STATUS_SUCCESS : STATUS_NOT_SUPPORTED;
}

/* The encoded message for hash into em (the key's length). */
static NTSTATUS encode(const struct rsa_key *r, const struct sig_padding *p, const UCHAR *hash,
		       ULONG hash_len, UCHAR *em)
{
	UCHAR salt[HASH_MAX_DIGEST * 4];

	if (p->hash && hash_len != p->hash->digest_len)
		return STATUS_INVALID_PARAMETER;
	if (!p->pss)
		return rsa_pkcs1_sig_encode(p->hash, hash, hash_len, em, r->n_len)
		       ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
	if (p->salt_len > sizeof(salt))
		return STATUS_INVALID_PARAMETER;
	bc_random(salt, p->salt_len);
	return rsa_pss_encode(p->hash, hash, salt, p->salt_len, em, bn_bits(&r->n))
	       ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

NTSTATUS bc_rsa_sign(const struct bc_key *k, const void *info, const UCHAR *hash, ULONG hash_len,
		     UCHAR *sig, ULONG sig_len, ULONG *result, ULONG flags)
{
	const struct rsa_key *r = k->rsa;
	struct sig_padding p;
	UCHAR em[BN_MAX_BYTES];
	NTSTATUS st;

	if ((st = padding_of(info, flags, &p)) != STATUS_SUCCESS)
		return st;
	*result = (ULONG)r->n_len;
	if (!sig)
		return STATUS_SUCCESS; /* the size only */
	if (!r->has_private)
		return STATUS_INVALID_PARAMETER;
	if (sig_len < r->n_len)
		return STATUS_BUFFER_TOO_SMALL;
	if ((st = encode(r, &p, hash, hash_len, em)) != STATUS_SUCCESS)
		return st;
	st = rsa_private(r, em, sig) ? STATUS_INTERNAL_ERROR : STATUS_SUCCESS;
	RtlSecureZeroMemory(em, sizeof(em));
	return st;
}

NTSTATUS bc_rsa_verify(const struct bc_key *k, const void *info, const UCHAR *hash,
		       ULONG hash_len, const UCHAR *sig, ULONG sig_len, ULONG flags)
{
	const struct rsa_key *r = k->rsa;
	UCHAR em[BN_MAX_BYTES], expect[BN_MAX_BYTES];
	struct sig_padding p;
	NTSTATUS st;

	if ((st = padding_of(info, flags, &p)) != STATUS_SUCCESS)
		return st;
	if (p.hash && hash_len != p.hash->digest_len)
		return STATUS_INVALID_PARAMETER;
	if (sig_len != r->n_len || rsa_public(r, sig, em))
		return STATUS_INVALID_SIGNATURE;
	if (p.pss)
		return rsa_pss_verify(p.hash, hash, p.salt_len, em, bn_bits(&r->n))
		       ? STATUS_INVALID_SIGNATURE : STATUS_SUCCESS;
	if (rsa_pkcs1_sig_encode(p.hash, hash, hash_len, expect, r->n_len) ||
	    memcmp(em, expect, r->n_len))
		return STATUS_INVALID_SIGNATURE;
	return STATUS_SUCCESS;
}
