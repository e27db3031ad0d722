/*
 * Registry keys and values in memory (see reg_store.h).  Each change
 * checks everything that can fail (deleted key, names, limits, memory,
 * the journal entry) before it touches the tree, so a failed call leaves
 * the tree as it was.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "emul/registry/reg_internal.h"
#include "emul/upcase.h"


/* FILETIME counts from 1601, Unix time from 1970: 11644473600 s apart. */
#define EPOCH_1601_TO_1970 116444736000000000ull

uint64_t reg_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return EPOCH_1601_TO_1970 + (uint64_t)ts.tv_sec * 10000000ull +
	       (uint64_t)ts.tv_nsec / 100;
}

int reg_name_compare(const uint16_t *a, size_t alen, const uint16_t *b, size_t blen)
{
	size_t n = alen < blen ? alen : blen;

	for (size_t i = 0; i < n; i++) {
		uint16_t x = nt_upcase(a[i]), y = nt_upcase(b[i]);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return alen < blen ? -1 : alen > blen;
}

static uint16_t *dup16(const uint16_t *s, size_t len)
{
	uint16_t *d = malloc(len ? len * 2 : 1);

	if (d && len)
		memcpy(d, s, len * 2);
	return d;
}

/* After a change to k's contents; persistent: the file must change too. */
static void changed(struct reg_key *k, uint32_t what, bool persistent)
{
	k->last_write = reg_now();
	if (persistent && k->hive)
		k->hive->dirty = true;
	reg_key_changed(k, what);
}

void reg_key_changed(struct reg_key *k, uint32_t what)
{
	struct reg_hive *h = k->hive;

	if (h)
		h->generation++;
	if (h && h->hooks.changed)
		h->hooks.changed(h->hooks.arg, k, what);
}

/* Records e (may be NULL when not wanted) in k's hive journal. */
static void journal(struct reg_key *k, struct reg_jentry *e)
{
	if (e)
		reg_journal_add(k->hive, e);
}

/* --- keys --- */

struct reg_key *reg_key_alloc(struct reg_hive *h, const uint16_t *name, size_t len,
			      const uint16_t *class_name, size_t class_len)
{
	struct reg_key *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	k->name = dup16(name, len);
	k->class_name = class_name ? dup16(class_name, class_len) : NULL;
	if (!k->name || (class_name && !k->class_name)) {
		free(k->name);
		free(k->class_name);
		free(k);
		return NULL;
	}
	k->name_len = (uint16_t)len;
	k->class_len = class_name ? (uint16_t)class_len : 0;
	k->hive = h;
	k->refs = 1;
	k->subtree_keys = 1;
	k->last_write = reg_now();
	return k;
}

/* --- what a hive holds (see REG_HIVE_BYTES_MAX) --- */

/* Units of k's path below its hive root, its own name included ("a\b":
 * 3): the text file names every key by its whole path. */
static uint64_t path_units(const struct reg_key *k)
{
	uint64_t n = 0;

	for (; k->parent; k = k->parent)
		n += k->name_len + (k->parent->parent ? 1 : 0);
	return n;
}

static uint64_t value_cost(size_t name_len, uint32_t size)
{
	return REG_VALUE_COST + 2ull * name_len + size;
}

/* A key whose path is path units long, with its class and values; the
 * root counts only its values. */
static uint64_t cost_at(const struct reg_key *k, uint64_t path)
{
	uint64_t n = k->parent ? REG_KEY_COST + 2 * (path + k->class_len) : 0;

	for (uint32_t i = 0; i < k->nvalues; i++)
		n += value_cost(k->values[i].name_len, k->values[i].size);
	return n;
}

uint64_t reg_key_cost(const struct reg_key *k)
{
	return cost_at(k, path_units(k));
}

static uint64_t recount(struct reg_key *k, uint64_t path)
{
	uint64_t n = cost_at(k, path);

	k->subtree_keys = 1;
	for (uint32_t i = 0; i < k->nsubkeys; i++) {
		struct reg_key *s = k->subkeys[i];

		n += recount(s, path + (k->parent ? 1 : 0) + s->name_len);
		k->subtree_keys += s->subtree_keys;
	}
	return n;
}

void reg_hive_recount(struct reg_hive *h)
{
	h->bytes = recount(h->root, 0);
}

/* k and its parents hold one key more (1) or less (-1). */
static void count_keys(struct reg_key *k, int delta)
{
	for (; k; k = k->parent)
		k->subtree_keys += (uint32_t)delta;
}

static void key_free(struct reg_key *k)
{
	for (uint32_t i = 0; i < k->nvalues; i++) {
		free(k->values[i].name);
		free(k->values[i].data);
	}
	free(k->values);
	free(k->subkeys);
	free(k->name);
	free(k->class_name);
	free(k->sd.bytes);
	free(k);
}

struct reg_key *reg_key_ref(struct reg_key *k)
{
	k->refs++;
	return k;
}

void reg_key_unref(struct reg_key *k)
{
	if (--k->refs == 0)
		key_free(k);
}

void reg_key_drop_tree(struct reg_key *k, bool detach_hive)
{
	for (uint32_t i = 0; i < k->nsubkeys; i++)
		reg_key_drop_tree(k->subkeys[i], detach_hive);
	k->nsubkeys = 0;
	k->parent = NULL;
	k->deleted = true;
	if (detach_hive)
		k->hive = NULL;
	reg_key_unref(k);
}

/* Where name is among parent's subkeys (*found), or where it would go. */
static uint32_t subkey_slot(const struct reg_key *parent, const uint16_t *name, size_t len,
			    bool *found)
{
	uint32_t lo = 0, hi = parent->nsubkeys;

	*found = false;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const struct reg_key *s = parent->subkeys[mid];
		int c = reg_name_compare(name, len, s->name, s->name_len);

		if (!c) {
			*found = true;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

struct reg_key *reg_key_find(struct reg_key *parent, const uint16_t *name, size_t len)
{
	bool found;
	uint32_t i = subkey_slot(parent, name, len, &found);

	return found ? parent->subkeys[i] : NULL;
}

/* A name the text file can hold: CR, LF and NUL would break its lines,
 * so they are refused too (Windows would take them). */
static bool name_ok(const uint16_t *name, size_t len, size_t max, bool is_key)
{
	if (len > max || (is_key && !len))
		return false;
	for (size_t i = 0; i < len; i++)
		if ((is_key && name[i] == '\\') || !name[i] || name[i] == '\r' || name[i] == '\n')
			return false;
	return true;
}

static bool fits(const struct reg_hive *h, uint64_t add)
{
	return !h || h->unbounded || h->bytes + add <= REG_HIVE_BYTES_MAX;
}

static unsigned depth_of(const struct reg_key *k)
{
	unsigned d = 0;

	for (; k->parent; k = k->parent)
		d++;
	return d;
}

/* Makes room for one more subkey in parent's array. */
static bool subkeys_grow(struct reg_key *parent)
{
	uint32_t cap = parent->subkeys_cap ? parent->subkeys_cap * 2 : 4;
	struct reg_key **a;

	if (parent->nsubkeys < parent->subkeys_cap)
		return true;
	a = realloc(parent->subkeys, cap * sizeof(*a));
	if (!a)
		return false;
	parent->subkeys = a;
	parent->subkeys_cap = cap;
	return true;
}

static void subkey_insert(struct reg_key *parent, uint32_t at, struct reg_key *k)
{
	memmove(&parent->subkeys[at + 1], &parent->subkeys[at],
		(parent->nsubkeys - at) * sizeof(parent->subkeys[0]));
	parent->subkeys[at] = k;
	parent->nsubkeys++;
	k->parent = parent;
}

static void subkey_remove(struct reg_key *parent, uint32_t at)
{
	parent->nsubkeys--;
	memmove(&parent->subkeys[at], &parent->subkeys[at + 1],
		(parent->nsubkeys - at) * sizeof(parent->subkeys[0]));
}

/* On STATUS_OBJECT_NAME_COLLISION, *out is the existing key (the tree's
 * reference, as for a new key). */
NTSTATUS reg_key_create(struct reg_key *parent, const uint16_t *name, size_t len,
			bool is_volatile, const uint16_t *class_name, size_t class_len,
			struct reg_key **out)
{
	struct reg_jentry *e = NULL;
	struct reg_key *k;
	uint64_t cost;
	uint32_t at;
	bool found;

	*out = NULL;
	if (parent->deleted)
		return LSW_STATUS_KEY_DELETED;
	if (!name_ok(name, len, REG_KEY_NAME_MAX, true) || class_len > 0xFFFF)
		return LSW_STATUS_INVALID_PARAMETER;
	at = subkey_slot(parent, name, len, &found);
	if (found) {
		*out = parent->subkeys[at];
		return LSW_STATUS_OBJECT_NAME_COLLISION;
	}
	if (parent->is_volatile && !is_volatile)
		return LSW_STATUS_CHILD_MUST_BE_VOLATILE;
	cost = REG_KEY_COST +
	       2 * (path_units(parent) + (parent->parent ? 1 : 0) + len + (class_name ? class_len : 0));
	if (depth_of(parent) + 1 > REG_DEPTH_MAX || !fits(parent->hive, cost))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!subkeys_grow(parent))
		return LSW_STATUS_NO_MEMORY;
	k = reg_key_alloc(parent->hive, name, len, class_name, class_len);
	if (!k)
		return LSW_STATUS_NO_MEMORY;
	k->is_volatile = is_volatile;
	if (!is_volatile && reg_journal_wanted(parent)) {
		NTSTATUS s = reg_journal_entry(parent, REG_J_CREATE, name, len, 0, class_name,
					       class_name ? (uint32_t)class_len * 2 : 0, &e);

		if (s != LSW_STATUS_SUCCESS) {
			reg_key_unref(k);
			return s;
		}
	}
	subkey_insert(parent, at, k);
	count_keys(parent, 1);
	if (parent->hive)
		parent->hive->bytes += cost;
	journal(parent, e);
	changed(parent, REG_CHANGE_NAME, !is_volatile);
	*out = k;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS reg_key_delete_tree(struct reg_key *k)
{
	while (k->nsubkeys) {
		NTSTATUS s = reg_key_delete_tree(k->subkeys[k->nsubkeys - 1]);

		if (s)
			return s;
	}
	return reg_key_delete(k);
}

NTSTATUS reg_key_delete(struct reg_key *k)
{
	struct reg_key *parent = k->parent;
	struct reg_jentry *e = NULL;
	bool found, persistent;
	uint32_t at;

	if (k->deleted)
		return LSW_STATUS_KEY_DELETED;
	if (!parent || k->nsubkeys)
		return LSW_STATUS_CANNOT_DELETE;
	if (!k->is_volatile && reg_journal_wanted(k)) {
		NTSTATUS s = reg_journal_entry(k, REG_J_DELETE, NULL, 0, 0, NULL, 0, &e);

		if (s != LSW_STATUS_SUCCESS)
			return s;
	}
	journal(k, e);
	if (k->hive)
		k->hive->bytes -= reg_key_cost(k);
	at = subkey_slot(parent, k->name, k->name_len, &found);
	subkey_remove(parent, at);
	count_keys(parent, -1);
	persistent = !k->is_volatile;
	reg_key_drop_tree(k, false);
	changed(parent, REG_CHANGE_NAME, persistent);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS reg_key_rename(struct reg_key *k, const uint16_t *name, size_t len)
{
	struct reg_key *parent = k->parent;
	struct reg_jentry *e = NULL;
	uint16_t *copy;
	uint32_t at;
	bool found;

	if (k->deleted)
		return LSW_STATUS_KEY_DELETED;
	if (!parent)
		return LSW_STATUS_ACCESS_DENIED;
	if (!name_ok(name, len, REG_KEY_NAME_MAX, true))
		return LSW_STATUS_INVALID_PARAMETER;
	at = subkey_slot(parent, name, len, &found);
	if (found && parent->subkeys[at] != k)
		return LSW_STATUS_OBJECT_NAME_COLLISION;
	/* the name is in the path of every key below k too */
	if (len > k->name_len && !fits(k->hive, 2ull * (len - k->name_len) * k->subtree_keys))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	copy = dup16(name, len);
	if (!copy)
		return LSW_STATUS_NO_MEMORY;
	if (!k->is_volatile && reg_journal_wanted(k)) {
		NTSTATUS s = reg_journal_entry(k, REG_J_RENAME, name, len, 0, NULL, 0, &e);

		if (s != LSW_STATUS_SUCCESS) {
			free(copy);
			return s;
		}
	}
	journal(k, e);
	subkey_remove(parent, subkey_slot(parent, k->name, k->name_len, &found));
	if (k->hive)
		k->hive->bytes = k->hive->bytes + 2ull * len * k->subtree_keys -
				 2ull * k->name_len * k->subtree_keys;
	free(k->name);
	k->name = copy;
	k->name_len = (uint16_t)len;
	subkey_insert(parent, subkey_slot(parent, name, len, &found), k);
	k->last_write = reg_now();
	changed(parent, REG_CHANGE_NAME, !k->is_volatile);
	return LSW_STATUS_SUCCESS;
}

/* --- values --- */

static struct reg_value *value_slot(struct reg_key *k, const uint16_t *name, size_t len)
{
	for (uint32_t i = 0; i < k->nvalues; i++)
		if (!reg_name_compare(name, len, k->values[i].name, k->values[i].name_len))
			return &k->values[i];
	return NULL;
}

struct reg_value *reg_value_find(struct reg_key *k, const uint16_t *name, size_t len)
{
	return k->deleted ? NULL : value_slot(k, name, len);
}

static bool values_grow(struct reg_key *k)
{
	uint32_t cap = k->values_cap ? k->values_cap * 2 : 4;
	struct reg_value *a;

	if (k->nvalues < k->values_cap)
		return true;
	a = realloc(k->values, cap * sizeof(*a));
	if (!a)
		return false;
	k->values = a;
	k->values_cap = cap;
	return true;
}

NTSTATUS reg_value_set(struct reg_key *k, const uint16_t *name, size_t len, uint32_t type,
		       const void *data, uint32_t size)
{
	struct reg_value *v;
	struct reg_jentry *e = NULL;
	uint64_t old;
	uint8_t *copy;

	if (k->deleted)
		return LSW_STATUS_KEY_DELETED;
	if (!name_ok(name, len, REG_VALUE_NAME_MAX, false))
		return LSW_STATUS_INVALID_PARAMETER;
	v = value_slot(k, name, len);
	old = v ? value_cost(v->name_len, v->size) : 0;
	if (value_cost(len, size) > old && !fits(k->hive, value_cost(len, size) - old))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!v && !values_grow(k))
		return LSW_STATUS_NO_MEMORY;
	copy = malloc(size ? size : 1);
	if (!copy)
		return LSW_STATUS_NO_MEMORY;
	if (size)
		memcpy(copy, data, size);
	if (!v) {
		uint16_t *n = dup16(name, len);

		if (!n) {
			free(copy);
			return LSW_STATUS_NO_MEMORY;
		}
		v = &k->values[k->nvalues];
		v->name = n;
		v->name_len = (uint16_t)len;
		v->data = NULL;
		v->size = 0;
	}
	if (!k->is_volatile && reg_journal_wanted(k)) {
		NTSTATUS s = reg_journal_entry(k, REG_J_SET, name, len, type, data, size, &e);

		if (s != LSW_STATUS_SUCCESS) {
			if (v == &k->values[k->nvalues])
				free(v->name);
			free(copy);
			return s;
		}
	}
	if (v == &k->values[k->nvalues])
		k->nvalues++;
	journal(k, e);
	free(v->data);
	v->data = copy;
	v->size = size;
	v->type = type;
	if (k->hive)
		k->hive->bytes = k->hive->bytes - old + value_cost(len, size);
	changed(k, REG_CHANGE_LAST_SET, !k->is_volatile);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS reg_value_delete(struct reg_key *k, const uint16_t *name, size_t len)
{
	struct reg_jentry *e = NULL;
	struct reg_value *v;
	uint32_t at;

	if (k->deleted)
		return LSW_STATUS_KEY_DELETED;
	v = value_slot(k, name, len);
	if (!v)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (!k->is_volatile && reg_journal_wanted(k)) {
		NTSTATUS s = reg_journal_entry(k, REG_J_UNSET, name, len, 0, NULL, 0, &e);

		if (s != LSW_STATUS_SUCCESS)
			return s;
	}
	journal(k, e);
	if (k->hive)
		k->hive->bytes -= value_cost(v->name_len, v->size);
	free(v->name);
	free(v->data);
	at = (uint32_t)(v - k->values);
	k->nvalues--;
	memmove(&k->values[at], &k->values[at + 1], (k->nvalues - at) * sizeof(k->values[0]));
	changed(k, REG_CHANGE_LAST_SET, !k->is_volatile);
	return LSW_STATUS_SUCCESS;
}
