/*
 * std::basic_streambuf<char>: the base class of every stream buffer, with
 * its default virtual functions (which programs' own buffers inherit and
 * call).
 */
#include "msvcp140/iostream.h"

static LONGLONG put_avail(const struct streambuf *sb)
{
	return *sb->ipnext ? *sb->ipcount : 0;
}

static LONGLONG get_avail(const struct streambuf *sb)
{
	return *sb->ignext ? *sb->igcount : 0;
}

void streambuf_init(struct streambuf *sb, const struct streambuf_vtbl *vtbl)
{
	sb->vtbl = vtbl;
	sb->igfirst = &sb->gfirst;
	sb->ipfirst = &sb->pfirst;
	sb->ignext = &sb->gnext;
	sb->ipnext = &sb->pnext;
	sb->igcount = &sb->gcount;
	sb->ipcount = &sb->pcount;
	sb->gfirst = sb->pfirst = sb->gnext = sb->pnext = NULL;
	sb->gcount = sb->pcount = 0;
}

int streambuf_sputc(struct streambuf *sb, char c)
{
	if (put_avail(sb) > 0) {
		--*sb->ipcount;
		*(*sb->ipnext)++ = c;
		return (unsigned char)c;
	}
	return sb->vtbl->overflow(sb, (unsigned char)c);
}

LONGLONG streambuf_sputn(struct streambuf *sb, const char *s, LONGLONG n)
{
	return sb->vtbl->xsputn(sb, s, n);
}

struct streambuf *__cdecl streambuf_ctor(struct streambuf *sb)
{
	sb->plocale = locale_new();
	streambuf_init(sb, &streambuf_vftable);
	return sb;
}

void __cdecl streambuf_dtor(struct streambuf *sb)
{
	locale_delete(sb->plocale);
}

void *__cdecl streambuf_vector_dtor(struct streambuf *sb, unsigned flags)
{
	streambuf_dtor(sb);
	if (flags & 1)
		HeapFree(GetProcessHeap(), 0, sb);
	return sb;
}

void __cdecl streambuf_nolock(struct streambuf *sb) { }
int __cdecl streambuf_overflow(struct streambuf *sb, int c) { return CHAR_EOF; }
int __cdecl streambuf_pbackfail(struct streambuf *sb, int c) { return CHAR_EOF; }
LONGLONG __cdecl streambuf_showmanyc(struct streambuf *sb) { return 0; }
int __cdecl streambuf_underflow(struct streambuf *sb) { return CHAR_EOF; }
struct streambuf *__cdecl streambuf_setbuf(struct streambuf *sb, char *b, LONGLONG n) { return sb; }
int __cdecl streambuf_sync(struct streambuf *sb) { return 0; }
void __cdecl streambuf_imbue(struct streambuf *sb, const struct locale *l) { }

int __cdecl streambuf_uflow(struct streambuf *sb)
{
	if (sb->vtbl->underflow(sb) == CHAR_EOF)
		return CHAR_EOF;
	--*sb->igcount;
	return (unsigned char)*(*sb->ignext)++;
}

LONGLONG __cdecl streambuf_xsgetn(struct streambuf *sb, char *p, LONGLONG n)
{
	LONGLONG done = 0;

	while (done < n) {
		LONGLONG avail = get_avail(sb);
		int c;

		if (avail > 0) {
			if (avail > n - done)
				avail = n - done;
			memcpy(p + done, *sb->ignext, avail);
			*sb->ignext += avail;
			*sb->igcount -= (int)avail;
			done += avail;
		} else if ((c = sb->vtbl->uflow(sb)) != CHAR_EOF) {
			p[done++] = (char)c;
		} else {
			break;
		}
	}
	return done;
}

LONGLONG __cdecl streambuf_xsputn(struct streambuf *sb, const char *p, LONGLONG n)
{
	LONGLONG done = 0;

	while (done < n) {
		LONGLONG avail = put_avail(sb);

		if (avail > 0) {
			if (avail > n - done)
				avail = n - done;
			memcpy(*sb->ipnext, p + done, avail);
			*sb->ipnext += avail;
			*sb->ipcount -= (int)avail;
			done += avail;
		} else if (sb->vtbl->overflow(sb, (unsigned char)p[done]) != CHAR_EOF) {
			done++;
		} else {
			break;
		}
	}
	return done;
}

struct fpos *__cdecl streambuf_seekoff(struct streambuf *sb, struct fpos *ret, LONGLONG off, int way, int mode)
{
	ret->off = -1;
	ret->fpos = 0;
	ret->state[0] = ret->state[1] = 0;
	return ret;
}

struct fpos *__cdecl streambuf_seekpos(struct streambuf *sb, struct fpos *ret, const struct fpos *pos, int mode)
{
	return streambuf_seekoff(sb, ret, 0, 0, mode);
}

const struct streambuf_vtbl streambuf_vftable = {
	streambuf_vector_dtor, streambuf_nolock, streambuf_nolock, streambuf_overflow,
	streambuf_pbackfail, streambuf_showmanyc, streambuf_underflow, streambuf_uflow,
	streambuf_xsgetn, streambuf_xsputn, streambuf_seekoff, streambuf_seekpos,
	streambuf_setbuf, streambuf_sync, streambuf_imbue,
};

/* The public non-virtual members. */
int __cdecl streambuf_sputc_export(struct streambuf *sb, char c) { return streambuf_sputc(sb, c); }
LONGLONG __cdecl streambuf_sputn_export(struct streambuf *sb, const char *s, LONGLONG n) { return streambuf_sputn(sb, s, n); }
int __cdecl streambuf_pubsync(struct streambuf *sb) { return sb->vtbl->sync(sb); }

int __cdecl streambuf_sgetc(struct streambuf *sb)
{
	return get_avail(sb) > 0 ? (unsigned char)**sb->ignext : sb->vtbl->underflow(sb);
}

int __cdecl streambuf_sbumpc(struct streambuf *sb)
{
	if (get_avail(sb) > 0) {
		--*sb->igcount;
		return (unsigned char)*(*sb->ignext)++;
	}
	return sb->vtbl->uflow(sb);
}

int __cdecl streambuf_snextc(struct streambuf *sb)
{
	if (get_avail(sb) > 1) {
		--*sb->igcount;
		return (unsigned char)*++(*sb->ignext);
	}
	return streambuf_sbumpc(sb) == CHAR_EOF ? CHAR_EOF : streambuf_sgetc(sb);
}

struct locale *__cdecl streambuf_getloc(const struct streambuf *sb, struct locale *ret)
{
	return locale_copy(ret, sb->plocale ? sb->plocale : &classic_locale);
}

/* The buffer's imbue sees the new locale first; the old one is the
 * result. */
struct locale *__cdecl streambuf_pubimbue(struct streambuf *sb, struct locale *ret, const struct locale *loc)
{
	streambuf_getloc(sb, ret);
	sb->vtbl->imbue(sb, loc);
	if (!sb->plocale || sb->plocale == &classic_locale)
		sb->plocale = locale_new();
	if (sb->plocale)
		locale_assign(sb->plocale, loc);
	return ret;
}

/* The C++ names of the objects above. */
EXPORT_AS(streambuf_vftable, "??_7?$basic_streambuf@DU?$char_traits@D@std@@@std@@6B@");
