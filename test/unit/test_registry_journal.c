/*
 * Unit tests for a hive's journal file (src/emul/registry/reg_journal_file.c,
 * reg_hive_flush.c): a flush appends what changed, a crash's torn frame
 * is ignored, a journal left from before a compaction is ignored, the
 * journal is compacted into the file when it has grown, concurrent
 * writers (real processes) lose nothing, and the limits hold: waiting
 * changes in memory, the size of a file taken at load.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "registry_test_util.h"

#define ST(x) ((NTSTATUS)LSW_##x)

static char path[300], journal[340];
static const char *label = "HKEY_CURRENT_USER";

static void files_setup(void)
{
	make_scratch();
	snprintf(path, sizeof(path), "%s/user.reg", scratch);
	snprintf(journal, sizeof(journal), "%s.journal", path);
}

static struct reg_hive *load(void)
{
	char err[256];
	struct reg_hive *h = reg_hive_load(path, label, err, sizeof(err));

	ck_assert_msg(h != NULL, "%s", err);
	return h;
}

static void flush(struct reg_hive *h, bool final)
{
	char err[256];

	ck_assert_msg((final ? reg_hive_flush_final : reg_hive_flush)(h, err, sizeof(err)) == 0,
		      "%s", err);
}

static uint32_t dword(struct reg_key *k, const char *name)
{
	size_t n;
	const uint16_t *u = w(name, &n);
	struct reg_value *v = k ? reg_value_find(k, u, n) : NULL;
	uint32_t d = 0xFFFFFFFFu;

	if (v && v->size == 4)
		memcpy(&d, v->data, 4);
	return d;
}

static void set_dword(struct reg_key *k, const char *name, uint32_t d)
{
	ck_assert_uint_eq(set(k, name, REG_DWORD, &d, 4), 0);
}

static off_t size_of(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 ? st.st_size : -1;
}

/* A hive file of about 1.2 MiB: past the size compacted at every end. */
static struct reg_hive *big_hive(void)
{
	struct reg_hive *h = load();
	struct reg_key *k = mk(h->root, "big");
	static uint8_t blob[1000];
	char name[16];

	for (int i = 0; i < 200; i++) {
		snprintf(name, sizeof(name), "v%03d", i);
		ck_assert_uint_eq(set(k, name, REG_BINARY, blob, sizeof(blob)), 0);
	}
	flush(h, true); /* no file yet: written whole */
	ck_assert_int_gt(size_of(path), 1 << 20);
	ck_assert_int_eq(size_of(journal), -1);
	return h;
}

/* One changed value on a big hive: the file is not rewritten, the journal
 * grows by one small frame, and a load sees the value. */
