/*
 * std::wcout, std::wcerr, std::wclog and std::wcin: wide streams over
 * buffers that read and write the C runtime's stdin, stdout and stderr
 * a wide character at a time (ucrtbase's fputwc and fgetwc, which
 * convert in the stream's mode and the C locale as MSVC's wide stdio
 * buffers do), so they keep their order with printf and with cout.
 * wcerr is unit-buffered, wcerr and wcin are tied to wcout.  Also
 * std::_Winit, which counts its objects as ios_base::Init does.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/ucrt.h"

static struct {
	unsigned short (__cdecl *fputwc)(WCHAR, void *);
	unsigned short (__cdecl *fgetwc)(void *);
	unsigned short (__cdecl *ungetwc)(unsigned short, void *);
} wcrt;

static BOOL wcrt_ready(void)
{
	if (wcrt.ungetwc)
		return TRUE;
	wcrt.fputwc = msvcp_ucrt_proc("fputwc");
	wcrt.fgetwc = msvcp_ucrt_proc("fgetwc");
	MemoryBarrier();
	wcrt.ungetwc = msvcp_ucrt_proc("ungetwc");
	return wcrt.fputwc && wcrt.fgetwc && wcrt.ungetwc;
}

static void *wfile_of(struct streambuf *sb)
{
	return wcrt_ready() ? stdio_file(sb) : NULL;
}

static unsigned short __cdecl wstdio_overflow(struct streambuf *sb, unsigned short c)
{
	void *f = wfile_of(sb);

	if (c == WCHAR_EOF)
		return 0;
	return f && wcrt.fputwc(c, f) != WCHAR_EOF ? c : WCHAR_EOF;
}

static LONGLONG __cdecl wstdio_xsputn(struct streambuf *sb, const WCHAR *p, LONGLONG n)
{
	void *f = wfile_of(sb);
	LONGLONG done = 0;

	while (f && done < n && wcrt.fputwc(p[done], f) != WCHAR_EOF)
		done++;
	return done;
}

/* Reading: the C runtime's stream holds the character underflow looks at. */
static unsigned short __cdecl wstdio_underflow(struct streambuf *sb)
{
	void *f = wfile_of(sb);
	unsigned short c = f ? wcrt.fgetwc(f) : WCHAR_EOF;

	return c == WCHAR_EOF ? WCHAR_EOF : wcrt.ungetwc(c, f);
}

static unsigned short __cdecl wstdio_uflow(struct streambuf *sb)
{
	void *f = wfile_of(sb);

	return f ? wcrt.fgetwc(f) : WCHAR_EOF;
}

static unsigned short __cdecl wstdio_pbackfail(struct streambuf *sb, unsigned short c)
{
	void *f = wfile_of(sb);

	return f && c != WCHAR_EOF ? wcrt.ungetwc(c, f) : WCHAR_EOF;
}

static LONGLONG __cdecl wstdio_xsgetn(struct streambuf *sb, WCHAR *p, LONGLONG n)
{
	void *f = wfile_of(sb);
	LONGLONG done = 0;
	unsigned short c;

	while (f && done < n && (c = wcrt.fgetwc(f)) != WCHAR_EOF)
		p[done++] = c;
	return done;
}

#define SLOT(fn) ((void *)(fn))
static const struct streambuf_vtbl wstdio_vtbl = {
	stdio_dtor, stdio_lock, stdio_unlock, SLOT(wstdio_overflow), SLOT(wstdio_pbackfail),
	streambuf_showmanyc, SLOT(wstdio_underflow), SLOT(wstdio_uflow), SLOT(wstdio_xsgetn),
	SLOT(wstdio_xsputn), SLOT(streambuf_seekoff), SLOT(streambuf_seekpos), streambuf_setbuf,
	stdio_sync, streambuf_imbue,
};

STDIOBUF(win_buf, wstdio_vtbl, 0);
STDIOBUF(wout_buf, wstdio_vtbl, 1);
STDIOBUF(werr_buf, wstdio_vtbl, 2);
STDIOBUF(wlog_buf, wstdio_vtbl, 2);

extern struct ostream std_wcout;
STD_OSTREAM(ostream_w_vb, wostream_vftable, "?wcout@std@@3V?$basic_ostream@_WU?$char_traits@_W@std@@@1@A",
	std_wcout, wout_buf, 0, NULL, 6);
STD_OSTREAM(ostream_w_vb, wostream_vftable, "?wcerr@std@@3V?$basic_ostream@_WU?$char_traits@_W@std@@@1@A",
	std_wcerr, werr_buf, FMT_UNITBUF, &std_wcout, 7);
STD_OSTREAM(ostream_w_vb, wostream_vftable, "?wclog@std@@3V?$basic_ostream@_WU?$char_traits@_W@std@@@1@A",
	std_wclog, wlog_buf, 0, NULL, 8);

struct istream std_wcin = {
	istream_w_vb, 0, 0, 0, { { wistream_vftable, 5, 0, 0, FMT_SKIPWS | FMT_DEC, 6, 0, NULL, NULL,
	&classic_locale }, &win_buf.sb, &std_wcout, ' ' } };
struct istream *ptr_wcin = &std_wcin;
struct ostream *ptr_wcout = &std_wcout;
struct ostream *ptr_wcerr = &std_wcerr;
struct ostream *ptr_wclog = &std_wclog;

/* std::_Winit: the last one gone flushes the wide output streams. */
int winit_cnt;

void *__cdecl winit_ctor(void *init)
{
	InterlockedIncrement((LONG *)&winit_cnt);
	return init;
}

void __cdecl winit_dtor(void *init)
{
	if (InterlockedDecrement((LONG *)&winit_cnt) == 0) {
		ostream_flush(&std_wcout);
		ostream_flush(&std_wclog);
	}
}

/* The C++ names of the objects above. */
EXPORT_AS(std_wcin, "?wcin@std@@3V?$basic_istream@_WU?$char_traits@_W@std@@@1@A");
EXPORT_AS(ptr_wcin, "?_Ptr_wcin@std@@3PEAV?$basic_istream@_WU?$char_traits@_W@std@@@1@EA");
EXPORT_AS(ptr_wcout, "?_Ptr_wcout@std@@3PEAV?$basic_ostream@_WU?$char_traits@_W@std@@@1@EA");
EXPORT_AS(ptr_wcerr, "?_Ptr_wcerr@std@@3PEAV?$basic_ostream@_WU?$char_traits@_W@std@@@1@EA");
EXPORT_AS(ptr_wclog, "?_Ptr_wclog@std@@3PEAV?$basic_ostream@_WU?$char_traits@_W@std@@@1@EA");
EXPORT_AS(winit_cnt, "?_Init_cnt@_Winit@std@@0HA");
