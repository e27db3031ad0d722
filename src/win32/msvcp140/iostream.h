/*
 * The iostreams objects as the Visual C++ headers lay them out on x64
 * (ios_base, basic_ios, basic_streambuf, basic_ostream), the char
 * instantiation that msvcp140 carries.  Programs read and write these
 * fields inline and call the virtual functions through the vtables, so
 * every offset here is ABI.
 */
#ifndef LSW_MSVCP140_IOSTREAM_H
#define LSW_MSVCP140_IOSTREAM_H

#include <windows.h>

/* Exports the C object `object` under its C++ name too (an alias: other
 * files use the C name). */
#define SYM(name) __asm__("\"" name "\"")
#define EXPORT_AS(object, name) \
	extern __typeof__(object) object##_export SYM(name) __attribute__((alias(#object)))

enum { IOS_GOOD = 0, IOS_EOF = 1, IOS_FAIL = 2, IOS_BAD = 4, IOS_STATMASK = 0x17 };
enum {
	FMT_SKIPWS = 0x1, FMT_UNITBUF = 0x2, FMT_UPPERCASE = 0x4, FMT_SHOWBASE = 0x8,
	FMT_SHOWPOINT = 0x10, FMT_SHOWPOS = 0x20, FMT_LEFT = 0x40, FMT_RIGHT = 0x80,
	FMT_INTERNAL = 0x100, FMT_DEC = 0x200, FMT_OCT = 0x400, FMT_HEX = 0x800,
	FMT_SCIENTIFIC = 0x1000, FMT_FIXED = 0x2000, FMT_BOOLALPHA = 0x4000,
	FMT_ADJUST = 0x1c0, FMT_BASE = 0xe00, FMT_FLOAT = 0x3000, FMT_MASK = 0xffff,
};
#define CHAR_EOF (-1)
#define WCHAR_EOF 0xFFFF     /* char_traits<wchar_t>::eof(), WEOF */

/* fpos<_Mbstatet> { streamoff; fpos_t; _Mbstatet }: -1 is "no position".
 * Member functions return classes through the pointer after `this`. */
struct fpos {
	LONGLONG off;
	LONGLONG fpos;
	int state[2];
};

/* std::locale: a pointer to its implementation (locale.h), after its two
 * empty base classes (_Locbase<int>, _Crt_new_delete), which Visual C++
 * gives a byte, so 8 with the alignment. */
struct locimp;
struct locale {
	void *empty_bases;
	struct locimp *impl;
};
_Static_assert(sizeof(struct locale) == 0x10, "std::locale is 0x10 bytes");

struct streambuf;
struct streambuf_vtbl {
	void *(__cdecl *dtor)(struct streambuf *, unsigned flags);
	void (__cdecl *lock)(struct streambuf *);
	void (__cdecl *unlock)(struct streambuf *);
	int (__cdecl *overflow)(struct streambuf *, int);
	int (__cdecl *pbackfail)(struct streambuf *, int);
	LONGLONG (__cdecl *showmanyc)(struct streambuf *);
	int (__cdecl *underflow)(struct streambuf *);
	int (__cdecl *uflow)(struct streambuf *);
	LONGLONG (__cdecl *xsgetn)(struct streambuf *, char *, LONGLONG);
	LONGLONG (__cdecl *xsputn)(struct streambuf *, const char *, LONGLONG);
	void *seekoff;
	void *seekpos;
	struct streambuf *(__cdecl *setbuf)(struct streambuf *, char *, LONGLONG);
	int (__cdecl *sync)(struct streambuf *);
	void (__cdecl *imbue)(struct streambuf *, const struct locale *);
};

struct streambuf {
	const struct streambuf_vtbl *vtbl;
	char *gfirst, *pfirst;
	char **igfirst, **ipfirst;
	char *gnext, *pnext;
	char **ignext, **ipnext;
	int gcount, pcount;
	int *igcount, *ipcount;
	struct locale *plocale;
};
_Static_assert(sizeof(struct streambuf) == 0x68, "basic_streambuf<char> is 0x68 bytes");

struct ios_base {
	const void *const *vtbl;
	size_t stdstr;
	int state;
	int except;
	int fmtfl;
	LONGLONG prec;
	LONGLONG wide;
	void *arr;
	void *calls;
	struct locale *ploc;
};
_Static_assert(sizeof(struct ios_base) == 0x48, "ios_base is 0x48 bytes");

struct ostream;
struct basic_ios {
	struct ios_base base;
	struct streambuf *strbuf;
	struct ostream *tie;
	char fill;
};
_Static_assert(sizeof(struct basic_ios) == 0x60, "basic_ios<char> is 0x60 bytes");

/* basic_ostream<char>: its virtual base basic_ios follows the vbtable
 * pointer and the vtordisp slot, at the offset the vbtable's second entry
 * gives (0x10). */
struct ostream {
	const int *vbtable;
	int pad;
	int vtordisp;
	struct basic_ios ios;
};

/* basic_ios<wchar_t> is basic_ios<char> with a wide fill at the same place. */
static inline WCHAR ios_wfill(const struct basic_ios *ios)
{
	return *(const WCHAR *)&ios->fill;
}

static inline struct basic_ios *ostream_ios(struct ostream *os)
{
	return (struct basic_ios *)((char *)os + os->vbtable[1]);
}

/* basic_istream<char>: the count of the last unformatted input, then
 * the virtual base at 0x18. */
