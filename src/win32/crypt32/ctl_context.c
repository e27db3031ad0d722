/* CTL contexts: a certificate trust list is a PKCS #7 signed message whose
 * content (of type szOID_CTL) is an encoded CTL_INFO.  CertCreateCTLContext
 * decodes both into a reference-counted context that owns a copy of the
 * bytes and the decoded message.  In a store, a CTL with the same bytes is
 * the same CTL. */
#include "crypt32_private.h"

#define CTL_MAGIC 0x204c5443u /* "CTL " */

struct ctl {
	CTL_CONTEXT ctx; /* what callers see: first */
	DWORD magic;
	LONG refs;
	BYTE *content; /* the message's content: the encoded CTL_INFO */
	BYTE encoded[];
};

static struct ctl *ctl_of(PCCTL_CONTEXT ctx)
{
	struct ctl *c = (struct ctl *)ctx;

	return c && c->magic == CTL_MAGIC ? c : NULL;
}

/* The message's content when its inner type is a CTL (allocated). */
static BYTE *ctl_content(HCRYPTMSG msg, DWORD *len)
{
	char oid[64];
	DWORD size = sizeof(oid);
	BYTE *content;

	if (!CryptMsgGetParam(msg, CMSG_INNER_CONTENT_TYPE_PARAM, 0, oid, &size) ||
	    strcmp(oid, szOID_CTL)) {
		SetLastError((DWORD)CRYPT_E_UNEXPECTED_MSG_TYPE);
		return NULL;
	}
	*len = 0;
	if (!CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, NULL, len) ||
	    !(content = HeapAlloc(GetProcessHeap(), 0, *len ? *len : 1)))
		return NULL;
	if (!CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, content, len)) {
		HeapFree(GetProcessHeap(), 0, content);
		return NULL;
	}
	return content;
}

static PCCTL_CONTEXT ctl_new(DWORD encoding, const BYTE *data, DWORD len, HCERTSTORE store)
{
	HCRYPTMSG msg;
	CTL_INFO *info = NULL;
	BYTE *content = NULL;
	DWORD content_len = 0, size;
	struct ctl *c = NULL;

	if (!data || !len) {
		SetLastError((DWORD)CRYPT_E_ASN1_EOD);
		return NULL;
	}
	msg = CryptMsgOpenToDecode(PKCS_7_ASN_ENCODING, 0, 0, 0, NULL, NULL);
	if (!msg || !CryptMsgUpdate(msg, data, len, TRUE) ||
	    !(content = ctl_content(msg, &content_len)) ||
	    !CryptDecodeObjectEx(X509_ASN_ENCODING, PKCS_CTL, content, content_len,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &size) ||
	    !(c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c) + len))) {
		DWORD error = info ? ERROR_NOT_ENOUGH_MEMORY : GetLastError();

		CryptMsgClose(msg);
		HeapFree(GetProcessHeap(), 0, content);
		LocalFree(info);
		SetLastError(error);
		return NULL;
	}
	memcpy(c->encoded, data, len);
	c->content = content;
	c->ctx.dwMsgAndCertEncodingType = encoding;
	c->ctx.pbCtlEncoded = c->encoded;
	c->ctx.cbCtlEncoded = len;
	c->ctx.pCtlInfo = info;
	c->ctx.hCertStore = store ? store : c32_shared_store();
	c->ctx.hCryptMsg = msg;
	c->ctx.pbCtlContent = content;
	c->ctx.cbCtlContent = content_len;
	c->magic = CTL_MAGIC;
	c->refs = 1;
	return &c->ctx;
}

C32_API PCCTL_CONTEXT WINAPI CertCreateCTLContext(DWORD encoding, const BYTE *data, DWORD len)
{
	return ctl_new(encoding, data, len, NULL);
}

C32_API PCCTL_CONTEXT WINAPI CertDuplicateCTLContext(PCCTL_CONTEXT ctx)
{
	struct ctl *c = ctl_of(ctx);

	if (c)
		InterlockedIncrement(&c->refs);
	return ctx;
}

