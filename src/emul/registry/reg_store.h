/*
 * The registry in memory: keys, values, hives and their text files.
 *
 * Names are UTF-16 as NT sees them, kept with the case they were created
 * with and compared case-insensitively (nt_upcase).  A key belongs to one
 * hive; a hive is one text file in the prefix in the format `regedit /e`
 * writes ("Windows Registry Editor Version 5.00", UTF-16LE with a BOM,
 * CRLF).  Changes are batched: the store marks the hive dirty and records
 * each change in the hive's journal; reg_hive_flush appends them to
 * PATH.journal (one checksummed frame per flush, so a flush costs what
 * changed, not the hive's size) and now and then compacts: writes the file
 * crash-safe (temporary file, fsync, rename) and starts the journal anew.
 * Under an flock it first takes in what another lsw wrote to the same
 * files since (a fresh load, our journal replayed on it), so concurrent
 * runs on one prefix lose nothing.  See reg_hive.c.
 *
 * Used by the supervisor (registry.c: the NT key calls) and by `lsw reg`.
 */
#ifndef LSW_REG_STORE_H
#define LSW_REG_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "emul/emul.h"
#include "emul/security/object_sd.h"

/* Value types (winnt.h) */
#define REG_NONE 0
#define REG_SZ 1
#define REG_EXPAND_SZ 2
#define REG_BINARY 3
#define REG_DWORD 4
#define REG_DWORD_BIG_ENDIAN 5
#define REG_LINK 6
#define REG_MULTI_SZ 7
#define REG_QWORD 11

