/*
 * What the registry store's own files share and nobody else needs: the
 * journal of a hive's changes (recorded by reg_store.c, replayed by
 * reg_hive.c onto a fresh load of the file) and tree surgery helpers.
 */
#ifndef LSW_REG_INTERNAL_H
#define LSW_REG_INTERNAL_H

#include <sys/stat.h>
#include "emul/registry/reg_store.h"

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
	size_t bytes;                /* the entries' memory */
	bool paused;                 /* loading, or defaults: changes not recorded */
};

/* Does a change to k belong in its hive's journal? */
bool reg_journal_wanted(const struct reg_key *k);
/* A new entry for a change to k (see enum reg_jop), in *out.  Built before
 * the change is made, so failing changes nothing: STATUS_NO_MEMORY, or
 * STATUS_INSUFFICIENT_RESOURCES when the hive's waiting changes already
 * hold REG_JOURNAL_MEM_MAX. */
NTSTATUS reg_journal_entry(const struct reg_key *k, enum reg_jop op, const uint16_t *name,
			   size_t name_len, uint32_t type, const void *data, uint32_t size,
			   struct reg_jentry **out);
/* An entry from its parts (path as in struct reg_jentry); NULL: no memory. */
struct reg_jentry *reg_jentry_new(enum reg_jop op, const uint16_t *path, size_t path_units,
				  const uint16_t *name, size_t name_len, uint32_t type,
				  const void *data, uint32_t size);
/* Adds e to h's journal (calling reg_journal_full_hook past SOON). */
void reg_journal_add(struct reg_hive *h, struct reg_jentry *e);
void reg_journal_append(struct reg_journal *j, struct reg_jentry *e);
struct reg_journal *reg_journal_new(void);
void reg_journal_clear(struct reg_journal *j);
void reg_journal_free(struct reg_journal *j);
/* Replays the journal onto another hive's tree, as far as it still
 * applies there (see reg_journal.c).  0, or -1 when out of memory. */
int reg_journal_replay(const struct reg_journal *j, struct reg_hive *onto);

/* --- PATH.journal (reg_journal_file.c) --- */
#define REG_JOURNAL_HEADER 32
/* A 64-bit hash of a file's bytes, given in pieces (not cryptographic:
 * it tells one version of a hive file from another). */
struct reg_hash {
	uint64_t h, length;
	uint8_t tail[8];
	unsigned ntail;
};
void reg_hash_init(struct reg_hash *s);
void reg_hash_add(struct reg_hash *s, const void *p, size_t n);
uint64_t reg_hash_end(const struct reg_hash *s);
uint32_t reg_crc32(const void *p, size_t n);
/* Adds to j the changes of journal file path made for the hive file of
 * base_size bytes hashing to base_hash; *end: where its last whole frame
 * ends (0: no journal, or one made for another file).  A missing file is
 * an empty journal.  0, or -1 with err set (unreadable, too large). */
int reg_journal_file_read(const char *path, uint64_t base_size, uint64_t base_hash,
			  struct reg_journal *j, uint64_t *end, char *err, size_t errlen);
/* The same from the journal's bytes b[0..n): returns where its last whole
 * frame ends (0 if the header does not name that file). */
size_t reg_journal_decode(const uint8_t *b, size_t n, uint64_t base_size, uint64_t base_hash,
			  struct reg_journal *j);
/* Empties the journal file fd and writes its header; *end: its length. */
int reg_journal_file_start(int fd, uint64_t base_size, uint64_t base_hash, uint64_t *end);
/* Appends j's entries as one frame at *end (cutting off anything after
 * it), then fdatasync; *end moves past it.  0, or -1 with errno. */
int reg_journal_file_append(int fd, const struct reg_journal *j, uint64_t *end);

/* Stops (paused) or restarts recording changes in h's journal: loading a
 * file and applying a new prefix's defaults are not changes to replay. */
void reg_journal_pause(struct reg_hive *h, bool paused);

/* Removes k and its whole subtree from the tree: each key flagged deleted,
 * detached from its parent and its hive (when detach_hive), and released
 * by the tree (freed unless referenced elsewhere).  Does not touch the
 * parent's subkey array: the caller does.  No journal, no hook. */
void reg_key_drop_tree(struct reg_key *k, bool detach_hive);
/* What k (with its path, class and values, not its subkeys) counts for in
 * its hive's bytes. */
uint64_t reg_key_cost(const struct reg_key *k);
/* Counts h's bytes and every key's subtree_keys afresh (after a merge). */
void reg_hive_recount(struct reg_hive *h);
/* A new key for tree building (root, or the merge): refs 1, no parent. */
struct reg_key *reg_key_alloc(struct reg_hive *h, const uint16_t *name, size_t len,
			      const uint16_t *class_name, size_t class_len);
uint64_t reg_now(void);

/* --- hive files (reg_hive.c) --- */
/* The text file's identity from its stat (NULL: no file; the hash and
 * the journal are left alone). */
void reg_files_from_stat(struct reg_files *f, const struct stat *st);
/* flock (how: LOCK_SH or LOCK_EX) on PATH.lock, made if create; the fd,
 * or -1 (err set if create). */
int reg_hive_lock(const char *path, int how, bool create, char *err, size_t errlen);
/* "PATH.journal", malloc'd. */
char *reg_hive_journal_name(const char *path);
/* reg_hive_load_files without taking the lock (its holder loads). */
struct reg_hive *reg_hive_load_unlocked(const char *path, const char *journal_path,
					const char *root_label, char *err, size_t errlen);

/* Brings h's tree in line with fresh (the file as just written), keeping
 * h's key objects where the key still exists and its volatile keys; keys
 * gone from fresh are flagged deleted.  Takes what it needs out of fresh.
 * 0, or -1 when out of memory. */
int reg_hive_merge(struct reg_hive *h, struct reg_hive *fresh);

#endif
