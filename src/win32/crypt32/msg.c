/* The cryptographic message handle: opening one to encode or decode,
 * duplicating and closing it, and routing CryptMsgUpdate, CryptMsgGetParam
 * and CryptMsgControl to the encoder (msg_encode.c) or the decoder
 * (msg_decode.c); the helpers both use (output buffers, hashes, the
 * ContentInfo wrapper). */
#include "msg_private.h"

void *msg_alloc(DWORD n)
{
	void *p = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n ? n : 1);

	if (!p)
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return p;
}

void msg_free(void *p)
{
	if (p)
		HeapFree(GetProcessHeap(), 0, p);
}

char *msg_strdup(const char *s)
{
	char *copy = s ? msg_alloc(strlen(s) + 1) : NULL;

	if (copy)
		strcpy(copy, s);
	return copy;
}

/* The documented output convention: NULL buf asks for the size; a short
 * buffer gets ERROR_MORE_DATA and the size. */
BOOL msg_out(void *buf, DWORD *size, const void *data, DWORD len)
{
	if (!size)
		return c32_fail(E_INVALIDARG);
	if (!buf) {
		*size = len;
		return TRUE;
	}
	if (*size < len) {
		*size = len;
		return c32_fail(ERROR_MORE_DATA);
	}
	*size = len;
	if (len)
		memcpy(buf, data, len);
	return TRUE;
}

BOOL msg_out_dword(void *buf, DWORD *size, DWORD value)
{
	return msg_out(buf, size, &value, sizeof(value));
}

HCRYPTHASH msg_hash(HCRYPTPROV prov, ALG_ID alg, const BYTE *data, DWORD len, const BYTE *more,
		    DWORD more_len)
{
	HCRYPTHASH hash;

	if (!CryptCreateHash(prov, alg, 0, 0, &hash))
		return 0;
	if ((len && !CryptHashData(hash, data, len, 0)) ||
	    (more_len && !CryptHashData(hash, more, more_len, 0))) {
		DWORD error = GetLastError();

		CryptDestroyHash(hash);
		SetLastError(error);
		return 0;
	}
	return hash;
}

BOOL msg_hash_value(HCRYPTPROV prov, ALG_ID alg, const BYTE *data, DWORD len, void *buf,
		    DWORD *size)
{
	HCRYPTHASH hash = msg_hash(prov, alg, data, len, NULL, 0);
	BYTE value[64];
	DWORD value_len = sizeof(value);
	BOOL ok;

	if (!hash)
		return FALSE;
	ok = CryptGetHashParam(hash, HP_HASHVAL, value, &value_len, 0);
	CryptDestroyHash(hash);
	return ok && msg_out(buf, size, value, value_len);
}

BOOL msg_copy_algorithm(const CRYPT_ALGORITHM_IDENTIFIER *from, CRYPT_ALGORITHM_IDENTIFIER **to,
			ALG_ID *alg)
{
	DWORD n = sizeof(**to) + from->Parameters.cbData + strlen(from->pszObjId) + 1;
	CRYPT_ALGORITHM_IDENTIFIER *copy = LocalAlloc(LPTR, n);

	if (!copy)
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	copy->Parameters.cbData = from->Parameters.cbData;
	copy->Parameters.pbData = (BYTE *)(copy + 1);
	if (from->Parameters.cbData)
		memcpy(copy->Parameters.pbData, from->Parameters.pbData, from->Parameters.cbData);
	copy->pszObjId = (char *)copy->Parameters.pbData + from->Parameters.cbData;
	strcpy(copy->pszObjId, from->pszObjId);
	*to = copy;
	*alg = CertOIDToAlgId(from->pszObjId);
	return TRUE;
}

void msg_put_algorithm(struct der_out *o, const CRYPT_ALGORITHM_IDENTIFIER *alg)
{
	static const BYTE null[] = { DER_NULL, 0 };
	DWORD start = o->len, oid_start;

	oid_start = o->len;
	der_put_oid(o, alg->pszObjId ? alg->pszObjId : "");
	der_wrap(o, oid_start, DER_OID);
	if (alg->Parameters.cbData)
		der_put(o, alg->Parameters.pbData, alg->Parameters.cbData);
	else
		der_put(o, null, sizeof(null));
	der_wrap(o, start, DER_SEQUENCE);
}

