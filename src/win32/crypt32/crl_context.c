/* CRL contexts: CertCreateCRLContext decodes a CRL (signed, or its
 * to-be-signed part alone) into a reference-counted context owning a copy
 * of the bytes, with properties (hashes computed on first request); CRLs
 * in stores (the CERT_STORE_ADD_* dispositions: a CRL of the same issuer
 * is the same CRL, the one with the later ThisUpdate the newer), their
 * searches, and the checks of a certificate against CRLs. */
#include "crypt32_private.h"

#define CRL_MAGIC 0x204c5243u /* "CRL " */

struct crl {
	CRL_CONTEXT ctx; /* what callers see: first */
	DWORD magic;
	LONG refs;
	struct c32_props props;
	BYTE encoded[];
};

static struct crl *crl_of(PCCRL_CONTEXT ctx)
{
	struct crl *c = (struct crl *)ctx;

	return c && c->magic == CRL_MAGIC ? c : NULL;
}

static CRL_INFO *decode_crl(const BYTE *data, DWORD len)
{
	CERT_SIGNED_CONTENT_INFO *signed_info = NULL;
	CRL_INFO *info = NULL;
	DWORD size;

	if (CryptDecodeObjectEx(X509_ASN_ENCODING, X509_CERT, data, len, CRYPT_DECODE_ALLOC_FLAG,
				NULL, &signed_info, &size)) {
		if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_CERT_CRL_TO_BE_SIGNED,
					 signed_info->ToBeSigned.pbData,
					 signed_info->ToBeSigned.cbData, CRYPT_DECODE_ALLOC_FLAG,
					 NULL, &info, &size))
			info = NULL;
		LocalFree(signed_info);
		if (info)
			return info;
	}
	if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_CERT_CRL_TO_BE_SIGNED, data, len,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &size))
		return NULL;
	return info;
}

static PCCRL_CONTEXT crl_new(DWORD encoding, const BYTE *data, DWORD len, HCERTSTORE store)
{
	CRL_INFO *info;
	struct crl *c;

	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (!(info = decode_crl(data, len)))
		return NULL;
	if (!(c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c) + len))) {
		LocalFree(info);
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	memcpy(c->encoded, data, len);
	c->ctx.dwCertEncodingType = encoding;
	c->ctx.pbCrlEncoded = c->encoded;
	c->ctx.cbCrlEncoded = len;
	c->ctx.pCrlInfo = info;
	c->ctx.hCertStore = store ? store : c32_shared_store();
	c->magic = CRL_MAGIC;
	c->refs = 1;
	c32_props_init(&c->props);
	return &c->ctx;
}

C32_API PCCRL_CONTEXT WINAPI CertCreateCRLContext(DWORD encoding, const BYTE *data, DWORD len)
{
	return crl_new(encoding, data, len, NULL);
}

C32_API PCCRL_CONTEXT WINAPI CertDuplicateCRLContext(PCCRL_CONTEXT ctx)
{
	struct crl *c = crl_of(ctx);

	if (c)
		InterlockedIncrement(&c->refs);
	return ctx;
}

/* Freeing NULL succeeds, as documented. */
C32_API BOOL WINAPI CertFreeCRLContext(PCCRL_CONTEXT ctx)
{
	struct crl *c = crl_of(ctx);

	if (!c || InterlockedDecrement(&c->refs))
		return TRUE;
	c32_props_free(&c->props);
	LocalFree(c->ctx.pCrlInfo);
	c->magic = 0;
	HeapFree(GetProcessHeap(), 0, c);
	return TRUE;
}

C32_API BOOL WINAPI CertGetCRLContextProperty(PCCRL_CONTEXT ctx, DWORD id, void *data, DWORD *len)
{
	struct crl *c = crl_of(ctx);

	if (!c || !len)
		return c32_fail(E_INVALIDARG);
	return c32_props_get(&c->props, id, c->encoded, ctx->cbCrlEncoded, data, len);
}

