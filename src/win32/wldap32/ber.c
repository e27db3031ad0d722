/* BER elements' lifetime and the bervals they hand out (one process-heap
 * block each: the berval, then its bytes). */
#include "ber_private.h"
#include <string.h>

void *ber_mem_alloc(SIZE_T size)
{
	return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
}

void ber_mem_free(void *p)
{
	if (p)
		HeapFree(GetProcessHeap(), 0, p);
}

struct berval *ber_new_berval(const BYTE *data, ULONG len)
{
	struct berval *bv = ber_mem_alloc(sizeof(*bv) + len + 1);

	if (!bv)
		return NULL;
	bv->bv_len = len;
	bv->bv_val = (char *)(bv + 1);
	if (len)
		memcpy(bv->bv_val, data, len);
	return bv;
}

BOOL ber_walk_format(BerElement *ber, const char *fmt, va_list *ap, ber_format_fn one)
{
	if (!ber || !fmt)
		return FALSE;
	for (; *fmt; fmt++)
		if (!one(ber, *fmt, ap))
			return FALSE;
	return TRUE;
}

/* Encoding needs LBER_USE_DER, the only option Windows knows. */
BerElement *CDECL ber_alloc_t(INT options)
{
	BerElement *ber;

	if (!(options & LBER_USE_DER))
		return NULL;
	ber = ber_mem_alloc(sizeof(*ber));
	return ber;
}

/* A copy of the data, to decode. */
BerElement *CDECL ber_init(struct berval *bv)
{
	BerElement *ber;

	if (!bv || (bv->bv_len && !bv->bv_val) || !(ber = ber_mem_alloc(sizeof(*ber))))
		return NULL;
	if (bv->bv_len && !(ber->buf = ber_mem_alloc(bv->bv_len))) {
		ber_mem_free(ber);
		return NULL;
	}
	if (bv->bv_len)
		memcpy(ber->buf, bv->bv_val, bv->bv_len);
	ber->len = ber->cap = bv->bv_len;
	return ber;
}

void CDECL ber_free(BerElement *ber, INT free_buffer)
{
	if (!ber)
		return;
	ber_mem_free(ber->buf);
	ber_mem_free(ber);
}

void CDECL ber_bvfree(struct berval *bv)
{
	ber_mem_free(bv);
}

void CDECL ber_bvecfree(struct berval **bvs)
{
	if (!bvs)
		return;
	for (struct berval **p = bvs; *p; p++)
		ber_bvfree(*p);
	ber_mem_free(bvs);
}

struct berval *CDECL ber_bvdup(struct berval *bv)
{
	return bv ? ber_new_berval((const BYTE *)bv->bv_val, bv->bv_len) : NULL;
}

/* The encoded bytes as a berval the caller frees with ber_bvfree; 0, or
 * -1 while an element is still open or memory ran out. */
INT CDECL ber_flatten(BerElement *ber, struct berval **out)
{
	if (!ber || !out || ber->depth)
		return -1;
	*out = ber_new_berval(ber->buf, ber->len);
	return *out ? 0 : -1;
}
