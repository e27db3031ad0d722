/* CertCreateSelfSignCertificate: a version 3 certificate whose issuer is
 * its subject, signed with its own key.  The key is the caller's
 * provider's (of the key provider info's spec, else AT_SIGNATURE), or the
 * key provider info's container's (made, with a new key pair, when it does
 * not exist), or a new container's named by a random GUID.  The
 * certificate gets the key provider info property unless
 * CERT_CREATE_SELFSIGN_NO_KEY_INFO; defaults (documented): SHA-1 with RSA,
 * valid from now for a year, a random 16-byte serial number. */
#include "crypt32_private.h"

/* A "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" container name of random bytes. */
static void random_guid_name(HCRYPTPROV prov, WCHAR *out)
{
	static const char layout[] = "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}";
	BYTE random[16];
	int nibble = 0;

	CryptGenRandom(prov, sizeof(random), random);
	for (int i = 0; layout[i]; i++, out++) {
		if (layout[i] != 'x') {
			*out = layout[i];
			continue;
		}
		*out = L"0123456789ABCDEF"[(random[nibble / 2] >> (nibble % 2 ? 0 : 4)) & 15];
		nibble++;
	}
	*out = 0;
}

/* The provider (and the key provider info to record) the certificate's
 * key is in; *own: a provider this call acquired. */
static BOOL key_provider(HCRYPTPROV given, const CRYPT_KEY_PROV_INFO *info, HCRYPTPROV *prov,
			 DWORD *spec, BOOL *own, WCHAR *made_name)
{
	HCRYPTKEY key;
	const WCHAR *container = info ? info->pwszContainerName : made_name;
	const WCHAR *name = info ? info->pwszProvName : MS_ENHANCED_PROV_W;
	DWORD type = info ? info->dwProvType : PROV_RSA_FULL;

	*spec = info ? info->dwKeySpec : AT_SIGNATURE;
	*own = !given;
	if (given) {
		*prov = given;
	} else {
		if (!info) {
			HCRYPTPROV rng;

			if (!CryptAcquireContextW(&rng, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
				return FALSE;
			random_guid_name(rng, made_name);
			CryptReleaseContext(rng, 0);
		}
		if (!CryptAcquireContextW(prov, container, name, type, 0) &&
		    (GetLastError() != (DWORD)NTE_BAD_KEYSET ||
		     !CryptAcquireContextW(prov, container, name, type, CRYPT_NEWKEYSET)))
			return FALSE;
	}
	if (CryptGetUserKey(*prov, *spec, &key) ||
	    (!given && CryptGenKey(*prov, *spec, 0, &key))) {
		CryptDestroyKey(key);
		return TRUE;
	}
	if (!given) {
		DWORD error = GetLastError();

		CryptReleaseContext(*prov, 0);
		SetLastError(error);
	}
	return FALSE;
}

/* A provider parameter's ANSI string as UTF-16, allocated. */
static WCHAR *prov_string(HCRYPTPROV prov, DWORD param)
{
	char text[MAX_PATH];
	DWORD len = sizeof(text);
	WCHAR *out;

	if (!CryptGetProvParam(prov, param, (BYTE *)text, &len, 0))
		return NULL;
	len = MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
	if ((out = LocalAlloc(0, len * sizeof(WCHAR))))
		MultiByteToWideChar(CP_ACP, 0, text, -1, out, len);
	return out;
}

/* Records where the key is: the caller's info, or the provider's own. */
static void set_prov_info(PCCERT_CONTEXT cert, const CRYPT_KEY_PROV_INFO *info, HCRYPTPROV prov,
			  DWORD spec)
{
	CRYPT_KEY_PROV_INFO mine = { 0 };
	DWORD len = sizeof(mine.dwProvType);

	if (info) {
		CertSetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, 0, info);
		return;
	}
	mine.pwszContainerName = prov_string(prov, PP_CONTAINER);
	mine.pwszProvName = prov_string(prov, PP_NAME);
	CryptGetProvParam(prov, PP_PROVTYPE, (BYTE *)&mine.dwProvType, &len, 0);
	mine.dwKeySpec = spec;
	CertSetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, 0, &mine);
	LocalFree(mine.pwszContainerName);
	LocalFree(mine.pwszProvName);
}

