/*
 * basic_streambuf<wchar_t>: its inline members as msvcp140 uses them
 * itself, and the base class (constructor, destructor, vtable, default
 * virtual functions) that programs' own wide buffers (a wstringbuf's)
 * build on.  The areas' pointers and counts are in characters, and the
 * virtual functions take and give wint_t (unsigned short, WEOF 0xFFFF),
 * so their results are read as 16 bits.
 */
#include "msvcp140/iostream.h"

int __cdecl streambuf_sync(struct streambuf *sb);

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

/* The base class has no areas of its own: no character, WEOF. */
unsigned short __cdecl wdefault_eof(struct streambuf *sb) { return WCHAR_EOF; }
unsigned short __cdecl wdefault_eof_c(struct streambuf *sb, unsigned short c) { return WCHAR_EOF; }

unsigned short __cdecl wstreambuf_uflow(struct streambuf *sb)
{
	if (((wget_fn)(void *)sb->vtbl->underflow)(sb) == WCHAR_EOF)
		return WCHAR_EOF;
	return wstreambuf_sbumpc(sb);
}

/* Copies through the area while it has room, one character through
 * overflow/uflow when it has none. */
LONGLONG __cdecl wstreambuf_xsputn(struct streambuf *sb, const WCHAR *p, LONGLONG n)
{
	LONGLONG done = 0;

	while (done < n && wstreambuf_sputc(sb, p[done]) != WCHAR_EOF)
		done++;
	return done;
}

LONGLONG __cdecl wstreambuf_xsgetn(struct streambuf *sb, WCHAR *p, LONGLONG n)
{
	LONGLONG done = 0;
	unsigned short c;

	while (done < n && (c = wstreambuf_sbumpc(sb)) != WCHAR_EOF)
		p[done++] = c;
	return done;
}

#define SLOT(fn) ((void *)(fn))
const struct streambuf_vtbl wstreambuf_vftable = {
	streambuf_vector_dtor, streambuf_nolock, streambuf_nolock, SLOT(wdefault_eof_c),
	SLOT(wdefault_eof_c), streambuf_showmanyc, SLOT(wdefault_eof), SLOT(wstreambuf_uflow),
	SLOT(wstreambuf_xsgetn), SLOT(wstreambuf_xsputn), SLOT(streambuf_seekoff),
	SLOT(streambuf_seekpos), streambuf_setbuf, streambuf_sync, streambuf_imbue,
};

struct streambuf *__cdecl wstreambuf_ctor(struct streambuf *sb)
{
	sb->plocale = locale_new();
	streambuf_init(sb, &wstreambuf_vftable);
	return sb;
}

/* The public non-virtual members. */
unsigned short __cdecl wstreambuf_sputc_export(struct streambuf *sb, WCHAR c) { return wstreambuf_sputc(sb, c); }
LONGLONG __cdecl wstreambuf_sputn_export(struct streambuf *sb, const WCHAR *s, LONGLONG n) { return wstreambuf_sputn(sb, s, n); }

EXPORT_AS(wstreambuf_vftable, "??_7?$basic_streambuf@_WU?$char_traits@_W@std@@@std@@6B@");
