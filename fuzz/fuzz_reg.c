/*
 * libFuzzer harness for the .reg importer (src/emul/registry/reg_text.c): imports
 * the input into an empty hive; when that succeeds, exports the tree,
 * imports the export into a second hive and exports that, and aborts if
 * the two exports differ (every value must round-trip).  A failed import
 * must leave the hive empty and give a one-line "NAME:LINE: " message.
 * Built and run by test/fuzz_reg.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emul/registry/reg_store.h"

static struct reg_key *root_of(void *arg, const char *name)
{
	struct reg_hive *h = arg;

	return !strcmp(name, "HKEY_CURRENT_USER") || !strcmp(name, "HKCU") ? h->root : NULL;
}

static char *export(const struct reg_hive *h, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	if (!f || reg_export(f, h->root, "HKEY_CURRENT_USER") < 0)
		abort();
	fclose(f);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reg_hive *a = reg_hive_new_volatile("HKEY_CURRENT_USER");
	struct reg_hive *b = reg_hive_new_volatile("HKEY_CURRENT_USER");
	char err[256];
	char *one, *two;
	size_t n1, n2;

	if (!a || !b)
		abort();
	if (reg_import(data, size, "in.reg", root_of, a, err, sizeof(err)) < 0) {
		if (a->root->nsubkeys || a->root->nvalues || strncmp(err, "in.reg:", 7) ||
		    strchr(err, '\n'))
			abort();
	} else {
		one = export(a, &n1);
		if (reg_import(one, n1, "one.reg", root_of, b, err, sizeof(err)) < 0)
			abort();
		two = export(b, &n2);
		if (n1 != n2 || memcmp(one, two, n1))
			abort();
		free(one);
		free(two);
	}
	reg_hive_free(a);
	reg_hive_free(b);
	return 0;
}
