/* What a decoded message tells (CryptMsgGetParam), the checks it takes
 * (CryptMsgControl: a hash, a signature) and CryptMsgGetAndVerifySigner.
 * Structures go out through CryptDecodeObjectEx into the caller's buffer,
 * which gives them the documented size rules. */
#include "msg_private.h"

static BOOL decode_into(LPCSTR type, const BYTE *data, DWORD len, void *buf, DWORD *size)
{
	return CryptDecodeObjectEx(X509_ASN_ENCODING | PKCS_7_ASN_ENCODING, type, data, len, 0,
				   NULL, buf, size);
}

/* A key identifier as Windows names such a signer's issuer: one RDN of
 * szOID_KEYID_RDN holding the identifier as an OCTET STRING. */
static BOOL key_id_issuer(const CRYPT_DATA_BLOB *id, BYTE **name, DWORD *len)
{
	CERT_RDN_ATTR attr = { szOID_KEYID_RDN, CERT_RDN_OCTET_STRING, *id };
	CERT_RDN rdn = { 1, &attr };
	CERT_NAME_INFO info = { 1, &rdn };

	return CryptEncodeObjectEx(X509_ASN_ENCODING, X509_NAME, &info, CRYPT_ENCODE_ALLOC_FLAG, NULL,
				   name, len);
}

/* The signer as a CMSG_SIGNER_INFO: a key identifier becomes an issuer
 * name with a serial number of 0. */
static BOOL out_signer_info(const struct msg_signer *s, void *buf, DWORD *size)
{
	const CMSG_CMS_SIGNER_INFO *cms = s->info;
	CMSG_SIGNER_INFO info = { 0 };
	BYTE zero = 0, *name = NULL, *enc = NULL;
	DWORD len;
	BOOL ok;

	if (cms->SignerId.dwIdChoice == CERT_ID_ISSUER_SERIAL_NUMBER)
		return decode_into(PKCS7_SIGNER_INFO, s->raw, s->raw_len, buf, size);
	if (!key_id_issuer(&cms->SignerId.KeyId, &name, &len))
		return FALSE;
	info.dwVersion = cms->dwVersion;
	info.Issuer.cbData = len;
	info.Issuer.pbData = name;
	info.SerialNumber.cbData = 1;
	info.SerialNumber.pbData = &zero;
	info.HashAlgorithm = cms->HashAlgorithm;
	info.HashEncryptionAlgorithm = cms->HashEncryptionAlgorithm;
	info.EncryptedHash = cms->EncryptedHash;
	info.AuthAttrs = cms->AuthAttrs;
	info.UnauthAttrs = cms->UnauthAttrs;
	ok = CryptEncodeObjectEx(PKCS_7_ASN_ENCODING, PKCS7_SIGNER_INFO, &info,
				 CRYPT_ENCODE_ALLOC_FLAG, NULL, &enc, &len) &&
	     decode_into(PKCS7_SIGNER_INFO, enc, len, buf, size);
	LocalFree(name);
	LocalFree(enc);
	return ok;
}

/* A structure followed by the bytes of the blobs it points to. */
static BOOL out_packed(void *buf, DWORD *size, const void *head, DWORD head_len,
		       CRYPT_DATA_BLOB **blobs, DWORD n)
{
	DWORD total = head_len;
	BYTE *p;

	for (DWORD i = 0; i < n; i++)
		total += blobs[i]->cbData;
	if (!buf || *size < total)
		return msg_out(buf, size, NULL, total);
	memcpy(buf, head, head_len);
	p = (BYTE *)buf + head_len;
	for (DWORD i = 0; i < n; i++) {
		/* the blob's place in the copy of head */
		CRYPT_DATA_BLOB *out = (CRYPT_DATA_BLOB *)((BYTE *)buf + ((BYTE *)blobs[i] - (BYTE *)head));

		memcpy(p, blobs[i]->pbData, blobs[i]->cbData);
		out->pbData = blobs[i]->cbData ? p : NULL;
		p += blobs[i]->cbData;
	}
	*size = total;
	return TRUE;
}

