/* Serialized certificates, CRLs and stores.  An element is its context's
 * properties, each a header { property id, 1, length } and the bytes,
 * then its encoding as CERT_CERT_PROP_ID or CERT_CRL_PROP_ID; a saved store
 * is { 0, "CERT" }, its elements, and a header of zeros.  Also stores
 * saved as PKCS #7 (a signed message without signers), and the providers
 * that open such bytes: serialized, file, PKCS #7 and message stores. */
#include "der.h"

#define STORE_MAGIC_WORD 0x54524543u /* "CERT" */
/* The element ids of the encodings themselves (the SDK's wincrypt.h). */
#ifndef CERT_CERT_PROP_ID
#define CERT_CERT_PROP_ID 32
#define CERT_CRL_PROP_ID 33
#endif

struct prop_header {
	DWORD id, one, len;
};

/* Properties kept only for this process (handles, key contexts). */
static BOOL serializable(DWORD id)
{
	return id != CERT_KEY_PROV_HANDLE_PROP_ID && id != CERT_KEY_CONTEXT_PROP_ID;
}

static void put_prop(struct der_out *o, DWORD id, const void *data, DWORD len)
{
	struct prop_header h = { id, 1, len };

	der_put(o, &h, sizeof(h));
	der_put(o, data, len);
}

/* An element of either kind into o. */
BOOL c32_serialize_element(int kind, const void *ctx, struct der_out *o)
{
	PCCERT_CONTEXT cert = ctx;
	PCCRL_CONTEXT crl = ctx;
	DWORD id = 0, len;
	BYTE *data;

	while ((id = kind == C32_CRLS ? CertEnumCRLContextProperties(crl, id)
				      : CertEnumCertificateContextProperties(cert, id))) {
		if (!serializable(id))
			continue;
		len = 0;
		if (kind == C32_CRLS ? !CertGetCRLContextProperty(crl, id, NULL, &len)
				     : !CertGetCertificateContextProperty(cert, id, NULL, &len))
			continue;
		if (!(data = HeapAlloc(GetProcessHeap(), 0, len ? len : 1)))
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		if (kind == C32_CRLS ? CertGetCRLContextProperty(crl, id, data, &len)
				     : CertGetCertificateContextProperty(cert, id, data, &len)) {
			if (id == CERT_KEY_PROV_INFO_PROP_ID) { /* pointers go out as offsets */
				DWORD n = c32_flatten_prov_info((CRYPT_KEY_PROV_INFO *)data, NULL);
				BYTE *flat = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n);

				if (flat) {
					c32_flatten_prov_info((CRYPT_KEY_PROV_INFO *)data, flat);
					put_prop(o, id, flat, n);
					HeapFree(GetProcessHeap(), 0, flat);
				}
			} else {
				put_prop(o, id, data, len);
			}
		}
		HeapFree(GetProcessHeap(), 0, data);
	}
	if (kind == C32_CRLS)
		put_prop(o, CERT_CRL_PROP_ID, crl->pbCrlEncoded, crl->cbCrlEncoded);
	else
		put_prop(o, CERT_CERT_PROP_ID, cert->pbCertEncoded, cert->cbCertEncoded);
	return !o->failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY);
}

static BOOL out_element(int kind, const void *ctx, BYTE *buf, DWORD *size)
{
	struct der_out o = { 0 };
	BOOL ok;

	if (!ctx || !size)
		return c32_fail(E_INVALIDARG);
	ok = c32_serialize_element(kind, ctx, &o);
	if (ok && buf && *size < o.len)
		ok = c32_fail(ERROR_MORE_DATA);
	else if (ok && buf)
		memcpy(buf, o.data, o.len);
	if (ok || GetLastError() == ERROR_MORE_DATA)
		*size = o.len;
	der_free(&o);
	return ok;
}

C32_API BOOL WINAPI CertSerializeCertificateStoreElement(PCCERT_CONTEXT ctx, DWORD flags,
							 BYTE *buf, DWORD *size)
{
	return out_element(C32_CERTS, ctx, buf, size);
}

