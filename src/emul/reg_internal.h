/*
 * What the registry store's own files share and nobody else needs: the
 * journal of a hive's changes (recorded by reg_store.c, replayed by
 * reg_hive.c onto a fresh load of the file) and tree surgery helpers.
 */
#ifndef LSW_REG_INTERNAL_H
#define LSW_REG_INTERNAL_H

#include "emul/reg_store.h"

/* One change, by key path from the hive root so it replays on another
 * tree.  The path is flat: for each component its length, then its units. */
enum reg_jop {
	REG_J_CREATE,                /* path = parent, name = new key, data = class */
	REG_J_DELETE,                /* path = the key */
	REG_J_SET,                   /* path = the key, name = value, type, data */
	REG_J_UNSET,                 /* path = the key, name = value */
	REG_J_RENAME,                /* path = the key, name = its new name */
};

struct reg_jentry {
	struct reg_jentry *next;
	enum reg_jop op;
	uint16_t *path;              /* (len, units...) per component */
	size_t path_units;
	uint16_t *name;
	size_t name_len;
	uint32_t type;
	uint8_t *data;
	uint32_t size;
};

struct reg_journal {
	struct reg_jentry *head, **tail;
	bool paused;                 /* loading, or defaults: changes not recorded */
};

/* Does a change to k belong in its hive's journal? */
bool reg_journal_wanted(const struct reg_key *k);
/* A new entry for a change to k (see enum reg_jop), NULL if out of memory.
 * Built before the change is made, so running out of memory changes nothing. */
struct reg_jentry *reg_journal_entry(const struct reg_key *k, enum reg_jop op,
				     const uint16_t *name, size_t name_len, uint32_t type,
				     const void *data, uint32_t size);
void reg_journal_add(struct reg_hive *h, struct reg_jentry *e);
struct reg_journal *reg_journal_new(void);
void reg_journal_clear(struct reg_journal *j);
void reg_journal_free(struct reg_journal *j);
/* Replays the journal onto another hive's tree, as far as it still
 * applies there (see reg_journal.c).  0, or -1 when out of memory. */
int reg_journal_replay(const struct reg_journal *j, struct reg_hive *onto);

/* Stops (paused) or restarts recording changes in h's journal: loading a
 * file and applying a new prefix's defaults are not changes to replay. */
void reg_journal_pause(struct reg_hive *h, bool paused);

/* Removes k and its whole subtree from the tree: each key flagged deleted,
 * detached from its parent and its hive (when detach_hive), and released
 * by the tree (freed unless referenced elsewhere).  Does not touch the
 * parent's subkey array: the caller does.  No journal, no hook. */
void reg_key_drop_tree(struct reg_key *k, bool detach_hive);
/* Names, class and data k holds, as counted in its hive's bytes. */
uint64_t reg_key_own_bytes(const struct reg_key *k);
/* A new key for tree building (root, or the merge): refs 1, no parent. */
struct reg_key *reg_key_alloc(struct reg_hive *h, const uint16_t *name, size_t len,
			      const uint16_t *class_name, size_t class_len);
uint64_t reg_now(void);

/* Brings h's tree in line with fresh (the file as just written), keeping
 * h's key objects where the key still exists and its volatile keys; keys
 * gone from fresh are flagged deleted.  Takes what it needs out of fresh.
 * 0, or -1 when out of memory. */
int reg_hive_merge(struct reg_hive *h, struct reg_hive *fresh);

#endif
