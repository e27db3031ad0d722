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
#include "msvcp140/numpunct.h"

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

/* Writes text padded to the width; pad_at is where internal padding goes
 * (after a sign or a base prefix). */
static struct ostream *put_field(struct ostream *os, BOOL wide, const WCHAR *text, int len, int pad_at)
{
	struct basic_ios *ios = ostream_ios(os);
	LONGLONG pad = ios->base.wide > len ? ios->base.wide - len : 0;
	int adjust = ios->base.fmtfl & FMT_ADJUST, state = 0;
	int before = adjust == FMT_LEFT ? len : adjust == FMT_INTERNAL ? pad_at : 0;

	if (!begin(os))
		return end(os, IOS_BAD);
	if (!put_text(ios->strbuf, wide, text, before))
		state = IOS_BAD;
	for (; pad > 0 && !state; pad--)
		if (!put_fill(ios, wide))
			state = IOS_BAD;
	if (!state && !put_text(ios->strbuf, wide, text + before, len - before))
		state = IOS_BAD;
	ios->base.wide = 0;
	return end(os, state);
}

/* printf's text of a number, punctuated by the stream's numpunct: the
 * ndigits digits at digits_at grouped; internal padding after them. */
static struct ostream *put_number(struct ostream *os, BOOL wide, const char *text, int len, int digits_at,
				  int ndigits)
{
	struct numpunct_values punct;
	WCHAR out[NUMPUNCT_TEXT];

	numpunct_read(ostream_ios(os)->base.ploc, wide, &punct);
	len = numpunct_apply(&punct, text, len, digits_at, ndigits, out, NUMPUNCT_TEXT);
	return put_field(os, wide, out, len, digits_at);
}

/* value is the magnitude in decimal, the bits of the type otherwise; an
 * octal base's 0 is a digit, grouped with the others. */
static struct ostream *put_integer(struct ostream *os, BOOL wide, ULONGLONG value, BOOL negative)
{
	int fl = ostream_ios(os)->base.fmtfl, base = fl & FMT_BASE;
	char buf[40];
	int len, prefix = 0;
	const char *conv = base == FMT_HEX ? (fl & FMT_UPPERCASE ? "X" : "x") : base == FMT_OCT ? "o" : "u";

	if (base == FMT_HEX || base == FMT_OCT)
		negative = FALSE;
	if (negative || ((fl & FMT_SHOWPOS) && base != FMT_HEX && base != FMT_OCT))
		buf[prefix++] = negative ? '-' : '+';
	if ((fl & FMT_SHOWBASE) && base == FMT_HEX && value) {
		buf[prefix++] = '0';
		buf[prefix++] = fl & FMT_UPPERCASE ? 'X' : 'x';
	}
	len = prefix + msvcp_format(buf + prefix, sizeof(buf) - prefix, (fl & FMT_SHOWBASE) && base == FMT_OCT &&
				 value ? "0%llo" : conv[0] == 'u' ? "%llu" : conv[0] == 'o' ? "%llo" :
				 conv[0] == 'x' ? "%llx" : "%llX", value);
	return put_number(os, wide, buf, len, prefix, len - prefix);
}

static struct ostream *put_signed(struct ostream *os, BOOL wide, LONGLONG v, ULONGLONG bits)
{
	int base = ostream_ios(os)->base.fmtfl & FMT_BASE;

	if (base == FMT_HEX || base == FMT_OCT)
		return put_integer(os, wide, (ULONGLONG)v & bits, FALSE);
	return put_integer(os, wide, v < 0 ? 0 - (ULONGLONG)v : (ULONGLONG)v, v < 0);
}

struct ostream *__cdecl ostream_short(struct ostream *os, short v) { return put_signed(os, FALSE, v, 0xFFFF); }
struct ostream *__cdecl ostream_int(struct ostream *os, int v) { return put_signed(os, FALSE, v, 0xFFFFFFFF); }
struct ostream *__cdecl ostream_int64(struct ostream *os, LONGLONG v) { return put_signed(os, FALSE, v, ~0ULL); }
struct ostream *__cdecl ostream_ushort(struct ostream *os, unsigned short v) { return put_integer(os, FALSE, v, FALSE); }
struct ostream *__cdecl ostream_uint(struct ostream *os, unsigned v) { return put_integer(os, FALSE, v, FALSE); }
struct ostream *__cdecl ostream_uint64(struct ostream *os, ULONGLONG v) { return put_integer(os, FALSE, v, FALSE); }
struct ostream *__cdecl wostream_short(struct ostream *os, short v) { return put_signed(os, TRUE, v, 0xFFFF); }
struct ostream *__cdecl wostream_int(struct ostream *os, int v) { return put_signed(os, TRUE, v, 0xFFFFFFFF); }
struct ostream *__cdecl wostream_int64(struct ostream *os, LONGLONG v) { return put_signed(os, TRUE, v, ~0ULL); }
struct ostream *__cdecl wostream_ushort(struct ostream *os, unsigned short v) { return put_integer(os, TRUE, v, FALSE); }
struct ostream *__cdecl wostream_uint(struct ostream *os, unsigned v) { return put_integer(os, TRUE, v, FALSE); }
struct ostream *__cdecl wostream_uint64(struct ostream *os, ULONGLONG v) { return put_integer(os, TRUE, v, FALSE); }

