/* The leaf value forms of crypt32's ASN.1 codec (asn.h): integers,
 * enumerated, blobs, bit strings, object identifiers, booleans, times,
 * NULL and already-encoded values. */
#include "asn.h"

static BOOL blob_empty(const void *value)
{
	return !((const CRYPT_DATA_BLOB *)value)->cbData;
}

static BOOL dword_zero(const void *value)
{
	return !*(const DWORD *)value;
}

static BOOL pointer_null(const void *value)
{
	return !*(void *const *)value;
}

/* int <-> INTEGER / ENUMERATED */
static HRESULT encode_int(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e)
{
	/* param: ENUMERATED, which Windows writes as an unsigned value */
	der_put_integer_le(o, tag, value, sizeof(int), t->param);
	return 0;
}

static HRESULT decode_int(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a)
{
	const BYTE *v = tlv->value;
	DWORD n = tlv->len;
	int x;

	if (!n)
		return CRYPT_E_ASN1_CORRUPT;
	if (n > sizeof(int) + 1 || (n == sizeof(int) + 1 && v[0]))
		return CRYPT_E_ASN1_LARGE;
	x = v[0] & 0x80 ? -1 : 0;
	for (DWORD i = 0; i < n; i++)
		x = (int)((unsigned)x << 8 | v[i]);
	if (value)
		*(int *)value = x;
	return 0;
}

const struct asn_type asn_int = { .tag = DER_INTEGER, .size = sizeof(int), .encode = encode_int,
				  .decode = decode_int, .is_empty = dword_zero };
const struct asn_type asn_enumerated = { .tag = DER_ENUMERATED, .size = sizeof(int),
					 .encode = encode_int, .decode = decode_int, .param = TRUE };

/* CRYPT_INTEGER_BLOB (little-endian, signed) and CRYPT_UINT_BLOB */
static HRESULT encode_int_blob(const struct asn_type *t, const void *value, BYTE tag,
			       struct der_out *o, struct asn_encoder *e)
{
	const CRYPT_INTEGER_BLOB *b = value;

	der_put_integer_le(o, tag, b->pbData, b->cbData, t->param);
	return 0;
}

static HRESULT decode_int_blob(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			       struct asn_arena *a)
{
	CRYPT_INTEGER_BLOB *b = value;
	const BYTE *v = tlv->value;
	DWORD n = tlv->len;
	BYTE *p;

	if (!n)
		return CRYPT_E_ASN1_CORRUPT;
	if (t->param && n > 1 && !v[0]) { /* the sign byte of an unsigned value */
		v++;
		n--;
	}
	p = asn_raw(a, n);
	for (DWORD i = 0; p && i < n; i++)
		p[i] = v[n - 1 - i];
	if (b) {
		b->cbData = n;
		b->pbData = p;
	}
	return 0;
}

const struct asn_type asn_int_blob = { .tag = DER_INTEGER, .size = sizeof(CRYPT_INTEGER_BLOB),
				       .encode = encode_int_blob, .decode = decode_int_blob,
				       .is_empty = blob_empty };
const struct asn_type asn_uint_blob = { .tag = DER_INTEGER, .size = sizeof(CRYPT_UINT_BLOB),
					.encode = encode_int_blob, .decode = decode_int_blob,
					.is_empty = blob_empty, .param = TRUE };

/* CRYPT_DATA_BLOB <-> OCTET STRING */
static HRESULT encode_octets(const struct asn_type *t, const void *value, BYTE tag,
			     struct der_out *o, struct asn_encoder *e)
{
	const CRYPT_DATA_BLOB *b = value;

	if (b->cbData && !b->pbData)
		return STATUS_ACCESS_VIOLATION;
	der_put_tlv(o, tag, b->pbData, b->cbData);
	return 0;
}

/* BER's constructed OCTET STRING: the concatenation of the pieces inside
 * (out NULL: only their length). */
static HRESULT join_pieces(const struct der_tlv *tlv, BYTE *out, DWORD *total, int depth)
{
	const BYTE *p = tlv->value, *end = tlv->value + tlv->len;
	HRESULT hr;

	if (depth > 8)
		return CRYPT_E_ASN1_CORRUPT;
	while (p < end) {
		struct der_tlv piece;

		if ((hr = der_read(p, (DWORD)(end - p), &piece)))
			return hr;
		if (piece.tag == (DER_OCTETS | DER_CONSTRUCTED)) {
			if ((hr = join_pieces(&piece, out, total, depth + 1)))
				return hr;
		} else if (piece.tag == DER_OCTETS) {
			if (out)
				memcpy(out + *total, piece.value, piece.len);
			*total += piece.len;
		} else {
			return CRYPT_E_ASN1_CORRUPT;
		}
		p += piece.size;
	}
	return 0;
}

