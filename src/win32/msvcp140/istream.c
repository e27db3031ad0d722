/*
 * std::basic_istream<char>: construction (as basic_ostream's, the hidden
 * most-derived flag last), the sentry's test (_Ipfx: flush the tied
 * stream, skip white space) and the unformatted input members.  The count
 * of the last unformatted input is gcount().  basic_istream<wchar_t>
 * shares them: the buffer read in wide characters (WEOF its end).
 */
#include "msvcp140/iostream.h"
#include "msvcp140/ucrt.h"

int __cdecl streambuf_sgetc(struct streambuf *sb);
int __cdecl streambuf_snextc(struct streambuf *sb);
int __cdecl streambuf_sbumpc(struct streambuf *sb);

static struct istream *construct(struct istream *is, struct streambuf *sb, BOOLEAN isstd, int most_derived,
				 const int *vbtable, const void *const *vftable)
{
	struct basic_ios *ios;

	if (most_derived) {
		is->vbtable = vbtable;
		is->vtordisp = 0;
		ios_ctor(istream_ios(is));
	}
	is->chcount = 0;
	ios = istream_ios(is);
	ios->base.vtbl = vftable;
	ios_init(ios, sb, isstd);
	return is;
}

struct istream *__cdecl istream_ctor(struct istream *is, struct streambuf *sb, BOOLEAN isstd, int most_derived)
{
	return construct(is, sb, isstd, most_derived, istream_c_vb, istream_vftable);
}

/* basic_istream<wchar_t>: the same, with a wide blank for the fill. */
struct istream *__cdecl wistream_ctor(struct istream *is, struct streambuf *sb, BOOLEAN isstd, int most_derived)
{
	construct(is, sb, isstd, most_derived, istream_w_vb, wistream_vftable);
	*(WCHAR *)&istream_ios(is)->fill = L' ';
	return is;
}

void __cdecl istream_dtor(struct istream *is)
{
}

void __cdecl istream_vbase_dtor(struct istream *is)
{
	ios_dtor(&istream_ios(is)->base);
}

/* One of the buffer's get members (sgetc, snextc, sbumpc) for either
 * width, CHAR_EOF at the end. */
static int in_call(struct streambuf *sb, BOOL wide, int (__cdecl *narrow)(struct streambuf *),
		   unsigned short (*widefn)(struct streambuf *))
{
	unsigned short c;

	if (!wide)
		return narrow(sb);
	c = widefn(sb);
	return c == WCHAR_EOF ? CHAR_EOF : c;
}

#define in_getc(sb, wide) in_call(sb, wide, streambuf_sgetc, wstreambuf_sgetc)
#define in_nextc(sb, wide) in_call(sb, wide, streambuf_snextc, wstreambuf_snextc)
#define in_bumpc(sb, wide) in_call(sb, wide, streambuf_sbumpc, wstreambuf_sbumpc)

int istream_in_getc(struct streambuf *sb, BOOL wide) { return in_getc(sb, wide); }
int istream_in_nextc(struct streambuf *sb, BOOL wide) { return in_nextc(sb, wide); }

/* White space of the "C" locale: the C runtime's iswspace for wchar_t. */
static BOOL is_space(int c, BOOL wide)
{
	static int (__cdecl *iswspace_)(unsigned short);

	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return TRUE;
	if (!wide || c < 0x80)
		return FALSE;
	if (!iswspace_)
		iswspace_ = msvcp_ucrt_proc("iswspace");
	return iswspace_ && iswspace_((unsigned short)c);
}

