/* crypt32's table-driven ASN.1 codec.  Every structure CryptEncodeObjectEx
 * and CryptDecodeObjectEx know is one asn_type: a leaf (a codec for one
 * value form: integer, blob, OID, time, string...), a SEQUENCE or SET of
 * fields (each a type at an offset of the C struct, with its tagging and
 * when it is absent), or a SEQUENCE/SET OF elements (a count and an array
 * pointer at two offsets).  The same description drives both directions. */
#ifndef LSW_CRYPT32_ASN_H
#define LSW_CRYPT32_ASN_H

#include <stddef.h>
#include "der.h"

/* Where decoding writes: the caller's buffer, or nothing (base NULL) on
 * the pass that only sizes it.  Every decoder writes through `value`
 * only when it is not NULL. */
struct asn_arena {
	BYTE *base;
	DWORD used;
	DWORD flags; /* CRYPT_DECODE_* */
	DWORD depth;
	BOOL too_big; /* the result would pass ASN_MAX_RESULT */
};
#define ASN_MAX_RESULT 0x40000000u /* 1 GB: more is CRYPT_E_ASN1_LARGE */
/* size bytes (aligned, zeroed) of the output; NULL on the sizing pass. */
void *asn_take(struct asn_arena *a, DWORD size);
/* n bytes (unaligned) of the output; NULL on the sizing pass. */
BYTE *asn_raw(struct asn_arena *a, DWORD n);
/* A copy of n bytes in the output, or (CRYPT_DECODE_NOCOPY_FLAG) src itself. */
BYTE *asn_keep(struct asn_arena *a, const BYTE *src, DWORD n);

struct asn_type;
struct asn_encoder {
	DWORD flags; /* CRYPT_ENCODE_* and CRYPT_UNICODE_NAME_ENCODE_* */
	DWORD bad_index; /* where a string held a character its type forbids */
};
typedef HRESULT (*asn_encode_fn)(const struct asn_type *t, const void *value, BYTE tag,
				 struct der_out *o, struct asn_encoder *e);
typedef HRESULT (*asn_decode_fn)(const struct asn_type *t, const struct der_tlv *tlv,
				 void *value, struct asn_arena *a);

enum asn_presence {
	ASN_REQUIRED,
	ASN_OPT_EMPTY, /* absent when the value is empty (type's is_empty) */
	ASN_OPT_FLAG,  /* absent unless the BOOL at flag_offset is set */
	ASN_OPT_OID,   /* absent when empty and the OID (LPSTR) at flag_offset is too */
	ASN_NONEMPTY,  /* required, and encoding an empty one is E_INVALIDARG */
};
#define ASN_IMPLICIT(n) (0x40 | (n)) /* [n] IMPLICIT */
#define ASN_EXPLICIT(n) (0x20 | (n)) /* [n] EXPLICIT */

struct asn_field {
	const struct asn_type *type;
	WORD offset;
	BYTE tagging; /* 0, ASN_IMPLICIT(n) or ASN_EXPLICIT(n) */
	BYTE presence;
	WORD flag_offset;
};

/* One alternative of a CHOICE: the selector value (a DWORD at offset 0 of
 * the C value) and how it is tagged; type NULL: known but not supported
 * (encoding: E_INVALIDARG, decoding: CRYPT_E_ASN1_BADTAG). */
struct asn_alternative {
	DWORD selector;
	BYTE tagging;
	const struct asn_type *type;
};

#define ASN_ANY_TAG 0 /* a leaf that accepts more than one tag (accepts()) */

struct asn_type {
	BYTE tag;   /* its universal tag */
	DWORD size; /* of its C value */
	asn_encode_fn encode;
	asn_decode_fn decode;
	BOOL (*accepts)(const struct asn_type *t, BYTE tag); /* ASN_ANY_TAG leaves */
	BOOL (*is_empty)(const void *value);
	/* SEQUENCE / SET of fields */
	const struct asn_field *fields;
	DWORD n_fields;
	/* SEQUENCE / SET OF element (count DWORD and array pointer), or the
	 * type a pointer field points to */
	const struct asn_type *element;
	WORD count_offset, array_offset;
	DWORD param; /* a leaf's variant (string type, bit order...) */
	BYTE err_shift; /* arrays: where an element's index goes in a string error's index */
	/* CHOICE: its alternatives; the value sits at array_offset */
	const struct asn_alternative *alternatives;
	DWORD n_alternatives;
};

