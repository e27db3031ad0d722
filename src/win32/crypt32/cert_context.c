/* Certificate contexts: CertCreateCertificateContext decodes a DER
 * certificate (X509_CERT, then its CERT_INFO) into a reference-counted
 * context that owns a copy of the bytes; its hCertStore is the store
 * holding it, or one empty memory store all unstored contexts share.  Its
 * properties (hashes computed on first request, others as set), the
 * certificate hash and the comparisons built on the decoded parts. */
#include "crypt32_private.h"

#define CERT_MAGIC 0x54524543u /* "CERT" */

struct cert {
	CERT_CONTEXT ctx; /* what callers see: first */
	DWORD magic;
	LONG refs;
	struct c32_props props;
	BYTE encoded[];
};

static struct cert *cert_of(PCCERT_CONTEXT ctx)
{
	struct cert *c = (struct cert *)ctx;

	return c && c->magic == CERT_MAGIC ? c : NULL;
}

HCERTSTORE c32_shared_store(void)
{
	static HCERTSTORE shared;

	if (!shared) {
		HCERTSTORE s = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);

		if (s && InterlockedCompareExchangePointer(&shared, s, NULL))
			CertCloseStore(s, 0); /* another thread's won */
	}
	return shared;
}

PCCERT_CONTEXT c32_cert_new(DWORD encoding, const BYTE *data, DWORD len, HCERTSTORE store)
{
	CERT_INFO *info = NULL;
	struct cert *c;
	DWORD size;

	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	/* signed, or (as Windows takes it too) the to-be-signed part alone */
	if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_CERT_TO_BE_SIGNED, data, len,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &size))
		return NULL;
	c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c) + len);
	if (!c) {
		LocalFree(info);
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	memcpy(c->encoded, data, len);
	c->ctx.dwCertEncodingType = encoding;
	c->ctx.pbCertEncoded = c->encoded;
	c->ctx.cbCertEncoded = len;
	c->ctx.pCertInfo = info;
	c->ctx.hCertStore = store ? store : c32_shared_store();
	c->magic = CERT_MAGIC;
	c->refs = 1;
	c32_props_init(&c->props);
	return &c->ctx;
}

C32_API PCCERT_CONTEXT WINAPI CertCreateCertificateContext(DWORD encoding, const BYTE *data,
							   DWORD len)
{
	return c32_cert_new(encoding, data, len, NULL);
}

C32_API PCCERT_CONTEXT WINAPI CertDuplicateCertificateContext(PCCERT_CONTEXT ctx)
{
	struct cert *c = cert_of(ctx);

	if (c)
		InterlockedIncrement(&c->refs);
	return ctx;
}

/* Freeing NULL (or a context from elsewhere) succeeds, as documented. */
C32_API WINBOOL WINAPI CertFreeCertificateContext(PCCERT_CONTEXT ctx)
{
	struct cert *c = cert_of(ctx);

	if (!c || InterlockedDecrement(&c->refs))
		return TRUE;
	c32_props_free(&c->props);
	LocalFree(c->ctx.pCertInfo);
	c->magic = 0;
	HeapFree(GetProcessHeap(), 0, c);
	return TRUE;
}

