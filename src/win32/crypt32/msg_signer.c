/* The signers of signed messages: checking a CMSG_SIGNER_ENCODE_INFO and
 * keeping a self-contained copy of its SignerInfo, signing the content (or,
 * with authenticated attributes, those attributes with the content type and
 * the content's digest added, as PKCS #7 9.3 says) and checking a decoded
 * signer's signature with a public key. */
#include "msg_private.h"

/* Encodes and decodes info back: one LocalAlloc holding all it points to. */
static BOOL keep_copy(const CMSG_CMS_SIGNER_INFO *info, CMSG_CMS_SIGNER_INFO **copy)
{
	BYTE *enc;
	DWORD len;
	BOOL ok;

	if (!CryptEncodeObjectEx(PKCS_7_ASN_ENCODING, CMS_SIGNER_INFO, info, CRYPT_ENCODE_ALLOC_FLAG,
				 NULL, &enc, &len))
		return FALSE;
	ok = CryptDecodeObjectEx(PKCS_7_ASN_ENCODING, CMS_SIGNER_INFO, enc, len,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, copy, &len);
	LocalFree(enc);
	return ok;
}

BOOL msg_signer_new(struct msg_signer *s, const CMSG_SIGNER_ENCODE_INFO *info)
{
	CMSG_CMS_SIGNER_INFO ci = { 0 };
	BOOL full = info->cbSize == sizeof(*info);
	HCRYPTHASH probe;

	if (!full && info->cbSize != offsetof(CMSG_SIGNER_ENCODE_INFO, SignerId))
		return c32_fail(E_INVALIDARG);
	if (!info->pCertInfo)
		return c32_fail(E_INVALIDARG);
	if (full && info->SignerId.dwIdChoice) {
		if (info->SignerId.dwIdChoice != CERT_ID_ISSUER_SERIAL_NUMBER &&
		    info->SignerId.dwIdChoice != CERT_ID_KEY_IDENTIFIER)
			return c32_fail(E_INVALIDARG);
		ci.SignerId = info->SignerId;
	} else {
		/* the certificate's issuer and serial number name the signer */
		if (!info->pCertInfo->SerialNumber.cbData || !info->pCertInfo->Issuer.cbData)
			return c32_fail(E_INVALIDARG);
		ci.SignerId.dwIdChoice = CERT_ID_ISSUER_SERIAL_NUMBER;
		ci.SignerId.IssuerSerialNumber.Issuer = info->pCertInfo->Issuer;
		ci.SignerId.IssuerSerialNumber.SerialNumber = info->pCertInfo->SerialNumber;
	}
	if (!info->hCryptProv)
		return c32_fail(E_INVALIDARG);
	if (!info->HashAlgorithm.pszObjId || !(s->hash_alg = CertOIDToAlgId(info->HashAlgorithm.pszObjId)))
		return c32_fail((DWORD)CRYPT_E_UNKNOWN_ALGO);
	if (!CryptCreateHash(info->hCryptProv, s->hash_alg, 0, 0, &probe))
		return FALSE;
	CryptDestroyHash(probe);
	ci.dwVersion = ci.SignerId.dwIdChoice == CERT_ID_KEY_IDENTIFIER ? CMSG_SIGNER_INFO_V3
									: CMSG_SIGNER_INFO_V1;
	ci.HashAlgorithm = info->HashAlgorithm;
	if (full)
		ci.HashEncryptionAlgorithm = info->HashEncryptionAlgorithm;
	ci.AuthAttrs.cAttr = info->cAuthAttr;
	ci.AuthAttrs.rgAttr = info->rgAuthAttr;
	ci.UnauthAttrs.cAttr = info->cUnauthAttr;
	ci.UnauthAttrs.rgAttr = info->rgUnauthAttr;
	if (!keep_copy(&ci, &s->info))
		return FALSE;
	s->prov = info->hCryptProv;
	s->key_spec = info->dwKeySpec ? info->dwKeySpec : AT_SIGNATURE;
	return TRUE;
}

void msg_signer_free(struct msg_signer *s, BOOL release)
{
	LocalFree(s->info);
	LocalFree(s->signed_attrs);
	msg_free(s->signature);
	if (release && s->prov)
		CryptReleaseContext(s->prov, 0);
}

