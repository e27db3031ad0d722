/*
 * Unit tests for the registry store (src/emul/registry/reg_*.c): keys and values
 * in memory, the .reg text both ways, hive files with their merge of
 * concurrent writers, and a prefix's defaults.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emul/upcase.h"
#include "emul/registry/reg_prefix.h"
#include "emul/registry/registry.h"

#include "registry_test_util.h"

/* --- keys --- */

START_TEST(upcase_and_compare)
{
	size_t an, bn;
	const uint16_t *a, *b;

	ck_assert_uint_eq(nt_upcase('a'), 'A');
	ck_assert_uint_eq(nt_upcase(0xE9), 0xC9);
	ck_assert_uint_eq(nt_upcase(0xF7), 0xF7);
	ck_assert_uint_eq(nt_upcase(0x3C2), 0x3A3); /* final sigma: NLS upper-cases it too */
	ck_assert_uint_eq(nt_upcase(0x3B1), 0x391);
	ck_assert_uint_eq(nt_upcase(0x430), 0x410);
	ck_assert_uint_eq(nt_upcase(0x450), 0x400);
	a = w("Straße", &an);
	b = w("STRAßE", &bn);
	ck_assert_int_eq(reg_name_compare(a, an, b, bn), 0);
	a = w("ab", &an);
	b = w("ABC", &bn);
	ck_assert_int_lt(reg_name_compare(a, an, b, bn), 0);
	ck_assert_int_gt(reg_name_compare(b, bn, a, an), 0);
}
END_TEST

START_TEST(lookup_keeps_case)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *k = mk(h->root, "MyKéy"), *again;
	size_t n;
	const uint16_t *u = w("mykÉY", &n);

	ck_assert_ptr_eq(find(h->root, "MYKÉY"), k);
	ck_assert(name_is(k->name, k->name_len, "MyKéy"));
	ck_assert_uint_eq(reg_key_create(h->root, u, n, false, NULL, 0, &again),
			  ST(STATUS_OBJECT_NAME_COLLISION));
	ck_assert_ptr_eq(again, k);
	ck_assert_ptr_null(find(h->root, "MyKe"));
	reg_hive_free(h);
}
END_TEST

/* Process creation's look for the image's Image File Execution Options
 * key (registry_ifeo.c): by file name, ignoring case; a link on the way
 * leaves it unknown (not missing), as the loader's open would follow it. */
START_TEST(image_key_missing)
{
	struct host_registry r = { 0 };
	struct reg_key *k;

	ck_assert(registry_image_key_missing(&r, "prog.exe")); /* no machine hive */
	r.machine = reg_hive_new_volatile("HKEY_LOCAL_MACHINE");
	k = mk(mk(mk(r.machine->root, "Software"), "Microsoft"), "Windows NT");
	ck_assert(registry_image_key_missing(&r, "prog.exe"));
	k = mk(mk(k, "CurrentVersion"), "Image File Execution Options");
	ck_assert(registry_image_key_missing(&r, "prog.exe"));
	mk(k, "PROG.EXE");
	ck_assert(!registry_image_key_missing(&r, "prog.exe"));
	ck_assert(registry_image_key_missing(&r, "other.exe"));
	k->is_link = true;
	ck_assert(!registry_image_key_missing(&r, "other.exe"));
	reg_hive_free(r.machine);
}
END_TEST

START_TEST(subkeys_sorted)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *p = mk(h->root, "p");
	char name[32];

	mk(p, "b");
	mk(p, "A");
	mk(p, "c");
	mk(p, "B2");
	ck_assert(name_is(p->subkeys[0]->name, p->subkeys[0]->name_len, "A"));
	ck_assert(name_is(p->subkeys[1]->name, p->subkeys[1]->name_len, "b"));
	ck_assert(name_is(p->subkeys[2]->name, p->subkeys[2]->name_len, "B2"));
	ck_assert(name_is(p->subkeys[3]->name, p->subkeys[3]->name_len, "c"));
	srand(7);
	for (int i = 0; i < 3000; i++) {
		struct reg_key *k;
		size_t n;
		const uint16_t *u;

		snprintf(name, sizeof(name), "k%d", rand());
		u = w(name, &n);
		reg_key_create(p, u, n, false, NULL, 0, &k);
	}
	for (uint32_t i = 1; i < p->nsubkeys; i++)
		ck_assert_int_lt(reg_name_compare(p->subkeys[i - 1]->name, p->subkeys[i - 1]->name_len,
						  p->subkeys[i]->name, p->subkeys[i]->name_len), 0);
	for (uint32_t i = 0; i < p->nsubkeys; i += 97)
		ck_assert_ptr_eq(reg_key_find(p, p->subkeys[i]->name, p->subkeys[i]->name_len),
				 p->subkeys[i]);
	reg_hive_free(h);
}
END_TEST

