/*
 * Unit tests for 8.3 short names (src/emul/io/short_name.c): which names
 * get one, how it is made (Microsoft's description of NTFS' algorithm),
 * numbering of a stem's names in creation order, the hashed form from
 * the fifth on, and lookup of a short name in a host directory.
 */
#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emul/io/short_name.h"

START_TEST(legal_names_need_none)
{
	static const char *legal[] = { "a", "README.TXT", "readme.txt", "ABCDEFGH.ABC", "x~1.y",
				       "a$b(c).{d}" };
	static const char *not_legal[] = { "ABCDEFGHI", "a.abcd", "a b.txt", "a.b.c", ".profile",
					   "a+b", "caf\xc3\xa9.txt", "abc.", "" };

	for (size_t i = 0; i < sizeof(legal) / sizeof(legal[0]); i++)
		ck_assert_msg(short_name_legal(legal[i]), "%s", legal[i]);
	for (size_t i = 0; i < sizeof(not_legal) / sizeof(not_legal[0]); i++)
		ck_assert_msg(!short_name_legal(not_legal[i]), "%s", not_legal[i]);
	ck_assert(short_name_candidate("PROGRA~1"));
	ck_assert(!short_name_candidate("PROGRAM"));
	ck_assert(!short_name_candidate("PROGRAM FILES~1"));
}
END_TEST

struct made {
	const char *name, *short_name;
};

START_TEST(made_as_ntfs)
{
	static const struct made cases[] = {
		{ "Program Files", "PROGRA~1" },
		{ "longfilename.html", "LONGFI~1.HTM" },
		{ "a b c.txt", "ABC~1.TXT" },
		{ "trailing.text.", "TRAILI~1.TEX" },
		{ "a.b.c.d", "ABC~1.D" },
		{ ".gitignore", "GITIGN~1" },
		{ "x+y=z.[1]", "X_Y_Z~1._1_" },
		{ "caf\xc3\xa9 au lait.txt", "CAF_AU~1.TXT" },
		{ "README.TXT", "" },
		{ ".", "" },
	};
	const char *names[sizeof(cases) / sizeof(cases[0])];
	short_name_t out[sizeof(cases) / sizeof(cases[0])];
	size_t n = sizeof(cases) / sizeof(cases[0]);

	for (size_t i = 0; i < n; i++)
		names[i] = cases[i].name;
	short_names_assign(AT_FDCWD, names, n, out);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(!strcmp(out[i], cases[i].short_name), "%s: %s, not %s", cases[i].name,
			      out[i], cases[i].short_name);
}
END_TEST

/* A base of two characters or fewer: the checksum from the first name
 * (".a" -> "A" + 4 hex digits + "~1"). */
START_TEST(short_base_hashed)
{
	const char *names[] = { ".a", "a b.txt", "..a.a" };
	short_name_t out[3];

	short_names_assign(AT_FDCWD, names, 3, out);
	ck_assert_int_eq(strlen(out[0]), 7);
	ck_assert(out[0][0] == 'A' && !strcmp(out[0] + 5, "~1"));
	ck_assert_int_eq(strlen(out[1]), 12);
	ck_assert(!strncmp(out[1], "AB", 2) && !strcmp(out[1] + 6, "~1.TXT"));
	ck_assert(out[2][0] == 'A' && !strcmp(out[2] + 5, "~1.A"));
	for (int i = 0; i < 3; i++)
		for (int k = 1; k < 5; k++)
			ck_assert_msg(strchr("0123456789ABCDEF", out[i][k]) || (i == 1 && k == 1),
				      "%s", out[i]);
}
END_TEST

static char dir[] = "/tmp/lsw-shortname-XXXXXX";

static void touch(const char *name)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
	usleep(20000); /* distinct birth times */
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(dir, "/tmp/lsw-shortname-XXXXXX");
}

/* A stem's names are numbered oldest first, not in name order; a legal
 * name that looks generated takes its number away; the fifth is hashed. */
START_TEST(numbered_by_creation)
{
	static const char *order[] = { "longname-z.txt", "LONGNA~2.TXT", "longname-a.txt",
				       "longname-m.txt", "longname-b.txt", "longname-c.txt" };
	const char *names[6];
	short_name_t out[6];
	char found[NAME_MAX + 1];
	int dfd;

	for (int i = 0; i < 6; i++)
		touch(order[i]);
	for (int i = 0; i < 6; i++)
		names[i] = order[5 - i]; /* the listing order must not matter */
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(dfd, 0);
	short_names_assign(dfd, names, 6, out);
	close(dfd);
	ck_assert_str_eq(out[5], "LONGNA~1.TXT"); /* longname-z.txt, the oldest */
	ck_assert_str_eq(out[4], "");             /* LONGNA~2.TXT is legal */
	ck_assert_str_eq(out[3], "LONGNA~3.TXT"); /* longname-a.txt */
	ck_assert_str_eq(out[2], "LONGNA~4.TXT"); /* longname-m.txt */
	ck_assert_int_eq(strlen(out[1]), 12);     /* longname-b.txt: LOxxxx~1.TXT */
	ck_assert(!strncmp(out[1], "LO", 2) && !strcmp(out[1] + 6, "~1.TXT"));
	ck_assert(strcmp(out[0], out[1]));

	ck_assert(short_name_lookup(dir, "longna~3.txt", found));
	ck_assert_str_eq(found, "longname-a.txt");
	ck_assert(!short_name_lookup(dir, "LONGNA~9.TXT", found));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("short_name");
	TCase *t = tcase_create("names");
	TCase *d = tcase_create("directory");
	SRunner *r;
	int failed;

	tcase_add_test(t, legal_names_need_none);
	tcase_add_test(t, made_as_ntfs);
	tcase_add_test(t, short_base_hashed);
	tcase_add_checked_fixture(d, setup, teardown);
	tcase_add_test(d, numbered_by_creation);
	suite_add_tcase(s, t);
	suite_add_tcase(s, d);
	r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