/* The signer's attributes, with contentType and messageDigest added, as a
 * DER SET (sorted) in *set; s->signed_attrs: the same, decoded. */
static BOOL signed_attributes(struct msg *m, struct msg_signer *s, HCRYPTHASH content_hash,
			      BYTE **set, DWORD *set_len)
{
	DWORD n = s->info->AuthAttrs.cAttr, len;
	CRYPT_ATTRIBUTE *attrs = msg_alloc((n + 2) * sizeof(*attrs));
	CRYPT_ATTRIBUTES all = { n + 2, attrs };
	struct der_out type = { 0 }, digest = { 0 };
	CRYPT_ATTR_BLOB type_blob, digest_blob;
	BYTE value[64];
	DWORD value_len = sizeof(value);
	BOOL ok = FALSE;

	if (!attrs)
		return FALSE;
	if (!CryptGetHashParam(content_hash, HP_HASHVAL, value, &value_len, 0))
		goto done;
	der_put_oid(&type, m->inner_oid ? m->inner_oid : szOID_RSA_data);
	der_wrap(&type, 0, DER_OID);
	der_put_tlv(&digest, DER_OCTETS, value, value_len);
	if (type.failed || digest.failed) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		goto done;
	}
	type_blob.cbData = type.len;
	type_blob.pbData = type.data;
	digest_blob.cbData = digest.len;
	digest_blob.pbData = digest.data;
	attrs[0].pszObjId = szOID_RSA_contentType;
	attrs[0].cValue = 1;
	attrs[0].rgValue = &type_blob;
	memcpy(&attrs[1], s->info->AuthAttrs.rgAttr, n * sizeof(*attrs));
	attrs[n + 1].pszObjId = szOID_RSA_messageDigest;
	attrs[n + 1].cValue = 1;
	attrs[n + 1].rgValue = &digest_blob;
	ok = CryptEncodeObjectEx(PKCS_7_ASN_ENCODING, PKCS_ATTRIBUTES, &all, CRYPT_ENCODE_ALLOC_FLAG,
				 NULL, set, set_len) &&
	     CryptDecodeObjectEx(PKCS_7_ASN_ENCODING, PKCS_ATTRIBUTES, *set, *set_len,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &s->signed_attrs, &len);
done:
	der_free(&type);
	der_free(&digest);
	msg_free(attrs);
	return ok;
}

static BOOL sign_one(struct msg *m, struct msg_signer *s)
{
	HCRYPTHASH hash = msg_hash(s->prov, s->hash_alg, m->content.data, m->content.len, NULL, 0);
	BYTE *set = NULL;
	DWORD set_len, len = 0;
	BOOL ok;

	if (!hash)
		return FALSE;
	if (s->info->AuthAttrs.cAttr) {
		ok = signed_attributes(m, s, hash, &set, &set_len);
		CryptDestroyHash(hash);
		hash = ok ? msg_hash(s->prov, s->hash_alg, set, set_len, NULL, 0) : 0;
		LocalFree(set);
		if (!hash)
			return FALSE;
	}
	ok = CryptSignHashW(hash, s->key_spec, NULL, 0, NULL, &len) &&
	     (s->signature = msg_alloc(len)) &&
	     CryptSignHashW(hash, s->key_spec, NULL, 0, s->signature, &len);
	if (ok) {
		c32_reverse(s->signature, len); /* CryptoAPI's little-endian to PKCS #1's big-endian */
		s->signature_len = len;
	}
	CryptDestroyHash(hash);
	return ok;
}

BOOL msg_signers_sign(struct msg *m)
{
	for (DWORD i = 0; i < m->n_signers; i++)
		if (!sign_one(m, &m->signers[i]))
			return FALSE;
	return TRUE;
}

BOOL msg_signer_encode(const struct msg_signer *s, struct der_out *o)
{
	CMSG_CMS_SIGNER_INFO ci = *s->info;
	BYTE *enc;
	DWORD len;

	if (s->signed_attrs)
		ci.AuthAttrs = *s->signed_attrs;
	ci.EncryptedHash.cbData = s->signature_len;
	ci.EncryptedHash.pbData = s->signature;
	if (!CryptEncodeObjectEx(PKCS_7_ASN_ENCODING, CMS_SIGNER_INFO, &ci, CRYPT_ENCODE_ALLOC_FLAG,
				 NULL, &enc, &len))
		return FALSE;
	der_put(o, enc, len);
	LocalFree(enc);
	return !o->failed || c32_fail(ERROR_NOT_ENOUGH_MEMORY);
}

