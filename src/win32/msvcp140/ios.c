/*
 * std::ios_base and std::basic_ios<char>: a stream's state, format and
 * buffer.  A state the exception mask selects would throw
 * ios_base::failure; that class is not here yet, so such a clear()
 * raises STATUS_NOT_IMPLEMENTED instead of returning as if it had worked.
 */
#include "msvcp140/iostream.h"

static void *__cdecl ios_vector_dtor(struct ios_base *ios, unsigned flags);

const void *const ios_vftable[] = {
	ios_vector_dtor,
};
const void *const ios_base_vftable[] = {
	ios_vector_dtor,
};
const void *const wios_vftable[] = {
	ios_vector_dtor,
};

void __cdecl ios_clear(struct basic_ios *ios, int state, BOOLEAN reraise)
{
	ios->base.state = state & IOS_STATMASK;
	if (ios->base.state & ios->base.except)
		RaiseException(0xC0000002 /* STATUS_NOT_IMPLEMENTED */, 0, 0, NULL);
}

void __cdecl ios_setstate(struct basic_ios *ios, int state, BOOLEAN reraise)
{
	ios_clear(ios, ios->base.state | state, reraise);
}

/* ios_base::_Init, then the buffer, no tie, a blank fill. */
void __cdecl ios_init(struct basic_ios *ios, struct streambuf *sb, BOOLEAN isstd)
{
	struct ios_base *b = &ios->base;

	b->stdstr = 0;
	b->except = IOS_GOOD;
	b->fmtfl = FMT_SKIPWS | FMT_DEC;
	b->prec = 6;
	b->wide = 0;
	b->arr = NULL;
	b->calls = NULL;
	b->state = IOS_GOOD;
	b->ploc = locale_new();
	ios->strbuf = sb;
	ios->tie = NULL;
	ios->fill = ' ';
	if (!sb)
		ios_setstate(ios, IOS_BAD, FALSE);
}

struct basic_ios *__cdecl ios_ctor(struct basic_ios *ios)
{
	ios->base.vtbl = ios_vftable;
	return ios;
}

struct basic_ios *__cdecl ios_ctor_sb(struct basic_ios *ios, struct streambuf *sb)
{
	ios->base.vtbl = ios_vftable;
	ios_init(ios, sb, FALSE);
	return ios;
}

/* basic_ios<wchar_t>: the same object, a wide blank for the fill. */
struct basic_ios *__cdecl wios_ctor(struct basic_ios *ios)
{
	ios->base.vtbl = wios_vftable;
	return ios;
}

struct basic_ios *__cdecl wios_ctor_sb(struct basic_ios *ios, struct streambuf *sb)
{
	ios_ctor_sb(ios, sb);
	ios->base.vtbl = wios_vftable;
	*(WCHAR *)&ios->fill = L' ';
	return ios;
}

void __cdecl ios_dtor(struct ios_base *ios)
{
	if (!ios->stdstr)
		locale_delete(ios->ploc);
	ios->ploc = NULL;
}

static void *__cdecl ios_vector_dtor(struct ios_base *ios, unsigned flags)
{
	ios_dtor(ios);
	if (flags & 1)
		HeapFree(GetProcessHeap(), 0, ios);
	return ios;
}

char __cdecl ios_widen(const struct basic_ios *ios, char c) { return c; }
char __cdecl ios_narrow(const struct basic_ios *ios, char c, char dflt) { return c; }
char __cdecl ios_get_fill(const struct basic_ios *ios) { return ios->fill; }

/* basic_ios<wchar_t> in the "C" locale: a byte widens to its value, a
 * character above 0xFF narrows to the default. */
WCHAR __cdecl wios_widen(const struct basic_ios *ios, char c) { return (unsigned char)c; }
char __cdecl wios_narrow(const struct basic_ios *ios, WCHAR c, char dflt) { return c <= 0xFF ? (char)c : dflt; }
WCHAR __cdecl wios_get_fill(const struct basic_ios *ios) { return ios_wfill(ios); }

WCHAR __cdecl wios_set_fill(struct basic_ios *ios, WCHAR c)
{
	WCHAR old = ios_wfill(ios);

	*(WCHAR *)&ios->fill = c;
	return old;
}
struct streambuf *__cdecl ios_get_rdbuf(const struct basic_ios *ios) { return ios->strbuf; }
void __cdecl ios_set_rdbuf(struct basic_ios *ios, struct streambuf *sb) { ios->strbuf = sb; }

char __cdecl ios_set_fill(struct basic_ios *ios, char c)
{
	char old = ios->fill;

	ios->fill = c;
	return old;
}

struct streambuf *__cdecl ios_rdbuf(struct basic_ios *ios, struct streambuf *sb)
{
	struct streambuf *old = ios->strbuf;

	ios->strbuf = sb;
	ios_clear(ios, sb ? IOS_GOOD : IOS_BAD, FALSE);
	return old;
}

struct ostream *__cdecl ios_tie(struct basic_ios *ios, struct ostream *os)
{
	struct ostream *old = ios->tie;

	ios->tie = os;
	return old;
}

/* Everything but the state and the buffer; the event callbacks and
 * iword/pword arrays are not copied. */
struct basic_ios *__cdecl ios_copyfmt(struct basic_ios *ios, const struct basic_ios *from)
{
	if (ios != from) {
		ios->base.fmtfl = from->base.fmtfl;
		ios->base.prec = from->base.prec;
		ios->base.wide = from->base.wide;
		ios->tie = from->tie;
		ios->fill = from->fill;
		ios->base.except = from->base.except;
		ios_clear(ios, ios->base.state, FALSE);
	}
	return ios;
}

struct locale *__cdecl ios_base_getloc(const struct ios_base *ios, struct locale *ret)
{
	return locale_copy(ret, ios->ploc ? ios->ploc : &classic_locale);
}

/* The stream's new locale; the old one is the result.  (The imbue_event
 * callbacks: register_callback is not here, so there are none.)  The
 * standard streams' locale object is static: theirs is replaced by one
 * of their own first. */
struct locale *__cdecl ios_base_imbue(struct ios_base *ios, struct locale *ret, const struct locale *loc)
{
	ios_base_getloc(ios, ret);
	if (!ios->ploc || ios->ploc == &classic_locale)
		ios->ploc = locale_new();
	if (ios->ploc)
		locale_assign(ios->ploc, loc);
	return ret;
}

struct locale *__cdecl streambuf_pubimbue(struct streambuf *sb, struct locale *ret, const struct locale *loc);

/* basic_ios::imbue: the stream's and its buffer's. */
struct locale *__cdecl ios_imbue(struct basic_ios *ios, struct locale *ret, const struct locale *loc)
{
	struct locale old;

	ios_base_imbue(&ios->base, ret, loc);
	if (ios->strbuf) {
		streambuf_pubimbue(ios->strbuf, &old, loc);
		locale_release(&old);
	}
	return ret;
}

/* The C++ names of the objects above. */
EXPORT_AS(ios_vftable, "??_7?$basic_ios@DU?$char_traits@D@std@@@std@@6B@");
EXPORT_AS(ios_base_vftable, "??_7ios_base@std@@6B@");
EXPORT_AS(wios_vftable, "??_7?$basic_ios@_WU?$char_traits@_W@std@@@std@@6B@");