static BOOLEAN ipfx(struct istream *is, BOOLEAN noskip, BOOL wide)
{
	struct basic_ios *ios = istream_ios(is);
	int c;

	if (ios->base.state == IOS_GOOD) {
		if (ios->tie)
			ostream_flush(ios->tie);
		if (!noskip && (ios->base.fmtfl & FMT_SKIPWS)) {
			for (c = in_getc(ios->strbuf, wide); c != CHAR_EOF && is_space(c, wide);
			     c = in_nextc(ios->strbuf, wide))
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

BOOLEAN __cdecl istream_ipfx(struct istream *is, BOOLEAN noskip) { return ipfx(is, noskip, FALSE); }
BOOLEAN __cdecl wistream_ipfx(struct istream *is, BOOLEAN noskip) { return ipfx(is, noskip, TRUE); }

void __cdecl istream_isfx(struct istream *is)
{
}

LONGLONG __cdecl istream_gcount(const struct istream *is)
{
	return is->chcount;
}

/* The unformatted members' sentry: no white space skipped. */
static struct streambuf *begin(struct istream *is, BOOL wide)
{
	is->chcount = 0;
	return ipfx(is, TRUE, wide) ? istream_ios(is)->strbuf : NULL;
}

static int get(struct istream *is, BOOL wide)
{
	struct streambuf *sb = begin(is, wide);
	int c = sb ? in_bumpc(sb, wide) : CHAR_EOF;

	if (c == CHAR_EOF)
		ios_setstate(istream_ios(is), sb ? IOS_EOF | IOS_FAIL : IOS_FAIL, FALSE);
	else
		is->chcount = 1;
	return c;
}

int __cdecl istream_get(struct istream *is) { return get(is, FALSE); }

unsigned short __cdecl wistream_get(struct istream *is)
{
	int c = get(is, TRUE);

	return c == CHAR_EOF ? WCHAR_EOF : (unsigned short)c;
}

struct istream *__cdecl istream_get_char(struct istream *is, char *c)
{
	int got = get(is, FALSE);

	if (got != CHAR_EOF)
		*c = (char)got;
	return is;
}

struct istream *__cdecl wistream_get_char(struct istream *is, WCHAR *c)
{
	int got = get(is, TRUE);

	if (got != CHAR_EOF)
		*c = (WCHAR)got;
	return is;
}

static int peek(struct istream *is, BOOL wide)
{
	struct streambuf *sb = begin(is, wide);
	int c = sb ? in_getc(sb, wide) : CHAR_EOF;

	if (sb && c == CHAR_EOF)
		ios_setstate(istream_ios(is), IOS_EOF, FALSE);
	return c;
}

int __cdecl istream_peek(struct istream *is) { return peek(is, FALSE); }

unsigned short __cdecl wistream_peek(struct istream *is)
{
	int c = peek(is, TRUE);

	return c == CHAR_EOF ? WCHAR_EOF : (unsigned short)c;
}

/* n characters of either width through the buffer's xsgetn. */
static struct istream *read_n(struct istream *is, void *s, LONGLONG n, BOOL wide)
{
	struct streambuf *sb = begin(is, wide);
	LONGLONG (__cdecl *xsgetn)(struct streambuf *, void *, LONGLONG);

	if (sb) {
		xsgetn = (void *)sb->vtbl->xsgetn;
		is->chcount = xsgetn(sb, s, n);
		if (is->chcount != n)
			ios_setstate(istream_ios(is), IOS_EOF | IOS_FAIL, FALSE);
	}
	return is;
}

struct istream *__cdecl istream_read(struct istream *is, char *s, LONGLONG n) { return read_n(is, s, n, FALSE); }
struct istream *__cdecl wistream_read(struct istream *is, WCHAR *s, LONGLONG n) { return read_n(is, s, n, TRUE); }

/* Up to n - 1 characters until delim, which is taken and not stored; a
 * full buffer before delim, or nothing taken, is a failure. */
static struct istream *getline_delim(struct istream *is, void *s, LONGLONG n, int delim, BOOL wide)
{
	struct streambuf *sb = begin(is, wide);
	LONGLONG stored = 0;
	int state = 0, c;

	if (!sb || n <= 0)
		return is;
	for (c = in_getc(sb, wide);; c = in_nextc(sb, wide)) {
		if (c == CHAR_EOF) {
			state = IOS_EOF;
			break;
		}
		if (c == delim) {
			in_bumpc(sb, wide);
			is->chcount++;
			break;
		}
		if (stored >= n - 1) {
			state = IOS_FAIL;
			break;
		}
		if (wide)
			((WCHAR *)s)[stored++] = (WCHAR)c;
		else
			((char *)s)[stored++] = (char)c;
		is->chcount++;
	}
	if (wide)
		((WCHAR *)s)[stored] = 0;
	else
		((char *)s)[stored] = 0;
	if (!is->chcount)
		state |= IOS_FAIL;
	if (state)
		ios_setstate(istream_ios(is), state, FALSE);
	return is;
}

struct istream *__cdecl istream_getline_delim(struct istream *is, char *s, LONGLONG n, char delim)
{
	return getline_delim(is, s, n, (unsigned char)delim, FALSE);
}

struct istream *__cdecl istream_getline(struct istream *is, char *s, LONGLONG n)
{
	return getline_delim(is, s, n, '\n', FALSE);
}

struct istream *__cdecl wistream_getline_delim(struct istream *is, WCHAR *s, LONGLONG n, WCHAR delim)
{
	return getline_delim(is, s, n, delim, TRUE);
}

struct istream *__cdecl wistream_getline(struct istream *is, WCHAR *s, LONGLONG n)
{
	return getline_delim(is, s, n, L'\n', TRUE);
}
