/* Decoding messages: a ContentInfo (the type from its OID) or, when the
 * type was given at open, the bare content of a data, hashed, signed or
 * enveloped message.  Every length is checked by der_read; the parsed
 * parts point into the message's own copy of the input.  A detached
 * hash's or signature's content comes in a second update. */
#include "msg_private.h"

static const struct {
	const char *oid;
	DWORD type;
} content_types[] = {
	{ szOID_RSA_data, CMSG_DATA },
	{ szOID_RSA_signedData, CMSG_SIGNED },
	{ szOID_RSA_envelopedData, CMSG_ENVELOPED },
	{ szOID_RSA_signEnvData, CMSG_SIGNED_AND_ENVELOPED },
	{ szOID_RSA_digestedData, CMSG_HASHED },
	{ szOID_RSA_encryptedData, CMSG_ENCRYPTED },
};

static BOOL fail_hr(HRESULT hr)
{
	return c32_fail((DWORD)hr);
}

/* The next value inside [*p, end) which must have tag want. */
static BOOL next(const BYTE **p, const BYTE *end, BYTE want, struct der_tlv *out)
{
	HRESULT hr = der_read(*p, (DWORD)(end - *p), out);

	if (hr)
		return fail_hr(hr);
	if (out->tag != want)
		return fail_hr(CRYPT_E_ASN1_BADTAG);
	*p += out->size;
	return TRUE;
}

/* Is the next value's tag want (and is there one)? */
static BOOL peek(const BYTE *p, const BYTE *end, BYTE want)
{
	return p < end && *p == want;
}

static char *oid_text(const struct der_tlv *oid)
{
	DWORD n = oid->len ? der_oid_text(oid->value, oid->len, NULL) : 1;
	char *text;

	if (!n) {
		SetLastError((DWORD)CRYPT_E_ASN1_CORRUPT);
		return NULL;
	}
	if (!(text = msg_alloc(n)))
		return NULL;
	if (oid->len)
		der_oid_text(oid->value, oid->len, text);
	return text;
}

/* An OCTET STRING's bytes (BER's constructed form joined) into content. */
static BOOL take_octets(struct msg *m, const struct der_tlv *v)
{
	if (v->tag == DER_OCTETS) {
		der_put(&m->content, v->value, v->len);
	} else if (v->tag == (DER_OCTETS | DER_CONSTRUCTED)) {
		const BYTE *p = v->value, *end = v->value + v->len;
		struct der_tlv piece;

		while (p < end)
			if (!next(&p, end, DER_OCTETS, &piece))
				return FALSE;
			else
				der_put(&m->content, piece.value, piece.len);
	} else {
		return fail_hr(CRYPT_E_ASN1_BADTAG);
	}
	return !m->content.failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY);
}

static BOOL decode_data(struct msg *m, const BYTE *p, DWORD len)
{
	struct der_tlv v;
	HRESULT hr = der_read(p, len, &v);

	return hr ? fail_hr(hr) : take_octets(m, &v);
}

/* The encapsulated ContentInfo: its type, and its content (unwrapped from
 * its OCTET STRING when it is data). */
static BOOL decode_inner(struct msg *m, const BYTE **p, const BYTE *end)
{
	struct der_tlv info, oid, explicit, content;
	const BYTE *q;

	if (!next(p, end, DER_SEQUENCE, &info))
		return FALSE;
	q = info.value;
	if (!next(&q, info.value + info.len, DER_OID, &oid) || !(m->inner_oid = oid_text(&oid)))
		return FALSE;
	if (!peek(q, info.value + info.len, DER_CONTEXT | DER_CONSTRUCTED))
		return TRUE;
	if (!next(&q, info.value + info.len, DER_CONTEXT | DER_CONSTRUCTED, &explicit))
		return FALSE;
	if (!strcmp(m->inner_oid, szOID_RSA_data)) {
		HRESULT hr = der_read(explicit.value, explicit.len, &content);

		return hr ? fail_hr(hr) : take_octets(m, &content);
	}
	der_put(&m->content, explicit.value, explicit.len);
	return !m->content.failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY);
}

static BOOL read_version(const BYTE **p, const BYTE *end, DWORD *version)
{
	struct der_tlv v;

	if (!next(p, end, DER_INTEGER, &v))
		return FALSE;
	*version = 0;
	for (DWORD i = 0; i < v.len && i < 4; i++)
		*version = *version << 8 | v.value[i];
	return TRUE;
}

