/* Encoding messages: data (an OCTET STRING, streamed in DER or BER when
 * a stream is given), hashed (PKCS #7 DigestedData) and signed
 * (SignedData) ones.  The content is kept until the final update; the
 * encodings are built whenever asked for, from what has arrived: before
 * any update the inner content type is an empty OID, and before the final
 * one the hash and signatures are empty, as Windows shows them. */
#include "msg_private.h"

static BOOL open_hashed(struct msg *m, const CMSG_HASHED_ENCODE_INFO *info)
{
	HCRYPTHASH probe;

	if (!info || info->cbSize != sizeof(*info))
		return c32_fail(E_INVALIDARG);
	if (!info->HashAlgorithm.pszObjId || !CertOIDToAlgId(info->HashAlgorithm.pszObjId))
		return c32_fail((DWORD)CRYPT_E_UNKNOWN_ALGO);
	if (!msg_copy_algorithm(&info->HashAlgorithm, &m->alg, &m->hash_alg))
		return FALSE;
	m->prov = info->hCryptProv;
	if (!msg_prov(m))
		return FALSE;
	if (!CryptCreateHash(m->prov, m->hash_alg, 0, 0, &probe))
		return FALSE;
	CryptDestroyHash(probe);
	return TRUE;
}

/* Copies of the certificates' and CRLs' encodings, in one block. */
static BOOL copy_blobs(struct msg *m, const CMSG_SIGNED_ENCODE_INFO *info)
{
	DWORD total = 0, n = info->cCertEncoded + info->cCrlEncoded;
	BYTE *p;

	for (DWORD i = 0; i < info->cCertEncoded; i++)
		total += info->rgCertEncoded[i].cbData;
	for (DWORD i = 0; i < info->cCrlEncoded; i++)
		total += info->rgCrlEncoded[i].cbData;
	if (!n)
		return TRUE;
	if (!(m->copies = msg_alloc(total)) ||
	    !(m->certs = msg_alloc(n * sizeof(CRYPT_DATA_BLOB))))
		return FALSE;
	m->crls = m->certs + info->cCertEncoded; /* one array: certificates, then CRLs */
	p = m->copies;
	for (DWORD i = 0; i < n; i++) {
		const CRYPT_DATA_BLOB *from = i < info->cCertEncoded
						      ? &info->rgCertEncoded[i]
						      : &info->rgCrlEncoded[i - info->cCertEncoded];

		memcpy(p, from->pbData, from->cbData);
		m->certs[i].pbData = p;
		m->certs[i].cbData = from->cbData;
		p += from->cbData;
	}
	m->n_certs = info->cCertEncoded;
	m->n_crls = info->cCrlEncoded;
	return TRUE;
}

static BOOL open_signed(struct msg *m, const CMSG_SIGNED_ENCODE_INFO *info)
{
	BOOL cms;

	if (!info || (info->cbSize != sizeof(*info) &&
		      info->cbSize != offsetof(CMSG_SIGNED_ENCODE_INFO, cAttrCertEncoded)))
		return c32_fail(E_INVALIDARG);
	if ((info->cSigners && !info->rgSigners) || (info->cCertEncoded && !info->rgCertEncoded) ||
	    (info->cCrlEncoded && !info->rgCrlEncoded))
		return c32_fail(E_INVALIDARG);
	cms = info->cbSize == sizeof(*info);
	m->version = CMSG_SIGNED_DATA_V1;
	if (cms && info->cAttrCertEncoded)
		m->version = CMSG_SIGNED_DATA_V3;
	if (info->cSigners && !(m->signers = msg_alloc(info->cSigners * sizeof(*m->signers))))
		return FALSE;
	for (DWORD i = 0; i < info->cSigners; i++) {
		if (!msg_signer_new(&m->signers[i], &info->rgSigners[i]))
			return FALSE;
		m->n_signers++;
		if (m->signers[i].info->SignerId.dwIdChoice == CERT_ID_KEY_IDENTIFIER)
			m->version = CMSG_SIGNED_DATA_V3;
	}
	return copy_blobs(m, info);
}

HCRYPTMSG msg_open_encode(DWORD flags, DWORD type, const void *info, const char *inner,
			  const CMSG_STREAM_INFO *stream)
{
	struct msg *m;
	BOOL ok;

	if (type != CMSG_DATA && type != CMSG_HASHED && type != CMSG_SIGNED) {
		SetLastError((DWORD)CRYPT_E_INVALID_MSG_TYPE);
		return NULL;
	}
	if (type == CMSG_DATA && info) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (!(m = msg_new(FALSE, type, flags, stream)))
		return NULL;
	/* a data message's inner type is always data */
	if (inner && type != CMSG_DATA && !(m->inner_oid = msg_strdup(inner)))
		ok = FALSE;
	else if (type == CMSG_HASHED)
		ok = open_hashed(m, info);
	else if (type == CMSG_SIGNED)
		ok = open_signed(m, info);
	else
		ok = TRUE;
	if (!ok) {
		DWORD error = GetLastError();

		m->flags &= ~CMSG_CRYPT_RELEASE_CONTEXT_FLAG; /* the caller keeps its contexts */
		CryptMsgClose(m);
		SetLastError(error);
		return NULL;
	}
	return m;
}

