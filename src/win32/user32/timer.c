/*
 * Thread timers: SetTimer / KillTimer without a window.  A due timer
 * shows as one WM_TIMER (wParam its id, lParam its TIMERPROC) when the
 * queue holds nothing else; taking it schedules the next one.  Timers
 * live in the queue of the thread that made them.
 */
#include "queue.h"

static LONG next_id;

/* Signed: a timer due a moment ago is late, not 49 days away. */
static LONG until(const struct timer *t, DWORD now)
{
	return (LONG)(t->due - now);
}

static UINT clamp_elapse(UINT elapse)
{
	if (elapse < USER_TIMER_MINIMUM)
		return USER_TIMER_MINIMUM;
	return elapse > USER_TIMER_MAXIMUM ? USER_TIMER_MAXIMUM : elapse;
}

/* hwnd must be NULL; an id of an existing timer of the thread resets it,
 * any other id is replaced by a new one (documented). */
UINT_PTR WINAPI SetTimer(HWND hwnd, UINT_PTR id, UINT elapse, TIMERPROC proc)
{
	struct queue *q;
	struct timer *t;

	if (hwnd) {
		SetLastError(ERROR_INVALID_WINDOW_HANDLE);
		return 0;
	}
	if (!(q = queue_current()))
		return 0;
	AcquireSRWLockExclusive(&q->lock);
	for (t = q->timers; t && t->id != id; t = t->next)
		;
	if (!t && (t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t)))) {
		t->id = (UINT_PTR)InterlockedIncrement(&next_id);
		t->next = q->timers;
		q->timers = t;
	}
	if (t) {
		t->elapse = clamp_elapse(elapse);
		t->due = GetTickCount() + t->elapse;
		t->proc = proc;
	}
	ReleaseSRWLockExclusive(&q->lock);
	if (!t)
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return t ? t->id : 0;
}

BOOL WINAPI KillTimer(HWND hwnd, UINT_PTR id)
{
	struct queue *q = queue_current();
	struct timer **pp, *t = NULL;

	if (hwnd || !q) {
		SetLastError(hwnd ? ERROR_INVALID_WINDOW_HANDLE : ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	AcquireSRWLockExclusive(&q->lock);
	for (pp = &q->timers; *pp; pp = &(*pp)->next)
		if ((*pp)->id == id) {
			t = *pp;
			*pp = t->next;
			break;
		}
	ReleaseSRWLockExclusive(&q->lock);
	if (!t) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	HeapFree(GetProcessHeap(), 0, t);
	return TRUE;
}

BOOL timer_take(struct queue *q, MSG *msg, UINT min, UINT max, BOOL remove)
{
	DWORD now = GetTickCount();

	if ((min || max) && (WM_TIMER < min || WM_TIMER > max))
		return FALSE;
	for (struct timer *t = q->timers; t; t = t->next) {
		if (until(t, now) > 0)
			continue;
		*msg = (MSG){ NULL, WM_TIMER, t->id, (LPARAM)t->proc, now, { 0, 0 } };
		if (remove)
			t->due = now + t->elapse;
		return TRUE;
	}
	return FALSE;
}

DWORD timer_wait(struct queue *q)
{
	DWORD now = GetTickCount(), best = INFINITE;

	for (struct timer *t = q->timers; t; t = t->next) {
		LONG d = until(t, now);

		if (d <= 0)
			return 0;
		if ((DWORD)d < best)
			best = (DWORD)d;
	}
	return best;
}

void timers_free(struct queue *q)
{
	struct timer *t;

	while ((t = q->timers)) {
		q->timers = t->next;
		HeapFree(GetProcessHeap(), 0, t);
	}
}
