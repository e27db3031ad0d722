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