void msg_put_content_info(struct der_out *o, const char *oid, const BYTE *content, DWORD len)
{
	DWORD start = o->len, part;

	part = o->len;
	der_put_oid(o, oid);
	der_wrap(o, part, DER_OID);
	if (content) {
		part = o->len;
		der_put(o, content, len);
		der_wrap(o, part, DER_CONTEXT | DER_CONSTRUCTED | 0);
	}
	der_wrap(o, start, DER_SEQUENCE);
}

HCRYPTPROV msg_prov(struct msg *m)
{
	if (!m->prov && CryptAcquireContextW(&m->prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		m->own_prov = TRUE;
	return m->prov;
}

struct msg *msg_new(BOOL decoding, DWORD type, DWORD flags, const CMSG_STREAM_INFO *stream)
{
	struct msg *m = msg_alloc(sizeof(*m));

	if (!m)
		return NULL;
	m->magic = MSG_MAGIC;
	m->refs = 1;
	m->decoding = decoding;
	m->type = type;
	m->flags = flags;
	if (stream) {
		m->streamed = TRUE;
		m->stream = *stream; /* a copy: later changes to the caller's do not count */
	}
	return m;
}

static struct msg *msg_of(HCRYPTMSG h)
{
	struct msg *m = h;

	if (!m || m->magic != MSG_MAGIC) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	return m;
}

C32_API HCRYPTMSG WINAPI CryptMsgOpenToEncode(DWORD encoding, DWORD flags, DWORD type,
					      const void *info, LPSTR inner,
					      PCMSG_STREAM_INFO stream)
{
	if (GET_CMSG_ENCODING_TYPE(encoding) != PKCS_7_ASN_ENCODING) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	return msg_open_encode(flags, type, info, inner, stream);
}

C32_API HCRYPTMSG WINAPI CryptMsgOpenToDecode(DWORD encoding, DWORD flags, DWORD type,
					      HCRYPTPROV_LEGACY prov, PCERT_INFO recipient,
					      PCMSG_STREAM_INFO stream)
{
	struct msg *m;

	if (GET_CMSG_ENCODING_TYPE(encoding) != PKCS_7_ASN_ENCODING) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if ((m = msg_new(TRUE, type, flags, stream)))
		m->prov = prov;
	return m;
}

C32_API HCRYPTMSG WINAPI CryptMsgDuplicate(HCRYPTMSG h)
{
	struct msg *m = h;

	if (m && m->magic == MSG_MAGIC)
		InterlockedIncrement(&m->refs);
	return h;
}

C32_API BOOL WINAPI CryptMsgClose(HCRYPTMSG h)
{
	struct msg *m;

	if (!h)
		return TRUE;
	if (!(m = msg_of(h)))
		return FALSE;
	if (InterlockedDecrement(&m->refs))
		return TRUE;
	m->magic = 0;
	for (DWORD i = 0; i < m->n_signers; i++)
		msg_signer_free(&m->signers[i], m->flags & CMSG_CRYPT_RELEASE_CONTEXT_FLAG);
	if (m->own_prov || (m->prov && m->flags & CMSG_CRYPT_RELEASE_CONTEXT_FLAG))
		CryptReleaseContext(m->prov, 0);
	msg_free(m->signers);
	msg_free(m->certs);
	msg_free(m->copies);
	msg_free(m->inner_oid);
	LocalFree(m->alg);
	der_free(&m->content);
	der_free(&m->input);
	msg_free(m);
	return TRUE;
}

C32_API BOOL WINAPI CryptMsgUpdate(HCRYPTMSG h, const BYTE *data, DWORD len, BOOL final)
{
	struct msg *m = msg_of(h);

	if (!m)
		return FALSE;
	if (len && !data)
		return c32_fail(E_INVALIDARG);
	return m->decoding ? msg_decode_update(m, data, len, final)
			   : msg_encode_update(m, data, len, final);
}

C32_API BOOL WINAPI CryptMsgGetParam(HCRYPTMSG h, DWORD param, DWORD index, void *buf,
				     DWORD *size)
{
	struct msg *m = msg_of(h);

	if (!m)
		return FALSE;
	if (!size)
		return c32_fail(E_INVALIDARG);
	return m->decoding ? msg_decode_param(m, param, index, buf, size)
			   : msg_encode_param(m, param, index, buf, size);
}

/* A message being encoded takes no controls. */
C32_API BOOL WINAPI CryptMsgControl(HCRYPTMSG h, DWORD flags, DWORD type, const void *para)
{
	struct msg *m = msg_of(h);

	if (!m)
		return FALSE;
	if (!m->decoding)
		return c32_fail(E_INVALIDARG);
	return msg_decode_control(m, flags, type, para);
}
