/*
 * File streams as MSVC's <fstream> builds them: basic_filebuf is inline
 * in the program (written out here, the paths std::ofstream, ifstream,
 * fstream and wofstream/wifstream take), over msvcp140's exports: _Fiopen
 * for the open mode, basic_streambuf's constructor, getloc and the
 * codecvt facet (use_facet as <xlocale> has it: always_noconv for char,
 * codecvt<wchar_t, char>::out/in for wchar_t), and the streams'
 * constructors and members: basic_ostream's inserters, basic_istream's
 * extractors (operator>> of int, double, bool, long long, unsigned,
 * float, with skipws, hex and boolalpha), getline, basic_iostream's
 * constructor.  The C stream is the UCRT's (_Fiopen's), so the buffer
 * calls ucrtbase's stdio as a program built against it does; the files
 * are read back with it byte by byte, apart from the streams.
 *
 * Checks: ofstream writes "42 3.5" and a line; ifstream reads them back
 * as an int, a double and a line, then fails at the end with eofbit;
 * extraction errors (no digits, out of range, a bool that is not 0 or
 * 1) set failbit and leave 0 or the limit; hex and boolalpha fields;
 * _Fiopen's modes (in on a missing file, app, trunc, noreplace); an
 * fstream written and read through one buffer; wofstream converts
 * through codecvt<wchar_t, char> (an unconvertible character sets
 * badbit), wifstream converts back.  The expected output is the real
 * msvcp140's (14.30, under Wine 8 with the DLL native), which ours
 * matches.  Wine 8's own msvcp140 leaves the variable as it was when an
 * extraction fails (out of range, no digits: C++98's rule); C++11's
 * [facet.num.get.virtuals] and msvcp140 store 0 or the limit.
 */
#include "cxx_locale.h"

extern "C" __declspec(dllimport) void *__stdcall GetModuleHandleA(const char *);
extern "C" __declspec(dllimport) void *__stdcall LoadLibraryA(const char *);
extern "C" __declspec(dllimport) void *__stdcall GetProcAddress(void *, const char *);

struct _iobuf;

/* ucrtbase's stdio, which _Fiopen's FILE belongs to. */
static struct {
	int (*fputc)(int, _iobuf *);
	int (*fgetc)(_iobuf *);
	int (*ungetc)(int, _iobuf *);
	int (*fclose)(_iobuf *);
	int (*fflush)(_iobuf *);
	int (*fseek)(_iobuf *, long, int);
	size_t (*fwrite)(const void *, size_t, size_t, _iobuf *);
	_iobuf *(*fopen)(const char *, const char *);
} crt;

static void load_crt()
{
	void *h = GetModuleHandleA("ucrtbase.dll");

	if (!h)
		h = LoadLibraryA("ucrtbase.dll");
	crt.fputc = (int (*)(int, _iobuf *))GetProcAddress(h, "fputc");
	crt.fgetc = (int (*)(_iobuf *))GetProcAddress(h, "fgetc");
	crt.ungetc = (int (*)(int, _iobuf *))GetProcAddress(h, "ungetc");
	crt.fclose = (int (*)(_iobuf *))GetProcAddress(h, "fclose");
	crt.fflush = (int (*)(_iobuf *))GetProcAddress(h, "fflush");
	crt.fseek = (int (*)(_iobuf *, long, int))GetProcAddress(h, "fseek");
	crt.fwrite = (size_t (*)(const void *, size_t, size_t, _iobuf *))GetProcAddress(h, "fwrite");
	crt.fopen = (_iobuf * (*)(const char *, const char *))GetProcAddress(h, "fopen");
}

