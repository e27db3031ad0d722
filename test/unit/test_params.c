/*
 * Unit tests for the process parameters (src/emul/process/params.c): the command
 * line that params_quote_args builds must split back into the same argv
 * under the Microsoft C runtime's rules, and params_build must lay out
 * RTL_USER_PROCESS_PARAMETERS (x64) with absolute pointers into the blob.
 */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

#include "emul/process/params.h"

/* ---- the reference splitter ----
 *
 * The UCRT's parse_cmdline (the rules msvcrt has used since 2008):
 * argv[0] runs to the next whitespace, or if it starts with a quote to the
 * next quote, with no escapes.  For the other arguments, outside quotes,
 * space and tab separate; 2n backslashes before a quote give n backslashes
 * and the quote toggles quoting; 2n+1 backslashes before a quote give n
 * backslashes and a literal quote; backslashes not before a quote are
 * literal; inside quotes, "" gives a literal quote and quoting goes on.
 */
static int crt_split(const char *cmd, char **argv, int max)
{
	const char *p = cmd;
	int argc = 0;
	char *a = malloc(strlen(cmd) + 1), *o = a;
	bool inquote = false;

	ck_assert_ptr_nonnull(a);
	if (*p == '"') {
		while (*++p && *p != '"')
			*o++ = *p;
		if (*p)
			p++;
	} else {
		while (*p && *p != ' ' && *p != '\t')
			*o++ = *p++;
	}
	*o = 0;
	argv[argc++] = strdup(a);
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		o = a;
		for (;;) {
			size_t bs = 0;
			bool copy = true;

			while (*p == '\\') {
				p++;
				bs++;
			}
			if (*p == '"') {
				if (bs % 2 == 0) {
					if (inquote && p[1] == '"')
						p++;
					else {
						copy = false;
						inquote = !inquote;
					}
				}
				bs /= 2;
			}
			while (bs--)
				*o++ = '\\';
			if (!*p || (!inquote && (*p == ' ' || *p == '\t')))
				break;
			if (copy)
				*o++ = *p;
			p++;
		}
		*o = 0;
		ck_assert_int_lt(argc, max);
		argv[argc++] = strdup(a);
	}
	free(a);
	return argc;
}

static void free_split(char **argv, int argc)
{
	for (int i = 0; i < argc; i++)
		free(argv[i]);
}

/* The splitter itself, on command lines from Microsoft's documentation. */
START_TEST(reference_splitter_msdn_examples)
{
	static const struct { const char *cmd; const char *a1, *a2, *a3; } t[] = {
		{ "p \"a b c\" d e", "a b c", "d", "e" },
		{ "p \"ab\\\"c\" \"\\\\\" d", "ab\"c", "\\", "d" },
		{ "p a\\\\\\b d\"e f\"g h", "a\\\\\\b", "de fg", "h" },
		{ "p a\\\\\\\"b c d", "a\\\"b", "c", "d" },
		{ "p a\\\\\\\\\"b c\" d e", "a\\\\b c", "d", "e" },
		{ "p a\"b\"\" c d", "ab\" c d", NULL, NULL },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *argv[8];
		int argc = crt_split(t[i].cmd, argv, 8);

		ck_assert_str_eq(argv[0], "p");
		ck_assert_int_eq(argc, t[i].a2 ? 4 : 2);
		ck_assert_str_eq(argv[1], t[i].a1);
		if (t[i].a2) {
			ck_assert_str_eq(argv[2], t[i].a2);
			ck_assert_str_eq(argv[3], t[i].a3);
		}
		free_split(argv, argc);
	}
}
END_TEST

static void round_trip_at(int line, const char *argv0, char *const *args, int n)
{
	char *cmd = params_quote_args(argv0, args, n), *back[300];
	int argc;

	ck_assert_ptr_nonnull(cmd);
	argc = crt_split(cmd, back, 300);
	ck_assert_msg(argc == n + 1, "line %d: [%s] splits into %d, want %d", line, cmd, argc,
		      n + 1);
	ck_assert_msg(!strcmp(back[0], argv0), "line %d: [%s] argv[0] [%s], want [%s]", line,
		      cmd, back[0], argv0);
	for (int i = 0; i < n; i++)
		ck_assert_msg(!strcmp(back[i + 1], args[i]),
			      "line %d: [%s] argv[%d] [%s], want [%s]", line, cmd, i + 1,
			      back[i + 1], args[i]);
	free_split(back, argc);
	free(cmd);
}

