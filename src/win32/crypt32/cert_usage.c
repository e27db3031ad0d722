/* A certificate's enhanced key usage: its CERT_ENHKEY_USAGE_PROP_ID
 * property (an encoded X509_ENHANCED_KEY_USAGE) comes first, then its
 * extension; with neither it is good for every usage, which
 * CertGetEnhancedKeyUsage says with no identifiers and CRYPT_E_NOT_FOUND.
 * The property is set, added to and taken from by the other three. */
#include "crypt32_private.h"

static BOOL decode_usage(const BYTE *data, DWORD len, PCERT_ENHKEY_USAGE usage, DWORD *size)
{
	if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ENHANCED_KEY_USAGE, data, len, 0, NULL,
				 usage, size))
		return FALSE;
	SetLastError(0);
	return TRUE;
}

/* The property's usage, allocated (LocalFree), or NULL. */
static CERT_ENHKEY_USAGE *property_usage(PCCERT_CONTEXT ctx)
{
	CERT_ENHKEY_USAGE *usage = NULL;
	DWORD len = 0, size;
	BYTE *data;

	if (!CertGetCertificateContextProperty(ctx, CERT_ENHKEY_USAGE_PROP_ID, NULL, &len) ||
	    !(data = LocalAlloc(0, len)))
		return NULL;
	if (!CertGetCertificateContextProperty(ctx, CERT_ENHKEY_USAGE_PROP_ID, data, &len) ||
	    !CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ENHANCED_KEY_USAGE, data, len,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &usage, &size))
		usage = NULL;
	LocalFree(data);
	return usage;
}

C32_API BOOL WINAPI CertGetEnhancedKeyUsage(PCCERT_CONTEXT ctx, DWORD flags,
					    PCERT_ENHKEY_USAGE usage, DWORD *size)
{
	DWORD len = 0;

	if (!ctx || !size)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(flags & CERT_FIND_EXT_ONLY_ENHKEY_USAGE_FLAG) &&
	    CertGetCertificateContextProperty(ctx, CERT_ENHKEY_USAGE_PROP_ID, NULL, &len)) {
		BYTE *data = LocalAlloc(0, len);
		BOOL ok;

		if (!data)
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		ok = CertGetCertificateContextProperty(ctx, CERT_ENHKEY_USAGE_PROP_ID, data, &len) &&
		     decode_usage(data, len, usage, size);
		LocalFree(data);
		return ok;
	}
	if (!(flags & CERT_FIND_PROP_ONLY_ENHKEY_USAGE_FLAG)) {
		CERT_EXTENSION *ext = CertFindExtension(szOID_ENHANCED_KEY_USAGE,
							ctx->pCertInfo->cExtension,
							ctx->pCertInfo->rgExtension);

		if (ext)
			return decode_usage(ext->Value.pbData, ext->Value.cbData, usage, size);
	}
	if (flags & (CERT_FIND_EXT_ONLY_ENHKEY_USAGE_FLAG | CERT_FIND_PROP_ONLY_ENHKEY_USAGE_FLAG))
		return c32_fail((DWORD)CRYPT_E_NOT_FOUND);
	/* no usage set: good for all */
	if (usage && *size < sizeof(*usage)) {
		*size = sizeof(*usage);
		return c32_fail(ERROR_MORE_DATA);
	}
	if (usage) {
		usage->cUsageIdentifier = 0;
		usage->rgpszUsageIdentifier = NULL;
	}
	*size = sizeof(*usage);
	SetLastError((DWORD)CRYPT_E_NOT_FOUND);
	return TRUE;
}

/* NULL usage deletes the property. */
C32_API BOOL WINAPI CertSetEnhancedKeyUsage(PCCERT_CONTEXT ctx, PCERT_ENHKEY_USAGE usage)
{
	CRYPT_DATA_BLOB blob;
	BOOL ok;

	if (!ctx)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!usage)
		return CertSetCertificateContextProperty(ctx, CERT_ENHKEY_USAGE_PROP_ID, 0, NULL);
	if (!CryptEncodeObjectEx(X509_ASN_ENCODING, X509_ENHANCED_KEY_USAGE, usage,
				 CRYPT_ENCODE_ALLOC_FLAG, NULL, &blob.pbData, &blob.cbData))
		return FALSE;
	ok = CertSetCertificateContextProperty(ctx, CERT_ENHKEY_USAGE_PROP_ID, 0, &blob);
	LocalFree(blob.pbData);
	return ok;
}

C32_API BOOL WINAPI CertAddEnhancedKeyUsageIdentifier(PCCERT_CONTEXT ctx, LPCSTR oid)
{
	CERT_ENHKEY_USAGE *usage, grown;
	LPSTR *ids;
	BOOL ok;

	if (!ctx || !oid)
		return c32_fail(ERROR_INVALID_PARAMETER);
	usage = property_usage(ctx);
	grown.cUsageIdentifier = usage ? usage->cUsageIdentifier : 0;
	for (DWORD i = 0; i < grown.cUsageIdentifier; i++)
		if (!strcmp(usage->rgpszUsageIdentifier[i], oid)) {
			LocalFree(usage);
			return TRUE; /* already there */
		}
	if (!(ids = LocalAlloc(0, (grown.cUsageIdentifier + 1) * sizeof(*ids)))) {
		LocalFree(usage);
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	if (grown.cUsageIdentifier)
		memcpy(ids, usage->rgpszUsageIdentifier, grown.cUsageIdentifier * sizeof(*ids));
	ids[grown.cUsageIdentifier++] = (LPSTR)oid;
	grown.rgpszUsageIdentifier = ids;
	ok = CertSetEnhancedKeyUsage(ctx, &grown);
	LocalFree(ids);
	LocalFree(usage);
	return ok;
}

/* Taking the last identifier away deletes the property. */
C32_API BOOL WINAPI CertRemoveEnhancedKeyUsageIdentifier(PCCERT_CONTEXT ctx, LPCSTR oid)
{
	CERT_ENHKEY_USAGE *usage;
	DWORD kept = 0;
	BOOL ok;

	if (!ctx || !oid)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(usage = property_usage(ctx)))
		return TRUE;
	for (DWORD i = 0; i < usage->cUsageIdentifier; i++)
		if (strcmp(usage->rgpszUsageIdentifier[i], oid))
			usage->rgpszUsageIdentifier[kept++] = usage->rgpszUsageIdentifier[i];
	usage->cUsageIdentifier = kept;
	ok = CertSetEnhancedKeyUsage(ctx, kept ? usage : NULL);
	LocalFree(usage);
	return ok;
}
