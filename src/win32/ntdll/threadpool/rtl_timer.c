/*
 * Timer queues (RtlCreateTimerQueue, RtlCreateTimer, RtlUpdateTimer,
 * RtlDeleteTimer, RtlDeleteTimerQueueEx): each timer is a pool timer
 * object with the Rtl callback; the queue lists them so deleting it can
 * delete them all.  A NULL queue is the process's default queue.
 */
#include "tp_private.h"

#define QUEUE_MAGIC 0x51726d54u /* "TmrQ" */

struct tp_timer_queue {
	ULONG magic;
	LIST_ENTRY timers;
	LONG count;       /* timers not yet gone */
	BOOL deleting;
	HANDLE notify;    /* RtlDeleteTimerQueueEx's event, set when the last goes */
};

static struct tp_timer_queue default_queue = {
	QUEUE_MAGIC, { &default_queue.timers, &default_queue.timers }, 0, FALSE, NULL
};

static struct tp_timer_queue *get_queue(HANDLE h)
{
	struct tp_timer_queue *q = h ? (struct tp_timer_queue *)h : &default_queue;

	return q->magic == QUEUE_MAGIC && !q->deleting ? q : NULL;
}

static void free_queue(struct tp_timer_queue *q)
{
	if (q->notify && q->notify != INVALID_HANDLE_VALUE)
		NtSetEvent(q->notify, NULL);
	q->magic = 0;
	RtlFreeHeap(lsw_process_heap(), 0, q);
}

/* Under the lock, from the object's freeing: off its queue. */
void tp_timer_queue_object_gone_locked(struct tp_object *obj)
{
	struct tp_timer_queue *q = obj->u.timer.queue;

	rtl_list_remove(&obj->u.timer.queue_entry);
	obj->u.timer.queue = NULL;
	if (--q->count == 0 && q->deleting)
		free_queue(q);
}

RTLAPI NTSTATUS NTAPI RtlCreateTimerQueue(PHANDLE out)
{
	struct tp_timer_queue *q;

	if (!out)
		return STATUS_INVALID_PARAMETER;
	if (!(q = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*q))))
		return STATUS_NO_MEMORY;
	q->magic = QUEUE_MAGIC;
	tp_list_init(&q->timers);
	*out = q;
	return STATUS_SUCCESS;
}

/* Under the lock: due and period in milliseconds; due 0 fires at once. */
static void set_ms_locked(struct tp_object *obj, DWORD due, DWORD period)
{
	LARGE_INTEGER when = { .QuadPart = -(LONGLONG)due * 10000 };

	tp_timer_set_locked(obj, &when, (LONG)period, 0);
}

RTLAPI NTSTATUS NTAPI RtlCreateTimer(HANDLE queue, PHANDLE out, WAITORTIMERCALLBACK callback,
				     PVOID param, DWORD due, DWORD period, ULONG flags)
{
	TP_CALLBACK_ENVIRON env = { .Version = 1 };
	struct tp_timer_queue *q;
	struct tp_object *obj;
	NTSTATUS st;

	if (!out)
		return STATUS_INVALID_PARAMETER;
	env.u.s.LongFunction = !!(flags & WT_EXECUTELONGFUNCTION);
	if ((st = tp_object_new(TP_KIND_TIMER, (void *)callback, param, &env, &obj)) < 0)
		return st;
	tp_lock();
	if (!(q = get_queue(queue))) {
		obj->released = TRUE;
		tp_object_maybe_free_locked(obj);
		tp_unlock();
		return STATUS_INVALID_HANDLE;
	}
	obj->rtl = TRUE;
	obj->u.timer.in_timer_thread = !!(flags & WT_EXECUTEINTIMERTHREAD);
	obj->u.timer.queue = q;
	rtl_list_append(&q->timers, &obj->u.timer.queue_entry);
	q->count++;
	set_ms_locked(obj, due, flags & WT_EXECUTEONLYONCE ? 0 : period);
	*out = obj;
	tp_unlock();
	return STATUS_SUCCESS;
}

/* A one-shot timer that already fired stays as it is (documented for
 * ChangeTimerQueueTimer). */
RTLAPI NTSTATUS NTAPI RtlUpdateTimer(HANDLE queue, HANDLE timer, DWORD due, DWORD period)
{
	struct tp_object *obj = timer;

	if (!obj)
		return STATUS_INVALID_PARAMETER;
	tp_lock();
	if (!obj->released && (obj->u.timer.armed || obj->u.timer.period))
		set_ms_locked(obj, due, period);
	tp_unlock();
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlDeleteTimer(HANDLE queue, HANDLE timer, HANDLE event)
{
	return tp_rtl_delete(timer, event, FALSE);
}

/* Deletes every timer of the queue, then the queue; the event as for
 * RtlDeleteTimer, for all of them. */
RTLAPI NTSTATUS NTAPI RtlDeleteTimerQueueEx(HANDLE queue, HANDLE event)
{
	struct tp_timer_queue *q;
	LIST_ENTRY *e;
	NTSTATUS st = STATUS_SUCCESS;

	tp_lock();
	if (!queue || !(q = get_queue(queue))) {
		tp_unlock();
		return STATUS_INVALID_HANDLE;
	}
	q->deleting = TRUE;
	q->count++; /* held while its timers go */
	for (e = q->timers.Flink; e != &q->timers; e = e->Flink) /* none goes while held */
		CONTAINING_RECORD(e, struct tp_object, u.timer.queue_entry)->holds++;
	for (e = q->timers.Flink; e != &q->timers; e = e->Flink) {
		struct tp_object *obj = CONTAINING_RECORD(e, struct tp_object, u.timer.queue_entry);

		tp_object_disarm_locked(obj);
		if (event == INVALID_HANDLE_VALUE)
			tp_object_wait_locked(obj, TRUE);
		else
			tp_cancel_pending_locked(obj);
	}
	while ((e = q->timers.Flink) != &q->timers) {
		struct tp_object *obj = CONTAINING_RECORD(e, struct tp_object, u.timer.queue_entry);

		/* off the list now; a callback still running frees it later */
		rtl_list_remove(e);
		tp_list_init(e);
		obj->holds--;
		obj->released = TRUE;
		tp_object_maybe_free_locked(obj);
	}
	q->notify = event;
	if (q->count > 1)
		st = STATUS_PENDING;
	if (--q->count == 0)
		free_queue(q);
	tp_unlock();
	return st;
}

RTLAPI NTSTATUS NTAPI RtlDeleteTimerQueue(HANDLE queue)
{
	return RtlDeleteTimerQueueEx(queue, NULL);
}
