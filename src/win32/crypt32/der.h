/* DER primitives of crypt32's ASN.1 codec: reading one tag-length-value
 * with bounds checks, a growable output buffer, and the value forms
 * (integers, object identifiers, times) that more than one type uses. */
#ifndef LSW_CRYPT32_DER_H
#define LSW_CRYPT32_DER_H

#include "crypt32_private.h"

#define DER_BOOLEAN 0x01
#define DER_INTEGER 0x02
#define DER_BITSTRING 0x03
#define DER_OCTETS 0x04
#define DER_NULL 0x05
#define DER_OID 0x06
#define DER_ENUMERATED 0x0a
#define DER_UTF8STRING 0x0c
#define DER_SEQUENCE 0x30
#define DER_SET 0x31
#define DER_UTCTIME 0x17
#define DER_GENERALTIME 0x18
#define DER_CONSTRUCTED 0x20
#define DER_CONTEXT 0x80

/* One encoded value inside [data, data + avail). */
struct der_tlv {
	BYTE tag;
	const BYTE *value; /* the contents */
	DWORD len;	   /* of the contents */
	DWORD size;	   /* of tag, length and contents */
};

/* Reads the value at p: 0, or CRYPT_E_ASN1_EOD when it runs past avail,
 * CRYPT_E_ASN1_LARGE for a length of more than 4 bytes, CRYPT_E_ASN1_BADTAG
 * for a multi-byte tag, CRYPT_E_ASN1_CORRUPT for a primitive value of
 * indefinite length (a constructed one, as BER allows, ends at its 00 00,
 * nested at most 32 deep). */
HRESULT der_read(const BYTE *p, DWORD avail, struct der_tlv *out);

/* A growable encoding; on allocation failure `failed` is set and
 * further writes are ignored. */
struct der_out {
	BYTE *data;
	DWORD len, cap;
	BOOL failed;
};
void der_put(struct der_out *o, const void *bytes, DWORD n);
/* Writes the tag and length of contents written since `start` (an
 * earlier o->len) in front of them. */
void der_wrap(struct der_out *o, DWORD start, BYTE tag);
void der_put_tlv(struct der_out *o, BYTE tag, const void *value, DWORD len);
void der_free(struct der_out *o);
/* Bytes the header of a value of len content bytes takes. */
DWORD der_header_size(DWORD len);

/* Big-endian two's complement of the little-endian signed (or, with
 * is_unsigned, unsigned) integer in[n], minimal as DER wants it. */
void der_put_integer_le(struct der_out *o, BYTE tag, const BYTE *in, DWORD n, BOOL is_unsigned);

/* "1.2.840..." into contents; FALSE if the text is no object identifier. */
BOOL der_put_oid(struct der_out *o, const char *oid);
/* The dotted text of an OID's contents into text (NULL: length only);
 * the characters it needs with its NUL, 0 if the contents are malformed. */
DWORD der_oid_text(const BYTE *v, DWORD len, char *text);

/* UTCTime or GeneralizedTime contents to a FILETIME: 0 or
 * CRYPT_E_ASN1_CORRUPT. */
HRESULT der_time_value(BYTE tag, const BYTE *v, DWORD len, FILETIME *ft);
/* A FILETIME as UTCTime (1950-2049) or GeneralizedTime contents; FALSE
 * (utc_only) when the year needs GeneralizedTime. */
BOOL der_put_time(struct der_out *o, const FILETIME *ft, BOOL utc_only);

#endif
