/*
 * Performance counters version 2, the provider's side: a provider
 * registers counter sets (templates of counters) and makes instances of
 * them, blocks in its own memory that hold each counter's value or the
 * address of a variable holding it.  An instance block is laid out as
 * Windows lays it out and programs read it: PERF_COUNTERSET_INSTANCE,
 * then 8 bytes per counter in template order, then the instance's name;
 * its size rounded up to 8.  Nothing outside the sandbox collects these
 * counters; the consumer's side (perf_query.c) sees none of them, as a
 * consumer in another session would not.
 */
#include "adv_private.h"
#include <perflib.h>

#define PROVIDER_MAGIC 0x76725070 /* "pPrv" */

struct counter_set {
	struct counter_set *next;
	GUID guid;
	ULONG count;
	PERF_COUNTER_INFO counters[];
};

struct instance {
	struct instance *next;
	struct counter_set *set;
	PERF_COUNTERSET_INSTANCE block; /* what the provider gets; must stay last */
};

/* The handle is a pointer to this (documented: not a kernel object). */
struct provider {
	DWORD magic;
	GUID guid;
	PERF_PROVIDER_CONTEXT context;
	struct counter_set *sets;
	struct instance *instances;
	SRWLOCK lock;
};

static struct provider *provider_of(HANDLE h)
{
	struct provider *p = h;

	return p && p->magic == PROVIDER_MAGIC ? p : NULL;
}

ADVAPI ULONG WINAPI PerfStartProviderEx(LPGUID guid, PPERF_PROVIDER_CONTEXT context, HANDLE *out)
{
	struct provider *p;

	if (!guid || !context || !out || context->ContextSize < sizeof(*context))
		return ERROR_INVALID_PARAMETER;
	if (!(p = adv_alloc(sizeof(*p))))
		return ERROR_OUTOFMEMORY;
	memset(p, 0, sizeof(*p));
	p->magic = PROVIDER_MAGIC;
	p->guid = *guid;
	p->context = *context;
	InitializeSRWLock(&p->lock);
	*out = p;
	return ERROR_SUCCESS;
}

ADVAPI ULONG WINAPI PerfStartProvider(LPGUID guid, PERFLIBREQUEST callback, HANDLE *out)
{
	PERF_PROVIDER_CONTEXT context = { sizeof(context), 0, callback };

	return PerfStartProviderEx(guid, &context, out);
}

ADVAPI ULONG WINAPI PerfStopProvider(HANDLE h)
{
	struct provider *p = provider_of(h);

	if (!p)
		return ERROR_INVALID_HANDLE;
	while (p->instances) {
		struct instance *i = p->instances;

		p->instances = i->next;
		adv_free(i);
	}
	while (p->sets) {
		struct counter_set *s = p->sets;

		p->sets = s->next;
		adv_free(s);
	}
	p->magic = 0;
	adv_free(p);
	return ERROR_SUCCESS;
}

static struct counter_set *find_set(struct provider *p, const GUID *guid)
{
	for (struct counter_set *s = p->sets; s; s = s->next)
		if (IsEqualGUID(&s->guid, guid))
			return s;
	return NULL;
}

/* The template: PERF_COUNTERSET_INFO and NumCounters PERF_COUNTER_INFO. */
ADVAPI ULONG WINAPI PerfSetCounterSetInfo(HANDLE h, PPERF_COUNTERSET_INFO info, ULONG size)
{
	struct provider *p = provider_of(h);
	struct counter_set *s;
	ULONG err = ERROR_SUCCESS;

	if (!p)
		return ERROR_INVALID_HANDLE;
	if (!info || size < sizeof(*info) || !info->NumCounters ||
	    info->NumCounters > (size - sizeof(*info)) / sizeof(PERF_COUNTER_INFO))
		return ERROR_INVALID_PARAMETER;
	AcquireSRWLockExclusive(&p->lock);
	if (find_set(p, &info->CounterSetGuid))
		err = ERROR_ALREADY_EXISTS;
	else if (!(s = adv_alloc(sizeof(*s) + info->NumCounters * sizeof(PERF_COUNTER_INFO))))
		err = ERROR_OUTOFMEMORY;
	else {
		s->guid = info->CounterSetGuid;
		s->count = info->NumCounters;
		memcpy(s->counters, info + 1, info->NumCounters * sizeof(PERF_COUNTER_INFO));
		s->next = p->sets;
		p->sets = s;
	}
	ReleaseSRWLockExclusive(&p->lock);
	return err;
}

/* The instance of provider p whose block this is, or NULL. */
static struct instance *find_instance(struct provider *p, PERF_COUNTERSET_INSTANCE *block)
{
	for (struct instance *i = p->instances; i; i = i->next)
		if (&i->block == block)
			return i;
	return NULL;
}