static struct ostream *put_bool(struct ostream *os, BOOL wide, BOOLEAN v)
{
	struct numpunct_values punct;

	if (!(ostream_ios(os)->base.fmtfl & FMT_BOOLALPHA))
		return put_integer(os, wide, v != 0, FALSE);
	numpunct_read(ostream_ios(os)->base.ploc, wide, &punct);
	return put_field(os, wide, punct.names[v != 0], punct.namelen[v != 0], 0);
}

struct ostream *__cdecl ostream_bool(struct ostream *os, BOOLEAN v) { return put_bool(os, FALSE, v); }
struct ostream *__cdecl wostream_bool(struct ostream *os, BOOLEAN v) { return put_bool(os, TRUE, v); }

static struct ostream *put_double(struct ostream *os, BOOL wide, double v)
{
	struct basic_ios *ios = ostream_ios(os);
	int fl = ios->base.fmtfl, ff = fl & FMT_FLOAT, up = fl & FMT_UPPERCASE, len, n = 0, sign, digits_at, ndigits;
	LONGLONG prec = ios->base.prec <= 0 && ff != FMT_FIXED ? 6 : ios->base.prec;
	char fmt[16], buf[512];

	fmt[n++] = '%';
	if (fl & FMT_SHOWPOS)
		fmt[n++] = '+';
	if (fl & FMT_SHOWPOINT)
		fmt[n++] = '#';
	if (ff != (FMT_FIXED | FMT_SCIENTIFIC)) {
		fmt[n++] = '.';
		fmt[n++] = '*';
	}
	fmt[n++] = ff == FMT_FIXED ? 'f' : ff == FMT_SCIENTIFIC ? (up ? 'E' : 'e') :
		   ff ? (up ? 'A' : 'a') : (up ? 'G' : 'g');
	fmt[n] = 0;
	if (prec > 100)
		prec = 100;
	len = ff == (FMT_FIXED | FMT_SCIENTIFIC) ? msvcp_format(buf, sizeof(buf), fmt, v)
						  : msvcp_format(buf, sizeof(buf), fmt, (int)prec, v);
	if (len < 0 || len >= (int)sizeof(buf))
		len = 0;
	sign = len && (buf[0] == '-' || buf[0] == '+');
	digits_at = sign + (len > sign + 1 && buf[sign] == '0' && (buf[sign + 1] | 0x20) == 'x' ? 2 : 0);
	for (ndigits = 0; digits_at + ndigits < len; ndigits++)
		if (buf[digits_at + ndigits] < '0' || buf[digits_at + ndigits] > '9')
			break;
	return put_number(os, wide, buf, len, digits_at, ndigits);
}

struct ostream *__cdecl ostream_double(struct ostream *os, double v) { return put_double(os, FALSE, v); }
struct ostream *__cdecl ostream_float(struct ostream *os, float v) { return put_double(os, FALSE, v); }
struct ostream *__cdecl wostream_double(struct ostream *os, double v) { return put_double(os, TRUE, v); }
struct ostream *__cdecl wostream_float(struct ostream *os, float v) { return put_double(os, TRUE, v); }

static struct ostream *put_pointer(struct ostream *os, BOOL wide, const void *p)
{
	char buf[24];
	WCHAR text[24];
	int len = msvcp_format(buf, sizeof(buf), "%p", p);

	for (int i = 0; i < len; i++)
		text[i] = (unsigned char)buf[i];
	return put_field(os, wide, text, len, 0);
}

struct ostream *__cdecl ostream_pointer(struct ostream *os, const void *p) { return put_pointer(os, FALSE, p); }
struct ostream *__cdecl wostream_pointer(struct ostream *os, const void *p) { return put_pointer(os, TRUE, p); }

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
