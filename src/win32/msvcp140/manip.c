/*
 * The <iomanip> manipulators with an argument: each gives a _Smanip, the
 * function the inline operator<< and operator>> call on the stream's
 * ios_base with the argument.
 */
#include "msvcp140/iostream.h"

struct smanip_ll {          /* _Smanip<streamsize> */
	void (__cdecl *fn)(struct ios_base *, LONGLONG);
	LONGLONG arg;
};

struct smanip_int {         /* _Smanip<int> */
	void (__cdecl *fn)(struct ios_base *, int);
	int arg;
};

static void __cdecl set_width(struct ios_base *b, LONGLONG n) { b->wide = n; }
static void __cdecl set_precision(struct ios_base *b, LONGLONG n) { b->prec = n; }
static void __cdecl set_flags(struct ios_base *b, int f) { b->fmtfl |= f & FMT_MASK; }
static void __cdecl reset_flags(struct ios_base *b, int f) { b->fmtfl &= ~f; }

/* Bases other than 8, 10 and 16 clear the base field. */
static void __cdecl set_base(struct ios_base *b, int base)
{
	int field = base == 8 ? FMT_OCT : base == 10 ? FMT_DEC : base == 16 ? FMT_HEX : 0;

	b->fmtfl = (b->fmtfl & ~FMT_BASE) | field;
}

struct smanip_ll __cdecl msvcp_setw(LONGLONG n) { return (struct smanip_ll){ set_width, n }; }
struct smanip_ll __cdecl msvcp_setprecision(LONGLONG n) { return (struct smanip_ll){ set_precision, n }; }
struct smanip_int __cdecl msvcp_setiosflags(int f) { return (struct smanip_int){ set_flags, f }; }
struct smanip_int __cdecl msvcp_resetiosflags(int f) { return (struct smanip_int){ reset_flags, f }; }
struct smanip_int __cdecl msvcp_setbase(int base) { return (struct smanip_int){ set_base, base }; }
