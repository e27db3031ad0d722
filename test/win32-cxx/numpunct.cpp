/*
 * msvcp140's number inserters through a stream's locale: std::cout
 * imbued with a locale holding a numpunct<char> of the program's own (as
 * <xlocnum> declares it, a facet with five virtual functions, registered
 * under msvcp140's exported numpunct<char>::id), so the DLL's num_put asks
 * it for the decimal point, the thousands separator, the grouping and the
 * names of true and false.  Covers integers of every width grouped by
 * "\3", "\1\2" (the last group repeats), "\2\x7f" (CHAR_MAX: no more
 * separators) and "" (none), negative numbers, showpos, hex and octal
 * with showbase, the width with a fill left, right and internal (after the
 * sign or base, before the separators), floating point fixed, scientific,
 * general and hexfloat with the facet's decimal point, bool with and
 * without boolalpha, and the classic locale again after imbue back;
 * std::wcout with a numpunct<wchar_t> (and a different numpunct<char> in
 * the same locale) likewise; num_put<char> itself (use_facet, put,
 * do_put by vtable slot) and a num_put of the program's in cout's locale,
 * which the inserters then write through; std::cin's extractors of int, double and
 * bool(alpha) with the facet (separators accepted between groups, groups
 * checked, its decimal point and names; what each leaves unread).  The
 * numbers are written with the exported operator<< and the text with
 * write, all through cout.  Expected output: the real msvcp140 14.30
 * (the corpus's sarif-multitool package) under Wine 8 with
 * WINEDLLOVERRIDES=msvcp140=n.  Wine 8's own msvcp140 crashes in
 * num_put::put through an iterator without a buffer, and before that
 * differs on ten lines: a failed extraction leaves the variable as it was where
 * msvcp140 stores 0 or false (C++11's rule); it groups the 0x of a hex number as digits ("0.x12.34a.bcd",
 * internal padding before the 0x), puts a separator after the minus sign
 * when the groups are "\1\2", writes hexfloat with 6 digits where the
 * UCRT's %a writes 13, and a stray control character after a float
 * padded internally.
 */
#include "cxx_locale.h"

namespace std {
template <class E, class T = char_traits<E>> class basic_ostream {
public:
	__declspec(dllimport) basic_ostream &operator<<(short);
	__declspec(dllimport) basic_ostream &operator<<(int);
	__declspec(dllimport) basic_ostream &operator<<(unsigned int);
	__declspec(dllimport) basic_ostream &operator<<(long);
	__declspec(dllimport) basic_ostream &operator<<(long long);
	__declspec(dllimport) basic_ostream &operator<<(unsigned long long);
	__declspec(dllimport) basic_ostream &operator<<(bool);
	__declspec(dllimport) basic_ostream &operator<<(double);
	__declspec(dllimport) basic_ostream &operator<<(float);
	__declspec(dllimport) basic_ostream &operator<<(const void *);
	__declspec(dllimport) basic_ostream &write(const E *, long long);
	__declspec(dllimport) basic_ostream &flush();
};

template <class E, class T = char_traits<E>> class basic_ios {
public:
	__declspec(dllimport) locale imbue(const locale &);
	__declspec(dllimport) void clear(int, bool);
};

template <class E, class T = char_traits<E>> class basic_istream {
public:
	__declspec(dllimport) basic_istream &operator>>(int &);
	__declspec(dllimport) basic_istream &operator>>(double &);
	__declspec(dllimport) basic_istream &operator>>(bool &);
	__declspec(dllimport) int get();
};

extern __declspec(dllimport) basic_ostream<char, char_traits<char>> cout;
extern __declspec(dllimport) basic_istream<char, char_traits<char>> cin;
extern __declspec(dllimport) basic_ostream<wchar_t, char_traits<wchar_t>> wcout;

/* num_put over ostreambuf_iterator, as <xlocnum> declares it: msvcp140
 * has its members. */
template <class E, class I> class num_put;
template <class E> class num_put<E, ostreambuf_iterator<E, char_traits<E>>> : public locale::facet {
	typedef ostreambuf_iterator<E, char_traits<E>> I;

public:
	__declspec(dllimport) static locale::id id;
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) I put(I, ios_base &, E, bool) const;
	__declspec(dllimport) I put(I, ios_base &, E, long) const;
	__declspec(dllimport) I put(I, ios_base &, E, unsigned long) const;
	__declspec(dllimport) I put(I, ios_base &, E, long long) const;
	__declspec(dllimport) I put(I, ios_base &, E, unsigned long long) const;
	__declspec(dllimport) I put(I, ios_base &, E, double) const;
	__declspec(dllimport) I put(I, ios_base &, E, long double) const;
	__declspec(dllimport) I put(I, ios_base &, E, const void *) const;
	__declspec(dllimport) explicit num_put(size_t);

protected:
	__declspec(dllimport) ~num_put() override;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, bool) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, long) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, unsigned long) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, long long) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, unsigned long long) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, double) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, long double) const;
	__declspec(dllimport) virtual I do_put(I, ios_base &, E, const void *) const;
};
template <> __declspec(dllimport) locale::id num_put<char, ostreambuf_iterator<char, char_traits<char>>>::id;
template <> __declspec(dllimport) locale::id num_put<wchar_t, ostreambuf_iterator<wchar_t, char_traits<wchar_t>>>::id;

