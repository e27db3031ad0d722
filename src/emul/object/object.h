/* Kernel objects and the per-process handle table. */
#ifndef LSW_OBJECT_H
#define LSW_OBJECT_H

#include "emul/emul.h"
#include "emul/process/quota.h"
#include "emul/security/object_sd.h"

struct waitable;

#define DEVICE_NAME_INVALID ((size_t)-1) /* STATUS_OBJECT_PATH_INVALID */

struct nt_object_ops {
	const char *type_name;                 /* "File", "Section", ... */
	void (*destroy)(struct nt_object *obj); /* last reference gone */
	/* What the object is, for traces ("\??\C:\x.txt"); may be NULL. */
	void (*describe)(struct nt_object *obj, char *buf, size_t len);
	/* Its waitable part (waitable.h); NULL: not waitable. */
	struct waitable *(*waitable)(struct nt_object *obj);
	/* Its name when it lies outside the object namespace (a file's
	 * device path, "\Device\HarddiskVolume1\dir\x.txt"), as UTF-16
	 * into out (room units): its length, 0 when it has none to give.
	 * NULL: the namespace's name.  DEVICE_NAME_INVALID: it is a file
	 * whose name cannot be had (an unnamed pipe). */
	size_t (*device_name)(struct nt_object *obj, uint16_t *out, size_t room);
	/* Where its security descriptor is kept when not in obj->sd (a
	 * named pipe's ends share their pipe's; a key's lives with the
	 * key), NULL with *st when it cannot be had now.  NULL: obj->sd. */
	struct object_sd *(*security)(struct nt_object *obj, NTSTATUS *st);
	/* Its descriptor was changed (a key's watchers hear it); may be NULL. */
	void (*security_changed)(struct nt_object *obj);
	/* The access rights the type has (ObjectType ValidAccessMask): an
	 * open by name asking for others, or for none, is denied
	 * (object_open_named).  0: not checked. */
	uint32_t valid_access;
};

struct nt_object {
	const struct nt_object_ops *ops;
	unsigned refs;
	unsigned handles;            /* handle entries in any table (HandleCount) */
	/* Its entry in the object namespace, NULL: none.  Unless permanent,
	 * the name goes when the last handle closes, though references (a
	 * section's views, a waiting thread) may keep the object alive. */
	struct object_name *name;
	bool permanent;
	struct quota_block *quota;   /* who pays for it (its creator), NULL: nobody yet */
	uint64_t charged[QUOTA_POOLS]; /* given back when it is destroyed */
	struct object_sd sd;         /* its security descriptor (object_sd.h) */
};

/* Handles a process may hold, as on Windows (2^24); the paged pool quota
 * the table is charged to binds well before (16 bytes a handle). */
#define HANDLES_PER_PROCESS_MAX (1u << 24)
/* What an object's body is charged (nonpaged) when its first handle is
 * made and its creator charged nothing for it: about what an event, a
 * mutant, a semaphore or a timer takes with the allocator's overhead. */
#define OBJECT_BODY_CHARGE 256u

#define NT_CURRENT_PROCESS_HANDLE ((uint64_t)-1)
#define NT_CURRENT_THREAD_HANDLE ((uint64_t)-2)

void object_init(struct nt_object *obj, const struct nt_object_ops *ops);
/* An OBJECT_ATTRIBUTES: its RootDirectory, its name (malloc'd, *name NULL
 * when ObjectName is NULL) and (if attributes is not NULL) its OBJ_* flags.
 * INVALID_PARAMETER for no attributes or a wrong Length, ACCESS_VIOLATION
 * for unreadable ones. */
#define OBJ_OPENIF 0x80
NTSTATUS object_attributes_read(struct nt_call *c, uint64_t oa, uint64_t *root, uint16_t **name,
				size_t *n, uint32_t *attributes);
struct nt_object *object_ref(struct nt_object *obj);
/* The last reference destroys obj and gives its charges back. */
void object_unref(struct nt_object *obj);
/* Charges bytes of pool to obj's payer (p, when obj has none yet) until
 * obj is destroyed: its name, its data.  STATUS_QUOTA_EXCEEDED past the
 * limit (nothing charged then). */
NTSTATUS object_charge(struct nt_object *obj, struct lsw_process *p, enum quota_pool pool,
		       uint64_t bytes);

/* A new handle to obj in p's table, in O(1): *h, a multiple of 4 (the
 * value closed last is reused first, as a free list gives them).
 * STATUS_INSUFFICIENT_RESOURCES past HANDLES_PER_PROCESS_MAX or out of
 * memory, STATUS_QUOTA_EXCEEDED when the table's growth or obj's body
 * does not fit p's quota. */
NTSTATUS handle_create(struct lsw_process *p, struct nt_object *obj, uint32_t access,
		       uint64_t *h);
/* The same, 0 for any failure. */
uint64_t handle_alloc(struct lsw_process *p, struct nt_object *obj, uint32_t access);
/* handle_create for the object call c made: inheritable when the
 * OBJECT_ATTRIBUTES it read said OBJ_INHERIT. */
NTSTATUS handle_create_call(struct nt_call *c, struct nt_object *obj, uint32_t access,
			    uint64_t *h);
/* The same, 0 for any failure. */
uint64_t handle_alloc_call(struct nt_call *c, struct nt_object *obj, uint32_t access);
/* Gives child the parent's inheritable handles at the same values: all of
 * them (list NULL), or those of list[0..n-1] (PROC_THREAD_ATTRIBUTE_
 * HANDLE_LIST).  -1: out of memory. */
int handle_inherit(struct lsw_process *parent, struct lsw_process *child,
		   const uint64_t *list, size_t n);
/* How many handles p holds (ProcessHandleCount). */
size_t handle_count(const struct lsw_process *p);
/* Looks a handle up, checking its type when ops is not NULL.  Sets *status
 * to STATUS_INVALID_HANDLE or STATUS_OBJECT_TYPE_MISMATCH on failure. */
struct nt_object *handle_get(struct lsw_process *p, uint64_t h,
			     const struct nt_object_ops *ops, NTSTATUS *status);
/* A handle's HANDLE_FLAG_* bits, NULL if it is not valid. */
uint32_t *handle_flags(struct lsw_process *p, uint64_t h);
/* The access granted to a handle (0 if it is not valid). */
uint32_t handle_access(struct lsw_process *p, uint64_t h);
NTSTATUS handle_close(struct lsw_process *p, uint64_t h);
/* A handle's object for traces: "\??\C:\x.txt", "current process",
 * or "" when the handle is not valid.  Never fails. */
const char *handle_describe(struct lsw_process *p, uint64_t h, char *buf, size_t len);
void handle_table_free(struct lsw_process *p);

#endif
