/*
 * What a key holds: NtQueryKey, NtEnumerateKey, NtQueryValueKey,
 * NtEnumerateValueKey, NtSetValueKey, NtDeleteValueKey.
 *
 * Every information structure is built whole, then copied as the
 * configuration manager does: a buffer smaller than the fixed part gets
 * nothing (STATUS_BUFFER_TOO_SMALL), a larger one that cannot hold the
 * names and data gets what fits (STATUS_BUFFER_OVERFLOW); either way
 * ResultLength is the size needed.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/registry.h"

/* KEY_INFORMATION_CLASS */
enum { KeyBasicInformation, KeyNodeInformation, KeyFullInformation, KeyNameInformation,
       KeyCachedInformation };
/* KEY_VALUE_INFORMATION_CLASS */
enum { KeyValueBasicInformation, KeyValueFullInformation, KeyValuePartialInformation,
       KeyValueFullInformationAlign64, KeyValuePartialInformationAlign64 };

#define NO_CLASS 0xFFFFFFFFu /* ClassOffset of a key without a class */

struct info {
	uint8_t *buf;
	size_t len, fixed; /* whole size, the part a buffer must at least hold */
};

static bool info_alloc(struct info *i, size_t len, size_t fixed)
{
	i->buf = calloc(1, len ? len : 1);
	i->len = len;
	i->fixed = fixed;
	return i->buf != NULL;
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/* memcpy with a source that may be NULL when n is 0 (no name, no class, no data) */
static void put_bytes(uint8_t *p, const void *src, size_t n)
{
	if (n)
		memcpy(p, src, n);
}

/* Copies i out as the documented buffer rules say; frees it. */
static NTSTATUS info_copy_out(struct nt_call *c, struct info *i, uint64_t out, uint32_t room,
			      uint64_t result_len)
{
	uint32_t need = (uint32_t)i->len;
	NTSTATUS st = LSW_STATUS_SUCCESS;
	size_t n = i->len;

	if (room < i->fixed) {
		st = LSW_STATUS_BUFFER_TOO_SMALL;
		n = 0;
	} else if (room < i->len) {
		st = LSW_STATUS_BUFFER_OVERFLOW;
		n = room;
	}
	/* one system call for both when there is data (the common case) */
	if (n && result_len ? tracee_write2(c->thread, out, i->buf, n, result_len, &need, 4) < 0
			    : (n && tracee_write(c->thread, out, i->buf, n) < 0) ||
				      (result_len && tracee_write(c->thread, result_len, &need, 4) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	free(i->buf);
	return st;
}

/* --- keys --- */

/* What NtQueryKey and NtEnumerateKey report of a key or container. */
struct key_facts {
	uint64_t last_write;
	const uint16_t *name, *class_name;
	size_t name_len, class_len;  /* units */
	uint32_t subkeys, values;
	uint32_t max_name, max_class, max_value_name, max_value_data; /* bytes */
};

static const uint16_t name_machine[] = { 'M', 'A', 'C', 'H', 'I', 'N', 'E' };
static const uint16_t name_user[] = { 'U', 'S', 'E', 'R' };
static const uint16_t name_registry[] = { 'R', 'E', 'G', 'I', 'S', 'T', 'R', 'Y' };

static void facts_of(const struct reg_key *k, struct key_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->last_write = k->last_write;
	f->name = k->name;
	f->name_len = k->name_len;
	f->class_name = k->class_name;
	f->class_len = k->class_len;
	f->subkeys = k->nsubkeys;
	f->values = k->nvalues;
	for (uint32_t i = 0; i < k->nsubkeys; i++) {
		if (2u * k->subkeys[i]->name_len > f->max_name)
			f->max_name = 2u * k->subkeys[i]->name_len;
		if (2u * k->subkeys[i]->class_len > f->max_class)
			f->max_class = 2u * k->subkeys[i]->class_len;
	}
	for (uint32_t i = 0; i < k->nvalues; i++) {
		if (2u * k->values[i].name_len > f->max_value_name)
			f->max_value_name = 2u * k->values[i].name_len;
		if (k->values[i].size > f->max_value_data)
			f->max_value_data = k->values[i].size;
	}
}

/* The containers: \Registry holds MACHINE and USER, \Registry\User the SID. */
static void container_facts(enum key_container c, struct key_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->subkeys = c == KEY_REGISTRY ? 2 : 1;
	f->max_name = 2 * 24;
	f->name = c == KEY_REGISTRY ? name_registry : name_user;
	f->name_len = c == KEY_REGISTRY ? 8 : 4;
}

static bool build_key_info(uint32_t cls, const struct key_facts *f, struct info *i)
{
	size_t nb = 2 * f->name_len, cb = 2 * f->class_len;

	switch (cls) {
	case KeyBasicInformation: /* LastWriteTime, TitleIndex, NameLength, Name@16 */
		if (!info_alloc(i, 16 + nb, 16))
			return false;
		memcpy(i->buf, &f->last_write, 8);
		put32(i->buf + 12, (uint32_t)nb);
		put_bytes(i->buf + 16, f->name, nb);
		return true;
	case KeyNodeInformation: /* ..., ClassOffset@12, ClassLength@16, NameLength@20, Name@24 */
		if (!info_alloc(i, 24 + nb + cb, 24))
			return false;
		memcpy(i->buf, &f->last_write, 8);
		put32(i->buf + 12, cb ? (uint32_t)(24 + nb) : NO_CLASS);
		put32(i->buf + 16, (uint32_t)cb);
		put32(i->buf + 20, (uint32_t)nb);
		put_bytes(i->buf + 24, f->name, nb);
		put_bytes(i->buf + 24 + nb, f->class_name, cb);
		return true;
	case KeyFullInformation: /* ..., SubKeys@20 ... MaxValueDataLen@40, Class@44 */
		if (!info_alloc(i, 44 + cb, 44))
			return false;
		memcpy(i->buf, &f->last_write, 8);
		put32(i->buf + 12, cb ? 44 : NO_CLASS);
		put32(i->buf + 16, (uint32_t)cb);
		put32(i->buf + 20, f->subkeys);
		put32(i->buf + 24, f->max_name);
		put32(i->buf + 28, f->max_class);
		put32(i->buf + 32, f->values);
		put32(i->buf + 36, f->max_value_name);
		put32(i->buf + 40, f->max_value_data);
		put_bytes(i->buf + 44, f->class_name, cb);
		return true;
	case KeyCachedInformation: /* LastWriteTime, TitleIndex, SubKeys@12 ... NameLength@32 */
		if (!info_alloc(i, 40, 40))
			return false;
		memcpy(i->buf, &f->last_write, 8);
		put32(i->buf + 12, f->subkeys);
		put32(i->buf + 16, f->max_name);
		put32(i->buf + 20, f->values);
		put32(i->buf + 24, f->max_value_name);
		put32(i->buf + 28, f->max_value_data);
		put32(i->buf + 32, (uint32_t)nb);
		return true;
	}
	return false;
}

static bool known_key_class(uint32_t cls, bool enumerating)
{
	return cls <= KeyFullInformation || (!enumerating && cls == KeyCachedInformation);
}

/* NtQueryKey(KeyHandle, KeyInformationClass, KeyInformation, Length, ResultLength) */
NTSTATUS nt_NtQueryKey(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1];
	struct key_object *k;
	struct key_facts f;
	struct info i;
	NTSTATUS st;

	if (!c->args[4])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (cls == KeyNameInformation) { /* NameLength@0, Name@4: the full NT name */
		size_t n;

		if (!(k = key_from_handle(c, c->args[0], 0, &st)))
			return st;
		n = key_full_name(k, NULL, 0);
		if (!info_alloc(&i, 4 + 2 * n, 4))
			return LSW_STATUS_NO_MEMORY;
		put32(i.buf, (uint32_t)(2 * n));
		key_full_name(k, (uint16_t *)(i.buf + 4), n);
		return info_copy_out(c, &i, c->args[2], (uint32_t)c->args[3], c->args[4]);
	}
	if (!known_key_class(cls, false))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(k = key_from_handle(c, c->args[0], KEY_QUERY_VALUE, &st)))
		return st;
	if (k->container == KEY_IN_HIVE)
		facts_of(k->key, &f);
	else
		container_facts(k->container, &f);
	if (!build_key_info(cls, &f, &i))
		return LSW_STATUS_NO_MEMORY;
	return info_copy_out(c, &i, c->args[2], (uint32_t)c->args[3], c->args[4]);
}

/* NtEnumerateKey(KeyHandle, Index, KeyInformationClass, KeyInformation,
 *                Length, ResultLength): subkeys in name order. */
NTSTATUS nt_NtEnumerateKey(struct nt_call *c)
{
	uint32_t index = (uint32_t)c->args[1], cls = (uint32_t)c->args[2];
	struct key_object *k;
	struct key_facts f;
	struct info i;
	NTSTATUS st;

	if (!known_key_class(cls, true))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!c->args[5])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(k = key_from_handle(c, c->args[0], KEY_ENUMERATE_SUB_KEYS, &st)))
		return st;
	memset(&f, 0, sizeof(f));
	if (k->container == KEY_REGISTRY && index < 2) {
		f.name = index ? name_user : name_machine;
		f.name_len = index ? 4 : 7;
	} else if (k->container == KEY_USERS && index < 1) {
		static uint16_t sid[32];
		size_t n = 0;

		for (const char *s = REG_USER_SID; *s && n < 32; s++)
			sid[n++] = (uint16_t)*s;
		f.name = sid;
		f.name_len = n;
	} else if (k->container == KEY_IN_HIVE && index < k->key->nsubkeys) {
		facts_of(k->key->subkeys[index], &f);
	} else {
		return LSW_STATUS_NO_MORE_ENTRIES;
	}
	if (!build_key_info(cls, &f, &i))
		return LSW_STATUS_NO_MEMORY;
	return info_copy_out(c, &i, c->args[3], (uint32_t)c->args[4], c->args[5]);
}

