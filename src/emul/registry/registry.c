/*
 * Registry keys as NT objects: NtCreateKey, NtOpenKey(Ex), NtDeleteKey,
 * NtRenameKey, NtFlushKey, and the names that lead to a key.
 *
 * An absolute name starts with \Registry; \Registry\Machine is the system
 * hive's root and \Registry\User\<SID> the user's.  Names are walked one
 * component at a time, case-insensitively; a name relative to a key handle
 * (OBJECT_ATTRIBUTES.RootDirectory) starts from that key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/object/object_ns.h"
#include "emul/registry/reg_prefix.h"
#include "emul/registry/registry.h"
#include "emul/upcase.h"

#define REG_OPTION_VOLATILE 0x1
#define REG_OPTION_CREATE_LINK 0x2
#define REG_OPTION_BACKUP_RESTORE 0x4
#define REG_OPTION_OPEN_LINK 0x8
#define OBJ_OPENLINK 0x100
/* Links followed in one name, and the longest name a link may make (units):
 * past them a name fails with STATUS_NAME_TOO_LONG (a link to itself). */
#define LINK_HOPS_MAX 32
#define LINK_NAME_MAX 32767
#define REG_CREATED_NEW_KEY 1
#define REG_OPENED_EXISTING_KEY 2

#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u
#define MAXIMUM_ALLOWED 0x02000000u
#define DELETE_RIGHT 0x00010000u

int registry_flush_all(struct lsw_host *h, char *err, size_t errlen)
{
	struct host_registry *r = &h->registry;
	int rc = 0;

	if (r->machine && reg_hive_flush(r->machine, err, errlen) < 0)
		rc = -1;
	if (r->user && reg_hive_flush(r->user, err, errlen) < 0)
		rc = -1;
	return rc;
}

/* --- Key objects --- */

static void key_destroy(struct nt_object *obj)
{
	struct key_object *k = (struct key_object *)obj;

	registry_notify_cleanup(k);
	if (k->key)
		reg_key_unref(k->key);
	free(k);
}

static void key_describe(struct nt_object *obj, char *buf, size_t len)
{
	uint16_t name[1024];
	size_t n = key_full_name((struct key_object *)obj, name, 1024);
	size_t o = 0;

	/* ASCII for traces; other characters as '?' */
	for (size_t i = 0; i < n && i < 1024 && o + 1 < len; i++)
		buf[o++] = name[i] >= 0x20 && name[i] < 0x7f ? (char)name[i] : '?';
	if (len)
		buf[o < len ? o : len - 1] = 0;
}

/* A key's descriptor lives with the key, shared by its handles; the
 * containers above the hives keep one per handle. */
static struct object_sd *key_security(struct nt_object *obj, NTSTATUS *st)
{
	struct key_object *k = (struct key_object *)obj;

	if (!k->key)
		return &obj->sd;
	if (k->key->deleted) {
		*st = LSW_STATUS_KEY_DELETED;
		return NULL;
	}
	return &k->key->sd;
}

/* REG_NOTIFY_CHANGE_SECURITY */
static void key_security_changed(struct nt_object *obj)
{
	struct key_object *k = (struct key_object *)obj;

	if (k->key)
		reg_key_changed(k->key, REG_CHANGE_SECURITY);
}

const struct nt_object_ops key_ops = {
	.type_name = "Key",
	.destroy = key_destroy,
	.describe = key_describe,
	.security = key_security,
	.security_changed = key_security_changed,
};

/* Generic rights mapped to key rights (the registry's GENERIC_MAPPING). */
static uint32_t map_generic(uint32_t access)
{
	uint32_t out = access & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL |
				  MAXIMUM_ALLOWED | KEY_WOW64_64KEY | KEY_WOW64_32KEY);

	if (access & (GENERIC_READ | GENERIC_EXECUTE))
		out |= KEY_READ;
	if (access & GENERIC_WRITE)
		out |= KEY_WRITE;
	if (access & (GENERIC_ALL | MAXIMUM_ALLOWED))
		out |= KEY_ALL_ACCESS;
	return out;
}

struct key_object *key_from_handle(struct nt_call *c, uint64_t h, uint32_t need, NTSTATUS *st)
{
	struct key_object *k =
		(struct key_object *)handle_get(c->thread->process, h, &key_ops, st);

	if (!k)
		return NULL;
	if (k->predefined) { /* its data is the predefined key's (registry_predefined.c) */
		*st = LSW_STATUS_INVALID_HANDLE;
		return NULL;
	}
	if ((k->access & need) != need) {
		*st = LSW_STATUS_ACCESS_DENIED;
		return NULL;
	}
	if (k->key && k->key->deleted) {
		*st = LSW_STATUS_KEY_DELETED;
		return NULL;
	}
	return k;
}