/* CMSG_SIGNER_CERT_INFO_PARAM: a CERT_INFO with the issuer and serial. */
static BOOL out_signer_cert_info(const struct msg_signer *s, void *buf, DWORD *size)
{
	const CERT_ID *id = &s->info->SignerId;
	CERT_INFO info = { 0 };
	CRYPT_DATA_BLOB *blobs[] = { &info.Issuer, &info.SerialNumber };
	BYTE zero = 0, *name = NULL;
	DWORD len;
	BOOL ok;

	if (id->dwIdChoice == CERT_ID_ISSUER_SERIAL_NUMBER) {
		info.Issuer = id->IssuerSerialNumber.Issuer;
		info.SerialNumber = id->IssuerSerialNumber.SerialNumber;
	} else {
		if (!key_id_issuer(&id->KeyId, &name, &len))
			return FALSE;
		info.Issuer.cbData = len;
		info.Issuer.pbData = name;
		info.SerialNumber.cbData = 1;
		info.SerialNumber.pbData = &zero;
	}
	ok = out_packed(buf, size, &info, sizeof(info), blobs, ARRAYSIZE(blobs));
	LocalFree(name);
	return ok;
}

static BOOL out_cert_id(const struct msg_signer *s, void *buf, DWORD *size)
{
	CERT_ID id = s->info->SignerId;
	CRYPT_DATA_BLOB *issuer_serial[] = { &id.IssuerSerialNumber.Issuer,
					     &id.IssuerSerialNumber.SerialNumber };
	CRYPT_DATA_BLOB *key_id[] = { &id.KeyId };

	if (id.dwIdChoice == CERT_ID_ISSUER_SERIAL_NUMBER)
		return out_packed(buf, size, &id, sizeof(id), issuer_serial, 2);
	return out_packed(buf, size, &id, sizeof(id), key_id, 1);
}

static BOOL out_algorithm(const CRYPT_ALGORITHM_IDENTIFIER *alg, void *buf, DWORD *size)
{
	struct der_out o = { 0 };
	BOOL ok;

	msg_put_algorithm(&o, alg);
	ok = !o.failed ? decode_into(X509_ALGORITHM_IDENTIFIER, o.data, o.len, buf, size)
		       : c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	der_free(&o);
	return ok;
}

static BOOL out_attributes(const struct msg_signer *s, BOOL unauth, void *buf, DWORD *size)
{
	DWORD len;
	BYTE *set = msg_signer_auth_attrs(s->raw, s->raw_len, &len, unauth);
	BOOL ok;

	if (!set)
		return c32_fail((DWORD)CRYPT_E_ATTRIBUTES_MISSING);
	ok = decode_into(PKCS_ATTRIBUTES, set, len, buf, size);
	msg_free(set);
	return ok;
}

static BOOL out_blob(const CRYPT_DATA_BLOB *blobs, DWORD n, DWORD index, void *buf, DWORD *size)
{
	if (index >= n)
		return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
	return msg_out(buf, size, blobs[index].pbData, blobs[index].cbData);
}

/* A recipient's issuer and serial number (KeyTransRecipientInfo). */
static BOOL out_recipient(const struct msg *m, DWORD index, void *buf, DWORD *size)
{
	const BYTE *p = m->recipients, *end = p + m->recipients_len;
	struct der_tlv r, v, ias, issuer, serial;
	CERT_INFO info = { 0 };
	CRYPT_DATA_BLOB *blobs[] = { &info.Issuer, &info.SerialNumber };
	BYTE le[64];

	if (index >= m->n_recipients)
		return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
	for (DWORD i = 0; i <= index; i++, p += r.size)
		if (der_read(p, (DWORD)(end - p), &r))
			return c32_fail((DWORD)CRYPT_E_ASN1_CORRUPT);
	if (r.tag != DER_SEQUENCE || der_read(r.value, r.len, &v) || v.tag != DER_INTEGER ||
	    der_read(r.value + v.size, r.len - v.size, &ias) || ias.tag != DER_SEQUENCE ||
	    der_read(ias.value, ias.len, &issuer) ||
	    der_read(ias.value + issuer.size, ias.len - issuer.size, &serial) ||
	    serial.tag != DER_INTEGER || serial.len > sizeof(le))
		return c32_fail((DWORD)CRYPT_E_ASN1_BADTAG);
	for (DWORD i = 0; i < serial.len; i++) /* CryptoAPI's integers are little-endian */
		le[i] = serial.value[serial.len - 1 - i];
	info.Issuer.cbData = issuer.size;
	info.Issuer.pbData = (BYTE *)ias.value;
	info.SerialNumber.cbData = serial.len;
	info.SerialNumber.pbData = le;
	return out_packed(buf, size, &info, sizeof(info), blobs, ARRAYSIZE(blobs));
}