C32_API BOOL WINAPI CertSerializeCRLStoreElement(PCCRL_CONTEXT ctx, DWORD flags, BYTE *buf,
						 DWORD *size)
{
	return out_element(C32_CRLS, ctx, buf, size);
}

/* Is a wide string at off inside the len bytes of flat, NUL-terminated? */
static BOOL string_inside(const BYTE *flat, DWORD len, ULONG_PTR off)
{
	if (!off)
		return TRUE;
	if (off >= len || off % sizeof(WCHAR))
		return FALSE;
	for (ULONG_PTR at = off; at + sizeof(WCHAR) <= len; at += sizeof(WCHAR))
		if (!*(const WCHAR *)(flat + at))
			return TRUE;
	return FALSE;
}

/* A flat CRYPT_KEY_PROV_INFO (offsets, as c32_flatten_prov_info writes it)
 * made usable in a copy, every offset checked to lie inside it. */
static CRYPT_KEY_PROV_INFO *unflatten_checked(const BYTE *data, DWORD len)
{
	CRYPT_KEY_PROV_INFO *info;
	ULONG_PTR params;
	BYTE *copy;

	if (len < sizeof(*info) || !(copy = HeapAlloc(GetProcessHeap(), 0, len)))
		return NULL;
	memcpy(copy, data, len);
	info = (CRYPT_KEY_PROV_INFO *)copy;
	params = (ULONG_PTR)info->rgProvParam;
	if (!string_inside(copy, len, (ULONG_PTR)info->pwszContainerName) ||
	    !string_inside(copy, len, (ULONG_PTR)info->pwszProvName) ||
	    (info->cProvParam && (!params || params % 8 || params > len ||
				  info->cProvParam > (len - params) / sizeof(CRYPT_KEY_PROV_PARAM)))) {
		HeapFree(GetProcessHeap(), 0, copy);
		return NULL;
	}
	info->pwszContainerName = info->pwszContainerName ? (LPWSTR)(copy + (ULONG_PTR)info->pwszContainerName) : NULL;
	info->pwszProvName = info->pwszProvName ? (LPWSTR)(copy + (ULONG_PTR)info->pwszProvName) : NULL;
	info->rgProvParam = info->cProvParam ? (CRYPT_KEY_PROV_PARAM *)(copy + params) : NULL;
	for (DWORD i = 0; i < info->cProvParam; i++) {
		CRYPT_KEY_PROV_PARAM *p = &info->rgProvParam[i];
		ULONG_PTR off = (ULONG_PTR)p->pbData;

		if (p->cbData && (!off || off > len || p->cbData > len - off)) {
			HeapFree(GetProcessHeap(), 0, copy);
			return NULL;
		}
		p->pbData = p->cbData ? copy + off : NULL;
	}
	return info;
}

/* Sets a property read back from an element on a context. */
static void set_prop(int kind, const void *ctx, DWORD id, const BYTE *data, DWORD len)
{
	CRYPT_DATA_BLOB blob = { len, (BYTE *)data };
	const void *para = &blob;

	if (id == CERT_KEY_PROV_INFO_PROP_ID) {
		CRYPT_KEY_PROV_INFO *info = kind == C32_CERTS ? unflatten_checked(data, len) : NULL;

		if (info)
			CertSetCertificateContextProperty(ctx, id, 0, info);
		HeapFree(GetProcessHeap(), 0, info);
		return;
	}
	if ((id == CERT_KEY_SPEC_PROP_ID && len < sizeof(DWORD)) ||
	    (id == CERT_DATE_STAMP_PROP_ID && len < sizeof(FILETIME)))
		return;
	if (id == CERT_KEY_SPEC_PROP_ID || id == CERT_DATE_STAMP_PROP_ID)
		para = data; /* these are the structure itself */
	if (kind == C32_CRLS)
		CertSetCRLContextProperty(ctx, id, 0, para);
	else
		CertSetCertificateContextProperty(ctx, id, 0, para);
}

