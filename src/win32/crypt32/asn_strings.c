/* The string leaves of crypt32's ASN.1 codec (asn.h): name values (the
 * CERT_RDN_* string types, as bytes for X509_NAME and as UTF-16 for
 * X509_UNICODE_NAME) and alternative name entries. */
#include "asn.h"

/* The universal tag of each CERT_RDN_* type (0: not a string type). */
static const BYTE rdn_tags[] = {
	[CERT_RDN_OCTET_STRING] = DER_OCTETS,	      [CERT_RDN_NUMERIC_STRING] = 0x12,
	[CERT_RDN_PRINTABLE_STRING] = 0x13,	      [CERT_RDN_TELETEX_STRING] = 0x14,
	[CERT_RDN_VIDEOTEX_STRING] = 0x15,	      [CERT_RDN_IA5_STRING] = 0x16,
	[CERT_RDN_GRAPHIC_STRING] = 0x19,	      [CERT_RDN_VISIBLE_STRING] = 0x1a,
	[CERT_RDN_GENERAL_STRING] = 0x1b,	      [CERT_RDN_UNIVERSAL_STRING] = 0x1c,
	[CERT_RDN_BMP_STRING] = 0x1e,		      [CERT_RDN_UTF8_STRING] = DER_UTF8STRING,
};

static DWORD rdn_type_of_tag(BYTE tag)
{
	for (DWORD i = CERT_RDN_OCTET_STRING; i < ARRAYSIZE(rdn_tags); i++)
		if (rdn_tags[i] == tag)
			return i;
	return CERT_RDN_ENCODED_BLOB;
}

/* The name value variants (param) */
enum { NV_ANSI, NV_UNICODE_VALUE, NV_UNICODE_IN_NAME };

static BOOL printable_char(WCHAR c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c && strchr(" '()+,-./:=?", (char)c) && c < 0x80);
}

/* The index of the first character a type forbids, or -1. */
static int first_bad_char(DWORD type, const WCHAR *s, DWORD n)
{
	for (DWORD i = 0; i < n; i++) {
		WCHAR c = s[i];

		if ((type == CERT_RDN_NUMERIC_STRING && !(c == ' ' || (c >= '0' && c <= '9'))) ||
		    (type == CERT_RDN_PRINTABLE_STRING && !printable_char(c)) ||
		    (type == CERT_RDN_IA5_STRING && c >= 0x80))
			return (int)i;
	}
	return -1;
}

static HRESULT bad_char_error(DWORD type)
{
	return type == CERT_RDN_NUMERIC_STRING	 ? CRYPT_E_INVALID_NUMERIC_STRING
	       : type == CERT_RDN_PRINTABLE_STRING ? CRYPT_E_INVALID_PRINTABLE_STRING
						   : CRYPT_E_INVALID_IA5_STRING;
}

/* UTF-16 text s[n] as a string of a CERT_RDN_* type: 8-bit types take
 * each character's low byte (as Windows does), BMP is big-endian UTF-16,
 * universal big-endian UCS-4, UTF8 UTF-8. */
static HRESULT put_wide_string(struct der_out *o, DWORD type, const WCHAR *s, DWORD n,
			       struct asn_encoder *e, BOOL check)
{
	DWORD start = o->len;
	int bad = check ? first_bad_char(type, s, n) : -1;

	if (bad >= 0) {
		e->bad_index = (DWORD)bad;
		return bad_char_error(type);
	}
	if (type == CERT_RDN_UTF8_STRING) {
		int len = n ? WideCharToMultiByte(CP_UTF8, 0, s, (int)n, NULL, 0, NULL, NULL) : 0;
		char *utf8 = len ? HeapAlloc(GetProcessHeap(), 0, len) : NULL;

		if (len && !utf8)
			return E_OUTOFMEMORY;
		if (len)
			WideCharToMultiByte(CP_UTF8, 0, s, (int)n, utf8, len, NULL, NULL);
		der_put(o, utf8, (DWORD)len);
		HeapFree(GetProcessHeap(), 0, utf8);
	} else {
		for (DWORD i = 0; i < n; i++) {
			BYTE b[4] = { 0, 0, (BYTE)(s[i] >> 8), (BYTE)s[i] };

			if (type == CERT_RDN_UNIVERSAL_STRING)
				der_put(o, b, 4);
			else if (type == CERT_RDN_BMP_STRING)
				der_put(o, b + 2, 2);
			else
				der_put(o, b + 3, 1);
		}
	}
	der_wrap(o, start, rdn_tags[type]);
	return 0;
}

/* The type CERT_RDN_ANY_TYPE stands for in a Unicode name. */
static DWORD inferred_type(const WCHAR *s, DWORD n, DWORD flags)
{
	BOOL bytes = TRUE;

	if (first_bad_char(CERT_RDN_PRINTABLE_STRING, s, n) < 0)
		return CERT_RDN_PRINTABLE_STRING;
	for (DWORD i = 0; i < n; i++)
		bytes &= s[i] <= 0xff;
	if (bytes && flags & CERT_RDN_ENABLE_T61_UNICODE_FLAG)
		return CERT_RDN_T61_STRING;
	if (flags & CERT_RDN_ENABLE_UTF8_UNICODE_FLAG)
		return CERT_RDN_UTF8_STRING;
	return CERT_RDN_BMP_STRING;
}