/* std::basic_string as <xstring> lays it out: 16 bytes of characters
 * (or a pointer when it holds more), the size, the capacity.  The
 * strings here fit, so nothing is allocated. */
template <class E> struct basic_string {
	enum { IN_PLACE = 16 / sizeof(E) };
	union {
		E buf[IN_PLACE];
		E *ptr;
	} bx;
	size_t size, res;

	basic_string(const E *s) : size(0), res(IN_PLACE - 1)
	{
		while (s[size] && size < IN_PLACE - 1) {
			bx.buf[size] = s[size];
			size++;
		}
		bx.buf[size] = 0;
	}
	basic_string(const basic_string &o) : bx(o.bx), size(o.size), res(o.res) {}
	~basic_string() {}
};
typedef basic_string<char> string;
typedef basic_string<wchar_t> wstring;

/* numpunct: msvcp140 has its id; the rest is the program's. */
template <class E> class numpunct : public locale::facet {
public:
	__declspec(dllimport) static locale::id id;

protected:
	explicit numpunct(size_t refs) : facet(refs) {}
	~numpunct() override {}
	virtual E do_decimal_point() const = 0;
	virtual E do_thousands_sep() const = 0;
	virtual string do_grouping() const = 0;
	virtual basic_string<E> do_falsename() const = 0;
	virtual basic_string<E> do_truename() const = 0;
};
template <> __declspec(dllimport) locale::id numpunct<char>::id;
template <> __declspec(dllimport) locale::id numpunct<wchar_t>::id;
}

using std::cout;

static int puncts_alive;

class my_punct : public std::numpunct<char> {
public:
	my_punct(char dp, char sep, const char *grouping) : numpunct(0), dp(dp), sep(sep), grouping(grouping)
	{
		puncts_alive++;
	}

protected:
	~my_punct() override { puncts_alive--; }
	char do_decimal_point() const override { return dp; }
	char do_thousands_sep() const override { return sep; }
	std::string do_grouping() const override { return grouping; }
	std::string do_falsename() const override { return "nein"; }
	std::string do_truename() const override { return "ja"; }

private:
	char dp, sep;
	const char *grouping;
};

class my_wpunct : public std::numpunct<wchar_t> {
public:
	my_wpunct() : numpunct(0) { puncts_alive++; }

protected:
	~my_wpunct() override { puncts_alive--; }
	wchar_t do_decimal_point() const override { return L'/'; }
	wchar_t do_thousands_sep() const override { return L'_'; }
	std::string do_grouping() const override { return "\4"; }
	std::wstring do_falsename() const override { return L"off"; }
	std::wstring do_truename() const override { return L"on"; }
};

enum { IOS_FMTFL = 0x18, IOS_PREC = 0x20, IOS_WIDE = 0x28, IOS_FILL = 0x58 };
enum { F_SHOWBASE = 0x8, F_SHOWPOS = 0x20, F_LEFT = 0x40, F_RIGHT = 0x80, F_INTERNAL = 0x100,
       F_DEC = 0x200, F_OCT = 0x400, F_HEX = 0x800, F_SCIENTIFIC = 0x1000, F_FIXED = 0x2000,
       F_BOOLALPHA = 0x4000, F_UPPERCASE = 0x4 };

