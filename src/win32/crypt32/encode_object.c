/* CryptEncodeObject(Ex) and CryptDecodeObject(Ex): the structure type's
 * description (asn_types.c) drives the codec (asn_engine.c); this file
 * holds what the four functions share: the encoding type check, the
 * output buffer rules (a size query with a NULL buffer, ERROR_MORE_DATA
 * with the size needed, CRYPT_*_ALLOC_FLAG with LocalAlloc or the
 * caller's allocator) and the last error. */
#include "asn.h"

/* X509_ASN_ENCODING in the certificate half, or PKCS_7_ASN_ENCODING
 * alone in the message half. */
static BOOL encoding_known(DWORD encoding)
{
	DWORD cert = encoding & CERT_ENCODING_TYPE_MASK, msg = encoding & CMSG_ENCODING_TYPE_MASK;

	return cert == X509_ASN_ENCODING || (!cert && msg == PKCS_7_ASN_ENCODING);
}

/* The type of struct_type under encoding; NULL with ERROR_FILE_NOT_FOUND
 * (no encoder or decoder for it, as Windows reports). */
static const struct asn_type *type_for(DWORD encoding, LPCSTR struct_type, BOOL *pkcs7_only)
{
	const struct asn_type *t = NULL;

	if (encoding_known(encoding) && struct_type)
		t = asn_type_of(struct_type, pkcs7_only);
	if (!t)
		SetLastError(ERROR_FILE_NOT_FOUND);
	return t;
}

static void *allocate(PFN_CRYPT_ALLOC alloc, DWORD size)
{
	return alloc ? alloc(size) : LocalAlloc(LPTR, size);
}

/* Hands bytes[size] out as the caller asked for them. */
static BOOL hand_out(const void *bytes, DWORD size, BOOL alloc_flag, PFN_CRYPT_ALLOC alloc,
		     void *out, DWORD *out_size)
{
	if (alloc_flag) {
		BYTE *copy = allocate(alloc, size ? size : 1);

		if (!copy)
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		memcpy(copy, bytes, size);
		*(BYTE **)out = copy;
	} else if (out) {
		if (*out_size < size) {
			*out_size = size;
			return c32_fail(ERROR_MORE_DATA);
		}
		memcpy(out, bytes, size);
	}
	*out_size = size;
	SetLastError(NOERROR);
	return TRUE;
}

C32_API BOOL WINAPI CryptEncodeObjectEx(DWORD encoding, LPCSTR struct_type, const void *info,
					DWORD flags, PCRYPT_ENCODE_PARA para, void *encoded,
					DWORD *encoded_size)
{
	const struct asn_type *t;
	struct asn_encoder e = { flags, 0 };
	struct der_out o = { 0 };
	PFN_CRYPT_ALLOC alloc = NULL;
	BOOL ok, pkcs7_only;
	HRESULT hr;

	if (!encoded_size)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(t = type_for(encoding, struct_type, &pkcs7_only)))
		return FALSE;
	if (!t->encode)
		return c32_fail(ERROR_FILE_NOT_FOUND); /* decoded only */
	if (!info)
		return c32_fail(STATUS_ACCESS_VIOLATION);
	if (flags & CRYPT_ENCODE_ALLOC_FLAG) {
		if (!encoded)
			return c32_fail(ERROR_INVALID_PARAMETER);
		if (para && para->cbSize >= offsetof(CRYPT_ENCODE_PARA, pfnFree))
			alloc = para->pfnAlloc;
	}
	hr = asn_encode_value(t, info, 0, &o, &e);
	if (!hr && pkcs7_only && !(encoding & PKCS_7_ASN_ENCODING))
		hr = E_INVALIDARG; /* a message structure, asked for as a certificate one */
	if (!hr && o.failed)
		hr = E_OUTOFMEMORY;
	if (hr) {
		der_free(&o);
		if (hr == CRYPT_E_INVALID_NUMERIC_STRING || hr == CRYPT_E_INVALID_PRINTABLE_STRING ||
		    hr == CRYPT_E_INVALID_IA5_STRING || hr == CRYPT_E_NOT_CHAR_STRING)
			*encoded_size = e.bad_index; /* where the bad character is */
		return c32_fail((DWORD)hr);
	}
	ok = hand_out(o.data, o.len, flags & CRYPT_ENCODE_ALLOC_FLAG, alloc, encoded, encoded_size);
	der_free(&o);
	return ok;
}

