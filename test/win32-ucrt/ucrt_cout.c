/* msvcp140's std::cout as a program built by Visual C++ uses it, done by
 * hand: the stream object is the exported data; the inline template code
 * (operator<<(ostream&, const char*), std::endl) reaches the basic_ios
 * virtual base through the vbtable, reads the state, format and buffer
 * fields at their offsets and calls the buffer's virtual functions; the
 * members are msvcp140's exports, `this` first.  The standard streams
 * write through ucrtbase's stdout, so they keep their order with printf.
 * A buffer of the program's own (the exported base class constructor and
 * vtable, two functions overridden) takes cout's output while it is
 * cout's rdbuf, and an ostream the program builds over it (the exported
 * constructor with the hidden most-derived flag last, which sets the
 * vbtable pointer and builds basic_ios).  std::cin reads the standard
 * input through ucrtbase: _Ipfx skips white space, getline takes a line.
 * The <iomanip> manipulators give the function the inline operator<< calls
 * on the stream's ios_base; _Fiopen opens the C stream of an openmode.
 * (Wine 8 pads an internal-adjusted number one character
 * wider than the width, "-***42 "; the standard puts the fill at the
 * internal point within the width, "-***42".) */
#include <stdio.h>
#include <string.h>
#include <windows.h>

typedef void os_t;
typedef long long ll;

/* basic_ios<char> fields and basic_streambuf's vtable slots. */
#define IOS_STATE 0x10
#define IOS_FMTFL 0x18
#define IOS_PREC 0x20
#define IOS_WIDE 0x28
#define IOS_STRBUF 0x48
#define IOS_FILL 0x58
enum { VT_LOCK = 1, VT_UNLOCK = 2, VT_OVERFLOW = 3, VT_XSPUTN = 9, VT_COUNT = 15 };
enum { F_BOOLALPHA = 0x4000, F_HEX = 0x800, F_DEC = 0x200, F_BASE = 0xe00, F_SHOWBASE = 0x8,
       F_INTERNAL = 0x100, F_LEFT = 0x40, F_ADJUST = 0x1c0, F_FIXED = 0x2000 };

static HMODULE msvcp;
static os_t *cout, *cerr;
static os_t *(*op_int)(os_t *, int), *(*op_ll)(os_t *, ll), *(*op_uint)(os_t *, unsigned);
static os_t *(*op_bool)(os_t *, BOOLEAN), *(*op_double)(os_t *, double);
static os_t *(*op_manip)(os_t *, os_t *(*)(os_t *));
static os_t *(*put)(os_t *, char), *(*flush)(os_t *), *(*write)(os_t *, const char *, ll);
static void (*osfx)(os_t *);
static char (*widen)(void *, char);
static void *(*rdbuf)(void *, void *), *(*sb_ctor)(void *);
static int (*uncaught)(void);
static void *cin, *(*ostream_ctor)(void *, void *, BOOLEAN, int);
static void (*ostream_vbase_dtor)(void *);
static BOOLEAN (*ipfx)(void *, BOOLEAN);
static void *(*getline_)(void *, char *, ll);
static ll (*gcount)(void *);
static int (*get)(void *);

struct smanip_ll { void (*fn)(void *, ll); ll arg; };
static struct smanip_ll (*setw_)(ll), (*setprecision_)(ll);
static FILE *(*fiopen)(const char *, int, int);

#define SB "?$basic_streambuf@DU?$char_traits@D@std@@@std@@"
#define OS "?$basic_ostream@DU?$char_traits@D@std@@@std@@"
#define IOS "?$basic_ios@DU?$char_traits@D@std@@@std@@"

static void *fn(const char *name)
{
	void *p = (void *)GetProcAddress(msvcp, name);

	if (!p)
		printf("missing: %s\n", name);
	return p;
}

