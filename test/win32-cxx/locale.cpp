/*
 * std::locale and its facets as MSVC's <xlocale> drives them.  msvcp140
 * exports the locale's static members, _Locinfo, and the ctype and
 * codecvt facets (declared here with the classes' real names, so clang
 * gives them MSVC's decorated names); what the header inlines is written
 * out as it is there: use_facet (the facet vector of the locale's
 * _Locimp by locale::id, the global locale's for a transparent one, else
 * the class's _Getcat makes one, kept in a static of the program),
 * has_facet, locale(const char *) (_New_Locimp, a _Locinfo for the name,
 * _Makeloc, the name and categories set inline), the copy constructor
 * and destructor (_Incref/_Decref through the vtable), operator==,
 * locale(const locale &, Facet *) with a facet class of the program's
 * own.  The facets' fields are read at their offsets and their virtual
 * functions called by vtable slot, as the inline members do.
 *
 * Checks: the classic locale ("C", every category, no facets of its
 * own), the default locale is the global one, locale::global returns the
 * previous one and changes what locale() gives; ctype<char> (the table
 * read inline, case, widen/narrow), ctype<wchar_t> (classification,
 * case, widen/narrow in the "C" locale), codecvt<wchar_t, char> (in, out,
 * an unconvertible character, a full output, length, max_length),
 * codecvt<char, char> (noconv); locale("C") holds its facets and equals
 * the classic one by name, the C runtime's named locales
 * ("German_Germany.1252", "en-US") keep their names, a bad name throws
 * runtime_error, a combined
 * locale has no name and finds the program's facet, its destruction
 * releases the facet; locale::empty is transparent; locale::id stamps;
 * wcout.imbue and getloc.  The expected output is the real msvcp140's
 * (14.30 from the corpus's sarif-multitool package, run under Wine 8 with
 * WINEDLLOVERRIDES=msvcp140=n), which ours matches but for the ctype<char>
 * table, a copy of the C runtime's: Windows' "C" locale table has _ALPHA
 * (0x100) on letters ('a' 0x182), Wine 8's ucrtbase has not (0x82).
 * Wine 8's own
 * msvcp140 differs in five places: ctype<wchar_t>'s scan_is/scan_not
 * return the wrong place, codecvt<wchar_t>'s encoding() is not 1 in the
 * "C" locale, neither do_in nor do_out reports partial when the output is
 * full, and a copy of the classic locale gets no facets (_Locimp_ctor
 * makes them all, as _Makeloc does).
 */
#include "cxx_locale.h"

namespace std {
template <class E> class ctype;
template <> class ctype<char> {
public:
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) static locale::id id;
};
template <> class ctype<wchar_t> {
public:
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) static locale::id id;
};

template <class E, class T> class basic_ios {
public:
	__declspec(dllimport) locale imbue(const locale &);
};
template <class E, class T> class basic_ostream;
extern __declspec(dllimport) basic_ostream<wchar_t, char_traits<wchar_t>> wcout;
}


/* A facet class of the program's own, on locale::facet's exported
 * constructor and destructor. */
static int my_facets_alive;
class my_facet : public locale::facet {
public:
	static locale::id id;
	int value;

	explicit my_facet(int v) : facet(0), value(v) { my_facets_alive++; }
	static size_t __cdecl _Getcat(const locale::facet **, const locale *) { return (size_t)-1; }

protected:
	~my_facet() override { my_facets_alive--; }
};
locale::id my_facet::id;

typedef std::ctype<char> ctype_c;
typedef std::ctype<wchar_t> ctype_w;
typedef std::codecvt<wchar_t, char, _Mbstatet> cvt_w;
typedef std::codecvt<char, char, _Mbstatet> cvt_c;

enum { UPPER = 0x1, LOWER = 0x2, DIGIT = 0x4, SPACE = 0x8, PUNCT = 0x10, ALPHA = 0x103 };
enum { OK, PARTIAL, ERROR, NOCONV };

#define CHECK(c) printf("%s: %s\n", (c) ? "ok" : "FAILED", #c)

static void show(const char *what, const locale &loc)
{
	printf("%s: name \"%s\", categories %#x, transparent %d\n", what, loc.c_str(),
	       loc._Ptr->_Catmask, loc._Ptr->_Xparent);
}