static BOOL signed_param(struct msg *m, DWORD param, DWORD index, void *buf, DWORD *size)
{
	const struct msg_signer *s = index < m->n_signers ? &m->signers[index] : NULL;

	switch (param) {
	case CMSG_SIGNER_COUNT_PARAM:
		return msg_out_dword(buf, size, m->n_signers);
	case CMSG_CERT_COUNT_PARAM:
		return msg_out_dword(buf, size, m->n_certs);
	case CMSG_CRL_COUNT_PARAM:
		return msg_out_dword(buf, size, m->n_crls);
	case CMSG_CERT_PARAM:
		return out_blob(m->certs, m->n_certs, index, buf, size);
	case CMSG_CRL_PARAM:
		return out_blob(m->crls, m->n_crls, index, buf, size);
	}
	if (!s)
		return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
	switch (param) {
	case CMSG_SIGNER_INFO_PARAM:
		return out_signer_info(s, buf, size);
	case CMSG_CMS_SIGNER_INFO_PARAM:
		return decode_into(CMS_SIGNER_INFO, s->raw, s->raw_len, buf, size);
	case CMSG_SIGNER_CERT_INFO_PARAM:
		return out_signer_cert_info(s, buf, size);
	case CMSG_SIGNER_CERT_ID_PARAM:
		return out_cert_id(s, buf, size);
	case CMSG_SIGNER_HASH_ALGORITHM_PARAM:
		return out_algorithm(&s->info->HashAlgorithm, buf, size);
	case CMSG_SIGNER_AUTH_ATTR_PARAM:
	case CMSG_SIGNER_UNAUTH_ATTR_PARAM:
		return out_attributes(s, param == CMSG_SIGNER_UNAUTH_ATTR_PARAM, buf, size);
	case CMSG_ENCODED_SIGNER:
		return msg_out(buf, size, s->raw, s->raw_len);
	case CMSG_COMPUTED_HASH_PARAM:
		return msg_hash_value(msg_prov(m), s->hash_alg,
				      m->content.data, m->content.len, buf, size);
	}
	return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
}

static BOOL hashed_param(struct msg *m, DWORD param, void *buf, DWORD *size)
{
	switch (param) {
	case CMSG_HASH_DATA_PARAM:
		return msg_out(buf, size, m->digest, m->digest_len);
	case CMSG_HASH_ALGORITHM_PARAM:
		return out_algorithm(m->alg, buf, size);
	case CMSG_COMPUTED_HASH_PARAM:
		return msg_hash_value(msg_prov(m), m->hash_alg, m->content.data, m->content.len, buf, size);
	}
	return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
}

