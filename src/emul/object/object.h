/* Kernel objects and the per-process handle table. */
#ifndef LSW_OBJECT_H
#define LSW_OBJECT_H

#include "emul/emul.h"

struct waitable;

struct nt_object_ops {
	const char *type_name;                 /* "File", "Section", ... */
	void (*destroy)(struct nt_object *obj); /* last reference gone */
	/* What the object is, for traces ("\??\C:\x.txt"); may be NULL. */
	void (*describe)(struct nt_object *obj, char *buf, size_t len);
	/* Its waitable part (waitable.h); NULL: not waitable. */
	struct waitable *(*waitable)(struct nt_object *obj);
};

struct nt_object {
	const struct nt_object_ops *ops;
	unsigned refs;
};

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
void object_unref(struct nt_object *obj);

/* Returns the new handle value (a multiple of 4) or 0 when the table is full. */
uint64_t handle_alloc(struct lsw_process *p, struct nt_object *obj, uint32_t access);
/* handle_alloc for the object call c made: inheritable when the
 * OBJECT_ATTRIBUTES it read said OBJ_INHERIT. */
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