START_TEST(one_change_appends)
{
	struct reg_hive *h = big_hive(), *again;
	struct stat before, after;

	ck_assert_int_eq(stat(path, &before), 0);
	set_dword(find(h->root, "big"), "one", 1);
	flush(h, true);
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert(before.st_ino == after.st_ino && before.st_size == after.st_size &&
		  before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
	/* header 32, frame head 8, record 20 + "big" (1 + 3 units) + "one" + 4 */
	ck_assert_int_eq(size_of(journal), 32 + 8 + 20 + 8 + 6 + 4);
	again = load();
	ck_assert_uint_eq(dword(find(again->root, "big"), "one"), 1);
	ck_assert_uint_eq(again->files.journal_end, (uint64_t)size_of(journal));
	reg_hive_free(again);
	reg_hive_free(h);
}
END_TEST

/* Once the journal holds half the file, the flush compacts: a new file
 * holding everything, no journal. */
START_TEST(journal_compacts_at_half)
{
	struct reg_hive *h = big_hive(), *again;
	struct reg_key *k = find(h->root, "big");
	static uint8_t blob[1000];
	struct stat before, after;
	off_t half = size_of(path) / 2;
	int flushes = 0;

	char name[16];

	ck_assert_int_eq(stat(path, &before), 0);
	do {
		blob[0]++;
		for (int i = 0; i < 10; i++) {
			snprintf(name, sizeof(name), "v%03d", i);
			ck_assert_uint_eq(set(k, name, REG_BINARY, blob, sizeof(blob)), 0);
		}
		ck_assert_int_lt(size_of(journal), half); /* never more than half, then a flush */
		flush(h, false);
		ck_assert_int_lt(++flushes, 1000);
	} while (size_of(journal) != -1);
	ck_assert_int_gt(flushes, 10);
	ck_assert_int_eq(size_of(journal), -1);
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert(before.st_ino != after.st_ino);
	again = load();
	same_tree(h->root, again->root);
	reg_hive_free(again);
	reg_hive_free(h);
}
END_TEST

/* A frame cut short or damaged (a crash while appending, a bad disk) is
 * ignored with all that follows; the next flush writes over it. */
START_TEST(torn_frame_ignored)
{
	struct reg_hive *h = big_hive(), *again;
	struct reg_key *k = find(h->root, "big");
	off_t one, two;
	int fd;

	set_dword(k, "a", 1);
	flush(h, false);
	one = size_of(journal);
	set_dword(k, "b", 2);
	set_dword(k, "c", 3);
	flush(h, false);
	two = size_of(journal);
	ck_assert_int_eq(truncate(journal, two - 3), 0);
	again = load();
	ck_assert_uint_eq(dword(find(again->root, "big"), "a"), 1);
	ck_assert_uint_eq(dword(find(again->root, "big"), "b"), 0xFFFFFFFFu); /* whole frame */
	ck_assert_uint_eq(again->files.journal_end, (uint64_t)one);
	set_dword(find(again->root, "big"), "d", 4);
	flush(again, false);
	reg_hive_free(again);
	/* a flipped byte inside the last frame: its checksum fails */
	fd = open(journal, O_RDWR);
	ck_assert_int_eq(pwrite(fd, "\xff", 1, one + 12), 1);
	close(fd);
	again = load();
	ck_assert_uint_eq(dword(find(again->root, "big"), "a"), 1);
	ck_assert_uint_eq(dword(find(again->root, "big"), "d"), 0xFFFFFFFFu);
	reg_hive_free(again);
	reg_hive_free(h);
}
END_TEST

/* A crash between writing the compacted file and removing the journal
 * leaves a journal made for the old file: it is ignored, not replayed
 * again (replaying "set old" over the new file would undo later work). */
START_TEST(stale_journal_ignored)
{
	char old[360], cmd[800];
	struct reg_hive *h = load(), *again;
	struct reg_key *k = mk(h->root, "k");

	snprintf(old, sizeof(old), "%s.old", journal);
	set_dword(k, "v", 1);
	flush(h, true);                 /* the file */
	set_dword(k, "v", 2);
	flush(h, false);                /* journal: v = 2 */
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", journal, old);
	ck_assert_int_eq(system(cmd), 0);
	set_dword(k, "v", 3);
	flush(h, true);                 /* small: compacted, journal gone */
	ck_assert_int_eq(size_of(journal), -1);
	ck_assert_int_eq(rename(old, journal), 0);
	again = load();
	ck_assert_uint_eq(dword(find(again->root, "k"), "v"), 3);
	ck_assert_uint_eq(again->files.journal_end, 0);
	/* and the next flush starts a journal for the file as it is */
	set_dword(find(again->root, "k"), "w", 4);
	flush(again, false);
	reg_hive_free(again);
	again = load();
	ck_assert_uint_eq(dword(find(again->root, "k"), "v"), 3);
	ck_assert_uint_eq(dword(find(again->root, "k"), "w"), 4);
	reg_hive_free(again);
	reg_hive_free(h);
}
END_TEST

/* Four processes write to one hive at once, flushing often and compacting
 * now and then: every value of every one is there at the end. */
#define WRITERS 4
#define EACH 150

static void writer(int id)
{
	struct reg_hive *h = load();
	const uint16_t *u;
	struct reg_key *k;
	char name[32];
	size_t n;

	snprintf(name, sizeof(name), "w%d", id);
	u = w(name, &n);
	if (reg_key_create(h->root, u, n, false, NULL, 0, &k) != 0)
		_exit(2);
	for (int i = 0; i < EACH; i++) {
		snprintf(name, sizeof(name), "v%d", i);
		set_dword(k, name, (uint32_t)(id * 1000 + i));
		set_dword(find(h->root, "shared"), name, (uint32_t)id);
		if (i % 10 == 9 && (i % 50 == 49 ? reg_hive_flush_final(h, name, sizeof(name))
						 : reg_hive_flush(h, name, sizeof(name))) < 0)
			_exit(3);
	}
	_exit(reg_hive_flush_final(h, name, sizeof(name)) < 0 ? 4 : 0);
}

START_TEST(concurrent_writers_lose_nothing)
{
	struct reg_hive *h = load();
	pid_t pids[WRITERS];
	char name[32];
	int status;

	mk(h->root, "shared");
	flush(h, true);
	reg_hive_free(h);
	for (int id = 0; id < WRITERS; id++)
		if ((pids[id] = fork()) == 0)
			writer(id);
	for (int id = 0; id < WRITERS; id++) {
		ck_assert_int_eq(waitpid(pids[id], &status, 0), pids[id]);
		ck_assert_msg(WIFEXITED(status) && !WEXITSTATUS(status), "writer %d: %d", id, status);
	}
	h = load();
	for (int id = 0; id < WRITERS; id++) {
		snprintf(name, sizeof(name), "w%d", id);
		struct reg_key *k = find(h->root, name);

		ck_assert_ptr_nonnull(k);
		ck_assert_uint_eq(k->nvalues, EACH);
		for (int i = 0; i < EACH; i++) {
			snprintf(name, sizeof(name), "v%d", i);
			ck_assert_uint_eq(dword(k, name), (uint32_t)(id * 1000 + i));
		}
	}
	ck_assert_uint_eq(find(h->root, "shared")->nvalues, EACH);
	reg_hive_free(h);
}
END_TEST

static int full_calls;

static void full_hook(void *arg, struct reg_hive *h)
{
	(void)arg;
	(void)h;
	full_calls++;
}

/* Changes that wait for a flush ask for one at REG_JOURNAL_MEM_SOON and
 * are refused at REG_JOURNAL_MEM_MAX, before the supervisor's memory. */
START_TEST(waiting_changes_bounded)
{
	struct reg_hive *h = load();
	struct reg_key *k = mk(h->root, "k");
	uint8_t *blob = calloc(1, 1 << 20);
	int sets = 0;
	NTSTATUS st;

	h->hooks.journal_full = full_hook;
	while ((st = set(k, "v", REG_BINARY, blob, 1 << 20)) == 0)
		ck_assert_int_lt(++sets, 100);
	ck_assert_uint_eq(st, ST(STATUS_INSUFFICIENT_RESOURCES));
	ck_assert_int_ge(sets, REG_JOURNAL_MEM_MAX / (1 << 20) - 1);
	ck_assert_int_eq(full_calls, 1);
	flush(h, false); /* written: room again */
	ck_assert_uint_eq(set(k, "v", REG_BINARY, blob, 1 << 20), 0);
	h->hooks.journal_full = NULL;
	free(blob);
	reg_hive_free(h);
}
END_TEST

/* A file larger than any hive may be is refused unread (a sparse file:
 * reading it would take seconds). */
START_TEST(huge_file_refused)
{
	char err[256];
	int fd = open(path, O_WRONLY | O_CREAT, 0644);

	ck_assert_int_eq(ftruncate(fd, (off_t)REG_FILE_BYTES_MAX + 1), 0);
	close(fd);
	ck_assert_ptr_null(reg_hive_load(path, label, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "larger than a hive file may be"));
}
END_TEST

/* A file's hash is the same whatever pieces its bytes are written in (a
 * compaction hashes what the exporter writes, a load the whole file). */
START_TEST(hash_of_pieces)
{
	uint8_t b[1000];
	struct reg_hash whole, pieces;
	uint64_t h;

	for (size_t i = 0; i < sizeof(b); i++)
		b[i] = (uint8_t)(i * 7 + 3);
	reg_hash_init(&whole);
	reg_hash_add(&whole, b, sizeof(b));
	h = reg_hash_end(&whole);
	for (size_t step = 1; step < 20; step++) {
		reg_hash_init(&pieces);
		for (size_t at = 0; at < sizeof(b); at += step)
			reg_hash_add(&pieces, b + at, at + step > sizeof(b) ? sizeof(b) - at : step);
		ck_assert_uint_eq(reg_hash_end(&pieces), h);
	}
	b[500] ^= 1; /* and one changed byte changes it */
	reg_hash_init(&whole);
	reg_hash_add(&whole, b, sizeof(b));
	ck_assert_uint_ne(reg_hash_end(&whole), h);
	reg_hash_init(&whole);
	reg_hash_add(&whole, b, sizeof(b) - 1); /* and so does the length */
	ck_assert_uint_ne(reg_hash_end(&whole), h);
}
END_TEST

static Suite *journal_suite(void)
{
	Suite *s = suite_create("registry-journal");
	TCase *tc = tcase_create("journal");

	tcase_add_checked_fixture(tc, files_setup, rm_scratch);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, one_change_appends);
	tcase_add_test(tc, journal_compacts_at_half);
	tcase_add_test(tc, torn_frame_ignored);
	tcase_add_test(tc, stale_journal_ignored);
	tcase_add_test(tc, concurrent_writers_lose_nothing);
	tcase_add_test(tc, waiting_changes_bounded);
	tcase_add_test(tc, huge_file_refused);
	tcase_add_test(tc, hash_of_pieces);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(journal_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