/* Limits (Windows' documented ones where it has them). */
#define REG_KEY_NAME_MAX 256        /* UTF-16 units in one key name: Windows takes
				     * 256 (Wine's tests, ntdll/om.c), documents 255 */
#define REG_VALUE_NAME_MAX 16383    /* UTF-16 units in a value name */
#define REG_DEPTH_MAX 512           /* key levels below a hive root */
/* What a hive may hold, counted as reg_key_cost does; past it a change
 * fails with STATUS_INSUFFICIENT_RESOURCES (ERROR_NO_SYSTEM_RESOURCES), as
 * Windows' configuration manager does when a hive cannot grow.  16 MiB:
 * Windows 2000's quota for the whole registry was about a third of the
 * paged pool and could not be set below 16 MB, and a Windows 10 user's
 * NTUSER.DAT is a few MB (Microsoft asks for files instead of values over
 * 2 KB); it bounds a run's load to about a second at worst
 * (bench/registry_hive.sh). */
#define REG_HIVE_BYTES_MAX (16u << 20)
#define REG_KEY_COST 80             /* a key, beyond its names: about the key */
#define REG_VALUE_COST 24           /* and value cells of a Windows hive file */
/* Bigger hive or journal files are refused at load, unread: a full hive
 * takes at most ~7x its budget as text (binary data in hex). */
#define REG_FILE_BYTES_MAX (256ull << 20)
/* Changes waiting for a flush: past SOON the hive asks for one at once
 * (its hooks' journal_full); past MAX a change fails (resources), so a
 * program cannot fill the supervisor's memory faster than it is written. */
#define REG_JOURNAL_MEM_SOON (4u << 20)
#define REG_JOURNAL_MEM_MAX (64u << 20)

struct reg_value {
	uint16_t *name;              /* not NUL-terminated; "" (len 0) is the default value */
	uint16_t name_len;           /* units */
	uint32_t type;
	uint8_t *data;
	uint32_t size;               /* bytes */
};

struct reg_hive;

struct reg_key {
	struct reg_key *parent;      /* NULL for a hive root */
	struct reg_hive *hive;
	uint16_t *name;              /* this key's own name (one component) */
	uint16_t name_len;
	uint16_t *class_name;        /* NtCreateKey's Class, may be NULL */
	uint16_t class_len;
	struct reg_key **subkeys;    /* ordered by reg_name_compare of their names */
	uint32_t nsubkeys, subkeys_cap;
	struct reg_value *values;    /* in the order they were first set */
	uint32_t nvalues, values_cap;
	uint64_t last_write;         /* FILETIME (100 ns since 1601) */
	uint32_t subtree_keys;       /* this key and every key below it */
	bool is_volatile;            /* REG_OPTION_VOLATILE: never written to the file */
	bool is_link;                /* REG_OPTION_CREATE_LINK: names through it lead to
				      * its SymbolicLinkValue (reg_link.c) */
	bool deleted;                /* removed from the tree, kept alive by references */
	unsigned refs;               /* the tree's reference + one per reg_key_ref */
	void *watchers;              /* registry.c's NtNotifyChangeKey list, NULL if none */
	struct object_sd sd;         /* its security descriptor; kept in memory
				      * only: the text hives have no place for it */
};

/* Who hears of a hive's changes (the supervisor's registry; `lsw reg`
 * sets none).  Either may be NULL. */
struct reg_hive_hooks {
	/* after every change, with the key whose contents changed (the parent,
	 * for a subkey added, deleted or renamed); what: REG_CHANGE_* */
	void (*changed)(void *arg, struct reg_key *key, uint32_t what);
	/* the hive's waiting changes passed REG_JOURNAL_MEM_SOON: it should be
	 * flushed soon (not from inside the hook: the change is still being
	 * made) */
	void (*journal_full)(void *arg, struct reg_hive *h);
	void *arg;
};

struct reg_hive {
	char *path;                  /* the text file; NULL: not persisted */
	struct reg_hive_hooks hooks;
	const char *root_label;      /* "HKEY_LOCAL_MACHINE" or "HKEY_CURRENT_USER":
				      * how the file names the root in [sections] */
	struct reg_key *root;
	bool dirty;                  /* changed since the last flush */
	uint64_t generation;         /* bumped by every change to its tree, a merge
				      * of the files' included: what was derived
				      * from it (lswhost's environment) is stale
				      * when it moved */
	bool unbounded;              /* loading: the file is taken whole, no budget */
	bool time_zones_pending;     /* its volatile Time Zones keys are still to be
				      * made (reg_prefix_time_zones) */
	uint64_t bytes;              /* reg_key_cost of every key, against REG_HIVE_BYTES_MAX */
	struct reg_journal *journal; /* changes not yet in the files (opaque) */
	/* The files as read or last written: reg_hive_flush takes them in
	 * afresh when they changed since. */
	struct reg_files {
		/* the text file (all 0: none): st_dev, st_ino, st_size,
		 * st_mtim, and the hash of its bytes by which PATH.journal
		 * names the file it applies to */
		uint64_t dev, ino, size, mtime_ns, hash;
		uint64_t journal_end;  /* the journal's bytes read or written (0: none) */
	} files;
};

/* What changed, for NtNotifyChangeKey's CompletionFilter (REG_NOTIFY_*). */
#define REG_CHANGE_NAME 0x1          /* a subkey was added, deleted, renamed */
#define REG_CHANGE_ATTRIBUTES 0x2
#define REG_CHANGE_LAST_SET 0x4      /* a value was set or deleted */
#define REG_CHANGE_SECURITY 0x8
/* Tells k's hive's hooks that k changed (what: REG_CHANGE_*). */
void reg_key_changed(struct reg_key *k, uint32_t what);

/* <0, 0, >0 like strcmp, case-insensitively. */
int reg_name_compare(const uint16_t *a, size_t alen, const uint16_t *b, size_t blen);

/* --- keys --- */
struct reg_key *reg_key_ref(struct reg_key *k);
void reg_key_unref(struct reg_key *k);   /* frees a deleted key at 0 */
/* The subkey named name (one component), or NULL. */
struct reg_key *reg_key_find(struct reg_key *parent, const uint16_t *name, size_t len);
/* Creates subkey name of parent.  STATUS_SUCCESS; STATUS_CHILD_MUST_BE_VOLATILE
 * (a stable key under a volatile one), STATUS_INVALID_PARAMETER (name empty,
 * longer than REG_KEY_NAME_MAX or holding '\\'), STATUS_KEY_DELETED (parent
 * deleted), STATUS_INSUFFICIENT_RESOURCES (depth or hive bytes), STATUS_NO_MEMORY.
 * Fails with STATUS_OBJECT_NAME_COLLISION if it exists. */
NTSTATUS reg_key_create(struct reg_key *parent, const uint16_t *name, size_t len,
			bool is_volatile, const uint16_t *class_name, size_t class_len,
			struct reg_key **out);
/* Removes k from the tree (it stays allocated while referenced, flagged
 * deleted).  STATUS_CANNOT_DELETE if it has subkeys or is a hive root. */
NTSTATUS reg_key_delete(struct reg_key *k);
/* k and everything beneath it, deepest first (reg import's [-KEY], reg
 * delete).  Stops at the first failure. */
NTSTATUS reg_key_delete_tree(struct reg_key *k);
/* Renames k (NtRenameKey).  STATUS_OBJECT_NAME_COLLISION if a sibling has
 * the name (ignoring case; renaming to another case of its own name is
 * allowed), STATUS_INVALID_PARAMETER, STATUS_ACCESS_DENIED for a hive root. */
NTSTATUS reg_key_rename(struct reg_key *k, const uint16_t *name, size_t len);

/* --- values --- */
struct reg_value *reg_value_find(struct reg_key *k, const uint16_t *name, size_t len);
/* Sets (creates or replaces) a value.  STATUS_INVALID_PARAMETER (name too
 * long), STATUS_KEY_DELETED, STATUS_INSUFFICIENT_RESOURCES, STATUS_NO_MEMORY. */
NTSTATUS reg_value_set(struct reg_key *k, const uint16_t *name, size_t len, uint32_t type,
		       const void *data, uint32_t size);
/* STATUS_OBJECT_NAME_NOT_FOUND if there is no such value. */
NTSTATUS reg_value_delete(struct reg_key *k, const uint16_t *name, size_t len);

/* --- hives and their files --- */
/* Reads path (a missing file is an empty hive) and the changes in
 * PATH.journal into a new hive.  NULL on failure, with "PATH:LINE: what
 * is wrong" in err; the files are never changed by a failed load. */
struct reg_hive *reg_hive_load(const char *path, const char *root_label, char *err,
			       size_t errlen);
/* The same from a hive file and a journal file named apart (lsw diff
 * reads an overlay's); the hive's path is path. */
struct reg_hive *reg_hive_load_files(const char *path, const char *journal_path,
				     const char *root_label, char *err, size_t errlen);
/* A hive that lives only in memory (volatile roots, tests). */
struct reg_hive *reg_hive_new_volatile(const char *root_label);
/* Writes a dirty hive's changes (appended to its journal, merging others'
 * writes, compacting when the journal has grown to half the file).  0, or
 * -1 with err set; the files then still hold what they held. */
int reg_hive_flush(struct reg_hive *h, char *err, size_t errlen);
/* reg_hive_flush at the end of a run: a small hive (up to 1 MiB) is also
 * compacted, so that its file alone holds it. */
int reg_hive_flush_final(struct reg_hive *h, char *err, size_t errlen);
/* reg_hive_flush, and what another writer (lsw reg) put in the files since
 * they were last read or written is taken into h even when h has nothing
 * to write (its keys' watchers told, as for any change). */
int reg_hive_sync(struct reg_hive *h, char *err, size_t errlen);
void reg_hive_free(struct reg_hive *h);

/* --- .reg text, as regedit writes and reads it --- */
/* Writes key and its subtree (not volatile keys) as a .reg file, the
 * sections named root_path + the path below key ("HKEY_CURRENT_USER\\x").
 * UTF-16LE with a BOM, CRLF, values as regedit formats them. 0 or -1. */
int reg_export(FILE *f, const struct reg_key *key, const char *root_path);
/* Applies a .reg file (UTF-16LE with BOM, or UTF-8 with or without BOM;
 * "Windows Registry Editor Version 5.00" or "REGEDIT4"): keys created,
 * values set, [-KEY] (a whole subtree) and "name"=- deletions.  Each
 * section's path starts with a root name ("HKEY_LOCAL_MACHINE", "HKLM",
 * "HKEY_CURRENT_USER", "HKCU", "HKEY_CLASSES_ROOT", "HKEY_USERS", ...):
 * resolve(arg, root) gives the key it stands for (NULL: unknown root, an
 * error naming the line) and the importer creates the rest below it.  All
 * or nothing: the text is parsed completely before anything changes.
 * 0, or -1 with "NAME:LINE: what is wrong" in err. */
typedef struct reg_key *(*reg_root_resolver)(void *arg, const char *root_name);
int reg_import(const void *text, size_t len, const char *name, reg_root_resolver resolve,
	       void *arg, char *err, size_t errlen);

/* --- added with the store's implementation --- */
/* UTF-8 <-> UTF-16 (reg_utf.c), malloc'd.  reg_utf8_to_utf16: NULL for
 * malformed UTF-8 (*bad_at, if given, is the offending byte's offset) or
 * no memory.  reg_utf16_to_utf8: NUL-terminated, NULL for no memory. */
uint16_t *reg_utf8_to_utf16(const char *s, size_t len, size_t *outlen, size_t *bad_at);
char *reg_utf16_to_utf8(const uint16_t *s, size_t len, size_t *outlen);

/* The SID of the prefix's one user: HKEY_USERS\<it> is the user hive,
 * ProfileList\<it> its profile. */
#define REG_USER_SID "S-1-5-21-0-0-0-1000"

/* Gives a new prefix's hives the keys and values a Windows 10 22H2 machine
 * has (reg_defaults.c); either key may be NULL to leave that hive alone.
 * 0, or -1 with err set. */
int reg_defaults_apply(struct reg_key *hklm, struct reg_key *hkcu, const char *user_name,
		       const char *sid, char *err, size_t errlen);

/* --- symbolic links (reg_link.c) --- */
/* Whether name is "SymbolicLinkValue" (any case): a link key's one value. */
bool reg_link_value_name(const uint16_t *name, size_t len);
/* k's REG_LINK SymbolicLinkValue, or NULL. */
const struct reg_value *reg_link_target(struct reg_key *k);
/* After a load: every key under k holding a REG_LINK SymbolicLinkValue
 * becomes a link (the file format has no other mark). */
void reg_links_mark(struct reg_key *k);
/* A new link key name (UTF-8) under parent leading to target (an NT name,
 * UTF-8). */
NTSTATUS reg_link_create(struct reg_key *parent, const char *name, const char *target);

/* Adds HKLM's Time Zones tree under hklm (reg_defaults_tz.c) as volatile
 * keys, unless the hive already holds one; -1 for no memory. */
int reg_time_zones_add(struct reg_key *hklm);

/* reg_format.c: a type's name ("REG_SZ", or "0x12345" in buf) and a
 * value's data as reg.exe shows them. */
const char *reg_type_name(uint32_t type, char *buf, size_t len);
void reg_format_data(FILE *f, const struct reg_value *v);

#endif
