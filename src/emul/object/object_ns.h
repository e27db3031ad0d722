/*
 * Inside the object namespace: directory and symbolic link objects and
 * the walk along a name (object_dir.c, object_symlink.c, object_names.c).
 */
#ifndef LSW_OBJECT_NS_H
#define LSW_OBJECT_NS_H

#include "emul/object/object_names.h"

#define OBJ_CASE_INSENSITIVE 0x40

struct object_dir;

/* A directory whose entries the host makes itself (\KnownDlls): programs
 * create nothing in it (STATUS_ACCESS_DENIED, as for a user on Windows). */
struct object_dir_keeper {
	/* Brings the entry named leaf[0..n) up to date before a walk looks
	 * it up, or (leaf NULL) every entry before the directory is listed. */
	void (*refresh)(struct lsw_host *h, struct object_dir *d, const uint16_t *leaf,
			size_t n);
	/* The host ends: lets go of the entries and of d->kept. */
	void (*release)(struct object_dir *d);
};

struct object_dir {
	struct nt_object hdr;
	struct object_name name;
	struct object_name *entries;  /* oldest first */
	bool is_root;
	bool device_map;              /* a job's "\??" (object_devmap.c) */
	const struct object_dir_keeper *keeper; /* NULL: an ordinary directory */
	void *kept;                   /* the keeper's */
};

struct object_symlink {
	struct nt_object hdr;
	struct object_name name;
	uint16_t *target;             /* malloc'd, absolute */
	size_t len;
};

/* A device of \Device (object_device.c): a name and a type, no more. */
struct object_device {
	struct nt_object hdr;
	struct object_name name;
};

/* What the host keeps: the root and the standard tree (permanent). */
struct object_namespace {
	struct object_dir *root;
	struct nt_object *kept[32];
	unsigned nkept;
};

extern const struct nt_object_ops object_dir_ops, object_symlink_ops, object_device_ops;

struct object_dir *object_dir_new(void);
/* A symbolic link to target[0..len); NULL out of memory. */
struct object_symlink *object_symlink_new(const uint16_t *target, size_t len);
/* A device object; NULL out of memory. */
struct object_device *object_device_new(void);
/* The host's root directory, made with the standard tree on first use;
 * NULL out of memory. */
struct object_dir *namespace_root(struct lsw_host *h);
/* The entry named s[0..n) in dir, case-insensitively with fold. */
struct object_name *object_dir_find(const struct object_dir *dir, const uint16_t *s, size_t n,
				    bool fold);
/* Enters on (whose dir and leaf are set) for obj at the end of its dir. */
void object_dir_enter(struct object_name *on, struct nt_object *obj);
/* Enters obj as leaf[0..n) in dir, its name on (inside obj), kept: the
 * caller's reference goes to whoever keeps it (the host's standard tree,
 * a device map).  False out of memory (obj and its reference untouched). */
bool object_dir_enter_kept(struct object_dir *dir, const uint16_t *leaf, size_t n,
			   struct object_name *on, struct nt_object *obj);

/* The device map of t's job: the directory "\??" names for it, made on
 * first use with its drives' links; NULL out of memory. */
struct object_dir *devmap_of(struct lsw_thread *t);
/* The entry s[0..n) names in dir as a walk sees it: at the root, "??" is
 * t's device map; a device map that lacks it looks in \GLOBAL?? (as
 * Windows searches a logon session's DOS devices, then the global ones),
 * and \GLOBAL?? finds the job's drives there.  Keeper directories are
 * brought up to date first. */
struct object_name *ns_lookup(struct lsw_thread *t, struct object_dir *dir, const uint16_t *s,
			      size_t n, bool fold);

/* Where a name leads: the object found (referenced) or, when the last
 * component is missing, the directory it would go into (referenced) and
 * that component (into buf). */
struct ns_place {
	struct nt_object *found;
	struct object_dir *parent;
	const uint16_t *leaf;
	size_t len;
	uint16_t *buf;                /* malloc'd: the name as last parsed */
};

#define REPARSE_MAX 32 /* symbolic links one name may pass through */

/* A new name (malloc'd, *n long): the link's target, then what followed
 * the link (rest[0..rn), from its backslash); NULL out of memory. */
uint16_t *ns_reparse(const struct object_symlink *l, const uint16_t *rest, size_t rn, size_t *n);

/* Walks name[0..n) from root handle (0: "\"), following symbolic links
 * on the way and, with follow_last, at its end.  STATUS_OBJECT_PATH_
 * SYNTAX_BAD, _NAME_INVALID, _PATH_NOT_FOUND, _TYPE_MISMATCH or
 * INVALID_HANDLE as Windows' object manager answers. */
NTSTATUS ns_walk(struct nt_call *c, uint64_t root, const uint16_t *name, size_t n,
		 uint32_t attributes, bool follow_last, struct ns_place *out);
void ns_place_free(struct ns_place *pl);

#endif