C32_API BOOL WINAPI CertFreeCTLContext(PCCTL_CONTEXT ctx)
{
	struct ctl *c = ctl_of(ctx);

	if (!c || InterlockedDecrement(&c->refs))
		return TRUE;
	CryptMsgClose(c->ctx.hCryptMsg);
	LocalFree(c->ctx.pCtlInfo);
	HeapFree(GetProcessHeap(), 0, c->content);
	c->magic = 0;
	HeapFree(GetProcessHeap(), 0, c);
	return TRUE;
}

static BOOL same_bytes(const void *item, const void *para)
{
	PCCTL_CONTEXT a = item, b = para;

	return a->cbCtlEncoded == b->cbCtlEncoded &&
	       !memcmp(a->pbCtlEncoded, b->pbCtlEncoded, a->cbCtlEncoded);
}

C32_API BOOL WINAPI CertAddCTLContextToStore(HCERTSTORE store, PCCTL_CONTEXT ctx, DWORD disposition,
					     PCCTL_CONTEXT *added)
{
	PCCTL_CONTEXT existing = NULL, copy;

	if (added)
		*added = NULL;
	if (!ctl_of(ctx) || disposition < CERT_STORE_ADD_NEW ||
	    disposition > CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)
		return c32_fail(E_INVALIDARG);
	if (store && disposition != CERT_STORE_ADD_ALWAYS)
		existing = c32_store_next_item(store, C32_CTLS, NULL, same_bytes, ctx);
	if (existing && (disposition == CERT_STORE_ADD_NEW || disposition == CERT_STORE_ADD_NEWER ||
			 disposition == CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)) {
		CertFreeCTLContext(existing);
		return c32_fail((DWORD)CRYPT_E_EXISTS);
	}
	if (existing && disposition == CERT_STORE_ADD_USE_EXISTING) {
		if (added)
			*added = existing;
		else
			CertFreeCTLContext(existing);
		return TRUE;
	}
	if (!store) { /* a copy that belongs to no store */
		if (added)
			*added = CertDuplicateCTLContext(ctx);
		return TRUE;
	}
	if (!(store = existing ? existing->hCertStore : c32_store_target(store)) ||
	    !(copy = ctl_new(ctx->dwMsgAndCertEncodingType, ctx->pbCtlEncoded, ctx->cbCtlEncoded,
			     store))) {
		if (existing)
			CertFreeCTLContext(existing);
		return FALSE;
	}
	if (added)
		*added = CertDuplicateCTLContext(copy);
	if (!c32_store_put_item(store, C32_CTLS, copy, existing)) {
		if (added)
			CertFreeCTLContext(*added), *added = NULL;
		CertFreeCTLContext(copy);
		if (existing)
			CertFreeCTLContext(existing);
		return FALSE;
	}
	if (existing)
		CertFreeCTLContext(existing); /* the search's reference */
	return TRUE;
}

C32_API BOOL WINAPI CertAddEncodedCTLToStore(HCERTSTORE store, DWORD encoding, const BYTE *data,
					     DWORD len, DWORD disposition, PCCTL_CONTEXT *added)
{
	PCCTL_CONTEXT ctx;
	BOOL ok;

	if (added)
		*added = NULL;
	if (!(ctx = CertCreateCTLContext(encoding, data, len)))
		return FALSE;
	ok = CertAddCTLContextToStore(store, ctx, disposition, added);
	CertFreeCTLContext(ctx);
	return ok;
}

/* Always releases the caller's reference, as documented. */
C32_API BOOL WINAPI CertDeleteCTLFromStore(PCCTL_CONTEXT ctx)
{
	if (!ctx)
		return c32_fail(E_INVALIDARG);
	c32_store_remove_item(ctx->hCertStore, C32_CTLS, ctx);
	CertFreeCTLContext(ctx);
	return TRUE;
}
