/*
 * std::cout, std::cerr and std::clog: streams over buffers that write
 * through the C runtime's stdout and stderr (ucrtbase's FILEs, as
 * msvcp140's own are), so they interleave with printf as the standard
 * requires of synchronised streams.  cerr is unit-buffered and tied to
 * cout.  Also the vbtables of the stream classes: the offset of the
 * virtual base basic_ios in each.
 */
#include <stdarg.h>
#include "msvcp140/iostream.h"
#include "msvcp140/ucrt.h"

#define OSTREAM_VBASE 0x10
#define ISTREAM_VBASE 0x18

/* ucrtbase's stream functions, found once. */
static struct {
	void *(__cdecl *iob)(unsigned);
	size_t (__cdecl *fwrite)(const void *, size_t, size_t, void *);
	int (__cdecl *fputc)(int, void *);
	int (__cdecl *fgetc)(void *);
	int (__cdecl *ungetc)(int, void *);
	int (__cdecl *fflush)(void *);
	int (__cdecl *vsprintf)(ULONGLONG, char *, size_t, const char *, void *, va_list);
	void (__cdecl *lock)(void *), (__cdecl *unlock)(void *);
} crt;

static BOOL crt_ready(void)
{
	if (crt.unlock)
		return TRUE;
	crt.iob = msvcp_ucrt_proc("__acrt_iob_func");
	crt.fwrite = msvcp_ucrt_proc("fwrite");
	crt.fputc = msvcp_ucrt_proc("fputc");
	crt.fgetc = msvcp_ucrt_proc("fgetc");
	crt.ungetc = msvcp_ucrt_proc("ungetc");
	crt.fflush = msvcp_ucrt_proc("fflush");
	crt.vsprintf = msvcp_ucrt_proc("__stdio_common_vsprintf");
	crt.lock = msvcp_ucrt_proc("_lock_file");
	MemoryBarrier();
	crt.unlock = msvcp_ucrt_proc("_unlock_file");
	return crt.iob && crt.fwrite && crt.fputc && crt.fgetc && crt.ungetc && crt.fflush &&
	       crt.vsprintf && crt.lock && crt.unlock;
}

#define PRINTF_STANDARD_SNPRINTF 2      /* C99 snprintf: the count it wanted */
/* Exact decimal ties to even: what the headers of Visual C++ 2019 and
 * later ask by default, so msvcp140 14.30 writes 1234.25 as "1234.2" with
 * precision 1. */
#define PRINTF_STANDARD_ROUNDING 0x20

int msvcp_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n = -1;

	va_start(ap, fmt);
	if (crt_ready())
		n = crt.vsprintf(PRINTF_STANDARD_SNPRINTF | PRINTF_STANDARD_ROUNDING, buf, size, fmt, NULL, ap);
	va_end(ap);
	if (n < 0 && size)
		buf[0] = 0;
	return n < 0 ? 0 : n;
}

void *stdio_file(struct streambuf *sb)
{
	return crt_ready() ? crt.iob(((struct stdiobuf *)sb)->stream) : NULL;
}

void *__cdecl stdio_dtor(struct streambuf *sb, unsigned flags) { return sb; }

void __cdecl stdio_lock(struct streambuf *sb)
{
	void *f = stdio_file(sb);

	if (f)
		crt.lock(f);
}

void __cdecl stdio_unlock(struct streambuf *sb)
{
	void *f = stdio_file(sb);

	if (f)
		crt.unlock(f);
}

static int __cdecl stdio_overflow(struct streambuf *sb, int c)
{
	void *f = stdio_file(sb);

	if (c == CHAR_EOF)
		return 0;
	return f && crt.fputc(c, f) != CHAR_EOF ? c : CHAR_EOF;
}

static LONGLONG __cdecl stdio_xsputn(struct streambuf *sb, const char *p, LONGLONG n)
{
	void *f = stdio_file(sb);

	return f && n > 0 ? (LONGLONG)crt.fwrite(p, 1, (size_t)n, f) : 0;
}

/* Reading: no buffer of its own; the C runtime's stream holds the
 * character underflow looks at. */
static int __cdecl stdio_underflow(struct streambuf *sb)
{
	void *f = stdio_file(sb);
	int c = f ? crt.fgetc(f) : CHAR_EOF;

	return c == CHAR_EOF ? CHAR_EOF : crt.ungetc(c, f);
}