BOOL msg_decode_param(struct msg *m, DWORD param, DWORD index, void *buf, DWORD *size)
{
	if (param == CMSG_TYPE_PARAM)
		return msg_out_dword(buf, size, m->type);
	if (!m->final)
		return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
	switch (param) {
	case CMSG_CONTENT_PARAM:
		if (m->type == CMSG_ENVELOPED)
			return msg_out(buf, size, m->encrypted, m->encrypted_len);
		return msg_out(buf, size, m->content.data, m->content.len);
	case CMSG_INNER_CONTENT_TYPE_PARAM:
		if (m->type == CMSG_DATA || !m->inner_oid)
			break;
		return msg_out(buf, size, m->inner_oid, strlen(m->inner_oid) + 1);
	case CMSG_VERSION_PARAM:
		if (m->type == CMSG_DATA)
			break;
		return msg_out_dword(buf, size, m->version);
	case CMSG_RECIPIENT_COUNT_PARAM:
		if (m->type != CMSG_ENVELOPED)
			break;
		return msg_out_dword(buf, size, m->n_recipients);
	case CMSG_RECIPIENT_INFO_PARAM:
		if (m->type != CMSG_ENVELOPED)
			break;
		return out_recipient(m, index, buf, size);
	}
	if (m->type == CMSG_SIGNED)
		return signed_param(m, param, index, buf, size);
	if (m->type == CMSG_HASHED)
		return hashed_param(m, param, buf, size);
	return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
}

static BOOL verify_hash(struct msg *m)
{
	BYTE value[64];
	DWORD len = sizeof(value);

	if (m->type != CMSG_HASHED || !m->final)
		return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
	if (!hashed_param(m, CMSG_COMPUTED_HASH_PARAM, value, &len))
		return FALSE;
	if (len != m->digest_len || memcmp(value, m->digest, len))
		return c32_fail((DWORD)CRYPT_E_HASH_VALUE);
	return TRUE;
}

/* The signer named by a certificate's issuer and serial number. */
static BOOL find_signer(const struct msg *m, const CERT_INFO *cert, DWORD *index)
{
	for (DWORD i = 0; i < m->n_signers; i++) {
		const CERT_ID *id = &m->signers[i].info->SignerId;

		if (id->dwIdChoice == CERT_ID_ISSUER_SERIAL_NUMBER &&
		    CertCompareCertificateName(X509_ASN_ENCODING,
					       (CERT_NAME_BLOB *)&id->IssuerSerialNumber.Issuer,
					       (CERT_NAME_BLOB *)&cert->Issuer) &&
		    CertCompareIntegerBlob((CRYPT_INTEGER_BLOB *)&id->IssuerSerialNumber.SerialNumber,
					   (CRYPT_INTEGER_BLOB *)&cert->SerialNumber)) {
			*index = i;
			return TRUE;
		}
	}
	return c32_fail((DWORD)CRYPT_E_SIGNER_NOT_FOUND);
}

static BOOL verify_signature_ex(struct msg *m, const CMSG_CTRL_VERIFY_SIGNATURE_EX_PARA *para)
{
	PCERT_PUBLIC_KEY_INFO key;

	if (!para || para->cbSize != sizeof(*para))
		return c32_fail(E_INVALIDARG);
	if (para->dwSignerIndex >= m->n_signers)
		return c32_fail((DWORD)CRYPT_E_SIGNER_NOT_FOUND);
	switch (para->dwSignerType) {
	case CMSG_VERIFY_SIGNER_PUBKEY:
		key = para->pvSigner;
		break;
	case CMSG_VERIFY_SIGNER_CERT:
		key = &((PCCERT_CONTEXT)para->pvSigner)->pCertInfo->SubjectPublicKeyInfo;
		break;
	default:
		return c32_fail(E_INVALIDARG);
	}
	return msg_signer_verify(m, para->dwSignerIndex, key);
}