START_TEST(values_in_order)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *k = mk(h->root, "k");
	uint32_t one = 1, two = 2;
	size_t n;
	const uint16_t *u;

	ck_assert_uint_eq(set(k, "zeta", REG_DWORD, &one, 4), 0);
	ck_assert_uint_eq(set(k, "Alpha", REG_DWORD, &one, 4), 0);
	ck_assert_uint_eq(set(k, "", REG_SZ, "a\0\0", 4), 0);
	ck_assert_uint_eq(set(k, "ALPHA", REG_DWORD, &two, 4), 0);
	ck_assert_uint_eq(k->nvalues, 3);
	ck_assert(name_is(k->values[0].name, k->values[0].name_len, "zeta"));
	ck_assert(name_is(k->values[1].name, k->values[1].name_len, "Alpha"));
	ck_assert_uint_eq(k->values[2].name_len, 0);
	ck_assert_int_eq(memcmp(k->values[1].data, &two, 4), 0);
	u = w("alpha", &n);
	ck_assert_ptr_eq(reg_value_find(k, u, n), &k->values[1]);
	ck_assert_uint_eq(reg_value_delete(k, u, n), 0);
	ck_assert_uint_eq(reg_value_delete(k, u, n), ST(STATUS_OBJECT_NAME_NOT_FOUND));
	ck_assert_uint_eq(k->nvalues, 2);
	ck_assert_uint_eq(k->values[1].name_len, 0);
	reg_hive_free(h);
}
END_TEST

START_TEST(create_errors)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *k, *d = h->root;
	uint16_t long_name[300];
	size_t n;
	const uint16_t *u;

	for (int i = 0; i < 300; i++)
		long_name[i] = 'x';
	ck_assert_uint_eq(reg_key_create(h->root, long_name, 0, false, NULL, 0, &k),
			  ST(STATUS_INVALID_PARAMETER));
	ck_assert_uint_eq(reg_key_create(h->root, long_name, 257, false, NULL, 0, &k),
			  ST(STATUS_INVALID_PARAMETER));
	ck_assert_uint_eq(reg_key_create(h->root, long_name, 256, false, NULL, 0, &k), 0);
	u = w("a\\b", &n);
	ck_assert_uint_eq(reg_key_create(h->root, u, n, false, NULL, 0, &k),
			  ST(STATUS_INVALID_PARAMETER));
	for (int i = 0; i < REG_DEPTH_MAX; i++)
		d = mk(d, "d");
	u = w("d", &n);
	ck_assert_uint_eq(reg_key_create(d, u, n, false, NULL, 0, &k),
			  ST(STATUS_INSUFFICIENT_RESOURCES));
	/* a deleted parent */
	k = reg_key_ref(mk(h->root, "gone"));
	ck_assert_uint_eq(reg_key_delete(k), 0);
	ck_assert(k->deleted);
	ck_assert_uint_eq(reg_key_create(k, u, n, false, NULL, 0, &d), ST(STATUS_KEY_DELETED));
	ck_assert_uint_eq(set(k, "v", REG_NONE, "", 0), ST(STATUS_KEY_DELETED));
	ck_assert_uint_eq(reg_key_delete(k), ST(STATUS_KEY_DELETED));
	ck_assert_uint_eq(reg_key_rename(k, u, n), ST(STATUS_KEY_DELETED));
	reg_key_unref(k);
	reg_hive_free(h);
}
END_TEST

START_TEST(delete_rules)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *p = mk(h->root, "p"), *c = reg_key_ref(mk(p, "c"));

	ck_assert_uint_eq(reg_key_delete(h->root), ST(STATUS_CANNOT_DELETE));
	ck_assert_uint_eq(reg_key_delete(p), ST(STATUS_CANNOT_DELETE));
	ck_assert_uint_eq(reg_key_delete(c), 0);
	ck_assert_ptr_null(find(p, "c"));
	ck_assert_uint_eq(reg_key_delete(p), 0);
	ck_assert_uint_eq(h->root->nsubkeys, 0);
	/* the reference keeps the deleted key readable */
	ck_assert(c->deleted);
	ck_assert(name_is(c->name, c->name_len, "c"));
	reg_key_unref(c);
	ck_assert_uint_eq(h->bytes, 0);
	reg_hive_free(h);
}
END_TEST

START_TEST(rename_rules)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *a = mk(h->root, "a"), *b = mk(h->root, "b");
	size_t n;
	const uint16_t *u;

	u = w("B", &n);
	ck_assert_uint_eq(reg_key_rename(a, u, n), ST(STATUS_OBJECT_NAME_COLLISION));
	ck_assert_uint_eq(reg_key_rename(b, u, n), 0);
	ck_assert(name_is(b->name, b->name_len, "B"));
	u = w("", &n);
	ck_assert_uint_eq(reg_key_rename(a, u, n), ST(STATUS_INVALID_PARAMETER));
	u = w("x\\y", &n);
	ck_assert_uint_eq(reg_key_rename(a, u, n), ST(STATUS_INVALID_PARAMETER));
	u = w("c", &n);
	ck_assert_uint_eq(reg_key_rename(h->root, u, n), ST(STATUS_ACCESS_DENIED));
	ck_assert_uint_eq(reg_key_rename(a, u, n), 0);
	ck_assert_ptr_eq(h->root->subkeys[0], b);
	ck_assert_ptr_eq(h->root->subkeys[1], a);
	ck_assert_ptr_eq(find(h->root, "C"), a);
	reg_hive_free(h);
}
END_TEST

