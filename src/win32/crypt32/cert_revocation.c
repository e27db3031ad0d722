/* CertVerifyRevocation with the built-in provider of X.509 certificates.
 * Windows' default provider (cryptnet) checks a certificate only through
 * where it says its status is published: a CRL distribution point or an
 * OCSP responder (authority information access).  Here a CRL of the
 * certificate's issuer in the caller's CRL store stands for a fetched one;
 * the sandbox has no network, so a certificate that points elsewhere is
 * CRYPT_E_REVOCATION_OFFLINE, and one that points nowhere (a root among
 * them) CRYPT_E_NO_REVOCATION_CHECK, as Windows says for those. */
#include "crypt32_private.h"

static BOOL publishes_status(PCCERT_CONTEXT cert)
{
	const CERT_INFO *info = cert->pCertInfo;

	return CertFindExtension(szOID_CRL_DIST_POINTS, info->cExtension, info->rgExtension) ||
	       CertFindExtension(szOID_AUTHORITY_INFO_ACCESS, info->cExtension, info->rgExtension);
}

/* A current CRL of cert's issuer in store (signed by issuer when it is
 * known), referenced; NULL if there is none. */
static PCCRL_CONTEXT current_crl(HCERTSTORE store, PCCERT_CONTEXT cert, PCCERT_CONTEXT issuer)
{
	PCCRL_CONTEXT crl = NULL;

	while ((crl = CertEnumCRLsInStore(store, crl))) {
		if (!CertCompareCertificateName(X509_ASN_ENCODING, &crl->pCrlInfo->Issuer,
						&cert->pCertInfo->Issuer) ||
		    CertVerifyCRLTimeValidity(NULL, crl->pCrlInfo))
			continue;
		if (!issuer || CryptVerifyCertificateSignatureEx(
				       0, X509_ASN_ENCODING, CRYPT_VERIFY_CERT_SIGN_SUBJECT_CRL,
				       (void *)crl, CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT,
				       (void *)issuer, 0, NULL))
			return crl;
	}
	return NULL;
}

/* The revocation error of one certificate (0: not revoked). */
static DWORD check_one(PCCERT_CONTEXT cert, const CERT_REVOCATION_PARA *para, DWORD *reason)
{
	BOOL has_issuer = para && para->cbSize >= offsetof(CERT_REVOCATION_PARA, cCertStore);
	BOOL has_store = para && para->cbSize >= offsetof(CERT_REVOCATION_PARA, hCrlStore) +
						     sizeof(HCERTSTORE);
	PCCERT_CONTEXT issuer = has_issuer ? para->pIssuerCert : NULL;
	PCCRL_CONTEXT crl;
	PCRL_ENTRY entry = NULL;

	if (!cert || !publishes_status(cert))
		return (DWORD)CRYPT_E_NO_REVOCATION_CHECK;
	if (!has_store || !para->hCrlStore || !(crl = current_crl(para->hCrlStore, cert, issuer)))
		return (DWORD)CRYPT_E_REVOCATION_OFFLINE;
	CertFindCertificateInCRL(cert, crl, 0, NULL, &entry);
	CertFreeCRLContext(crl);
	if (!entry)
		return 0;
	*reason = CRL_REASON_UNSPECIFIED;
	return (DWORD)CRYPT_E_REVOKED;
}

C32_API BOOL WINAPI CertVerifyRevocation(DWORD encoding, DWORD type, DWORD count, void *contexts[],
					 DWORD flags, PCERT_REVOCATION_PARA para,
					 PCERT_REVOCATION_STATUS status)
{
	if (!status || status->cbSize < offsetof(CERT_REVOCATION_STATUS, fHasFreshnessTime))
		return c32_fail(E_INVALIDARG);
	status->dwIndex = status->dwError = status->dwReason = 0;
	if (!count) {
		SetLastError(ERROR_SUCCESS);
		return TRUE;
	}
	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING ||
	    type != CERT_CONTEXT_REVOCATION_TYPE) {
		status->dwError = (DWORD)CRYPT_E_NO_REVOCATION_DLL; /* no provider for these */
		return c32_fail(status->dwError);
	}
	for (DWORD i = 0; i < count; i++) {
		DWORD error = check_one(contexts[i], para, &status->dwReason);

		if (error) {
			status->dwIndex = i;
			status->dwError = error;
			return c32_fail(error);
		}
	}
	SetLastError(ERROR_SUCCESS);
	return TRUE;
}
