/* A certificate's keys: its private key's provider found through its
 * properties (CryptAcquireCertificatePrivateKey: a cached key context
 * first, else the key provider info's container, opened and, when asked,
 * cached as the key context), and the length of a public key
 * (CertGetPublicKeyLength). */
#include "crypt32_private.h"

/* The key provider info property, allocated (LocalFree), or NULL. */
static CRYPT_KEY_PROV_INFO *prov_info(PCCERT_CONTEXT cert)
{
	CRYPT_KEY_PROV_INFO *info;
	DWORD len = 0;

	if (!CertGetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, NULL, &len))
		return NULL;
	if (!(info = LocalAlloc(0, len)))
		return NULL;
	if (!CertGetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, info, &len)) {
		LocalFree(info);
		return NULL;
	}
	return info;
}

/* The container of info opened, its key of info's spec present. */
static BOOL open_container(const CRYPT_KEY_PROV_INFO *info, DWORD flags, HCRYPTPROV *prov)
{
	DWORD acquire = info->dwFlags & ~CERT_SET_KEY_CONTEXT_PROP_ID;
	HCRYPTKEY key;

	if (flags & CRYPT_ACQUIRE_SILENT_FLAG)
		acquire |= CRYPT_SILENT;
	if (!CryptAcquireContextW(prov, info->pwszContainerName, info->pwszProvName,
				  info->dwProvType, acquire))
		return FALSE;
	if (!CryptGetUserKey(*prov, info->dwKeySpec, &key)) {
		DWORD error = GetLastError();

		CryptReleaseContext(*prov, 0);
		return c32_fail(error);
	}
	CryptDestroyKey(key);
	return TRUE;
}

C32_API BOOL WINAPI CryptAcquireCertificatePrivateKey(PCCERT_CONTEXT cert, DWORD flags,
						      void *reserved,
						      HCRYPTPROV_OR_NCRYPT_KEY_HANDLE *prov,
						      DWORD *key_spec, BOOL *caller_free)
{
	CERT_KEY_CONTEXT kc;
	CRYPT_KEY_PROV_INFO *info;
	DWORD len = sizeof(kc);
	BOOL cache;

	if (!cert || !prov)
		return c32_fail(E_INVALIDARG);
	if (CertGetCertificateContextProperty(cert, CERT_KEY_CONTEXT_PROP_ID, &kc, &len) &&
	    kc.hCryptProv) {
		cache = TRUE; /* the cached one stays the certificate's */
		goto found;
	}
	if (!(info = prov_info(cert)))
		return c32_fail((DWORD)CRYPT_E_NO_KEY_PROPERTY);
	if (!open_container(info, flags, &kc.hCryptProv)) {
		LocalFree(info);
		return FALSE;
	}
	kc.cbSize = sizeof(kc);
	kc.dwKeySpec = info->dwKeySpec;
	cache = flags & CRYPT_ACQUIRE_CACHE_FLAG ||
		(flags & CRYPT_ACQUIRE_USE_PROV_INFO_FLAG &&
		 info->dwFlags & CERT_SET_KEY_CONTEXT_PROP_ID);
	LocalFree(info);
	if (cache && !CertSetCertificateContextProperty(cert, CERT_KEY_CONTEXT_PROP_ID, 0, &kc)) {
		CryptReleaseContext(kc.hCryptProv, 0);
		return FALSE;
	}
found:
	*prov = kc.hCryptProv;
	if (key_spec)
		*key_spec = kc.dwKeySpec;
	if (caller_free)
		*caller_free = !cache;
	SetLastError(ERROR_SUCCESS);
	return TRUE;
}

/* The bits of a big-endian unsigned number. */
static DWORD bit_length(const BYTE *p, DWORD n)
{
	while (n && !*p) {
		p++;
		n--;
	}
	if (!n)
		return 0;
	DWORD bits = 8 * (n - 1);

	for (BYTE top = *p; top; top >>= 1)
		bits++;
	return bits;
}

/* RSA (and any OID not known otherwise): the modulus's RSAPUBKEY bitlen;
 * DSA and Diffie-Hellman: the public value, a DER INTEGER. */
C32_API DWORD WINAPI CertGetPublicKeyLength(DWORD encoding, PCERT_PUBLIC_KEY_INFO info)
{
	const char *oid = info->Algorithm.pszObjId;
	DWORD len, bits;
	void *decoded;

	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING) {
		SetLastError(ERROR_FILE_NOT_FOUND);
		return 0;
	}
	if (oid && (!strcmp(oid, szOID_RSA_DH) || !strcmp(oid, szOID_X957_DSA) ||
		    !strcmp(oid, szOID_ANSI_X942_DH))) {
		CRYPT_UINT_BLOB *value;

		if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_MULTI_BYTE_UINT,
					 info->PublicKey.pbData, info->PublicKey.cbData,
					 CRYPT_DECODE_ALLOC_FLAG, NULL, &decoded, &len))
			return 0;
		value = decoded;
		c32_reverse(value->pbData, value->cbData); /* decoded little-endian */
		bits = bit_length(value->pbData, value->cbData);
	} else {
		if (!CryptDecodeObjectEx(X509_ASN_ENCODING, RSA_CSP_PUBLICKEYBLOB,
					 info->PublicKey.pbData, info->PublicKey.cbData,
					 CRYPT_DECODE_ALLOC_FLAG, NULL, &decoded, &len))
			return 0;
		bits = ((RSAPUBKEY *)((BLOBHEADER *)decoded + 1))->bitlen;
	}
	LocalFree(decoded);
	return bits;
}
