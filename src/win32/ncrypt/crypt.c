/*
 * The key operations, bcrypt's under ncrypt's rules: a key must be
 * finalized, flags are checked, and a PKCS#1 signature's hash must have
 * its algorithm's length.
 */
#include "ncrypt_private.h"

#define PAD_FLAGS (NCRYPT_NO_PADDING_FLAG | NCRYPT_PAD_PKCS1_FLAG | NCRYPT_PAD_OAEP_FLAG | \
		   NCRYPT_PAD_PSS_FLAG)

static SECURITY_STATUS usable_key(NCRYPT_KEY_HANDLE h, DWORD flags, struct nc_key **out)
{
	struct nc_key *k = nc_key_of(h);
	if (!k)
		return NTE_INVALID_HANDLE;
	if (flags & ~(PAD_FLAGS | NCRYPT_SILENT_FLAG))
		return NTE_BAD_FLAGS;
	if (!k->key)
		return NTE_BAD_KEY_STATE;
	*out = k;
	return ERROR_SUCCESS;
}

static SECURITY_STATUS crypt(NCRYPT_KEY_HANDLE h, BYTE *in, DWORD in_len, void *pad, BYTE *out,
			     DWORD out_len, DWORD *result, DWORD flags, BOOL encrypt)
{
	struct nc_key *k;
	SECURITY_STATUS err = usable_key(h, flags, &k);
	if (err)
		return err;
	if (!result)
		return NC_NULL_REF;
	/* RSA's output is a modulus long, whatever the input: the size is
	 * given before the input is checked. */
	DWORD bits = 0, got;
	if (encrypt && !out && !lstrcmpiW(k->alg, BCRYPT_RSA_ALGORITHM) &&
	    !BCryptGetProperty(k->key, BCRYPT_KEY_LENGTH, (BYTE *)&bits, sizeof(bits), &got, 0)) {
		*result = (bits + 7) / 8;
		return ERROR_SUCCESS;
	}
	ULONG n = 0;
	DWORD bflags = flags & PAD_FLAGS;	/* the same bits as BCRYPT_PAD_* */
	NTSTATUS st = encrypt ? BCryptEncrypt(k->key, in, in_len, pad, NULL, 0, out, out_len, &n, bflags)
			      : BCryptDecrypt(k->key, in, in_len, pad, NULL, 0, out, out_len, &n, bflags);
	*result = n;
	return nc_status(st);
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptEncrypt(NCRYPT_KEY_HANDLE h, BYTE *in, DWORD in_len,
						void *pad, BYTE *out, DWORD out_len, DWORD *result,
						DWORD flags)
{
	return crypt(h, in, in_len, pad, out, out_len, result, flags, TRUE);
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptDecrypt(NCRYPT_KEY_HANDLE h, BYTE *in, DWORD in_len,
						void *pad, BYTE *out, DWORD out_len, DWORD *result,
						DWORD flags)
{
	return crypt(h, in, in_len, pad, out, out_len, result, flags, FALSE);
}

/* The digest length of a PKCS#1 padding's hash algorithm; 0 if unknown
 * (bcrypt then decides). */
static DWORD digest_length(const WCHAR *alg)
{
	static const struct { const WCHAR *name; DWORD len; } table[] = {
		{ BCRYPT_MD2_ALGORITHM, 16 }, { BCRYPT_MD4_ALGORITHM, 16 },
		{ BCRYPT_MD5_ALGORITHM, 16 }, { BCRYPT_SHA1_ALGORITHM, 20 },
		{ BCRYPT_SHA256_ALGORITHM, 32 }, { BCRYPT_SHA384_ALGORITHM, 48 },
		{ BCRYPT_SHA512_ALGORITHM, 64 },
	};
	for (size_t i = 0; alg && i < ARRAYSIZE(table); i++)
		if (!lstrcmpiW(alg, table[i].name))
			return table[i].len;
	return 0;
}

static SECURITY_STATUS check_signing(struct nc_key *k, void *pad, DWORD hash_len, DWORD flags)
{
	if ((flags & (NCRYPT_PAD_PKCS1_FLAG | NCRYPT_PAD_PSS_FLAG)) && !pad)
		return NTE_INVALID_PARAMETER;
	if (!lstrcmpiW(k->alg, BCRYPT_RSA_ALGORITHM) && !(flags & PAD_FLAGS))
		return NTE_INVALID_PARAMETER;
	if (flags & NCRYPT_PAD_PKCS1_FLAG) {
		DWORD want = digest_length(((BCRYPT_PKCS1_PADDING_INFO *)pad)->pszAlgId);
		if (want && want != hash_len)
			return NTE_INVALID_PARAMETER;
	}
	return ERROR_SUCCESS;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptSignHash(NCRYPT_KEY_HANDLE h, void *pad, BYTE *hash,
						 DWORD hash_len, BYTE *sig, DWORD sig_len,
						 DWORD *result, DWORD flags)
{
	struct nc_key *k;
	SECURITY_STATUS err = usable_key(h, flags, &k);
	if (err)
		return err;
	if (!hash || !result)
		return NC_NULL_REF;
	if ((err = check_signing(k, pad, hash_len, flags)))
		return err;
	ULONG n = 0;
	NTSTATUS st = BCryptSignHash(k->key, pad, hash, hash_len, sig, sig_len, &n, flags & PAD_FLAGS);
	*result = n;
	return nc_status(st);
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptVerifySignature(NCRYPT_KEY_HANDLE h, void *pad, BYTE *hash,
							DWORD hash_len, BYTE *sig, DWORD sig_len,
							DWORD flags)
{
	struct nc_key *k;
	SECURITY_STATUS err = usable_key(h, flags, &k);
	if (err)
		return err;
	if (!hash || !sig)
		return NC_NULL_REF;
	if ((err = check_signing(k, pad, hash_len, flags)))
		return err;
	/* An RSA signature is exactly as long as the modulus. */
	DWORD block = 0, got;
	if (!lstrcmpiW(k->alg, BCRYPT_RSA_ALGORITHM) &&
	    !BCryptGetProperty(k->key, BCRYPT_KEY_LENGTH, (BYTE *)&block, sizeof(block), &got, 0) &&
	    sig_len != (block + 7) / 8)
		return NTE_INVALID_PARAMETER;
	return nc_status(BCryptVerifySignature(k->key, pad, hash, hash_len, sig, sig_len,
					       flags & PAD_FLAGS));
}