static int __cdecl stdio_uflow(struct streambuf *sb)
{
	void *f = stdio_file(sb);

	return f ? crt.fgetc(f) : CHAR_EOF;
}

static int __cdecl stdio_pbackfail(struct streambuf *sb, int c)
{
	void *f = stdio_file(sb);

	return f && c != CHAR_EOF ? crt.ungetc(c, f) : CHAR_EOF;
}

int __cdecl stdio_sync(struct streambuf *sb)
{
	void *f = stdio_file(sb);

	return f && crt.fflush(f) == 0 ? 0 : -1;
}

LONGLONG __cdecl streambuf_xsgetn(struct streambuf *, char *, LONGLONG);

/* Reads and writes go to the C runtime's stream. */
static const struct streambuf_vtbl stdio_vtbl = {
	stdio_dtor, stdio_lock, stdio_unlock, stdio_overflow, stdio_pbackfail,
	streambuf_showmanyc, stdio_underflow, stdio_uflow, streambuf_xsgetn,
	stdio_xsputn, streambuf_seekoff, streambuf_seekpos, streambuf_setbuf, stdio_sync,
	streambuf_imbue,
};

STDIOBUF(in_buf, stdio_vtbl, 0);
STDIOBUF(out_buf, stdio_vtbl, 1);
STDIOBUF(err_buf, stdio_vtbl, 2);
STDIOBUF(log_buf, stdio_vtbl, 2);

static void *__cdecl stream_vector_dtor(void *this, unsigned flags) { return this; }

const void *const ostream_vftable[] = {
	stream_vector_dtor,
};
const void *const istream_vftable[] = {
	stream_vector_dtor,
};
const void *const wostream_vftable[] = {
	stream_vector_dtor,
};
const void *const wistream_vftable[] = {
	stream_vector_dtor,
};
const void *const iostream_vftable[] = {
	stream_vector_dtor,
};
const void *const wiostream_vftable[] = {
	stream_vector_dtor,
};

#define VBTABLE(name, offset, sym) const int name[2] = { 0, offset }; EXPORT_AS(name, sym)
VBTABLE(ostream_c_vb, OSTREAM_VBASE,
	"??_8?$basic_ostream@DU?$char_traits@D@std@@@std@@7B@");
VBTABLE(ostream_w_vb, OSTREAM_VBASE,
	"??_8?$basic_ostream@_WU?$char_traits@_W@std@@@std@@7B@");
VBTABLE(ostream_g_vb, OSTREAM_VBASE,
	"??_8?$basic_ostream@GU?$char_traits@G@std@@@std@@7B@");
VBTABLE(istream_c_vb, ISTREAM_VBASE,
	"??_8?$basic_istream@DU?$char_traits@D@std@@@std@@7B@");
VBTABLE(istream_w_vb, ISTREAM_VBASE,
	"??_8?$basic_istream@_WU?$char_traits@_W@std@@@std@@7B@");
VBTABLE(istream_g_vb, ISTREAM_VBASE,
	"??_8?$basic_istream@GU?$char_traits@G@std@@@std@@7B@");
/* basic_iostream: its istream part first, then its ostream part. */
VBTABLE(iostream_c_in_vb, ISTREAM_VBASE + 8,
	"??_8?$basic_iostream@DU?$char_traits@D@std@@@std@@7B?$basic_istream@DU?$char_traits@D@std@@@1@@");
VBTABLE(iostream_c_out_vb, OSTREAM_VBASE,
	"??_8?$basic_iostream@DU?$char_traits@D@std@@@std@@7B?$basic_ostream@DU?$char_traits@D@std@@@1@@");
VBTABLE(iostream_w_in_vb, ISTREAM_VBASE + 8,
	"??_8?$basic_iostream@_WU?$char_traits@_W@std@@@std@@7B?$basic_istream@_WU?$char_traits@_W@std@@@1@@");
VBTABLE(iostream_w_out_vb, OSTREAM_VBASE,
	"??_8?$basic_iostream@_WU?$char_traits@_W@std@@@std@@7B?$basic_ostream@_WU?$char_traits@_W@std@@@1@@");
VBTABLE(iostream_g_in_vb, ISTREAM_VBASE + 8,
	"??_8?$basic_iostream@GU?$char_traits@G@std@@@std@@7B?$basic_istream@GU?$char_traits@G@std@@@1@@");
