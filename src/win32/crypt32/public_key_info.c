/* A CryptoAPI key as a certificate's SubjectPublicKeyInfo and back:
 * CryptExportPublicKeyInfo(Ex) exports the key pair's public half
 * (PUBLICKEYBLOB) and encodes it as an RSA public key (RFC 8017) under
 * the rsaEncryption OID; CryptImportPublicKeyInfo(Ex) decodes one into a
 * PUBLICKEYBLOB and imports it. */
#include "crypt32_private.h"

C32_API BOOL WINAPI CryptExportPublicKeyInfoEx(HCRYPTPROV_OR_NCRYPT_KEY_HANDLE prov, DWORD key_spec,
					       DWORD encoding, LPSTR oid, DWORD flags, void *aux,
					       PCERT_PUBLIC_KEY_INFO info, DWORD *info_len)
{
	BYTE *blob = NULL, *der = NULL;
	DWORD blob_len = 0, der_len = 0, need;
	HCRYPTKEY key = 0;
	BOOL ok = FALSE;

	if (!prov || !info_len)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING)
		return c32_fail(ERROR_FILE_NOT_FOUND);
	if (!oid)
		oid = (LPSTR)szOID_RSA_RSA;
	if (!CryptGetUserKey(prov, key_spec, &key))
		return FALSE;
	if (!CryptExportKey(key, 0, PUBLICKEYBLOB, 0, NULL, &blob_len) ||
	    !(blob = HeapAlloc(GetProcessHeap(), 0, blob_len)) ||
	    !CryptExportKey(key, 0, PUBLICKEYBLOB, 0, blob, &blob_len) ||
	    !CryptEncodeObjectEx(X509_ASN_ENCODING, RSA_CSP_PUBLICKEYBLOB, blob,
				 CRYPT_ENCODE_ALLOC_FLAG, NULL, &der, &der_len))
		goto done;
	/* the structure, then its OID, NULL parameters and key bits */
	need = sizeof(*info) + (DWORD)strlen(oid) + 1 + 2 + der_len;
	if (!info) {
		ok = TRUE;
	} else if (*info_len < need) {
		SetLastError(ERROR_MORE_DATA);
	} else {
		BYTE *at = (BYTE *)(info + 1);

		info->Algorithm.pszObjId = (LPSTR)at;
		strcpy((char *)at, oid);
		at += strlen(oid) + 1;
		info->Algorithm.Parameters.cbData = 2;
		info->Algorithm.Parameters.pbData = at;
		memcpy(at, "\x05\x00", 2);
		at += 2;
		info->PublicKey.cbData = der_len;
		info->PublicKey.pbData = at;
		info->PublicKey.cUnusedBits = 0;
		memcpy(at, der, der_len);
		ok = TRUE;
	}
	*info_len = need;
done:
	LocalFree(der);
	HeapFree(GetProcessHeap(), 0, blob);
	CryptDestroyKey(key);
	return ok;
}

C32_API BOOL WINAPI CryptExportPublicKeyInfo(HCRYPTPROV_OR_NCRYPT_KEY_HANDLE prov, DWORD key_spec,
					     DWORD encoding, PCERT_PUBLIC_KEY_INFO info,
					     DWORD *info_len)
{
	return CryptExportPublicKeyInfoEx(prov, key_spec, encoding, NULL, 0, NULL, info, info_len);
}

C32_API BOOL WINAPI CryptImportPublicKeyInfoEx(HCRYPTPROV prov, DWORD encoding,
					       PCERT_PUBLIC_KEY_INFO info, ALG_ID alg, DWORD flags,
					       void *aux, HCRYPTKEY *key)
{
	BLOBHEADER *blob = NULL;
	DWORD len;
	BOOL ok;

	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING)
		return c32_fail(ERROR_FILE_NOT_FOUND);
	if (!prov || !info || !key)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!CryptDecodeObjectEx(X509_ASN_ENCODING, RSA_CSP_PUBLICKEYBLOB, info->PublicKey.pbData,
				 info->PublicKey.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &blob, &len))
		return FALSE;
	if (alg)
		blob->aiKeyAlg = alg;
	ok = CryptImportKey(prov, (BYTE *)blob, len, 0, 0, key);
	LocalFree(blob);
	return ok;
}

C32_API BOOL WINAPI CryptImportPublicKeyInfo(HCRYPTPROV prov, DWORD encoding,
					     PCERT_PUBLIC_KEY_INFO info, HCRYPTKEY *key)
{
	return CryptImportPublicKeyInfoEx(prov, encoding, info, 0, 0, NULL, key);
}
