/*
 * Unit tests for NT names to host paths (src/emul/io/path.c): UTF-16/UTF-8,
 * host paths as Z: DOS paths, and path_resolve over a real directory tree.
 *
 * The "tree" fixture builds, under a fresh mkdtemp directory ROOT (inside
 * one per run, /tmp/lsw-path-XXXXXX):
 *
 *   prefix/drive_c/Windows/System32/Config.TXT   C:, the prefix's drive
 *   prefix/drive_c/Users/Public/ReadMe.TXT
 *   prefix/drive_c/etc/passwd                    where C:\..\etc lands
 *   prefix/drive_c/Case/ab.txt, Case/AB.txt      two names, one up to case
 *   dlls/ntdll.dll                               the System32 overlay
 *   work/Data.txt, work/Sub/Inner.txt            the cwd: Z:, read-write
 *   work/escape -> /etc, work/up -> ..           symlinks leaving it
 *   workshop/x.txt                               shares work's prefix
 *   bin/prog.exe                                 the exe's dir: Z:, read-only
 *   other/secret.txt                             on Z: but not allowed
 *
 * Each test makes the job's view of that tree (path_view_new) in its own
 * process (check's fork mode: the tests change the current directory).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emul/io/path.h"
#include "emul/io/volume_device.h"
#include "emul/io/volume_ids.h"

#define ST_SUCCESS 0x00000000u
#define ST_NAME_INVALID 0xC0000033u
#define ST_NAME_NOT_FOUND 0xC0000034u
#define ST_PATH_NOT_FOUND 0xC000003Au
#define ST_PATH_SYNTAX_BAD 0xC000003Bu

/* Short buffers: the compiler then sees that every path built from them
 * fits in PATH_MAX. */
static char root[200], prefix[256], drive_c[300], dlls[256], work[256], bin[256], exe[300];
static struct lsw_job_spec spec;
static struct path_view *view;

/* ---- the tree ---- */

static void mkdir_at(const char *rel)
{
	char p[PATH_MAX];

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	ck_assert_msg(mkdir(p, 0755) == 0, "mkdir %s: %m", p);
}

static void file_at(const char *rel)
{
	char p[PATH_MAX];
	int fd;

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0644);
	ck_assert_msg(fd >= 0, "create %s: %m", p);
	close(fd);
}

static void symlink_at(const char *target, const char *rel)
{
	char p[PATH_MAX];

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	ck_assert_msg(symlink(target, p) == 0, "symlink %s: %m", p);
}

/* One directory per run, made and removed by the parent process: a failed
 * test exits without its checked teardown, and its tree goes with this. */
static char base[64];

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(p);
}

static void base_setup(void)
{
	snprintf(base, sizeof(base), "/tmp/lsw-path-XXXXXX");
	if (!mkdtemp(base))
		base[0] = 0;
}