VBTABLE(iostream_g_out_vb, OSTREAM_VBASE,
	"??_8?$basic_iostream@GU?$char_traits@G@std@@@std@@7B?$basic_ostream@GU?$char_traits@G@std@@@1@@");

extern struct ostream std_cout;
STD_OSTREAM(ostream_c_vb, ostream_vftable, "?cout@std@@3V?$basic_ostream@DU?$char_traits@D@std@@@1@A", std_cout, out_buf, 0, NULL, 1);
STD_OSTREAM(ostream_c_vb, ostream_vftable, "?cerr@std@@3V?$basic_ostream@DU?$char_traits@D@std@@@1@A", std_cerr, err_buf, FMT_UNITBUF, &std_cout, 2);
STD_OSTREAM(ostream_c_vb, ostream_vftable, "?clog@std@@3V?$basic_ostream@DU?$char_traits@D@std@@@1@A", std_clog, log_buf, 0, NULL, 3);

struct istream std_cin = {
	istream_c_vb, 0, 0, 0, { { istream_vftable, 4, 0, 0, FMT_SKIPWS | FMT_DEC, 6, 0, NULL, NULL,
	&classic_locale }, &in_buf.sb, &std_cout, ' ' } };
struct istream *ptr_cin = &std_cin;

struct ostream *ptr_cout = &std_cout;
struct ostream *ptr_cerr = &std_cerr;
struct ostream *ptr_clog = &std_clog;

/* ios_base::Init: counts its objects; the last one gone flushes the
 * standard streams (they themselves are static and live on). */
int init_cnt;
EXPORT_AS(init_cnt, "?_Init_cnt@Init@ios_base@std@@0HA");

int *__cdecl ios_init_cnt_func(void)
{
	return &init_cnt;
}

void __cdecl ios_init_ctor(void *init)
{
	InterlockedIncrement((LONG *)&init_cnt);
}

void __cdecl ios_init_dtor(void *init)
{
	if (InterlockedDecrement((LONG *)&init_cnt) == 0) {
		ostream_flush(&std_cout);
		ostream_flush(&std_clog);
	}
}

void *__cdecl ios_init_new(void *init)
{
	ios_init_ctor(init);
	return init;
}

/* How many exceptions are thrown and not yet caught (vcruntime140). */
int __cdecl uncaught_exceptions(void)
{
	int (__cdecl *fn)(void) = msvcp_vcruntime_proc("__uncaught_exceptions");

	return fn ? fn() : 0;
}

/* std::uncaught_exception, which the ostream sentry's destructor asks
 * before _Osfx: whether any exception is in flight. */
BOOLEAN __cdecl uncaught_exception(void)
{
	return uncaught_exceptions() > 0;
}

/* The C++ names of the objects above. */
EXPORT_AS(ostream_vftable, "??_7?$basic_ostream@DU?$char_traits@D@std@@@std@@6B@");
EXPORT_AS(istream_vftable, "??_7?$basic_istream@DU?$char_traits@D@std@@@std@@6B@");
EXPORT_AS(wostream_vftable, "??_7?$basic_ostream@_WU?$char_traits@_W@std@@@std@@6B@");
EXPORT_AS(wistream_vftable, "??_7?$basic_istream@_WU?$char_traits@_W@std@@@std@@6B@");
EXPORT_AS(iostream_vftable, "??_7?$basic_iostream@DU?$char_traits@D@std@@@std@@6B@");
EXPORT_AS(wiostream_vftable, "??_7?$basic_iostream@_WU?$char_traits@_W@std@@@std@@6B@");
EXPORT_AS(std_cin, "?cin@std@@3V?$basic_istream@DU?$char_traits@D@std@@@1@A");
EXPORT_AS(ptr_cin, "?_Ptr_cin@std@@3PEAV?$basic_istream@DU?$char_traits@D@std@@@1@EA");
EXPORT_AS(ptr_cout, "?_Ptr_cout@std@@3PEAV?$basic_ostream@DU?$char_traits@D@std@@@1@EA");
EXPORT_AS(ptr_cerr, "?_Ptr_cerr@std@@3PEAV?$basic_ostream@DU?$char_traits@D@std@@@1@EA");
EXPORT_AS(ptr_clog, "?_Ptr_clog@std@@3PEAV?$basic_ostream@DU?$char_traits@D@std@@@1@EA");