/* One element at data (its length in *used): the context, its kind
 * (certificates and CRLs; CTL elements are not read). */
static const void *parse_element(const BYTE *data, DWORD len, DWORD allowed, int *kind,
				 DWORD *used)
{
	struct prop_header h;
	const BYTE *props = data;
	DWORD at = 0;
	const void *ctx = NULL;

	while (!ctx) {
		if (len - at < sizeof(h)) {
			SetLastError(at ? E_INVALIDARG : ERROR_END_OF_MEDIA);
			return NULL;
		}
		memcpy(&h, data + at, sizeof(h));
		at += sizeof(h);
		if (h.len > len - at) {
			SetLastError(E_INVALIDARG);
			return NULL;
		}
		if (h.id == CERT_CERT_PROP_ID || h.id == CERT_CRL_PROP_ID) {
			*kind = h.id == CERT_CRL_PROP_ID ? C32_CRLS : C32_CERTS;
			if (!h.len || !(allowed & (*kind == C32_CRLS ? CERT_STORE_CRL_CONTEXT_FLAG
								     : CERT_STORE_CERTIFICATE_CONTEXT_FLAG))) {
				SetLastError(E_INVALIDARG);
				return NULL;
			}
			ctx = *kind == C32_CRLS
				      ? (const void *)CertCreateCRLContext(X509_ASN_ENCODING, data + at, h.len)
				      : (const void *)CertCreateCertificateContext(X509_ASN_ENCODING,
										   data + at, h.len);
			if (!ctx)
				return NULL;
		}
		at += h.len;
	}
	*used = at;
	/* the properties before it */
	for (DWORD p = 0; p + sizeof(h) <= at;) {
		memcpy(&h, props + p, sizeof(h));
		p += sizeof(h);
		if (h.id != CERT_CERT_PROP_ID && h.id != CERT_CRL_PROP_ID && serializable(h.id))
			set_prop(*kind, ctx, h.id, props + p, h.len);
		p += h.len;
	}
	return ctx;
}

static BOOL add_context(HCERTSTORE store, int kind, const void *ctx, DWORD disposition,
			const void **added)
{
	return kind == C32_CRLS
		       ? CertAddCRLContextToStore(store, ctx, disposition, (PCCRL_CONTEXT *)added)
		       : CertAddCertificateContextToStore(store, ctx, disposition,
							  (PCCERT_CONTEXT *)added);
}

static void free_context(int kind, const void *ctx)
{
	if (kind == C32_CRLS)
		CertFreeCRLContext(ctx);
	else
		CertFreeCertificateContext(ctx);
}

C32_API BOOL WINAPI CertAddSerializedElementToStore(HCERTSTORE store, const BYTE *element,
						    DWORD len, DWORD disposition, DWORD flags,
						    DWORD allowed, DWORD *type, const void **out)
{
	const void *ctx;
	DWORD used;
	int kind;
	BOOL ok;

	if (!element || !len)
		return c32_fail(ERROR_END_OF_MEDIA);
	if (!(ctx = parse_element(element, len, allowed, &kind, &used)))
		return FALSE;
	if (disposition < CERT_STORE_ADD_NEW ||
	    disposition > CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES) {
		free_context(kind, ctx);
		return c32_fail(E_INVALIDARG);
	}
	ok = add_context(store, kind, ctx, disposition, out);
	free_context(kind, ctx);
	if (ok && type)
		*type = kind == C32_CRLS ? CERT_STORE_CRL_CONTEXT : CERT_STORE_CERTIFICATE_CONTEXT;
	return ok;
}

/* A saved store's elements into store; FALSE (CRYPT_E_FILE_ERROR) when the
 * bytes are no saved store. */
