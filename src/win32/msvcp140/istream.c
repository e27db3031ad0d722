/*
 * std::basic_istream<char>: construction (as basic_ostream's, the hidden
 * most-derived flag last), the sentry's test (_Ipfx: flush the tied
 * stream, skip white space) and the unformatted input members.  The count
 * of the last unformatted input is gcount().
 */
#include "msvcp140/iostream.h"

int __cdecl streambuf_sgetc(struct streambuf *sb);
int __cdecl streambuf_snextc(struct streambuf *sb);

struct istream *__cdecl istream_ctor(struct istream *is, struct streambuf *sb, BOOLEAN isstd, int most_derived)
{
	struct basic_ios *ios;

	if (most_derived) {
		is->vbtable = istream_c_vb;
		is->vtordisp = 0;
		ios_ctor(istream_ios(is));
	}
	is->chcount = 0;
	ios = istream_ios(is);
	ios->base.vtbl = istream_vftable;
	ios_init(ios, sb, isstd);
	return is;
}

void __cdecl istream_dtor(struct istream *is)
{
}

void __cdecl istream_vbase_dtor(struct istream *is)
{
	ios_dtor(&istream_ios(is)->base);
}

static BOOL is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

BOOLEAN __cdecl istream_ipfx(struct istream *is, BOOLEAN noskip)
{
	struct basic_ios *ios = istream_ios(is);
	int c;

	if (ios->base.state == IOS_GOOD) {
		if (ios->tie)
			ostream_flush(ios->tie);
		if (!noskip && (ios->base.fmtfl & FMT_SKIPWS)) {
			for (c = streambuf_sgetc(ios->strbuf); c != CHAR_EOF && is_space(c);
			     c = streambuf_snextc(ios->strbuf))
				;
			if (c == CHAR_EOF)
				ios_setstate(ios, IOS_EOF, FALSE);
		}
		if (ios->base.state == IOS_GOOD)
			return TRUE;
	}
	ios_setstate(ios, IOS_FAIL, FALSE);
	return FALSE;
}

void __cdecl istream_isfx(struct istream *is)
{
}

LONGLONG __cdecl istream_gcount(const struct istream *is)
{
	return is->chcount;
}

/* The unformatted members' sentry: no white space skipped. */
static struct streambuf *begin(struct istream *is)
{
	is->chcount = 0;
	return istream_ipfx(is, TRUE) ? istream_ios(is)->strbuf : NULL;
}

int __cdecl istream_get(struct istream *is)
{
	struct streambuf *sb = begin(is);
	int c = sb ? streambuf_sbumpc(sb) : CHAR_EOF;

	if (c == CHAR_EOF)
		ios_setstate(istream_ios(is), sb ? IOS_EOF | IOS_FAIL : IOS_FAIL, FALSE);
	else
		is->chcount = 1;
	return c;
}

struct istream *__cdecl istream_get_char(struct istream *is, char *c)
{
	int got = istream_get(is);

	if (got != CHAR_EOF)
		*c = (char)got;
	return is;
}

int __cdecl istream_peek(struct istream *is)
{
	struct streambuf *sb = begin(is);
	int c = sb ? streambuf_sgetc(sb) : CHAR_EOF;

	if (sb && c == CHAR_EOF)
		ios_setstate(istream_ios(is), IOS_EOF, FALSE);
	return c;
}

struct istream *__cdecl istream_read(struct istream *is, char *s, LONGLONG n)
{
	struct streambuf *sb = begin(is);

	if (sb) {
		is->chcount = sb->vtbl->xsgetn(sb, s, n);
		if (is->chcount != n)
			ios_setstate(istream_ios(is), IOS_EOF | IOS_FAIL, FALSE);
	}
	return is;
}

/* Up to n - 1 characters until delim, which is taken and not stored; a
 * full buffer before delim, or nothing taken, is a failure. */
struct istream *__cdecl istream_getline_delim(struct istream *is, char *s, LONGLONG n, char delim)
{
	struct streambuf *sb = begin(is);
	LONGLONG stored = 0;
	int state = 0, c;

	if (!sb || n <= 0)
		return is;
	for (c = streambuf_sgetc(sb);; c = streambuf_snextc(sb)) {
		if (c == CHAR_EOF) {
			state = IOS_EOF;
			break;
		}
		if ((char)c == delim) {
			streambuf_sbumpc(sb);
			is->chcount++;
			break;
		}
		if (stored >= n - 1) {
			state = IOS_FAIL;
			break;
		}
		s[stored++] = (char)c;
		is->chcount++;
	}
	s[stored] = 0;
	if (!is->chcount)
		state |= IOS_FAIL;
	if (state)
		ios_setstate(istream_ios(is), state, FALSE);
	return is;
}

struct istream *__cdecl istream_getline(struct istream *is, char *s, LONGLONG n)
{
	return istream_getline_delim(is, s, n, '\n');
}