/* The validity period: from start (now) to end (a year after start). */
static void validity(const SYSTEMTIME *start, const SYSTEMTIME *end, CERT_INFO *info)
{
	SYSTEMTIME from, to;

	if (start)
		from = *start;
	else
		GetSystemTime(&from);
	SystemTimeToFileTime(&from, &info->NotBefore);
	if (end) {
		to = *end;
	} else {
		to = from;
		to.wYear++;
		if (to.wMonth == 2 && to.wDay == 29)
			to.wDay = 28;
	}
	SystemTimeToFileTime(&to, &info->NotAfter);
}

/* Encodes and signs info with the key; the new context, or NULL. */
static PCCERT_CONTEXT sign_new(HCRYPTPROV prov, DWORD spec, CERT_INFO *info)
{
	PCCERT_CONTEXT cert = NULL;
	BYTE *encoded = NULL;
	DWORD len = 0;

	if (CryptSignAndEncodeCertificate(prov, spec, X509_ASN_ENCODING, X509_CERT_TO_BE_SIGNED,
					  info, &info->SignatureAlgorithm, NULL, NULL, &len) &&
	    (encoded = LocalAlloc(0, len)) &&
	    CryptSignAndEncodeCertificate(prov, spec, X509_ASN_ENCODING, X509_CERT_TO_BE_SIGNED,
					  info, &info->SignatureAlgorithm, NULL, encoded, &len))
		cert = CertCreateCertificateContext(X509_ASN_ENCODING, encoded, len);
	LocalFree(encoded);
	return cert;
}

C32_API PCCERT_CONTEXT WINAPI CertCreateSelfSignCertificate(
	HCRYPTPROV_OR_NCRYPT_KEY_HANDLE given, PCERT_NAME_BLOB name, DWORD flags,
	PCRYPT_KEY_PROV_INFO key_info, PCRYPT_ALGORITHM_IDENTIFIER sig_alg, PSYSTEMTIME start,
	PSYSTEMTIME end, PCERT_EXTENSIONS extensions)
{
	CERT_INFO info = { 0 };
	CERT_PUBLIC_KEY_INFO *pub = NULL;
	PCCERT_CONTEXT cert = NULL;
	HCRYPTPROV prov;
	WCHAR made_name[40];
	BYTE serial[16];
	DWORD spec, len = 0;
	BOOL own;

	if (!name) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (!key_provider(given, key_info, &prov, &spec, &own, made_name))
		return NULL;
	if (!CryptExportPublicKeyInfo(prov, spec, X509_ASN_ENCODING, NULL, &len) ||
	    !(pub = LocalAlloc(0, len)) ||
	    !CryptExportPublicKeyInfo(prov, spec, X509_ASN_ENCODING, pub, &len))
		goto done;
	CryptGenRandom(prov, sizeof(serial), serial);
	serial[sizeof(serial) - 1] &= 0x7f; /* little-endian: a positive number */
	info.dwVersion = CERT_V3;
	info.SerialNumber.cbData = sizeof(serial);
	info.SerialNumber.pbData = serial;
	info.SignatureAlgorithm.pszObjId = (LPSTR)szOID_RSA_SHA1RSA;
	if (sig_alg)
		info.SignatureAlgorithm = *sig_alg;
	info.Issuer = info.Subject = *name;
	validity(start, end, &info);
	info.SubjectPublicKeyInfo = *pub;
	if (extensions) {
		info.cExtension = extensions->cExtension;
		info.rgExtension = extensions->rgExtension;
	}
	if ((cert = sign_new(prov, spec, &info)) && !(flags & CERT_CREATE_SELFSIGN_NO_KEY_INFO))
		set_prov_info(cert, key_info, prov, spec);
done:
	LocalFree(pub);
	if (own)
		CryptReleaseContext(prov, 0);
	return cert;
}