ADVAPI PPERF_COUNTERSET_INSTANCE WINAPI PerfCreateInstance(HANDLE h, LPCGUID set_guid, LPCWSTR name,
							   ULONG id)
{
	struct provider *p = provider_of(h);
	ULONG name_size, data, total;
	struct counter_set *s;
	struct instance *i = NULL;

	if (!p || !set_guid || !name) {
		SetLastError(p ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE);
		return NULL;
	}
	name_size = (ULONG)(lstrlenW(name) + 1) * sizeof(WCHAR);
	AcquireSRWLockExclusive(&p->lock);
	if (!(s = find_set(p, set_guid))) {
		SetLastError(ERROR_NOT_FOUND);
	} else {
		data = s->count * sizeof(ULONGLONG);
		total = (sizeof(PERF_COUNTERSET_INSTANCE) + data + name_size + 7) & ~7u;
		if (!(i = adv_alloc(offsetof(struct instance, block) + total))) {
			SetLastError(ERROR_OUTOFMEMORY);
		} else {
			memset(&i->block, 0, total);
			i->set = s;
			i->block.CounterSetGuid = *set_guid;
			i->block.dwSize = total;
			i->block.InstanceId = id;
			i->block.InstanceNameOffset = sizeof(PERF_COUNTERSET_INSTANCE) + data;
			i->block.InstanceNameSize = name_size;
			memcpy((BYTE *)&i->block + i->block.InstanceNameOffset, name, name_size);
			i->next = p->instances;
			p->instances = i;
		}
	}
	ReleaseSRWLockExclusive(&p->lock);
	return i ? &i->block : NULL;
}

ADVAPI ULONG WINAPI PerfDeleteInstance(HANDLE h, PPERF_COUNTERSET_INSTANCE block)
{
	struct provider *p = provider_of(h);
	ULONG err = ERROR_NOT_FOUND;

	if (!p)
		return ERROR_INVALID_HANDLE;
	AcquireSRWLockExclusive(&p->lock);
	for (struct instance **at = &p->instances; *at; at = &(*at)->next)
		if (&(*at)->block == block) {
			struct instance *i = *at;

			*at = i->next;
			adv_free(i);
			err = ERROR_SUCCESS;
			break;
		}
	ReleaseSRWLockExclusive(&p->lock);
	return err;
}

ADVAPI PPERF_COUNTERSET_INSTANCE WINAPI PerfQueryInstance(HANDLE h, LPCGUID set_guid, LPCWSTR name,
							  ULONG id)
{
	struct provider *p = provider_of(h);
	PERF_COUNTERSET_INSTANCE *found = NULL;

	if (!p || !set_guid || !name) {
		SetLastError(p ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE);
		return NULL;
	}
	AcquireSRWLockShared(&p->lock);
	for (struct instance *i = p->instances; i && !found; i = i->next)
		if (IsEqualGUID(&i->block.CounterSetGuid, set_guid) && i->block.InstanceId == id &&
		    !lstrcmpiW((WCHAR *)((BYTE *)&i->block + i->block.InstanceNameOffset), name))
			found = &i->block;
	ReleaseSRWLockShared(&p->lock);
	if (!found)
		SetLastError(ERROR_NOT_FOUND);
	return found;
}

/* The 8-byte slot of counter id in an instance of p, or NULL. */
static ULONGLONG *counter_slot(struct provider *p, PERF_COUNTERSET_INSTANCE *block, ULONG id)
{
	struct instance *i = find_instance(p, block);

	if (!i)
		return NULL;
	for (ULONG n = 0; n < i->set->count; n++)
		if (i->set->counters[n].CounterId == id)
			return (ULONGLONG *)(&i->block + 1) + n;
	return NULL;
}

enum counter_op { OP_REF, OP_SET32, OP_SET64, OP_ADD32, OP_ADD64, OP_SUB32, OP_SUB64 };

static ULONG counter_op(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id, enum counter_op op,
			ULONGLONG value, void *ref)
{
	struct provider *p = provider_of(h);
	ULONGLONG *slot;
	ULONG *low;

	if (!p)
		return ERROR_INVALID_HANDLE;
	if (!block)
		return ERROR_INVALID_PARAMETER;
	AcquireSRWLockExclusive(&p->lock);
	slot = counter_slot(p, block, id);
	if (slot) {
		low = (ULONG *)slot;
		switch (op) {
		case OP_REF: *(void **)slot = ref; break;
		case OP_SET32: *low = (ULONG)value; break;
		case OP_SET64: *slot = value; break;
		case OP_ADD32: *low += (ULONG)value; break;
		case OP_ADD64: *slot += value; break;
		case OP_SUB32: *low -= (ULONG)value; break;
		case OP_SUB64: *slot -= value; break;
		}
	}
	ReleaseSRWLockExclusive(&p->lock);
	return slot ? ERROR_SUCCESS : ERROR_NOT_FOUND;
}

ADVAPI ULONG WINAPI PerfSetCounterRefValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id, PVOID addr)
{
	return counter_op(h, block, id, OP_REF, 0, addr);
}

ADVAPI ULONG WINAPI PerfSetULongCounterValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id, ULONG v)
{
	return counter_op(h, block, id, OP_SET32, v, NULL);
}

ADVAPI ULONG WINAPI PerfSetULongLongCounterValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id,
						 ULONGLONG v)
{
	return counter_op(h, block, id, OP_SET64, v, NULL);
}

ADVAPI ULONG WINAPI PerfIncrementULongCounterValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id,
						   ULONG v)
{
	return counter_op(h, block, id, OP_ADD32, v, NULL);
}

ADVAPI ULONG WINAPI PerfIncrementULongLongCounterValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id,
						       ULONGLONG v)
{
	return counter_op(h, block, id, OP_ADD64, v, NULL);
}

ADVAPI ULONG WINAPI PerfDecrementULongCounterValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id,
						   ULONG v)
{
	return counter_op(h, block, id, OP_SUB32, v, NULL);
}

ADVAPI ULONG WINAPI PerfDecrementULongLongCounterValue(HANDLE h, PPERF_COUNTERSET_INSTANCE block, ULONG id,
						       ULONGLONG v)
{
	return counter_op(h, block, id, OP_SUB64, v, NULL);
}
