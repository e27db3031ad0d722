/*
 * What every pool object shares: creation from a callback environment,
 * waiting for its callbacks, release and freeing, and cleanup groups
 * (TpAllocCleanupGroup, TpReleaseCleanupGroupMembers...).
 */
#include "tp_private.h"

ULONGLONG tp_now(void)
{
	ULONGLONG t;

	RtlQueryUnbiasedInterruptTime(&t);
	return t;
}

/* An NT time (negative: relative, 100 ns) as an interrupt-time deadline. */
ULONGLONG tp_deadline(const LARGE_INTEGER *when)
{
	ULONGLONG now = tp_now();
	LARGE_INTEGER sys;

	if (when->QuadPart <= 0)
		return now + (ULONGLONG)-when->QuadPart;
	NtQuerySystemTime(&sys);
	return when->QuadPart > sys.QuadPart ? now + (ULONGLONG)(when->QuadPart - sys.QuadPart) : now;
}

/* Version 1 and 3 environments; 3 adds a priority (and its size). */
static NTSTATUS read_env(const TP_CALLBACK_ENVIRON *env, struct tp_object *obj)
{
	const TP_CALLBACK_ENVIRON_V3 *v3 = (const TP_CALLBACK_ENVIRON_V3 *)env;

	obj->priority = 1; /* TP_CALLBACK_PRIORITY_NORMAL */
	if (!env)
		return STATUS_SUCCESS;
	if (env->Version != 1 && env->Version != 3)
		return STATUS_INVALID_PARAMETER;
	if (env->Version == 3) {
		if ((unsigned)v3->CallbackPriority >= TP_PRIORITIES)
			return STATUS_INVALID_PARAMETER;
		obj->priority = v3->CallbackPriority;
	}
	obj->pool = (struct tp_pool *)env->Pool;
	obj->group = (struct tp_group *)env->CleanupGroup;
	obj->group_cancel = env->CleanupGroupCancelCallback;
	obj->finalize = env->FinalizationCallback;
	obj->race_dll = env->RaceDll;
	obj->may_run_long = env->u.s.LongFunction;
	return STATUS_SUCCESS;
}

NTSTATUS tp_object_new(enum tp_kind kind, void *callback, void *userdata,
		       const TP_CALLBACK_ENVIRON *env, struct tp_object **out)
{
	struct tp_object *obj;
	NTSTATUS st;

	if (!callback)
		return STATUS_INVALID_PARAMETER;
	if (!(obj = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*obj))))
		return STATUS_NO_MEMORY;
	if ((st = read_env(env, obj)) < 0 || (!obj->pool && (st = tp_default_pool(&obj->pool)) < 0)) {
		RtlFreeHeap(lsw_process_heap(), 0, obj);
		return st;
	}
	obj->kind = kind;
	obj->callback = callback;
	obj->userdata = userdata;
	RtlInitializeConditionVariable(&obj->idle);
	tp_lock();
	obj->pool->refs++;
	if (obj->group)
		rtl_list_append(&obj->group->members, &obj->group_entry);
	tp_unlock();
	*out = obj;
	return STATUS_SUCCESS;
}

void tp_object_disarm_locked(struct tp_object *obj)
{
	if (obj->kind == TP_KIND_TIMER)
		tp_timer_disarm_locked(obj);
	else if (obj->kind == TP_KIND_WAIT)
		tp_wait_disarm_locked(obj);
}

void tp_object_maybe_free_locked(struct tp_object *obj)
{
	if (!obj->released || obj->pending || obj->running || obj->active || obj->holds)
		return;
	if (obj->kind == TP_KIND_IO && obj->u.io.outstanding)
		return; /* an operation started on it will still complete */
	if (obj->group) {
		rtl_list_remove(&obj->group_entry);
		obj->group = NULL;
	}
	if (obj->kind == TP_KIND_TIMER && obj->u.timer.queue)
		tp_timer_queue_object_gone_locked(obj);
	if (obj->kind == TP_KIND_IO)
		tp_io_gone_locked(obj);
	if (obj->notify)
		NtSetEvent(obj->notify, NULL);
	tp_pool_unref_locked(obj->pool);
	RtlFreeHeap(lsw_process_heap(), 0, obj);
}

/* Under the lock: until no callback of obj is pending or running; with
 * cancel, the pending ones are dropped first. */
void tp_object_wait_locked(struct tp_object *obj, BOOL cancel)
{
	if (cancel)
		tp_cancel_pending_locked(obj);
	while (obj->pending || obj->running ||
	       (obj->kind == TP_KIND_IO && obj->u.io.expected))
		RtlSleepConditionVariableCS(&obj->idle, tp_lock_cs(), NULL);
}

/* Under the lock: as tp_object_wait_locked, and until the callbacks that
 * left their object early have returned too (what a cleanup group waits
 * for). */