static char *tricky[] = {
	"", " ", "  ", "\t", "a b", "a\tb", "\"", "\"\"", "a\"b", "\"a b\"",
	"\\", "\\\\", "a\\", "a\\\\", "a b\\", "a b\\\\", "a b\\\\\\",
	"\\\"", "\\\\\"", "\\\\\\\"", "a\\\\\"b c", "a\\\"b", "\\\"\\\"",
	"C:\\Program Files\\", "C:\\Program Files\\app.exe", "\\\\server\\share\\",
	"--opt=\"v a l\"", "x\ny", "x\vy", "%PATH%", "^&|<>()", "trailing ", " leading",
	"h\xc3\xa9llo w\xc3\xb6rld", "\xe6\x97\xa5\xe6\x9c\xac \xe8\xaa\x9e",
	"\xf0\x9f\x98\x80 \"emoji\"\\", "end\\\"", "\"\\", "\\ \\ \\",
};
#define NTRICKY ((int)(sizeof(tricky) / sizeof(tricky[0])))

START_TEST(quote_each_tricky_alone)
{
	for (int i = 0; i < NTRICKY; i++)
		round_trip_at(__LINE__, "prog.exe", &tricky[i], 1);
}
END_TEST

START_TEST(quote_all_tricky_together)
{
	round_trip_at(__LINE__, "prog.exe", tricky, NTRICKY);
}
END_TEST

/* Each tricky argument followed by each other: a trailing backslash run
 * must not eat the separator or the next argument's quote. */
START_TEST(quote_tricky_pairs)
{
	for (int i = 0; i < NTRICKY; i++)
		for (int j = 0; j < NTRICKY; j++) {
			char *pair[2] = { tricky[i], tricky[j] };

			round_trip_at(__LINE__, "prog.exe", pair, 2);
		}
}
END_TEST

START_TEST(quote_argv0)
{
	static char *arg[] = { "x" };

	round_trip_at(__LINE__, "C:\\Program Files\\my app\\a b.exe", arg, 1);
	round_trip_at(__LINE__, "Z:\\home\\u\\dir with\ttab\\p.exe", arg, 1);
	/* a trailing backslash is literal in argv[0], quoted or not */
	round_trip_at(__LINE__, "C:\\dir with space\\", arg, 1);
	round_trip_at(__LINE__, "C:\\dir\\", arg, 1);
	round_trip_at(__LINE__, "Z:\\t\xc3\xa9st\\\xe2\x82\xac.exe", arg, 1);
	round_trip_at(__LINE__, "p.exe", NULL, 0);
}
END_TEST

/* Random arguments over the characters that matter. */
START_TEST(quote_random)
{
	static const char alphabet[] = "a \t\"\\";
	unsigned seed = 12345;

	for (int iter = 0; iter < 3000; iter++) {
		char buf[4][12], *args[4];
		int n = 1 + iter % 4;

		for (int k = 0; k < n; k++) {
			int len;

			seed = seed * 1103515245 + 12345;
			len = (int)((seed >> 16) % 11);
			for (int c = 0; c < len; c++) {
				seed = seed * 1103515245 + 12345;
				buf[k][c] = alphabet[(seed >> 16) % 5];
			}
			buf[k][len] = 0;
			args[k] = buf[k];
		}
		round_trip_at(__LINE__, "p.exe", args, n);
	}
}
END_TEST

/* The exact text, for the simple cases: quote only when needed. */
START_TEST(quote_exact_text)
{
	static const struct { char *arg; const char *cmd; } t[] = {
		{ "plain", "p.exe plain" },
		{ "a\\b", "p.exe a\\b" },
		{ "a\\", "p.exe a\\" },
		{ "", "p.exe \"\"" },
		{ "a b", "p.exe \"a b\"" },
		{ "a b\\", "p.exe \"a b\\\\\"" },
		{ "a\"b", "p.exe \"a\\\"b\"" },
		{ "a\\\"b", "p.exe \"a\\\\\\\"b\"" },
		{ "a\\b c", "p.exe \"a\\b c\"" },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *cmd = params_quote_args("p.exe", &t[i].arg, 1);

		ck_assert_str_eq(cmd, t[i].cmd);
		free(cmd);
	}
	char *cmd = params_quote_args("C:\\a b\\p.exe", NULL, 0);
	ck_assert_str_eq(cmd, "\"C:\\a b\\p.exe\"");
	free(cmd);
}
END_TEST

/* ---- params_build ---- */

#define BASE 0x20000ull