HRESULT asn_encode_seq(const struct asn_type *t, const void *value, BYTE tag,
		       struct der_out *o, struct asn_encoder *e);
HRESULT asn_decode_seq(const struct asn_type *t, const struct der_tlv *tlv, void *value,
		       struct asn_arena *a);
HRESULT asn_encode_array(const struct asn_type *t, const void *value, BYTE tag,
			 struct der_out *o, struct asn_encoder *e);
HRESULT asn_decode_array(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			 struct asn_arena *a);
HRESULT asn_encode_pointer(const struct asn_type *t, const void *value, BYTE tag,
			   struct der_out *o, struct asn_encoder *e);
HRESULT asn_decode_pointer(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			   struct asn_arena *a);
BOOL asn_array_empty(const void *value);
HRESULT asn_encode_choice(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e);
HRESULT asn_decode_choice(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a);
BOOL asn_choice_accepts(const struct asn_type *t, BYTE tag);

#define ASN_SEQ(tg, ctype, flds)                                                          \
	{ .tag = tg, .size = sizeof(ctype), .encode = asn_encode_seq, .decode = asn_decode_seq, \
	  .fields = flds, .n_fields = ARRAYSIZE(flds) }
/* count and array at offsets 0 and 8 of a { DWORD c; T *rg; } */
#define ASN_ARRAY(tg, elem)                                                                \
	{ .tag = tg, .size = 16, .encode = asn_encode_array, .decode = asn_decode_array,   \
	  .is_empty = asn_array_empty, .element = elem, .count_offset = 0, .array_offset = 8 }
#define ASN_ARRAY_INDEXED(tg, elem, shift)                                                 \
	{ .tag = tg, .size = 16, .encode = asn_encode_array, .decode = asn_decode_array,   \
	  .is_empty = asn_array_empty, .element = elem, .count_offset = 0, .array_offset = 8, \
	  .err_shift = shift }
#define ASN_POINTER(elem)                                                                  \
	{ .tag = ASN_ANY_TAG, .size = sizeof(void *), .encode = asn_encode_pointer,        \
	  .decode = asn_decode_pointer, .accepts = asn_pointer_accepts,                   \
	  .is_empty = asn_pointer_empty, .element = elem }
BOOL asn_pointer_accepts(const struct asn_type *t, BYTE tag);
BOOL asn_pointer_empty(const void *value);

#define ASN_CHOICE(ctype, alts, value_offset)                                             \
	{ .tag = ASN_ANY_TAG, .size = sizeof(ctype), .encode = asn_encode_choice,           \
	  .decode = asn_decode_choice, .accepts = asn_choice_accepts, .alternatives = alts,  \
	  .n_alternatives = ARRAYSIZE(alts), .array_offset = value_offset }

/* One value of type t (its tag, or tag) into o. */
HRESULT asn_encode_value(const struct asn_type *t, const void *value, BYTE tag,
			 struct der_out *o, struct asn_encoder *e);
/* Does an encoded tag belong to t, as tagged by tagging? */
BOOL asn_tag_matches(const struct asn_type *t, BYTE tagging, BYTE tag);
/* Decodes a whole value of t from data into the arena (its struct first);
 * the arena's used is the size it needs. */
HRESULT asn_decode_top(const struct asn_type *t, const BYTE *data, DWORD len,
		       struct asn_arena *a);

/* asn_leaves.c */
extern const struct asn_type asn_int, asn_enumerated, asn_int_blob, asn_uint_blob, asn_octets,
	asn_bits, asn_bits_trimmed, asn_oid_or_empty, asn_bits_reversed, asn_oid, asn_bool, asn_any, asn_any_or_null,
	asn_time, asn_utc_time, asn_null, asn_ia5_wide;
/* asn_strings.c */
extern const struct asn_type asn_name_value, asn_unicode_name_value, asn_alt_entry,
	asn_any_string, asn_ia5_narrow, asn_display_text;

/* asn_types.c: the type of a structure name (a small integer or an OID
 * string); NULL when unknown. */
const struct asn_type *asn_type_of(LPCSTR struct_type, BOOL *pkcs7_only);
extern const struct asn_type asn_rsa_public_key, asn_cng_rsa_public_key, asn_rsa_private_key;

#endif