/* The hash of data with algorithm alg (0: SHA-1) through CryptoAPI. */
C32_API BOOL WINAPI CryptHashCertificate(HCRYPTPROV_LEGACY prov, ALG_ID alg, DWORD flags,
					 const BYTE *data, DWORD len, BYTE *hash, DWORD *hash_len)
{
	HCRYPTPROV own = 0;
	HCRYPTHASH h;
	BOOL ok;

	if (!hash_len)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!alg)
		alg = CALG_SHA1;
	if (!prov && !CryptAcquireContextW(&own, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		return FALSE;
	ok = CryptCreateHash(prov ? prov : own, alg, 0, 0, &h);
	if (ok) {
		ok = CryptHashData(h, data, len, 0) &&
		     CryptGetHashParam(h, HP_HASHVAL, hash, hash_len, 0);
		CryptDestroyHash(h);
	}
	if (own)
		CryptReleaseContext(own, 0);
	return ok;
}

/* CERT_KEY_PROV_INFO_PROP_ID is a CRYPT_KEY_PROV_INFO with pointers: kept
 * flat (the structure, its names, its parameters and their data) with
 * offsets from its start where the pointers go; NULL stays 0. */
#define POINTER_AT(base, off) ((off) ? (void *)((BYTE *)(base) + (ULONG_PTR)(off)) : NULL)

DWORD c32_flatten_prov_info(const CRYPT_KEY_PROV_INFO *in, BYTE *out)
{
	DWORD container = in->pwszContainerName ? (lstrlenW(in->pwszContainerName) + 1) * 2 : 0;
	DWORD provider = in->pwszProvName ? (lstrlenW(in->pwszProvName) + 1) * 2 : 0;
	DWORD at = sizeof(*in), params;
	CRYPT_KEY_PROV_INFO *flat = (CRYPT_KEY_PROV_INFO *)out;

	if (out) {
		*flat = *in;
		flat->pwszContainerName = in->pwszContainerName ? (LPWSTR)(ULONG_PTR)at : NULL;
		memcpy(out + at, in->pwszContainerName, container);
	}
	at += container;
	if (out) {
		flat->pwszProvName = in->pwszProvName ? (LPWSTR)(ULONG_PTR)at : NULL;
		memcpy(out + at, in->pwszProvName, provider);
	}
	at = (at + provider + 7) & ~7u;
	params = at;
	at += in->cProvParam * sizeof(CRYPT_KEY_PROV_PARAM);
	if (out)
		flat->rgProvParam = in->cProvParam ? (CRYPT_KEY_PROV_PARAM *)(ULONG_PTR)params : NULL;
	for (DWORD i = 0; i < in->cProvParam; i++) {
		CRYPT_KEY_PROV_PARAM *p = (CRYPT_KEY_PROV_PARAM *)(out + params) + i;

		if (out) {
			*p = in->rgProvParam[i];
			p->pbData = in->rgProvParam[i].cbData ? (BYTE *)(ULONG_PTR)at : NULL;
			memcpy(out + at, in->rgProvParam[i].pbData, in->rgProvParam[i].cbData);
		}
		at += in->rgProvParam[i].cbData;
	}
	return at;
}

/* The caller's copy of a flat CRYPT_KEY_PROV_INFO, its offsets made pointers. */
static void unflatten_prov_info(BYTE *copy)
{
	CRYPT_KEY_PROV_INFO *info = (CRYPT_KEY_PROV_INFO *)copy;

	info->pwszContainerName = POINTER_AT(copy, info->pwszContainerName);
	info->pwszProvName = POINTER_AT(copy, info->pwszProvName);
	info->rgProvParam = POINTER_AT(copy, info->rgProvParam);
	for (DWORD i = 0; i < info->cProvParam; i++)
		info->rgProvParam[i].pbData = POINTER_AT(copy, info->rgProvParam[i].pbData);
}

/* A store's copy of a context gets its properties too. */
void c32_cert_copy_props(PCCERT_CONTEXT from, PCCERT_CONTEXT to)
{
	struct cert *src = cert_of(from), *dst = cert_of(to);

	if (src && dst)
		c32_props_copy_missing(&dst->props, &src->props);
}

/* The properties Windows computes on first request and keeps: the hash
 * of the to-be-signed part (by the signature's hash algorithm), and the
 * key identifier of the subject key identifier extension (without one,
 * ERROR_INVALID_DATA, as Windows says; it does not hash the key). */
static BOOL derive_property(PCCERT_CONTEXT ctx, DWORD id)
{
	struct cert *c = cert_of(ctx);
	CRYPT_DATA_BLOB *key_id;
	CERT_EXTENSION *ext;
	BYTE hash[64];
	DWORD len = 0;
	BOOL ok;

	if (c32_props_get(&c->props, id, NULL, 0, NULL, &len))
		return TRUE; /* already there */
	if (id == CERT_SIGNATURE_HASH_PROP_ID) {
		len = sizeof(hash);
		return CryptHashToBeSigned(0, ctx->dwCertEncodingType, ctx->pbCertEncoded,
					   ctx->cbCertEncoded, hash, &len) &&
		       c32_props_set(&c->props, id, hash, len, FALSE);
	}
	if (!(ext = CertFindExtension(szOID_SUBJECT_KEY_IDENTIFIER, ctx->pCertInfo->cExtension,
				      ctx->pCertInfo->rgExtension)))
		return c32_fail(ERROR_INVALID_DATA);
	if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_OCTET_STRING, ext->Value.pbData,
				 ext->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &key_id, &len))
		return FALSE;
	ok = c32_props_set(&c->props, id, key_id->pbData, key_id->cbData, FALSE);
	LocalFree(key_id);
	return ok;
}