static HRESULT encode_name_value(const struct asn_type *t, const void *value, BYTE tag,
				 struct der_out *o, struct asn_encoder *e)
{
	const CERT_NAME_VALUE *v = value;
	DWORD type = v->dwValueType & CERT_RDN_TYPE_MASK, n = v->Value.cbData;
	const WCHAR *w = (const WCHAR *)v->Value.pbData;

	if (type >= ARRAYSIZE(rdn_tags))
		return E_INVALIDARG;
	if (t->param == NV_UNICODE_VALUE && !IS_CERT_RDN_CHAR_STRING(type))
		return CRYPT_E_NOT_CHAR_STRING;
	if (n && !v->Value.pbData)
		return STATUS_ACCESS_VIOLATION;
	if (type == CERT_RDN_ENCODED_BLOB) {
		der_put(o, v->Value.pbData, n);
		return 0;
	}
	if (t->param == NV_ANSI) {
		if (type == CERT_RDN_ANY_TYPE)
			return E_INVALIDARG;
		if (type == CERT_RDN_BMP_STRING || type == CERT_RDN_UTF8_STRING ||
		    type == CERT_RDN_UNIVERSAL_STRING)
			return put_wide_string(o, type, w, n / sizeof(WCHAR), e, FALSE);
		der_put_tlv(o, rdn_tags[type], v->Value.pbData, n);
		return 0;
	}
	if (type == CERT_RDN_OCTET_STRING) {
		der_put_tlv(o, DER_OCTETS, v->Value.pbData, n);
		return 0;
	}
	n = n ? n / sizeof(WCHAR) : (w ? (DWORD)lstrlenW(w) : 0);
	if (type == CERT_RDN_ANY_TYPE)
		type = inferred_type(w, n, e->flags | v->dwValueType);
	else if (e->flags & CERT_RDN_ENABLE_UTF8_UNICODE_FLAG && type != CERT_RDN_NUMERIC_STRING &&
		 type != CERT_RDN_PRINTABLE_STRING && type != CERT_RDN_IA5_STRING)
		type = CERT_RDN_UTF8_STRING;
	return put_wide_string(o, type, w, n, e, !(e->flags & CERT_RDN_DISABLE_CHECK_TYPE_FLAG));
}

/* Decoding: 8-bit strings stay bytes in X509_NAME; everything that is
 * text becomes NUL-terminated UTF-16 in the Unicode forms, as do BMP,
 * universal and UTF-8 strings in both. */
static DWORD wide_length(DWORD type, const BYTE *v, DWORD len)
{
	if (type == CERT_RDN_UTF8_STRING)
		return len ? (DWORD)MultiByteToWideChar(CP_UTF8, 0, (const char *)v, (int)len, NULL, 0) : 0;
	if (type == CERT_RDN_BMP_STRING)
		return len / 2;
	if (type == CERT_RDN_UNIVERSAL_STRING)
		return len / 4;
	return len;
}

static void widen(DWORD type, const BYTE *v, DWORD len, WCHAR *out, DWORD n)
{
	if (type == CERT_RDN_UTF8_STRING && n)
		MultiByteToWideChar(CP_UTF8, 0, (const char *)v, (int)len, out, (int)n);
	else
		for (DWORD i = 0; i < n; i++)
			out[i] = type == CERT_RDN_BMP_STRING	   ? (WCHAR)(v[2 * i] << 8 | v[2 * i + 1])
				 : type == CERT_RDN_UNIVERSAL_STRING ? (WCHAR)(v[4 * i + 2] << 8 | v[4 * i + 3])
								     : v[i];
	out[n] = 0;
}

static BOOL name_value_accepts(const struct asn_type *t, BYTE tag)
{
	return TRUE;
}

static HRESULT decode_name_value(const struct asn_type *t, const struct der_tlv *tlv, void *value,
				 struct asn_arena *a)
{
	CERT_NAME_VALUE *v = value;
	DWORD type = rdn_type_of_tag(tlv->tag), n;
	BYTE *p;

	if (type == CERT_RDN_ENCODED_BLOB || type == CERT_RDN_OCTET_STRING ||
	    (t->param == NV_ANSI && type != CERT_RDN_BMP_STRING && type != CERT_RDN_UTF8_STRING &&
	     type != CERT_RDN_UNIVERSAL_STRING)) {
		const BYTE *src = type == CERT_RDN_ENCODED_BLOB ? tlv->value - (tlv->size - tlv->len)
								: tlv->value;

		n = type == CERT_RDN_ENCODED_BLOB ? tlv->size : tlv->len;
		p = asn_keep(a, src, n);
	} else {
		DWORD chars = wide_length(type, tlv->value, tlv->len);

		p = asn_take(a, (chars + 1) * sizeof(WCHAR));
		if (p)
			widen(type, tlv->value, tlv->len, (WCHAR *)p, chars);
		n = chars * sizeof(WCHAR);
	}
	if (v) {
		v->dwValueType = type;
		v->Value.cbData = n;
		v->Value.pbData = n || type > CERT_RDN_OCTET_STRING ? p : NULL;
	}
	return 0;
}

