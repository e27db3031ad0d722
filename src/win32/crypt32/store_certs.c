/* Certificates in stores: adding one (encoded, or a context's copy) with
 * the CERT_STORE_ADD_* dispositions, deleting one, and the searches
 * (CertFindCertificateInStore's find types, a subject's certificate by
 * issuer and serial number). */
#include "crypt32_private.h"

static BOOL same_bytes(PCCERT_CONTEXT a, const void *para)
{
	PCCERT_CONTEXT b = para;

	return a->cbCertEncoded == b->cbCertEncoded &&
	       !memcmp(a->pbCertEncoded, b->pbCertEncoded, a->cbCertEncoded);
}

C32_API BOOL WINAPI CertAddCertificateContextToStore(HCERTSTORE store, PCCERT_CONTEXT ctx,
						     DWORD disposition, PCCERT_CONTEXT *added)
{
	PCCERT_CONTEXT existing, copy;

	if (added)
		*added = NULL;
	if (!ctx)
		return c32_fail(E_INVALIDARG);
	if (disposition < CERT_STORE_ADD_NEW ||
	    disposition > CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)
		return c32_fail(E_INVALIDARG);
	existing = store ? c32_store_next(store, NULL, same_bytes, ctx) : NULL;
	if (existing && disposition == CERT_STORE_ADD_USE_EXISTING) {
		c32_cert_copy_props(ctx, existing);
		if (added)
			*added = existing;
		else
			CertFreeCertificateContext(existing);
		return TRUE;
	}
	if (existing && (disposition == CERT_STORE_ADD_NEW || disposition == CERT_STORE_ADD_NEWER ||
			 disposition == CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)) {
		/* the same certificate is never newer than itself */
		CertFreeCertificateContext(existing);
		return c32_fail((DWORD)CRYPT_E_EXISTS);
	}
	if (disposition == CERT_STORE_ADD_ALWAYS && existing) {
		CertFreeCertificateContext(existing);
		existing = NULL;
	}
	if (!store) { /* a copy that belongs to no store */
		if (existing)
			CertFreeCertificateContext(existing);
		if (added)
			*added = CertDuplicateCertificateContext(ctx);
		return TRUE;
	}
	/* a replacement goes where the one it replaces is (in a collection too) */
	if (!(store = existing ? existing->hCertStore : c32_store_target(store)) ||
	    !(copy = c32_cert_new(ctx->dwCertEncodingType, ctx->pbCertEncoded, ctx->cbCertEncoded,
				  store))) {
		if (existing)
			CertFreeCertificateContext(existing);
		return FALSE;
	}
	c32_cert_copy_props(ctx, copy);
	if (existing && disposition == CERT_STORE_ADD_REPLACE_EXISTING_INHERIT_PROPERTIES)
		c32_cert_copy_props(existing, copy);
	if (added)
		*added = CertDuplicateCertificateContext(copy);
	if (!c32_store_put(store, copy, existing)) {
		if (added)
			CertFreeCertificateContext(*added), *added = NULL;
		CertFreeCertificateContext(copy);
		if (existing)
			CertFreeCertificateContext(existing);
		return FALSE;
	}
	if (existing)
		CertFreeCertificateContext(existing); /* the search's reference */
	return TRUE;
}

C32_API BOOL WINAPI CertAddEncodedCertificateToStore(HCERTSTORE store, DWORD encoding,
						     const BYTE *data, DWORD len, DWORD disposition,
						     PCCERT_CONTEXT *added)
{
	PCCERT_CONTEXT ctx;
	BOOL ok;

	if (added)
		*added = NULL;
	/* no store: a context of none, as Windows makes (and as for a context's copy) */
	if (disposition < CERT_STORE_ADD_NEW || disposition > CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)
		return c32_fail(E_INVALIDARG);
	if (!(ctx = CertCreateCertificateContext(encoding, data, len)))
		return FALSE;
	ok = CertAddCertificateContextToStore(store, ctx, disposition, added);
	CertFreeCertificateContext(ctx);
	return ok;
}

/* Always releases the caller's reference, as documented. */
C32_API BOOL WINAPI CertDeleteCertificateFromStore(PCCERT_CONTEXT ctx)
{
	if (!ctx)
		return c32_fail(E_INVALIDARG);
	c32_store_remove(ctx->hCertStore, ctx);
	CertFreeCertificateContext(ctx);
	return TRUE;
}

static BOOL hash_matches(PCCERT_CONTEXT ctx, DWORD prop, const CRYPT_HASH_BLOB *want)
{
	BYTE hash[32];
	DWORD size = sizeof(hash);

	return want && CertGetCertificateContextProperty(ctx, prop, hash, &size) &&
	       size == want->cbData && !memcmp(hash, want->pbData, size);
}

static void to_lower(WCHAR *s)
{
	int n = lstrlenW(s);

	LCMapStringW(LOCALE_INVARIANT, LCMAP_LOWERCASE, s, n, s, n);
}