START_TEST(volatile_rules)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *v, *k, *s = mk(h->root, "stable");
	size_t n;
	const uint16_t *u = w("vol", &n);
	char *text;
	size_t len;
	FILE *f;

	h->dirty = false;
	ck_assert_uint_eq(reg_key_create(s, u, n, true, NULL, 0, &v), 0);
	ck_assert(!h->dirty);
	ck_assert_uint_eq(set(v, "x", REG_SZ, "a\0\0", 4), 0);
	ck_assert(!h->dirty);
	u = w("child", &n);
	ck_assert_uint_eq(reg_key_create(v, u, n, false, NULL, 0, &k),
			  ST(STATUS_CHILD_MUST_BE_VOLATILE));
	ck_assert_uint_eq(reg_key_create(v, u, n, true, NULL, 0, &k), 0);
	f = open_memstream(&text, &len);
	ck_assert_int_eq(reg_export(f, h->root, "HKEY_CURRENT_USER"), 0);
	fclose(f);
	/* "vol" (as UTF-16LE) must not be in the export */
	ck_assert_ptr_null(memmem(text, len, "v\0o\0l\0", 6));
	ck_assert_ptr_nonnull(memmem(text, len, "s\0t\0a\0b\0l\0e\0", 12));
	free(text);
	ck_assert_uint_eq(set(s, "x", REG_SZ, "a\0\0", 4), 0);
	ck_assert(h->dirty);
	reg_hive_free(h);
}
END_TEST

/* A hive counts what its text file will hold: REG_KEY_COST and the whole
 * path for each key, REG_VALUE_COST, the name and the data for a value. */
START_TEST(byte_budget)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *k = mk(h->root, "k"), *out;
	uint8_t small[32] = { 0 };
	const uint16_t *name;
	size_t n;

	ck_assert_uint_eq(h->bytes, REG_KEY_COST + 2);
	ck_assert_uint_eq(set(k, "big", REG_BINARY, small, REG_HIVE_BYTES_MAX),
			  ST(STATUS_INSUFFICIENT_RESOURCES));
	h->bytes = REG_HIVE_BYTES_MAX - 60;
	ck_assert_uint_eq(set(k, "v", REG_BINARY, small, 32), 0); /* 24 + 2 + 32 */
	ck_assert_uint_eq(h->bytes, REG_HIVE_BYTES_MAX - 2);
	ck_assert_uint_eq(set(k, "w", REG_NONE, small, 0), ST(STATUS_INSUFFICIENT_RESOURCES));
	/* replacing with smaller data frees room */
	ck_assert_uint_eq(set(k, "v", REG_BINARY, small, 4), 0);
	ck_assert_uint_eq(h->bytes, REG_HIVE_BYTES_MAX - 30);
	ck_assert_uint_eq(set(k, "w", REG_BINARY, small, 4), 0);
	ck_assert_uint_eq(h->bytes, REG_HIVE_BYTES_MAX);
	name = w("x", &n);
	ck_assert_uint_eq(reg_key_create(k, name, n, false, NULL, 0, &out),
			  ST(STATUS_INSUFFICIENT_RESOURCES));
	reg_hive_free(h);
}
END_TEST

/* A key's path is in the text once for it and once for every key below
 * it: renaming a key high up costs for all of them. */
START_TEST(byte_budget_paths)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *a = mk(h->root, "a"), *b = mk(a, "bb"), *c = mk(b, "ccc");
	const uint16_t *four, *seven;
	uint64_t bytes;
	size_t n4, n7;

	/* paths "a", "a\bb", "a\bb\ccc" */
	ck_assert_uint_eq(h->bytes, 3 * REG_KEY_COST + 2 * (1 + 4 + 8));
	ck_assert_uint_eq(h->root->subtree_keys, 4);
	four = w("aaaa", &n4);
	seven = w("aaaaaaa", &n7);
	ck_assert_uint_eq(reg_key_rename(a, four, n4), 0);
	ck_assert_uint_eq(h->bytes, 3 * REG_KEY_COST + 2 * (4 + 7 + 11));
	ck_assert_uint_eq(reg_key_delete(c), 0);
	ck_assert_uint_eq(h->bytes, 2 * REG_KEY_COST + 2 * (4 + 7));
	ck_assert_uint_eq(a->subtree_keys, 2);
	bytes = h->bytes;
	reg_hive_recount(h);
	ck_assert_uint_eq(h->bytes, bytes);
	/* 3 more units in two paths: 12 bytes */
	h->bytes = REG_HIVE_BYTES_MAX - 10;
	ck_assert_uint_eq(reg_key_rename(a, seven, n7), ST(STATUS_INSUFFICIENT_RESOURCES));
	h->bytes = REG_HIVE_BYTES_MAX - 12;
	ck_assert_uint_eq(reg_key_rename(a, seven, n7), 0);
	ck_assert_uint_eq(h->bytes, REG_HIVE_BYTES_MAX);
	reg_hive_free(h);
}
END_TEST

static struct reg_key *hooked[8];
static uint32_t hooked_what[8];
static int nhooked;

static void hook(void *arg, struct reg_key *k, uint32_t what)
{
	(void)arg;
	if (nhooked < 8) {
		hooked[nhooked] = k;
		hooked_what[nhooked] = what;
	}
	nhooked++;
}

START_TEST(change_hook_and_time)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *p = mk(h->root, "p"), *c;
	size_t n;
	const uint16_t *u;

	h->hooks.changed = hook;
	nhooked = 0;
	p->last_write = 0;
	c = mk(p, "c");
	ck_assert_uint_gt(p->last_write, 116444736000000000ull);
	ck_assert_uint_eq(set(c, "v", REG_NONE, "", 0), 0);
	u = w("d", &n);
	ck_assert_uint_eq(reg_key_rename(c, u, n), 0);
	ck_assert_uint_eq(reg_key_delete(c), 0);
	h->hooks.changed = NULL;
	ck_assert_int_eq(nhooked, 4);
	ck_assert_ptr_eq(hooked[0], p);
	ck_assert_uint_eq(hooked_what[0], REG_CHANGE_NAME);
	ck_assert_ptr_eq(hooked[1], c);
	ck_assert_uint_eq(hooked_what[1], REG_CHANGE_LAST_SET);
	ck_assert_ptr_eq(hooked[2], p);
	ck_assert_ptr_eq(hooked[3], p);
	reg_hive_free(h);
}
END_TEST

