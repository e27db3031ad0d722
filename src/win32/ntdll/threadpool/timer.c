/*
 * Timer objects (TpAllocTimer, TpSetTimer(Ex)...).  One timer thread per
 * process keeps the armed timers by due time and queues each callback
 * when its time comes (or runs it itself for WT_EXECUTEINTIMERTHREAD
 * timer-queue timers); a periodic timer is re-armed a period later.
 * Firing happens at the due time, which every window length allows.
 */
#include "tp_private.h"

static LIST_ENTRY armed_timers = { &armed_timers, &armed_timers };
static HANDLE timer_changed; /* auto-reset: a new first timer */
static BOOL timer_thread_running;

static DWORD WINAPI timer_main(void *unused);

/* Under the lock: a timer thread exists (started on first use). */
static BOOL timer_thread_locked(void)
{
	OBJECT_ATTRIBUTES oa;
	HANDLE thread;

	if (timer_thread_running)
		return TRUE;
	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	if (!timer_changed && NtCreateEvent(&timer_changed, EVENT_ALL_ACCESS, &oa, TP_SYNCHRONIZATION_EVENT,
					    FALSE) < 0)
		return FALSE;
	if (NtCreateThreadEx(&thread, THREAD_ALL_ACCESS, &oa, (HANDLE)-1, (PVOID)timer_main, NULL, 0,
			     0, 0, 0, NULL) < 0)
		return FALSE;
	NtClose(thread);
	timer_thread_running = TRUE;
	return TRUE;
}

static void arm_locked(struct tp_object *obj)
{
	LIST_ENTRY *e = armed_timers.Flink;

	while (e != &armed_timers &&
	       CONTAINING_RECORD(e, struct tp_object, u.timer.entry)->u.timer.due <= obj->u.timer.due)
		e = e->Flink;
	/* insert before e */
	obj->u.timer.entry.Flink = e;
	obj->u.timer.entry.Blink = e->Blink;
	e->Blink->Flink = &obj->u.timer.entry;
	e->Blink = &obj->u.timer.entry;
	obj->u.timer.armed = TRUE;
	if (armed_timers.Flink == &obj->u.timer.entry && timer_thread_locked())
		NtSetEvent(timer_changed, NULL);
}

void tp_timer_disarm_locked(struct tp_object *obj)
{
	if (obj->u.timer.armed)
		rtl_list_remove(&obj->u.timer.entry);
	obj->u.timer.armed = FALSE;
}

/* Under the lock: the callback's turn, on a worker or right here. */
static void fire_locked(struct tp_object *obj)
{
	if (!obj->u.timer.in_timer_thread) {
		tp_submit_locked(obj, 1);
		return;
	}
	obj->running++;
	obj->active++;
	tp_unlock();
	tp_run_one(obj, &(struct tp_run_args){ 0 });
	tp_lock();
}

/* Under the lock: due NULL unsets the timer, 0 fires it at once. */
void tp_timer_set_locked(struct tp_object *obj, const LARGE_INTEGER *due, LONG period, LONG window)
{
	tp_timer_disarm_locked(obj);
	obj->u.timer.set = due != NULL;
	obj->u.timer.period = period > 0 ? (DWORD)period : 0;
	obj->u.timer.window = window > 0 ? (DWORD)window : 0;
	if (!due)
		return;
	obj->u.timer.due = tp_deadline(due);
	arm_locked(obj);
}

static DWORD WINAPI timer_main(void *unused)
{
	LARGE_INTEGER timeout;

	tp_lock();
	for (;;) {
		ULONGLONG now = tp_now();
		PLARGE_INTEGER wait = NULL;
		struct tp_object *obj;

		if (armed_timers.Flink != &armed_timers) {
			obj = CONTAINING_RECORD(armed_timers.Flink, struct tp_object, u.timer.entry);
			if (obj->u.timer.due <= now) {
				tp_timer_disarm_locked(obj);
				if (obj->u.timer.period) {
					obj->u.timer.due += obj->u.timer.period * 10000ULL;
					if (obj->u.timer.due <= now)
						obj->u.timer.due = now + obj->u.timer.period * 10000ULL;
					arm_locked(obj);
				}
				fire_locked(obj);
				continue;
			}
			timeout.QuadPart = -(LONGLONG)(obj->u.timer.due - now);
			wait = &timeout;
		}
		tp_unlock();
		NtWaitForSingleObject(timer_changed, FALSE, wait);
		tp_lock();
	}
	return 0;
}

RTLAPI NTSTATUS NTAPI TpAllocTimer(TP_TIMER **out, PTP_TIMER_CALLBACK callback, PVOID userdata,
				   TP_CALLBACK_ENVIRON *env)
{
	struct tp_object *obj;
	NTSTATUS st;

	if (!out)
		return STATUS_ACCESS_VIOLATION;
	if ((st = tp_object_new(TP_KIND_TIMER, (void *)callback, userdata, env, &obj)) >= 0)
		*out = (TP_TIMER *)obj;
	return st;
}

/* TRUE when the timer had a due time before this call. */
RTLAPI BOOL NTAPI TpSetTimerEx(TP_TIMER *timer, LARGE_INTEGER *due, LONG period, LONG window)
{
	struct tp_object *obj = (struct tp_object *)timer;
	BOOL was_set;

	if (!obj)
		return FALSE;
	tp_lock();
	was_set = obj->u.timer.set;
	if (!obj->released)
		tp_timer_set_locked(obj, due, period, window);
	tp_unlock();
	return was_set;
}

RTLAPI VOID NTAPI TpSetTimer(TP_TIMER *timer, LARGE_INTEGER *due, LONG period, LONG window)
{
	TpSetTimerEx(timer, due, period, window);
}

RTLAPI BOOL NTAPI TpIsTimerSet(TP_TIMER *timer)
{
	struct tp_object *obj = (struct tp_object *)timer;

	return obj && obj->u.timer.set;
}

RTLAPI VOID NTAPI TpWaitForTimer(TP_TIMER *timer, BOOL cancel)
{
	struct tp_object *obj = (struct tp_object *)timer;

	if (!obj)
		return;
	tp_lock();
	tp_object_wait_locked(obj, cancel);
	tp_unlock();
}

RTLAPI VOID NTAPI TpReleaseTimer(TP_TIMER *timer)
{
	tp_object_release((struct tp_object *)timer);
}