/* The virtual base basic_ios<char>, at the offset the vbtable gives. */
static char *ios_of(std::basic_ostream<char> &os)
{
	const int *vbtable = *(const int **)&os;

	return (char *)&os + vbtable[1];
}

template <class T> static T &field(int off)
{
	return *(T *)(ios_of(cout) + off);
}

static void say(const char *s)
{
	long long n = 0;

	while (s[n])
		n++;
	cout.write(s, n);
}

/* The format flags, width, fill and precision for the next number, as
 * ios_base::flags/width/precision and basic_ios::fill do inline. */
static void fmt(int flags, long long width = 0, char fill = ' ', long long prec = 6)
{
	field<int>(IOS_FMTFL) = flags;
	field<long long>(IOS_WIDE) = width;
	field<char>(IOS_FILL) = fill;
	field<long long>(IOS_PREC) = prec;
}

static std::locale with_punct(char dp, char sep, const char *grouping)
{
	return std::locale(std::locale::classic(), new my_punct(dp, sep, grouping));
}

static void imbue(const std::locale &loc)
{
	((std::basic_ios<char> *)ios_of(cout))->imbue(loc);
}

static void integers(const char *title)
{
	say(title);
	fmt(F_DEC);
	cout << 1234567;
	say(" ");
	cout << -1234567;
	say(" ");
	cout << 0;
	say(" ");
	cout << 999;
	say(" ");
	cout << 1000;
	say(" ");
	cout << (short)-32768;
	say(" ");
	cout << (long long)(-9223372036854775807LL - 1);
	say(" ");
	cout << 18446744073709551615ULL;
	say(" ");
	cout << 4294967295u;
	say(" ");
	cout << 12L;
	say("\n");
}

static void bases(void)
{
	say("showpos: ");
	fmt(F_DEC | F_SHOWPOS);
	cout << 1234567;
	say(" hex showbase: ");
	fmt(F_HEX | F_SHOWBASE);
	cout << 0x1234abcd;
	say(" HEX: ");
	fmt(F_HEX | F_SHOWBASE | F_UPPERCASE);
	cout << 0xabcdef;
	say(" oct showbase: ");
	fmt(F_OCT | F_SHOWBASE);
	cout << 01234567;
	say(" hex -1: ");
	fmt(F_HEX);
	cout << -1;
	say("\n");
}

static void widths(void)
{
	say("right: [");
	fmt(F_DEC, 12, '*');
	cout << -1234567;
	say("] left: [");
	fmt(F_DEC | F_LEFT, 12, '*');
	cout << -1234567;
	say("] internal: [");
	fmt(F_DEC | F_INTERNAL, 12, '*');
	cout << -1234567;
	say("] internal hex: [");
	fmt(F_HEX | F_SHOWBASE | F_INTERNAL, 14, '_');
	cout << 0x12345;
	say("] narrow: [");
	fmt(F_DEC, 3, '*');
	cout << 123456;
	say("] width after: ");
	cout << (int)field<long long>(IOS_WIDE);
	say("\n");
}

static void floats(void)
{
	say("fixed: ");
	fmt(F_FIXED, 0, ' ', 2);
	cout << 1234567.891;
	say(" ");
	cout << -0.5;
	say(" ");
	cout << 999.0;
	say(" scientific: ");
	fmt(F_SCIENTIFIC, 0, ' ', 3);
	cout << 1234567.891;
	say(" general: ");
	fmt(0);
	cout << 1234567.891;
	say(" ");
	cout << 123456.0;
	say(" ");
	cout << 0.25f;
	say(" hexfloat: ");
	fmt(F_FIXED | F_SCIENTIFIC);
	cout << 1234.5;
	say(" showpos width: [");
	fmt(F_FIXED | F_SHOWPOS | F_INTERNAL, 16, '0', 1);
	cout << 98765.43;
	say("]\n");
}

static void bools(void)
{
	say("bool: ");
	fmt(F_BOOLALPHA);
	cout << true;
	say(" ");
	cout << false;
	say(" [");
	fmt(F_BOOLALPHA, 6, '.');
	cout << true;
	say("] [");
	fmt(F_BOOLALPHA | F_LEFT, 6, '.');
	cout << false;
	say("] noboolalpha: ");
	fmt(F_DEC);
	cout << true;
	say("\n");
}