BOOL c32_store_load_serialized(HCERTSTORE store, const BYTE *data, DWORD len)
{
	DWORD head[2], at = sizeof(head);

	if (len < sizeof(head))
		return c32_fail((DWORD)CRYPT_E_FILE_ERROR);
	memcpy(head, data, sizeof(head));
	if (head[0] || head[1] != STORE_MAGIC_WORD)
		return c32_fail((DWORD)CRYPT_E_FILE_ERROR);
	while (len - at >= sizeof(struct prop_header)) {
		struct prop_header end;
		const void *ctx;
		DWORD used;
		int kind;

		memcpy(&end, data + at, sizeof(end));
		if (!end.id)
			return TRUE; /* the closing header */
		if (!(ctx = parse_element(data + at, len - at, CERT_STORE_ALL_CONTEXT_FLAG, &kind,
					  &used)))
			return FALSE;
		add_context(store, kind, ctx, CERT_STORE_ADD_ALWAYS, NULL);
		free_context(kind, ctx);
		at += used;
	}
	return TRUE;
}

/* The certificates and CRLs of a PKCS #7 signed message into store. */
BOOL c32_store_load_message(HCERTSTORE store, HCRYPTMSG msg)
{
	DWORD count, size = sizeof(count);

	for (int kind = 0; kind <= C32_CRLS; kind++) {
		DWORD count_param = kind == C32_CRLS ? CMSG_CRL_COUNT_PARAM : CMSG_CERT_COUNT_PARAM;
		DWORD item_param = kind == C32_CRLS ? CMSG_CRL_PARAM : CMSG_CERT_PARAM;

		size = sizeof(count);
		if (!CryptMsgGetParam(msg, count_param, 0, &count, &size))
			return FALSE;
		for (DWORD i = 0; i < count; i++) {
			DWORD len = 0;
			BYTE *der;
			BOOL ok;

			if (!CryptMsgGetParam(msg, item_param, i, NULL, &len) ||
			    !(der = HeapAlloc(GetProcessHeap(), 0, len)))
				return FALSE;
			ok = CryptMsgGetParam(msg, item_param, i, der, &len) &&
			     (kind == C32_CRLS ? CertAddEncodedCRLToStore(store, X509_ASN_ENCODING,
									   der, len,
									   CERT_STORE_ADD_ALWAYS, NULL)
					       : CertAddEncodedCertificateToStore(
							 store, X509_ASN_ENCODING, der, len,
							 CERT_STORE_ADD_ALWAYS, NULL));
			HeapFree(GetProcessHeap(), 0, der);
			if (!ok)
				return FALSE;
		}
	}
	return TRUE;
}

BOOL c32_store_load_pkcs7(HCERTSTORE store, const BYTE *data, DWORD len)
{
	HCRYPTMSG msg = CryptMsgOpenToDecode(PKCS_7_ASN_ENCODING, 0, 0, 0, NULL, NULL);
	BOOL ok;

	ok = msg && CryptMsgUpdate(msg, data, len, TRUE) && c32_store_load_message(store, msg);
	CryptMsgClose(msg);
	return ok;
}

static BOOL save_serialized(HCERTSTORE store, struct der_out *o)
{
	static const DWORD head[2] = { 0, STORE_MAGIC_WORD };
	static const struct prop_header end;

	der_put(o, head, sizeof(head));
	for (int kind = 0; kind <= C32_CRLS; kind++) {
		const void *ctx = NULL;

		while ((ctx = c32_store_next_item(store, kind, ctx, NULL, NULL)))
			if (!c32_serialize_element(kind, ctx, o)) {
				free_context(kind, ctx);
				return FALSE;
			}
	}
	der_put(o, &end, sizeof(end));
	return !o->failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY);
}