static HRESULT decode_octets(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			     struct asn_arena *a)
{
	CRYPT_DATA_BLOB *b = value;
	DWORD n = 0;
	HRESULT hr;
	BYTE *p;

	if (tlv->tag & DER_CONSTRUCTED) {
		if ((hr = join_pieces(tlv, NULL, &n, 0)))
			return hr;
		p = asn_take(a, n);
		n = 0;
		if (p)
			join_pieces(tlv, p, &n, 0);
		if (b) {
			b->cbData = n;
			b->pbData = n ? p : NULL;
		}
		return 0;
	}
	p = asn_keep(a, tlv->value, tlv->len);
	if (b) {
		b->cbData = tlv->len;
		b->pbData = tlv->len ? p : NULL;
	}
	return 0;
}

static BOOL octets_accepts(const struct asn_type *t, BYTE tag)
{
	return tag == DER_OCTETS || tag == (DER_OCTETS | DER_CONSTRUCTED);
}

const struct asn_type asn_octets = { .tag = DER_OCTETS, .size = sizeof(CRYPT_DATA_BLOB),
				     .encode = encode_octets, .decode = decode_octets,
				     .accepts = octets_accepts, .is_empty = blob_empty };

/* CRYPT_BIT_BLOB <-> BIT STRING.  param 1: key usage, trailing zero bits
 * dropped; param 2: the bytes reversed (signatures, little-endian in
 * CryptoAPI). */
enum { BITS_PLAIN, BITS_TRIMMED, BITS_REVERSED };

static HRESULT encode_bits(const struct asn_type *t, const void *value, BYTE tag,
			   struct der_out *o, struct asn_encoder *e)
{
	const CRYPT_BIT_BLOB *b = value;
	DWORD n = b->cbData, unused = b->cUnusedBits, start = o->len;
	BYTE last;

	if (n && !b->pbData)
		return STATUS_ACCESS_VIOLATION;
	if (t->param == BITS_TRIMMED) {
		while (n && !b->pbData[n - 1])
			n--;
		unused = 0;
		if (n)
			for (BYTE x = b->pbData[n - 1]; !(x & 1); x >>= 1)
				unused++;
	} else {
		/* whole unused bytes are dropped */
		DWORD drop = unused / 8 < n ? unused / 8 : n;

		n -= drop;
		unused = n ? unused % 8 : 0;
	}
	der_put(o, &(BYTE){ (BYTE)unused }, 1);
	if (t->param == BITS_REVERSED) {
		for (DWORD i = n; i > 0; i--)
			der_put(o, &b->pbData[i - 1], 1);
	} else if (n) {
		der_put(o, b->pbData, n - 1);
		last = b->pbData[n - 1] & (BYTE)(0xff << unused);
		der_put(o, &last, 1);
	}
	der_wrap(o, start, tag);
	return 0;
}

static HRESULT decode_bits(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			   struct asn_arena *a)
{
	CRYPT_BIT_BLOB *b = value;
	DWORD n;
	BYTE *p;

	if (tlv->tag & DER_CONSTRUCTED)
		return CRYPT_E_ASN1_BADTAG;
	if (!tlv->len || tlv->value[0] > 7)
		return CRYPT_E_ASN1_CORRUPT;
	n = tlv->len - 1;
	if (t->param == BITS_REVERSED || (n && tlv->value[0])) {
		/* a copy either way: the bytes change */
		p = asn_raw(a, n);
		if (p) {
			for (DWORD i = 0; i < n; i++)
				p[i] = t->param == BITS_REVERSED ? tlv->value[n - i] : tlv->value[1 + i];
			if (t->param != BITS_REVERSED)
				p[n - 1] &= (BYTE)(0xff << tlv->value[0]);
		}
	} else {
		p = asn_keep(a, tlv->value + 1, n);
	}
	if (b) {
		b->cbData = n;
		b->pbData = n ? p : NULL;
		b->cUnusedBits = tlv->value[0];
	}
	return 0;
}

const struct asn_type asn_bits = { .tag = DER_BITSTRING, .size = sizeof(CRYPT_BIT_BLOB),
				   .encode = encode_bits, .decode = decode_bits,
				   .is_empty = blob_empty };
const struct asn_type asn_bits_trimmed = { .tag = DER_BITSTRING, .size = sizeof(CRYPT_BIT_BLOB),
					   .encode = encode_bits, .decode = decode_bits,
					   .is_empty = blob_empty, .param = BITS_TRIMMED };
const struct asn_type asn_bits_reversed = { .tag = DER_BITSTRING, .size = sizeof(CRYPT_BIT_BLOB),
					    .encode = encode_bits, .decode = decode_bits,
					    .is_empty = blob_empty, .param = BITS_REVERSED };

/* LPSTR "1.2.3" <-> OBJECT IDENTIFIER */
static HRESULT encode_oid(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e)
{
	const char *oid = *(const char *const *)value;
	DWORD start = o->len;

	if (!oid && !t->param)
		return E_INVALIDARG;
	if (!oid || !*oid) {
		der_put_tlv(o, tag, NULL, 0);
		return 0;
	}
	if (!der_put_oid(o, oid))
		return CRYPT_E_ASN1_ERROR;
	der_wrap(o, start, tag);
	return 0;
}

