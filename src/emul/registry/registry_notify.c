/*
 * NtNotifyChangeKey: a one-shot watch on a key (and, with WatchTree, its
 * subtree) for the kinds of change CompletionFilter names.  Asynchronous:
 * STATUS_PENDING now; at the change the IO_STATUS_BLOCK is written and the
 * event set (and the APC routine, if any, queued to the caller).
 * Synchronous: the call itself waits (a deferred answer).
 * Closing the key handle ends its watches the same way, with
 * STATUS_NOTIFY_CLEANUP, as RegNotifyChangeKeyValue documents ("if the
 * key is closed, the event is signaled").
 */
#include <stdlib.h>
#include "emul/sync/apc.h"
#include "emul/sync/event.h"
#include "emul/registry/registry.h"

#define REG_NOTIFY_ALL 0xFu
#define REG_NOTIFY_THREAD_AGNOSTIC 0x10000000u
#define WATCHES_MAX 4096 /* what one host keeps at once */

struct key_watch {
	struct key_watch *next;
	struct key_object *owner;   /* the handle's object (not referenced: it
				     * ends the watch when destroyed) */
	struct reg_key *key;        /* referenced */
	uint32_t filter;
	bool subtree;
	struct nt_object *event;    /* referenced, or NULL */
	struct lsw_thread *waiter;  /* synchronous: the thread to answer */
	struct lsw_thread *thread;  /* whose memory holds the IO_STATUS_BLOCK */
	uint64_t iosb;
	uint64_t apc_routine, apc_context; /* an APC completion, or 0 */
};

static void finish(struct host_registry *r, struct key_watch *w, NTSTATUS status)
{
	bool gone = w->thread->process->terminated; /* nothing to tell any more */

	if (w->iosb && !gone)
		tracee_write_iosb(w->thread, w->iosb, status, 0);
	if (w->event) {
		if (!gone)
			event_signal(w->event);
		object_unref(w->event);
	}
	if (w->waiter && !gone)
		nt_answer(w->waiter, status);
	/* PIO_APC_ROUTINE(ApcContext, IoStatusBlock, Reserved), at the
	 * thread's next alertable wait */
	if (w->apc_routine && !gone)
		apc_queue(w->thread, w->apc_routine, w->apc_context, w->iosb, 0);
	reg_key_unref(w->key);
	free(w);
	r->nwatches--;
}

/* Ends the watches for which match() holds, with status. */
static void finish_matching(struct host_registry *r,
			    bool (*match)(const struct key_watch *w, const void *arg),
			    const void *arg, NTSTATUS status)
{
	struct key_watch **p = &r->watches;

	while (*p) {
		struct key_watch *w = *p;

		if (match(w, arg)) {
			*p = w->next;
			finish(r, w, status);
		} else {
			p = &w->next;
		}
	}
}

static bool is_watch(const struct key_watch *w, const void *arg)
{
	return w == arg;
}

/* A synchronous watch whose thread ended or was answered otherwise
 * (nt_cancel): it goes, unanswered. */
static void drop_waiter(struct lsw_thread *t, void *arg)
{
	struct key_watch *w = arg;

	w->waiter = NULL;
	w->iosb = w->apc_routine = 0; /* on the stack of a call that is over */
	finish_matching(&t->process->host->registry, is_watch, w, LSW_STATUS_NOTIFY_CLEANUP);
}

/* Unless REG_NOTIFY_THREAD_AGNOSTIC, a watch lives as long as the thread
 * that asked for it: when the thread ends, its event is signalled
 * (RegNotifyChangeKeyValue's documentation).  The IO_STATUS_BLOCK says
 * STATUS_NOTIFY_CLEANUP, as for a closed key. */
static bool bound_to(const struct key_watch *w, const void *arg)
{
	return w->thread == arg && !(w->filter & REG_NOTIFY_THREAD_AGNOSTIC);
}

void registry_notify_thread_exited(struct lsw_thread *t)
{
	finish_matching(&t->process->host->registry, bound_to, t, LSW_STATUS_NOTIFY_CLEANUP);
}

static bool beneath(const struct reg_key *k, const struct reg_key *top)
{
	for (; k; k = k->parent)
		if (k == top)
			return true;
	return false;
}

struct change {
	const struct reg_key *key;
	uint32_t what;
};

static bool sees(const struct key_watch *w, const void *arg)
{
	const struct change *ch = arg;

	return (w->filter & ch->what) &&
	       (w->key == ch->key || (w->subtree && beneath(ch->key, w->key)));
}

void registry_key_changed(void *host, struct reg_key *key, uint32_t what)
{
	struct host_registry *r = &((struct lsw_host *)host)->registry;
	struct change ch = { key, what };

	if (r->watches)
		finish_matching(r, sees, &ch, LSW_STATUS_SUCCESS);
}

