/*
 * After a flush that merged another writer's file, our tree must show
 * what the file now holds.  Handles (references) to our keys must stay
 * valid, so keys are matched by name and kept; only their values move
 * over, keys new in the file are moved over whole, and keys gone from it
 * are flagged deleted.  Volatile keys are ours alone and stay.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_internal.h"

static bool values_equal(const struct reg_key *a, const struct reg_key *b)
{
	if (a->nvalues != b->nvalues)
		return false;
	for (uint32_t i = 0; i < a->nvalues; i++) {
		const struct reg_value *x = &a->values[i], *y = &b->values[i];

		if (x->type != y->type || x->size != y->size || x->name_len != y->name_len ||
		    memcmp(x->name, y->name, x->name_len * 2) ||
		    (x->size && memcmp(x->data, y->data, x->size)))
			return false;
	}
	return true;
}

static void set_hive(struct reg_key *k, struct reg_hive *h)
{
	k->hive = h;
	for (uint32_t i = 0; i < k->nsubkeys; i++)
		set_hive(k->subkeys[i], h);
}

static int by_name(const void *a, const void *b)
{
	const struct reg_key *x = *(struct reg_key *const *)a, *y = *(struct reg_key *const *)b;

	return reg_name_compare(x->name, x->name_len, y->name, y->name_len);
}

#define SWAP(a, b) do { __typeof__(a) t_ = (a); (a) = (b); (b) = t_; } while (0)

/* t's values and class become f's (f gets t's old ones, to be freed). */
static void take_contents(struct reg_key *t, struct reg_key *f)
{
	if (!values_equal(t, f)) {
		SWAP(t->values, f->values);
		SWAP(t->nvalues, f->nvalues);
		SWAP(t->values_cap, f->values_cap);
		t->last_write = reg_now();
		reg_key_changed(t, REG_CHANGE_LAST_SET);
	}
	SWAP(t->class_name, f->class_name);
	SWAP(t->class_len, f->class_len);
	if (t->name_len == f->name_len)
		SWAP(t->name, f->name); /* the case the file has */
}

static int sync_key(struct reg_key *t, struct reg_key *f)
{
	size_t room = (size_t)t->nsubkeys + f->nsubkeys + 1;
	struct reg_key **keep = malloc(room * sizeof(*keep)), **drop = malloc(room * sizeof(*drop));
	uint32_t nkeep = 0, ndrop = 0, j = 0;

	if (!keep || !drop) {
		free(keep);
		free(drop);
		return -1;
	}
	take_contents(t, f);
	for (uint32_t i = 0; i < t->nsubkeys; i++) {
		struct reg_key *s = t->subkeys[i];
		struct reg_key *fs = s->is_volatile ? NULL : reg_key_find(f, s->name, s->name_len);

		if (fs && sync_key(s, fs) < 0) {
			free(keep);
			free(drop);
			return -1;
		}
		if (fs || s->is_volatile)
			keep[nkeep++] = s;
		else
			drop[ndrop++] = s;
	}
	for (uint32_t i = 0; i < f->nsubkeys; i++) {
		struct reg_key *fs = f->subkeys[i];

		if (reg_key_find(t, fs->name, fs->name_len))
			continue;
		keep[nkeep++] = fs;
		fs->parent = t;
		set_hive(fs, t->hive);
	}
	for (uint32_t i = 0; i < f->nsubkeys; i++)
		if (f->subkeys[i]->parent == f)
			f->subkeys[j++] = f->subkeys[i];
	f->nsubkeys = j;
	for (uint32_t i = 0; i < ndrop; i++)
		reg_key_drop_tree(drop[i], false);
	if (ndrop || nkeep != t->nsubkeys) {
		t->last_write = reg_now();
		reg_key_changed(t, REG_CHANGE_NAME);
	}
	qsort(keep, nkeep, sizeof(*keep), by_name);
	free(t->subkeys);
	free(drop);
	t->subkeys = keep;
	t->nsubkeys = nkeep;
	t->subkeys_cap = (uint32_t)room;
	return 0;
}

int reg_hive_merge(struct reg_hive *h, struct reg_hive *fresh)
{
	int r = sync_key(h->root, fresh->root);

	reg_hive_recount(h);
	reg_hive_recount(fresh);
	return r;
}
