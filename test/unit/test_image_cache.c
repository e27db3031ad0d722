/*
 * Unit tests for the kept image layouts (src/emul/memory/image_cache.c):
 * a file's layout is found again while the file is unchanged, a changed
 * file (new size or times) finds none, and the cache keeps working past
 * its number of slots (the least recently used goes).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emul/memory/image_cache.h"

static int temp_file(const char *text)
{
	char path[] = "/tmp/lsw-image-cache-XXXXXX";
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	unlink(path);
	ck_assert_int_eq(write(fd, text, 4), 4);
	return fd;
}

static ino_t inode(int fd)
{
	struct stat st;

	ck_assert_int_eq(fstat(fd, &st), 0);
	return st.st_ino;
}

static struct stat identity(int fd)
{
	struct stat st;

	ck_assert_int_eq(fstat(fd, &st), 0);
	return st;
}

static int layout_of(uint32_t size)
{
	int fd = memfd_create("layout", 0);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, size), 0);
	return fd;
}

START_TEST(same_file_same_layout)
{
	int file = temp_file("abcd"), layout = layout_of(4096), got;
	struct stat st = identity(file);
	struct pe_image pe = { .size_of_image = 4096 }, back = { 0 };

	image_cache_enable(8, 1 << 20);
	ck_assert_int_eq(image_cache_get(&st, &back), -1);
	image_cache_put(&st, &pe, layout);
	got = image_cache_get(&st, &back);
	ck_assert_int_ge(got, 0);
	ck_assert_int_ne(got, layout);
	ck_assert(inode(got) == inode(layout));
	ck_assert_uint_eq(back.size_of_image, 4096);
	close(got);
	close(layout);
	/* the cache holds its own reference */
	got = image_cache_get(&st, &back);
	ck_assert_int_ge(got, 0);
	close(got);
	close(file);
}
END_TEST

START_TEST(changed_file_no_layout)
{
	int file = temp_file("abcd"), layout = layout_of(4096);
	struct stat st = identity(file);
	struct pe_image pe = { .size_of_image = 4096 };

	image_cache_enable(8, 1 << 20);
	image_cache_put(&st, &pe, layout);
	ck_assert_int_eq(write(file, "more", 4), 4);
	st = identity(file);
	ck_assert_int_eq(image_cache_get(&st, &pe), -1);
	close(layout);
	close(file);
}
END_TEST

START_TEST(more_files_than_slots)
{
	int files[40], newest;
	struct stat st;
	struct pe_image pe = { .size_of_image = 4096 };

	image_cache_enable(8, 1 << 20);
	for (int i = 0; i < 40; i++) {
		int layout = layout_of(4096);

		files[i] = temp_file("abcd");
		st = identity(files[i]);
		image_cache_put(&st, &pe, layout);
		close(layout);
	}
	st = identity(files[39]);
	newest = image_cache_get(&st, &pe);
	ck_assert_int_ge(newest, 0);
	st = identity(files[0]);
	ck_assert_int_eq(image_cache_get(&st, &pe), -1); /* the oldest went */
	close(newest);
	for (int i = 0; i < 40; i++)
		close(files[i]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("image_cache");
	TCase *tc = tcase_create("layouts");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, same_file_same_layout);
	tcase_add_test(tc, changed_file_no_layout);
	tcase_add_test(tc, more_files_than_slots);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
