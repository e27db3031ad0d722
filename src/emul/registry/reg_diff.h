/* The difference between two versions of a hive. */
#ifndef LSW_REG_DIFF_H
#define LSW_REG_DIFF_H

#include "emul/registry/reg_store.h"

enum reg_diff_change {
	REG_DIFF_KEY_CREATED, REG_DIFF_KEY_DELETED,
	REG_DIFF_VALUE_CREATED, REG_DIFF_VALUE_MODIFIED, REG_DIFF_VALUE_DELETED,
};

struct reg_diff {
	enum reg_diff_change change;
	const char *key;               /* "HKEY_CURRENT_USER\Software\x" */
	const struct reg_value *value; /* the value now (created, modified) */
	const struct reg_value *old;   /* the value before (modified, deleted) */
};

typedef void reg_diff_fn(const struct reg_diff *d, void *arg);

/* Calls fn for each change from old to new, keys in name order.
 * 0, or -1 when out of memory. */
int reg_diff(const struct reg_hive *old, const struct reg_hive *new, reg_diff_fn *fn, void *arg);

#endif
