/*
 * Mutants: NtCreateMutant, NtOpenMutant, NtReleaseMutant, NtQueryMutant.
 *
 * A mutant is free or owned by one thread, which may take it again (each
 * take counts; as many releases free it).  Its signal state, reported as
 * CurrentCount, is 1 when free and 1 - count while owned.  When the owner
 * exits without releasing, the mutant is abandoned: free again, and the
 * next thread to take it is told so (STATUS_ABANDONED_WAIT_0 + index).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/object/object_names.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define MUTANT_ALL_ACCESS 0x1F0001
#define STATUS_MUTANT_NOT_OWNED 0xC0000046u
#define STATUS_MUTANT_LIMIT_EXCEEDED 0xC0000191u

struct mutant {
	struct nt_object hdr;
	struct waitable wait;
	struct object_name name;
	struct mutant *next, *prev;   /* the owner's mutants, for its exit */
	struct lsw_thread *owner;     /* NULL: free */
	int32_t count;                /* takes by the owner */
	bool abandoned;
};

static const struct generic_mapping mutant_mapping = {
	STANDARD_READ | SYNC_QUERY_STATE, STANDARD_READ,
	STANDARD_READ | SYNCHRONIZE_RIGHT, MUTANT_ALL_ACCESS,
};

/* A thread keeps the list of the mutants it owns (NT's KTHREAD does the
 * same), so its exit abandons them without looking at any other. */
static void set_owner(struct mutant *m, struct lsw_thread *t)
{
	if (m->owner == t)
		return;
	if (m->owner) {
		*(m->prev ? &m->prev->next : &m->owner->mutants) = m->next;
		if (m->next)
			m->next->prev = m->prev;
	}
	m->owner = t;
	m->prev = NULL;
	m->next = NULL;
	if (t) {
		if ((m->next = t->mutants))
			m->next->prev = m;
		t->mutants = m;
	}
}

static void mutant_destroy(struct nt_object *obj)
{
	struct mutant *m = (struct mutant *)obj;

	set_owner(m, NULL);
	object_name_remove(&m->name);
	free(m);
}

static void mutant_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct mutant *)obj)->name, buf, len);
}

static bool mutant_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	struct mutant *m = (struct mutant *)obj;

	return !m->owner || (m->owner == t && m->count < INT32_MAX);
}

static bool mutant_acquire(struct nt_object *obj, struct lsw_thread *t)
{
	struct mutant *m = (struct mutant *)obj;
	bool abandoned = m->abandoned;

	set_owner(m, t);
	m->count++;
	m->abandoned = false;
	return abandoned;
}

static const struct waitable_ops mutant_wait_ops = { mutant_signaled, mutant_acquire };

static struct waitable *mutant_waitable(struct nt_object *obj)
{
	return &((struct mutant *)obj)->wait;
}

const struct nt_object_ops mutant_ops = {
	.type_name = "Mutant",
	.destroy = mutant_destroy,
	.describe = mutant_describe,
	.waitable = mutant_waitable,
	.valid_access = MUTANT_ALL_ACCESS,
};

void mutant_thread_exited(struct lsw_thread *t)
{
	struct mutant *m;

	while ((m = t->mutants)) {
		object_ref(&m->hdr); /* the wake may drop the last reference */
		set_owner(m, NULL);
		m->count = 0;
		m->abandoned = true;
		waitable_wake(&m->hdr);
		object_unref(&m->hdr);
	}
}

NTSTATUS mutant_release(struct nt_object *obj, struct lsw_thread *t, int32_t *prev)
{
	struct mutant *m = (struct mutant *)obj;

	if (m->owner != t)
		return STATUS_MUTANT_NOT_OWNED;
	*prev = 1 - m->count;
	if (--m->count == 0) {
		set_owner(m, NULL);
		waitable_wake(obj);
	}
	return LSW_STATUS_SUCCESS;
}

/* NtCreateMutant(MutantHandle, DesiredAccess, ObjectAttributes,
 *                InitialOwner) */
NTSTATUS nt_NtCreateMutant(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &mutant_mapping);
	struct object_name nm;
	struct mutant *m;
	NTSTATUS st;

	if ((st = object_create_begin(c, c->args[2], &mutant_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(m = calloc(1, sizeof(*m)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&m->hdr, &mutant_ops);
	waitable_init(&m->wait, &mutant_wait_ops);
	m->name = nm;
	if ((uint8_t)c->args[3]) {
		set_owner(m, c->thread);
		m->count = 1;
	}
	return object_create_end(c, &m->hdr, &m->name, access, c->args[0]);
}

/* NtOpenMutant(MutantHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenMutant(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &mutant_ops,
				 access_map_generic((uint32_t)c->args[1], &mutant_mapping),
				 c->args[0]);
}

/* NtReleaseMutant(MutantHandle, PreviousCount) */
NTSTATUS nt_NtReleaseMutant(struct nt_call *c)
{
	NTSTATUS st;
	struct nt_object *m = object_from_handle(c, c->args[0], &mutant_ops, 0, &st);
	int32_t prev;

	if (!m)
		return st;
	if ((st = mutant_release(m, c->thread, &prev)) != LSW_STATUS_SUCCESS)
		return st;
	if (c->args[1] && tracee_write(c->thread, c->args[1], &prev, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtQueryMutant(MutantHandle, MutantInformationClass, MutantInformation,
 *               MutantInformationLength, ReturnLength):
 * MutantBasicInformation { LONG CurrentCount; BOOLEAN OwnedByCaller;
 * BOOLEAN AbandonedState; }, MutantOwnerInformation { CLIENT_ID }. */
NTSTATUS nt_NtQueryMutant(struct nt_call *c)
{
	NTSTATUS st;
	struct mutant *m = (struct mutant *)object_from_handle(c, c->args[0], &mutant_ops,
							       SYNC_QUERY_STATE, &st);
	uint8_t info[16] = { 0 };
	uint32_t len;

	if (!m)
		return st;
	if ((uint32_t)c->args[1] == 0) {
		int32_t count = m->owner ? 1 - m->count : 1;

		len = 8;
		memcpy(info, &count, 4);
		info[4] = m->owner == c->thread;
		info[5] = m->abandoned;
	} else if ((uint32_t)c->args[1] == 1) {
		uint64_t cid[2] = { 0, 0 };

		len = 16;
		if (m->owner) {
			cid[0] = m->owner->process->win_pid;
			cid[1] = m->owner->win_tid;
		}
		memcpy(info, cid, 16);
	} else {
		return LSW_STATUS_INVALID_INFO_CLASS;
	}
	if ((uint32_t)c->args[3] != len)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[2], info, len) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &len, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
