/*
 * BER elements (winber.h): a growing buffer ber_printf encodes into, or a
 * copy of a berval ber_scanf decodes from.  Windows writes each
 * constructed element's length in the four-byte long form (0x84 and four
 * bytes, patched when the element closes) and integers in four bytes.
 */
#ifndef LSW_BER_PRIVATE_H
#define LSW_BER_PRIVATE_H

#include "ldap_private.h"
#include <stdarg.h>

#define LBER_ERROR 0xffffffffu
#define LBER_DEFAULT 0xffffffffu
#define LBER_USE_DER 0x01
#define BER_MAX_DEPTH 32

typedef struct berelement {
	BYTE *buf;
	ULONG len;                    /* bytes written, or bytes to decode */
	ULONG cap;
	ULONG pos;                    /* decoding: the next byte to read */
	BOOL has_tag;                 /* ber_printf "t": a tag for the next element */
	ULONG tag;
	int depth;
	ULONG open[BER_MAX_DEPTH];    /* encoding: where each open element's length is;
	                                 decoding: where each open element ends */
} BerElement;

void *ber_mem_alloc(SIZE_T size);
void ber_mem_free(void *p);
struct berval *ber_new_berval(const BYTE *data, ULONG len);

/* The exports controls.c builds its values with. */
BerElement *CDECL ber_alloc_t(INT options);
INT CDECL ber_printf(BerElement *ber, PSTR fmt, ...);
INT CDECL ber_flatten(BerElement *ber, struct berval **out);
void CDECL ber_free(BerElement *ber, INT free_buffer);
void CDECL ber_bvfree(struct berval *bv);

/* ber_printf's and ber_scanf's format walk: one call of `one` per
 * format character, stopping at the first that fails. */
typedef BOOL (*ber_format_fn)(BerElement *ber, char c, va_list *ap);
BOOL ber_walk_format(BerElement *ber, const char *fmt, va_list *ap, ber_format_fn one);

#endif