static uint16_t rd16(const uint8_t *b, size_t off) { uint16_t v; memcpy(&v, b + off, 2); return v; }
static uint32_t rd32(const uint8_t *b, size_t off) { uint32_t v; memcpy(&v, b + off, 4); return v; }
static uint64_t rd64(const uint8_t *b, size_t off) { uint64_t v; memcpy(&v, b + off, 8); return v; }

static size_t u16len(const char16_t *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* The UNICODE_STRING at us_off holds want, its buffer inside the blob
 * after the structure, NUL-terminated. */
static void check_ustring_at(int line, const uint8_t *b, size_t size, uint64_t base,
			     size_t us_off, const char16_t *want)
{
	size_t n = u16len(want);
	uint16_t len = rd16(b, us_off), max = rd16(b, us_off + 2);
	uint64_t ptr = rd64(b, us_off + 8);

	ck_assert_msg(len == n * 2, "line %d: @0x%zx Length %u, want %zu", line, us_off, len,
		      n * 2);
	ck_assert_msg(max == len + 2, "line %d: @0x%zx MaximumLength %u, want %u", line, us_off,
		      max, len + 2);
	ck_assert_msg(rd32(b, us_off + 4) == 0, "line %d: @0x%zx padding not zero", line, us_off);
	ck_assert_msg(ptr >= base + 0x440 && ptr + max <= base + size,
		      "line %d: @0x%zx Buffer 0x%llx outside [0x%llx, 0x%llx)", line, us_off,
		      (unsigned long long)ptr, (unsigned long long)(base + 0x440),
		      (unsigned long long)(base + size));
	ck_assert_msg(ptr % 2 == 0, "line %d: @0x%zx Buffer 0x%llx odd", line, us_off,
		      (unsigned long long)ptr);
	ck_assert_msg(!memcmp(b + (ptr - base), want, (n + 1) * 2),
		      "line %d: @0x%zx text differs", line, us_off);
}
#define CHECK_USTRING(b, size, base, off, want) \
	check_ustring_at(__LINE__, b, size, base, off, want)

static const char *const test_env[] = {
	"A=1", "PATH=C:\\Windows", "\xc3\x9c=\xc3\xbc\xe2\x82\xac", NULL,
};

static const struct params_input test_in = {
	.image_path = "C:\\app\\prog.exe",
	.command_line = "prog.exe a \"b c\"",
	.current_dir = "C:\\work\\",
	.env = test_env,
	.std_handles = { 0x10, 0x14, 0x18 },
};

START_TEST(build_header)
{
	size_t size = 0;
	uint8_t *b = params_build(&test_in, BASE, &size);

	ck_assert_ptr_nonnull(b);
	ck_assert_uint_ge(size, 0x440);
	ck_assert_uint_eq(rd32(b, 0), size);      /* MaximumLength */
	ck_assert_uint_eq(rd32(b, 4), size);      /* Length */
	ck_assert_uint_eq(rd32(b, 8), 1);         /* Flags: normalized */
	ck_assert_uint_eq(rd64(b, 0x20), 0x10);   /* StandardInput */
	ck_assert_uint_eq(rd64(b, 0x28), 0x14);   /* StandardOutput */
	ck_assert_uint_eq(rd64(b, 0x30), 0x18);   /* StandardError */
	ck_assert_uint_eq(rd64(b, 0x10), 0);      /* ConsoleHandle */
	ck_assert_uint_eq(rd32(b, 0x18), 0);      /* ConsoleFlags */
	ck_assert_uint_eq(rd64(b, 0x48), 0);      /* CurrentDirectory.Handle */
	free(b);
}
END_TEST

START_TEST(build_strings)
{
	size_t size = 0;
	uint8_t *b = params_build(&test_in, BASE, &size);

	ck_assert_ptr_nonnull(b);
	CHECK_USTRING(b, size, BASE, 0x38, u"C:\\work\\");         /* CurrentDirectory */
	CHECK_USTRING(b, size, BASE, 0x50, u"");                   /* DllPath */
	CHECK_USTRING(b, size, BASE, 0x60, u"C:\\app\\prog.exe");  /* ImagePathName */
	CHECK_USTRING(b, size, BASE, 0x70, u"prog.exe a \"b c\""); /* CommandLine */
	CHECK_USTRING(b, size, BASE, 0xB0, u"C:\\app\\prog.exe");  /* WindowTitle */
	CHECK_USTRING(b, size, BASE, 0xC0, u"");                   /* DesktopInfo */
	CHECK_USTRING(b, size, BASE, 0xD0, u"");                   /* ShellInfo */
	CHECK_USTRING(b, size, BASE, 0xE0, u"");                   /* RuntimeData */
	free(b);
}
END_TEST

/* What STARTUPINFO said of the window: StartingX..FillAttribute at 0x88,
 * the title and the desktop as given. */
START_TEST(build_window_look)
{
	static const uint32_t place[7] = { 11, 22, 333, 444, 80, 25, 0x1F };
	struct params_input in = test_in;
	uint32_t got[7];
	size_t size = 0;
	uint8_t *b;

	in.place = place;
	in.title = "a title";
	in.desktop = "winsta0\\default";
	b = params_build(&in, BASE, &size);
	ck_assert_ptr_nonnull(b);
	memcpy(got, b + 0x88, sizeof(got));
	ck_assert_mem_eq(got, place, sizeof(place));
	CHECK_USTRING(b, size, BASE, 0xB0, u"a title");
	CHECK_USTRING(b, size, BASE, 0xC0, u"winsta0\\default");
	free(b);
}
END_TEST

/* What process creation found goes into Flags beside NORMALIZED. */
START_TEST(build_creation_flags)
{
	struct params_input in = test_in;
	size_t size = 0;
	uint8_t *b;

	in.creation_flags = RTL_USER_PROC_IMAGE_KEY_MISSING | RTL_USER_PROC_APP_MANIFEST_PRESENT;
	b = params_build(&in, BASE, &size);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(rd32(b, 8), 0x6001);
	free(b);
}
END_TEST

/* Strings must not overlap each other or the environment. */
START_TEST(build_no_overlap)
{
	static const size_t offs[] = { 0x38, 0x50, 0x60, 0x70, 0xB0, 0xC0, 0xD0, 0xE0 };
	size_t size = 0;
	uint8_t *b = params_build(&test_in, BASE, &size);
	uint64_t lo[9], hi[9];

	for (size_t i = 0; i < 8; i++) {
		lo[i] = rd64(b, offs[i] + 8);
		hi[i] = lo[i] + rd16(b, offs[i] + 2);
	}
	lo[8] = rd64(b, 0x80);
	hi[8] = lo[8] + rd64(b, 0x3F0);
	for (size_t i = 0; i < 9; i++)
		for (size_t j = i + 1; j < 9; j++)
			ck_assert_msg(hi[i] <= lo[j] || hi[j] <= lo[i],
				      "ranges %zu and %zu overlap", i, j);
	free(b);
}
END_TEST

START_TEST(build_environment)
{
	static const char16_t want[] = u"A=1\0PATH=C:\\Windows\0\u00DC=\u00FC\u20AC\0";
	size_t size = 0;
	uint8_t *b = params_build(&test_in, BASE, &size);
	uint64_t env = rd64(b, 0x80), esize = rd64(b, 0x3F0);

	/* sizeof(want) includes the literal's own NUL: the block's final one */
	ck_assert_uint_eq(esize, sizeof(want));
	ck_assert_uint_ge(env, BASE + 0x440);
	ck_assert_uint_le(env + esize, BASE + size);
	ck_assert_uint_eq(env % 2, 0);
	ck_assert(!memcmp(b + (env - BASE), want, sizeof(want)));
	ck_assert_uint_eq(rd16(b, env - BASE + esize - 2), 0);
	ck_assert_uint_eq(rd16(b, env - BASE + esize - 4), 0);
	free(b);
}
END_TEST

/* No variables: the block is two NULs, as Windows requires. */
START_TEST(build_empty_environment)
{
	static const char *const none[] = { NULL };
	struct params_input in = test_in;
	size_t size = 0;

	for (int k = 0; k < 2; k++) {
		in.env = k ? none : NULL;
		uint8_t *b = params_build(&in, BASE, &size);
		uint64_t env = rd64(b, 0x80);

		ck_assert_ptr_nonnull(b);
		ck_assert_uint_eq(rd64(b, 0x3F0), 4);
		ck_assert_uint_eq(rd32(b, env - BASE), 0);
		ck_assert_uint_le(env + 4, BASE + size);
		free(b);
	}
}
END_TEST

/* The blob does not depend on its base but for the pointers. */
START_TEST(build_other_base)
{
	static const size_t ptrs[] = { 0x40, 0x58, 0x68, 0x78, 0x80, 0xB8, 0xC8, 0xD8, 0xE8 };
	const uint64_t base2 = 0x7FFE12340000ull;
	size_t s1 = 0, s2 = 0;
	uint8_t *b1 = params_build(&test_in, BASE, &s1), *b2 = params_build(&test_in, base2, &s2);

	ck_assert_uint_eq(s1, s2);
	for (size_t i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++) {
		ck_assert_uint_eq(rd64(b2, ptrs[i]) - base2, rd64(b1, ptrs[i]) - BASE);
		memset(b1 + ptrs[i], 0, 8);
		memset(b2 + ptrs[i], 0, 8);
	}
	ck_assert(!memcmp(b1, b2, s1));
	free(b1);
	free(b2);
}
END_TEST

/* Strings longer than the first allocation (0x440 + 4096 bytes). */
START_TEST(build_long_strings)
{
	struct params_input in = test_in;
	char *cmd = malloc(20001), *envs[3] = { NULL, NULL, NULL };
	size_t size = 0;
	uint8_t *b;
	uint64_t ptr, env;

	memset(cmd, 'x', 20000);
	cmd[20000] = 0;
	envs[0] = malloc(30001);
	memset(envs[0], 'v', 30000);
	envs[0][0] = 'V';
	envs[0][1] = '=';
	envs[0][30000] = 0;
	envs[1] = "B=2";
	in.command_line = cmd;
	in.env = (const char *const *)envs;
	b = params_build(&in, BASE, &size);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(rd32(b, 4), size);
	ck_assert_uint_eq(rd16(b, 0x70), 40000);
	ck_assert_uint_eq(rd16(b, 0x72), 40002);
	ptr = rd64(b, 0x78);
	for (size_t i = 0; i < 20000; i++)
		ck_assert_uint_eq(rd16(b, ptr - BASE + 2 * i), 'x');
	ck_assert_uint_eq(rd16(b, ptr - BASE + 40000), 0);
	env = rd64(b, 0x80);
	ck_assert_uint_eq(rd64(b, 0x3F0), (30001 + 4 + 1) * 2);
	ck_assert_uint_eq(rd16(b, env - BASE + 29999 * 2), 'v');
	ck_assert_uint_eq(rd16(b, env - BASE + 30000 * 2), 0);
	ck_assert_uint_eq(rd16(b, env - BASE + 30001 * 2), 'B');
	ck_assert_uint_eq(rd16(b, env - BASE + 30005 * 2), 0);
	ck_assert_uint_eq(rd16(b, env - BASE + 30004 * 2), 0);
	ck_assert_uint_le(env + rd64(b, 0x3F0), BASE + size);
	CHECK_USTRING(b, size, BASE, 0x60, u"C:\\app\\prog.exe");
	free(b);
	free(cmd);
	free(envs[0]);
}
END_TEST

/* Non-ASCII text arrives as UTF-16, surrogate pairs included. */
START_TEST(build_unicode)
{
	struct params_input in = test_in;
	size_t size = 0;
	uint8_t *b;

	in.image_path = "Z:\\t\xc3\xa9st\\\xf0\x9f\x98\x80.exe";
	in.current_dir = "Z:\\\xe6\x97\xa5\\";
	b = params_build(&in, BASE, &size);
	CHECK_USTRING(b, size, BASE, 0x60, u"Z:\\t\u00E9st\\\U0001F600.exe");
	CHECK_USTRING(b, size, BASE, 0x38, u"Z:\\\u65E5\\");
	free(b);
}
END_TEST

static Suite *params_suite(void)
{
	Suite *s = suite_create("params");
	TCase *tc = tcase_create("quote");

	tcase_add_test(tc, reference_splitter_msdn_examples);
	tcase_add_test(tc, quote_each_tricky_alone);
	tcase_add_test(tc, quote_all_tricky_together);
	tcase_add_test(tc, quote_tricky_pairs);
	tcase_add_test(tc, quote_argv0);
	tcase_add_test(tc, quote_random);
	tcase_add_test(tc, quote_exact_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("build");
	tcase_add_test(tc, build_header);
	tcase_add_test(tc, build_window_look);
	tcase_add_test(tc, build_creation_flags);
	tcase_add_test(tc, build_strings);
	tcase_add_test(tc, build_no_overlap);
	tcase_add_test(tc, build_environment);
	tcase_add_test(tc, build_empty_environment);
	tcase_add_test(tc, build_other_base);
	tcase_add_test(tc, build_long_strings);
	tcase_add_test(tc, build_unicode);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(params_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