/* pvData: a FILETIME for the date stamp, else a CRYPT_DATA_BLOB; NULL
 * deletes. */
C32_API BOOL WINAPI CertSetCRLContextProperty(PCCRL_CONTEXT ctx, DWORD id, DWORD flags,
					      const void *data)
{
	struct crl *c = crl_of(ctx);
	const CRYPT_DATA_BLOB *blob = data;

	if (!c)
		return c32_fail(E_INVALIDARG);
	if (!id || id > CERT_LAST_USER_PROP_ID)
		return c32_fail(E_INVALIDARG);
	if (!data)
		return c32_props_set(&c->props, id, NULL, 0, TRUE);
	if (id == CERT_DATE_STAMP_PROP_ID)
		return c32_props_set(&c->props, id, data, sizeof(FILETIME), FALSE);
	return c32_props_set(&c->props, id, blob->pbData, blob->cbData, FALSE);
}

C32_API DWORD WINAPI CertEnumCRLContextProperties(PCCRL_CONTEXT ctx, DWORD prev)
{
	struct crl *c = crl_of(ctx);

	return c ? c32_props_next(&c->props, prev) : 0;
}

static void copy_props(PCCRL_CONTEXT from, PCCRL_CONTEXT to)
{
	struct crl *src = crl_of(from), *dst = crl_of(to);

	if (src && dst)
		c32_props_copy_missing(&dst->props, &src->props);
}

static BOOL same_issuer(const void *item, const void *para)
{
	PCCRL_CONTEXT a = item, b = para;

	return CertCompareCertificateName(X509_ASN_ENCODING, &a->pCrlInfo->Issuer,
					  &b->pCrlInfo->Issuer);
}

/* Is a newer than b (a later ThisUpdate)? */
static BOOL newer(PCCRL_CONTEXT a, PCCRL_CONTEXT b)
{
	return CompareFileTime(&a->pCrlInfo->ThisUpdate, &b->pCrlInfo->ThisUpdate) > 0;
}

C32_API BOOL WINAPI CertAddCRLContextToStore(HCERTSTORE store, PCCRL_CONTEXT ctx,
					     DWORD disposition, PCCRL_CONTEXT *added)
{
	PCCRL_CONTEXT existing, copy;

	if (added)
		*added = NULL;
	if (!crl_of(ctx) || disposition < CERT_STORE_ADD_NEW ||
	    disposition > CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)
		return c32_fail(E_INVALIDARG);
	existing = store ? c32_store_next_item(store, C32_CRLS, NULL, same_issuer, ctx) : NULL;
	if (existing) {
		BOOL keep = disposition == CERT_STORE_ADD_USE_EXISTING ||
			    ((disposition == CERT_STORE_ADD_NEWER ||
			      disposition == CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES) &&
			     !newer(ctx, existing));

		if (disposition == CERT_STORE_ADD_NEW || keep) {
			if (keep && disposition == CERT_STORE_ADD_USE_EXISTING) {
				copy_props(ctx, existing);
				if (added) {
					*added = existing;
					return TRUE;
				}
			}
			CertFreeCRLContext(existing);
			return disposition == CERT_STORE_ADD_USE_EXISTING ||
			       c32_fail((DWORD)CRYPT_E_EXISTS);
		}
		if (disposition == CERT_STORE_ADD_ALWAYS) {
			CertFreeCRLContext(existing);
			existing = NULL;
		}
	}
	if (!store) { /* a copy that belongs to no store */
		if (existing)
			CertFreeCRLContext(existing);
		if (added)
			*added = CertDuplicateCRLContext(ctx);
		return TRUE;
	}
	/* a replacement goes where the one it replaces is (in a collection too) */
	if (!(store = existing ? existing->hCertStore : c32_store_target(store)) ||
	    !(copy = crl_new(ctx->dwCertEncodingType, ctx->pbCrlEncoded, ctx->cbCrlEncoded, store))) {
		if (existing)
			CertFreeCRLContext(existing);
		return FALSE;
	}
	copy_props(ctx, copy);
	if (existing && (disposition == CERT_STORE_ADD_REPLACE_EXISTING_INHERIT_PROPERTIES ||
			 disposition == CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES))
		copy_props(existing, copy);
	if (added)
		*added = CertDuplicateCRLContext(copy);
	if (!c32_store_put_item(store, C32_CRLS, copy, existing)) {
		if (added)
			CertFreeCRLContext(*added), *added = NULL;
		CertFreeCRLContext(copy);
		if (existing)
			CertFreeCRLContext(existing);
		return FALSE;
	}
	if (existing)
		CertFreeCRLContext(existing); /* the search's reference */
	return TRUE;
}

