/*
 * A hive's journal in memory: the changes made since its files were last
 * read or written, by key path, so that reg_hive_flush can append them to
 * PATH.journal (reg_journal_file.c) and replay them on what another lsw
 * wrote to the files meanwhile; loading replays PATH.journal's own
 * changes onto the file the same way.  Replaying is forgiving: the
 * other writer may have removed or added keys, and the aim is that
 * neither side's work is lost, so a key our change needs is recreated,
 * and a key we deleted survives if the other side gave it subkeys.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_internal.h"

struct reg_journal *reg_journal_new(void)
{
	struct reg_journal *j = calloc(1, sizeof(*j));

	if (j)
		j->tail = &j->head;
	return j;
}

void reg_journal_clear(struct reg_journal *j)
{
	struct reg_jentry *e, *next;

	if (!j)
		return;
	for (e = j->head; e; e = next) {
		next = e->next;
		free(e);
	}
	j->head = NULL;
	j->tail = &j->head;
	j->bytes = 0;
}

void reg_journal_free(struct reg_journal *j)
{
	reg_journal_clear(j);
	free(j);
}

void reg_journal_pause(struct reg_hive *h, bool paused)
{
	if (h->journal)
		h->journal->paused = paused;
}

bool reg_journal_wanted(const struct reg_key *k)
{
	return k->hive && k->hive->journal && !k->hive->journal->paused && !k->is_volatile;
}

static size_t entry_bytes(size_t path_units, size_t name_len, uint32_t size)
{
	return sizeof(struct reg_jentry) + (path_units + name_len) * 2 + size;
}

/* One allocation holds the entry, its path, name and data. */
struct reg_jentry *reg_jentry_new(enum reg_jop op, const uint16_t *path, size_t path_units,
				  const uint16_t *name, size_t name_len, uint32_t type,
				  const void *data, uint32_t size)
{
	struct reg_jentry *e = malloc(entry_bytes(path_units, name_len, size));

	if (!e)
		return NULL;
	e->next = NULL;
	e->op = op;
	e->path = (uint16_t *)(e + 1);
	e->path_units = path_units;
	e->name = e->path + path_units;
	e->name_len = name_len;
	e->type = type;
	e->data = (uint8_t *)(e->name + name_len);
	e->size = size;
	if (path_units)
		memcpy(e->path, path, path_units * 2);
	if (name_len)
		memcpy(e->name, name, name_len * 2);
	if (size)
		memcpy(e->data, data, size);
	return e;
}

NTSTATUS reg_journal_entry(const struct reg_key *k, enum reg_jop op, const uint16_t *name,
			   size_t name_len, uint32_t type, const void *data, uint32_t size,
			   struct reg_jentry **out)
{
	size_t units = 0, at;
	const struct reg_key *p;
	uint16_t *path;

	for (p = k; p->parent; p = p->parent)
		units += 1 + p->name_len;
	if (k->hive->journal->bytes + entry_bytes(units, name_len, size) > REG_JOURNAL_MEM_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES; /* not written out fast enough */
	if (!(path = malloc(units * 2 + 1)))
		return LSW_STATUS_NO_MEMORY;
	/* the path is filled from its end, walking up from k */
	at = units;
	for (p = k; p->parent; p = p->parent) {
		at -= p->name_len;
		memcpy(path + at, p->name, p->name_len * 2);
		path[--at] = p->name_len;
	}
	*out = reg_jentry_new(op, path, units, name, name_len, type, data, size);
	free(path);
	return *out ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
}

void reg_journal_append(struct reg_journal *j, struct reg_jentry *e)
{
	*j->tail = e;
	j->tail = &e->next;
	j->bytes += entry_bytes(e->path_units, e->name_len, e->size);
}

void reg_journal_add(struct reg_hive *h, struct reg_jentry *e)
{
	bool below = h->journal->bytes < REG_JOURNAL_MEM_SOON;

	reg_journal_append(h->journal, e);
	if (below && h->journal->bytes >= REG_JOURNAL_MEM_SOON && h->hooks.journal_full)
		h->hooks.journal_full(h->hooks.arg, h);
}

/* The key at e's path in onto, created along the way when create; NULL if
 * missing (or out of memory: *oom). */
static struct reg_key *resolve(struct reg_hive *onto, const struct reg_jentry *e, bool create,
			       bool *oom)
{
	struct reg_key *k = onto->root, *next;
	size_t at = 0;

	while (k && at < e->path_units) {
		uint16_t len = e->path[at];
		const uint16_t *name = e->path + at + 1;

		next = reg_key_find(k, name, len);
		if (!next && create) {
			NTSTATUS s = reg_key_create(k, name, len, k->is_volatile, NULL, 0, &next);

			if (s != LSW_STATUS_SUCCESS) {
				/* a name the store refuses (a damaged journal file)
				 * only ends this change */
				*oom = s == (NTSTATUS)LSW_STATUS_NO_MEMORY ||
				       s == (NTSTATUS)LSW_STATUS_INSUFFICIENT_RESOURCES;
				return NULL;
			}
		}
		k = next;
		at += 1 + len;
	}
	return k;
}

static NTSTATUS replay_one(struct reg_hive *onto, const struct reg_jentry *e, bool *oom)
{
	bool create = e->op == REG_J_CREATE || e->op == REG_J_SET;
	struct reg_key *k = resolve(onto, e, create, oom), *child;

	if (!k)
		return LSW_STATUS_SUCCESS;
	switch (e->op) {
	case REG_J_CREATE:
		return reg_key_create(k, e->name, e->name_len, k->is_volatile,
				      e->size ? (const uint16_t *)e->data : NULL, e->size / 2,
				      &child);
	case REG_J_DELETE:
		return k->nsubkeys ? LSW_STATUS_SUCCESS : reg_key_delete(k);
	case REG_J_SET:
		return reg_value_set(k, e->name, e->name_len, e->type, e->data, e->size);
	case REG_J_UNSET:
		return reg_value_delete(k, e->name, e->name_len);
	case REG_J_RENAME:
		return reg_key_rename(k, e->name, e->name_len);
	}
	return LSW_STATUS_SUCCESS;
}

int reg_journal_replay(const struct reg_journal *j, struct reg_hive *onto)
{
	for (const struct reg_jentry *e = j ? j->head : NULL; e; e = e->next) {
		bool oom = false;
		NTSTATUS s = replay_one(onto, e, &oom);

		/* a name collision or a vanished value is the other writer's
		 * doing, and fine; only running out of room is an error */
		if (oom || s == (NTSTATUS)LSW_STATUS_NO_MEMORY ||
		    s == (NTSTATUS)LSW_STATUS_INSUFFICIENT_RESOURCES)
			return -1;
	}
	return 0;
}