C32_API BOOL WINAPI CertGetCertificateContextProperty(PCCERT_CONTEXT ctx, DWORD id, void *data,
						      DWORD *len)
{
	struct cert *c = cert_of(ctx);
	BOOL ok;

	if (!c || !len)
		return c32_fail(E_INVALIDARG);
	if (id == CERT_ACCESS_STATE_PROP_ID) { /* implicit: where the context lives */
		DWORD state = c32_store_persists(ctx->hCertStore) ? CERT_ACCESS_STATE_WRITE_PERSIST_FLAG
								   : 0;

		return c32_prop_out_bytes(&state, sizeof(state), data, len);
	}
	if ((id == CERT_SIGNATURE_HASH_PROP_ID || id == CERT_KEY_IDENTIFIER_PROP_ID) &&
	    !derive_property(ctx, id))
		return FALSE;
	if (id == CERT_KEY_PROV_HANDLE_PROP_ID) { /* the key context's provider */
		CERT_KEY_CONTEXT kc;
		DWORD n = sizeof(kc);

		if (!c32_props_get(&c->props, CERT_KEY_CONTEXT_PROP_ID, NULL, 0, &kc, &n))
			return FALSE;
		return c32_prop_out_bytes(&kc.hCryptProv, sizeof(kc.hCryptProv), data, len);
	}
	ok = c32_props_get(&c->props, id, c->encoded, ctx->cbCertEncoded, data, len);
	if (ok && data && id == CERT_KEY_PROV_INFO_PROP_ID)
		unflatten_prov_info(data); /* the caller's copy: its pointers made absolute */
	return ok;
}

/* CERT_KEY_PROV_HANDLE_PROP_ID is the key context's hCryptProv: setting it
 * makes a key context (key spec 0) if there is none, deleting it zeroes it. */
static BOOL set_key_prov_handle(struct cert *c, HCRYPTPROV prov)
{
	CERT_KEY_CONTEXT kc = { sizeof(kc), { 0 }, 0 };
	DWORD n = sizeof(kc);

	if (!c32_props_get(&c->props, CERT_KEY_CONTEXT_PROP_ID, NULL, 0, &kc, &n) && !prov)
		return TRUE;
	kc.cbSize = sizeof(kc);
	kc.hCryptProv = prov;
	return c32_props_set(&c->props, CERT_KEY_CONTEXT_PROP_ID, &kc, sizeof(kc), FALSE);
}

/* What a property's pvData holds: a handle, a DWORD, a FILETIME or (the
 * rest) a CRYPT_DATA_BLOB; NULL deletes. */