/* wcout with a numpunct<wchar_t> of the program's: the wide inserters
 * ask the wide facet (the narrow one in the same locale is not used). */
static void wide(void)
{
	std::locale loc(with_punct(',', '.', "\3"), new my_wpunct());
	char *wios = (char *)&std::wcout + (*(const int **)&std::wcout)[1];
	std::basic_ostream<wchar_t> &wc = std::wcout;

	cout.flush();
	((std::basic_ios<wchar_t> *)wios)->imbue(loc);
	*(int *)(wios + IOS_FMTFL) = F_DEC;
	wc.write(L"wide: ", 6);
	wc << 123456789;
	wc.write(L" ", 1);
	*(int *)(wios + IOS_FMTFL) = F_FIXED;
	*(long long *)(wios + IOS_PREC) = 3;
	wc << 1234567.25;
	wc.write(L" ", 1);
	*(int *)(wios + IOS_FMTFL) = F_BOOLALPHA | F_LEFT;
	*(long long *)(wios + IOS_WIDE) = 4;
	*(wchar_t *)(wios + IOS_FILL) = L'~';
	wc << true;
	wc.write(L"|", 1);
	wc << false;
	wc.write(L"\n", 1);
	((std::basic_ios<wchar_t> *)wios)->imbue(std::locale::classic());
	wc.flush();
}

typedef std::num_put<char, std::ostreambuf_iterator<char, std::char_traits<char>>> num_put_c;
typedef std::num_put<wchar_t, std::ostreambuf_iterator<wchar_t, std::char_traits<wchar_t>>> num_put_w;

/* num_put as a program reaches it: use_facet (its _Getcat), put (the
 * vtable's do_put) into cout's buffer with cout as the ios_base, so the
 * flags, width and locale (its numpunct) are cout's and the fill is the
 * one given; do_put by vtable slot; an iterator without a buffer fails. */
static void facet(void)
{
	const num_put_c &np = *(const num_put_c *)use_facet<num_put_c>(std::locale::classic());
	const void *wnp = use_facet<num_put_w>(std::locale::classic());
	std::ios_base &base = *(std::ios_base *)ios_of(cout);
	std::ostreambuf_iterator<char, std::char_traits<char>> it = { false, field<std::basic_streambuf<char,
		std::char_traits<char>> *>(0x48) }, none = { false, nullptr };

	say("num_put: ");
	imbue(with_punct(',', '.', "\3"));
	fmt(F_DEC, 12);
	it = np.put(it, base, '#', -1234567L);
	say(" ");
	fmt(F_DEC | F_LEFT, 8);
	it = np.put(it, base, '_', 4294967295UL);
	say(" ");
	fmt(F_HEX | F_SHOWBASE | F_INTERNAL, 12);
	it = np.put(it, base, '0', 0x123456789abcLL);
	say(" ");
	fmt(F_DEC);
	it = np.put(it, base, ' ', 18446744073709551615ULL);
	say(" ");
	fmt(F_FIXED, 0, ' ', 1);
	it = np.put(it, base, ' ', 1234.25);
	say(" ");
	it = np.put(it, base, ' ', (long double)-9876.5);
	say(" ");
	fmt(F_BOOLALPHA, 5);
	it = np.put(it, base, '-', true);
	say(" ");
	fmt(F_DEC);
	it = np.put(it, base, ' ', false);
	say(" width after: ");
	cout << (int)field<long long>(IOS_WIDE);
	say(" slot 9 (long): ");
	vcall<void *>(&np, 9, &it, it, &base, ' ', 1000000L);
	say(" failed: ");
	cout << (int)it._Failed;
	none = np.put(none, base, ' ', 5L);
	say(", without a buffer: ");
	cout << (int)none._Failed;
	say(", wide facet: ");
	cout << (int)(wnp != nullptr && wnp != (const void *)&np);
	imbue(std::locale::classic());
	say("\n");
}

/* A num_put of the program's own: braces around what do_put(long) writes,
 * angle brackets around do_put(double), the other overloads msvcp140's. */