static void check_ctype_char(const locale &loc)
{
	const void *ct = use_facet<ctype_c>(loc);
	const short *table = *(const short *const *)((const char *)ct + 0x18);
	char text[] = "MiXeD 42";

	puts("== ctype<char>");
	CHECK(ct && use_facet<ctype_c>(loc) == ct);
	CHECK((table['a'] & LOWER) && (table['Q'] & UPPER) && (table['7'] & DIGIT) && (table[' '] & SPACE));
	printf("table: 'a' %#x 'z' %#x 'Q' %#x '7' %#x ' ' %#x '!' %#x '\\n' %#x\n", table['a'], table['z'], table['Q'],
	       table['7'], table[' '], table['!'], table['\n']);
	CHECK(vcall<char>(ct, 6, 'q') == 'Q' && vcall<char>(ct, 4, 'Q') == 'q' && vcall<char>(ct, 4, '5') == '5');
	CHECK(vcall<const char *>(ct, 3, text, (const char *)text + 8) == text + 8);
	printf("tolower range: %s\n", text);
	vcall<const char *>(ct, 5, text, (const char *)text + 3);
	printf("toupper first three: %s\n", text);
	CHECK(vcall<char>(ct, 8, 'x') == 'x' && vcall<char>(ct, 10, 'y', '?') == 'y');
}

static void check_ctype_wchar(const locale &loc)
{
	const void *ct = use_facet<ctype_w>(loc);
	wchar_t text[] = L"Grau 9x";
	short masks[3];

	puts("== ctype<wchar_t>");
	CHECK(ct != nullptr);
	CHECK(vcall<bool>(ct, 4, (short)DIGIT, L'7') && !vcall<bool>(ct, 4, (short)DIGIT, L'x'));
	CHECK(vcall<bool>(ct, 4, (short)UPPER, L'G') && vcall<bool>(ct, 4, (short)SPACE, L' '));
	CHECK(vcall<const wchar_t *>(ct, 3, (const wchar_t *)L"a1 ", (const wchar_t *)L"a1 " + 3, masks));
	printf("masks of 'a1 ': %#x %#x %#x\n", masks[0] & 0x1ff, masks[1] & 0x1ff, masks[2] & 0x1ff);
	CHECK(*vcall<const wchar_t *>(ct, 5, (short)DIGIT, (const wchar_t *)text, (const wchar_t *)text + 7) == L'9');
	CHECK(*vcall<const wchar_t *>(ct, 6, (short)ALPHA, (const wchar_t *)text, (const wchar_t *)text + 7) == L' ');
	CHECK(vcall<wchar_t>(ct, 8, L'Q') == L'q' && vcall<wchar_t>(ct, 10, L'q') == L'Q');
	printf("tolower of U+00C9, toupper of U+00E9: %#x %#x\n", vcall<wchar_t>(ct, 8, (wchar_t)0xc9),
	       vcall<wchar_t>(ct, 10, (wchar_t)0xe9));
	vcall<const wchar_t *>(ct, 9, text, (const wchar_t *)text + 7);
	printf("toupper range: %ls\n", text);
	CHECK(vcall<wchar_t>(ct, 12, 'A') == L'A' && vcall<wchar_t>(ct, 12, '\xe9') == 0xe9);
	CHECK(vcall<char>(ct, 14, L'z', '?') == 'z' && vcall<char>(ct, 14, (wchar_t)0x20ac, '?') == '?');
}

static void check_codecvt(const locale &loc)
{
	const void *cv = use_facet<cvt_w>(loc), *cc = use_facet<cvt_c>(loc);
	_Mbstatet st = {};
	const wchar_t *wmid;
	const char *mid;
	wchar_t wbuf[8] = {};
	char buf[8] = {};
	char *bmid;
	wchar_t *wbmid;
	const wchar_t text[] = L"h\u00e9!";
	const wchar_t euro[] = L"a\u20acb";
	const char bytes[] = "ab\xe9";

	puts("== codecvt<wchar_t, char>");
	CHECK(!vcall<bool>(cv, 3) && vcall<int>(cv, 4) == 1 && vcall<int>(cv, 5) == 1);
	CHECK(vcall<int>(cv, 7, &st, text, text + 3, &wmid, buf, buf + 8, &bmid) == OK);
	CHECK(wmid == text + 3 && bmid == buf + 3 && !strcmp(buf, "h\xe9!"));
	CHECK(vcall<int>(cv, 7, &st, euro, euro + 3, &wmid, buf, buf + 8, &bmid) == ERROR);
	CHECK(wmid == euro + 1 && bmid == buf + 1);
	CHECK(vcall<int>(cv, 7, &st, text, text + 3, &wmid, buf, buf + 2, &bmid) == PARTIAL);
	CHECK(wmid == text + 2 && bmid == buf + 2);
	CHECK(vcall<int>(cv, 6, &st, bytes, (const char *)bytes + 3, &mid, wbuf, wbuf + 8, &wbmid) == OK);
	CHECK(mid == bytes + 3 && wbmid == wbuf + 3 && wbuf[2] == 0xe9 && wbuf[0] == L'a');
	CHECK(vcall<int>(cv, 6, &st, bytes, (const char *)bytes + 3, &mid, wbuf, wbuf + 1, &wbmid) == PARTIAL);
	CHECK(mid == bytes + 1 && wbmid == wbuf + 1);
	CHECK(vcall<int>(cv, 9, &st, bytes, (const char *)bytes + 3, (size_t)2) == 2);
	CHECK(vcall<int>(cv, 8, &st, buf, buf + 8, &bmid) == OK && bmid == buf);
	puts("== codecvt<char, char>");
	CHECK(cc && vcall<bool>(cc, 3));
	CHECK(vcall<int>(cc, 6, &st, "xy", (const char *)"xy" + 2, &mid, buf, buf + 8, &bmid) == NOCONV);
	CHECK(vcall<int>(cc, 9, &st, "xyz", (const char *)"xyz" + 3, (size_t)5) == 3);
}

