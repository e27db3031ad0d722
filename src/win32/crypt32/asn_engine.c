/* The generic half of crypt32's ASN.1 codec (asn.h): fields of a
 * SEQUENCE or SET, SEQUENCE/SET OF arrays, pointers, tagging, and the
 * decoding arena.  Leaves are in asn_leaves.c and asn_strings.c. */
#include "asn.h"
#include <stdlib.h>

#define ASN_MAX_DEPTH 32 /* hostile nesting stops here */

void *asn_take(struct asn_arena *a, DWORD size)
{
	BYTE *p;

	if (size > ASN_MAX_RESULT || a->used > ASN_MAX_RESULT - size) {
		a->too_big = TRUE; /* only the sizing pass gets here: it fails */
		return NULL;
	}
	a->used = (a->used + 7) & ~7u;
	p = a->base ? a->base + a->used : NULL;
	a->used += size;
	if (p)
		memset(p, 0, size);
	return p;
}

BYTE *asn_raw(struct asn_arena *a, DWORD n)
{
	BYTE *p;

	if (n > ASN_MAX_RESULT || a->used > ASN_MAX_RESULT - n) {
		a->too_big = TRUE;
		return NULL;
	}
	p = a->base ? a->base + a->used : NULL;
	a->used += n;
	return p;
}

BYTE *asn_keep(struct asn_arena *a, const BYTE *src, DWORD n)
{
	BYTE *p;

	if (a->flags & CRYPT_DECODE_NOCOPY_FLAG)
		return a->base ? (BYTE *)src : NULL;
	if (!n)
		return NULL;
	if ((p = asn_raw(a, n)))
		memcpy(p, src, n);
	return p;
}

static BYTE tag_of(const struct asn_type *t, BYTE tagging)
{
	while (t->encode == asn_encode_pointer)
		t = t->element; /* a pointer is tagged as what it points to */
	if (tagging & 0x40)
		return DER_CONTEXT | (tagging & 0x1f) | (t->tag & DER_CONSTRUCTED);
	if (tagging & 0x20)
		return DER_CONTEXT | DER_CONSTRUCTED | (tagging & 0x1f);
	return t->tag;
}

BOOL asn_tag_matches(const struct asn_type *t, BYTE tagging, BYTE tag)
{
	if (tagging)
		return tag == tag_of(t, tagging);
	if (t->accepts)
		return t->accepts(t, tag);
	return tag == t->tag;
}

HRESULT asn_encode_value(const struct asn_type *t, const void *value, BYTE tag,
			 struct der_out *o, struct asn_encoder *e)
{
	return t->encode(t, value, tag ? tag : t->tag, o, e);
}

static HRESULT encode_field(const struct asn_field *f, const BYTE *base, struct der_out *o,
			    struct asn_encoder *e)
{
	const void *value = base + f->offset;
	DWORD start = o->len;
	HRESULT hr;

	if (f->presence == ASN_OPT_EMPTY && f->type->is_empty && f->type->is_empty(value))
		return 0;
	if (f->presence == ASN_NONEMPTY && f->type->is_empty(value))
		return E_INVALIDARG;
	if (f->presence == ASN_OPT_FLAG && !*(const BOOL *)(base + f->flag_offset))
		return 0;
	if (f->presence == ASN_OPT_OID && f->type->is_empty(value)) {
		const char *oid = *(const char *const *)(base + f->flag_offset);

		if (!oid || !*oid)
			return 0;
	}
	if (f->tagging & 0x20) {
		if ((hr = asn_encode_value(f->type, value, 0, o, e)))
			return hr;
		der_wrap(o, start, tag_of(f->type, f->tagging));
		return 0;
	}
	return asn_encode_value(f->type, value, f->tagging ? tag_of(f->type, f->tagging) : 0, o, e);
}

HRESULT asn_encode_seq(const struct asn_type *t, const void *value, BYTE tag,
		       struct der_out *o, struct asn_encoder *e)
{
	DWORD start = o->len;
	HRESULT hr;

	for (DWORD i = 0; i < t->n_fields; i++)
		if ((hr = encode_field(&t->fields[i], value, o, e)))
			return hr;
	der_wrap(o, start, tag);
	return 0;
}

struct piece {
	const BYTE *p;
	DWORD n;
};

static int compare_pieces(const void *a, const void *b)
{
	const struct piece *x = a, *y = b;
	int c = memcmp(x->p, y->p, min(x->n, y->n));

	return c ? c : (int)x->n - (int)y->n;
}