C32_API BOOL WINAPI CryptEncodeObject(DWORD encoding, LPCSTR struct_type, const void *info,
				      BYTE *encoded, DWORD *encoded_size)
{
	return CryptEncodeObjectEx(encoding, struct_type, info, 0, NULL, encoded, encoded_size);
}

/* A signed certificate or CRL (SEQUENCE { SEQUENCE tbs, SEQUENCE
 * algorithm, BIT STRING signature }) decodes as its to-be-signed part too. */
static void unwrap_signed(const BYTE **data, DWORD *len)
{
	static const BYTE signed_tags[] = { DER_SEQUENCE, DER_SEQUENCE, DER_BITSTRING };
	struct der_tlv outer, item, tbs;
	const BYTE *p;

	if (der_read(*data, *len, &outer) || outer.tag != DER_SEQUENCE)
		return;
	p = outer.value;
	for (int i = 0; i < 3; i++) {
		if (der_read(p, (DWORD)(outer.value + outer.len - p), &item) ||
		    item.tag != signed_tags[i])
			return;
		if (!i)
			tbs = item;
		p += item.size;
	}
	if (p != outer.value + outer.len)
		return;
	*data = outer.value;
	*len = tbs.size;
}

C32_API BOOL WINAPI CryptDecodeObjectEx(DWORD encoding, LPCSTR struct_type, const BYTE *encoded,
					DWORD encoded_len, DWORD flags, PCRYPT_DECODE_PARA para,
					void *info, DWORD *info_size)
{
	const struct asn_type *t;
	struct asn_arena a = { NULL, 0, flags, 0 };
	PFN_CRYPT_ALLOC alloc = NULL;
	BOOL pkcs7_only;
	BYTE *out;
	HRESULT hr;

	if (!info_size)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(t = type_for(encoding, struct_type, &pkcs7_only)))
		return FALSE;
	if (flags & CRYPT_DECODE_ALLOC_FLAG && info)
		*(void **)info = NULL;
	if (!encoded_len)
		return c32_fail((DWORD)CRYPT_E_ASN1_EOD);
	if (!encoded)
		return c32_fail(STATUS_ACCESS_VIOLATION);
	if ((struct_type == X509_CERT_TO_BE_SIGNED || struct_type == X509_CERT_CRL_TO_BE_SIGNED) &&
	    !(flags & CRYPT_DECODE_TO_BE_SIGNED_FLAG))
		unwrap_signed(&encoded, &encoded_len);
	if ((hr = asn_decode_top(t, encoded, encoded_len, &a)))
		return c32_fail((DWORD)hr);
	if (flags & CRYPT_DECODE_ALLOC_FLAG) {
		if (!info)
			return c32_fail(ERROR_INVALID_PARAMETER);
		if (para && para->cbSize >= offsetof(CRYPT_DECODE_PARA, pfnFree))
			alloc = para->pfnAlloc;
		if (!(out = allocate(alloc, a.used ? a.used : 1)))
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		*(BYTE **)info = out;
	} else if (!info) {
		*info_size = a.used;
		SetLastError(NOERROR);
		return TRUE;
	} else if (*info_size < a.used) {
		*info_size = a.used;
		return c32_fail(ERROR_MORE_DATA);
	} else {
		out = info;
	}
	*info_size = a.used;
	a = (struct asn_arena){ out, 0, flags, 0 };
	asn_decode_top(t, encoded, encoded_len, &a); /* as the sizing pass: it succeeds */
	SetLastError(NOERROR);
	return TRUE;
}

C32_API BOOL WINAPI CryptDecodeObject(DWORD encoding, LPCSTR struct_type, const BYTE *encoded,
				      DWORD encoded_len, DWORD flags, void *info, DWORD *info_size)
{
	return CryptDecodeObjectEx(encoding, struct_type, encoded, encoded_len,
				   flags & ~CRYPT_DECODE_ALLOC_FLAG, NULL, info, info_size);
}