/* --- values --- */

static bool build_value_info(uint32_t cls, const struct reg_value *v, struct info *i)
{
	size_t nb = 2u * v->name_len, off;

	switch (cls) {
	case KeyValueBasicInformation: /* TitleIndex, Type@4, NameLength@8, Name@12 */
		if (!info_alloc(i, 12 + nb, 12))
			return false;
		put32(i->buf + 4, v->type);
		put32(i->buf + 8, (uint32_t)nb);
		put_bytes(i->buf + 12, v->name, nb);
		return true;
	case KeyValueFullInformation:
	case KeyValueFullInformationAlign64:
		/* TitleIndex, Type@4, DataOffset@8, DataLength@12, NameLength@16,
		 * Name@20, the data after the name, aligned */
		off = 20 + nb;
		off = cls == KeyValueFullInformation ? (off + 3) & ~(size_t)3 : (off + 7) & ~(size_t)7;
		if (!info_alloc(i, off + v->size, 20))
			return false;
		put32(i->buf + 4, v->type);
		put32(i->buf + 8, (uint32_t)off);
		put32(i->buf + 12, v->size);
		put32(i->buf + 16, (uint32_t)nb);
		put_bytes(i->buf + 20, v->name, nb);
		put_bytes(i->buf + off, v->data, v->size);
		return true;
	case KeyValuePartialInformation: /* TitleIndex, Type@4, DataLength@8, Data@12 */
		if (!info_alloc(i, 12 + v->size, 12))
			return false;
		put32(i->buf + 4, v->type);
		put32(i->buf + 8, v->size);
		put_bytes(i->buf + 12, v->data, v->size);
		return true;
	case KeyValuePartialInformationAlign64: /* Type, DataLength@4, Data@8 */
		if (!info_alloc(i, 8 + v->size, 8))
			return false;
		put32(i->buf, v->type);
		put32(i->buf + 4, v->size);
		put_bytes(i->buf + 8, v->data, v->size);
		return true;
	}
	return false;
}