static bool owned_by(const struct key_watch *w, const void *arg)
{
	return w->owner == arg;
}

void registry_notify_cleanup(struct key_object *owner)
{
	finish_matching(&owner->owner->host->registry, owned_by, owner, LSW_STATUS_NOTIFY_CLEANUP);
}

/* The arguments NtNotifyChangeKey and NtNotifyChangeMultipleKeys share. */
struct notify_args {
	uint64_t key, event, apc_routine, apc_context, iosb;
	uint32_t filter;
	bool subtree, asynchronous;
};

static NTSTATUS notify(struct nt_call *c, const struct notify_args *a)
{
	struct host_registry *r = &c->thread->process->host->registry;
	bool asynchronous = a->asynchronous;
	uint32_t filter = a->filter;
	struct key_object *k;
	struct key_watch *w;
	NTSTATUS st;

	if (!(k = key_from_handle(c, a->key, KEY_NOTIFY, &st)))
		return st;
	if (filter & ~(REG_NOTIFY_ALL | REG_NOTIFY_THREAD_AGNOSTIC))
		return LSW_STATUS_INVALID_PARAMETER;
	if (k->container != KEY_IN_HIVE)
		return LSW_STATUS_NOT_IMPLEMENTED; /* \Registry and \Registry\User never change */
	if (!a->iosb)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!k->notify_set) { /* a filter of 0 watches nothing, for good */
		k->notify_set = true;
		k->notify_filter = filter & REG_NOTIFY_ALL;
		k->notify_subtree = a->subtree;
	}
	if (r->nwatches >= WATCHES_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!(w = calloc(1, sizeof(*w))))
		return LSW_STATUS_NO_MEMORY;
	if (a->event && !(w->event = event_from_handle(c, a->event, &st))) {
		free(w);
		return st;
	}
	if (w->event)
		event_reset(w->event); /* as an I/O call does when it starts */
	w->owner = k;
	w->key = reg_key_ref(k->key);
	/* what changes: the handle's; how long it lives: this call's */
	w->filter = (k->notify_filter & REG_NOTIFY_ALL) | (filter & REG_NOTIFY_THREAD_AGNOSTIC);
	w->subtree = k->notify_subtree;
	w->thread = c->thread;
	w->iosb = a->iosb;
	w->waiter = asynchronous ? NULL : c->thread;
	w->apc_routine = a->apc_routine;
	w->apc_context = a->apc_context;
	w->next = r->watches;
	r->watches = w;
	r->nwatches++;
	if (asynchronous) {
		if (tracee_write_iosb(c->thread, a->iosb, LSW_STATUS_PENDING, 0) !=
		    LSW_STATUS_SUCCESS) {
			r->watches = w->next;
			w->iosb = 0;
			w->waiter = NULL;
			if (w->event) {
				object_unref(w->event);
				w->event = NULL;
			}
			finish(r, w, LSW_STATUS_SUCCESS);
			return LSW_STATUS_ACCESS_VIOLATION;
		}
		return LSW_STATUS_PENDING;
	}
	nt_defer(c, drop_waiter, w);
	return NT_DEFERRED;
}

/* NtNotifyChangeKey(KeyHandle, Event, ApcRoutine, ApcContext, IoStatusBlock,
 *                   CompletionFilter, WatchTree, Buffer, BufferSize,
 *                   Asynchronous) */
NTSTATUS nt_NtNotifyChangeKey(struct nt_call *c)
{
	struct notify_args a = { c->args[0], c->args[1], c->args[2], c->args[3], c->args[4],
				 (uint32_t)c->args[5], (uint8_t)c->args[6], (uint8_t)c->args[9] };

	return notify(c, &a);
}

/* NtNotifyChangeMultipleKeys(MasterKeyHandle, Count, SubordinateObjects,
 *                            Event, ApcRoutine, ApcContext, IoStatusBlock,
 *                            CompletionFilter, WatchTree, Buffer,
 *                            BufferSize, Asynchronous): without
 * subordinate keys, NtNotifyChangeKey on the master key.  Windows takes at
 * most one subordinate key (a hive of another view); there are none here. */
NTSTATUS nt_NtNotifyChangeMultipleKeys(struct nt_call *c)
{
	struct notify_args a = { c->args[0], c->args[3], c->args[4], c->args[5], c->args[6],
				 (uint32_t)c->args[7], (uint8_t)c->args[8], (uint8_t)c->args[11] };

	if ((uint32_t)c->args[1] > 1)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[1])
		return LSW_STATUS_NOT_IMPLEMENTED;
	return notify(c, &a);
}