/* --- .reg text --- */

struct sample {
	const char *name;
	uint32_t type;
	const char *data;
	uint32_t size;
};

static const struct sample samples[] = {
	{ "", REG_SZ, "d\0e\0f\0\0", 8 },
	{ "sz", REG_SZ, "h\0i\0\0", 6 },
	{ "sz empty", REG_SZ, "\0", 2 },
	{ "sz no data", REG_SZ, "", 0 },
	{ "sz odd", REG_SZ, "h\0i\0\0", 5 },
	{ "sz no NUL", REG_SZ, "h\0i\0", 4 },
	{ "sz inner NUL", REG_SZ, "h\0\0\0i\0\0", 8 },
	{ "sz newline", REG_SZ, "a\0\n\0b\0\0", 8 },
	{ "sz \"quotes\" and \\", REG_SZ, "\"\0\\\0\\\0\"\0\0", 10 },
	{ "expand", REG_EXPAND_SZ, "%\0X\0%\0\0", 8 },
	{ "expand empty", REG_EXPAND_SZ, "", 0 },
	{ "binary", REG_BINARY, "\x01\x02\xff", 3 },
	{ "binary empty", REG_BINARY, "", 0 },
	{ "dword", REG_DWORD, "\x78\x56\x34\x12", 4 },
	{ "dword short", REG_DWORD, "\x78\x56\x34", 3 },
	{ "dword empty", REG_DWORD, "", 0 },
	{ "dword be", REG_DWORD_BIG_ENDIAN, "\x12\x34\x56\x78", 4 },
	{ "link", REG_LINK, "\\\0x\0", 4 },
	{ "multi", REG_MULTI_SZ, "a\0\0\0b\0\0\0\0\0", 10 },
	{ "qword", REG_QWORD, "\1\2\3\4\5\6\7\x08", 8 },
	{ "none", REG_NONE, "\0", 1 },
	{ "none empty", REG_NONE, "", 0 },
	{ "type 0x1234", 0x1234, "xyz", 3 },
	{ "type max", 0xFFFFFFFF, "", 0 },
	{ "ünïcödé ελληνικά 中文 😀", REG_SZ, "\x3D\xD8\x00\xDE\0\0", 6 },
	{ "@", REG_SZ, "@\0\0", 4 },
	{ "=", REG_SZ, "=\0\0", 4 },
	{ " spaced ", REG_SZ, " \0\0", 4 },
};

static void fill(struct reg_key *k)
{
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
		ck_assert_uint_eq(set(k, samples[i].name, samples[i].type, samples[i].data,
				      samples[i].size), 0);
}

static char *export(const struct reg_key *k, size_t *len)
{
	char *text;
	FILE *f = open_memstream(&text, len);

	ck_assert_int_eq(reg_export(f, k, "HKEY_CURRENT_USER"), 0);
	fclose(f);
	return text;
}

START_TEST(round_trip_every_type)
{
	struct reg_hive *a = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_hive *b = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *k = mk(mk(a->root, "Software"), "Tëst ]key[");
	uint8_t big[300];
	char err[256], *text, *again;
	size_t len, len2, col = 0;

	for (int i = 0; i < 300; i++)
		big[i] = (uint8_t)(i * 7);
	fill(k);
	ck_assert_uint_eq(set(k, "big", REG_BINARY, big, 300), 0);
	ck_assert_uint_eq(set(k, "big expand", REG_EXPAND_SZ, big, 300), 0);
	ck_assert_uint_eq(set(a->root, "rootval", REG_SZ, "r\0\0", 4), 0);
	mk(mk(k, "sub"), "deeper");
	text = export(a->root, &len);
	ck_assert_int_eq(memcmp(text, "\xFF\xFEW\0i\0n\0", 8), 0);
	/* CRLF line ends, no line past 80 columns (all names are short) */
	for (size_t i = 2; i + 1 < len; i += 2) {
		if (text[i] == '\n' && !text[i + 1]) {
			ck_assert(i >= 4 && text[i - 2] == '\r' && !text[i - 1]);
			ck_assert_uint_le(col, 81);
			col = 0;
		} else {
			col++;
		}
	}
	ck_assert_int_eq(reg_import(text, len, "export.reg", test_root, b, err, sizeof(err)), 0);
	same_tree(a->root, b->root);
	again = export(b->root, &len2);
	ck_assert_uint_eq(len, len2);
	ck_assert_int_eq(memcmp(text, again, len), 0);
	free(text);
	free(again);
	reg_hive_free(a);
	reg_hive_free(b);
}
END_TEST