BYTE *msg_signer_auth_attrs(const BYTE *raw, DWORD len, DWORD *out_len, BOOL unauth)
{
	BYTE want = DER_CONTEXT | DER_CONSTRUCTED | (unauth ? 1 : 0);
	struct der_tlv seq, item;
	BYTE *copy;

	if (der_read(raw, len, &seq) || seq.tag != DER_SEQUENCE)
		return NULL;
	for (DWORD at = 0; at < seq.len; at += item.size) {
		if (der_read(seq.value + at, seq.len - at, &item))
			return NULL;
		if (item.tag != want)
			continue;
		if (!(copy = msg_alloc(item.size)))
			return NULL;
		memcpy(copy, seq.value + at, item.size);
		copy[0] = DER_SET; /* the signature covers the attributes as a SET */
		*out_len = item.size;
		return copy;
	}
	return NULL;
}

/* With authenticated attributes, their messageDigest must be the content's. */
static BOOL digest_matches(struct msg_signer *s, HCRYPTPROV prov, const struct msg *m)
{
	const CRYPT_ATTRIBUTES *attrs = &s->info->AuthAttrs;
	BYTE value[64];
	DWORD value_len = sizeof(value);

	if (!msg_hash_value(prov, s->hash_alg, m->content.data, m->content.len, value, &value_len))
		return FALSE;
	for (DWORD i = 0; i < attrs->cAttr; i++) {
		const CRYPT_ATTRIBUTE *a = &attrs->rgAttr[i];
		struct der_tlv v;

		if (strcmp(a->pszObjId, szOID_RSA_messageDigest) || a->cValue != 1)
			continue;
		if (!der_read(a->rgValue[0].pbData, a->rgValue[0].cbData, &v) && v.tag == DER_OCTETS &&
		    v.len == value_len && !memcmp(v.value, value, value_len))
			return TRUE;
		break;
	}
	return c32_fail((DWORD)CRYPT_E_HASH_VALUE);
}

BOOL msg_signer_verify(struct msg *m, DWORD index, PCERT_PUBLIC_KEY_INFO key_info)
{
	struct msg_signer *s = &m->signers[index];
	HCRYPTPROV prov = msg_prov(m);
	HCRYPTKEY key = 0;
	HCRYPTHASH hash = 0;
	BYTE *attrs = NULL, *sig = NULL;
	DWORD attrs_len = 0, sig_len = s->info->EncryptedHash.cbData, error;
	BOOL ok = FALSE;

	if (!prov)
		return FALSE;
	if (!CryptImportPublicKeyInfo(prov, X509_ASN_ENCODING | PKCS_7_ASN_ENCODING, key_info, &key))
		goto done;
	if (!(s->hash_alg = CertOIDToAlgId(s->info->HashAlgorithm.pszObjId))) {
		SetLastError((DWORD)CRYPT_E_UNKNOWN_ALGO);
		goto done;
	}
	attrs = msg_signer_auth_attrs(s->raw, s->raw_len, &attrs_len, FALSE);
	if (attrs && !digest_matches(s, prov, m))
		goto done;
	hash = attrs ? msg_hash(prov, s->hash_alg, attrs, attrs_len, NULL, 0)
		     : msg_hash(prov, s->hash_alg, m->content.data, m->content.len, NULL, 0);
	if (!hash || !(sig = msg_alloc(sig_len)))
		goto done;
	memcpy(sig, s->info->EncryptedHash.pbData, sig_len);
	c32_reverse(sig, sig_len);
	ok = CryptVerifySignatureW(hash, sig, sig_len, key, NULL, 0);
done:
	error = GetLastError();
	if (hash)
		CryptDestroyHash(hash);
	if (key)
		CryptDestroyKey(key);
	msg_free(attrs);
	msg_free(sig);
	SetLastError(error);
	return ok;
}