BOOL msg_decode_control(struct msg *m, DWORD flags, DWORD type, const void *para)
{
	const CERT_INFO *cert = para;
	const CMSG_CTRL_DECRYPT_PARA *decrypt = para;
	DWORD index;

	/* once checked, a detached hash or signature takes no more content */
	if ((type == CMSG_CTRL_VERIFY_HASH || type == CMSG_CTRL_VERIFY_SIGNATURE ||
	     type == CMSG_CTRL_VERIFY_SIGNATURE_EX) && m->final)
		m->detached_in = TRUE;
	switch (type) {
	case CMSG_CTRL_VERIFY_HASH:
		return verify_hash(m);
	case CMSG_CTRL_VERIFY_SIGNATURE:
		if (m->type != CMSG_SIGNED || !m->final)
			return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
		if (!cert)
			return c32_fail(E_INVALIDARG);
		return find_signer(m, cert, &index) &&
		       msg_signer_verify(m, index, (PCERT_PUBLIC_KEY_INFO)&cert->SubjectPublicKeyInfo);
	case CMSG_CTRL_VERIFY_SIGNATURE_EX:
		if (m->type != CMSG_SIGNED || !m->final)
			return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
		return verify_signature_ex(m, para);
	case CMSG_CTRL_DECRYPT:
		if (!decrypt || decrypt->cbSize != sizeof(*decrypt))
			return c32_fail(E_INVALIDARG);
		if (m->type != CMSG_ENVELOPED || !m->final)
			return c32_fail((DWORD)CRYPT_E_INVALID_MSG_TYPE);
		if (decrypt->dwRecipientIndex >= m->n_recipients)
			return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
		if (!decrypt->hCryptProv)
			return c32_fail(ERROR_INVALID_PARAMETER);
		return c32_fail(ERROR_CALL_NOT_IMPLEMENTED); /* no content decryption yet */
	}
	return c32_fail((DWORD)CRYPT_E_CONTROL_TYPE);
}

/* The signer whose certificate (from the message, or only the given
 * stores with CMSG_TRUSTED_SIGNER_FLAG) checks its signature. */
static PCCERT_CONTEXT signer_cert(struct msg *m, DWORD index, DWORD n_stores,
				  HCERTSTORE *stores, DWORD flags)
{
	const CERT_ID *id = &m->signers[index].info->SignerId;
	CERT_INFO wanted = { 0 };
	PCCERT_CONTEXT cert = NULL;

	if (id->dwIdChoice != CERT_ID_ISSUER_SERIAL_NUMBER)
		return NULL;
	wanted.Issuer = id->IssuerSerialNumber.Issuer;
	wanted.SerialNumber = id->IssuerSerialNumber.SerialNumber;
	for (DWORD i = 0; !cert && i < n_stores; i++)
		cert = CertGetSubjectCertificateFromStore(stores[i], X509_ASN_ENCODING, &wanted);
	for (DWORD i = 0; !cert && !(flags & CMSG_TRUSTED_SIGNER_FLAG) && i < m->n_certs; i++) {
		PCCERT_CONTEXT c = CertCreateCertificateContext(X509_ASN_ENCODING, m->certs[i].pbData,
								m->certs[i].cbData);

		if (c && CertCompareCertificate(X509_ASN_ENCODING, c->pCertInfo, &wanted))
			cert = c;
		else if (c)
			CertFreeCertificateContext(c);
	}
	return cert;
}

C32_API BOOL WINAPI CryptMsgGetAndVerifySigner(HCRYPTMSG h, DWORD n_stores, HCERTSTORE *stores,
					       DWORD flags, PCCERT_CONTEXT *signer, DWORD *index)
{
	struct msg *m = h;
	DWORD first = index ? *index : 0, last;

	if (signer)
		*signer = NULL;
	if (index)
		*index = 0;
	if (!m || m->magic != MSG_MAGIC || !m->decoding || m->type != CMSG_SIGNED || !m->final)
		return c32_fail((DWORD)CRYPT_E_NO_TRUSTED_SIGNER);
	last = m->n_signers;
	if (flags & CMSG_USE_SIGNER_INDEX_FLAG) {
		if (!index || first >= m->n_signers)
			return c32_fail((DWORD)CRYPT_E_INVALID_INDEX);
		last = first + 1;
	} else {
		first = 0;
	}
	for (DWORD i = first; i < last; i++) {
		PCCERT_CONTEXT cert = signer_cert(m, i, n_stores, stores, flags);

		if (!cert)
			continue;
		if (msg_signer_verify(m, i, &cert->pCertInfo->SubjectPublicKeyInfo)) {
			if (signer)
				*signer = cert;
			else
				CertFreeCertificateContext(cert);
			if (index)
				*index = i;
			return TRUE;
		}
		CertFreeCertificateContext(cert);
	}
	return c32_fail((DWORD)CRYPT_E_NO_TRUSTED_SIGNER);
}
