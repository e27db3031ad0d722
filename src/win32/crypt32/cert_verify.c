/* A certificate's or CRL's signature checked with its issuer's public key
 * (CryptVerifyCertificateSignature(Ex), RSA through CryptoAPI), and the
 * checks of a subject against its issuer that flags ask for
 * (CertVerifySubjectCertificateContext, and CertGetIssuerCertificateFromStore
 * after it finds the issuer in a store). */
#include "crypt32_private.h"

/* The signed blob's signature checked with key: an RSA signature through
 * CryptoAPI, or a hash-only "signature" (key NULL) against the hash. */
static BOOL signature_matches(HCRYPTPROV prov, DWORD encoding, const CERT_SIGNED_CONTENT_INFO *info,
			      PCERT_PUBLIC_KEY_INFO key_info)
{
	const CRYPT_OID_INFO *alg = c32_signature_alg(info->SignatureAlgorithm.pszObjId);
	HCRYPTPROV own = 0;
	HCRYPTKEY key = 0;
	HCRYPTHASH hash = 0;
	BYTE value[64];
	DWORD len = sizeof(value);
	BOOL ok;

	if (!alg)
		return c32_fail((DWORD)NTE_BAD_ALGID);
	if (alg->dwGroupId == CRYPT_HASH_ALG_OID_GROUP_ID) {
		if (!CryptHashCertificate(prov, alg->Algid, 0, info->ToBeSigned.pbData,
					  info->ToBeSigned.cbData, value, &len))
			return FALSE;
		c32_reverse(value, len); /* stored as a signature is: little-endian */
		if (len != info->Signature.cbData || memcmp(value, info->Signature.pbData, len))
			return c32_fail((DWORD)NTE_BAD_SIGNATURE);
		return TRUE;
	}
	if (!key_info)
		return c32_fail(E_INVALIDARG); /* a real signature needs its issuer's key */
	if (!prov && !CryptAcquireContextW(&own, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		return FALSE;
	/* the signature is little-endian already, as CryptVerifySignature wants it */
	ok = CryptImportPublicKeyInfo(prov ? prov : own, encoding, key_info, &key) &&
	     CryptCreateHash(prov ? prov : own, alg->Algid, 0, 0, &hash) &&
	     CryptHashData(hash, info->ToBeSigned.pbData, info->ToBeSigned.cbData, 0) &&
	     CryptVerifySignatureW(hash, info->Signature.pbData, info->Signature.cbData, key, NULL,
				   0);
	if (hash)
		CryptDestroyHash(hash);
	if (key)
		CryptDestroyKey(key);
	if (own)
		CryptReleaseContext(own, 0);
	return ok;
}

/* The encoded bytes of a subject; FALSE (E_INVALIDARG) for an unknown type. */
static BOOL subject_bytes(DWORD type, const void *subject, const BYTE **data, DWORD *len)
{
	switch (type) {
	case CRYPT_VERIFY_CERT_SIGN_SUBJECT_BLOB:
		*data = ((const CRYPT_DATA_BLOB *)subject)->pbData;
		*len = ((const CRYPT_DATA_BLOB *)subject)->cbData;
		return TRUE;
	case CRYPT_VERIFY_CERT_SIGN_SUBJECT_CERT:
		*data = ((PCCERT_CONTEXT)subject)->pbCertEncoded;
		*len = ((PCCERT_CONTEXT)subject)->cbCertEncoded;
		return TRUE;
	case CRYPT_VERIFY_CERT_SIGN_SUBJECT_CRL:
		*data = ((PCCRL_CONTEXT)subject)->pbCrlEncoded;
		*len = ((PCCRL_CONTEXT)subject)->cbCrlEncoded;
		return TRUE;
	}
	return c32_fail(E_INVALIDARG);
}

/* The public key an issuer of a type stands for; ISSUER_NULL: none. */
static BOOL issuer_key(DWORD type, const void *issuer, PCERT_PUBLIC_KEY_INFO *key)
{
	PCCERT_CHAIN_CONTEXT chain = issuer;

	*key = NULL;
	switch (type) {
	case CRYPT_VERIFY_CERT_SIGN_ISSUER_PUBKEY:
		*key = (PCERT_PUBLIC_KEY_INFO)issuer;
		break;
	case CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT:
		if (issuer)
			*key = &((PCCERT_CONTEXT)issuer)->pCertInfo->SubjectPublicKeyInfo;
		break;
	case CRYPT_VERIFY_CERT_SIGN_ISSUER_CHAIN:
		if (chain && chain->cChain && chain->rgpChain[0]->cElement)
			*key = &chain->rgpChain[0]->rgpElement[0]->pCertContext->pCertInfo->SubjectPublicKeyInfo;
		break;
	case CRYPT_VERIFY_CERT_SIGN_ISSUER_NULL:
		return !issuer || c32_fail(E_INVALIDARG);
	default:
		return c32_fail(E_INVALIDARG);
	}
	return *key || c32_fail(E_INVALIDARG);
}

C32_API BOOL WINAPI CryptVerifyCertificateSignatureEx(HCRYPTPROV_LEGACY prov, DWORD encoding,
						      DWORD subject_type, void *subject,
						      DWORD issuer_type, void *issuer, DWORD flags,
						      void *extra)
{
	CERT_SIGNED_CONTENT_INFO *info = NULL;
	PCERT_PUBLIC_KEY_INFO key;
	const BYTE *data;
	DWORD len, size;
	BOOL ok;

	if (!subject || !subject_bytes(subject_type, subject, &data, &len))
		return c32_fail(E_INVALIDARG);
	if (len && IsBadReadPtr(data, len))
		return c32_fail(STATUS_ACCESS_VIOLATION); /* as Windows' exception handler says */
	if (!CryptDecodeObjectEx(encoding, X509_CERT, data, len, CRYPT_DECODE_ALLOC_FLAG, NULL,
				 &info, &size))
		return FALSE;
	ok = issuer_key(issuer_type, issuer, &key) &&
	     signature_matches(prov, encoding, info, key);
	LocalFree(info);
	return ok;
}

C32_API BOOL WINAPI CryptVerifyCertificateSignature(HCRYPTPROV_LEGACY prov, DWORD encoding,
						    const BYTE *encoded, DWORD len,
						    PCERT_PUBLIC_KEY_INFO key_info)
{
	CRYPT_DATA_BLOB blob = { len, (BYTE *)encoded };

	return CryptVerifyCertificateSignatureEx(prov, encoding, CRYPT_VERIFY_CERT_SIGN_SUBJECT_BLOB,
						 &blob, CRYPT_VERIFY_CERT_SIGN_ISSUER_PUBKEY,
						 key_info, 0, NULL);
}

#define ISSUER_CHECKS (CERT_STORE_SIGNATURE_FLAG | CERT_STORE_TIME_VALIDITY_FLAG | \
		       CERT_STORE_REVOCATION_FLAG)

/* The flags of checks that passed are cleared; revocation is never known
 * (no CRL is looked for), which CERT_STORE_NO_CRL_FLAG says. */
static void check_subject(PCCERT_CONTEXT subject, PCCERT_CONTEXT issuer, DWORD *flags)
{
	if (*flags & CERT_STORE_SIGNATURE_FLAG && subject && issuer &&
	    CryptVerifyCertificateSignatureEx(0, subject->dwCertEncodingType,
					      CRYPT_VERIFY_CERT_SIGN_SUBJECT_CERT, (void *)subject,
					      CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT, (void *)issuer, 0,
					      NULL))
		*flags &= ~CERT_STORE_SIGNATURE_FLAG;
	if (*flags & CERT_STORE_TIME_VALIDITY_FLAG && subject &&
	    !CertVerifyTimeValidity(NULL, subject->pCertInfo))
		*flags &= ~CERT_STORE_TIME_VALIDITY_FLAG;
	if (*flags & CERT_STORE_REVOCATION_FLAG)
		*flags |= CERT_STORE_NO_CRL_FLAG;
}

C32_API BOOL WINAPI CertVerifySubjectCertificateContext(PCCERT_CONTEXT subject,
							PCCERT_CONTEXT issuer, DWORD *flags)
{
	if (*flags & ~ISSUER_CHECKS)
		return c32_fail(E_INVALIDARG);
	check_subject(subject, issuer, flags);
	return TRUE;
}

C32_API PCCERT_CONTEXT WINAPI CertGetIssuerCertificateFromStore(HCERTSTORE store,
								PCCERT_CONTEXT subject,
								PCCERT_CONTEXT prev, DWORD *flags)
{
	PCCERT_CONTEXT issuer;

	if (!subject || !flags || *flags & ~ISSUER_CHECKS) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (CertCompareCertificateName(subject->dwCertEncodingType, &subject->pCertInfo->Issuer,
				       &subject->pCertInfo->Subject)) {
		SetLastError((DWORD)CRYPT_E_SELF_SIGNED); /* a root is its own issuer: none */
		return NULL;
	}
	issuer = CertFindCertificateInStore(store, subject->dwCertEncodingType, 0,
					    CERT_FIND_SUBJECT_NAME, &subject->pCertInfo->Issuer, prev);
	if (issuer)
		check_subject(subject, issuer, flags);
	return issuer;
}
