/* Hashing and signing what certificates are made of: CryptHashCertificate2
 * (a CNG hash by name), CryptHashToBeSigned (the hash a signed blob's
 * algorithm names, of its to-be-signed part), CryptHashPublicKeyInfo,
 * CryptSignCertificate and CryptSignAndEncodeCertificate.  A signature
 * algorithm OID names its hash (the OID table's Algid); a bare hash OID
 * "signs" with the hash alone, as Windows allows for test certificates. */
#include "crypt32_private.h"
#include <bcrypt.h>

const CRYPT_OID_INFO *c32_signature_alg(const char *oid)
{
	const CRYPT_OID_INFO *info;

	if (!oid || !(info = CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)oid, 0)) ||
	    (info->dwGroupId != CRYPT_SIGN_ALG_OID_GROUP_ID &&
	     info->dwGroupId != CRYPT_HASH_ALG_OID_GROUP_ID))
		return NULL;
	return info;
}

void c32_reverse(BYTE *p, DWORD n)
{
	for (DWORD i = 0; i < n / 2; i++) {
		BYTE t = p[i];

		p[i] = p[n - 1 - i];
		p[n - 1 - i] = t;
	}
}

/* CNG's own errors are NTSTATUS values, which the last error carries. */
C32_API BOOL WINAPI CryptHashCertificate2(LPCWSTR alg_name, DWORD flags, void *reserved,
					  const BYTE *data, DWORD len, BYTE *hash, DWORD *hash_len)
{
	BCRYPT_ALG_HANDLE alg;
	DWORD size, got;
	NTSTATUS status;

	if ((status = BCryptOpenAlgorithmProvider(&alg, alg_name, NULL, 0)))
		return c32_fail((DWORD)status);
	status = BCryptGetProperty(alg, BCRYPT_HASH_LENGTH, (BYTE *)&size, sizeof(size), &got, 0);
	if (!status && hash && *hash_len >= size)
		status = BCryptHash(alg, NULL, 0, (BYTE *)data, len, hash, size);
	BCryptCloseAlgorithmProvider(alg, 0);
	if (status)
		return c32_fail((DWORD)status);
	if (hash && *hash_len < size) {
		*hash_len = size;
		return c32_fail(ERROR_MORE_DATA);
	}
	*hash_len = size;
	return TRUE;
}

C32_API BOOL WINAPI CryptHashToBeSigned(HCRYPTPROV_LEGACY prov, DWORD encoding, const BYTE *encoded,
					DWORD len, BYTE *hash, DWORD *hash_len)
{
	CERT_SIGNED_CONTENT_INFO *info;
	const CRYPT_OID_INFO *alg;
	DWORD size;
	BOOL ok;

	if (!CryptDecodeObjectEx(encoding, X509_CERT, encoded, len, CRYPT_DECODE_ALLOC_FLAG, NULL,
				 &info, &size))
		return FALSE;
	if (!(alg = c32_signature_alg(info->SignatureAlgorithm.pszObjId)))
		ok = c32_fail((DWORD)NTE_BAD_ALGID);
	else
		ok = CryptHashCertificate(prov, alg->Algid, 0, info->ToBeSigned.pbData,
					  info->ToBeSigned.cbData, hash, hash_len);
	LocalFree(info);
	return ok;
}

/* The hash (alg 0: MD5) of the encoded CERT_PUBLIC_KEY_INFO. */
C32_API BOOL WINAPI CryptHashPublicKeyInfo(HCRYPTPROV_LEGACY prov, ALG_ID alg, DWORD flags,
					   DWORD encoding, PCERT_PUBLIC_KEY_INFO info, BYTE *hash,
					   DWORD *hash_len)
{
	BYTE *der;
	DWORD der_len;
	BOOL ok;

	if (!CryptEncodeObjectEx(encoding, X509_PUBLIC_KEY_INFO, info, CRYPT_ENCODE_ALLOC_FLAG, NULL,
				 &der, &der_len))
		return FALSE;
	ok = CryptHashCertificate(prov, alg ? alg : CALG_MD5, flags, der, der_len, hash, hash_len);
	LocalFree(der);
	return ok;
}

/* The signature little-endian, as CryptSignHash makes it (X509_CERT
 * stores it reversed); a hash-only algorithm's "signature" is the hash,
 * the same way round. */
C32_API BOOL WINAPI CryptSignCertificate(HCRYPTPROV_OR_NCRYPT_KEY_HANDLE prov, DWORD key_spec,
					 DWORD encoding, const BYTE *tbs, DWORD tbs_len,
					 PCRYPT_ALGORITHM_IDENTIFIER alg, const void *extra, BYTE *sig,
					 DWORD *sig_len)
{
	const CRYPT_OID_INFO *info = c32_signature_alg(alg->pszObjId);
	HCRYPTHASH hash;
	BOOL ok;

	if (!info)
		return c32_fail((DWORD)NTE_BAD_ALGID);
	if (info->dwGroupId == CRYPT_HASH_ALG_OID_GROUP_ID) {
		if (!CryptHashCertificate(prov, info->Algid, 0, tbs, tbs_len, sig, sig_len))
			return FALSE;
		if (sig)
			c32_reverse(sig, *sig_len);
		return TRUE;
	}
	if (!prov)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!CryptCreateHash(prov, info->Algid, 0, 0, &hash))
		return FALSE;
	ok = CryptHashData(hash, tbs, tbs_len, 0) &&
	     CryptSignHashW(hash, key_spec, NULL, 0, sig, sig_len);
	CryptDestroyHash(hash);
	return ok;
}

C32_API BOOL WINAPI CryptSignAndEncodeCertificate(HCRYPTPROV_OR_NCRYPT_KEY_HANDLE prov,
						  DWORD key_spec, DWORD encoding,
						  LPCSTR struct_type, const void *to_sign,
						  PCRYPT_ALGORITHM_IDENTIFIER alg, const void *extra,
						  BYTE *encoded, DWORD *encoded_len)
{
	static BYTE asn_null[] = { 0x05, 0x00 };
	CERT_SIGNED_CONTENT_INFO signed_info = { 0 };
	BYTE *tbs, *sig = NULL;
	DWORD tbs_len, sig_len = 0;
	BOOL ok = FALSE;

	if (!CryptEncodeObjectEx(encoding, struct_type, to_sign, CRYPT_ENCODE_ALLOC_FLAG, NULL, &tbs,
				 &tbs_len))
		return FALSE;
	if (!CryptSignCertificate(prov, key_spec, encoding, tbs, tbs_len, alg, extra, NULL,
				  &sig_len))
		goto done;
	if (!(sig = LocalAlloc(0, sig_len))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		goto done;
	}
	if (!CryptSignCertificate(prov, key_spec, encoding, tbs, tbs_len, alg, extra, sig,
				  &sig_len))
		goto done;
	signed_info.ToBeSigned.cbData = tbs_len;
	signed_info.ToBeSigned.pbData = tbs;
	signed_info.SignatureAlgorithm = *alg;
	if (!alg->Parameters.cbData) { /* algorithm parameters absent: an ASN.1 NULL */
		signed_info.SignatureAlgorithm.Parameters.cbData = sizeof(asn_null);
		signed_info.SignatureAlgorithm.Parameters.pbData = asn_null;
	}
	signed_info.Signature.cbData = sig_len;
	signed_info.Signature.pbData = sig;
	ok = CryptEncodeObjectEx(encoding, X509_CERT, &signed_info, 0, NULL, encoded, encoded_len);
done:
	LocalFree(sig);
	LocalFree(tbs);
	return ok;
}
