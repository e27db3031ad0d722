/*
 * A prefix's registry: its two hive files loaded (PREFIX/system.reg for
 * HKEY_LOCAL_MACHINE, PREFIX/user.reg for HKEY_CURRENT_USER), a new
 * prefix's defaults applied, and the root names .reg files and `lsw reg`
 * use resolved.  The supervisor and `lsw reg` open it the same way.
 */
#ifndef LSW_REG_PREFIX_H
#define LSW_REG_PREFIX_H

#include "emul/registry/reg_store.h"

struct reg_prefix {
	struct reg_hive *machine;    /* HKEY_LOCAL_MACHINE */
	struct reg_hive *user;       /* HKEY_CURRENT_USER = HKEY_USERS\<REG_USER_SID> */
};

/* Loads both hives; a hive whose file does not exist yet gets the default
 * keys (reg_defaults_apply, with user as the user name).  The defaults are
 * not written until the first reg_prefix_flush.  The Time Zones keys are
 * left pending (reg_prefix_time_zones).  NULL with err set. */
struct reg_prefix *reg_prefix_open(const char *prefix, const char *user, char *err,
				   size_t errlen);
/* Writes what changed in both hives (reg_hive_flush; a new prefix's
 * files are written whole).  0, or -1 with err set. */
int reg_prefix_flush(struct reg_prefix *p, char *err, size_t errlen);
/* The same as at the end of a run (reg_hive_flush_final: small hives are
 * compacted into their files). */
int reg_prefix_flush_final(struct reg_prefix *p, char *err, size_t errlen);
void reg_prefix_close(struct reg_prefix *p);

/* The volatile Time Zones keys of machine (reg_time_zones_add), made the
 * first time they may be looked at rather than at each open: they cost
 * about a millisecond and most programs never read them.  0, or -1 when
 * out of memory (then nothing is pending any more). */
int reg_prefix_time_zones(struct reg_hive *machine);

/* A reg_root_resolver (arg: the struct reg_prefix): HKLM and
 * HKEY_LOCAL_MACHINE, HKCU and HKEY_CURRENT_USER, HKCR and
 * HKEY_CLASSES_ROOT (HKLM\Software\Classes), HKU\<REG_USER_SID> and
 * HKEY_USERS\<REG_USER_SID>; NULL for anything else. */
struct reg_key *reg_prefix_resolve(void *prefix, const char *root_name);

/* Splits a path "ROOT\a\b" into its root key and the rest ("a\b", maybe
 * ""): *rest points into path, *canonical is the root's full name
 * ("HKEY_CURRENT_USER", "HKEY_USERS\S-1-..."). NULL for an unknown root. */
struct reg_key *reg_prefix_root(struct reg_prefix *p, const char *path, const char **rest,
				const char **canonical);

#endif