void tp_object_wait_done_locked(struct tp_object *obj)
{
	tp_object_wait_locked(obj, FALSE);
	while (obj->active)
		RtlSleepConditionVariableCS(&obj->idle, tp_lock_cs(), NULL);
}

/* The owner's release: no new callbacks; the object goes after the ones
 * pending and running. */
void tp_object_release(struct tp_object *obj)
{
	if (!obj)
		return;
	tp_lock();
	if (!obj->released) {
		obj->released = TRUE;
		tp_object_disarm_locked(obj);
		if (obj->group) {
			rtl_list_remove(&obj->group_entry);
			obj->group = NULL;
		}
		tp_object_maybe_free_locked(obj);
	}
	tp_unlock();
}

RTLAPI NTSTATUS NTAPI TpAllocCleanupGroup(TP_CLEANUP_GROUP **out)
{
	struct tp_group *g;

	if (!out)
		return STATUS_ACCESS_VIOLATION;
	if (!(g = RtlAllocateHeap(lsw_process_heap(), 0, sizeof(*g))))
		return STATUS_NO_MEMORY;
	tp_list_init(&g->members);
	*out = (TP_CLEANUP_GROUP *)g;
	return STATUS_SUCCESS;
}

/* Under the lock: with cancel, a member's pending callbacks are dropped
 * before any member is waited for. */
static void cancel_member_locked(struct tp_object *obj)
{
	obj->group_cancelled = obj->pending > 0;
	tp_object_disarm_locked(obj);
	tp_cancel_pending_locked(obj);
}

/* One member taken out of its group by TpReleaseCleanupGroupMembers.  The
 * cancel callback runs for the members the group cancels: every object
 * its owner has not released meanwhile, and the simple callbacks that
 * never ran. */
static void release_member(struct tp_object *obj, BOOL cancel, void *userdata)
{
	BOOL call;

	tp_lock();
	tp_object_wait_done_locked(obj);
	call = cancel && obj->group_cancel &&
	       (obj->kind == TP_KIND_SIMPLE ? obj->group_cancelled : !obj->released);
	tp_unlock();
	if (call)
		obj->group_cancel(obj->userdata, userdata);
	tp_lock();
	obj->holds--;
	obj->released = TRUE;
	tp_object_disarm_locked(obj);
	tp_object_maybe_free_locked(obj);
	tp_unlock();
}

/* Releases every member; with cancel, their pending callbacks are dropped
 * and each member's cancel callback runs (on this thread). */
RTLAPI VOID NTAPI TpReleaseCleanupGroupMembers(TP_CLEANUP_GROUP *group, BOOL cancel, PVOID userdata)
{
	struct tp_group *g = (struct tp_group *)group;
	LIST_ENTRY taken, *e;

	if (!g)
		return;
	tp_list_init(&taken);
	tp_lock();
	while ((e = g->members.Flink) != &g->members) {
		struct tp_object *obj = CONTAINING_RECORD(e, struct tp_object, group_entry);

		rtl_list_remove(e);
		obj->group = NULL;
		obj->holds++;
		if (cancel)
			cancel_member_locked(obj);
		rtl_list_append(&taken, e);
	}
	tp_unlock();
	while ((e = taken.Flink) != &taken) {
		rtl_list_remove(e);
		release_member(CONTAINING_RECORD(e, struct tp_object, group_entry), cancel, userdata);
	}
}

RTLAPI VOID NTAPI TpReleaseCleanupGroup(TP_CLEANUP_GROUP *group)
{
	if (group)
		RtlFreeHeap(lsw_process_heap(), 0, group);
}

/* RtlDeregisterWaitEx / RtlDeleteTimer: disarm, drop the pending
 * callbacks and release.  event INVALID_HANDLE_VALUE waits for a running
 * callback; NULL returns STATUS_PENDING while one runs; an event is set
 * once none does (then, or when the last one ends: STATUS_PENDING).
 * With own_ok, a callback deregistering its own object (a wait, on
 * Windows) does not count as running. */
NTSTATUS tp_rtl_delete(struct tp_object *obj, HANDLE event, BOOL own_ok)
{
	NTSTATUS st = STATUS_SUCCESS;
	LONG here;

	if (!obj)
		return STATUS_INVALID_PARAMETER;
	tp_lock();
	tp_object_disarm_locked(obj);
	tp_cancel_pending_locked(obj);
	here = own_ok ? tp_running_here_locked(obj) : 0;
	if (event == INVALID_HANDLE_VALUE) {
		while (obj->running > here)
			RtlSleepConditionVariableCS(&obj->idle, tp_lock_cs(), NULL);
	} else {
		if (obj->running > here) {
			st = STATUS_PENDING;
			obj->notify = event;
		} else if (obj->running) {
			obj->notify = event; /* set once its own callback returns */
		} else if (event) {
			NtSetEvent(event, NULL);
		}
	}
	obj->released = TRUE;
	tp_object_maybe_free_locked(obj);
	tp_unlock();
	return st;
}
