/*
 * The registry as the NT object namespace shows it: \Registry\Machine (the
 * prefix's system hive), \Registry\User\<SID> (the user's hive) and the
 * two containers above them, and Key objects in the handle table.
 */
#ifndef LSW_REGISTRY_H
#define LSW_REGISTRY_H

#include "emul/object/object.h"
#include "emul/registry/reg_store.h"

#ifndef REG_USER_SID /* the one user's SID: \Registry\User\<SID> is HKCU */
#define REG_USER_SID "S-1-5-21-0-0-0-1000"
#endif

/* Key access rights (winnt.h) */
#define KEY_QUERY_VALUE 0x0001
#define KEY_SET_VALUE 0x0002
#define KEY_CREATE_SUB_KEY 0x0004
#define KEY_ENUMERATE_SUB_KEYS 0x0008
#define KEY_NOTIFY 0x0010
#define KEY_CREATE_LINK 0x0020
#define KEY_WOW64_64KEY 0x0100
#define KEY_WOW64_32KEY 0x0200
#define KEY_READ 0x20019
#define KEY_WRITE 0x20006
#define KEY_ALL_ACCESS 0xF003F

/* The containers the hives hang from, which hold no values. */
enum key_container {
	KEY_IN_HIVE,           /* an ordinary key: key_object.key is set */
	KEY_REGISTRY,          /* \Registry: Machine, User */
	KEY_USERS,             /* \Registry\User: the user's SID */
};

struct key_object {
	struct nt_object hdr;
	enum key_container container;
	struct reg_key *key;        /* KEY_IN_HIVE */
	uint32_t access;            /* granted, generic rights mapped */
	bool predefined;            /* opened with STATUS_PREDEFINED_HANDLE */
	struct lsw_process *owner;  /* for notifications */
	/* The handle's notification block: the first NtNotifyChangeKey on the
	 * handle sets what it watches, later calls on it watch the same. */
	bool notify_set;
	bool notify_subtree;
	uint32_t notify_filter;
};

extern const struct nt_object_ops key_ops;

/* registry_session.c: a host's registry.  Attaches the hives of its
 * configuration (either may be NULL: no registry), makes HKCU\Volatile
 * Environment from its logon environment, writes changes every second;
 * registry_stop writes what is left. */
void registry_start(struct lsw_host *h);
/* What logon sets for the user (NULL-terminated): Volatile Environment's
 * values, which win over the Environment keys' (USERNAME is SYSTEM there). */
extern const char *const volatile_environment_names[];
void registry_stop(struct lsw_host *h);
/* Writes the hives that changed (a message on stderr if one cannot be). */
void registry_flush_dirty(struct lsw_host *h);
/* Writes both hives' changes and takes in what another writer (lsw reg)
 * put in their files (reg_hive_sync).  0, or -1 with err set. */
int registry_sync(struct lsw_host *h, char *err, size_t errlen);

/* Writes the host's dirty hives now (exit, idle timer).  0, or -1 with err set. */
int registry_flush_all(struct lsw_host *h, char *err, size_t errlen);

/* registry_notify.c: a key handle is going away; its watches end. */
void registry_notify_cleanup(struct key_object *k);
/* The hives' hook (arg: the host): every change to a key's subkeys or
 * values ends the watches that see it. */
void registry_key_changed(void *host, struct reg_key *key, uint32_t what);
/* registry_ifeo.c: true when HKLM's Image File Execution Options has no
 * key for the image file name (the last component of its path). */
bool registry_image_key_missing(const struct host_registry *r, const char *image_name);
/* registry_predefined.c: whether k is a key Windows opens with
 * STATUS_PREDEFINED_HANDLE (Perflib's language keys, in machine). */
bool registry_key_is_predefined(const struct reg_key *k, const struct reg_hive *machine);
/* A thread ended: the watches it asked for end (not thread-agnostic ones). */
void registry_notify_thread_exited(struct lsw_thread *t);

/* registry.c, for registry_query.c: the key behind a handle, if the
 * handle has all of `need`.  KEY_DELETED for a deleted key. */
struct key_object *key_from_handle(struct nt_call *c, uint64_t h, uint32_t need, NTSTATUS *st);
/* The full NT name of a key ("\REGISTRY\MACHINE\SOFTWARE\x"), UTF-16, in
 * out (room units); returns its length in units (may exceed room). */
size_t key_full_name(const struct key_object *k, uint16_t *out, size_t room);

#endif