static HRESULT decode_oid(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a)
{
	DWORD n = der_oid_text(tlv->value, tlv->len, NULL);
	char *text;

	if (!n && tlv->len)
		return CRYPT_E_ASN1_CORRUPT;
	text = asn_take(a, n ? n : 1);
	if (text && n)
		der_oid_text(tlv->value, tlv->len, text);
	if (value)
		*(char **)value = text;
	return 0;
}

const struct asn_type asn_oid = { .tag = DER_OID, .size = sizeof(char *), .encode = encode_oid,
				  .decode = decode_oid, .is_empty = pointer_null };
/* An algorithm's OID may be NULL: written empty */
const struct asn_type asn_oid_or_empty = { .tag = DER_OID, .size = sizeof(char *),
					   .encode = encode_oid, .decode = decode_oid,
					   .is_empty = pointer_null, .param = TRUE };

/* BOOL <-> BOOLEAN */
static HRESULT encode_bool(const struct asn_type *t, const void *value, BYTE tag,
			   struct der_out *o, struct asn_encoder *e)
{
	der_put_tlv(o, tag, *(const BOOL *)value ? "\xff" : "\0", 1);
	return 0;
}

static HRESULT decode_bool(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			   struct asn_arena *a)
{
	if (tlv->len != 1)
		return CRYPT_E_ASN1_CORRUPT;
	if (value)
		*(BOOL *)value = tlv->value[0] != 0;
	return 0;
}

const struct asn_type asn_bool = { .tag = DER_BOOLEAN, .size = sizeof(BOOL), .encode = encode_bool,
				   .decode = decode_bool, .is_empty = dword_zero };

/* CRYPT_DER_BLOB: an encoded value of any tag, kept as it is.  param:
 * an empty one is written as NULL (algorithm parameters). */
static BOOL any_accepts(const struct asn_type *t, BYTE tag)
{
	return TRUE;
}

static HRESULT encode_any(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e)
{
	const CRYPT_DER_BLOB *b = value;

	if (!b->cbData) {
		if (t->param)
			der_put(o, "\x05\x00", 2);
		return 0;
	}
	if (!b->pbData)
		return STATUS_ACCESS_VIOLATION;
	der_put(o, b->pbData, b->cbData); /* as given: Windows does not check it */
	return 0;
}

static HRESULT decode_any(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a)
{
	CRYPT_DER_BLOB *b = value;
	const BYTE *start = tlv->value - (tlv->size - tlv->len);
	BYTE *p = asn_keep(a, start, tlv->size);

	if (b) {
		b->cbData = tlv->size;
		b->pbData = p;
	}
	return 0;
}

const struct asn_type asn_any = { .tag = ASN_ANY_TAG, .size = sizeof(CRYPT_DER_BLOB),
				  .encode = encode_any, .decode = decode_any,
				  .accepts = any_accepts, .is_empty = blob_empty };
const struct asn_type asn_any_or_null = { .tag = ASN_ANY_TAG, .size = sizeof(CRYPT_DER_BLOB),
					  .encode = encode_any, .decode = decode_any,
					  .accepts = any_accepts, .is_empty = blob_empty, .param = 1 };

/* NULL: no C value */
static HRESULT encode_null(const struct asn_type *t, const void *value, BYTE tag,
			   struct der_out *o, struct asn_encoder *e)
{
	der_put_tlv(o, tag, NULL, 0);
	return 0;
}

static HRESULT decode_null(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			   struct asn_arena *a)
{
	return tlv->len ? CRYPT_E_ASN1_CORRUPT : 0;
}

const struct asn_type asn_null = { .tag = DER_NULL, .size = 0, .encode = encode_null,
				   .decode = decode_null };

/* FILETIME <-> UTCTime or GeneralizedTime; param: UTCTime only */
static BOOL time_accepts(const struct asn_type *t, BYTE tag)
{
	return tag == DER_UTCTIME || (!t->param && tag == DER_GENERALTIME);
}

static HRESULT encode_time(const struct asn_type *t, const void *value, BYTE tag,
			   struct der_out *o, struct asn_encoder *e)
{
	return der_put_time(o, value, t->param) ? 0 : CRYPT_E_BAD_ENCODE;
}

static HRESULT decode_time(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			   struct asn_arena *a)
{
	FILETIME ft;
	HRESULT hr = der_time_value(tlv->tag, tlv->value, tlv->len, &ft);

	if (!hr && value)
		*(FILETIME *)value = ft;
	return hr;
}

static BOOL filetime_empty(const void *value)
{
	const FILETIME *ft = value;

	return !ft->dwLowDateTime && !ft->dwHighDateTime;
}

const struct asn_type asn_time = { .tag = ASN_ANY_TAG, .size = sizeof(FILETIME),
				   .encode = encode_time, .decode = decode_time,
				   .accepts = time_accepts, .is_empty = filetime_empty };
const struct asn_type asn_utc_time = { .tag = ASN_ANY_TAG, .size = sizeof(FILETIME),
				       .encode = encode_time, .decode = decode_time,
				       .accepts = time_accepts, .param = 1 };
