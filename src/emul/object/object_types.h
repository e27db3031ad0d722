/* The object types: one row each with what NtQueryObject tells of it
 * (object_types.c). */
#ifndef LSW_OBJECT_TYPES_H
#define LSW_OBJECT_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include "emul/emul.h"

struct object_type {
	const char *name;            /* as nt_object_ops.type_name spells it */
	uint8_t index;               /* TypeIndex (Windows 10 22H2's) */
	uint32_t generic[4];         /* GENERIC_MAPPING: read, write, execute, all */
	uint32_t valid_access;
	uint32_t pool;               /* POOL_TYPE of its bodies */
};

/* The type named name, NULL for none. */
const struct object_type *object_type_find(const char *name);
/* The i-th type in index order (i < object_type_count()). */
const struct object_type *object_type_at(size_t i);
size_t object_type_count(void);

#endif

#define OBJECT_TYPE_INFO_SIZE 104 /* OBJECT_TYPE_INFORMATION (x64) */

/* OBJECT_TYPE_INFORMATION of t at buf, its UTF-16 name right after it
 * (for the user address at), with the counts of caller's sandbox; its
 * size with the name.  buf has room for OBJECT_TYPE_INFO_SIZE + 64. */
uint32_t object_type_record(const struct lsw_process *caller, const struct object_type *t,
			    uint8_t *buf, uint64_t at);
/* NtQueryObject(NULL, ObjectTypesInformation, buffer, length, *ret). */
NTSTATUS object_types_query(struct nt_call *c);