/* DER orders the members of a SET OF by their encodings. */
static void sort_set(struct der_out *o, DWORD start, DWORD count)
{
	struct piece *pieces;
	BYTE *copy;
	DWORD len = o->len - start, at = 0;

	if (count < 2 || o->failed)
		return;
	pieces = HeapAlloc(GetProcessHeap(), 0, count * sizeof(*pieces));
	copy = HeapAlloc(GetProcessHeap(), 0, len);
	if (pieces && copy) {
		memcpy(copy, o->data + start, len);
		for (DWORD i = 0; i < count; i++) {
			struct der_tlv tlv;

			der_read(copy + at, len - at, &tlv);
			pieces[i].p = copy + at;
			pieces[i].n = tlv.size;
			at += tlv.size;
		}
		qsort(pieces, count, sizeof(*pieces), compare_pieces);
		at = start;
		for (DWORD i = 0; i < count; i++) {
			memcpy(o->data + at, pieces[i].p, pieces[i].n);
			at += pieces[i].n;
		}
	}
	HeapFree(GetProcessHeap(), 0, pieces);
	HeapFree(GetProcessHeap(), 0, copy);
}

BOOL asn_array_empty(const void *value)
{
	return !*(const DWORD *)value;
}

HRESULT asn_encode_array(const struct asn_type *t, const void *value, BYTE tag,
			 struct der_out *o, struct asn_encoder *e)
{
	DWORD count = *(const DWORD *)((const BYTE *)value + t->count_offset), start = o->len;
	const BYTE *items = *(const BYTE *const *)((const BYTE *)value + t->array_offset);
	HRESULT hr;

	if (count && !items)
		return STATUS_ACCESS_VIOLATION;
	if (!count && t->param)
		return E_INVALIDARG; /* a list that must not be empty */
	for (DWORD i = 0; i < count; i++)
		if ((hr = asn_encode_value(t->element, items + i * t->element->size, 0, o, e))) {
			if (t->err_shift)
				e->bad_index |= i << t->err_shift; /* which entry failed */
			return hr;
		}
	if (tag == DER_SET)
		sort_set(o, start, count);
	der_wrap(o, start, tag);
	return 0;
}

HRESULT asn_encode_pointer(const struct asn_type *t, const void *value, BYTE tag,
			   struct der_out *o, struct asn_encoder *e)
{
	const void *target = *(const void *const *)value;

	if (!target)
		return STATUS_ACCESS_VIOLATION;
	return asn_encode_value(t->element, target, tag == ASN_ANY_TAG ? 0 : tag, o, e);
}

BOOL asn_pointer_accepts(const struct asn_type *t, BYTE tag)
{
	return asn_tag_matches(t->element, 0, tag);
}

BOOL asn_pointer_empty(const void *value)
{
	return !*(void *const *)value;
}

static const struct asn_alternative *alternative_of_tag(const struct asn_type *t, BYTE tag)
{
	for (DWORD i = 0; i < t->n_alternatives; i++) {
		const struct asn_alternative *alt = &t->alternatives[i];

		if (alt->type ? asn_tag_matches(alt->type, alt->tagging, tag)
			      : (tag & 0x1f) == (alt->tagging & 0x1f) && tag & DER_CONTEXT)
			return alt;
	}
	return NULL;
}

BOOL asn_choice_accepts(const struct asn_type *t, BYTE tag)
{
	return alternative_of_tag(t, tag) != NULL || (tag & 0xc0) == DER_CONTEXT;
}

HRESULT asn_encode_choice(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e)
{
	DWORD selector = *(const DWORD *)value;

	for (DWORD i = 0; i < t->n_alternatives; i++) {
		const struct asn_alternative *alt = &t->alternatives[i];
		struct asn_field f = { alt->type, t->array_offset, alt->tagging, ASN_REQUIRED, 0 };

		if (alt->selector == selector)
			return alt->type ? encode_field(&f, value, o, e) : E_INVALIDARG;
	}
	return E_INVALIDARG;
}

static HRESULT decode_field(const struct asn_field *f, const struct der_tlv *tlv, BYTE *base,
			    struct asn_arena *a);

HRESULT asn_decode_choice(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a)
{
	const struct asn_alternative *alt = alternative_of_tag(t, tlv->tag);
	struct asn_field f;

	if (!alt)
		return CRYPT_E_ASN1_CORRUPT;
	if (!alt->type)
		return CRYPT_E_ASN1_BADTAG;
	if (value)
		*(DWORD *)value = alt->selector;
	f = (struct asn_field){ alt->type, t->array_offset, alt->tagging, ASN_REQUIRED, 0 };
	return decode_field(&f, tlv, value, a);
}

