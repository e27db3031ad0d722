/*
 * basic_streambuf<wchar_t>'s inline put members as msvcp140 uses them
 * itself: the put area's pointers and count are in characters, and the
 * virtual functions take and give wint_t (unsigned short, WEOF 0xFFFF),
 * so their results are read as 16 bits.
 */
#include "msvcp140/iostream.h"

typedef unsigned short (__cdecl *woverflow_fn)(struct streambuf *, unsigned short);
typedef LONGLONG (__cdecl *wxsputn_fn)(struct streambuf *, const WCHAR *, LONGLONG);

unsigned short wstreambuf_sputc(struct streambuf *sb, WCHAR c)
{
	WCHAR **next = (WCHAR **)sb->ipnext;

	if (*next && *sb->ipcount > 0) {
		--*sb->ipcount;
		*(*next)++ = c;
		return c;
	}
	return ((woverflow_fn)(void *)sb->vtbl->overflow)(sb, c);
}

LONGLONG wstreambuf_sputn(struct streambuf *sb, const WCHAR *s, LONGLONG n)
{
	return ((wxsputn_fn)(void *)sb->vtbl->xsputn)(sb, s, n);
}

/* The get area likewise: a character, or WEOF from underflow/uflow. */
typedef unsigned short (__cdecl *wget_fn)(struct streambuf *);

static BOOL get_left(const struct streambuf *sb, int n)
{
	return *sb->ignext && *sb->igcount >= n;
}

unsigned short wstreambuf_sgetc(struct streambuf *sb)
{
	if (get_left(sb, 1))
		return **(WCHAR **)sb->ignext;
	return ((wget_fn)(void *)sb->vtbl->underflow)(sb);
}

unsigned short wstreambuf_sbumpc(struct streambuf *sb)
{
	WCHAR **next = (WCHAR **)sb->ignext;

	if (get_left(sb, 1)) {
		--*sb->igcount;
		return *(*next)++;
	}
	return ((wget_fn)(void *)sb->vtbl->uflow)(sb);
}

unsigned short wstreambuf_snextc(struct streambuf *sb)
{
	WCHAR **next = (WCHAR **)sb->ignext;

	if (get_left(sb, 2)) {
		--*sb->igcount;
		return *++(*next);
	}
	return wstreambuf_sbumpc(sb) == WCHAR_EOF ? WCHAR_EOF : wstreambuf_sgetc(sb);
}