/* A signed message with no signers carrying the store's certificates and CRLs. */
static BOOL save_pkcs7(HCERTSTORE store, struct der_out *o)
{
	CMSG_SIGNED_ENCODE_INFO info = { sizeof(info) };
	CRYPT_DATA_BLOB *blobs[C32_CRLS + 1] = { NULL, NULL };
	DWORD counts[C32_CRLS + 1] = { 0, 0 }, len = 0;
	HCRYPTMSG msg;
	BYTE *out = NULL;
	BOOL ok = TRUE;

	for (int kind = 0; kind <= C32_CRLS && ok; kind++) {
		const void *ctx = NULL;

		while (ok && (ctx = c32_store_next_item(store, kind, ctx, NULL, NULL))) {
			CRYPT_DATA_BLOB *grown = blobs[kind]
				? HeapReAlloc(GetProcessHeap(), 0, blobs[kind],
					      (counts[kind] + 1) * sizeof(*grown))
				: HeapAlloc(GetProcessHeap(), 0, sizeof(*grown));

			if (!(ok = grown != NULL)) {
				free_context(kind, ctx);
				break;
			}
			blobs[kind] = grown;
			/* the store keeps the context alive while the message is made */
			grown[counts[kind]].cbData = kind == C32_CRLS ? ((PCCRL_CONTEXT)ctx)->cbCrlEncoded
								    : ((PCCERT_CONTEXT)ctx)->cbCertEncoded;
			grown[counts[kind]++].pbData = kind == C32_CRLS
							       ? ((PCCRL_CONTEXT)ctx)->pbCrlEncoded
							       : ((PCCERT_CONTEXT)ctx)->pbCertEncoded;
		}
	}
	info.cCertEncoded = counts[C32_CERTS];
	info.rgCertEncoded = blobs[C32_CERTS];
	info.cCrlEncoded = counts[C32_CRLS];
	info.rgCrlEncoded = blobs[C32_CRLS];
	ok = ok && (msg = CryptMsgOpenToEncode(PKCS_7_ASN_ENCODING, 0, CMSG_SIGNED, &info, NULL, NULL));
	if (ok) {
		ok = CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, NULL, &len) &&
		     (out = HeapAlloc(GetProcessHeap(), 0, len)) &&
		     CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, out, &len);
		CryptMsgClose(msg);
	}
	if (ok)
		der_put(o, out, len);
	HeapFree(GetProcessHeap(), 0, out);
	HeapFree(GetProcessHeap(), 0, blobs[0]);
	HeapFree(GetProcessHeap(), 0, blobs[1]);
	return ok && (!o->failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY));
}

C32_API BOOL WINAPI CertSaveStore(HCERTSTORE store, DWORD encoding, DWORD save_as, DWORD save_to,
				  void *para, DWORD flags)
{
	struct der_out o = { 0 };
	BOOL ok;

	if (!store || !para)
		return c32_fail(E_INVALIDARG);
	if (save_as == CERT_STORE_SAVE_AS_STORE)
		ok = save_serialized(store, &o);
	else if (save_as == CERT_STORE_SAVE_AS_PKCS7)
		ok = save_pkcs7(store, &o);
	else
		ok = c32_fail(E_INVALIDARG);
	if (ok && save_to == CERT_STORE_SAVE_TO_MEMORY) {
		CRYPT_DATA_BLOB *blob = para;

		if (blob->pbData && blob->cbData < o.len)
			ok = c32_fail(ERROR_MORE_DATA);
		else if (blob->pbData)
			memcpy(blob->pbData, o.data, o.len);
		blob->cbData = o.len;
	} else if (ok && save_to == CERT_STORE_SAVE_TO_FILE) {
		DWORD written;

		ok = WriteFile(para, o.data, o.len, &written, NULL) && written == o.len;
	} else if (ok && (save_to == CERT_STORE_SAVE_TO_FILENAME_W ||
			  save_to == CERT_STORE_SAVE_TO_FILENAME_A)) {
		HANDLE file = save_to == CERT_STORE_SAVE_TO_FILENAME_W
				      ? CreateFileW(para, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL)
				      : CreateFileA(para, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
		DWORD written;

		ok = file != INVALID_HANDLE_VALUE && WriteFile(file, o.data, o.len, &written, NULL) &&
		     written == o.len;
		if (file != INVALID_HANDLE_VALUE)
			CloseHandle(file);
	} else if (ok) {
		ok = c32_fail(E_INVALIDARG);
	}
	der_free(&o);
	return ok;
}