struct istream {
	const int *vbtable;
	LONGLONG chcount;
	int pad;
	int vtordisp;
	struct basic_ios ios;
};

static inline struct basic_ios *istream_ios(struct istream *is)
{
	return (struct basic_ios *)((char *)is + is->vbtable[1]);
}

/* streambuf.c */
extern const struct streambuf_vtbl streambuf_vftable;
void *__cdecl streambuf_vector_dtor(struct streambuf *sb, unsigned flags);
void __cdecl streambuf_nolock(struct streambuf *sb);
struct locale *locale_new(void);
void locale_delete(struct locale *l);
void locale_release(struct locale *l);
struct locale *locale_copy(struct locale *to, const struct locale *from);
void locale_assign(struct locale *to, const struct locale *from);
void streambuf_init(struct streambuf *sb, const struct streambuf_vtbl *vtbl);
int streambuf_sputc(struct streambuf *sb, char c);
LONGLONG streambuf_sputn(struct streambuf *sb, const char *s, LONGLONG n);
int __cdecl streambuf_sbumpc(struct streambuf *sb);
LONGLONG __cdecl streambuf_xsputn(struct streambuf *sb, const char *p, LONGLONG n);

/* wstreambuf.c: basic_streambuf<wchar_t>, the same object with WCHAR
 * pointers and counts of characters */
unsigned short wstreambuf_sputc(struct streambuf *sb, WCHAR c);
LONGLONG wstreambuf_sputn(struct streambuf *sb, const WCHAR *s, LONGLONG n);
unsigned short wstreambuf_sgetc(struct streambuf *sb);
unsigned short wstreambuf_sbumpc(struct streambuf *sb);
unsigned short wstreambuf_snextc(struct streambuf *sb);

/* stdstreams.c: a buffer over one of the C runtime's standard streams,
 * and the members of it that do not depend on the character type */
struct stdiobuf {
	struct streambuf sb;
	unsigned stream;        /* 0 stdin, 1 stdout, 2 stderr */
};
void *stdio_file(struct streambuf *sb);
#define STDIOBUF(name, vtbl, n) \
	static struct stdiobuf name = { { &vtbl, NULL, NULL, &name.sb.gfirst, &name.sb.pfirst, \
		NULL, NULL, &name.sb.gnext, &name.sb.pnext, 0, 0, &name.sb.gcount, &name.sb.pcount, \
		&classic_locale }, n }
/* A standard output stream object: flags beyond skipws|dec, the stream
 * it is tied to, its index; the fill is a blank, char or wchar_t. */
#define STD_OSTREAM(vb, vftable, sym, name, buf, flags, tied, index) \
	struct ostream name = { vb, 0, 0, { { vftable, index, 0, 0, \
		FMT_SKIPWS | FMT_DEC | (flags), 6, 0, NULL, NULL, &classic_locale }, &buf.sb, tied, ' ' } }; \
	EXPORT_AS(name, sym)
void *__cdecl stdio_dtor(struct streambuf *sb, unsigned flags);
void __cdecl stdio_lock(struct streambuf *sb);
void __cdecl stdio_unlock(struct streambuf *sb);
int __cdecl stdio_sync(struct streambuf *sb);
LONGLONG __cdecl streambuf_showmanyc(struct streambuf *);
struct fpos *__cdecl streambuf_seekoff(struct streambuf *, struct fpos *, LONGLONG, int, int);
struct fpos *__cdecl streambuf_seekpos(struct streambuf *, struct fpos *, const struct fpos *, int);
struct streambuf *__cdecl streambuf_setbuf(struct streambuf *, char *, LONGLONG);
void __cdecl streambuf_imbue(struct streambuf *, const struct locale *);

/* ios.c */
void __cdecl ios_init(struct basic_ios *ios, struct streambuf *sb, BOOLEAN isstd);
struct basic_ios *__cdecl ios_ctor(struct basic_ios *ios);
void __cdecl ios_dtor(struct ios_base *ios);
void __cdecl ios_setstate(struct basic_ios *ios, int state, BOOLEAN reraise);
extern struct locale classic_locale;
extern const void *const ios_vftable[];

/* stdstreams.c: printf formatting as the UCRT does it */
int msvcp_format(char *buf, size_t size, const char *fmt, ...);

/* stdstreams.c: the classes' vtables and vbtables */
extern const void *const ostream_vftable[];
extern const void *const istream_vftable[];
extern const void *const wostream_vftable[];
extern const void *const wistream_vftable[];
extern const int ostream_c_vb[2];
extern const int istream_c_vb[2];
extern const int ostream_w_vb[2];
extern const int istream_w_vb[2];
extern const void *const iostream_vftable[];
extern const void *const wiostream_vftable[];
extern const int iostream_c_in_vb[2], iostream_c_out_vb[2];
extern const int iostream_w_in_vb[2], iostream_w_out_vb[2];

/* istream.c: the buffer's next character (sgetc), and the one after it
 * (snextc), of either width; CHAR_EOF at the end */
int istream_in_getc(struct streambuf *sb, BOOL wide);
int istream_in_nextc(struct streambuf *sb, BOOL wide);
BOOLEAN __cdecl istream_ipfx(struct istream *is, BOOLEAN noskip);
BOOLEAN __cdecl wistream_ipfx(struct istream *is, BOOLEAN noskip);

/* ostream.c */
struct ostream *__cdecl ostream_flush(struct ostream *os);
void __cdecl ostream_osfx(struct ostream *os);

#endif