namespace std {

__declspec(dllimport) _iobuf *__cdecl _Fiopen(const char *, int, int);

template <class E, class T> class basic_streambuf {
protected:
	__declspec(dllimport) basic_streambuf();

public:
	__declspec(dllimport) virtual ~basic_streambuf();
	__declspec(dllimport) locale getloc() const;

	E *fields_[12];
	locale *_Plocale;
};

/* msvcp140's stream classes keep a vtordisp before their virtual base
 * (basic_ostream's basic_ios at 0x10, basic_istream's at 0x18,
 * basic_iostream's at 0x20, as its vbtables say); this makes clang lay
 * them out the same. */
#pragma vtordisp(push, 2)
class ios_base {
public:
	__declspec(dllimport) virtual ~ios_base();
	char fields_[0x40];
};
template <class E, class T> class basic_ios : public ios_base {
public:
	__declspec(dllimport) virtual ~basic_ios();
	void *strbuf_, *tie_;
	E fill_;
};
template <class E, class T> class basic_ostream : virtual public basic_ios<E, T> {
public:
	__declspec(dllimport) explicit basic_ostream(basic_streambuf<E, T> *, bool = false);
	__declspec(dllimport) virtual ~basic_ostream();
	__declspec(dllimport) basic_ostream &operator<<(int);
	__declspec(dllimport) basic_ostream &operator<<(double);
	__declspec(dllimport) basic_ostream &put(E);
	__declspec(dllimport) basic_ostream &write(const E *, long long);
	__declspec(dllimport) basic_ostream &flush();
};
template <class E, class T> class basic_istream : virtual public basic_ios<E, T> {
public:
	__declspec(dllimport) explicit basic_istream(basic_streambuf<E, T> *, bool = false);
	__declspec(dllimport) virtual ~basic_istream();
	__declspec(dllimport) basic_istream &operator>>(int &);
	__declspec(dllimport) basic_istream &operator>>(unsigned int &);
	__declspec(dllimport) basic_istream &operator>>(long long &);
	__declspec(dllimport) basic_istream &operator>>(double &);
	__declspec(dllimport) basic_istream &operator>>(float &);
	__declspec(dllimport) basic_istream &operator>>(bool &);
	__declspec(dllimport) basic_istream &getline(E *, long long);
	__declspec(dllimport) basic_istream &getline(E *, long long, E);
	long long _Chcount;
};
template <class E, class T> class basic_iostream : public basic_istream<E, T>, public basic_ostream<E, T> {
public:
	__declspec(dllimport) explicit basic_iostream(basic_streambuf<E, T> *);
	__declspec(dllimport) virtual ~basic_iostream();
};
#pragma vtordisp(pop)
}

using std::locale;
typedef std::char_traits<char> ctr;
typedef std::char_traits<wchar_t> wtr;

/* The virtual base basic_ios, and its fields, through the vbtable. */
static char *ios_of(void *stream)
{
	return (char *)stream + (*(const int **)stream)[1];
}
enum { IOS_STATE = 0x10, IOS_FMTFL = 0x18 };
enum { EOFBIT = 1, FAILBIT = 2, BADBIT = 4, F_SKIPWS = 1, F_DEC = 0x200, F_HEX = 0x800, F_BASE = 0xe00,
       F_BOOLALPHA = 0x4000 };
enum { IN = 1, OUT = 2, ATE = 4, APP = 8, TRUNC = 0x10, BINARY = 0x20, NOREPLACE = 0x80 };

static int state(void *s) { return *(int *)(ios_of(s) + IOS_STATE); }
static void clear(void *s) { *(int *)(ios_of(s) + IOS_STATE) = 0; }
static void setf(void *s, int set, int mask)
{
	int *fl = (int *)(ios_of(s) + IOS_FMTFL);

	*fl = (*fl & ~mask) | set;
}

enum { VT_DTOR, VT_LOCK, VT_UNLOCK, VT_OVERFLOW, VT_PBACKFAIL, VT_SHOWMANYC, VT_UNDERFLOW, VT_UFLOW,
       VT_XSGETN, VT_XSPUTN, VT_SEEKOFF, VT_SEEKPOS, VT_SETBUF, VT_SYNC, VT_IMBUE, VT_COUNT };
enum { CVT_OK, CVT_PARTIAL, CVT_ERROR, CVT_NOCONV };

/* basic_filebuf<E>: no buffer of its own (the C stream buffers), each
 * character through the codecvt facet unless it never converts. */
template <class E> struct filebuf : std::basic_streambuf<E, std::char_traits<E>> {
	const void *pcvt;
	_Mbstatet state;
	_iobuf *file;
	int pending;        /* the character underflow looked at, or -2 */

	filebuf() : pcvt(nullptr), state(), file(nullptr), pending(-2) {}
	~filebuf() { close(); }

	bool open(const char *name, int mode)
	{
		if (file || !(file = std::_Fiopen(name, mode, 0x40 /* _SH_DENYNO */)))
			return false;
		locale loc = this->getloc();
		const void *cv = sizeof(E) == 1 ? use_facet<std::codecvt<char, char, _Mbstatet>>(loc)
						: use_facet<std::codecvt<wchar_t, char, _Mbstatet>>(loc);
		pcvt = vcall<bool>(cv, 3) ? nullptr : cv;
		return true;
	}
	bool close()
	{
		bool ok = file && crt.fclose(file) == 0;

		file = nullptr;
		return ok;
	}
};

static unsigned short eof_of(int size) { return size == 1 ? (unsigned short)-1 : 0xFFFF; }