static int num_puts_alive;
class my_num_put : public num_put_c {
	typedef std::ostreambuf_iterator<char, std::char_traits<char>> I;

public:
	my_num_put() : num_put_c(0) { num_puts_alive++; }

protected:
	~my_num_put() override { num_puts_alive--; }
	I do_put(I it, std::ios_base &b, char fill, long v) const override
	{
		it = put_char(it, '{');
		return put_char(num_put_c::do_put(it, b, fill, v), '}');
	}
	I do_put(I it, std::ios_base &b, char fill, double v) const override
	{
		it = put_char(it, '<');
		return put_char(num_put_c::do_put(it, b, fill, v), '>');
	}

private:
	/* basic_streambuf::sputc: cout's buffer has no put area, so overflow */
	static I put_char(I it, char c)
	{
		void *sb = it._Strbuf;

		((int (*)(void *, int))(*(void ***)sb)[3])(sb, (unsigned char)c);
		return it;
	}
};

/* The inserters write through the stream locale's num_put when it is the
 * program's: int and short (hex: its unsigned bits) by do_put(long), double
 * and float by do_put(double), the others by msvcp140's overloads. */
static void own_num_put(void)
{
	say("own num_put: ");
	imbue(std::locale(with_punct(',', '.', "\3"), new my_num_put()));
	fmt(F_DEC, 6, '*');
	cout << 1234567;
	say(" ");
	cout << 42;
	say(" ");
	cout << 2.5;
	say(" ");
	cout << 0.25f;
	say(" ");
	cout << 12345678LL;
	say(" ");
	cout << true;
	fmt(F_HEX);
	say(" ");
	cout << (short)-5;
	say(" ");
	cout << 4000000000u;
	imbue(std::locale::classic());
	say(" alive after: ");
	cout << num_puts_alive;
	say("\n");
}

/* cin's state after one extraction, then what is left of the word
 * (read with get), the state cleared. */
static void after_read(void)
{
	char *ios = (char *)&std::cin + (*(const int **)&std::cin)[1];
	char rest[32];
	int n = 0, c;

	say(" state ");
	cout << *(int *)(ios + 0x10);
	((std::basic_ios<char> *)ios)->clear(0, false);
	while ((c = std::cin.get()) != -1 && c != ' ' && c != '\n' && n < 31)
		rest[n++] = (char)c;
	rest[n] = 0;
	say(", left \"");
	say(rest);
	say("\"\n");
}

/* num_get through cin imbued with '.' between groups of 3 and ',' as the
 * decimal point: the standard input is (one per line here)
 * "1.234.567 1234 12.34 -1.000 1..000 .5 1.234. 123.456.789",
 * "3,75 1.234,5 2e3 1.5", "ja nein yes". */
static void extractors(void)
{
	char *ios = (char *)&std::cin + (*(const int **)&std::cin)[1];

	((std::basic_ios<char> *)ios)->imbue(with_punct(',', '.', "\3"));
	for (int i = 0; i < 8; i++) {
		int v = -7;

		std::cin >> v;
		say("int ");
		cout << v;
		after_read();
	}
	for (int i = 0; i < 4; i++) {
		double v = -7;

		std::cin >> v;
		say("double ");
		cout << v;
		after_read();
	}
	*(int *)(ios + IOS_FMTFL) |= F_BOOLALPHA;
	for (int i = 0; i < 3; i++) {
		bool v = true;

		std::cin >> v;
		say("bool ");
		cout << (int)v;
		after_read();
	}
	((std::basic_ios<char> *)ios)->imbue(std::locale::classic());
}

int main()
{
	integers("classic: ");
	floats();
	bools();
	{
		imbue(with_punct(',', '.', "\3"));
		integers("groups of 3: ");
		bases();
		widths();
		floats();
		bools();
		imbue(with_punct('.', '\'', "\1\2"));
		integers("groups 1 then 2: ");
		imbue(with_punct('.', ' ', "\2\x7f"));
		integers("one group of 2: ");
		imbue(with_punct('.', ',', ""));
		integers("no grouping: ");
		imbue(std::locale::classic());
		integers("classic again: ");
		wide();
		facet();
		own_num_put();
		fmt(F_DEC);
		extractors();
	}
	fmt(F_DEC);
	say("facets alive: ");
	cout << puncts_alive;
	say("\n");
	cout.flush();
	return 0;
}