static void put_header(struct der_out *o, BYTE tag, DWORD len)
{
	BYTE h[6];
	DWORD n = 0;

	h[n++] = tag;
	if (len == CMSG_INDEFINITE_LENGTH) {
		h[n++] = 0x80;
	} else if (len < 0x80) {
		h[n++] = (BYTE)len;
	} else {
		DWORD bytes = der_header_size(len) - 2;

		h[n++] = 0x80 | bytes;
		while (bytes--)
			h[n++] = (BYTE)(len >> (8 * bytes));
	}
	der_put(o, h, n);
}

static BOOL emit(struct msg *m, const BYTE *data, DWORD len, BOOL final)
{
	return m->stream.pfnStreamOutput(m->stream.pvArg, (BYTE *)data, len, final);
}

/* A streamed data message: the ContentInfo's header first (definite when
 * the stream says how long the content is, which is not checked), then
 * each update's bytes, as OCTET STRING pieces when indefinite. */
static BOOL stream_data(struct msg *m, const BYTE *data, DWORD len, BOOL final)
{
	static const BYTE eoc[6];
	BOOL indefinite = m->stream.cbContent == CMSG_INDEFINITE_LENGTH;
	struct der_out o = { 0 };
	BOOL ok = TRUE;

	if (!m->stream.pfnStreamOutput)
		return c32_fail((DWORD)STATUS_ACCESS_VIOLATION);
	if (!m->stream_open) {
		DWORD octets = der_header_size(m->stream.cbContent) + m->stream.cbContent;
		DWORD explicit = der_header_size(octets) + octets;
		DWORD oid = 2 + 9; /* szOID_RSA_data */

		put_header(&o, DER_SEQUENCE, indefinite ? CMSG_INDEFINITE_LENGTH : oid + explicit);
		der_put_tlv(&o, DER_OID, "\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01", 9);
		put_header(&o, DER_CONTEXT | DER_CONSTRUCTED, indefinite ? CMSG_INDEFINITE_LENGTH : octets);
		put_header(&o, indefinite ? DER_OCTETS | DER_CONSTRUCTED : DER_OCTETS,
			   indefinite ? CMSG_INDEFINITE_LENGTH : m->stream.cbContent);
		if (o.failed)
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		ok = emit(m, o.data, o.len, FALSE);
		m->stream_open = TRUE;
		der_free(&o);
	}
	if (ok && len && indefinite) {
		put_header(&o, DER_OCTETS, len);
		ok = !o.failed && emit(m, o.data, o.len, FALSE);
		der_free(&o);
	}
	if (ok && len)
		ok = emit(m, data, len, final && !indefinite);
	if (ok && final && indefinite)
		ok = emit(m, eoc, sizeof(eoc), TRUE);
	return ok;
}

BOOL msg_encode_update(struct msg *m, const BYTE *data, DWORD len, BOOL final)
{
	BOOL detached = m->flags & CMSG_DETACHED_FLAG;

	if (m->final || m->hash_taken)
		return c32_fail((DWORD)CRYPT_E_MSG_ERROR);
	if (m->type == CMSG_DATA && m->streamed) {
		if (!stream_data(m, data, len, final))
			return FALSE;
		m->final = final;
		return TRUE;
	}
	if (!m->streamed && !final) {
		/* only a detached hash or signature takes its content in pieces */
		if (m->type == CMSG_DATA)
			return c32_fail(detached ? E_INVALIDARG : (DWORD)CRYPT_E_MSG_ERROR);
		if (!detached)
			return c32_fail((DWORD)CRYPT_E_MSG_ERROR);
	}
	der_put(&m->content, data, len);
	if (m->content.failed)
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	m->updated = TRUE;
	if (!final)
		return TRUE;
	m->final = TRUE; /* even if signing fails: the message is spent */
	return m->type != CMSG_SIGNED || msg_signers_sign(m);
}

static BOOL inner_is_data(const struct msg *m)
{
	return !m->inner_oid || !strcmp(m->inner_oid, szOID_RSA_data);
}

/* The encapsulated ContentInfo: its type once content has arrived, the
 * content itself unless detached. */
static void put_inner(struct msg *m, struct der_out *o)
{
	const char *oid = !m->updated ? "" : m->inner_oid ? m->inner_oid : szOID_RSA_data;
	struct der_out c = { 0 };

	if (!m->updated || m->flags & CMSG_DETACHED_FLAG) {
		msg_put_content_info(o, oid, NULL, 0);
		return;
	}
	if (inner_is_data(m))
		der_put_tlv(&c, DER_OCTETS, m->content.data, m->content.len);
	else
		der_put(&c, m->content.data, m->content.len);
	o->failed |= c.failed;
	msg_put_content_info(o, oid, c.data, c.len);
	der_free(&c);
}

