/* CertIsRDNAttrsInCertificateName: whether every attribute of an RDN is
 * in an encoded name, in the same order: the same OID, the same value
 * type (when the attribute gives one) and the same value, byte for byte
 * (spaces count) or, with CERT_CASE_INSENSITIVE_IS_RDN_ATTRS_FLAG,
 * ignoring case.  CERT_UNICODE_IS_RDN_ATTRS_FLAG: the values are UTF-16
 * and the name is decoded as X509_UNICODE_NAME. */
#include "crypt32_private.h"

static BOOL same_value(const CERT_RDN_VALUE_BLOB *a, const CERT_RDN_VALUE_BLOB *b, DWORD flags)
{
	if (!(flags & CERT_CASE_INSENSITIVE_IS_RDN_ATTRS_FLAG))
		return a->cbData == b->cbData && !memcmp(a->pbData, b->pbData, a->cbData);
	if (flags & CERT_UNICODE_IS_RDN_ATTRS_FLAG)
		return CompareStringOrdinal((LPCWSTR)a->pbData, a->cbData / sizeof(WCHAR),
					    (LPCWSTR)b->pbData, b->cbData / sizeof(WCHAR),
					    TRUE) == CSTR_EQUAL;
	return CompareStringA(LOCALE_INVARIANT, NORM_IGNORECASE, (LPCSTR)a->pbData, a->cbData,
			      (LPCSTR)b->pbData, b->cbData) == CSTR_EQUAL;
}

static BOOL same_attr(const CERT_RDN_ATTR *want, const CERT_RDN_ATTR *have, DWORD flags)
{
	return want->pszObjId && have->pszObjId && !strcmp(want->pszObjId, have->pszObjId) &&
	       (!want->dwValueType || want->dwValueType == have->dwValueType) &&
	       same_value(&want->Value, &have->Value, flags);
}

C32_API BOOL WINAPI CertIsRDNAttrsInCertificateName(DWORD encoding, DWORD flags,
						    PCERT_NAME_BLOB name, PCERT_RDN rdn)
{
	LPCSTR type = flags & CERT_UNICODE_IS_RDN_ATTRS_FLAG ? X509_UNICODE_NAME : X509_NAME;
	CERT_NAME_INFO *info;
	DWORD size, found = 0;

	if (!CryptDecodeObjectEx(encoding, type, name->pbData, name->cbData,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &size))
		return FALSE;
	/* walk the name's attributes once, matching the wanted ones in turn */
	for (DWORD i = 0; i < info->cRDN && found < rdn->cRDNAttr; i++)
		for (DWORD j = 0; j < info->rgRDN[i].cRDNAttr && found < rdn->cRDNAttr; j++)
			if (same_attr(&rdn->rgRDNAttr[found], &info->rgRDN[i].rgRDNAttr[j], flags))
				found++;
	LocalFree(info);
	if (found < rdn->cRDNAttr)
		return c32_fail((DWORD)CRYPT_E_NO_MATCH);
	SetLastError(ERROR_SUCCESS);
	return TRUE;
}