/* Appends the ASCII s to out at *n (room units). */
static void put_ascii(uint16_t *out, size_t room, size_t *n, const char *s)
{
	for (; *s; s++, (*n)++)
		if (*n < room)
			out[*n] = (uint16_t)*s;
}

size_t key_full_name(const struct key_object *k, uint16_t *out, size_t room)
{
	const struct reg_key *chain[REG_DEPTH_MAX + 2];
	unsigned depth = 0;
	size_t n = 0;

	put_ascii(out, room, &n, "\\REGISTRY");
	if (k->container == KEY_USERS)
		put_ascii(out, room, &n, "\\USER");
	if (k->container != KEY_IN_HIVE)
		return n;
	for (const struct reg_key *r = k->key; r && depth < REG_DEPTH_MAX + 2; r = r->parent)
		chain[depth++] = r;
	/* the root: how the NT namespace names it */
	put_ascii(out, room, &n, k->key->hive == k->owner->host->registry.machine
				 ? "\\MACHINE" : "\\USER\\" REG_USER_SID);
	for (unsigned i = depth - 1; i-- > 0;) {
		put_ascii(out, room, &n, "\\");
		for (unsigned j = 0; j < chain[i]->name_len; j++, n++)
			if (n < room)
				out[n] = chain[i]->name[j];
	}
	return n;
}

/* --- Names --- */

/* Where a walk is: a container or a key. */
struct place {
	enum key_container container;
	struct reg_key *key;
};

static bool equals_ascii(const uint16_t *s, size_t n, const char *a)
{
	size_t i = 0;

	for (; i < n && a[i]; i++)
		if (nt_upcase(s[i]) != nt_upcase((uint16_t)(unsigned char)a[i]))
			return false;
	return i == n && !a[i];
}

/* One step down from p by the component s[0..n).  false: no such key. */
static bool step(const struct host_registry *r, struct place *p, const uint16_t *s, size_t n)
{
	switch (p->container) {
	case KEY_REGISTRY:
		if (equals_ascii(s, n, "Machine") && r->machine) {
			if (reg_prefix_time_zones(r->machine) < 0)
				lsw_log("registry: out of memory making the Time Zones keys");
			*p = (struct place){ KEY_IN_HIVE, r->machine->root };
			return true;
		}
		if (equals_ascii(s, n, "User")) {
			p->container = KEY_USERS;
			return true;
		}
		return false;
	case KEY_USERS:
		if (equals_ascii(s, n, REG_USER_SID) && r->user) {
			*p = (struct place){ KEY_IN_HIVE, r->user->root };
			return true;
		}
		return false;
	case KEY_IN_HIVE:
		p->key = reg_key_find(p->key, s, n);
		return p->key != NULL;
	}
	return false;
}

/* Where a walk stopped on a link key it must follow: the link and the
 * offset of the rest of the name after it. */
struct link_stop {
	struct reg_key *link;
	size_t rest;
};

/*
 * Walks name from start.  On success *p is the place named.  With
 * last_may_miss, a missing last component is not an error: *p is then its
 * parent and *last, *last_len the component (NULL when it exists).  A
 * link key on the way (or last, with follow_last) stops the walk: *stop
 * says where, for the caller to follow.
 */
static NTSTATUS walk(const struct host_registry *r, struct place start, const uint16_t *name,
		     size_t n, bool last_may_miss, bool follow_last, struct place *p,
		     const uint16_t **last, size_t *last_len, struct link_stop *stop)
{
	size_t i = 0;

	*p = start;
	*last = NULL;
	stop->link = NULL;
	while (n && name[n - 1] == '\\')
		n--; /* "Software\" is "Software" */
	while (i < n) {
		size_t j = i;

		while (j < n && name[j] != '\\')
			j++;
		if (j == i) { /* "a\\\\b": the configuration manager skips empty names */
			i++;
			continue;
		}
		if (p->container == KEY_IN_HIVE && j - i > REG_KEY_NAME_MAX)
			return LSW_STATUS_INVALID_PARAMETER; /* as Windows answers */
		{
			struct place before = *p;

			if (!step(r, p, name + i, j - i)) {
				if (!last_may_miss || j < n || before.container != KEY_IN_HIVE)
					return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
				*p = before;
				*last = name + i;
				*last_len = j - i;
				return LSW_STATUS_SUCCESS;
			}
		}
		if (p->container == KEY_IN_HIVE && p->key->is_link && (j < n || follow_last)) {
			stop->link = p->key;
			stop->rest = j;
			return LSW_STATUS_SUCCESS;
		}
		i = j + 1;
	}
	return LSW_STATUS_SUCCESS;
}