static HRESULT decode_value(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			    struct asn_arena *a)
{
	HRESULT hr;

	if (++a->depth > ASN_MAX_DEPTH)
		return CRYPT_E_ASN1_CORRUPT;
	hr = t->decode(t, tlv, value, a);
	a->depth--;
	return hr;
}

static HRESULT decode_field(const struct asn_field *f, const struct der_tlv *tlv, BYTE *base,
			    struct asn_arena *a)
{
	void *value = base ? base + f->offset : NULL;
	struct der_tlv inner;
	HRESULT hr;

	if (f->presence == ASN_OPT_FLAG && base)
		*(BOOL *)(base + f->flag_offset) = TRUE;
	if (!(f->tagging & 0x20))
		return decode_value(f->type, tlv, value, a);
	if ((hr = der_read(tlv->value, tlv->len, &inner)))
		return hr;
	if (!asn_tag_matches(f->type, 0, inner.tag))
		return CRYPT_E_ASN1_BADTAG;
	return decode_value(f->type, &inner, value, a);
}

HRESULT asn_decode_seq(const struct asn_type *t, const struct der_tlv *tlv, void *value,
		       struct asn_arena *a)
{
	const BYTE *p = tlv->value, *end = tlv->value + tlv->len;
	HRESULT hr;

	if (!(tlv->tag & DER_CONSTRUCTED))
		return CRYPT_E_ASN1_BADTAG;
	for (DWORD i = 0; i < t->n_fields; i++) {
		const struct asn_field *f = &t->fields[i];
		struct der_tlv item;

		if (p == end) {
			if (f->presence != ASN_REQUIRED && f->presence != ASN_NONEMPTY)
				continue;
			return CRYPT_E_ASN1_CORRUPT;
		}
		if ((hr = der_read(p, (DWORD)(end - p), &item)))
			return hr == CRYPT_E_ASN1_EOD ? CRYPT_E_ASN1_CORRUPT : hr; /* past its sequence */
		if (!asn_tag_matches(f->type, f->tagging, item.tag)) {
			if (f->presence != ASN_REQUIRED && f->presence != ASN_NONEMPTY)
				continue;
			return CRYPT_E_ASN1_BADTAG;
		}
		if ((hr = decode_field(f, &item, value, a)))
			return hr;
		p += item.size;
	}
	return p == end ? 0 : CRYPT_E_ASN1_CORRUPT; /* what no field took */
}

HRESULT asn_decode_array(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			 struct asn_arena *a)
{
	const struct asn_type *el = t->element;
	const BYTE *p = tlv->value, *end = tlv->value + tlv->len;
	DWORD count = 0;
	BYTE *items;
	HRESULT hr;

	if (!(tlv->tag & DER_CONSTRUCTED))
		return CRYPT_E_ASN1_BADTAG;
	while (p < end) {
		struct der_tlv item;

		if ((hr = der_read(p, (DWORD)(end - p), &item)))
			return hr == CRYPT_E_ASN1_EOD ? CRYPT_E_ASN1_CORRUPT : hr;
		if (!asn_tag_matches(el, 0, item.tag))
			return CRYPT_E_ASN1_BADTAG;
		p += item.size;
		count++;
	}
	items = count ? asn_take(a, count * el->size) : NULL;
	if (value) {
		*(DWORD *)((BYTE *)value + t->count_offset) = count;
		*(BYTE **)((BYTE *)value + t->array_offset) = items;
	}
	p = tlv->value;
	for (DWORD i = 0; i < count; i++) {
		struct der_tlv item;

		der_read(p, (DWORD)(end - p), &item);
		if ((hr = decode_value(el, &item, items ? items + i * el->size : NULL, a)))
			return hr;
		p += item.size;
	}
	return 0;
}

HRESULT asn_decode_pointer(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			   struct asn_arena *a)
{
	void *target = asn_take(a, t->element->size);

	if (value)
		*(void **)value = target;
	return decode_value(t->element, tlv, target, a);
}

HRESULT asn_decode_top(const struct asn_type *t, const BYTE *data, DWORD len, struct asn_arena *a)
{
	struct der_tlv tlv;
	HRESULT hr;
	void *value;

	if ((hr = der_read(data, len, &tlv)))
		return hr;
	if (!asn_tag_matches(t, 0, tlv.tag))
		return CRYPT_E_ASN1_BADTAG;
	value = asn_take(a, t->size);
	hr = decode_value(t, &tlv, value, a);
	return !hr && a->too_big ? CRYPT_E_ASN1_LARGE : hr;
}
