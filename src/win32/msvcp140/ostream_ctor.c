/*
 * Constructing and destroying a basic_ostream<char> that the program
 * builds (an ostringstream's base, say).  A class with a virtual base
 * takes a hidden last argument: nonzero when it is the most derived
 * class, which then sets the vbtable pointer and builds basic_ios;
 * otherwise the most derived class has done both.  The ostream's own
 * destructor has nothing to do; the "vbase destructor" also ends the
 * basic_ios.  basic_ostream<wchar_t> likewise.
 */
#include "msvcp140/iostream.h"

static struct ostream *construct(struct ostream *os, struct streambuf *sb, BOOLEAN isstd,
				 int most_derived, const int *vbtable, const void *const *vftable)
{
	struct basic_ios *ios;

	if (most_derived) {
		os->vbtable = vbtable;
		os->vtordisp = 0;
		ios_ctor(ostream_ios(os));
	}
	ios = ostream_ios(os);
	ios->base.vtbl = vftable;
	ios_init(ios, sb, isstd);
	return os;
}

struct ostream *__cdecl ostream_ctor(struct ostream *os, struct streambuf *sb, BOOLEAN isstd, int most_derived)
{
	return construct(os, sb, isstd, most_derived, ostream_c_vb, ostream_vftable);
}

/* basic_ostream<wchar_t>: the same object; ios_init's blank fill is the
 * wide blank (the byte after it is the wide fill's high half). */
struct ostream *__cdecl wostream_ctor(struct ostream *os, struct streambuf *sb, BOOLEAN isstd, int most_derived)
{
	construct(os, sb, isstd, most_derived, ostream_w_vb, wostream_vftable);
	*(WCHAR *)&ostream_ios(os)->fill = L' ';
	return os;
}

void __cdecl ostream_dtor(struct ostream *os)
{
}

void __cdecl ostream_vbase_dtor(struct ostream *os)
{
	ios_dtor(&ostream_ios(os)->base);
}
