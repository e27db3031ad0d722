/*
 * What changed between two versions of a hive (`lsw diff` of an overlay:
 * the original file and the program's copy): keys created and deleted,
 * values created, modified and deleted.  A created key brings its values
 * and subkeys with it; a deleted key is one change.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_diff.h"

struct walk {
	reg_diff_fn *fn;
	void *arg;
	char *path;           /* the key's full name, grown and cut as we go */
	size_t len, cap;
	bool failed;
};

static bool push(struct walk *w, const struct reg_key *k, size_t *saved)
{
	char *name = reg_utf16_to_utf8(k->name, k->name_len, NULL);
	size_t n = name ? strlen(name) : 0;

	*saved = w->len;
	if (!name || (w->len + n + 2 > w->cap &&
		      !(w->path = realloc(w->path, w->cap = (w->len + n + 2) * 2)))) {
		free(name);
		w->failed = true;
		return false;
	}
	w->path[w->len++] = '\\';
	memcpy(w->path + w->len, name, n + 1);
	w->len += n;
	free(name);
	return true;
}

static void pop(struct walk *w, size_t saved)
{
	w->len = saved;
	w->path[saved] = 0;
}

static void report(struct walk *w, enum reg_diff_change c, const struct reg_value *v,
		   const struct reg_value *old)
{
	struct reg_diff d = { c, w->path, v, old };

	w->fn(&d, w->arg);
}

static bool same_value(const struct reg_value *a, const struct reg_value *b)
{
	return a->type == b->type && a->size == b->size && !memcmp(a->data, b->data, a->size);
}

static void created(struct walk *w, const struct reg_key *k)
{
	report(w, REG_DIFF_KEY_CREATED, NULL, NULL);
	for (uint32_t i = 0; i < k->nvalues; i++)
		report(w, REG_DIFF_VALUE_CREATED, &k->values[i], NULL);
	for (uint32_t i = 0; i < k->nsubkeys && !w->failed; i++) {
		size_t saved;

		if (push(w, k->subkeys[i], &saved)) {
			created(w, k->subkeys[i]);
			pop(w, saved);
		}
	}
}

static void compare(struct walk *w, const struct reg_key *old, const struct reg_key *new)
{
	uint32_t i = 0, j = 0;

	for (uint32_t v = 0; v < new->nvalues; v++) {
		const struct reg_value *nv = &new->values[v];
		const struct reg_value *ov = reg_value_find((struct reg_key *)old, nv->name,
							    nv->name_len);

		if (!ov)
			report(w, REG_DIFF_VALUE_CREATED, nv, NULL);
		else if (!same_value(ov, nv))
			report(w, REG_DIFF_VALUE_MODIFIED, nv, ov);
	}
	for (uint32_t v = 0; v < old->nvalues; v++)
		if (!reg_value_find((struct reg_key *)new, old->values[v].name,
				    old->values[v].name_len))
			report(w, REG_DIFF_VALUE_DELETED, NULL, &old->values[v]);
	/* both subkey lists are in name order: one merge pass */
	while ((i < old->nsubkeys || j < new->nsubkeys) && !w->failed) {
		const struct reg_key *a = i < old->nsubkeys ? old->subkeys[i] : NULL;
		const struct reg_key *b = j < new->nsubkeys ? new->subkeys[j] : NULL;
		int order = !a ? 1 : !b ? -1 : reg_name_compare(a->name, a->name_len, b->name,
								 b->name_len);
		size_t saved;

		if (!push(w, order <= 0 ? a : b, &saved))
			return;
		if (order < 0)
			report(w, REG_DIFF_KEY_DELETED, NULL, NULL);
		else if (order > 0)
			created(w, b);
		else
			compare(w, a, b);
		pop(w, saved);
		i += order <= 0;
		j += order >= 0;
	}
}

int reg_diff(const struct reg_hive *old, const struct reg_hive *new, reg_diff_fn *fn, void *arg)
{
	struct walk w = { fn, arg, NULL, 0, 0, false };
	size_t n = strlen(new->root_label);

	if (!(w.path = malloc(w.cap = n + 256)))
		return -1;
	memcpy(w.path, new->root_label, n + 1);
	w.len = n;
	compare(&w, old->root, new->root);
	free(w.path);
	return w.failed ? -1 : 0;
}
