/*
 * basic_streambuf's members over its get and put areas, for char and for
 * the 16-bit characters (wchar_t, and unsigned short, which shares its
 * layout): the protected accessors (eback/gptr/egptr, pbase/pptr/epptr,
 * setg/setp, gbump/pbump, the _Gn.../_Pn... helpers, _Init) and the public
 * members built on them (in_avail, sgetn, sputbackc, sungetc, stossc,
 * pubsetbuf, pubseekoff/pubseekpos, swap).  Each area is reached through
 * the object's indirect pointers (_IGfirst, _IGnext, _IGcount...), as
 * MSVC's inline code does, so a buffer that pointed them elsewhere with
 * _Init is followed.  A count is what is left after the next pointer.
 */
#include "msvcp140/iostream.h"

typedef struct fpos *(__cdecl *seekoff_fn)(struct streambuf *, struct fpos *, LONGLONG, int, int);
typedef struct fpos *(__cdecl *seekpos_fn)(struct streambuf *, struct fpos *, const struct fpos *, int);

/* The members of one character width: CH the character, INT its int_type,
 * TO_INT the character as an int_type, EOFV the end-of-file value, P the
 * prefix of the C names (the spec names them). */
#define STREAMBUF_AREAS(P, CH, INT, TO_INT, EOFV)                                          \
	static CH **P##gfirst(const struct streambuf *sb) { return (CH **)sb->igfirst; }  \
	static CH **P##gnext(const struct streambuf *sb) { return (CH **)sb->ignext; }    \
	static CH **P##pfirst(const struct streambuf *sb) { return (CH **)sb->ipfirst; }  \
	static CH **P##pnext(const struct streambuf *sb) { return (CH **)sb->ipnext; }    \
	CH *__cdecl P##eback(const struct streambuf *sb) { return *P##gfirst(sb); }        \
	CH *__cdecl P##gptr(const struct streambuf *sb) { return *P##gnext(sb); }          \
	CH *__cdecl P##egptr(const struct streambuf *sb)                                   \
	{                                                                                  \
		return *P##gnext(sb) ? *P##gnext(sb) + *sb->igcount : NULL;                \
	}                                                                                  \
	CH *__cdecl P##pbase(const struct streambuf *sb) { return *P##pfirst(sb); }        \
	CH *__cdecl P##pptr(const struct streambuf *sb) { return *P##pnext(sb); }          \
	CH *__cdecl P##epptr(const struct streambuf *sb)                                   \
	{                                                                                  \
		return *P##pnext(sb) ? *P##pnext(sb) + *sb->ipcount : NULL;                \
	}                                                                                  \
	void __cdecl P##setg(struct streambuf *sb, CH *first, CH *next, CH *last)          \
	{                                                                                  \
		*P##gfirst(sb) = first;                                                    \
		*P##gnext(sb) = next;                                                      \
		*sb->igcount = (int)(last - next);                                         \
	}                                                                                  \
	void __cdecl P##setp3(struct streambuf *sb, CH *first, CH *next, CH *last)         \
	{                                                                                  \
		*P##pfirst(sb) = first;                                                    \
		*P##pnext(sb) = next;                                                      \
		*sb->ipcount = (int)(last - next);                                         \
	}                                                                                  \
	void __cdecl P##setp(struct streambuf *sb, CH *first, CH *last)                    \
	{                                                                                  \
		P##setp3(sb, first, first, last);                                          \
	}                                                                                  \
	void __cdecl P##gbump(struct streambuf *sb, int n)                                 \
	{                                                                                  \
		*sb->igcount -= n;                                                         \
		*P##gnext(sb) += n;                                                        \
	}                                                                                  \
	void __cdecl P##pbump(struct streambuf *sb, int n)                                 \
	{                                                                                  \
		*sb->ipcount -= n;                                                         \
		*P##pnext(sb) += n;                                                        \
	}                                                                                  \
	LONGLONG __cdecl P##_Gnavail(const struct streambuf *sb)                           \
	{                                                                                  \
		return *P##gnext(sb) ? *sb->igcount : 0;                                   \
	}                                                                                  \
	LONGLONG __cdecl P##_Pnavail(const struct streambuf *sb)                           \
	{                                                                                  \
		return *P##pnext(sb) ? *sb->ipcount : 0;                                   \
	}                                                                                  \
	CH *__cdecl P##_Gndec(struct streambuf *sb)                                        \
	{                                                                                  \
		++*sb->igcount;                                                            \
		return --*P##gnext(sb);                                                    \
	}                                                                                  \
	CH *__cdecl P##_Gninc(struct streambuf *sb)                                        \
	{                                                                                  \
		--*sb->igcount;                                                            \
		return (*P##gnext(sb))++;                                                  \
	}                                                                                  \
	CH *__cdecl P##_Gnpreinc(struct streambuf *sb)                                     \
	{                                                                                  \
		--*sb->igcount;                                                            \
		return ++*P##gnext(sb);                                                    \
	}                                                                                  \
	CH *__cdecl P##_Pninc(struct streambuf *sb)                                        \
	{                                                                                  \
		--*sb->ipcount;                                                            \
		return (*P##pnext(sb))++;                                                  \
	}                                                                                  \
	LONGLONG __cdecl P##in_avail(struct streambuf *sb)                                 \
	{                                                                                  \
		LONGLONG n = P##_Gnavail(sb);                                              \
		return n ? n : sb->vtbl->showmanyc(sb);                                    \
	}                                                                                  \
	LONGLONG __cdecl P##sgetn(struct streambuf *sb, CH *p, LONGLONG n)                 \
	{                                                                                  \
		return ((LONGLONG(__cdecl *)(struct streambuf *, CH *, LONGLONG))(void *)  \
				sb->vtbl->xsgetn)(sb, p, n);                               \
	}                                                                                  \
	static INT P##pbackfail(struct streambuf *sb, INT c)                               \
	{                                                                                  \
		return ((INT(__cdecl *)(struct streambuf *, INT))(void *)sb->vtbl->pbackfail)(sb, c); \
	}                                                                                  \
	/* a character put back must be the one before the next */                       \
	INT __cdecl P##sputbackc(struct streambuf *sb, CH c)                               \
	{                                                                                  \
		CH *next = *P##gnext(sb);                                                  \
		if (next && *P##gfirst(sb) < next && next[-1] == c)                        \
			return TO_INT(*P##_Gndec(sb));                                     \
		return P##pbackfail(sb, TO_INT(c));                                        \
	}                                                                                  \
	INT __cdecl P##sungetc(struct streambuf *sb)                                       \
	{                                                                                  \
		CH *next = *P##gnext(sb);                                                  \
		if (next && *P##gfirst(sb) < next)                                         \
			return TO_INT(*P##_Gndec(sb));                                     \
		return P##pbackfail(sb, EOFV);                                             \
	}                                                                                  \
	void __cdecl P##stossc(struct streambuf *sb)                                       \
	{                                                                                  \
		if (P##_Gnavail(sb) > 0)                                                   \
			P##_Gninc(sb);                                                     \
		else                                                                       \
			sb->vtbl->uflow(sb);                                               \
	}                                                                                  \
	struct streambuf *__cdecl P##pubsetbuf(struct streambuf *sb, CH *p, LONGLONG n)    \
	{                                                                                  \
		return sb->vtbl->setbuf(sb, (char *)p, n);                                 \
	}                                                                                  \
	/* swapped as MSVC does it: each area through the other's accessors */           \
	void __cdecl P##swap(struct streambuf *sb, struct streambuf *other)                \
	{                                                                                  \
		CH *g[3] = { P##eback(sb), P##gptr(sb), P##egptr(sb) };                    \
		CH *p[3] = { P##pbase(sb), P##pptr(sb), P##epptr(sb) };                    \
		struct locale *loc = sb->plocale;                                          \
		if (sb == other)                                                           \
			return;                                                            \
		P##setg(sb, P##eback(other), P##gptr(other), P##egptr(other));             \
		P##setp3(sb, P##pbase(other), P##pptr(other), P##epptr(other));            \
		P##setg(other, g[0], g[1], g[2]);                                          \
		P##setp3(other, p[0], p[1], p[2]);                                         \
		sb->plocale = other->plocale;                                              \
		other->plocale = loc;                                                      \
	}

#define CHAR_TO_INT(c) ((int)(unsigned char)(c))
#define WCHAR_TO_INT(c) ((unsigned short)(c))

STREAMBUF_AREAS(sb_, char, int, CHAR_TO_INT, CHAR_EOF)
STREAMBUF_AREAS(wsb_, WCHAR, unsigned short, WCHAR_TO_INT, WCHAR_EOF)

/* _Init(): the areas are the object's own, empty; the vtable stays. */
void __cdecl sb__Init(struct streambuf *sb)
{
	const struct streambuf_vtbl *vtbl = sb->vtbl;

	streambuf_init(sb, vtbl);
}

/* _Init(gfirst, gnext, gcount, pfirst, pnext, pcount): the areas are
 * elsewhere (the pointers' types do not matter: either width). */
void __cdecl sb__Init_at(struct streambuf *sb, char **gfirst, char **gnext, int *gcount,
			 char **pfirst, char **pnext, int *pcount)
{
	sb->igfirst = gfirst;
	sb->ignext = gnext;
	sb->igcount = gcount;
	sb->ipfirst = pfirst;
	sb->ipnext = pnext;
	sb->ipcount = pcount;
}

/* The seek members call the buffer's own virtual functions; the result
 * comes back through the pointer after `this`. */
struct fpos *__cdecl sb_pubseekoff(struct streambuf *sb, struct fpos *ret, LONGLONG off, int way,
				   int mode)
{
	return ((seekoff_fn)sb->vtbl->seekoff)(sb, ret, off, way, mode);
}

struct fpos *__cdecl sb_pubseekpos(struct streambuf *sb, struct fpos *ret, const struct fpos *pos,
				   int mode)
{
	return ((seekpos_fn)sb->vtbl->seekpos)(sb, ret, pos, mode);
}