static NTSTATUS value_info_out(struct nt_call *c, uint32_t cls, const struct reg_value *v,
			       uint64_t out, uint32_t room, uint64_t result_len)
{
	struct info i;

	if ((cls == KeyValueFullInformationAlign64 || cls == KeyValuePartialInformationAlign64) &&
	    (out & 7))
		return LSW_STATUS_DATATYPE_MISALIGNMENT;
	if (!build_value_info(cls, v, &i))
		return LSW_STATUS_NO_MEMORY;
	return info_copy_out(c, &i, out, room, result_len);
}

/* NtQueryValueKey(KeyHandle, ValueName, KeyValueInformationClass,
 *                 KeyValueInformation, Length, ResultLength) */
NTSTATUS nt_NtQueryValueKey(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[2];
	struct key_object *k;
	struct reg_value *v;
	uint16_t *name;
	size_t n;
	NTSTATUS st;

	if (cls > KeyValuePartialInformationAlign64)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!c->args[5])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(k = key_from_handle(c, c->args[0], KEY_QUERY_VALUE, &st)))
		return st;
	if (!c->args[1])
		return LSW_STATUS_ACCESS_VIOLATION; /* ValueName is required */
	if ((st = tracee_read_ustring(c->thread, c->args[1], &name, &n)) != LSW_STATUS_SUCCESS)
		return st;
	v = k->container == KEY_IN_HIVE ? reg_value_find(k->key, name, n) : NULL;
	free(name);
	if (!v)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	return value_info_out(c, cls, v, c->args[3], (uint32_t)c->args[4], c->args[5]);
}