START_TEST(export_format)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *k = mk(h->root, "K");
	uint8_t bytes[40];
	char *text, *u8;
	size_t len;
	static const char want[] =
		"Windows Registry Editor Version 5.00\r\n\r\n"
		"[HKEY_CURRENT_USER]\r\n"
		"@=\"v\"\r\n"
		"\"a\\\"b\\\\\"=dword:0000002a\r\n"
		"\"e\"=hex(2):25,00,00,00\r\n"
		"\"m\"=hex(7):61,00,00,00,00,00\r\n"
		"\"q\"=hex(b):01,00,00,00,00,00,00,00\r\n"
		"\"n\"=hex(0):\r\n"
		"\"x\"=hex(2a):ff\r\n"
		"\"b\"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\\r\n"
		"  17,18,19,1a,1b,1c,1d,1e,1f,20,21,22,23,24,25,26,27\r\n"
		"\r\n";

	for (int i = 0; i < 40; i++)
		bytes[i] = (uint8_t)i;
	set(k, "", REG_SZ, "v\0\0", 4);
	set(k, "a\"b\\", REG_DWORD, "\x2a\0\0\0", 4);
	set(k, "e", REG_EXPAND_SZ, "%\0\0", 4);
	set(k, "m", REG_MULTI_SZ, "a\0\0\0\0", 6);
	set(k, "q", REG_QWORD, "\1\0\0\0\0\0\0\0", 8);
	set(k, "n", REG_NONE, "", 0);
	set(k, "x", 0x2a, "\xff", 1);
	set(k, "b", REG_BINARY, bytes, 40);
	text = export(k, &len);
	u8 = reg_utf16_to_utf8((uint16_t *)(text + 2), (len - 2) / 2, NULL);
	ck_assert_msg(!strcmp(u8, want), "got %zu bytes '%s'", strlen(u8), u8);
	free(u8);
	free(text);
	reg_hive_free(h);
}
END_TEST

struct bad {
	const char *text;
	unsigned line;
	const char *what;
};