static BOOL name_contains(PCCERT_CONTEXT ctx, const CERT_NAME_BLOB *name, const WCHAR *want)
{
	DWORD n = CertNameToStrW(ctx->dwCertEncodingType, (CERT_NAME_BLOB *)name,
				 CERT_SIMPLE_NAME_STR, NULL, 0);
	WCHAR *text = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR));
	BOOL found = FALSE;

	if (!text || !want)
		return FALSE;
	CertNameToStrW(ctx->dwCertEncodingType, (CERT_NAME_BLOB *)name, CERT_SIMPLE_NAME_STR, text, n);
	to_lower(text);
	found = wcsstr(text, want) != NULL;
	HeapFree(GetProcessHeap(), 0, text);
	return found;
}

struct find {
	DWORD type;
	const void *para;
	WCHAR *lower; /* a searched string, lower case */
};

static BOOL key_id_matches(PCCERT_CONTEXT ctx, const CRYPT_HASH_BLOB *want)
{
	CERT_EXTENSION *ext = CertFindExtension(szOID_SUBJECT_KEY_IDENTIFIER,
						ctx->pCertInfo->cExtension,
						ctx->pCertInfo->rgExtension);
	CRYPT_DATA_BLOB *id = NULL;
	DWORD size;
	BOOL same;

	if (!ext || !CryptDecodeObjectEx(X509_ASN_ENCODING, szOID_SUBJECT_KEY_IDENTIFIER,
					 ext->Value.pbData, ext->Value.cbData,
					 CRYPT_DECODE_ALLOC_FLAG, NULL, &id, &size))
		return FALSE;
	same = id->cbData == want->cbData && !memcmp(id->pbData, want->pbData, id->cbData);
	LocalFree(id);
	return same;
}

static BOOL find_matches(PCCERT_CONTEXT ctx, const void *param)
{
	const struct find *f = param;
	const CERT_INFO *info = ctx->pCertInfo, *other = f->para;

	switch (f->type) {
	case CERT_FIND_ANY:
		return TRUE;
	case CERT_FIND_SHA1_HASH:
		return hash_matches(ctx, CERT_SHA1_HASH_PROP_ID, f->para);
	case CERT_FIND_MD5_HASH:
		return hash_matches(ctx, CERT_MD5_HASH_PROP_ID, f->para);
	case CERT_FIND_SUBJECT_NAME:
		return CertCompareCertificateName(X509_ASN_ENCODING, (CERT_NAME_BLOB *)&info->Subject,
						  (CERT_NAME_BLOB *)f->para);
	case CERT_FIND_ISSUER_NAME:
		return CertCompareCertificateName(X509_ASN_ENCODING, (CERT_NAME_BLOB *)&info->Issuer,
						  (CERT_NAME_BLOB *)f->para);
	case CERT_FIND_SUBJECT_STR_A:
	case CERT_FIND_SUBJECT_STR_W:
		return name_contains(ctx, &info->Subject, f->lower);
	case CERT_FIND_ISSUER_STR_A:
	case CERT_FIND_ISSUER_STR_W:
		return name_contains(ctx, &info->Issuer, f->lower);
	case CERT_FIND_EXISTING:
		return same_bytes(ctx, f->para);
	case CERT_FIND_SUBJECT_CERT:
		return CertCompareCertificate(X509_ASN_ENCODING, (CERT_INFO *)info, (CERT_INFO *)other);
	case CERT_FIND_PUBLIC_KEY:
		return CertComparePublicKeyInfo(X509_ASN_ENCODING,
						(CERT_PUBLIC_KEY_INFO *)&info->SubjectPublicKeyInfo,
						(CERT_PUBLIC_KEY_INFO *)f->para);
	case CERT_FIND_KEY_IDENTIFIER:
		return key_id_matches(ctx, f->para);
	}
	return FALSE;
}

static WCHAR *lower_copy(const void *text, BOOL wide)
{
	int n = wide ? lstrlenW(text) + 1 : MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
	WCHAR *w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR));

	if (!w)
		return NULL;
	if (wide)
		memcpy(w, text, n * sizeof(WCHAR));
	else
		MultiByteToWideChar(CP_ACP, 0, text, -1, w, n);
	to_lower(w);
	return w;
}

C32_API PCCERT_CONTEXT WINAPI CertFindCertificateInStore(HCERTSTORE store, DWORD encoding, DWORD flags,
							 DWORD type, const void *para,
							 PCCERT_CONTEXT prev)
{
	struct find f = { type, para, NULL };
	PCCERT_CONTEXT found;

	if (type != CERT_FIND_ANY && !para) {
		if (prev)
			CertFreeCertificateContext(prev);
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (type == CERT_FIND_SUBJECT_STR_A || type == CERT_FIND_ISSUER_STR_A ||
	    type == CERT_FIND_SUBJECT_STR_W || type == CERT_FIND_ISSUER_STR_W)
		f.lower = lower_copy(para, type == CERT_FIND_SUBJECT_STR_W ||
						   type == CERT_FIND_ISSUER_STR_W);
	found = c32_store_next(store, prev, find_matches, &f);
	HeapFree(GetProcessHeap(), 0, f.lower);
	return found;
}

C32_API PCCERT_CONTEXT WINAPI CertGetSubjectCertificateFromStore(HCERTSTORE store, DWORD encoding,
								 PCERT_INFO id)
{
	if (!id) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	return CertFindCertificateInStore(store, encoding, 0, CERT_FIND_SUBJECT_CERT, id, NULL);
}