const struct asn_type asn_name_value = { .tag = ASN_ANY_TAG, .size = sizeof(CERT_NAME_VALUE),
					 .encode = encode_name_value, .decode = decode_name_value,
					 .accepts = name_value_accepts, .param = NV_ANSI };
const struct asn_type asn_unicode_name_value = {
	.tag = ASN_ANY_TAG,	    .size = sizeof(CERT_NAME_VALUE),	 .encode = encode_name_value,
	.decode = decode_name_value, .accepts = name_value_accepts, .param = NV_UNICODE_VALUE
};
const struct asn_type asn_any_string = {
	.tag = ASN_ANY_TAG,	    .size = sizeof(CERT_NAME_VALUE),	 .encode = encode_name_value,
	.decode = decode_name_value, .accepts = name_value_accepts, .param = NV_UNICODE_IN_NAME
};

/* LPWSTR <-> IA5String (e-mail, DNS and URL alternative names) */
static HRESULT encode_ia5_wide(const struct asn_type *t, const void *value, BYTE tag,
			       struct der_out *o, struct asn_encoder *e)
{
	const WCHAR *s = *(const WCHAR *const *)value;
	DWORD n = s ? (DWORD)lstrlenW(s) : 0, start = o->len;
	HRESULT hr = put_wide_string(o, CERT_RDN_IA5_STRING, s, n, e, TRUE);

	if (!hr && !o->failed)
		o->data[start] = tag; /* put_wide_string wrote the universal tag */
	return hr;
}

static HRESULT decode_ia5_wide(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			       struct asn_arena *a)
{
	WCHAR *s;

	if (memchr(tlv->value, 0, tlv->len))
		return CRYPT_E_ASN1_CORRUPT; /* would cut the name short */
	s = asn_take(a, (tlv->len + 1) * sizeof(WCHAR));
	if (s)
		widen(CERT_RDN_IA5_STRING, tlv->value, tlv->len, s, tlv->len);
	if (value)
		*(WCHAR **)value = s;
	return 0;
}

const struct asn_type asn_ia5_wide = { .tag = 0x16, .size = sizeof(WCHAR *),
				       .encode = encode_ia5_wide, .decode = decode_ia5_wide };

/* LPSTR <-> IA5String (a notice reference's organization) */
static HRESULT encode_ia5_narrow(const struct asn_type *t, const void *value, BYTE tag,
				 struct der_out *o, struct asn_encoder *e)
{
	const char *s = *(const char *const *)value;

	der_put_tlv(o, tag, s, s ? (DWORD)strlen(s) : 0);
	return 0;
}

static BOOL text_accepts(const struct asn_type *t, BYTE tag)
{
	return tag == 0x16 || tag == 0x1a || tag == 0x1e || tag == DER_UTF8STRING;
}

static HRESULT decode_ia5_narrow(const struct asn_type *t, const struct der_tlv *tlv,
				 void *value, struct asn_arena *a)
{
	char *s = asn_take(a, tlv->len + 1);

	if (s)
		memcpy(s, tlv->value, tlv->len);
	if (value)
		*(char **)value = s;
	return 0;
}

const struct asn_type asn_ia5_narrow = { .tag = 0x16, .size = sizeof(char *),
					 .encode = encode_ia5_narrow, .decode = decode_ia5_narrow,
					 .accepts = text_accepts };

/* LPWSTR <-> DisplayText (written as BMPString; read from any of its forms) */
static HRESULT encode_display_text(const struct asn_type *t, const void *value, BYTE tag,
				   struct der_out *o, struct asn_encoder *e)
{
	const WCHAR *s = *(const WCHAR *const *)value;

	return put_wide_string(o, CERT_RDN_BMP_STRING, s, s ? (DWORD)lstrlenW(s) : 0, e, FALSE);
}

static HRESULT decode_display_text(const struct asn_type *t, const struct der_tlv *tlv,
				   void *value, struct asn_arena *a)
{
	DWORD type = rdn_type_of_tag(tlv->tag), n = wide_length(type, tlv->value, tlv->len);
	WCHAR *s = asn_take(a, (n + 1) * sizeof(WCHAR));

	if (s)
		widen(type, tlv->value, tlv->len, s, n);
	if (value)
		*(WCHAR **)value = s;
	return 0;
}

static BOOL wide_pointer_empty(const void *value)
{
	return !*(const WCHAR *const *)value;
}

const struct asn_type asn_display_text = { .tag = 0x1e, .size = sizeof(WCHAR *),
					   .encode = encode_display_text,
					   .decode = decode_display_text, .accepts = text_accepts,
					   .is_empty = wide_pointer_empty };