/* An absolute name outside \Registry: what the object namespace holds
 * there is not a key (STATUS_OBJECT_TYPE_MISMATCH), or the walk's own
 * failure (a missing directory on the way is STATUS_OBJECT_PATH_NOT_FOUND). */
static NTSTATUS outside_registry(struct nt_call *c, const uint16_t *name, size_t n)
{
	struct ns_place pl;
	NTSTATUS st = ns_walk(c, 0, name, n, OBJ_CASE_INSENSITIVE, true, &pl);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	st = pl.found ? LSW_STATUS_OBJECT_TYPE_MISMATCH : LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	ns_place_free(&pl);
	return st;
}

/* The start of a name: the RootDirectory key, or \Registry for an
 * absolute name (whose "\Registry" is consumed from *name). */
static NTSTATUS name_start(struct nt_call *c, uint64_t root, const uint16_t **name, size_t *n,
			   struct place *start)
{
	static const char prefix[] = "\\Registry";
	NTSTATUS st;

	if (root) { /* a predefined handle is a root like any key */
		struct key_object *k =
			(struct key_object *)handle_get(c->thread->process, root, &key_ops, &st);

		if (!k)
			return st;
		if (k->key && k->key->deleted)
			return LSW_STATUS_KEY_DELETED;
		if (*n && (*name)[0] == '\\')
			return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
		*start = (struct place){ k->container, k->key };
		return LSW_STATUS_SUCCESS;
	}
	if (!*n || (*name)[0] != '\\')
		return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (*n > 1 && (*name)[1] == '\\')
		return LSW_STATUS_OBJECT_NAME_INVALID; /* "\\\\x": no empty name at the root */
	if (*n < sizeof(prefix) - 1 || !equals_ascii(*name, sizeof(prefix) - 1, prefix) ||
	    (*n > sizeof(prefix) - 1 && (*name)[sizeof(prefix) - 1] != '\\'))
		return outside_registry(c, *name, *n);
	*name += sizeof(prefix) - 1;
	*n -= sizeof(prefix) - 1;
	if (*n) { /* the separator after \Registry */
		(*name)++;
		(*n)--;
	}
	*start = (struct place){ KEY_REGISTRY, NULL };
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS read_attributes(struct nt_call *c, uint64_t oa, uint64_t *root, uint16_t **name,
				size_t *n, uint32_t *attributes)
{
	NTSTATUS st;

	if (!oa)
		return LSW_STATUS_ACCESS_VIOLATION; /* the key calls probe it: no check first */
	st = object_attributes_read(c, oa, root, name, n, attributes);

	if (st == LSW_STATUS_SUCCESS && !*name)
		return LSW_STATUS_ACCESS_VIOLATION; /* ObjectName is probed too */
	return st;
}

/* A handle to the key at p in *out: STATUS_PREDEFINED_HANDLE for a key
 * that stands for a predefined one. */
static NTSTATUS new_handle(struct nt_call *c, struct place p, uint32_t access, uint64_t out)
{
	struct lsw_process *proc = c->thread->process;
	struct key_object *k = calloc(1, sizeof(*k));
	uint64_t h;
	NTSTATUS st;

	if (!k)
		return LSW_STATUS_NO_MEMORY;
	object_init(&k->hdr, &key_ops);
	k->container = p.container;
	k->key = p.key ? reg_key_ref(p.key) : NULL;
	k->access = access;
	k->owner = proc;
	k->predefined = registry_key_is_predefined(k->key, proc->host->registry.machine);
	st = handle_create(proc, &k->hdr, access, &h);
	object_unref(&k->hdr);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(c->thread, out, &h, 8) < 0) {
		handle_close(proc, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return k->predefined ? LSW_STATUS_PREDEFINED_HANDLE : LSW_STATUS_SUCCESS;
}

/* What a name resolved to: the place, or its parent and the missing last
 * component (which points into buf). */
struct resolved {
	struct place p;
	const uint16_t *last;
	size_t last_len;
	uint16_t *buf;
};

/* A link's target followed by rest (the name after the link), malloc'd. */
static uint16_t *reparse(const struct reg_value *target, const uint16_t *rest, size_t rn,
			 size_t *out_n)
{
	size_t tn = target->size / 2;
	uint16_t *s = malloc((tn + rn + 1) * 2);

	if (!s)
		return NULL;
	if (tn)
		memcpy(s, target->data, tn * 2);
	if (rn)
		memcpy(s + tn, rest, rn * 2);
	*out_n = tn + rn;
	return s;
}

/* Resolves name (malloc'd, owned from here on: kept in out->buf) from
 * root, following link keys (the last one too with follow_last). */
static NTSTATUS resolve(struct nt_call *c, uint64_t root, uint16_t *name, size_t n,
			bool may_miss, bool follow_last, struct resolved *out)
{
	const struct host_registry *r = &c->thread->process->host->registry;

	for (int hops = 0;; hops++) {
		const uint16_t *rest = name;
		size_t rn = n, next_n;
		struct place start;
		struct link_stop stop = { NULL, 0 };
		const struct reg_value *target;
		NTSTATUS st = name_start(c, root, &rest, &rn, &start);

		if (st == LSW_STATUS_SUCCESS)
			st = walk(r, start, rest, rn, may_miss, follow_last, &out->p, &out->last,
				  &out->last_len, &stop);
		out->buf = name;
		if (st != LSW_STATUS_SUCCESS || !stop.link)
			return st == (NTSTATUS)LSW_STATUS_OBJECT_PATH_SYNTAX_BAD && hops
			       ? (NTSTATUS)LSW_STATUS_OBJECT_NAME_NOT_FOUND : st; /* a relative target */
		if (!(target = reg_link_target(stop.link)))
			return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
		if (hops >= LINK_HOPS_MAX || target->size / 2 + rn > LINK_NAME_MAX)
			return LSW_STATUS_NAME_TOO_LONG;
		name = reparse(target, rest + stop.rest, rn - stop.rest, &next_n);
		free(out->buf);
		out->buf = NULL;
		if (!name)
			return LSW_STATUS_NO_MEMORY;
		n = next_n;
		root = 0;
	}
}

/* Opens (or with create, creates) the key an OBJECT_ATTRIBUTES names. */
static NTSTATUS open_or_create(struct nt_call *c, uint64_t handle_out, uint32_t access,
			       uint64_t oa, bool create, uint64_t class_us, uint32_t options,
			       uint64_t disposition_out)
{
	uint16_t *name = NULL, *class_name = NULL;
	size_t n, class_len = 0;
	uint64_t root;
	uint32_t attributes = 0, disposition = REG_OPENED_EXISTING_KEY;
	bool make_link = create && (options & REG_OPTION_CREATE_LINK);
	struct resolved at = { { KEY_REGISTRY, NULL }, NULL, 0, NULL };
	NTSTATUS st;

	if (!handle_out)
		return LSW_STATUS_ACCESS_VIOLATION;
	access = map_generic(access);
	if ((st = read_attributes(c, oa, &root, &name, &n, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (!create && !access) {
		free(name);
		return LSW_STATUS_ACCESS_DENIED; /* an open must ask for some right */
	}
	st = resolve(c, root, name, n, create, !make_link && !(attributes & OBJ_OPENLINK), &at);
	if (st != LSW_STATUS_SUCCESS)
		goto out;
	if (make_link && !at.last) {
		st = LSW_STATUS_OBJECT_NAME_COLLISION;
		goto out;
	}
	if (create && at.last) {
		struct reg_key *made;
		struct object_sd given = { NULL, 0 };

		if (class_us && (st = tracee_read_ustring(c->thread, class_us, &class_name,
							  &class_len)) != LSW_STATUS_SUCCESS)
			goto out;
		if ((st = object_security_assign(c, &given)) != LSW_STATUS_SUCCESS)
			goto out;
		st = reg_key_create(at.p.key, at.last, at.last_len, options & REG_OPTION_VOLATILE,
				    class_name, class_len, &made);
		if (st != LSW_STATUS_SUCCESS) {
			free(given.bytes);
			goto out;
		}
		made->sd = given;
		made->is_link = make_link;
		at.p.key = made;
		disposition = REG_CREATED_NEW_KEY;
	}
	st = new_handle(c, at.p, access, handle_out);
	if ((int32_t)st >= 0 && disposition_out &&
	    tracee_write(c->thread, disposition_out, &disposition, 4) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION; /* the key stays: as on Windows */
out:
	free(at.buf);
	free(class_name);
	return st;
}

/* A failed NtCreateKey or NtOpenKey leaves NULL in KeyHandle, as Windows
 * does: a program that closes it after a failure closes nothing. */
static NTSTATUS handle_or_null(struct nt_call *c, NTSTATUS st)
{
	uint64_t none = 0;

	if ((int32_t)st < 0 && st != (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION && c->args[0])
		tracee_write(c->thread, c->args[0], &none, 8);
	return st;
}

/* NtCreateKey(KeyHandle, DesiredAccess, ObjectAttributes, TitleIndex,
 *             Class, CreateOptions, Disposition) */
NTSTATUS nt_NtCreateKey(struct nt_call *c)
{
	uint32_t options = (uint32_t)c->args[5];

	if (options & ~(uint32_t)(REG_OPTION_VOLATILE | REG_OPTION_BACKUP_RESTORE |
				  REG_OPTION_OPEN_LINK | REG_OPTION_CREATE_LINK))
		return LSW_STATUS_INVALID_PARAMETER;
	return handle_or_null(c, open_or_create(c, c->args[0], (uint32_t)c->args[1], c->args[2],
						true, c->args[4], options, c->args[6]));
}

/* NtOpenKey(KeyHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenKey(struct nt_call *c)
{
	return handle_or_null(c, open_or_create(c, c->args[0], (uint32_t)c->args[1], c->args[2],
						false, 0, 0, 0));
}

/* NtOpenKeyEx(KeyHandle, DesiredAccess, ObjectAttributes, OpenOptions) */
NTSTATUS nt_NtOpenKeyEx(struct nt_call *c)
{
	if ((uint32_t)c->args[3] & ~(uint32_t)(REG_OPTION_BACKUP_RESTORE | REG_OPTION_OPEN_LINK))
		return LSW_STATUS_INVALID_PARAMETER;
	return handle_or_null(c, open_or_create(c, c->args[0], (uint32_t)c->args[1], c->args[2],
						false, 0, 0, 0));
}

/* NtDeleteKey(KeyHandle): a key already deleted is deleted again, with
 * success, as Windows answers. */
NTSTATUS nt_NtDeleteKey(struct nt_call *c)
{
	NTSTATUS st;
	struct key_object *k = key_from_handle(c, c->args[0], DELETE_RIGHT, &st);

	if (!k)
		return st == (NTSTATUS)LSW_STATUS_KEY_DELETED ? (NTSTATUS)LSW_STATUS_SUCCESS : st;
	if (k->container != KEY_IN_HIVE || !k->key->parent)
		return LSW_STATUS_ACCESS_DENIED; /* \Registry, the hive roots */
	return reg_key_delete(k->key);
}

/* NtRenameKey(KeyHandle, NewName): the name is probed first, then the
 * handle, then whether the name is empty, then the access. */
NTSTATUS nt_NtRenameKey(struct nt_call *c)
{
	const uint32_t need = KEY_WRITE & ~0x20000u; /* KEY_SET_VALUE | KEY_CREATE_SUB_KEY */
	uint16_t *name;
	size_t n;
	NTSTATUS st;
	struct key_object *k;

	if (!c->args[1])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(k = key_from_handle(c, c->args[0], 0, &st)))
		return st;
	if ((st = tracee_read_ustring(c->thread, c->args[1], &name, &n)) != LSW_STATUS_SUCCESS)
		return st;
	if (!n)
		st = LSW_STATUS_INVALID_PARAMETER;
	else if ((k->access & need) != need)
		st = LSW_STATUS_ACCESS_DENIED;
	else if (k->container != KEY_IN_HIVE || !k->key->parent)
		st = LSW_STATUS_ACCESS_DENIED;
	else if (n == k->key->name_len && !memcmp(name, k->key->name, 2 * n))
		st = LSW_STATUS_CANNOT_DELETE; /* its own name: what Windows answers */
	else
		st = reg_key_rename(k->key, name, n);
	free(name);
	return st;
}

/* NtFlushKey(KeyHandle): the key's hive, written now. */
NTSTATUS nt_NtFlushKey(struct nt_call *c)
{
	char err[512];
	NTSTATUS st;
	struct key_object *k = key_from_handle(c, c->args[0], 0, &st);

	if (!k)
		return st;
	if (k->container != KEY_IN_HIVE)
		return registry_flush_all(c->thread->process->host, err, sizeof(err)) < 0
		       ? LSW_STATUS_REGISTRY_CORRUPT : LSW_STATUS_SUCCESS;
	if (reg_hive_flush(k->key->hive, err, sizeof(err)) < 0) {
		fprintf(stderr, "lsw: registry: %s\n", err);
		return LSW_STATUS_REGISTRY_CORRUPT; /* ERROR_BADDB: the data stays in memory */
	}
	return LSW_STATUS_SUCCESS;
}