static BOOL decode_hashed(struct msg *m, const BYTE *data, DWORD len)
{
	struct der_tlv seq, alg, digest;
	const BYTE *p, *end;
	DWORD size;

	if (!next(&data, data + len, DER_SEQUENCE, &seq))
		return FALSE;
	p = seq.value;
	end = seq.value + seq.len;
	if (!read_version(&p, end, &m->version) || !next(&p, end, DER_SEQUENCE, &alg))
		return FALSE;
	if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ALGORITHM_IDENTIFIER, p - alg.size,
				 alg.size, CRYPT_DECODE_ALLOC_FLAG, NULL, &m->alg, &size))
		return FALSE;
	m->hash_alg = CertOIDToAlgId(m->alg->pszObjId);
	if (!decode_inner(m, &p, end) || !next(&p, end, DER_OCTETS, &digest))
		return FALSE;
	m->digest = digest.value;
	m->digest_len = digest.len;
	return TRUE;
}

/* The TLVs inside a SET or [n], in a new array of count + extra. */
static BOOL split(const struct der_tlv *set, CRYPT_DATA_BLOB **items, DWORD *count, DWORD extra)
{
	const BYTE *p = set->value, *end = set->value + set->len;
	struct der_tlv v;
	DWORD n = 0;

	while (p < end) {
		HRESULT hr = der_read(p, (DWORD)(end - p), &v);

		if (hr)
			return fail_hr(hr);
		p += v.size;
		n++;
	}
	if (!(*items = msg_alloc((n + extra) * sizeof(**items))))
		return FALSE;
	p = set->value;
	for (DWORD i = 0; i < n; i++) {
		der_read(p, (DWORD)(end - p), &v);
		(*items)[i].pbData = (BYTE *)p;
		(*items)[i].cbData = v.size;
		p += v.size;
	}
	*count = n;
	return TRUE;
}

static BOOL decode_signers(struct msg *m, const struct der_tlv *set)
{
	CRYPT_DATA_BLOB *raw;
	DWORD n, size;
	BOOL ok = TRUE;

	if (!split(set, &raw, &n, 0))
		return FALSE;
	if (n && !(m->signers = msg_alloc(n * sizeof(*m->signers))))
		ok = FALSE;
	for (DWORD i = 0; ok && i < n; i++) {
		struct msg_signer *s = &m->signers[i];

		s->raw = raw[i].pbData;
		s->raw_len = raw[i].cbData;
		ok = CryptDecodeObjectEx(PKCS_7_ASN_ENCODING, CMS_SIGNER_INFO, s->raw, s->raw_len,
					 CRYPT_DECODE_ALLOC_FLAG, NULL, &s->info, &size);
		if (ok) {
			s->hash_alg = CertOIDToAlgId(s->info->HashAlgorithm.pszObjId);
			m->n_signers++;
		}
	}
	msg_free(raw);
	return ok;
}

static BOOL decode_signed(struct msg *m, const BYTE *data, DWORD len)
{
	struct der_tlv seq, algs, certs = { 0 }, crls = { 0 }, signers;
	CRYPT_DATA_BLOB *crl_items = NULL;
	const BYTE *p, *end;
	BOOL ok;

	if (!next(&data, data + len, DER_SEQUENCE, &seq))
		return FALSE;
	p = seq.value;
	end = seq.value + seq.len;
	if (!read_version(&p, end, &m->version) || !next(&p, end, DER_SET, &algs) ||
	    !decode_inner(m, &p, end))
		return FALSE;
	if (peek(p, end, DER_CONTEXT | DER_CONSTRUCTED | 0) &&
	    !next(&p, end, DER_CONTEXT | DER_CONSTRUCTED | 0, &certs))
		return FALSE;
	if (peek(p, end, DER_CONTEXT | DER_CONSTRUCTED | 1) &&
	    !next(&p, end, DER_CONTEXT | DER_CONSTRUCTED | 1, &crls))
		return FALSE;
	if (!next(&p, end, DER_SET, &signers))
		return FALSE;
	/* one array: the certificates, then the CRLs */
	if (!split(&crls, &crl_items, &m->n_crls, 0))
		return FALSE;
	ok = split(&certs, &m->certs, &m->n_certs, m->n_crls);
	if (ok) {
		m->crls = m->certs + m->n_certs;
		memcpy(m->crls, crl_items, m->n_crls * sizeof(*crl_items));
	}
	msg_free(crl_items);
	return ok && decode_signers(m, &signers);
}

/* EnvelopedData: the recipients are counted and kept, the encrypted content
 * is what CMSG_CONTENT_PARAM gives (decryption is not done). */