C32_API BOOL WINAPI CertAddEncodedCRLToStore(HCERTSTORE store, DWORD encoding, const BYTE *data,
					     DWORD len, DWORD disposition, PCCRL_CONTEXT *added)
{
	PCCRL_CONTEXT ctx;
	BOOL ok;

	if (added)
		*added = NULL;
	if (!(ctx = CertCreateCRLContext(encoding, data, len)))
		return FALSE;
	ok = CertAddCRLContextToStore(store, ctx, disposition, added);
	CertFreeCRLContext(ctx);
	return ok;
}

C32_API PCCRL_CONTEXT WINAPI CertEnumCRLsInStore(HCERTSTORE store, PCCRL_CONTEXT prev)
{
	return c32_store_next_item(store, C32_CRLS, prev, NULL, NULL);
}

/* Always releases the caller's reference, as documented. */
C32_API BOOL WINAPI CertDeleteCRLFromStore(PCCRL_CONTEXT ctx)
{
	if (!ctx)
		return c32_fail(E_INVALIDARG);
	c32_store_remove_item(ctx->hCertStore, C32_CRLS, ctx);
	CertFreeCRLContext(ctx);
	return TRUE;
}

struct crl_find {
	DWORD type, flags;
	const void *para;
};

/* Issued by cert: the CRL's issuer is its subject (and, as the flags ask,
 * its signature checks with the certificate's key). */
static BOOL issued_by(PCCRL_CONTEXT crl, PCCERT_CONTEXT cert, DWORD flags)
{
	if (!CertCompareCertificateName(X509_ASN_ENCODING, &crl->pCrlInfo->Issuer,
					&cert->pCertInfo->Subject))
		return FALSE;
	if (flags & CRL_FIND_ISSUED_BY_SIGNATURE_FLAG &&
	    !CryptVerifyCertificateSignature(0, X509_ASN_ENCODING, crl->pbCrlEncoded,
					     crl->cbCrlEncoded,
					     &cert->pCertInfo->SubjectPublicKeyInfo))
		return FALSE;
	return TRUE;
}

static BOOL crl_matches(const void *item, const void *param)
{
	PCCRL_CONTEXT crl = item;
	const struct crl_find *f = param;
	const CRL_FIND_ISSUED_FOR_PARA *for_para = f->para;

	switch (f->type) {
	case CRL_FIND_ANY:
		return TRUE;
	case CRL_FIND_ISSUED_BY:
		return !f->para || issued_by(crl, f->para, f->flags);
	case CRL_FIND_EXISTING:
		return !f->para ||
		       CertCompareCertificateName(X509_ASN_ENCODING, &crl->pCrlInfo->Issuer,
						  &((PCCRL_CONTEXT)f->para)->pCrlInfo->Issuer);
	case CRL_FIND_ISSUED_FOR:
		return for_para && issued_by(crl, for_para->pIssuerCert, 0);
	}
	return FALSE;
}

