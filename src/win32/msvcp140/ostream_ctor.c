/*
 * Constructing and destroying a basic_ostream<char> that the program
 * builds (an ostringstream's base, say).  A class with a virtual base
 * takes a hidden last argument: nonzero when it is the most derived
 * class, which then sets the vbtable pointer and builds basic_ios;
 * otherwise the most derived class has done both.  The ostream's own
 * destructor has nothing to do; the "vbase destructor" also ends the
 * basic_ios.
 */
#include "msvcp140/iostream.h"

struct ostream *__cdecl ostream_ctor(struct ostream *os, struct streambuf *sb, BOOLEAN isstd, int most_derived)
{
	struct basic_ios *ios;

	if (most_derived) {
		os->vbtable = ostream_c_vb;
		os->vtordisp = 0;
		ios_ctor(ostream_ios(os));
	}
	ios = ostream_ios(os);
	ios->base.vtbl = ostream_vftable;
	ios_init(ios, sb, isstd);
	return os;
}

void __cdecl ostream_dtor(struct ostream *os)
{
}

void __cdecl ostream_vbase_dtor(struct ostream *os)
{
	ios_dtor(&ostream_ios(os)->base);
}
