/*
 * Constructing and destroying a basic_iostream (what a stringstream or an
 * fstream is built on): its basic_istream part, then its basic_ostream
 * part, one basic_ios after both.  As with the single streams, the hidden
 * last argument says whether it is the most derived class, which then
 * sets both vbtable pointers and builds basic_ios; the stream is ready
 * with the buffer as basic_istream's constructor leaves it.
 */
#include <stddef.h>
#include "msvcp140/iostream.h"

struct iostream {
	const int *in_vbtable;
	LONGLONG chcount;
	const int *out_vbtable;
	int pad;
	int vtordisp;
	struct basic_ios ios;
};
_Static_assert(offsetof(struct iostream, ios) == 0x20, "basic_iostream's basic_ios is at 0x20");

static struct basic_ios *iostream_ios(struct iostream *s)
{
	return (struct basic_ios *)((char *)s + s->in_vbtable[1]);
}

static struct iostream *construct(struct iostream *s, struct streambuf *sb, int most_derived, BOOL wide)
{
	struct basic_ios *ios;

	if (most_derived) {
		s->in_vbtable = wide ? iostream_w_in_vb : iostream_c_in_vb;
		s->out_vbtable = wide ? iostream_w_out_vb : iostream_c_out_vb;
		s->vtordisp = 0;
		ios_ctor(iostream_ios(s));
	}
	s->chcount = 0;
	ios = iostream_ios(s);
	ios->base.vtbl = wide ? wiostream_vftable : iostream_vftable;
	ios_init(ios, sb, FALSE);
	if (wide)
		*(WCHAR *)&ios->fill = L' ';
	return s;
}

struct iostream *__cdecl iostream_ctor(struct iostream *s, struct streambuf *sb, int most_derived)
{
	return construct(s, sb, most_derived, FALSE);
}

struct iostream *__cdecl wiostream_ctor(struct iostream *s, struct streambuf *sb, int most_derived)
{
	return construct(s, sb, most_derived, TRUE);
}

void __cdecl iostream_dtor(struct iostream *s)
{
}

/* The "vbase destructor": the basic_ios too. */
void __cdecl iostream_vbase_dtor(struct iostream *s)
{
	ios_dtor(&iostream_ios(s)->base);
}