static void base_teardown(void)
{
	if (base[0])
		nftw(base, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void tree_setup(void)
{
	char tmpl[96], real[PATH_MAX];

	ck_assert_msg(base[0], "no base directory");
	snprintf(tmpl, sizeof(tmpl), "%s/t-XXXXXX", base);
	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	ck_assert_ptr_nonnull(realpath(tmpl, real));  /* /tmp may be a symlink */
	ck_assert_uint_lt(strlen(real), sizeof(root));
	memcpy(root, real, strlen(real) + 1);
	for (const char *const *d = (const char *const[]){
		     "prefix", "prefix/drive_c", "prefix/drive_c/Windows",
		     "prefix/drive_c/Windows/System32", "prefix/drive_c/Users",
		     "prefix/drive_c/Users/Public", "prefix/drive_c/etc", "prefix/drive_c/Case",
		     "dlls", "work", "work/Sub", "workshop", "bin", "other", NULL };
	     *d; d++)
		mkdir_at(*d);
	for (const char *const *f = (const char *const[]){
		     "prefix/drive_c/Windows/System32/Config.TXT",
		     "prefix/drive_c/Users/Public/ReadMe.TXT", "prefix/drive_c/etc/passwd",
		     "prefix/drive_c/Case/ab.txt", "prefix/drive_c/Case/AB.txt", "dlls/ntdll.dll",
		     "work/Data.txt", "work/Sub/Inner.txt", "workshop/x.txt", "bin/prog.exe",
		     "other/secret.txt", NULL };
	     *f; f++)
		file_at(*f);
	symlink_at("/etc", "work/escape");
	symlink_at("..", "work/up");
	snprintf(prefix, sizeof(prefix), "%s/prefix", root);
	snprintf(drive_c, sizeof(drive_c), "%s/drive_c", prefix);
	snprintf(dlls, sizeof(dlls), "%s/dlls", root);
	snprintf(work, sizeof(work), "%s/work", root);
	snprintf(bin, sizeof(bin), "%s/bin", root);
	snprintf(exe, sizeof(exe), "%s/prog.exe", bin);
	ck_assert_int_eq(chdir(work), 0);
	spec = (struct lsw_job_spec){ .program = exe };
	view = path_view_new(prefix, dlls, &spec);
	ck_assert_ptr_nonnull(view);
}

static void tree_teardown(void)
{
	path_view_free(view);
	view = NULL;
	if (chdir("/") == 0 && root[0])
		nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- helpers ---- */

static NTSTATUS resolve(const char *name, struct path_result *out)
{
	static uint16_t w[8192];
	size_t n = utf8_to_utf16(name, w, 8192);

	return path_resolve(view, w, n, out);
}

/* "\??\Z:" followed by host, slashes turned to backslashes, then rest. */
static const char *zpath(const char *host, const char *rest)
{
	static char buf[PATH_MAX * 2];
	size_t o = (size_t)snprintf(buf, sizeof(buf), "\\??\\Z:");

	for (const char *p = host; *p; p++)
		buf[o++] = *p == '/' ? '\\' : *p;
	snprintf(buf + o, sizeof(buf) - o, "%s", rest);
	return buf;
}

static const char *join(const char *a, const char *b)
{
	static char buf[2][PATH_MAX];
	static int k;

	k ^= 1;
	snprintf(buf[k], PATH_MAX, "%s/%s", a, b);
	return buf[k];
}

/* Expects success on host path want (NULL: do not check), with the flags. */
static void expect_host_at(int line, const char *name, const char *want, bool exists,
			   bool read_only)
{
	struct path_result r;
	NTSTATUS st = resolve(name, &r);

	ck_assert_msg(st == ST_SUCCESS, "line %d: %s -> 0x%08x, want success", line, name, st);
	ck_assert_msg(r.target == PATH_HOST, "line %d: %s -> target %d", line, name, r.target);
	if (want)
		ck_assert_msg(!strcmp(r.host_path, want), "line %d: %s -> [%s], want [%s]", line,
			      name, r.host_path, want);
	ck_assert_msg(r.exists == exists, "line %d: %s: exists %d, want %d", line, name,
		      r.exists, exists);
	ck_assert_msg(r.read_only == read_only, "line %d: %s: read_only %d, want %d", line,
		      name, r.read_only, read_only);
}
#define EXPECT_HOST(name, want, exists, ro) expect_host_at(__LINE__, name, want, exists, ro)

static void expect_status_at(int line, const char *name, NTSTATUS want)
{
	struct path_result r;
	NTSTATUS st = resolve(name, &r);

	ck_assert_msg(st == want, "line %d: %s -> 0x%08x, want 0x%08x", line, name, st, want);
}
#define EXPECT_STATUS(name, want) expect_status_at(__LINE__, name, want)

static void expect_target_at(int line, const char *name, enum path_target want)
{
	struct path_result r;
	NTSTATUS st = resolve(name, &r);

	ck_assert_msg(st == ST_SUCCESS, "line %d: %s -> 0x%08x", line, name, st);
	ck_assert_msg(r.target == want, "line %d: %s -> target %d, want %d", line, name,
		      r.target, want);
}
#define EXPECT_TARGET(name, want) expect_target_at(__LINE__, name, want)

/* ---- UTF-16 <-> UTF-8 ---- */

START_TEST(utf16_to_utf8_widths)
{
	static const uint16_t s[] = { 'a', 0xE9, 0x20AC, 0xD83D, 0xDE00, 'z' };
	char out[32];

	ck_assert_uint_eq(utf16_to_utf8(s, 6, out, sizeof(out)), 1 + 2 + 3 + 4 + 1);
	ck_assert_str_eq(out, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
	ck_assert_uint_eq(utf16_to_utf8(s, 0, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "");
	/* the last BMP and first supplementary code points */
	ck_assert_uint_eq(utf16_to_utf8((const uint16_t[]){ 0xFFFF, 0xD800, 0xDC00 }, 3, out,
					sizeof(out)), 7);
	ck_assert_str_eq(out, "\xef\xbf\xbf\xf0\x90\x80\x80");
	ck_assert_uint_eq(utf16_to_utf8((const uint16_t[]){ 0xDBFF, 0xDFFF, 0x7F, 0x80, 0x7FF,
							    0x800 }, 6, out, sizeof(out)),
			  4 + 1 + 2 + 2 + 3);
	ck_assert_str_eq(out, "\xf4\x8f\xbf\xbf\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80");
}
END_TEST

START_TEST(utf16_to_utf8_lone_surrogates)
{
	char out[32];

	utf16_to_utf8((const uint16_t[]){ 0xD800, 'a' }, 2, out, sizeof(out));
	ck_assert_str_eq(out, "\xef\xbf\xbd" "a");
	utf16_to_utf8((const uint16_t[]){ 0xDC00, 'a' }, 2, out, sizeof(out));
	ck_assert_str_eq(out, "\xef\xbf\xbd" "a");
	utf16_to_utf8((const uint16_t[]){ 'a', 0xDBFF }, 2, out, sizeof(out));
	ck_assert_str_eq(out, "a\xef\xbf\xbd");
	/* low before high is two lone surrogates */
	ck_assert_uint_eq(utf16_to_utf8((const uint16_t[]){ 0xDC00, 0xD800 }, 2, out,
					sizeof(out)), 6);
	ck_assert_str_eq(out, "\xef\xbf\xbd\xef\xbf\xbd");
	/* a pair cut by n is a lone high surrogate */
	utf16_to_utf8((const uint16_t[]){ 0xD83D, 0xDE00 }, 1, out, sizeof(out));
	ck_assert_str_eq(out, "\xef\xbf\xbd");
}
END_TEST

/* A full buffer stops at a whole character and stays NUL-terminated. */
START_TEST(utf16_to_utf8_truncates)
{
	static const uint16_t s[] = { 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' };
	char out[8];

	memset(out, 'X', sizeof(out));
	ck_assert_uint_eq(utf16_to_utf8(s, 8, out, sizeof(out)), 4);
	ck_assert_str_eq(out, "abcd");
}
END_TEST

START_TEST(utf8_to_utf16_widths)
{
	uint16_t out[16];

	ck_assert_uint_eq(utf8_to_utf16("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z", out, 16), 6);
	ck_assert_mem_eq(out, ((const uint16_t[]){ 'a', 0xE9, 0x20AC, 0xD83D, 0xDE00, 'z', 0 }),
			 14);
	ck_assert_uint_eq(utf8_to_utf16("", out, 16), 0);
	ck_assert_uint_eq(out[0], 0);
	ck_assert_uint_eq(utf8_to_utf16("\xf4\x8f\xbf\xbf\xef\xbf\xbf", out, 16), 3);
	ck_assert_mem_eq(out, ((const uint16_t[]){ 0xDBFF, 0xDFFF, 0xFFFF, 0 }), 8);
}
END_TEST

/* Every code point that UTF-16 can carry survives UTF-16 -> UTF-8 -> UTF-16. */
START_TEST(utf_round_trip_all)
{
	for (uint32_t c = 1; c < 0x110000; c++) {
		uint16_t w[3], back[4];
		char u8[8];
		size_t n = 1;

		if (c >= 0xD800 && c < 0xE000)
			continue;
		if (c >= 0x10000) {
			w[0] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
			w[1] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
			n = 2;
		} else {
			w[0] = (uint16_t)c;
		}
		utf16_to_utf8(w, n, u8, sizeof(u8));
		/* plain tests, not ck_assert: each of those writes to check's
		 * pipe, and a million of them outlast the test timeout */
		if (strlen(u8) != (c < 0x80 ? 1u : c < 0x800 ? 2u : c < 0x10000 ? 3u : 4u) ||
		    utf8_to_utf16(u8, back, 4) != n || back[0] != w[0] || (n == 2 && back[1] != w[1]))
			ck_abort_msg("U+%04X does not round-trip", c);
	}
}
END_TEST

/* ---- path_host_to_dos ---- */

START_TEST(host_to_dos)
{
	struct lsw_job_spec none = { .no_cwd = true };
	struct path_view *v = path_view_new("/nonexistent", NULL, &none);
	char out[64];

	ck_assert_ptr_nonnull(v);
	path_host_to_dos(v, "/home/x/a.exe", out, sizeof(out));
	ck_assert_str_eq(out, "Z:\\home\\x\\a.exe");
	path_host_to_dos(v, "/", out, sizeof(out));
	ck_assert_str_eq(out, "Z:\\");
	path_host_to_dos(v, "/tmp/dir/", out, sizeof(out));
	ck_assert_str_eq(out, "Z:\\tmp\\dir\\");
	path_host_to_dos(v, "/abcdef", out, 6);
	ck_assert_str_eq(out, "Z:\\ab");
	path_view_free(v);
}
END_TEST

/* ---- volume devices and file ids (volume_device.c, volume_ids.c) ---- */

/* s as UTF-16 into out; its length. */
static size_t wide(const char *s, uint16_t *out)
{
	size_t n = 0;

	for (; s[n]; n++)
		out[n] = (uint8_t)s[n];
	return n;
}

START_TEST(volume_device_names)
{
	static const char *const not_volumes[] = {
		"\\Device\\HarddiskVolume", "\\Device\\HarddiskVolume0",
		"\\Device\\HarddiskVolume27", "\\Device\\HarddiskVolume03",
		"\\Device\\HarddiskVolume3x", "\\Device\\HarddiskVolume100\\a",
		"\\Device\\Harddisk0\\Partition1",
	};
	uint16_t name[64], out[64];
	char utf8[64];
	size_t n, len;

	n = volume_device_name(2, name);
	utf16_to_utf8(name, n, utf8, sizeof(utf8));
	ck_assert_str_eq(utf8, "\\Device\\HarddiskVolume3");
	ck_assert_int_eq(volume_device_drive(name, n, &len), 2);
	ck_assert_uint_eq(len, n);
	n = wide("\\device\\harddiskvolume26\\x", name);
	ck_assert_int_eq(volume_device_drive(name, n, &len), 25);
	ck_assert_uint_eq(len, 24);
	for (size_t i = 0; i < sizeof(not_volumes) / sizeof(*not_volumes); i++) {
		n = wide(not_volumes[i], name);
		ck_assert_msg(volume_device_drive(name, n, &len) < 0, "%s", not_volumes[i]);
	}
	n = volume_device_path("\\??\\Z:\\a\\b", out, 64);
	utf16_to_utf8(out, n, utf8, sizeof(utf8));
	ck_assert_str_eq(utf8, "\\Device\\HarddiskVolume26\\a\\b");
}
END_TEST

/* A file id gives its inode back (OpenFileById), one-to-one per device. */
START_TEST(file_id_round_trip)
{
	struct lsw_host h = { .volume_key = { 0x0123456789abcdefull, 0xfedcba9876543210ull } };
	const uint64_t inos[] = { 0, 1, 2, 0xffffffffull, 0x100000000ull, ~0ull, 0x8000000000001234ull };

	for (size_t i = 0; i < sizeof(inos) / sizeof(*inos); i++) {
		uint64_t id = volume_file_id(&h, 42, inos[i]);

		ck_assert_uint_eq(volume_file_ino(&h, 42, id), inos[i]);
		ck_assert_uint_ne(volume_file_ino(&h, 43, id), inos[i]);
	}
}
END_TEST

/* ---- path_resolve: C: and the overlay ---- */

START_TEST(overlay_serves_our_ntdll)
{
	EXPECT_HOST("\\??\\C:\\windows\\system32\\NTDLL.DLL", join(dlls, "ntdll.dll"), true, true);
	EXPECT_HOST("\\??\\C:\\Windows\\System32\\ntdll.dll", join(dlls, "ntdll.dll"), true, true);
	EXPECT_HOST("\\??\\c:\\WINDOWS\\SYSTEM32\\NtDll.Dll", join(dlls, "ntdll.dll"), true, true);
}
END_TEST

START_TEST(overlay_only_system32)
{
	char want[PATH_MAX];

	snprintf(want, sizeof(want), "%s/Windows/ntdll.dll", drive_c);
	EXPECT_HOST("\\??\\C:\\Windows\\ntdll.dll", want, false, false);
	snprintf(want, sizeof(want), "%s/ntdll.dll", drive_c);
	EXPECT_HOST("\\??\\C:\\ntdll.dll", want, false, false);
	/* not in the overlay: the prefix's System32 */
	snprintf(want, sizeof(want), "%s/Windows/System32/kernel32.dll", drive_c);
	EXPECT_HOST("\\??\\C:\\windows\\system32\\kernel32.dll", want, false, false);
	snprintf(want, sizeof(want), "%s/Windows/System32/Config.TXT", drive_c);
	EXPECT_HOST("\\??\\C:\\WINDOWS\\SYSTEM32\\config.txt", want, true, false);
}
END_TEST

START_TEST(case_insensitive_keeps_disk_case)
{
	char want[PATH_MAX];

	snprintf(want, sizeof(want), "%s/Users/Public/ReadMe.TXT", drive_c);
	EXPECT_HOST("\\??\\c:\\users\\PUBLIC\\readme.txt", want, true, false);
	snprintf(want, sizeof(want), "%s/Users/Public/NEW File.txt", drive_c);
	EXPECT_HOST("\\??\\C:\\USERS\\public\\NEW File.txt", want, false, false);
}
END_TEST

START_TEST(case_exact_match_wins)
{
	char want[PATH_MAX];

	snprintf(want, sizeof(want), "%s/Case/AB.txt", drive_c);
	EXPECT_HOST("\\??\\C:\\case\\AB.txt", want, true, false);
	snprintf(want, sizeof(want), "%s/Case/ab.txt", drive_c);
	EXPECT_HOST("\\??\\C:\\CASE\\ab.txt", want, true, false);
}
END_TEST

/* An NT path has no "." or ".." (only DOS paths do, and RtlDosPathName-
 * ToNtPathName takes them away), so none can climb out of a drive. */
START_TEST(dotdot_stays_in_drive)
{
	EXPECT_STATUS("\\??\\C:\\a\\..\\..\\..\\etc\\passwd", ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\etc\\passwd", ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\..\\..\\..", ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\Users\\..\\..\\Users\\Public", ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\Users\\.", ST_NAME_INVALID);
}
END_TEST

START_TEST(dots_and_repeated_separators)
{
	char want[PATH_MAX];

	/* one trailing separator names the directory; an empty component,
	 * "." and ".." are no names */
	snprintf(want, sizeof(want), "%s/Users/Public", drive_c);
	EXPECT_HOST("\\??\\C:\\Users\\Public\\", want, true, false);
	EXPECT_STATUS("\\??\\C:\\Users\\Public\\\\", ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\Users\\\\Public", ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\.\\Users\\Public", ST_NAME_INVALID);
	EXPECT_HOST("\\??\\C:", drive_c, true, false);
	EXPECT_HOST("\\??\\C:\\", drive_c, true, false);
	EXPECT_HOST("\\??\\C:\\\\", drive_c, true, false);
}
END_TEST

START_TEST(invalid_characters)
{
	static const char *const bad[] = {
		"\\??\\C:\\a<b", "\\??\\C:\\a>b", "\\??\\C:\\a|b", "\\??\\C:\\a*",
		"\\??\\C:\\a?", "\\??\\C:\\a\"b", "\\??\\C:\\file:stream", "\\??\\C:\\a\x01",
		"\\??\\C:\\tab\there", "\\??\\C:\\a*\\b", "\\??\\C:\\Users\\x?y\\z",
		"\\??\\C:\\NoSuchDir\\a|b",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT_STATUS(bad[i], ST_NAME_INVALID);
}
END_TEST

START_TEST(missing_components)
{
	char want[PATH_MAX];

	EXPECT_STATUS("\\??\\C:\\NoSuchDir\\x.txt", ST_PATH_NOT_FOUND);
	EXPECT_STATUS("\\??\\C:\\Users\\NoSuch\\Public", ST_PATH_NOT_FOUND);
	/* a file is not a directory */
	EXPECT_STATUS("\\??\\C:\\Users\\Public\\ReadMe.TXT\\x\\y", ST_PATH_NOT_FOUND);
	snprintf(want, sizeof(want), "%s/Users/new.txt", drive_c);
	EXPECT_HOST("\\??\\C:\\Users\\new.txt", want, false, false);
	EXPECT_STATUS("\\??\\C:\\NoSuchDir\\..\\Users", ST_NAME_INVALID);
}
END_TEST

START_TEST(devices)
{
	EXPECT_TARGET("\\Device\\Null", PATH_NULL_DEVICE);
	EXPECT_TARGET("\\device\\NULL", PATH_NULL_DEVICE);
	EXPECT_TARGET("\\??\\NUL", PATH_NULL_DEVICE);
	EXPECT_TARGET("\\??\\nul", PATH_NULL_DEVICE);
	EXPECT_TARGET("\\??\\CONOUT$", PATH_CONOUT);
	EXPECT_TARGET("\\??\\conout$", PATH_CONOUT);
	EXPECT_TARGET("\\??\\CONIN$", PATH_CONIN);
	EXPECT_TARGET("\\DosDevices\\NUL", PATH_NULL_DEVICE);
	EXPECT_TARGET("\\GLOBAL??\\CONOUT$", PATH_CONOUT);
}
END_TEST

START_TEST(other_prefixes)
{
	char want[PATH_MAX];

	snprintf(want, sizeof(want), "%s/Users", drive_c);
	EXPECT_HOST("\\DosDevices\\C:\\Users", want, true, false);
	EXPECT_HOST("\\dosdevices\\c:\\users", want, true, false);
	EXPECT_HOST("\\GLOBAL??\\C:\\Users", want, true, false);
}
END_TEST

START_TEST(bad_syntax_and_drives)
{
	struct path_result r;

	EXPECT_STATUS("C:\\Users", ST_PATH_SYNTAX_BAD);
	EXPECT_STATUS("Users", ST_PATH_SYNTAX_BAD);
	ck_assert_uint_eq(path_resolve(view, NULL, 0, &r), ST_PATH_SYNTAX_BAD);
	EXPECT_STATUS("\\Foo\\Bar", ST_PATH_NOT_FOUND);
	EXPECT_STATUS("\\??\\", ST_NAME_INVALID);      /* the DOS device directory itself */
	EXPECT_STATUS("\\??\\1:\\x", ST_PATH_NOT_FOUND);
	EXPECT_STATUS("\\??\\D:\\x", ST_PATH_NOT_FOUND);    /* no such drive */
	EXPECT_STATUS("\\??\\C:x", ST_NAME_NOT_FOUND);      /* no such name in \?? */
	EXPECT_STATUS("\\??\\C:/", ST_NAME_NOT_FOUND);
	EXPECT_STATUS("\\Foo", ST_NAME_NOT_FOUND);          /* none in the root either */
	EXPECT_STATUS("\\??\\CC:\\x", ST_PATH_NOT_FOUND);
	EXPECT_STATUS("\\??\\UNC\\server\\share", ST_PATH_NOT_FOUND);
}
END_TEST

/* ---- path_resolve: Z:, filtered ---- */

START_TEST(z_cwd_read_write)
{
	EXPECT_HOST(zpath(work, "\\data.TXT"), join(work, "Data.txt"), true, false);
	EXPECT_HOST(zpath(work, "\\new.txt"), join(work, "new.txt"), false, false);
	EXPECT_HOST(zpath(work, ""), work, true, false);
	EXPECT_HOST(zpath(work, "\\SUB\\inner.txt"), join(work, "Sub/Inner.txt"), true, false);
	EXPECT_STATUS(zpath(work, "\\Sub\\..\\Data.txt"), ST_NAME_INVALID);
}
END_TEST

START_TEST(z_case_insensitive)
{
	char upper[PATH_MAX];

	snprintf(upper, sizeof(upper), "%s", work);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p -= 32;
	EXPECT_HOST(zpath(upper, "\\DATA.TXT"), join(work, "Data.txt"), true, false);
}
END_TEST

START_TEST(z_exe_dir_read_only)
{
	EXPECT_HOST(zpath(bin, "\\prog.exe"), exe, true, true);
	EXPECT_HOST(zpath(bin, "\\PROG.EXE"), exe, true, true);
	EXPECT_HOST(zpath(bin, "\\new.txt"), join(bin, "new.txt"), false, true);
}
END_TEST

START_TEST(z_outside_allowed)
{
	EXPECT_STATUS(zpath(root, "\\other\\secret.txt"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(root, "\\other\\new.txt"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(root, "\\prefix\\drive_c\\etc\\passwd"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS("\\??\\Z:\\etc\\passwd", ST_PATH_NOT_FOUND);
	/* "work" is a prefix of "workshop", not its parent */
	EXPECT_STATUS(zpath(root, "\\workshop\\x.txt"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(root, "\\workshop"), ST_PATH_NOT_FOUND);
	/* ".." out of the cwd is no name at all */
	EXPECT_STATUS(zpath(work, "\\..\\other\\secret.txt"), ST_NAME_INVALID);
}
END_TEST

static bool collect_name(void *ctx, const char *name, size_t len)
{
	char *all = ctx;

	snprintf(all + strlen(all), PATH_MAX - strlen(all), "%.*s,", (int)len, name);
	return true;
}

/* The directories holding the allowed roots exist, as directories with
 * nothing of the host: the target says so (never PATH_HOST: nothing opens
 * them), and listing one shows only the names leading to the roots. */
START_TEST(z_above_allowed)
{
	const char *above[] = { "\\??\\Z:\\", "\\??\\Z:", NULL, NULL };
	char root_name[PATH_MAX], up[PATH_MAX], real[PATH_MAX], names[PATH_MAX] = "";
	struct path_result r;

	snprintf(root_name, sizeof(root_name), "%s", zpath(root, ""));
	snprintf(up, sizeof(up), "%s", zpath(root, "\\"));
	above[2] = root_name;
	above[3] = up;
	for (int i = 0; i < 4; i++)
		EXPECT_TARGET(above[i], PATH_ABOVE);
	resolve(up, &r);
	ck_assert_ptr_nonnull(realpath(root, real));
	ck_assert_str_eq(r.host_path, real);
	ck_assert(path_above_names(view, r.host_path, collect_name, names));
	/* the cwd and the program's directory; not workshop, other, prefix */
	ck_assert_msg(strstr(names, "work,") && strstr(names, "bin,") && !strstr(names, "workshop") &&
		      !strstr(names, "other") && !strstr(names, "prefix"), "listed [%s]", names);
}
END_TEST

START_TEST(z_symlinks_out_of_cwd)
{
	EXPECT_STATUS(zpath(work, "\\escape"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\escape\\passwd"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\escape\\new.txt"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\up\\other\\secret.txt"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\up\\other\\new.txt"), ST_PATH_NOT_FOUND);
	/* a link that leads back inside stays usable */
	EXPECT_HOST(zpath(work, "\\up\\work\\Data.txt"), join(work, "up/work/Data.txt"), true,
		    false);
}
END_TEST

/* Links inside are followed one name at a time: chains, absolute targets
 * and links into another allowed root work; loops, and links whose target
 * lies outside (even a missing one) do not exist. */
START_TEST(z_links_followed_inside)
{
	char target[PATH_MAX];

	symlink_at("chain2", "work/chain1");
	symlink_at("Sub", "work/chain2");
	snprintf(target, sizeof(target), "%s/Sub", work);
	symlink_at(target, "work/abs");
	symlink_at("loop", "work/loop");
	symlink_at("/nonexistent-lsw-dir/x", "work/dangling-out");
	symlink_at("../bin", "work/to-exe");
	symlink_at("Sub/missing.txt", "work/dangling-in");
	EXPECT_HOST(zpath(work, "\\chain1\\Inner.txt"), join(work, "chain1/Inner.txt"), true, false);
	EXPECT_HOST(zpath(work, "\\abs\\inner.TXT"), join(work, "abs/Inner.txt"), true, false);
	EXPECT_HOST(zpath(work, "\\to-exe\\prog.exe"), join(work, "to-exe/prog.exe"), true, true);
	EXPECT_HOST(zpath(work, "\\dangling-in"), join(work, "dangling-in"), true, false);
	EXPECT_STATUS(zpath(work, "\\loop"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\loop\\x"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\dangling-out"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(work, "\\dangling-out\\y"), ST_PATH_NOT_FOUND);
}
END_TEST

/* A root named through a link (--map, or $PWD as the shell keeps it) can
 * be reached by that name too, and by its real path; the link's name
 * leads nowhere else. */
START_TEST(z_root_named_through_a_link)
{
	char map_dir[PATH_MAX], pwd[PATH_MAX];

	symlink_at(".", "lnk");
	snprintf(map_dir, sizeof(map_dir), "%s/lnk/other", root);
	snprintf(pwd, sizeof(pwd), "%s/lnk/work", root);
	spec.maps[0] = (struct lsw_mapping){ .host_dir = join(root, "other"), .named_dir = map_dir,
					     .read_only = true };
	spec.nmaps = 1;
	setenv("PWD", pwd, 1);
	path_view_free(view);
	view = path_view_new(prefix, dlls, &spec);
	EXPECT_HOST(zpath(root, "\\lnk\\other\\secret.txt"), join(root, "other/secret.txt"), true,
		    true);
	EXPECT_HOST(zpath(root, "\\other\\secret.txt"), join(root, "other/secret.txt"), true, true);
	EXPECT_HOST(zpath(root, "\\LNK\\work\\Data.txt"), join(work, "Data.txt"), true, false);
	EXPECT_STATUS(zpath(root, "\\lnk\\bin\\prog.exe"), ST_PATH_NOT_FOUND);
	EXPECT_STATUS(zpath(root, "\\lnk\\prefix"), ST_PATH_NOT_FOUND);
}
END_TEST

/* The job's program, named through a link, is resolved with the view
 * (the first process's image is not walked again); another name is not
 * answered from it. */
START_TEST(view_keeps_program_resolution)
{
	char named[PATH_MAX], real[PATH_MAX];

	symlink_at("bin", "binlink");
	snprintf(named, sizeof(named), "%s/binlink/prog.exe", root);
	spec.program = named;
	path_view_free(view);
	view = path_view_new(prefix, dlls, &spec);
	ck_assert(path_view_program_real(view, named, real));
	ck_assert_str_eq(real, exe);
	ck_assert(!path_view_program_real(view, exe, real));
	spec.no_cwd = true; /* no program directory allowed: nothing resolved */
	path_view_free(view);
	view = path_view_new(prefix, dlls, &spec);
	ck_assert(!path_view_program_real(view, named, real));
}
END_TEST

START_TEST(z_not_under_overlay)
{
	/* Z: is not C:: its system32 is never replaced */
	EXPECT_STATUS("\\??\\Z:\\windows\\system32\\ntdll.dll", ST_PATH_NOT_FOUND);
}
END_TEST

/* ---- path_fd_reachable: the check on what open() really opened ---- */

/* What a host process racing lsw can do between a name check and its
 * use: work\\Sub becomes a link out of the cwd. */
static void swap_sub_for_link_out(void)
{
	char moved[PATH_MAX];

	snprintf(moved, sizeof(moved), "%s/Sub-moved", work);
	ck_assert_int_eq(rename(join(work, "Sub"), moved), 0);
	symlink_at("../other", "work/Sub");
}

static bool reachable(const char *host, bool writing)
{
	int fd = open(host, O_RDONLY | O_CLOEXEC);
	bool r;

	ck_assert_msg(fd >= 0, "open %s: %m", host);
	r = path_fd_reachable(view, fd, writing);
	close(fd);
	return r;
}

START_TEST(fd_reachable_where_allowed)
{
	char other[PATH_MAX], c_passwd[PATH_MAX], ntdll[PATH_MAX];
	int pipefd[2];

	snprintf(other, sizeof(other), "%s/other/secret.txt", root);
	snprintf(c_passwd, sizeof(c_passwd), "%s/etc/passwd", drive_c);
	snprintf(ntdll, sizeof(ntdll), "%s/ntdll.dll", dlls);
	ck_assert(reachable(join(work, "Data.txt"), true));
	ck_assert(reachable(c_passwd, true));
	ck_assert(reachable(exe, false));
	ck_assert(!reachable(exe, true));       /* the exe's directory is read-only */
	ck_assert(reachable(ntdll, false));
	ck_assert(!reachable(ntdll, true));     /* our DLLs are never written */
	ck_assert(!reachable(other, false));
	ck_assert(!reachable("/etc/passwd", false));
	ck_assert_int_eq(pipe(pipefd), 0);
	ck_assert(!path_fd_reachable(view, pipefd[0], false));
	close(pipefd[0]);
	close(pipefd[1]);
}
END_TEST

/* What a host process racing lsw can do: path_resolve checked work\Sub,
 * then Sub became a link out of the cwd before open().  The open follows
 * it; the check on the fd catches it. */
START_TEST(fd_reachable_catches_swapped_directory)
{
	struct path_result r;
	int fd;

	ck_assert_int_eq(resolve(zpath(work, "\\Sub\\secret.txt"), &r), ST_SUCCESS);
	ck_assert(!r.exists);
	swap_sub_for_link_out();
	fd = open(r.host_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ck_assert_msg(fd >= 0, "open %s: %m", r.host_path);
	ck_assert(!path_fd_reachable(view, fd, false));
	close(fd);
}
END_TEST

/* path_open_parent: creations and deletions happen under a checked
 * directory fd, so the same swap cannot place a file outside. */
START_TEST(open_parent_checks_the_directory)
{
	struct path_result r;
	const char *base = NULL;
	int fd;

	ck_assert_int_eq(resolve(zpath(work, "\\Sub\\new.txt"), &r), ST_SUCCESS);
	fd = path_open_parent(view, r.host_path, true, &base);
	ck_assert_int_ge(fd, 0);
	ck_assert_str_eq(base, "new.txt");
	close(fd);
	fd = path_open_parent(view, join(bin, "new.txt"), true, &base);
	ck_assert(fd < 0 && errno == EACCES);  /* read-only: no writing there */
	swap_sub_for_link_out();
	fd = path_open_parent(view, r.host_path, true, &base);
	ck_assert(fd < 0 && errno == EACCES);
	ck_assert_int_lt(path_open_parent(view, "/", false, &base), 0);
}
END_TEST

/*
 * '/' inside a component once slipped through: a last component
 * "../../../../etc/passwd" was appended to drive_c as it was and open()
 * left the prefix.  NTFS rejects '/' in a name with
 * STATUS_OBJECT_NAME_INVALID.
 */
START_TEST(bug_slash_in_component_leaves_drive)
{
	EXPECT_STATUS("\\??\\C:\\../../../../../../../../../../../../etc/passwd",
		      ST_NAME_INVALID);
	EXPECT_STATUS("\\??\\C:\\Users\\../../../other/secret.txt", ST_NAME_INVALID);
}
END_TEST

/* An embedded NUL cuts the name short: "ReadMe.TXT\0junk" opens ReadMe.TXT. */
START_TEST(bug_embedded_nul_truncates)
{
	static const char name[] = "\\??\\C:\\Users\\Public\\ReadMe.TXT";
	uint16_t w[64];
	size_t n = utf8_to_utf16(name, w, 64);
	struct path_result r;

	w[n] = 0;
	w[n + 1] = 'x';
	ck_assert_uint_eq(path_resolve(view, w, n + 2, &r), ST_NAME_INVALID);
}
END_TEST

static Suite *path_suite(void)
{
	Suite *s = suite_create("path");
	TCase *tc = tcase_create("utf");

	tcase_add_test(tc, utf16_to_utf8_widths);
	tcase_add_test(tc, utf16_to_utf8_lone_surrogates);
	tcase_add_test(tc, utf16_to_utf8_truncates);
	tcase_add_test(tc, utf8_to_utf16_widths);
	tcase_add_test(tc, utf_round_trip_all);
	tcase_add_test(tc, host_to_dos);
	tcase_add_test(tc, volume_device_names);
	tcase_add_test(tc, file_id_round_trip);
	suite_add_tcase(s, tc);

	tc = tcase_create("resolve");
	tcase_add_unchecked_fixture(tc, base_setup, base_teardown);
	tcase_add_checked_fixture(tc, tree_setup, tree_teardown);
	tcase_add_test(tc, overlay_serves_our_ntdll);
	tcase_add_test(tc, overlay_only_system32);
	tcase_add_test(tc, case_insensitive_keeps_disk_case);
	tcase_add_test(tc, case_exact_match_wins);
	tcase_add_test(tc, dotdot_stays_in_drive);
	tcase_add_test(tc, dots_and_repeated_separators);
	tcase_add_test(tc, invalid_characters);
	tcase_add_test(tc, missing_components);
	tcase_add_test(tc, devices);
	tcase_add_test(tc, other_prefixes);
	tcase_add_test(tc, bad_syntax_and_drives);
	tcase_add_test(tc, z_cwd_read_write);
	tcase_add_test(tc, z_case_insensitive);
	tcase_add_test(tc, z_exe_dir_read_only);
	tcase_add_test(tc, z_outside_allowed);
	tcase_add_test(tc, z_above_allowed);
	tcase_add_test(tc, z_symlinks_out_of_cwd);
	tcase_add_test(tc, z_links_followed_inside);
	tcase_add_test(tc, z_root_named_through_a_link);
	tcase_add_test(tc, view_keeps_program_resolution);
	tcase_add_test(tc, z_not_under_overlay);
	tcase_add_test(tc, fd_reachable_where_allowed);
	tcase_add_test(tc, fd_reachable_catches_swapped_directory);
	tcase_add_test(tc, open_parent_checks_the_directory);
	tcase_add_test(tc, bug_slash_in_component_leaves_drive);
	tcase_add_test(tc, bug_embedded_nul_truncates);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(path_suite());
	int failed;

	/* each test changes the current directory: the fixture needs fork mode */
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