/* NtEnumerateValueKey(KeyHandle, Index, KeyValueInformationClass,
 *                     KeyValueInformation, Length, ResultLength) */
NTSTATUS nt_NtEnumerateValueKey(struct nt_call *c)
{
	uint32_t index = (uint32_t)c->args[1], cls = (uint32_t)c->args[2];
	struct key_object *k;
	NTSTATUS st;

	if (cls > KeyValuePartialInformationAlign64)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!c->args[5])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(k = key_from_handle(c, c->args[0], KEY_QUERY_VALUE, &st)))
		return st;
	if (k->container != KEY_IN_HIVE || index >= k->key->nvalues)
		return LSW_STATUS_NO_MORE_ENTRIES;
	return value_info_out(c, cls, &k->key->values[index], c->args[3], (uint32_t)c->args[4],
			      c->args[5]);
}

/* NtSetValueKey(KeyHandle, ValueName, TitleIndex, Type, Data, DataSize) */
NTSTATUS nt_NtSetValueKey(struct nt_call *c)
{
	uint32_t size = (uint32_t)c->args[5];
	struct key_object *k;
	uint16_t *name;
	uint8_t *data = NULL;
	size_t n;
	NTSTATUS st;

	if (!(k = key_from_handle(c, c->args[0], KEY_SET_VALUE, &st)))
		return st;
	if (k->container != KEY_IN_HIVE)
		return LSW_STATUS_ACCESS_DENIED;
	if (!c->args[1])
		return LSW_STATUS_ACCESS_VIOLATION; /* ValueName is required */
	/* never allocate what the hive could not hold anyway */
	if (size > REG_HIVE_BYTES_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (size && !(data = malloc(size)))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (size && tracee_read(c->thread, c->args[4], data, size) < 0) {
		free(data);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	if ((st = tracee_read_ustring(c->thread, c->args[1], &name, &n)) == LSW_STATUS_SUCCESS) {
		/* a link holds its REG_LINK SymbolicLinkValue and nothing else */
		if (k->key->is_link &&
		    (!reg_link_value_name(name, n) || (uint32_t)c->args[3] != REG_LINK))
			st = LSW_STATUS_ACCESS_DENIED;
		else
			st = reg_value_set(k->key, name, n, (uint32_t)c->args[3], data, size);
		free(name);
	}
	free(data);
	return st;
}

/* NtDeleteValueKey(KeyHandle, ValueName) */
NTSTATUS nt_NtDeleteValueKey(struct nt_call *c)
{
	struct key_object *k;
	uint16_t *name;
	size_t n;
	NTSTATUS st;

	if (!(k = key_from_handle(c, c->args[0], KEY_SET_VALUE, &st)))
		return st;
	if (k->container != KEY_IN_HIVE)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (!c->args[1])
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((st = tracee_read_ustring(c->thread, c->args[1], &name, &n)) != LSW_STATUS_SUCCESS)
		return st;
	st = reg_value_delete(k->key, name, n);
	free(name);
	return st;
}