int main()
{
	const locale &classic = locale::classic();

	puts("== the classic and global locales");
	show("classic", classic);
	CHECK(classic._Ptr->_Facetcount == 0);
	{
		locale dflt;

		CHECK(dflt._Ptr == classic._Ptr && dflt == classic);
	}
	CHECK(has_facet<ctype_c>(classic) && !has_facet<my_facet>(classic));

	check_ctype_char(classic);
	check_ctype_wchar(classic);
	check_codecvt(classic);

	puts("== locale(\"C\")");
	{
		locale c("C");
		size_t id = ctype_c::id.get();

		show("named", c);
		CHECK(c._Ptr != classic._Ptr && c == classic);
		CHECK(id < c._Ptr->_Facetcount && c._Ptr->_Facetvec[id] != nullptr);
		CHECK(use_facet<ctype_c>(c) == c._Ptr->_Facetvec[id]);
		CHECK(use_facet<ctype_c>(c) != use_facet<ctype_c>(classic));
		CHECK(c._Getfacet(cvt_w::id.get()) && c._Getfacet(ctype_w::id.get()));
		check_ctype_char(c);
		check_codecvt(c);

		puts("== locale::global");
		{
			locale old = locale::global(c);

			CHECK(old._Ptr == classic._Ptr);
			locale now;
			CHECK(now._Ptr == c._Ptr);
			locale back = locale::global(classic);
			CHECK(back._Ptr == c._Ptr);
		}
		locale after;
		CHECK(after._Ptr == classic._Ptr);
	}

	puts("== locale(\"\") and a bad name");
	{
		locale user("");

		/* The name is the one given: the header sets it inline. */
		CHECK(!strcmp(user.c_str(), "") && user._Ptr->_Catmask == 0x3f && user._Getfacet(ctype_c::id.get()));
	}
	puts("== named locales");
	{
		/* The C runtime's names: Windows' English form and a locale name. */
		locale de("German_Germany.1252"), us("en-US");

		CHECK(!strcmp(de.c_str(), "German_Germany.1252") && de._Getfacet(ctype_c::id.get()));
		CHECK(!strcmp(us.c_str(), "en-US") && us._Getfacet(cvt_w::id.get()));
	}
	try {
		locale bad("no such locale");
		puts("FAILED: a bad name made a locale");
	} catch (std::exception &e) {
		printf("bad name: %s\n", e.what());
	}

	puts("== a locale with a facet of the program's own");
	{
		my_facet *mine = new my_facet(7);
		locale with(classic, mine);

		show("combined", with);
		CHECK(my_facet::id._Id > 0 && my_facet::id._Id <= (size_t)locale::id::_Id_cnt);
		CHECK(my_facet::id._Id != ctype_c::id._Id && my_facet::id._Id != cvt_w::id._Id);
		CHECK(has_facet<my_facet>(with) && ((const my_facet *)use_facet<my_facet>(with))->value == 7);
		CHECK(!(with == classic) && with._Getfacet(ctype_c::id.get()));
		CHECK(my_facets_alive == 1);
		{
			locale copy(with);

			CHECK(copy._Ptr == with._Ptr && copy == with);
		}
		CHECK(my_facets_alive == 1);
	}
	CHECK(my_facets_alive == 0);
	CHECK(use_facet<my_facet>(classic) == nullptr && bad_casts == 1);

	puts("== locale::empty");
	{
		locale e = locale::empty();

		show("empty", e);
		CHECK(e._Ptr->_Facetcount == 0 && e._Getfacet(ctype_c::id.get()) == nullptr);
	}

	puts("== a stream's locale");
	{
		std::basic_ios<wchar_t, std::char_traits<wchar_t>> *ios = (std::basic_ios<wchar_t, std::char_traits<wchar_t>> *)
			((char *)&std::wcout + (*(const int **)&std::wcout)[1]);
		locale c("C");
		locale old = ios->imbue(c);
		locale **ploc = (locale **)((char *)ios + 0x40);

		CHECK(old._Ptr == classic._Ptr && (*ploc)->_Ptr == c._Ptr);
		locale was = ios->imbue(classic);
		CHECK(was._Ptr == c._Ptr && (*ploc)->_Ptr == classic._Ptr);
	}
	puts("done");
	return 0;
}
