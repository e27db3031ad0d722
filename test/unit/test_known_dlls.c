/*
 * Unit tests for \KnownDlls (src/emul/memory/known_dlls.c) over a DLL
 * directory of the test's own: a KnownDLL's section is made when first
 * looked up and kept while its file is unchanged; a file rebuilt (written
 * anew, or replaced by another) gets a new section while a holder of the
 * old one keeps it; a file gone takes its entry out; names that are no
 * KnownDLL never get one; listing the directory makes them all.  The
 * image is a real mingw-w64 executable (LSW_TINY_EXE).
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emul/memory/section.h"
#include "emul/object/object_ns.h"

static struct lsw_host host;
static struct object_dir *known;
static char dir[64];

/* The tiny image and extra zero bytes, as dir/name: written beside it,
 * then renamed over it, as a build replaces a DLL. */
static void copy_image(const char *name, size_t extra)
{
	char path[128], final[128], buf[4096];
	int in = open(getenv("LSW_TINY_EXE"), O_RDONLY), out;
	ssize_t n;

	ck_assert_int_ge(in, 0);
	snprintf(path, sizeof(path), "%s/%s.new", dir, name);
	out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(out, 0);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		ck_assert_int_eq(write(out, buf, (size_t)n), n);
	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(write(out, buf, extra), (ssize_t)extra);
	close(in);
	close(out);
	snprintf(final, sizeof(final), "%s/%s", dir, name);
	ck_assert_int_eq(rename(path, final), 0);
}

/* The sections the directory lists (it holds the KnownDllPath link too). */
static unsigned sections_listed(void)
{
	unsigned n = 0;

	for (struct object_name *e = known->entries; e; e = e->next)
		n += e->obj->ops == &section_ops;
	return n;
}

static void setup(void)
{
	static const uint16_t name[] = { 'K', 'n', 'o', 'w', 'n', 'D', 'l', 'l', 's' };
	struct object_name *e;

	snprintf(dir, sizeof(dir), "/tmp/lsw-known-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	memset(&host, 0, sizeof(host));
	host.cfg.dll_dir = dir;
	e = object_dir_find(namespace_root(&host), name, 9, false);
	ck_assert_ptr_nonnull(e);
	known = (struct object_dir *)e->obj;
	ck_assert_ptr_nonnull(known->keeper);
}

static void teardown(void)
{
	char cmd[128];

	object_namespace_free(&host);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Looks name up as a walk does: the section entered under it, or NULL. */
static struct section_object *lookup(const char *name)
{
	uint16_t w[32];
	size_t n = strlen(name);
	struct object_name *e;

	for (size_t i = 0; i < n; i++)
		w[i] = (uint8_t)name[i];
	known->keeper->refresh(&host, known, w, n);
	e = object_dir_find(known, w, n, true);
	if (!e)
		return NULL;
	ck_assert(e->obj->ops == &section_ops);
	return (struct section_object *)e->obj;
}

START_TEST(made_once_and_kept)
{
	struct section_object *s;

	ck_assert_ptr_null(lookup("psapi.dll"));
	copy_image("psapi.dll", 0);
	s = lookup("PSAPI.DLL");
	ck_assert_ptr_nonnull(s);
	ck_assert(s->image);
	ck_assert_str_eq(s->file_name, "\\??\\C:\\Windows\\System32\\psapi.dll");
	ck_assert_ptr_eq(lookup("psapi.dll"), s);
}
END_TEST

START_TEST(rebuilt_file_new_section)
{
	struct section_object *old, *now;
	uint64_t old_size;

	copy_image("kernel32.dll", 0);
	old = lookup("kernel32.dll");
	ck_assert_ptr_nonnull(old);
	old_size = old->file_size;
	object_ref(&old->hdr); /* a process's handle */
	copy_image("kernel32.dll", 512);
	now = lookup("kernel32.dll");
	ck_assert_ptr_nonnull(now);
	ck_assert_ptr_ne(now, old);
	ck_assert_uint_eq(now->file_size, old_size + 512);
	ck_assert_uint_eq(old->file_size, old_size); /* the holder's is whole */
	ck_assert(!old->name.entered);
	object_unref(&old->hdr);
}
END_TEST

START_TEST(gone_file_no_entry)
{
	char path[128];

	copy_image("msvcrt.dll", 0);
	ck_assert_ptr_nonnull(lookup("msvcrt.dll"));
	snprintf(path, sizeof(path), "%s/msvcrt.dll", dir);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_ptr_null(lookup("msvcrt.dll"));
	ck_assert_uint_eq(sections_listed(), 0);
}
END_TEST

START_TEST(only_known_names)
{
	copy_image("mylib.dll", 0);
	ck_assert_ptr_null(lookup("mylib.dll"));
	ck_assert_uint_eq(sections_listed(), 0);
}
END_TEST

START_TEST(listing_makes_all)
{
	copy_image("ntdll.dll", 0);
	copy_image("user32.dll", 0);
	copy_image("mylib.dll", 0);
	known->keeper->refresh(&host, known, NULL, 0);
	ck_assert_uint_eq(sections_listed(), 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("known_dlls");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, made_once_and_kept);
	tcase_add_test(tc, rebuilt_file_new_section);
	tcase_add_test(tc, gone_file_no_entry);
	tcase_add_test(tc, only_known_names);
	tcase_add_test(tc, listing_makes_all);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