static BOOL resolve(void)
{
	cout = fn("?cout@std@@3V?$basic_ostream@DU?$char_traits@D@std@@@1@A");
	cerr = fn("?cerr@std@@3V?$basic_ostream@DU?$char_traits@D@std@@@1@A");
	op_int = fn("??6" OS "QEAAAEAV01@H@Z");
	op_ll = fn("??6" OS "QEAAAEAV01@_J@Z");
	op_uint = fn("??6" OS "QEAAAEAV01@I@Z");
	op_bool = fn("??6" OS "QEAAAEAV01@_N@Z");
	op_double = fn("??6" OS "QEAAAEAV01@N@Z");
	op_manip = fn("??6" OS "QEAAAEAV01@P6AAEAV01@AEAV01@@Z@Z");
	put = fn("?put@" OS "QEAAAEAV12@D@Z");
	flush = fn("?flush@" OS "QEAAAEAV12@XZ");
	write = fn("?write@" OS "QEAAAEAV12@PEBD_J@Z");
	osfx = fn("?_Osfx@" OS "QEAAXXZ");
	widen = fn("?widen@" IOS "QEBADD@Z");
	rdbuf = fn("?rdbuf@" IOS "QEAAPEAV?$basic_streambuf@DU?$char_traits@D@std@@@2@PEAV32@@Z");
	sb_ctor = fn("??0" SB "IEAA@XZ");
	uncaught = fn("?uncaught_exceptions@std@@YAHXZ");
	cin = fn("?cin@std@@3V?$basic_istream@DU?$char_traits@D@std@@@1@A");
	ostream_ctor = fn("??0" OS "QEAA@PEAV?$basic_streambuf@DU?$char_traits@D@std@@@1@_N@Z");
	ostream_vbase_dtor = fn("??_D" OS "QEAAXXZ");
	ipfx = fn("?_Ipfx@?$basic_istream@DU?$char_traits@D@std@@@std@@QEAA_N_N@Z");
	getline_ = fn("?getline@?$basic_istream@DU?$char_traits@D@std@@@std@@QEAAAEAV12@PEAD_J@Z");
	gcount = fn("?gcount@?$basic_istream@DU?$char_traits@D@std@@@std@@QEBA_JXZ");
	get = fn("?get@?$basic_istream@DU?$char_traits@D@std@@@std@@QEAAHXZ");
	setw_ = fn("?setw@std@@YA?AU?$_Smanip@_J@1@_J@Z");
	setprecision_ = fn("?setprecision@std@@YA?AU?$_Smanip@_J@1@_J@Z");
	fiopen = fn("?_Fiopen@std@@YAPEAU_iobuf@@PEBDHH@Z");
	return setw_ && setprecision_ && fiopen && cin && ostream_ctor && ostream_vbase_dtor && ipfx && getline_ && gcount && get &&
	       cout && cerr && op_int && op_ll && op_uint && op_bool && op_double && op_manip &&
	       put && flush && write && osfx && widen && rdbuf && sb_ctor && uncaught;
}

static char *ios_of(os_t *os)
{
	const int *vbtable = *(const int **)os;

	return (char *)os + vbtable[1];
}

#define FIELD(os, type, off) (*(type *)(ios_of(os) + (off)))
#define CHECK_IN(c) printf("%s: %s\n", (c) ? "ok" : "FAILED", #c)

static void *const *vtbl_of(void *sb)
{
	return *(void *const **)sb;
}

/* The inline operator<<(ostream&, const char*): the sentry, the buffer's
 * xsputn, the width back to 0, _Osfx. */
static os_t *put_str(os_t *os, const char *s)
{
	void *sb = FIELD(os, void *, IOS_STRBUF);
	ll n = (ll)strlen(s);

	((void (*)(void *))vtbl_of(sb)[VT_LOCK])(sb);
	if (FIELD(os, int, IOS_STATE) == 0 &&
	    ((ll (*)(void *, const char *, ll))vtbl_of(sb)[VT_XSPUTN])(sb, s, n) != n)
		FIELD(os, int, IOS_STATE) |= 4;
	FIELD(os, ll, IOS_WIDE) = 0;
	if (!uncaught())
		osfx(os);
	((void (*)(void *))vtbl_of(sb)[VT_UNLOCK])(sb);
	return os;
}

static os_t *endl(os_t *os)
{
	put(os, widen(ios_of(os), '\n'));
	return flush(os);
}

static void setf(os_t *os, int flags, int mask)
{
	FIELD(os, int, IOS_FMTFL) = (FIELD(os, int, IOS_FMTFL) & ~mask) | (flags & mask);
}

static void numbers(void)
{
	op_manip(op_int(put_str(cout, "x"), 42), endl);
	setf(cout, F_HEX | F_SHOWBASE, F_BASE | F_SHOWBASE);
	op_manip(op_ll(op_int(cout, 255), -1), endl);
	setf(cout, F_DEC, F_BASE | F_SHOWBASE);
	FIELD(cout, ll, IOS_WIDE) = 6;
	FIELD(cout, char, IOS_FILL) = '*';
	op_int(cout, -42);
	put(cout, '|');
	setf(cout, F_INTERNAL, F_ADJUST);
	FIELD(cout, ll, IOS_WIDE) = 6;
	op_int(cout, -42);
	put(cout, '|');
	setf(cout, F_LEFT, F_ADJUST);
	FIELD(cout, ll, IOS_WIDE) = 6;
	op_manip(op_uint(cout, 7), endl);
	setf(cout, F_BOOLALPHA, F_BOOLALPHA | F_ADJUST);
	op_bool(put_str(op_bool(cout, 1), " "), 0);
	setf(cout, 0, F_BOOLALPHA);
	op_manip(op_bool(put_str(cout, " "), 1), endl);
	op_manip(op_double(put_str(op_double(cout, 3.5), " "), 1e20), endl);
	setf(cout, F_FIXED, F_FIXED);
	FIELD(cout, ll, IOS_PREC) = 3;
	op_manip(op_double(cout, 2.0 / 3), endl);
	write(cout, "written\n", 8);
	printf("printf after cout\n");
	op_manip(put_str(cout, "cout after printf"), endl);
}

