/*
 * The object namespace: a tree of object directories from the root "\",
 * with symbolic links (object_ns.h), as Windows keeps it: \BaseNamedObjects
 * (Global\), \Sessions\1\BaseNamedObjects (the one session: the default
 * and Local\), \??, \Device...  A named object sits in one directory as
 * long as it lives (its name holds a reference to the directory).
 */
#ifndef LSW_OBJECT_NAMES_H
#define LSW_OBJECT_NAMES_H

#include "emul/object/object.h"

struct object_dir;

/* Embedded in a nameable object; leaf NULL: unnamed. */
struct object_name {
	struct object_name *next;    /* in its directory */
	struct object_dir *dir;      /* referenced; NULL: none */
	struct nt_object *obj;
	bool entered;                /* in dir's list (object_create_end) */
	bool kept;                   /* permanent, its device map holding a
				      * reference (object_devmap.c) */
	uint16_t *leaf;              /* malloc'd, the last component */
	size_t len;
};

/* OBJECT_ATTRIBUTES.Attributes: the name outlives the last handle. */
#define OBJ_PERMANENT 0x10

/* What GENERIC_READ/WRITE/EXECUTE/ALL mean for a type. */
struct generic_mapping {
	uint32_t read, write, execute, all;
};

uint32_t access_map_generic(uint32_t access, const struct generic_mapping *m);

/* NtCreateX and NtOpenX probe their handle pointer before anything else
 * and leave 0 there when they fail (Windows 7 on): writes the 0, or
 * returns STATUS_ACCESS_VIOLATION.  object_create_begin and
 * object_open_named do it; a handler that checks its other arguments
 * first calls it before them. */
NTSTATUS object_handle_out_clear(struct nt_call *c, uint64_t out);

/*
 * The first half of NtCreateX(Handle, Access, ObjectAttributes, ...).
 * STATUS_SUCCESS: create the object with *nm (unnamed or a new name) and
 * finish with object_create_end.  When the name exists: with OBJ_OPENIF
 * and the same type, a handle to it goes to out and the result is
 * STATUS_OBJECT_NAME_EXISTS; otherwise STATUS_OBJECT_TYPE_MISMATCH (other
 * type, OBJ_OPENIF) or STATUS_OBJECT_NAME_COLLISION.
 */
NTSTATUS object_create_begin(struct nt_call *c, uint64_t oa, const struct nt_object_ops *ops,
			     uint32_t access, uint64_t out, struct object_name *nm);
/* Enters obj under its name (on, inside obj, copied from begin's *nm),
 * gives the handle and drops the creation reference. */
NTSTATUS object_create_end(struct nt_call *c, struct nt_object *obj, struct object_name *on,
			   uint32_t access, uint64_t out);
/* NtOpenX(Handle, Access, ObjectAttributes): the named object of type ops. */
NTSTATUS object_open_named(struct nt_call *c, uint64_t oa, const struct nt_object_ops *ops,
			   uint32_t access, uint64_t out);
/* Removes the name from the namespace (destroy; begin's *nm on failure). */
void object_name_remove(struct object_name *on);
/* Writes a new handle to obj into *out. */
NTSTATUS object_give_handle(struct nt_call *c, struct nt_object *obj, uint32_t access,
			    uint64_t out);
/* The object behind h, of type ops, with `need` access (0: any). */
struct nt_object *object_from_handle(struct nt_call *c, uint64_t h,
				     const struct nt_object_ops *ops, uint32_t need,
				     NTSTATUS *st);
/* The object h names, the pseudo-handles' too (a reference to drop). */
struct nt_object *object_target_ref(struct nt_call *c, uint64_t h, NTSTATUS *st);
/* The access h grants, all of it for the pseudo-handles. */
uint32_t object_target_access(struct nt_call *c, uint64_t h);
/* The object's full name ("\BaseNamedObjects\x"), "" when unnamed. */
void object_name_describe(const struct object_name *on, char *buf, size_t len);

/* obj's full name in h's namespace into out[0..cap) (UTF-16, no null):
 * its length, 0 when it has none (or it does not fit). */
size_t object_full_name(struct lsw_host *h, const struct nt_object *obj, uint16_t *out,
			size_t cap);
/* Frees what the host's namespace keeps (host_fini). */
void object_namespace_free(struct lsw_host *h);
/* Frees the job's device map and the links it keeps (job_free). */
void devmap_free(struct lsw_job *j);
/* An absolute file name as the object manager parses it before a device
 * sees the rest: the symbolic links along it followed (\DosDevices, a
 * job's drives and DefineDosDevice's names, \??\GLOBALROOT) up to a
 * name that is no object; a volume device's name becomes its drive's
 * ("\Device\HarddiskVolume3\x" -> "\??\C:\x"), the form path_resolve
 * takes.  *name (malloc'd) is replaced.  STATUS_OBJECT_NAME_INVALID (an
 * empty component among objects), OBJECT_TYPE_MISMATCH (the name is an
 * object but no file: a directory, an event), OBJECT_NAME_NOT_FOUND
 * (a name past such an object), OBJECT_PATH_NOT_FOUND (links that never
 * end). */
NTSTATUS ns_file_name(struct nt_call *c, uint16_t **name, size_t *n);
/* A file name relative to an object directory (OBJECT_ATTRIBUTES'
 * RootDirectory the handle root): *name made absolute from the
 * directory's full name, *st the outcome.  False when root is no object
 * directory's handle (a file's: the I/O manager's). */
bool ns_file_name_at(struct nt_call *c, uint64_t root, uint16_t **name, size_t *n,
		     NTSTATUS *st);

#endif
