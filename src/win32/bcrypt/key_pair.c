/* Key pairs: BCryptGenerateKeyPair (a key whose length can still be set)
 * and BCryptFinalizeKeyPair (which makes it), BCryptImportKeyPair, and
 * the signature calls, each handing the key to its algorithm's file:
 * RSA (rsa_*.c), ECDSA and ECDH (ecc_key.c), DSA (dsa_blob.c). */
#include "bcrypt_private.h"

void bc_random(uint8_t *out, size_t len)
{
	ProcessPrng(out, len);
}

static BOOL rsa_bits_valid(ULONG bits)
{
	return bits >= RSA_MIN_BITS && bits <= RSA_MAX_BITS && bits % 64 == 0;
}

BCRYPT_API NTSTATUS WINAPI BCryptGenerateKeyPair(void *alg_handle, void **handle, ULONG bits,
						 ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(alg_handle);
	struct bc_key *k;
	NTSTATUS st;

	if (!a || !BC_KIND_IS_PAIR(a->kind))
		return STATUS_INVALID_HANDLE;
	if (!handle || flags)
		return STATUS_INVALID_PARAMETER;
	if (a->kind == BC_KIND_RSA ? !rsa_bits_valid(bits)
	    : a->kind == BC_KIND_DSA ? bits < DSA_MIN_BITS || bits > DSA_MAX_BITS || bits % 64
	    : bits != a->curve_bits)
		return STATUS_INVALID_PARAMETER;
	if ((st = bc_new_key(&k)) != STATUS_SUCCESS)
		return st;
	k->name = a->name;
	k->kind = a->kind;
	k->bits = bits;
	*handle = k;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptFinalizeKeyPair(void *handle, ULONG flags)
{
	struct bc_key *k = bc_key_from_handle(handle);
	struct rsa_key *rsa;

	if (!k || !BC_KIND_IS_PAIR(k->kind) || k->finalized)
		return STATUS_INVALID_HANDLE;
	if (flags)
		return STATUS_INVALID_PARAMETER;
	if (BC_KIND_IS_ECC(k->kind))
		return bc_ecc_finalize(k);
	if (k->kind == BC_KIND_DSA)
		return bc_dsa_finalize(k);
	if (!(rsa = bc_alloc(sizeof(*rsa))))
		return STATUS_NO_MEMORY;
	if (rsa_generate(rsa, k->bits, bc_random)) {
		bc_free(rsa);
		return STATUS_INTERNAL_ERROR;
	}
	k->rsa = rsa;
	k->finalized = TRUE;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptImportKeyPair(void *alg_handle, void *import_key,
					       const WCHAR *type, void **handle, UCHAR *in,
					       ULONG in_len, ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(alg_handle);

	if (!a || !BC_KIND_IS_PAIR(a->kind))
		return STATUS_INVALID_HANDLE;
	if (import_key || !type || !handle || !in)
		return STATUS_INVALID_PARAMETER;
	if (BC_KIND_IS_ECC(a->kind))
		return bc_ecc_import(a, type, handle, in, in_len);
	if (a->kind == BC_KIND_DSA)
		return bc_dsa_import(a, type, handle, in, in_len);
	return bc_rsa_import(a, type, handle, in, in_len);
}

/* A finalized key pair, or NULL. */
static const struct bc_key *usable_pair(void *handle)
{
	const struct bc_key *k = bc_key_from_handle(handle);

	return k && BC_KIND_IS_PAIR(k->kind) && k->finalized ? k : NULL;
}

BCRYPT_API NTSTATUS WINAPI BCryptSignHash(void *handle, void *info, UCHAR *hash, ULONG hash_len,
					  UCHAR *sig, ULONG sig_len, ULONG *result, ULONG flags)
{
	const struct bc_key *k = usable_pair(handle);

	if (!k)
		return STATUS_INVALID_HANDLE;
	if (!result || (hash_len && !hash))
		return STATUS_INVALID_PARAMETER;
	if (BC_KIND_IS_ECC(k->kind))
		return bc_ecc_sign(k, hash, hash_len, sig, sig_len, result, flags);
	if (k->kind == BC_KIND_DSA)
		return bc_dsa_sign(k, hash, hash_len, sig, sig_len, result, flags);
	return bc_rsa_sign(k, info, hash, hash_len, sig, sig_len, result, flags);
}

BCRYPT_API NTSTATUS WINAPI BCryptVerifySignature(void *handle, void *info, UCHAR *hash,
						 ULONG hash_len, UCHAR *sig, ULONG sig_len,
						 ULONG flags)
{
	const struct bc_key *k = usable_pair(handle);

	if (!k)
		return STATUS_INVALID_HANDLE;
	if ((hash_len && !hash) || !sig)
		return STATUS_INVALID_PARAMETER;
	if (BC_KIND_IS_ECC(k->kind))
		return bc_ecc_verify(k, hash, hash_len, sig, sig_len, flags);
	if (k->kind == BC_KIND_DSA)
		return bc_dsa_verify(k, hash, hash_len, sig, sig_len, flags);
	return bc_rsa_verify(k, info, hash, hash_len, sig, sig_len, flags);
}