static const struct bad bad_inputs[] = {
	{ "", 0, "empty file" },
	{ "REGEDIT5\n", 1, "not a .reg file" },
	{ "REGEDIT4\n\n\"a\"=\"b\"\n", 3, "outside any [KEY]" },
	{ "REGEDIT4\n[HKCU\\a\n", 2, "does not end with ']'" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a=\"b\"\n", 3, "missing '='" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=\"b\n", 3, "unterminated" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=\"b\\n\"\n", 3, "bad escape" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=\"b\" x\n", 3, "after the closing quote" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=word:1\n", 3, "unknown value data" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=dword:123456789\n", 3, "bad dword" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=dword:xyz\n", 3, "bad dword" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=hex:1,zz\n", 3, "bad hex byte" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=hex:100\n", 3, "bad hex byte" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=hex:01,\n", 3, "ends with a comma" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=hex(q):01\n", 3, "bad value type" },
	{ "REGEDIT4\n[HKCU\\a]\n\"a\"=hex:01,\\\n  02,\\\n", 4, "past the end" },
	{ "REGEDIT4\n[HKLX\\a]\n", 2, "unknown root key 'HKLX'" },
	{ "REGEDIT4\n[HKCU\\a\\\\b]\n", 2, "empty key name" },
	{ "REGEDIT4\n[]\n", 2, "empty key name" },
	{ "REGEDIT4\n[-HKCU]\n", 2, "cannot delete a root" },
	{ "REGEDIT4\n[-HKCU\\a]\n\"x\"=\"y\"\n", 3, "[-KEY] section" },
	{ "REGEDIT4\n[HKCU\\a]\n\"\"=\"y\"\n", 3, "empty value name" },
	{ "REGEDIT4\n[HKCU\\a]\njunk\n", 3, "expected [KEY]" },
	{ "REGEDIT4\n\n[HKCU\\a]\n\"\xff\"=\"y\"\n", 4, "malformed UTF-8" },
};

START_TEST(parse_errors)
{
	const struct bad *b = &bad_inputs[_i];
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	char err[256], want[64];

	mk(h->root, "keep");
	h->dirty = false;
	/* good sections before the error must not be applied either */
	char text[512];
	bool prefixed = !strncmp(b->text, "REGEDIT4\n", 9) && strncmp(b->text, "REGEDIT4\n\n", 10);

	snprintf(text, sizeof(text), "%s", b->text);
	if (prefixed) {
		snprintf(text, sizeof(text), "REGEDIT4\n[-HKCU\\keep]\n[HKCU\\new]\n\"v\"=\"1\"\n%s",
			 b->text + 9);
	}
	err[0] = 0;
	ck_assert_int_eq(import(h, text, err), -1);
	snprintf(want, sizeof(want), "t.reg:%u: ", b->line + (prefixed ? 3 : 0));
	ck_assert_msg(!strncmp(err, want, strlen(want)), "case %d: got '%s', want '%s'", _i, err, want);
	ck_assert_msg(strstr(err, b->what), "case %d: got '%s'", _i, err);
	ck_assert_ptr_null(find(h->root, "new"));
	ck_assert_ptr_nonnull(find(h->root, "keep"));
	ck_assert(!h->dirty);
	reg_hive_free(h);
}
END_TEST

START_TEST(deletions)
{
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_key *a = mk(h->root, "a"), *b = reg_key_ref(mk(mk(a, "b"), "c"));
	char err[256];

	mk(h->root, "z");
	set(h->root->subkeys[1], "keep", REG_SZ, "", 0);
	set(h->root->subkeys[1], "drop", REG_SZ, "", 0);
	ck_assert_int_eq(import(h, "Windows Registry Editor Version 5.00\r\n\r\n"
			      "[-HKEY_CURRENT_USER\\a\\B]\r\n\r\n"
			      "[-HKEY_CURRENT_USER\\nonexistent]\r\n\r\n"
			      "[HKEY_CURRENT_USER\\Z]\r\n\"DROP\"=-\r\n\"never there\"=-\r\n", err), 0);
	ck_assert_ptr_nonnull(find(h->root, "a"));
	ck_assert_uint_eq(a->nsubkeys, 0);
	ck_assert(b->deleted);
	ck_assert_uint_eq(h->root->subkeys[1]->nvalues, 1);
	reg_key_unref(b);
	reg_hive_free(h);
}
END_TEST

START_TEST(encodings_and_paths)
{
	static const char body[] = "\r\n[HKCU\\one\\two\\thrée]\r\n\"n\"=\"v\"\r\n;comment\r\n"
				   "\"h\"=hex:01,\\\r\n  02\r\n";
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	char err[256], utf8[512];
	uint8_t u16[1024];
	size_t n, k = 2;
	uint16_t *t;
	struct reg_key *key;

	/* UTF-16LE with BOM, CRLF */
	snprintf(utf8, sizeof(utf8), "Windows Registry Editor Version 5.00%s", body);
	t = reg_utf8_to_utf16(utf8, strlen(utf8), &n, NULL);
	u16[0] = 0xFF, u16[1] = 0xFE;
	for (size_t i = 0; i < n; i++, k += 2)
		u16[k] = t[i] & 0xFF, u16[k + 1] = t[i] >> 8;
	free(t);
	ck_assert_int_eq(reg_import(u16, k, "u16.reg", test_root, h, err, sizeof(err)), 0);
	key = find(find(find(h->root, "one"), "two"), "THRÉE");
	ck_assert_ptr_nonnull(key);
	ck_assert_uint_eq(key->nvalues, 2);
	ck_assert_uint_eq(key->values[1].size, 2);
	/* UTF-8 with BOM and LF; REGEDIT4 widening hex(2) */
	snprintf(utf8, sizeof(utf8), "\xEF\xBB\xBFREGEDIT4\n[HKEY_USERS\\S-1\\u8]\n\"e\"=hex(2):41,00\n");
	ck_assert_int_eq(import(h, utf8, err), 0);
	key = find(h->root, "u8");
	ck_assert_ptr_nonnull(key);
	ck_assert_uint_eq(key->values[0].size, 4);
	ck_assert_int_eq(memcmp(key->values[0].data, "A\0\0\0", 4), 0);
	/* UTF-8 without BOM, odd-length UTF-16 is an error */
	ck_assert_int_eq(import(h, "Windows Registry Editor Version 5.00\n[HKCU\\x]\n", err), 0);
	ck_assert_ptr_nonnull(find(h->root, "x"));
	ck_assert_int_eq(reg_import("\xFF\xFEW", 3, "odd.reg", test_root, h, err, sizeof(err)), -1);
	reg_hive_free(h);
}
END_TEST

/* --- hive files --- */

START_TEST(load_and_errors)
{
	char path[300], err[256], *before, *after;
	size_t blen, alen;
	struct reg_hive *h;
	FILE *f;

	make_scratch();
	snprintf(path, sizeof(path), "%s/user.reg", scratch);
	h = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	ck_assert_ptr_nonnull(h);
	ck_assert_uint_eq(h->root->nsubkeys, 0);
	ck_assert_int_eq(reg_hive_flush(h, err, sizeof(err)), 0);
	ck_assert_int_eq(access(path, F_OK), -1); /* not dirty: nothing written */
	mk(h->root, "k");
	ck_assert_int_eq(reg_hive_flush(h, err, sizeof(err)), 0);
	ck_assert(!h->dirty);
	reg_hive_free(h);
	h = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	ck_assert_ptr_nonnull(find(h->root, "K"));
	ck_assert(!h->dirty);
	reg_hive_free(h);
	/* the wrong root, and a bad line: named, file untouched */
	f = fopen(path, "w");
	fputs("REGEDIT4\n\n[HKEY_CURRENT_USER\\a]\n\"x\"=dword:1\n\"y\"=bogus\n", f);
	fclose(f);
	before = slurp(path, &blen);
	h = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	ck_assert_ptr_null(h);
	ck_assert_ptr_nonnull(strstr(err, "user.reg:5: "));
	h = reg_hive_load(path, "HKEY_LOCAL_MACHINE", err, sizeof(err));
	ck_assert_ptr_null(h);
	ck_assert_ptr_nonnull(strstr(err, "user.reg:3: unknown root"));
	after = slurp(path, &alen);
	ck_assert_uint_eq(blen, alen);
	ck_assert_int_eq(memcmp(before, after, blen), 0);
	free(before);
	free(after);
	rm_scratch();
}
END_TEST

START_TEST(journal_merge)
{
	char path[300], err[256];
	struct reg_hive *a, *b, *c;
	struct reg_key *ka, *gone_in_a, *kb;

	make_scratch();
	snprintf(path, sizeof(path), "%s/system.reg", scratch);
	a = reg_hive_load(path, "HKEY_LOCAL_MACHINE", err, sizeof(err));
	ka = mk(a->root, "shared");
	set(ka, "base", REG_SZ, "0\0\0", 4);
	mk(ka, "doomed");
	ck_assert_int_eq(reg_hive_flush(a, err, sizeof(err)), 0);
	b = reg_hive_load(path, "HKEY_LOCAL_MACHINE", err, sizeof(err));
	ck_assert_ptr_nonnull(b);
	gone_in_a = reg_key_ref(find(ka, "doomed"));
	kb = find(b->root, "shared");
	/* each writer changes different things */
	set(ka, "from_a", REG_DWORD, "\1\0\0\0", 4);
	mk(a->root, "a_only");
	set(kb, "from_b", REG_DWORD, "\2\0\0\0", 4);
	set(kb, "base", REG_SZ, "b\0\0", 4);
	ck_assert_uint_eq(reg_key_delete(find(kb, "doomed")), 0);
	mk(kb, "b_child");
	ck_assert_int_eq(reg_hive_flush(b, err, sizeof(err)), 0);
	sleep(0);
	ck_assert_int_eq(reg_hive_flush(a, err, sizeof(err)), 0);
	/* the file holds both */
	c = reg_hive_load(path, "HKEY_LOCAL_MACHINE", err, sizeof(err));
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(find(c->root, "a_only"));
	ck_assert_ptr_nonnull(find(find(c->root, "shared"), "b_child"));
	ck_assert_ptr_null(find(find(c->root, "shared"), "doomed"));
	ck_assert_uint_eq(find(c->root, "shared")->nvalues, 3);
	/* and a's view too, its handles still good */
	ck_assert_ptr_eq(find(a->root, "shared"), ka);
	ck_assert(gone_in_a->deleted);
	ck_assert_ptr_nonnull(find(ka, "b_child"));
	same_tree(a->root, c->root);
	ck_assert_uint_eq(a->bytes, c->bytes);
	/* b, flushing again after a, sees a's change as well */
	set(kb, "again", REG_NONE, "", 0);
	ck_assert_int_eq(reg_hive_flush(b, err, sizeof(err)), 0);
	ck_assert_ptr_nonnull(find(b->root, "a_only"));
	reg_key_unref(gone_in_a);
	reg_hive_free(a);
	reg_hive_free(b);
	reg_hive_free(c);
	rm_scratch();
}
END_TEST

/* Another writer's change reaches a hive with nothing to write only
 * through reg_hive_sync (lsw reg and a running lswhost); the hive's
 * generation moves with every change, the merge's included, and stays
 * when nothing changed (lswhost keeps the environment by it). */
START_TEST(sync_takes_in_and_counts)
{
	char path[300], err[256];
	struct reg_hive *a, *b;
	uint64_t g;
	size_t n;
	const uint16_t *name;

	make_scratch();
	snprintf(path, sizeof(path), "%s/user.reg", scratch);
	a = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	ck_assert_ptr_nonnull(a);
	g = a->generation;
	mk(a->root, "Environment");
	ck_assert_uint_gt(a->generation, g);
	ck_assert_int_eq(reg_hive_flush(a, err, sizeof(err)), 0);
	g = a->generation;
	ck_assert_int_eq(reg_hive_sync(a, err, sizeof(err)), 0); /* nothing new */
	ck_assert_uint_eq(a->generation, g);
	b = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(set(find(b->root, "Environment"), "FOO", REG_SZ, "b\0\0", 4), 0);
	ck_assert_int_eq(reg_hive_flush_final(b, err, sizeof(err)), 0);
	name = w("FOO", &n);
	ck_assert_int_eq(reg_hive_flush(a, err, sizeof(err)), 0); /* a has nothing to write */
	ck_assert_ptr_null(reg_value_find(find(a->root, "Environment"), name, n));
	ck_assert_uint_eq(a->generation, g);
	ck_assert_int_eq(reg_hive_sync(a, err, sizeof(err)), 0);
	ck_assert_ptr_nonnull(reg_value_find(find(a->root, "Environment"), name, n));
	ck_assert_uint_gt(a->generation, g);
	g = a->generation;
	ck_assert_uint_eq(reg_value_delete(find(a->root, "Environment"), name, n), 0);
	ck_assert_uint_gt(a->generation, g);
	reg_hive_free(a);
	reg_hive_free(b);
	rm_scratch();
}
END_TEST

/* A flush that cannot write leaves the files as they were and the
 * changes waiting; a compaction that cannot write loses nothing either
 * (the journal holds them). */
START_TEST(flush_is_atomic)
{
	char path[300], tmp[340], journal[340], aside[340], err[256], *before, *after;
	size_t blen, alen;
	struct reg_hive *h, *again;

	make_scratch();
	snprintf(path, sizeof(path), "%s/user.reg", scratch);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	snprintf(journal, sizeof(journal), "%s.journal", path);
	snprintf(aside, sizeof(aside), "%s.aside", path);
	h = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	set(mk(h->root, "k"), "v", REG_SZ, "1\0\0", 4);
	ck_assert_int_eq(reg_hive_flush(h, err, sizeof(err)), 0);
	set(find(h->root, "k"), "v", REG_SZ, "2\0\0", 4);
	ck_assert_int_eq(reg_hive_flush(h, err, sizeof(err)), 0);
	before = slurp(path, &blen);
	/* the journal cannot be written: a directory in its place (this works
	 * even for root, unlike a read-only directory) */
	set(find(h->root, "k"), "v", REG_SZ, "3\0\0", 4);
	ck_assert_int_eq(rename(journal, aside), 0);
	ck_assert_int_eq(mkdir(journal, 0755), 0);
	err[0] = 0;
	ck_assert_int_eq(reg_hive_flush(h, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot write"));
	ck_assert(h->dirty);
	after = slurp(path, &alen);
	ck_assert(alen == blen && !memcmp(before, after, blen));
	free(after);
	ck_assert_int_eq(rmdir(journal), 0);
	ck_assert_int_eq(rename(aside, journal), 0);
	/* nor can the compaction at the end: the journal still has it all */
	ck_assert_int_eq(mkdir(tmp, 0755), 0);
	ck_assert_int_eq(reg_hive_flush_final(h, err, sizeof(err)), -1);
	ck_assert(!h->dirty);
	after = slurp(path, &alen);
	ck_assert(alen == blen && !memcmp(before, after, blen));
	free(after);
	again = reg_hive_load(path, "HKEY_CURRENT_USER", err, sizeof(err));
	ck_assert_str_eq((char *)reg_value_find(find(again->root, "k"), w("v", &blen), 1)->data, "3");
	reg_hive_free(again);
	ck_assert_int_eq(rmdir(tmp), 0);
	ck_assert_int_eq(reg_hive_flush_final(h, err, sizeof(err)), 0);
	ck_assert_int_eq(access(journal, F_OK), -1); /* compacted into the file */
	after = slurp(path, &alen);
	ck_assert(alen != blen || memcmp(before, after, blen));
	free(before);
	free(after);
	reg_hive_free(h);
	rm_scratch();
}
END_TEST

START_TEST(prefix_defaults)
{
	char err[256], path[300];
	struct reg_prefix *p;
	const char *rest, *canon;
	struct reg_key *k;

	make_scratch();
	p = reg_prefix_open(scratch, "alice", err, sizeof(err));
	ck_assert_msg(p != NULL, "%s", err);
	k = find(find(find(find(p->machine->root, "Software"), "Microsoft"), "Windows NT"),
		 "CurrentVersion");
	ck_assert_ptr_nonnull(k);
	ck_assert_ptr_nonnull(reg_value_find(k, w("ProductName", &(size_t){ 0 }), 11));
	ck_assert_ptr_nonnull(find(find(k, "ProfileList"), REG_USER_SID));
	ck_assert_ptr_eq(reg_prefix_root(p, "HKCR\\x", &rest, &canon),
			 find(find(p->machine->root, "Software"), "Classes"));
	ck_assert_str_eq(rest, "x");
	ck_assert_str_eq(canon, "HKEY_CLASSES_ROOT");
	ck_assert_ptr_eq(reg_prefix_root(p, "hkey_users\\" REG_USER_SID "\\Software", &rest,
					 &canon), p->user->root);
	ck_assert_str_eq(rest, "Software");
	ck_assert_ptr_null(reg_prefix_root(p, "HKEY_USERS\\.DEFAULT", &rest, &canon));
	ck_assert_ptr_nonnull(find(p->user->root, "Environment"));
	ck_assert_int_eq(reg_prefix_flush(p, err, sizeof(err)), 0);
	reg_prefix_close(p);
	snprintf(path, sizeof(path), "%s/user.reg", scratch);
	ck_assert_int_eq(access(path, F_OK), 0);
	p = reg_prefix_open(scratch, "alice", err, sizeof(err));
	ck_assert(!p->machine->dirty && !p->user->dirty);
	/* the link the file keeps as a key with its SymbolicLinkValue */
	k = find(find(find(p->machine->root, "Software"), "WOW6432Node"), "Classes");
	ck_assert(k && k->is_link && reg_link_target(k));
	k = find(find(find(find(p->machine->root, "Software"), "Microsoft"), "Windows NT"),
		 "CurrentVersion");
	/* made when first looked at, not at the open, never written to system.reg */
	ck_assert(k && p->machine->time_zones_pending && !find(k, "Time Zones"));
	ck_assert_int_eq(reg_prefix_time_zones(p->machine), 0);
	ck_assert(!p->machine->time_zones_pending && !p->machine->dirty);
	k = find(k, "Time Zones");
	ck_assert(k && k->nsubkeys > 100 && k->is_volatile);
	ck_assert_int_eq(reg_prefix_time_zones(p->machine), 0); /* once */
	k = find(k, "W. Europe Standard Time");
	ck_assert(k && reg_value_find(k, w("TZI", &(size_t){ 0 }), 3)->size == 44);
	reg_prefix_close(p);
	rm_scratch();
}
END_TEST

static Suite *registry_suite(void)
{
	Suite *s = suite_create("registry");
	TCase *keys = tcase_create("keys"), *text = tcase_create("text"),
	      *files = tcase_create("files");

	tcase_add_test(keys, upcase_and_compare);
	tcase_add_test(keys, lookup_keeps_case);
	tcase_add_test(keys, subkeys_sorted);
	tcase_add_test(keys, image_key_missing);
	tcase_add_test(keys, values_in_order);
	tcase_add_test(keys, create_errors);
	tcase_add_test(keys, delete_rules);
	tcase_add_test(keys, rename_rules);
	tcase_add_test(keys, volatile_rules);
	tcase_add_test(keys, byte_budget);
	tcase_add_test(keys, byte_budget_paths);
	tcase_add_test(keys, change_hook_and_time);
	tcase_add_test(text, round_trip_every_type);
	tcase_add_test(text, export_format);
	tcase_add_loop_test(text, parse_errors, 0, sizeof(bad_inputs) / sizeof(bad_inputs[0]));
	tcase_add_test(text, deletions);
	tcase_add_test(text, encodings_and_paths);
	tcase_add_test(files, load_and_errors);
	tcase_add_test(files, journal_merge);
	tcase_add_test(files, sync_takes_in_and_counts);
	tcase_add_test(files, flush_is_atomic);
	tcase_add_test(files, prefix_defaults);
	suite_add_tcase(s, keys);
	suite_add_tcase(s, text);
	suite_add_tcase(s, files);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(registry_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