/* A buffer of the program's own: the base class constructor, then a
 * vtable that is the base class's with overflow and xsputn replaced. */
static char captured[64];
static int ncaptured;
static void *my_vtbl[VT_COUNT];

static int my_overflow(void *sb, int c)
{
	if (c != -1 && ncaptured < (int)sizeof(captured) - 1)
		captured[ncaptured++] = (char)c;
	return c;
}

static ll my_xsputn(void *sb, const char *s, ll n)
{
	for (ll i = 0; i < n; i++)
		my_overflow(sb, (unsigned char)s[i]);
	return n;
}

/* An ostream object of the program's own over the buffer: vbtable
 * pointer, vtordisp, then basic_ios at 0x10. */
static void own_ostream(void *sb)
{
	void *os[14];

	memset(os, 0xcc, sizeof(os));
	ncaptured = 0;
	ostream_ctor(os, sb, 0, 1);
	printf("own ostream: vbase at %d, state %d, width %lld\n", ((int **)os)[0][1],
	       FIELD(os, int, IOS_STATE), FIELD(os, ll, IOS_WIDE));
	op_int(put_str(os, "v"), 5);
	printf("own ostream wrote: [%.*s]\n", ncaptured, captured);
	ostream_vbase_dtor(os);
}

/* The inline operator<<(ostream&, const _Smanip&): the function on the
 * ios_base. */
static os_t *put_manip(os_t *os, struct smanip_ll m)
{
	m.fn(ios_of(os), m.arg);
	return os;
}

static void manipulators(void)
{
	setf(cout, 0, F_FIXED | F_ADJUST);
	FIELD(cout, char, IOS_FILL) = ' ';
	op_int(put_manip(cout, setw_(5)), 42);
	op_manip(op_double(put_manip(cout, setprecision_(3)), 3.14159), endl);
}

/* openmode: in 1, out 2, app 8, trunc 0x10, binary 0x20, _Nocreate 0x40,
 * _Noreplace 0x80. */
static void file_streams(void)
{
	const char *path = "fiopen.tmp";
	char buf[16] = "";
	FILE *f;

	remove(path);
	printf("in, missing: %s\n", fiopen(path, 1, 0x40) ? "opened" : "NULL");
	f = fiopen(path, 2 | 0x20, 0x40);
	fputs("abc", f);
	fclose(f);
	f = fiopen(path, 8, 0x40);
	fputs("de", f);
	fclose(f);
	f = fiopen(path, 1, 0x40);
	fgets(buf, sizeof(buf), f);
	fclose(f);
	printf("written and appended: %s\n", buf);
	printf("out, _Noreplace, existing: %s\n", fiopen(path, 2 | 0x80, 0x40) ? "opened" : "NULL");
	printf("in|_Nocreate, existing: %s\n", (f = fiopen(path, 1 | 0x40, 0x40)) ? "opened" : "NULL");
	if (f)
		fclose(f);
	remove(path);
}

static void input(void)
{
	char line[32];
	int c;

	CHECK_IN(ipfx(cin, 0));                     /* skips the leading blanks */
	getline_(cin, line, sizeof(line));
	printf("cin line: [%s] gcount %lld\n", line, gcount(cin));
	getline_(cin, line, sizeof(line));
	printf("cin line: [%s]\n", line);
	c = get(cin);
	printf("cin at end: %d, state %d\n", c, FIELD(cin, int, IOS_STATE));
}

static void own_buffer(void)
{
	void *base_vtbl = fn("??_7" SB "6B@");
	void *sb[13], *old;

	if (!base_vtbl)
		return;
	sb_ctor(sb);
	printf("base constructor sets the base vtable: %s\n", sb[0] == base_vtbl ? "yes" : "no");
	memcpy(my_vtbl, base_vtbl, sizeof(my_vtbl));
	my_vtbl[VT_OVERFLOW] = (void *)my_overflow;
	my_vtbl[VT_XSPUTN] = (void *)my_xsputn;
	sb[0] = my_vtbl;
	old = rdbuf(ios_of(cout), sb);
	op_manip(op_int(put_str(cout, "n="), 7), endl);
	rdbuf(ios_of(cout), old);
	printf("captured: [%.*s]\n", ncaptured - 1, captured);
	printf("state: %d\n", FIELD(cout, int, IOS_STATE));
	own_ostream(sb);
}

int main(void)
{
	msvcp = LoadLibraryA("msvcp140.dll");
	if (!msvcp || !resolve()) {
		printf("msvcp140 is missing or incomplete\n");
		return 1;
	}
	numbers();
	own_buffer();
	manipulators();
	file_streams();
	input();
	put_str(cerr, "cerr is unit-buffered\n");
	return 0;
}