C32_API PCCRL_CONTEXT WINAPI CertFindCRLInStore(HCERTSTORE store, DWORD encoding, DWORD flags,
						DWORD type, const void *para, PCCRL_CONTEXT prev)
{
	struct crl_find f = { type, flags, para };

	if (type != CRL_FIND_ANY && type != CRL_FIND_ISSUED_BY && type != CRL_FIND_EXISTING &&
	    type != CRL_FIND_ISSUED_FOR) {
		if (prev)
			CertFreeCRLContext(prev);
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	return c32_store_next_item(store, C32_CRLS, prev, crl_matches, &f);
}

/* The CRLs of an issuer (NULL: any), with the checks flags ask for; those
 * that pass are cleared from *flags. */
C32_API PCCRL_CONTEXT WINAPI CertGetCRLFromStore(HCERTSTORE store, PCCERT_CONTEXT issuer,
						 PCCRL_CONTEXT prev, DWORD *flags)
{
	struct crl_find f = { issuer ? CRL_FIND_ISSUED_BY : CRL_FIND_ANY, 0, issuer };
	PCCRL_CONTEXT crl;

	if (!flags || *flags & ~(CERT_STORE_SIGNATURE_FLAG | CERT_STORE_TIME_VALIDITY_FLAG |
				 CERT_STORE_BASE_CRL_FLAG | CERT_STORE_DELTA_CRL_FLAG)) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (!(crl = c32_store_next_item(store, C32_CRLS, prev, crl_matches, &f)))
		return NULL;
	if (*flags & CERT_STORE_SIGNATURE_FLAG && issuer &&
	    CryptVerifyCertificateSignature(0, X509_ASN_ENCODING, crl->pbCrlEncoded,
					    crl->cbCrlEncoded,
					    &issuer->pCertInfo->SubjectPublicKeyInfo))
		*flags &= ~CERT_STORE_SIGNATURE_FLAG;
	if (*flags & CERT_STORE_TIME_VALIDITY_FLAG && !CertVerifyCRLTimeValidity(NULL, crl->pCrlInfo))
		*flags &= ~CERT_STORE_TIME_VALIDITY_FLAG;
	return crl;
}

/* -1: before ThisUpdate; 1: after NextUpdate (when there is one); 0: in. */
C32_API LONG WINAPI CertVerifyCRLTimeValidity(LPFILETIME when, PCRL_INFO info)
{
	FILETIME now;

	if (!when) {
		GetSystemTimeAsFileTime(&now);
		when = &now;
	}
	if (CompareFileTime(when, &info->ThisUpdate) < 0)
		return -1;
	if ((info->NextUpdate.dwLowDateTime || info->NextUpdate.dwHighDateTime) &&
	    CompareFileTime(when, &info->NextUpdate) > 0)
		return 1;
	return 0;
}

static PCRL_ENTRY entry_of(PCERT_INFO cert, PCRL_INFO crl)
{
	for (DWORD i = 0; i < crl->cCRLEntry; i++)
		if (CertCompareIntegerBlob(&crl->rgCRLEntry[i].SerialNumber, &cert->SerialNumber))
			return &crl->rgCRLEntry[i];
	return NULL;
}

C32_API BOOL WINAPI CertFindCertificateInCRL(PCCERT_CONTEXT cert, PCCRL_CONTEXT crl, DWORD flags,
					     void *reserved, PCRL_ENTRY *entry)
{
	if (!cert || !crl || !entry)
		return c32_fail(E_INVALIDARG);
	*entry = entry_of(cert->pCertInfo, crl->pCrlInfo);
	return TRUE;
}

/* A CRL is for a certificate when the same CA issued both. */
C32_API BOOL WINAPI CertIsValidCRLForCertificate(PCCERT_CONTEXT cert, PCCRL_CONTEXT crl,
						 DWORD flags, void *reserved)
{
	if (!cert || !crl)
		return c32_fail(E_INVALIDARG);
	return CertCompareCertificateName(cert->dwCertEncodingType, &cert->pCertInfo->Issuer,
					  &crl->pCrlInfo->Issuer);
}

/* FALSE when a CRL lists the certificate. */
C32_API BOOL WINAPI CertVerifyCRLRevocation(DWORD encoding, PCERT_INFO cert, DWORD count,
					    PCRL_INFO crls[])
{
	for (DWORD i = 0; i < count; i++)
		if (entry_of(cert, crls[i]))
			return FALSE;
	return TRUE;
}