template <class E> static int __cdecl fb_overflow(filebuf<E> *fb, int c)
{
	char buf[16], *mid2;
	const E *mid1;
	E ch = (E)c;

	if ((sizeof(E) == 1 ? c == -1 : (unsigned short)c == 0xFFFF) || !fb->file)
		return sizeof(E) == 1 ? -1 : 0xFFFF;
	if (!fb->pcvt)
		return crt.fputc((unsigned char)ch, fb->file) == -1 ? -1 : c;
	if (vcall<int>(fb->pcvt, 7, &fb->state, (const E *)&ch, (const E *)&ch + 1, &mid1, buf, buf + 16,
		       &mid2) != CVT_OK)
		return 0xFFFF;
	return crt.fwrite(buf, 1, mid2 - buf, fb->file) == (size_t)(mid2 - buf) ? c : 0xFFFF;
}

/* One character read, converted unless the facet never converts. */
template <class E> static int read_char(filebuf<E> *fb)
{
	char buf[8];
	int n = 0, b;
	E ch;

	if (!fb->file)
		return sizeof(E) == 1 ? -1 : 0xFFFF;
	if (!fb->pcvt)
		return crt.fgetc(fb->file);
	while ((b = crt.fgetc(fb->file)) != -1 && n < 8) {
		const char *mid1;
		E *mid2;

		buf[n++] = (char)b;
		int r = vcall<int>(fb->pcvt, 6, &fb->state, (const char *)buf, (const char *)buf + n, &mid1, &ch,
				   &ch + 1, &mid2);
		if (r == CVT_OK && mid2 == &ch + 1)
			return (unsigned short)ch;
		if (r != CVT_PARTIAL)
			break;
	}
	return 0xFFFF;
}

/* The next character, taken (uflow) or kept for the next call
 * (underflow). */
template <class E> static int __cdecl fb_uflow(filebuf<E> *fb)
{
	int c = fb->pending;

	fb->pending = -2;
	return c != -2 ? c : read_char(fb);
}

template <class E> static int __cdecl fb_underflow(filebuf<E> *fb)
{
	if (fb->pending == -2)
		fb->pending = read_char(fb);
	return fb->pending;
}

template <class E> static int __cdecl fb_sync(filebuf<E> *fb)
{
	return !fb->file || crt.fflush(fb->file) == 0 ? 0 : -1;
}

template <class E> static void *vtable_for()
{
	static void *vt[VT_COUNT];

	return vt;
}

/* The buffer's vtable: its own destructor, the base class's members
 * (msvcp140's basic_streambuf vtable, as a derived class's vtable
 * compiled with the header has them), with the file's. */
template <class E> static void make_filebuf(filebuf<E> *fb)
{
	void **vt = (void **)vtable_for<E>();

	if (!vt[0]) {
		void *const *own = *(void *const *const *)fb;
		void *const *base = (void *const *)GetProcAddress(GetModuleHandleA("msvcp140.dll"),
			sizeof(E) == 1 ? "??_7?$basic_streambuf@DU?$char_traits@D@std@@@std@@6B@"
				       : "??_7?$basic_streambuf@_WU?$char_traits@_W@std@@@std@@6B@");

		vt[0] = own[0];
		for (int i = 1; i < VT_COUNT; i++)
			vt[i] = base[i];
		vt[VT_OVERFLOW] = (void *)fb_overflow<E>;
		vt[VT_UNDERFLOW] = (void *)fb_underflow<E>;
		vt[VT_UFLOW] = (void *)fb_uflow<E>;
		vt[VT_SYNC] = (void *)fb_sync<E>;
	}
	*(void ***)fb = vt;
}

#define CHECK(c) printf("%s: %s\n", (c) ? "ok" : "FAILED", #c)

static void dump(const char *name)
{
	_iobuf *f = crt.fopen(name, "rb");
	int c;

	printf("%s:", name);
	if (!f) {
		puts(" missing");
		return;
	}
	while ((c = crt.fgetc(f)) != -1)
		printf(" %02x", c);
	puts("");
	crt.fclose(f);
}

static void write_numbers()
{
	filebuf<char> fb;

	puts("== ofstream");
	make_filebuf(&fb);
	CHECK(fb.open("n.txt", OUT | TRUNC));
	{
		std::basic_ostream<char, ctr> os(&fb);

		os << 42;
		os.put(' ');
		os << 3.5;
		os.put('\n');
		os.write("second line\n", 12);
		os << -7;
		os.put(' ');
		os.write("ff true 99999999999 x 2 1e500 -1e999\n", 37);
		os.flush();
		CHECK(state(&os) == 0);
	}
	CHECK(fb.close());
	dump("n.txt");
}

