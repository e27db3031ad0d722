/*
 * Timer queues (CreateTimerQueue, CreateTimerQueueTimer...): each timer
 * is a thread that waits for its due time and calls the callback
 * (TimerOrWaitFired = TRUE), then again every period; one-shot timers
 * (period 0 or WT_EXECUTEONLYONCE) fire once.  The callback runs on that
 * thread whatever WT_EXECUTE* flag asks, which every one of them allows.
 * Deleting a timer wakes its thread; with INVALID_HANDLE_VALUE as the
 * completion event the call waits until a running callback returns, with
 * an event it waits and then signals it, with NULL it returns at once
 * (documented).  A timer and its thread free it together: whichever of
 * the deleter and the thread lets go last.
 */
#include "k32_private.h"

#define QUEUE_MAGIC 0x51554555u /* "QUEU" */
#define TIMER_MAGIC 0x544D5251u /* "TMRQ" */

struct tq_timer {
	ULONG magic;
	struct timer_queue *queue;
	struct tq_timer *next;
	WAITORTIMERCALLBACK callback;
	PVOID param;
	DWORD due, period;
	HANDLE wake;          /* auto-reset: changed or deleted */
	HANDLE thread;
	DWORD thread_id;
	volatile LONG deleted, releases;
};

struct timer_queue {
	ULONG magic;
	RTL_SRWLOCK lock;
	struct tq_timer *timers;
};

static struct timer_queue default_queue = { QUEUE_MAGIC, RTL_SRWLOCK_INIT, NULL };

static struct timer_queue *get_queue(HANDLE h)
{
	struct timer_queue *q = h ? (struct timer_queue *)h : &default_queue;

	return q->magic == QUEUE_MAGIC ? q : NULL;
}

/* Second of the two releases (deleter, thread) frees the timer. */
static void timer_release(struct tq_timer *t)
{
	if (InterlockedIncrement(&t->releases) != 2)
		return;
	t->magic = 0;
	CloseHandle(t->wake);
	CloseHandle(t->thread);
	RtlFreeHeap(k32_heap(), 0, t);
}

static DWORD WINAPI timer_thread(LPVOID arg)
{
	struct tq_timer *t = arg;
	DWORD wait = t->due;

	while (!t->deleted) {
		if (WaitForSingleObject(t->wake, wait) == WAIT_OBJECT_0) {
			wait = t->due; /* changed (or deleted: the loop ends) */
			continue;
		}
		t->callback(t->param, TRUE);
		if (!t->period)
			wait = INFINITE; /* fired once: only a change or deletion */
		else
			wait = t->period;
	}
	timer_release(t);
	return 0;
}

K32API HANDLE WINAPI CreateTimerQueue(void)
{
	struct timer_queue *q = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*q));

	if (!q)
		return (HANDLE)(ULONG_PTR)k32_error(ERROR_NOT_ENOUGH_MEMORY);
	q->magic = QUEUE_MAGIC;
	RtlInitializeSRWLock(&q->lock);
	return q;
}

K32API BOOL WINAPI CreateTimerQueueTimer(PHANDLE out, HANDLE queue, WAITORTIMERCALLBACK callback,
					 PVOID param, DWORD due, DWORD period, ULONG flags)
{
	struct timer_queue *q = get_queue(queue);
	struct tq_timer *t;

	if (!out || !callback || !q)
		return k32_error(q ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE);
	t = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*t));
	if (!t)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	*t = (struct tq_timer){ TIMER_MAGIC, q, NULL, callback, param, due,
				(flags & WT_EXECUTEONLYONCE) ? 0 : period };
	t->wake = CreateEventW(NULL, FALSE, FALSE, NULL);
	t->thread = t->wake ? CreateThread(NULL, 0, timer_thread, t, CREATE_SUSPENDED,
					   &t->thread_id) : NULL;
	if (!t->thread) {
		if (t->wake)
			CloseHandle(t->wake);
		RtlFreeHeap(k32_heap(), 0, t);
		return FALSE;
	}
	RtlAcquireSRWLockExclusive(&q->lock);
	t->next = q->timers;
	q->timers = t;
	RtlReleaseSRWLockExclusive(&q->lock);
	*out = t;
	ResumeThread(t->thread);
	return TRUE;
}

K32API BOOL WINAPI ChangeTimerQueueTimer(HANDLE queue, HANDLE timer, ULONG due, ULONG period)
{
	struct tq_timer *t = timer;

	if (!t || t->magic != TIMER_MAGIC || t->deleted)
		return k32_error(ERROR_INVALID_PARAMETER);
	t->period = period;
	t->due = due;
	return SetEvent(t->wake);
}

/* Unlinks and ends one timer; the completion rules are DeleteTimerQueueTimer's. */
static void timer_delete(struct tq_timer *t, HANDLE completion)
{
	BOOL own_thread = GetCurrentThreadId() == t->thread_id;

	t->deleted = 1;
	SetEvent(t->wake);
	if (completion && !own_thread)
		WaitForSingleObject(t->thread, INFINITE);
	if (completion && completion != INVALID_HANDLE_VALUE)
		SetEvent(completion);
	timer_release(t);
}

static BOOL unlink_timer(struct timer_queue *q, struct tq_timer *t)
{
	struct tq_timer **p;
	BOOL found = FALSE;

	RtlAcquireSRWLockExclusive(&q->lock);
	for (p = &q->timers; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			found = TRUE;
			break;
		}
	RtlReleaseSRWLockExclusive(&q->lock);
	return found;
}

K32API BOOL WINAPI DeleteTimerQueueTimer(HANDLE queue, HANDLE timer, HANDLE completion)
{
	struct timer_queue *q = get_queue(queue);
	struct tq_timer *t = timer;

	if (!q || !t || t->magic != TIMER_MAGIC || t->queue != q || !unlink_timer(q, t))
		return k32_error(ERROR_INVALID_PARAMETER);
	timer_delete(t, completion);
	return TRUE;
}

/* Obsolete spellings (documented as equivalent). */
K32API BOOL WINAPI CancelTimerQueueTimer(HANDLE queue, HANDLE timer)
{
	return DeleteTimerQueueTimer(queue, timer, NULL);
}

K32API HANDLE WINAPI SetTimerQueueTimer(HANDLE queue, WAITORTIMERCALLBACK callback, PVOID param,
					DWORD due, DWORD period, BOOL prefer_io)
{
	HANDLE t = NULL;

	return CreateTimerQueueTimer(&t, queue, callback, param, due, period, 0) ? t : NULL;
}

K32API BOOL WINAPI DeleteTimerQueueEx(HANDLE queue, HANDLE completion)
{
	struct timer_queue *q = queue;
	struct tq_timer *t;

	if (!q || q == &default_queue || q->magic != QUEUE_MAGIC)
		return k32_error(ERROR_INVALID_HANDLE);
	RtlAcquireSRWLockExclusive(&q->lock);
	t = q->timers;
	q->timers = NULL;
	q->magic = 0;
	RtlReleaseSRWLockExclusive(&q->lock);
	while (t) {
		struct tq_timer *next = t->next;

		timer_delete(t, completion == INVALID_HANDLE_VALUE ? completion : NULL);
		t = next;
	}
	RtlFreeHeap(k32_heap(), 0, q);
	if (completion && completion != INVALID_HANDLE_VALUE)
		SetEvent(completion);
	return TRUE;
}

K32API BOOL WINAPI DeleteTimerQueue(HANDLE queue)
{
	return DeleteTimerQueueEx(queue, NULL);
}
