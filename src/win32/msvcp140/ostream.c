/*
 * std::basic_ostream<char>: the members msvcp140 carries (the sentry's
 * work, put, write, flush, the inserters of numbers, pointers and
 * manipulators).  Numbers are formatted as num_put does: printf's
 * conversions chosen by the format flags, punctuated by the stream
 * locale's numpunct (its decimal point, its thousands separator between
 * the groups of digits after the sign and any 0x, its names of true and
 * false), then padded to the width with the fill character where the
 * adjustment says (internal: after the sign or 0x), and the width goes
 * back to 0.  basic_ostream<wchar_t> shares them: the same text, each
 * character widened as the "C" locale's ctype<wchar_t> does (its byte
 * value), and a wide fill.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/num_format.h"

int __cdecl uncaught_exceptions(void);

void __cdecl ostream_osfx(struct ostream *os)
{
	struct basic_ios *ios = ostream_ios(os);

	if (ios->base.state == IOS_GOOD && (ios->base.fmtfl & FMT_UNITBUF) &&
	    ios->strbuf->vtbl->sync(ios->strbuf) == -1)
		ios_setstate(ios, IOS_BAD, FALSE);
}

/* The sentry: lock the buffer, flush the tied stream; whether to go on. */
static BOOL begin(struct ostream *os)
{
	struct basic_ios *ios = ostream_ios(os);

	if (ios->strbuf)
		ios->strbuf->vtbl->lock(ios->strbuf);
	if (ios->base.state == IOS_GOOD && ios->tie && ios->tie != os)
		ostream_flush(ios->tie);
	return ios->base.state == IOS_GOOD;
}

static struct ostream *end(struct ostream *os, int state)
{
	struct basic_ios *ios = ostream_ios(os);

	if (state)
		ios_setstate(ios, state, FALSE);
	if (!uncaught_exceptions())
		ostream_osfx(os);
	if (ios->strbuf)
		ios->strbuf->vtbl->unlock(ios->strbuf);
	return os;
}

struct ostream *__cdecl ostream_flush(struct ostream *os)
{
	struct basic_ios *ios = ostream_ios(os);

	if (ios->strbuf && !(ios->base.state & (IOS_BAD | IOS_FAIL)) &&
	    ios->strbuf->vtbl->sync(ios->strbuf) == -1)
		ios_setstate(ios, IOS_BAD, FALSE);
	return os;
}

struct ostream *__cdecl ostream_put(struct ostream *os, char c)
{
	if (!begin(os))
		return end(os, IOS_BAD);
	return end(os, streambuf_sputc(ostream_ios(os)->strbuf, c) == CHAR_EOF ? IOS_BAD : 0);
}

struct ostream *__cdecl ostream_write(struct ostream *os, const char *s, LONGLONG n)
{
	if (!begin(os))
		return end(os, IOS_BAD);
	return end(os, streambuf_sputn(ostream_ios(os)->strbuf, s, n) != n ? IOS_BAD : 0);
}

/* The formatted text into the buffer: a narrow stream's characters are
 * the low bytes (char values, as numpunct<char> gave them). */
static BOOL put_text(struct streambuf *sb, BOOL wide, const WCHAR *text, int n)
{
	char narrow[NUMPUNCT_TEXT];

	if (wide)
		return wstreambuf_sputn(sb, text, n) == n;
	for (int i = 0; i < n && i < NUMPUNCT_TEXT; i++)
		narrow[i] = (char)text[i];
	return streambuf_sputn(sb, narrow, n) == n;
}

static BOOL put_fill(struct basic_ios *ios, BOOL wide)
{
	if (wide)
		return wstreambuf_sputc(ios->strbuf, ios_wfill(ios)) != WCHAR_EOF;
	return streambuf_sputc(ios->strbuf, ios->fill) != CHAR_EOF;
}

struct ostream *__cdecl wostream_put(struct ostream *os, WCHAR c)
{
	if (!begin(os))
		return end(os, IOS_BAD);
	return end(os, wstreambuf_sputc(ostream_ios(os)->strbuf, c) == WCHAR_EOF ? IOS_BAD : 0);
}

struct ostream *__cdecl wostream_write(struct ostream *os, const WCHAR *s, LONGLONG n)
{
	if (!begin(os))
		return end(os, IOS_BAD);
	return end(os, wstreambuf_sputn(ostream_ios(os)->strbuf, s, n) != n ? IOS_BAD : 0);
}

/* A number's text (num_format.c) padded to the width with the fill; the
 * width goes back to 0. */
static struct ostream *put_number(struct ostream *os, BOOL wide, const struct numtext *t)
{
	struct basic_ios *ios = ostream_ios(os);
	int before, state = 0;
	LONGLONG pad = numtext_padding(t, &ios->base, &before);

	if (!begin(os))
		return end(os, IOS_BAD);
	if (!put_text(ios->strbuf, wide, t->text, before))
		state = IOS_BAD;
	for (; pad > 0 && !state; pad--)
		if (!put_fill(ios, wide))
			state = IOS_BAD;
	if (!state && !put_text(ios->strbuf, wide, t->text + before, t->len - before))
		state = IOS_BAD;
	ios->base.wide = 0;
	return end(os, state);
}