static void read_numbers()
{
	filebuf<char> fb;
	char line[32];
	int i = 0;
	double d = 0;
	unsigned u = 0;
	bool b = false;
	long long ll = 0;
	float f = 1;

	puts("== ifstream");
	make_filebuf(&fb);
	CHECK(!fb.open("missing.txt", IN));
	CHECK(fb.open("n.txt", IN));
	std::basic_istream<char, ctr> is(&fb);

	is >> i >> d;
	printf("int %d double %g state %d\n", i, d, state(&is));
	is.getline(line, sizeof(line));
	printf("rest of the line \"%s\" (%lld)\n", line, is._Chcount);
	is.getline(line, sizeof(line));
	printf("line \"%s\" state %d\n", line, state(&is));
	is >> i;
	setf(&is, F_HEX, F_BASE);
	is >> u;
	setf(&is, F_DEC | F_BOOLALPHA, F_BASE | F_BOOLALPHA);
	is >> b;
	printf("negative %d, hex %u, boolalpha %d, state %d\n", i, u, (int)b, state(&is));
	is >> i;
	printf("out of range: %d state %d\n", i, state(&is));
	clear(&is);
	is >> i;
	printf("no digits: %d state %d\n", i, state(&is));
	clear(&is);
	setf(&is, 0, F_BOOLALPHA);
	is.getline(line, 2);                       /* the x */
	clear(&is);
	is >> b;
	printf("bool 2: %d state %d\n", (int)b, state(&is));
	clear(&is);
	is >> f;
	printf("float 1e500: %g state %d\n", (double)f, state(&is));
	clear(&is);
	d = 1;
	is >> d;
	printf("double -1e999: %g state %d\n", d, state(&is));
	clear(&is);
	is >> ll;
	printf("at the end: %lld state %d\n", ll, state(&is));
}

static void modes()
{
	filebuf<char> fb;

	puts("== open modes");
	make_filebuf(&fb);
	CHECK(fb.open("m.txt", OUT));
	{
		std::basic_ostream<char, ctr> os(&fb);

		os.write("abc", 3);
	}
	fb.close();
	CHECK(fb.open("m.txt", OUT | APP));
	{
		std::basic_ostream<char, ctr> os(&fb);

		os.write("def", 3);
	}
	fb.close();
	dump("m.txt");
	CHECK(!fb.open("m.txt", OUT | NOREPLACE));
	CHECK(fb.open("m.txt", OUT | TRUNC | BINARY));
	{
		std::basic_ostream<char, ctr> os(&fb);

		os << 1 << 2;
	}
	fb.close();
	dump("m.txt");
}

static void read_write()
{
	filebuf<char> fb;
	int a = 0, b = 0;

	puts("== fstream");
	make_filebuf(&fb);
	CHECK(fb.open("rw.txt", IN | OUT | TRUNC));
	{
		std::basic_iostream<char, ctr> io(&fb);

		io << 11;
		io.put(' ');
		io << 22;
		io.flush();
		crt.fseek(fb.file, 0, 0);
		io >> a >> b;
		printf("read back %d %d state %d\n", a, b, state(&io));
	}
	fb.close();
	dump("rw.txt");
}

static void wide()
{
	filebuf<wchar_t> fb;
	int n = 0;

	puts("== wofstream and wifstream");
	make_filebuf(&fb);
	CHECK(fb.open("w.txt", OUT | TRUNC));
	CHECK(fb.pcvt != nullptr);
	{
		std::basic_ostream<wchar_t, wtr> os(&fb);

		os.write(L"caf\u00e9 ", 5);
		os << 42;
		os.flush();
		CHECK(state(&os) == 0);
		os.write(L"\u20ac", 1);
		CHECK(state(&os) == BADBIT);
	}
	fb.close();
	dump("w.txt");
	CHECK(fb.open("w.txt", IN));
	{
		std::basic_istream<wchar_t, wtr> is(&fb);
		wchar_t word[8] = {};

		is.getline(word, 8, L' ');
		is >> n;
		printf("wide read: %d%d%d%d%d %d state %d\n", word[0] == L'c', word[1] == L'a', word[2] == L'f',
		       word[3] == 0xe9, word[4] == 0, n, state(&is));
	}
	fb.close();
}

int main()
{
	load_crt();
	write_numbers();
	read_numbers();
	modes();
	read_write();
	wide();
	puts("done");
	return 0;
}
