/* What certificates may be used for: the key usage bits of a certificate
 * (CertGetIntendedKeyUsage, from its key usage extension) and the enhanced
 * key usages a set of certificates share (CertGetValidUsages: a
 * certificate without any is good for all of them, which -1 says). */
#include "crypt32_private.h"

C32_API BOOL WINAPI CertGetIntendedKeyUsage(DWORD encoding, PCERT_INFO info, BYTE *usage,
					    DWORD usage_len)
{
	CERT_EXTENSION *ext;
	CRYPT_BIT_BLOB *bits;
	DWORD size;

	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING)
		return c32_fail(ERROR_FILE_NOT_FOUND);
	if (!(ext = CertFindExtension(szOID_KEY_USAGE, info->cExtension, info->rgExtension)))
		return c32_fail(ERROR_SUCCESS); /* no intended usage: FALSE, no error */
	if (!usage || !usage_len)
		return c32_fail(ERROR_MORE_DATA);
	if (!CryptDecodeObjectEx(encoding, X509_KEY_USAGE, ext->Value.pbData, ext->Value.cbData,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &bits, &size))
		return FALSE;
	/* the bytes as encoded (the first bit the high one of the first byte),
	 * the rest of the caller's buffer zeroed */
	memset(usage, 0, usage_len);
	memcpy(usage, bits->pbData, min(usage_len, bits->cbData));
	LocalFree(bits);
	return TRUE;
}

/* A certificate's enhanced key usage, allocated; *all set when it has
 * none (good for every usage).  NULL on failure. */
static CERT_ENHKEY_USAGE *usage_of(PCCERT_CONTEXT cert, BOOL *all)
{
	CERT_ENHKEY_USAGE *usage;
	DWORD size = 0;

	if (!CertGetEnhancedKeyUsage(cert, 0, NULL, &size) || !(usage = LocalAlloc(0, size)))
		return NULL;
	if (!CertGetEnhancedKeyUsage(cert, 0, usage, &size)) {
		LocalFree(usage);
		return NULL;
	}
	*all = !usage->cUsageIdentifier && GetLastError() == (DWORD)CRYPT_E_NOT_FOUND;
	return usage;
}

static BOOL has_usage(const CERT_ENHKEY_USAGE *usage, const char *oid)
{
	for (DWORD i = 0; i < usage->cUsageIdentifier; i++)
		if (!strcmp(usage->rgpszUsageIdentifier[i], oid))
			return TRUE;
	return FALSE;
}

/* The OIDs of the first restricting certificate's usage every other
 * restricting certificate has too, out as an array of pointers followed
 * by the strings. */
static BOOL put_common(CERT_ENHKEY_USAGE **usages, DWORD count, int *n_oids, LPSTR *oids,
		       DWORD *oids_len)
{
	const CERT_ENHKEY_USAGE *first = usages[0];
	DWORD n = 0, need = 0;
	char *text = NULL;

	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			text = (char *)(oids + n); /* the strings after the pointers */
		for (DWORD i = 0; i < first->cUsageIdentifier; i++) {
			const char *oid = first->rgpszUsageIdentifier[i];
			DWORD k = 1;

			while (k < count && has_usage(usages[k], oid))
				k++;
			if (k < count)
				continue;
			if (!pass) {
				n++;
				need += sizeof(LPSTR) + (DWORD)strlen(oid) + 1;
			} else {
				*oids++ = text;
				strcpy(text, oid);
				text += strlen(oid) + 1;
			}
		}
		if (!pass) {
			*n_oids = (int)n;
			if (!oids || *oids_len < need) {
				BOOL query = !oids;

				*oids_len = need;
				return query || c32_fail(ERROR_MORE_DATA);
			}
			*oids_len = need;
		}
	}
	return TRUE;
}

C32_API BOOL WINAPI CertGetValidUsages(DWORD n_certs, PCCERT_CONTEXT *certs, int *n_oids,
				       LPSTR *oids, DWORD *oids_len)
{
	CERT_ENHKEY_USAGE **usages = LocalAlloc(LPTR, (n_certs + 1) * sizeof(*usages));
	DWORD restricting = 0;
	BOOL ok = TRUE;

	if (!usages)
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	for (DWORD i = 0; ok && i < n_certs; i++) {
		CERT_ENHKEY_USAGE *usage;
		BOOL all = FALSE;

		if (!certs[i])
			continue; /* no certificate: no restriction */
		if (!(usage = usage_of(certs[i], &all)))
			ok = FALSE;
		else if (all)
			LocalFree(usage);
		else
			usages[restricting++] = usage;
	}
	if (ok && !restricting) {
		*n_oids = -1;
		*oids_len = 0;
	} else if (ok) {
		ok = put_common(usages, restricting, n_oids, oids, oids_len);
	}
	for (DWORD i = 0; i < restricting; i++)
		LocalFree(usages[i]);
	LocalFree(usages);
	if (ok)
		SetLastError(ERROR_SUCCESS);
	return ok;
}
