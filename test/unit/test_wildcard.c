/*
 * Unit tests for Windows name patterns (src/emul/io/wildcard.c): '*' and '?',
 * case-insensitivity, and the DOS wildcards as FsRtlIsNameInExpression
 * documents them ('<' DOS_STAR, '>' DOS_QM, '"' DOS_DOT), including the
 * patterns kernel32's FindFirstFile makes of "*.", "*.txt", "a?c.txt" and
 * "noext.*".
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "emul/io/wildcard.h"
#include "emul/upcase.h"

/* ASCII/UTF-8 test strings to UTF-16 (plain Latin-1 is enough here). */
static size_t w(const char *s, uint16_t *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p) {
		if (*p >= 0xC0 && p[1]) {
			out[n++] = (uint16_t)(((*p & 0x1F) << 6) | (p[1] & 0x3F));
			p += 2;
		} else {
			out[n++] = *p++;
		}
	}
	return n;
}

static bool m(const char *pattern, const char *name)
{
	uint16_t p[512], n[512];
	size_t pl = w(pattern, p), nl = w(name, n);

	return wildcard_match(p, pl, n, nl);
}

struct wcase {
	const char *pattern, *name;
	bool match;
};

#define YES(p, n) { p, n, true }
#define NO(p, n) { p, n, false }

static const struct wcase plain_cases[] = {
	YES("abc", "abc"), YES("ABC", "abc"), YES("abc", "AbC"), NO("abc", "abd"),
	NO("abc", "ab"), NO("ab", "abc"), YES("", ""), NO("", "a"),
	YES("*", ""), YES("*", "anything.at.all"), YES("*", ".hidden"),
	YES("*.txt", "a.txt"), YES("*.TXT", "A.txt"), NO("*.txt", "a.txt.bak"),
	YES("*.txt", ".txt"), YES("a*", "a"), YES("a*c", "abbbc"), YES("a*c", "ac"),
	NO("a*c", "acb"), YES("*a*b*c*", "xxaxxbxxcxx"), NO("*a*b*c*", "xxcxxbxxa"),
	YES("?", "x"), NO("?", ""), NO("?", "xy"), YES("a?c", "abc"), YES("a?c", "a.c"),
	NO("a?c", "ac"), YES("??", "ab"), YES("*?", "a"), NO("*?", ""),
	YES("**", ""), YES("*.*", "a.b"), NO("*.*", "noext"),
	YES("\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89"), /* é -> É */
	YES("a.b.c", "A.B.C"), NO("a.b.c", "a.b"),
};

static const struct wcase dos_cases[] = {
	/* '<' (DOS_STAR): any run up to the last '.', which it may take as its
	 * last (so "<b" is "a.b", and "<<" takes every name: Windows' answers
	 * to kernel32's test_FindFirstFile_wildcards) */
	YES("<", "noext"), NO("<", "a.b"), YES("<.txt", "a.txt"), YES("<.txt", "a.b.txt"),
	NO("<.txt", "a.txt.bak"), YES("<.txt", ".txt"), YES("<.b", "a.b"),
	YES("<b", "a.b"), YES("<<", "a.b"), YES("<<", "a.b.c"), NO("<c", "a.b"),
	YES("<.<", "a.b.c"),
	/* "*." -> '<"': names without an extension, or ending in '.' */
	YES("<\"", "noext"), YES("<\"", "a."), NO("<\"", "a.b"), NO("<\"", "a.b.c"),
	NO("<\"", ".hidden"), YES("<\"", ""),
	/* '"' (DOS_DOT): a '.' or nothing at the end */
	YES("noext\"*", "noext"), YES("noext\"*", "noext.txt"), YES("NOEXT\"*", "NoExt.c"),
	NO("noext\"*", "noextra"), YES("a\"b", "a.b"), NO("a\"b", "ab"), YES("a\"", "a"),
	YES("a\"", "a."), NO("a\"", "a.x"),
	/* '>' (DOS_QM): one char, but nothing at a '.' or at the end */
	YES("a>c.txt", "abc.txt"), NO("a>c.txt", "ac.txt"), NO("a>c.txt", "a.c.txt"),
	YES("a>>.txt", "ab.txt"), YES("a>>.txt", "a.txt"), YES("a>>.txt", "abc.txt"),
	NO("a>>.txt", "abcd.txt"), YES(">>>", "ab"), YES(">>>", ""), NO(">", "ab"),
	YES(">\">>>", "a.bc"), YES(">>>>>>>>\">>>", "readme.txt"),
	NO(">>>>>>>>\">>>", "longfilename.txt"), YES(">>>>>>>>\">>>", "noext"),
	/* mixed */
	YES("<.<\"*", "a.b.c"), YES("*<", "a.b"),
};