static void put_version(struct der_out *o, DWORD version)
{
	der_put_integer_le(o, DER_INTEGER, (const BYTE *)&version, sizeof(version), FALSE);
}

static BOOL put_hashed(struct msg *m, struct der_out *o)
{
	DWORD start = o->len;
	BYTE digest[64];
	DWORD digest_len = 0;

	if (m->final) {
		digest_len = sizeof(digest);
		if (!msg_hash_value(m->prov, m->hash_alg, m->content.data, m->content.len, digest,
				    &digest_len))
			return FALSE;
	}
	put_version(o, CMSG_HASHED_DATA_V0);
	msg_put_algorithm(o, m->alg);
	put_inner(m, o);
	der_put_tlv(o, DER_OCTETS, digest, digest_len);
	der_wrap(o, start, DER_SEQUENCE);
	return TRUE;
}

static void put_blobs(struct der_out *o, const CRYPT_DATA_BLOB *blobs, DWORD n, BYTE tag)
{
	DWORD start = o->len;

	if (!n)
		return;
	for (DWORD i = 0; i < n; i++)
		der_put(o, blobs[i].pbData, blobs[i].cbData);
	der_wrap(o, start, tag);
}

static BOOL put_signed(struct msg *m, struct der_out *o)
{
	DWORD start = o->len, set;

	put_version(o, m->version);
	set = o->len;
	for (DWORD i = 0; i < m->n_signers; i++)
		msg_put_algorithm(o, &m->signers[i].info->HashAlgorithm);
	der_wrap(o, set, DER_SET);
	put_inner(m, o);
	put_blobs(o, m->certs, m->n_certs, DER_CONTEXT | DER_CONSTRUCTED | 0);
	put_blobs(o, m->crls, m->n_crls, DER_CONTEXT | DER_CONSTRUCTED | 1);
	set = o->len;
	for (DWORD i = 0; i < m->n_signers; i++)
		if (!msg_signer_encode(&m->signers[i], o))
			return FALSE;
	der_wrap(o, set, DER_SET);
	der_wrap(o, start, DER_SEQUENCE);
	return TRUE;
}

static BOOL put_bare(struct msg *m, struct der_out *o)
{
	switch (m->type) {
	case CMSG_DATA:
		der_put_tlv(o, DER_OCTETS, m->content.data, m->content.len);
		return TRUE;
	case CMSG_HASHED:
		return put_hashed(m, o);
	default:
		return put_signed(m, o);
	}
}

static const char *type_oid(DWORD type)
{
	return type == CMSG_DATA     ? szOID_RSA_data
	       : type == CMSG_HASHED ? szOID_RSA_digestedData
				     : szOID_RSA_signedData;
}

static BOOL out_content(struct msg *m, BOOL bare, void *buf, DWORD *size)
{
	struct der_out b = { 0 }, o = { 0 };
	BOOL ok;

	if (m->streamed)
		return c32_fail(E_INVALIDARG);
	if (!put_bare(m, &b)) {
		der_free(&b);
		return FALSE;
	}
	if (!bare)
		msg_put_content_info(&o, type_oid(m->type), b.data, b.len);
	if (b.failed || o.failed)
		ok = c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	else
		ok = bare ? msg_out(buf, size, b.data, b.len) : msg_out(buf, size, o.data, o.len);
	der_free(&b);
	der_free(&o);
	return ok;
}

static BOOL out_signer(struct msg *m, DWORD index, void *buf, DWORD *size)
{
	struct der_out o = { 0 };
	BOOL ok;

	if (index >= m->n_signers)
		return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
	ok = msg_signer_encode(&m->signers[index], &o) && msg_out(buf, size, o.data, o.len);
	der_free(&o);
	return ok;
}

BOOL msg_encode_param(struct msg *m, DWORD param, DWORD index, void *buf, DWORD *size)
{
	switch (param) {
	case CMSG_CONTENT_PARAM:
	case CMSG_BARE_CONTENT_PARAM:
		return out_content(m, param == CMSG_BARE_CONTENT_PARAM, buf, size);
	case CMSG_COMPUTED_HASH_PARAM:
		if (m->type == CMSG_HASHED) {
			m->hash_taken = TRUE;
			return msg_hash_value(m->prov, m->hash_alg, m->content.data, m->content.len,
					      buf, size);
		}
		if (m->type != CMSG_SIGNED)
			break;
		if (index >= m->n_signers)
			return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
		return msg_hash_value(m->signers[index].prov, m->signers[index].hash_alg,
				      m->content.data, m->content.len, buf, size);
	case CMSG_VERSION_PARAM:
		if (m->type == CMSG_HASHED)
			return msg_out_dword(buf, size, CMSG_HASHED_DATA_V0);
		if (m->type == CMSG_SIGNED)
			return msg_out_dword(buf, size, m->version);
		break;
	case CMSG_ENCODED_SIGNER:
		if (m->type == CMSG_SIGNED)
			return out_signer(m, index, buf, size);
		break;
	}
	return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
}