C32_API BOOL WINAPI CertSetCertificateContextProperty(PCCERT_CONTEXT ctx, DWORD id, DWORD flags,
						      const void *data)
{
	struct cert *c = cert_of(ctx);
	const CRYPT_DATA_BLOB *blob = data;
	BOOL ok;

	if (!c)
		return c32_fail(E_INVALIDARG);
	if (id == CERT_KEY_PROV_HANDLE_PROP_ID) /* kept in the key context */
		return set_key_prov_handle(c, data ? *(const HCRYPTPROV *)data : 0);
	if (!data)
		return c32_props_set(&c->props, id, NULL, 0, TRUE);
	switch (id) {
	case CERT_KEY_PROV_INFO_PROP_ID: {
		DWORD n = c32_flatten_prov_info(data, NULL);
		BYTE *flat = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n);

		if (!flat)
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		c32_flatten_prov_info(data, flat);
		ok = c32_props_set(&c->props, id, flat, n, FALSE);
		HeapFree(GetProcessHeap(), 0, flat);
		return ok;
	}
	case CERT_KEY_CONTEXT_PROP_ID:
		if (((const CERT_KEY_CONTEXT *)data)->cbSize != sizeof(CERT_KEY_CONTEXT))
			return c32_fail(E_INVALIDARG);
		return c32_props_set(&c->props, id, data, sizeof(CERT_KEY_CONTEXT), FALSE);
	case CERT_KEY_SPEC_PROP_ID:
		return c32_props_set(&c->props, id, data, sizeof(DWORD), FALSE);
	case CERT_DATE_STAMP_PROP_ID:
		return c32_props_set(&c->props, id, data, sizeof(FILETIME), FALSE);
	}
	return c32_props_set(&c->props, id, blob->pbData, blob->cbData, FALSE);
}

C32_API DWORD WINAPI CertEnumCertificateContextProperties(PCCERT_CONTEXT ctx, DWORD prev)
{
	struct cert *c = cert_of(ctx);

	return c ? c32_props_next(&c->props, prev) : 0;
}

C32_API BOOL WINAPI CertCompareIntegerBlob(PCRYPT_INTEGER_BLOB a, PCRYPT_INTEGER_BLOB b)
{
	DWORD na = a->cbData, nb = b->cbData;

	/* little-endian: high-order sign bytes do not change the value */
	while (na > 1 && ((a->pbData[na - 1] == 0 && !(a->pbData[na - 2] & 0x80)) ||
			  (a->pbData[na - 1] == 0xff && a->pbData[na - 2] & 0x80)))
		na--;
	while (nb > 1 && ((b->pbData[nb - 1] == 0 && !(b->pbData[nb - 2] & 0x80)) ||
			  (b->pbData[nb - 1] == 0xff && b->pbData[nb - 2] & 0x80)))
		nb--;
	return na == nb && !memcmp(a->pbData, b->pbData, na);
}

C32_API BOOL WINAPI CertCompareCertificateName(DWORD encoding, PCERT_NAME_BLOB a,
					       PCERT_NAME_BLOB b)
{
	return a->cbData == b->cbData && !memcmp(a->pbData, b->pbData, a->cbData);
}

/* Same issuer and serial number: the same certificate. */
C32_API BOOL WINAPI CertCompareCertificate(DWORD encoding, PCERT_INFO a, PCERT_INFO b)
{
	return CertCompareCertificateName(encoding, &a->Issuer, &b->Issuer) &&
	       CertCompareIntegerBlob(&a->SerialNumber, &b->SerialNumber);
}

/* RSA keys compare decoded when both decode (their encodings may differ,
 * as in a leading zero byte, and their unused bits do not count); other
 * keys, byte for byte. */
C32_API BOOL WINAPI CertComparePublicKeyInfo(DWORD encoding, PCERT_PUBLIC_KEY_INFO a,
					     PCERT_PUBLIC_KEY_INFO b)
{
	BYTE *da = NULL, *db = NULL;
	DWORD la, lb;

	if ((encoding & CERT_ENCODING_TYPE_MASK) == X509_ASN_ENCODING &&
	    CryptDecodeObjectEx(X509_ASN_ENCODING, RSA_CSP_PUBLICKEYBLOB, a->PublicKey.pbData,
				a->PublicKey.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &da, &la) &&
	    CryptDecodeObjectEx(X509_ASN_ENCODING, RSA_CSP_PUBLICKEYBLOB, b->PublicKey.pbData,
				b->PublicKey.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &db, &lb)) {
		BOOL same = la == lb && !memcmp(da, db, la);

		LocalFree(da);
		LocalFree(db);
		return same;
	}
	LocalFree(da);
	return a->PublicKey.cbData == b->PublicKey.cbData &&
	       a->PublicKey.cUnusedBits == b->PublicKey.cUnusedBits &&
	       !memcmp(a->PublicKey.pbData, b->PublicKey.pbData, a->PublicKey.cbData);
}
