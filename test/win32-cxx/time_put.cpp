/*
 * time_put<char> as <iomanip>'s put_time reaches it: use_facet (the
 * class's _Getcat), then the exported put over a pattern, which writes
 * the pattern's other characters itself and asks do_put (through the
 * vtable) for each conversion with its E/O modifier; do_put called by
 * slot with a conversion and a modifier; a facet class of the program's
 * own overriding do_put, reached through put; time_put<wchar_t>'s put over a
 * wide pattern through wcout's buffer.  Output through cout's
 * buffer (the iterator) with cout as the ios_base; the width is neither
 * used nor reset.  Expected output: the real msvcp140 14.30 (the corpus's
 * sarif-multitool package) under Wine 8 with WINEDLLOVERRIDES=msvcp140=n,
 * but for the E and O modifiers: msvcp140 hands them to the UCRT's
 * _Strftime ("%Ec"), which Wine 8's ucrtbase refuses (invalid parameter);
 * the UCRT's documentation has them change nothing in the "C" locale, so
 * those expected lines are the same conversions' output without them
 * ("%Ec %EY %Od %OH" as "%c %Y %d %H", do_put('Y', 'E') as 'Y').  Wine
 * 8's own msvcp140 passes _Strftime a format it refuses on the first line.
 */
#include "cxx_locale.h"

struct tm {
	int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
};

namespace std {
template <class E, class T = char_traits<E>> class basic_ostream {
public:
	__declspec(dllimport) basic_ostream &write(const E *, long long);
	__declspec(dllimport) basic_ostream &flush();
};
extern __declspec(dllimport) basic_ostream<char, char_traits<char>> cout;
extern __declspec(dllimport) basic_ostream<wchar_t, char_traits<wchar_t>> wcout;

template <class E, class I> class time_put;
template <> class time_put<wchar_t, ostreambuf_iterator<wchar_t, char_traits<wchar_t>>> : public locale::facet {
	typedef ostreambuf_iterator<wchar_t, char_traits<wchar_t>> I;

public:
	__declspec(dllimport) static locale::id id;
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) I put(I, ios_base &, wchar_t, const tm *, const wchar_t *, const wchar_t *) const;
};
template <> class time_put<char, ostreambuf_iterator<char, char_traits<char>>> : public locale::facet {
	typedef ostreambuf_iterator<char, char_traits<char>> I;

public:
	__declspec(dllimport) static locale::id id;
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) I put(I, ios_base &, char, const tm *, const char *, const char *) const;
	__declspec(dllimport) I put(I, ios_base &, char, const tm *, char, char) const;
	__declspec(dllimport) explicit time_put(size_t);

protected:
	__declspec(dllimport) ~time_put() override;
	__declspec(dllimport) virtual I do_put(I, ios_base &, char, const tm *, char, char) const;

private:
	void *_Tnames;
};
}

typedef std::ostreambuf_iterator<char, std::char_traits<char>> iter;
typedef std::time_put<char, iter> time_put_c;

/* Brackets every conversion it is asked for around time_put's own. */
static int puts_alive;
class my_time_put : public time_put_c {
public:
	my_time_put() : time_put(0) { puts_alive++; }

protected:
	~my_time_put() override { puts_alive--; }
	iter do_put(iter it, std::ios_base &b, char fill, const tm *t, char spec, char mod) const override
	{
		it = put_char(it, '<');
		if (mod)
			it = put_char(it, mod);
		it = time_put_c::do_put(it, b, fill, t, spec, mod);
		return put_char(it, '>');
	}

private:
	static iter put_char(iter it, char c)
	{
		void *sb = it._Strbuf;

		/* basic_streambuf::sputc through the vtable's overflow: cout's
		 * buffer has no put area */
		((int (*)(void *, int))(*(void ***)sb)[3])(sb, (unsigned char)c);
		return it;
	}
};

static char *ios_of(void)
{
	return (char *)&std::cout + (*(const int **)&std::cout)[1];
}

static void say(const char *s)
{
	long long n = 0;

	while (s[n])
		n++;
	std::cout.write(s, n);
}

static void show(const time_put_c &tp, const tm *t, const char *pattern)
{
	std::ios_base &base = *(std::ios_base *)ios_of();
	iter it = { false, *(std::basic_streambuf<char, std::char_traits<char>> **)(ios_of() + 0x48) };
	const char *end = pattern;

	while (*end)
		end++;
	say("[");
	it = tp.put(it, base, '*', t, pattern, end);
	say("] failed ");
	say(it._Failed ? "1\n" : "0\n");
}

/* time_put<wchar_t> through wcout's buffer. */
static void wide(const tm *t)
{
	typedef std::time_put<wchar_t, std::ostreambuf_iterator<wchar_t, std::char_traits<wchar_t>>> time_put_w;
	const time_put_w &tp = *(const time_put_w *)use_facet<time_put_w>(locale::classic());
	char *ios = (char *)&std::wcout + (*(const int **)&std::wcout)[1];
	std::ostreambuf_iterator<wchar_t, std::char_traits<wchar_t>> it = {
		false, *(std::basic_streambuf<wchar_t, std::char_traits<wchar_t>> **)(ios + 0x48) };
	const wchar_t pattern[] = L"wide: %Y-%m-%d %A %#x %c %%|%";

	std::cout.flush();
	it = tp.put(it, *(std::ios_base *)ios, L' ', t, pattern, pattern + sizeof(pattern) / 2 - 1);
	std::wcout.write(it._Failed ? L" failed 1\n" : L" failed 0\n", 10);
	std::wcout.flush();
}

int main()
{
	/* Thursday 2024-02-29 07:05:09, day 59 of the year */
	tm t = { 9, 5, 7, 29, 1, 124, 4, 59, 0 };
	const time_put_c &tp = *(const time_put_c *)use_facet<time_put_c>(locale::classic());
	std::ios_base &base = *(std::ios_base *)ios_of();
	iter it = { false, *(std::basic_streambuf<char, std::char_traits<char>> **)(ios_of() + 0x48) };

	show(tp, &t, "%Y-%m-%d %H:%M:%S");
	show(tp, &t, "%a %A %b %B %c|%x|%X");
	show(tp, &t, "%j %U %W %w %y %p %I %e %D %T %R %F");
	show(tp, &t, "%Ec %EY %Od %OH %#d %#x");
	show(tp, &t, "100%% literal, trailing %");
	show(tp, &t, "%E");
	show(tp, &t, "");
	*(long long *)(ios_of() + 0x28) = 30;
	show(tp, &t, "%H:%M width 30");
	say("width after: ");
	say(*(long long *)(ios_of() + 0x28) ? "not 0\n" : "0\n");
	say("do_put by put: [");
	it = tp.put(it, base, ' ', &t, 'B', 0);
	say("] [");
	it = tp.put(it, base, ' ', &t, 'Y', 'E');
	say("]\n");
	{
		locale mine(locale::classic(), new my_time_put());
		const time_put_c &own = *(const time_put_c *)use_facet<time_put_c>(mine);

		say("own facet: ");
		show(own, &t, "%d.%m.%Y %Od");
	}
	wide(&t);
	say("facets alive: ");
	say(puts_alive ? "some\n" : "none\n");
	std::cout.flush();
	return 0;
}