START_TEST(plain_patterns)
{
	const struct wcase *t = &plain_cases[_i];

	ck_assert_msg(m(t->pattern, t->name) == t->match, "'%s' vs '%s': expected %s",
		      t->pattern, t->name, t->match ? "match" : "no match");
}
END_TEST

START_TEST(dos_patterns)
{
	const struct wcase *t = &dos_cases[_i];

	ck_assert_msg(m(t->pattern, t->name) == t->match, "'%s' vs '%s': expected %s",
		      t->pattern, t->name, t->match ? "match" : "no match");
}
END_TEST

/* Many stars against a long non-matching name: no exponential blow-up,
 * and a pattern longer than the on-stack state takes the heap path. */
START_TEST(many_stars)
{
	char p[400], n[300];

	memset(p, 0, sizeof(p));
	for (int i = 0; i < 150; i++)
		strcat(p, "*a");
	strcat(p, "b");
	memset(n, 'a', 250);
	n[250] = 0;
	ck_assert(!m(p, n));
	n[249] = 'b';
	ck_assert(m(p, n)); /* 150 'a's before the b: 249 are there */
	n[100] = 'b';
	n[101] = 0;
	ck_assert(!m(p, n)); /* only 100 */
	n[101] = 'a';
	memset(p, 0, sizeof(p));
	for (int i = 0; i < 200; i++)
		strcat(p, "*");
	ck_assert(m(p, n));
}
END_TEST

START_TEST(has_wild)
{
	uint16_t p[16];

	ck_assert(!wildcard_has_wild(p, w("abc.txt", p)));
	ck_assert(wildcard_has_wild(p, w("a*", p)));
	ck_assert(wildcard_has_wild(p, w("a?", p)));
	ck_assert(wildcard_has_wild(p, w("a<", p)));
	ck_assert(wildcard_has_wild(p, w("a>", p)));
	ck_assert(wildcard_has_wild(p, w("a\"", p)));
}
END_TEST

START_TEST(upcase)
{
	ck_assert_uint_eq(nt_upcase('a'), 'A');
	ck_assert_uint_eq(nt_upcase('Z'), 'Z');
	ck_assert_uint_eq(nt_upcase('.'), '.');
	ck_assert_uint_eq(nt_upcase(0xE9), 0xC9);
	ck_assert_uint_eq(nt_upcase(0xF7), 0xF7); /* division sign */
	ck_assert_uint_eq(nt_upcase(0x3B1), 0x391);
	ck_assert_uint_eq(nt_upcase(0x430), 0x410);
	ck_assert_uint_eq(nt_upcase(0x451), 0x401);
	ck_assert_uint_eq(nt_upcase(0x14D), 0x14C); /* Latin Extended-A o-macron */
	ck_assert_uint_eq(nt_upcase(0x371), 0x370); /* Greek heta */
	ck_assert_uint_eq(nt_upcase(0xFF41), 0xFF21); /* fullwidth a */
	ck_assert_uint_eq(nt_upcase(0xD801), 0xD801); /* surrogates stay */
	ck_assert_uint_eq(nt_upcase(0xDC28), 0xDC28);
}
END_TEST

static Suite *wildcard_suite(void)
{
	Suite *s = suite_create("wildcard");
	TCase *tc = tcase_create("match");

	tcase_add_loop_test(tc, plain_patterns, 0, sizeof(plain_cases) / sizeof(plain_cases[0]));
	tcase_add_loop_test(tc, dos_patterns, 0, sizeof(dos_cases) / sizeof(dos_cases[0]));
	tcase_add_test(tc, many_stars);
	tcase_add_test(tc, has_wild);
	tcase_add_test(tc, upcase);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(wildcard_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