static BOOL decode_enveloped(struct msg *m, const BYTE *data, DWORD len)
{
	struct der_tlv seq, recipients, info, oid, alg, content;
	const BYTE *p, *end, *q;
	CRYPT_DATA_BLOB *items;

	if (!next(&data, data + len, DER_SEQUENCE, &seq))
		return FALSE;
	p = seq.value;
	end = seq.value + seq.len;
	if (!read_version(&p, end, &m->version))
		return FALSE;
	if (peek(p, end, DER_CONTEXT | DER_CONSTRUCTED | 0) && /* originatorInfo (CMS) */
	    !next(&p, end, DER_CONTEXT | DER_CONSTRUCTED | 0, &info))
		return FALSE;
	if (!next(&p, end, DER_SET, &recipients) || !next(&p, end, DER_SEQUENCE, &info))
		return FALSE;
	if (!split(&recipients, &items, &m->n_recipients, 0))
		return FALSE;
	msg_free(items);
	m->recipients = recipients.value;
	m->recipients_len = recipients.len;
	q = info.value;
	if (!next(&q, info.value + info.len, DER_OID, &oid) ||
	    !(m->inner_oid = oid_text(&oid)) ||
	    !next(&q, info.value + info.len, DER_SEQUENCE, &alg))
		return FALSE;
	if (peek(q, info.value + info.len, DER_CONTEXT | 0)) {
		if (!next(&q, info.value + info.len, DER_CONTEXT | 0, &content))
			return FALSE;
		m->encrypted = content.value;
		m->encrypted_len = content.len;
	}
	return TRUE;
}

static BOOL decode_bare(struct msg *m, const BYTE *p, DWORD len)
{
	switch (m->type) {
	case CMSG_DATA:
		return decode_data(m, p, len);
	case CMSG_HASHED:
		return decode_hashed(m, p, len);
	case CMSG_SIGNED:
		return decode_signed(m, p, len);
	case CMSG_ENVELOPED:
		return decode_enveloped(m, p, len);
	}
	return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
}

/* A ContentInfo: its OID says the type, its [0] holds the bare content. */
static BOOL decode_content_info(struct msg *m)
{
	const BYTE *p = m->input.data, *end = p + m->input.len, *q;
	struct der_tlv info, oid, explicit;
	char *text;
	DWORD type = 0;

	if (!next(&p, end, DER_SEQUENCE, &info))
		return FALSE;
	q = info.value;
	if (!next(&q, info.value + info.len, DER_OID, &oid) || !(text = oid_text(&oid)))
		return FALSE;
	for (size_t i = 0; i < ARRAYSIZE(content_types); i++)
		if (!strcmp(text, content_types[i].oid))
			type = content_types[i].type;
	msg_free(text);
	if (!type || type == CMSG_SIGNED_AND_ENVELOPED || type == CMSG_ENCRYPTED)
		return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
	if (!next(&q, info.value + info.len, DER_CONTEXT | DER_CONSTRUCTED, &explicit))
		return FALSE;
	m->type = type;
	return decode_bare(m, explicit.value, explicit.len);
}

static void output_stream(struct msg *m)
{
	if (m->streamed && m->stream.pfnStreamOutput)
		m->stream.pfnStreamOutput(m->stream.pvArg, m->content.data, m->content.len, TRUE);
}

BOOL msg_decode_update(struct msg *m, const BYTE *data, DWORD len, BOOL final)
{
	BOOL ok;

	if (m->final) {
		/* the content of a detached hash or signature */
		if (!(m->flags & CMSG_DETACHED_FLAG) || m->detached_in ||
		    (m->type != CMSG_SIGNED && m->type != CMSG_HASHED))
			return c32_fail((DWORD)CRYPT_E_MSG_ERROR);
		der_put(&m->content, data, len);
		m->detached_in = final;
		return !m->content.failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	if (!m->streamed && !final)
		return c32_fail((DWORD)CRYPT_E_MSG_ERROR);
	if (m->streamed && len && !m->stream.pfnStreamOutput)
		return c32_fail((DWORD)STATUS_ACCESS_VIOLATION);
	der_put(&m->input, data, len);
	if (m->input.failed)
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	if (!m->type && m->input.len && m->input.data[0] != DER_SEQUENCE)
		return fail_hr(CRYPT_E_ASN1_BADTAG);
	if (!final)
		return TRUE;
	if (m->streamed && !m->input.len)
		return fail_hr(CRYPT_E_STREAM_INSUFFICIENT_DATA);
	ok = m->type ? decode_bare(m, m->input.data, m->input.len) : decode_content_info(m);
	m->final = TRUE; /* decoded or not, the message takes no more */
	if (ok)
		output_stream(m);
	return ok;
}
