/*
 * The text num_put writes for a number (num_format.c): printf's
 * conversion chosen by the format flags, punctuated by the stream
 * locale's numpunct, before the padding to the width.  The inserters
 * (ostream.c) and num_put's do_put (num_put.c) both write it.
 */
#ifndef LSW_MSVCP140_NUM_FORMAT_H
#define LSW_MSVCP140_NUM_FORMAT_H

#include "msvcp140/iostream.h"
#include "msvcp140/numpunct.h"

struct numtext {
	WCHAR text[NUMPUNCT_TEXT];
	int len;
	int pad_at;     /* where internal padding goes: after the sign or 0x */
};

/* value is the magnitude in decimal, the bits of the type otherwise */
void numtext_unsigned(struct numtext *t, const struct ios_base *b, BOOL wide, ULONGLONG value, BOOL negative);
/* bits: the type's mask, for hex and octal */
void numtext_signed(struct numtext *t, const struct ios_base *b, BOOL wide, LONGLONG value, ULONGLONG bits);
void numtext_bool(struct numtext *t, const struct ios_base *b, BOOL wide, BOOLEAN value);
void numtext_double(struct numtext *t, const struct ios_base *b, BOOL wide, double value);
void numtext_pointer(struct numtext *t, const struct ios_base *b, BOOL wide, const void *p);

/* How the width pads it: the characters before the fill (all of them
 * when left-adjusted), and the count of fill characters. */
LONGLONG numtext_padding(const struct numtext *t, const struct ios_base *b, int *before);

/* num_put.c: a num_put of the program's in the stream's locale, and a
 * call of its do_put (the vtable's slots, the value as the slot's type:
 * long, unsigned long, long long... in ll, double in d). */
enum { NUM_PUT_SLOT_PTR = 3, NUM_PUT_SLOT_LDOUBLE, NUM_PUT_SLOT_DOUBLE, NUM_PUT_SLOT_ULL, NUM_PUT_SLOT_LL,
       NUM_PUT_SLOT_ULONG, NUM_PUT_SLOT_LONG, NUM_PUT_SLOT_BOOL };
union num_value {
	LONGLONG ll;
	double d;
};
struct facet;
const struct facet *num_put_of_program(const struct locale *loc, BOOL wide);
BOOL num_put_call(const struct facet *f, int slot, BOOL wide, struct streambuf *sb, struct ios_base *b,
		  WCHAR fill, const union num_value *v);

#endif