/* A num_put of the program's own in the stream's locale writes the
 * number (under the sentry): its do_put of the slot, with the stream as
 * the ios_base and its fill; a failed iterator is badbit. */
static struct ostream *put_by_facet(struct ostream *os, BOOL wide, const struct facet *f, int slot,
				    union num_value v)
{
	struct basic_ios *ios = ostream_ios(os);
	WCHAR fill = wide ? ios_wfill(ios) : (unsigned char)ios->fill;

	if (!begin(os))
		return end(os, IOS_BAD);
	return end(os, num_put_call(f, slot, wide, ios->strbuf, &ios->base, fill, &v) ? IOS_BAD : 0);
}

/* short and int go to do_put(long) as unsigned bits in hex and octal. */
static BOOL base_unsigned(struct ostream *os)
{
	int base = ostream_ios(os)->base.fmtfl & FMT_BASE;

	return base == FMT_HEX || base == FMT_OCT;
}

/* The inserters of one value type, char and wchar_t: the program's
 * num_put (do_put of the slot, the value as the union's member), else
 * the text made by format (a numtext_ function) from the value and the
 * extra argument. */
#define INSERTER(name, W, type, slot, member, value, format, ...) \
	struct ostream *__cdecl name(struct ostream *os, type v) \
	{ \
		const struct facet *f = num_put_of_program(ostream_ios(os)->base.ploc, W); \
		struct numtext t; \
		if (f) \
			return put_by_facet(os, W, f, slot, (union num_value){ .member = (value) }); \
		format(&t, &ostream_ios(os)->base, W, v __VA_ARGS__); \
		return put_number(os, W, &t); \
	}
#define INSERTERS(kind, ...) \
	INSERTER(ostream_##kind, FALSE, __VA_ARGS__) \
	INSERTER(wostream_##kind, TRUE, __VA_ARGS__)

INSERTERS(short, short, NUM_PUT_SLOT_LONG, ll, (LONG)(base_unsigned(os) ? (unsigned short)v : v),
	  numtext_signed, , 0xFFFF)
INSERTERS(int, int, NUM_PUT_SLOT_LONG, ll, (LONG)v, numtext_signed, , 0xFFFFFFFF)
INSERTERS(int64, LONGLONG, NUM_PUT_SLOT_LL, ll, v, numtext_signed, , ~0ULL)
INSERTERS(ushort, unsigned short, NUM_PUT_SLOT_ULONG, ll, (ULONG)v, numtext_unsigned, , FALSE)
INSERTERS(uint, unsigned, NUM_PUT_SLOT_ULONG, ll, (ULONG)v, numtext_unsigned, , FALSE)
INSERTERS(uint64, ULONGLONG, NUM_PUT_SLOT_ULL, ll, (LONGLONG)v, numtext_unsigned, , FALSE)
INSERTERS(bool, BOOLEAN, NUM_PUT_SLOT_BOOL, ll, v, numtext_bool)
INSERTERS(double, double, NUM_PUT_SLOT_DOUBLE, d, v, numtext_double)
INSERTERS(float, float, NUM_PUT_SLOT_DOUBLE, d, v, numtext_double)

INSERTERS(pointer, const void *, NUM_PUT_SLOT_PTR, ll, (LONGLONG)(ULONG_PTR)v, numtext_pointer)
/* Copies the buffer's characters until its end; none copied is a failure. */
struct ostream *__cdecl ostream_streambuf(struct ostream *os, struct streambuf *from)
{
	struct basic_ios *ios = ostream_ios(os);
	LONGLONG copied = 0;
	int c;

	if (!from)
		return end(os, IOS_BAD);
	if (!begin(os))
		return end(os, IOS_BAD);
	while ((c = streambuf_sbumpc(from)) != CHAR_EOF) {
		if (streambuf_sputc(ios->strbuf, (char)c) == CHAR_EOF)
			break;
		copied++;
	}
	return end(os, copied ? 0 : IOS_FAIL);
}

/* The manipulator forms, basic_istream's too: the function given, on the
 * stream or on its basic_ios (the vbtable's second entry, for both). */
struct ostream *__cdecl ostream_manip(struct ostream *os, struct ostream *(__cdecl *fn)(struct ostream *))
{
	return fn(os);
}

struct ostream *__cdecl ostream_ios_manip(struct ostream *os, struct basic_ios *(__cdecl *fn)(struct basic_ios *))
{
	fn(ostream_ios(os));
	return os;
}

struct ostream *__cdecl ostream_base_manip(struct ostream *os, struct ios_base *(__cdecl *fn)(struct ios_base *))
{
	fn(&ostream_ios(os)->base);
	return os;
}

/* The buffer's position for output, unless the stream has failed. */
struct fpos *__cdecl ostream_tellp(struct ostream *os, struct fpos *ret)
{
	struct basic_ios *ios = ostream_ios(os);
	struct fpos *(__cdecl *seekoff)(struct streambuf *, struct fpos *, LONGLONG, int, int);

	if (ios->strbuf && !(ios->base.state & (IOS_BAD | IOS_FAIL))) {
		seekoff = (void *)ios->strbuf->vtbl->seekoff;
		return seekoff(ios->strbuf, ret, 0, 1 /* cur */, 2 /* out */);
	}
	ret->off = -1;
	ret->fpos = 0;
	ret->state[0] = ret->state[1] = 0;
	return ret;
}
