/* A certificate's signature checked with its issuer's public key
 * (CryptVerifyCertificateSignature, RSA through CryptoAPI) and the search
 * for a certificate's issuer in a store with the checks its flags ask for
 * (CertGetIssuerCertificateFromStore). */
#include "crypt32_private.h"

/* The hash of an RSA signature algorithm; 0 if not one. */
static ALG_ID hash_of_signature(const char *oid)
{
	static const struct {
		const char *oid;
		ALG_ID hash;
	} algs[] = {
		{ szOID_RSA_SHA1RSA, CALG_SHA1 },	 { szOID_OIWSEC_sha1RSASign, CALG_SHA1 },
		{ szOID_RSA_SHA256RSA, CALG_SHA_256 }, { szOID_RSA_SHA384RSA, CALG_SHA_384 },
		{ szOID_RSA_SHA512RSA, CALG_SHA_512 }, { szOID_RSA_MD5RSA, CALG_MD5 },
	};

	for (size_t i = 0; oid && i < ARRAYSIZE(algs); i++)
		if (!strcmp(algs[i].oid, oid))
			return algs[i].hash;
	return 0;
}

C32_API BOOL WINAPI CryptVerifyCertificateSignature(HCRYPTPROV_LEGACY prov, DWORD encoding,
						    const BYTE *encoded, DWORD len,
						    PCERT_PUBLIC_KEY_INFO key_info)
{
	CERT_SIGNED_CONTENT_INFO *signed_info = NULL;
	HCRYPTPROV own = 0;
	HCRYPTKEY key = 0;
	HCRYPTHASH hash = 0;
	ALG_ID alg;
	DWORD size;
	BOOL ok = FALSE;

	if (!key_info)
		return c32_fail(E_INVALIDARG);
	if (!CryptDecodeObjectEx(encoding, X509_CERT, encoded, len, CRYPT_DECODE_ALLOC_FLAG, NULL,
				 &signed_info, &size))
		return FALSE;
	if (!(alg = hash_of_signature(signed_info->SignatureAlgorithm.pszObjId))) {
		SetLastError(NTE_BAD_ALGID);
		goto done;
	}
	if (!prov && !CryptAcquireContextW(&own, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		goto done;
	/* the signature is little-endian already, as CryptVerifySignature wants it */
	ok = CryptImportPublicKeyInfo(prov ? prov : own, encoding, key_info, &key) &&
	     CryptCreateHash(prov ? prov : own, alg, 0, 0, &hash) &&
	     CryptHashData(hash, signed_info->ToBeSigned.pbData, signed_info->ToBeSigned.cbData, 0) &&
	     CryptVerifySignatureW(hash, signed_info->Signature.pbData,
				   signed_info->Signature.cbData, key, NULL, 0);
done:
	if (hash)
		CryptDestroyHash(hash);
	if (key)
		CryptDestroyKey(key);
	if (own)
		CryptReleaseContext(own, 0);
	LocalFree(signed_info);
	return ok;
}

#define ISSUER_CHECKS (CERT_STORE_SIGNATURE_FLAG | CERT_STORE_TIME_VALIDITY_FLAG | \
		       CERT_STORE_REVOCATION_FLAG)

/* The flags of checks that passed are cleared; revocation is never known
 * (no CRLs are kept), which CERT_STORE_NO_CRL_FLAG says. */
C32_API PCCERT_CONTEXT WINAPI CertGetIssuerCertificateFromStore(HCERTSTORE store,
								PCCERT_CONTEXT subject,
								PCCERT_CONTEXT prev, DWORD *flags)
{
	PCCERT_CONTEXT issuer;

	if (!subject || !flags || *flags & ~ISSUER_CHECKS) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	issuer = CertFindCertificateInStore(store, subject->dwCertEncodingType, 0,
					    CERT_FIND_SUBJECT_NAME, &subject->pCertInfo->Issuer, prev);
	if (!issuer)
		return NULL;
	if (*flags & CERT_STORE_SIGNATURE_FLAG &&
	    CryptVerifyCertificateSignature(0, subject->dwCertEncodingType, subject->pbCertEncoded,
					    subject->cbCertEncoded,
					    &issuer->pCertInfo->SubjectPublicKeyInfo))
		*flags &= ~CERT_STORE_SIGNATURE_FLAG;
	if (*flags & CERT_STORE_TIME_VALIDITY_FLAG &&
	    !CertVerifyTimeValidity(NULL, subject->pCertInfo))
		*flags &= ~CERT_STORE_TIME_VALIDITY_FLAG;
	if (*flags & CERT_STORE_REVOCATION_FLAG)
		*flags |= CERT_STORE_NO_CRL_FLAG;
	return issuer;
}
