/* What the registry unit tests share: UTF-16 names from UTF-8, key and
 * value shorthands, a scratch directory, tree comparison. */
#ifndef LSW_REGISTRY_TEST_UTIL_H
#define LSW_REGISTRY_TEST_UTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "emul/registry/reg_internal.h"

#define ST(x) ((NTSTATUS)LSW_##x)

/* UTF-8 test strings as UTF-16, in a rotating static buffer. */
static inline const uint16_t *w(const char *s, size_t *len)
{
	static uint16_t bufs[8][600];
	static int next;
	uint16_t *b = bufs[next++ % 8], *t;
	size_t n;

	t = reg_utf8_to_utf16(s, strlen(s), &n, NULL);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_lt(n, 600);
	memcpy(b, t, n * 2);
	free(t);
	*len = n;
	return b;
}

static inline struct reg_key *mk(struct reg_key *parent, const char *name)
{
	struct reg_key *k;
	size_t n;
	const uint16_t *u = w(name, &n);

	ck_assert_uint_eq(reg_key_create(parent, u, n, false, NULL, 0, &k), ST(STATUS_SUCCESS));
	return k;
}

static inline struct reg_key *find(struct reg_key *parent, const char *name)
{
	size_t n;
	const uint16_t *u = w(name, &n);

	return reg_key_find(parent, u, n);
}

static inline NTSTATUS set(struct reg_key *k, const char *name, uint32_t type, const void *d,
		    uint32_t size)
{
	size_t n;
	const uint16_t *u = w(name, &n);

	return reg_value_set(k, u, n, type, d, size);
}

static inline bool name_is(const uint16_t *name, size_t len, const char *want)
{
	size_t n;
	const uint16_t *u = w(want, &n);

	return n == len && !memcmp(name, u, n * 2);
}

static char scratch[256];

static inline void make_scratch(void)
{
	snprintf(scratch, sizeof(scratch), "%s/lsw-reg-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(scratch));
}

static inline void rm_scratch(void)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "chmod -R u+w '%s'; rm -rf '%s'", scratch, scratch);
	ck_assert_int_eq(system(cmd), 0);
}

static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);

	ck_assert_ptr_nonnull(f);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

/* A hive's root as the only root a .reg text may name ("HKEY_CURRENT_USER"
 * or "HKCU"), plus HKEY_USERS\S-1 as a second name for it. */
static inline struct reg_key *test_root(void *arg, const char *name)
{
	struct reg_hive *h = arg;

	if (!strcasecmp(name, "HKEY_CURRENT_USER") || !strcasecmp(name, "HKCU") ||
	    !strcasecmp(name, "HKEY_USERS\\S-1"))
		return h->root;
	return NULL;
}

static inline int import(struct reg_hive *h, const char *text, char *err)
{
	return reg_import(text, strlen(text), "t.reg", test_root, h, err, 256);
}

static inline void same_values(const struct reg_key *a, const struct reg_key *b)
{
	ck_assert_uint_eq(a->nvalues, b->nvalues);
	for (uint32_t i = 0; i < a->nvalues; i++) {
		ck_assert_uint_eq(a->values[i].name_len, b->values[i].name_len);
		ck_assert_int_eq(memcmp(a->values[i].name, b->values[i].name,
					a->values[i].name_len * 2), 0);
		ck_assert_uint_eq(a->values[i].type, b->values[i].type);
		ck_assert_uint_eq(a->values[i].size, b->values[i].size);
		ck_assert_int_eq(memcmp(a->values[i].data, b->values[i].data, a->values[i].size), 0);
	}
}

static inline void same_tree(const struct reg_key *a, const struct reg_key *b)
{
	same_values(a, b);
	ck_assert_uint_eq(a->nsubkeys, b->nsubkeys);
	for (uint32_t i = 0; i < a->nsubkeys; i++) {
		ck_assert_uint_eq(a->subkeys[i]->name_len, b->subkeys[i]->name_len);
		ck_assert_int_eq(memcmp(a->subkeys[i]->name, b->subkeys[i]->name,
					a->subkeys[i]->name_len * 2), 0);
		same_tree(a->subkeys[i], b->subkeys[i]);
	}
}

#endif
