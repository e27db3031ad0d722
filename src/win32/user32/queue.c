/*
 * Each thread's message queue, made on its first user32 call that needs
 * one (as Windows makes it on a thread's first USER call), where
 * PostThreadMessage, PostMessage(NULL, ...), PostQuitMessage and timers
 * put messages and GetMessage / PeekMessage / MsgWaitForMultipleObjects
 * take them.  No window ever exists here, so every message is a thread
 * message (hwnd NULL).  Order: posted messages first, then the quit
 * message, then due timers (documented priorities).
 */
#include "queue.h"

#define TEB_WIN32_THREAD_INFO 0x78 /* TEB.Win32ThreadInfo, x64 */

static SRWLOCK queues_lock = SRWLOCK_INIT;
static struct queue *queues;

struct queue *queue_current(void)
{
	struct queue *q = (struct queue *)__readgsqword(TEB_WIN32_THREAD_INFO);

	if (q)
		return q;
	q = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*q));
	if (!q)
		return NULL;
	q->wake = CreateEventW(NULL, FALSE, FALSE, NULL);
	if (!q->wake) {
		HeapFree(GetProcessHeap(), 0, q);
		return NULL;
	}
	q->tid = GetCurrentThreadId();
	InitializeSRWLock(&q->lock);
	AcquireSRWLockExclusive(&queues_lock);
	q->next = queues;
	queues = q;
	ReleaseSRWLockExclusive(&queues_lock);
	__writegsqword(TEB_WIN32_THREAD_INFO, (ULONG_PTR)q);
	return q;
}

void queue_thread_detach(void)
{
	struct queue *q = (struct queue *)__readgsqword(TEB_WIN32_THREAD_INFO), **pp;
	struct posted *m;

	if (!q)
		return;
	AcquireSRWLockExclusive(&queues_lock);
	for (pp = &queues; *pp; pp = &(*pp)->next)
		if (*pp == q) {
			*pp = q->next;
			break;
		}
	ReleaseSRWLockExclusive(&queues_lock);
	/* a poster that found q is done with it: posting holds queues_lock */
	while ((m = q->head)) {
		q->head = m->next;
		HeapFree(GetProcessHeap(), 0, m);
	}
	timers_free(q);
	CloseHandle(q->wake);
	HeapFree(GetProcessHeap(), 0, q);
	__writegsqword(TEB_WIN32_THREAD_INFO, 0);
}

static BOOL post(struct queue *q, UINT msg, WPARAM w, LPARAM l)
{
	struct posted *p = HeapAlloc(GetProcessHeap(), 0, sizeof(*p));

	if (!p) {
		SetLastError(ERROR_NOT_ENOUGH_QUOTA);
		return FALSE;
	}
	p->msg = (MSG){ NULL, msg, w, l, GetTickCount(), { 0, 0 } };
	p->next = NULL;
	AcquireSRWLockExclusive(&q->lock);
	if (q->tail)
		q->tail->next = p;
	else
		q->head = p;
	q->tail = p;
	ReleaseSRWLockExclusive(&q->lock);
	SetEvent(q->wake);
	return TRUE;
}

/* Fails with ERROR_INVALID_THREAD_ID for a thread without a queue. */
BOOL WINAPI PostThreadMessageW(DWORD tid, UINT msg, WPARAM w, LPARAM l)
{
	struct queue *q;
	BOOL ok = FALSE;

	AcquireSRWLockShared(&queues_lock);
	for (q = queues; q && q->tid != tid; q = q->next)
		;
	if (q)
		ok = post(q, msg, w, l);
	else
		SetLastError(ERROR_INVALID_THREAD_ID);
	ReleaseSRWLockShared(&queues_lock);
	return ok;
}

BOOL WINAPI PostThreadMessageA(DWORD tid, UINT msg, WPARAM w, LPARAM l)
{
	return PostThreadMessageW(tid, msg, w, l);
}

/* NULL posts to the calling thread; HWND_BROADCAST reaches the top-level
 * windows, of which there are none; any other window does not exist. */
BOOL WINAPI PostMessageW(HWND hwnd, UINT msg, WPARAM w, LPARAM l)
{
	struct queue *q;

	if (hwnd == HWND_BROADCAST)
		return TRUE;
	if (hwnd) {
		SetLastError(ERROR_INVALID_WINDOW_HANDLE);
		return FALSE;
	}
	if (!(q = queue_current())) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	return post(q, msg, w, l);
}

BOOL WINAPI PostMessageA(HWND hwnd, UINT msg, WPARAM w, LPARAM l)
{
	return PostMessageW(hwnd, msg, w, l);
}

void WINAPI PostQuitMessage(int code)
{
	struct queue *q = queue_current();

	if (!q)
		return;
	AcquireSRWLockExclusive(&q->lock);
	q->quit = TRUE;
	q->quit_code = code;
	ReleaseSRWLockExclusive(&q->lock);
	SetEvent(q->wake);
}

static void unlink_posted(struct queue *q, struct posted **pp)
{
	struct posted *p = *pp, *t;

	*pp = p->next;
	if (q->tail == p)
		for (q->tail = NULL, t = q->head; t; t = t->next)
			q->tail = t;
	HeapFree(GetProcessHeap(), 0, p);
}

static BOOL in_range(UINT msg, UINT min, UINT max)
{
	return (!min && !max) || (msg >= min && msg <= max);
}

/* The next message for the filter, removed when asked; FALSE when there
 * is none.  WM_QUIT passes any filter (documented). */
static BOOL take(struct queue *q, MSG *out, UINT min, UINT max, BOOL remove)
{
	struct posted **pp, *p;
	BOOL found = FALSE;

	AcquireSRWLockExclusive(&q->lock);
	for (pp = &q->head; (p = *pp); pp = &p->next) {
		if (!in_range(p->msg.message, min, max) && p->msg.message != WM_QUIT)
			continue;
		*out = p->msg;
		if (remove)
			unlink_posted(q, pp);
		found = TRUE;
		break;
	}
	if (!found && q->quit) {
		*out = (MSG){ NULL, WM_QUIT, (WPARAM)q->quit_code, 0, GetTickCount(), { 0, 0 } };
		if (remove)
			q->quit = FALSE;
		found = TRUE;
	}
	if (!found)
		found = timer_take(q, out, min, max, remove);
	if (found)
		q->last_time = out->time;
	ReleaseSRWLockExclusive(&q->lock);
	return found;
}

/* Only thread messages exist: hwnd must be NULL, or -1 (documented: the
 * messages whose hwnd is NULL). */
static BOOL thread_filter(HWND hwnd)
{
	if (!hwnd || hwnd == (HWND)-1)
		return TRUE;
	SetLastError(ERROR_INVALID_WINDOW_HANDLE);
	return FALSE;
}

BOOL WINAPI PeekMessageW(MSG *msg, HWND hwnd, UINT min, UINT max, UINT flags)
{
	struct queue *q = queue_current();

	if (!q || !msg || !thread_filter(hwnd))
		return FALSE;
	return take(q, msg, min, max, (flags & PM_REMOVE) != 0);
}

BOOL WINAPI PeekMessageA(MSG *msg, HWND hwnd, UINT min, UINT max, UINT flags)
{
	return PeekMessageW(msg, hwnd, min, max, flags);
}

/* Waits for the queue's wake event, or for the next timer. */
static void wait_queue(struct queue *q)
{
	DWORD t;

	AcquireSRWLockShared(&q->lock);
	t = timer_wait(q);
	ReleaseSRWLockShared(&q->lock);
	WaitForSingleObjectEx(q->wake, t, FALSE);
}

/* TRUE for a message, FALSE for WM_QUIT, -1 on error (documented). */
BOOL WINAPI GetMessageW(MSG *msg, HWND hwnd, UINT min, UINT max)
{
	struct queue *q = queue_current();

	if (!q || !msg || !thread_filter(hwnd))
		return -1;
	while (!take(q, msg, min, max, TRUE))
		wait_queue(q);
	return msg->message != WM_QUIT;
}

BOOL WINAPI GetMessageA(MSG *msg, HWND hwnd, UINT min, UINT max)
{
	return GetMessageW(msg, hwnd, min, max);
}

BOOL WINAPI WaitMessage(void)
{
	struct queue *q = queue_current();
	MSG m;

	if (!q)
		return FALSE;
	if (!take(q, &m, 0, 0, FALSE))
		wait_queue(q);
	return TRUE;
}

/* A thread message goes nowhere, except a WM_TIMER that names its
 * TIMERPROC (documented); there are no windows to send others to. */
LRESULT WINAPI DispatchMessageW(const MSG *msg)
{
	if (!msg)
		return 0;
	if (msg->hwnd) {
		SetLastError(ERROR_INVALID_WINDOW_HANDLE);
		return 0;
	}
	if (msg->message == WM_TIMER && msg->lParam)
		((TIMERPROC)msg->lParam)(NULL, WM_TIMER, msg->wParam, GetTickCount());
	return 0;
}

LRESULT WINAPI DispatchMessageA(const MSG *msg)
{
	return DispatchMessageW(msg);
}

/* Only key messages translate, and no keyboard input reaches a queue. */
BOOL WINAPI TranslateMessage(const MSG *msg)
{
	return FALSE;
}

LONG WINAPI GetMessageTime(void)
{
	struct queue *q = queue_current();

	return q ? (LONG)q->last_time : 0;
}

DWORD WINAPI GetMessagePos(void)
{
	return 0;
}

LPARAM WINAPI GetMessageExtraInfo(void)
{
	return 0;
}

/* HIWORD: what the queue holds now; LOWORD: the same (every message
 * counts as new until taken). */
DWORD WINAPI GetQueueStatus(UINT flags)
{
	struct queue *q = queue_current();
	DWORD bits = 0;

	if (!q)
		return 0;
	AcquireSRWLockShared(&q->lock);
	if (q->head || q->quit)
		bits |= QS_POSTMESSAGE | QS_ALLPOSTMESSAGE;
	if (q->timers && !timer_wait(q))
		bits |= QS_TIMER;
	ReleaseSRWLockShared(&q->lock);
	bits &= flags;
	return MAKELONG(bits, bits);
}

BOOL WINAPI GetInputState(void)
{
	return FALSE;
}

/* Whether a message the wake mask asks about is waiting. */
static BOOL has_input(struct queue *q, DWORD mask)
{
	return HIWORD(GetQueueStatus(mask)) != 0;
}

DWORD WINAPI MsgWaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, DWORD timeout,
					 DWORD mask, DWORD flags)
{
	struct queue *q = queue_current();
	HANDLE all[MAXIMUM_WAIT_OBJECTS];
	DWORD start = GetTickCount(), r, t;
	BOOL wait_all = (flags & MWMO_WAITALL) != 0;

	if (!q || count >= MAXIMUM_WAIT_OBJECTS || (count && !handles)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return WAIT_FAILED;
	}
	memcpy(all, handles, count * sizeof(HANDLE));
	all[count] = q->wake;
	for (;;) {
		if (!wait_all && has_input(q, mask))
			return WAIT_OBJECT_0 + count;
		AcquireSRWLockShared(&q->lock);
		t = mask & QS_TIMER ? timer_wait(q) : INFINITE;
		ReleaseSRWLockShared(&q->lock);
		if (timeout != INFINITE) {
			DWORD spent = GetTickCount() - start;

			t = min(t, spent >= timeout ? 0 : timeout - spent);
		}
		r = WaitForMultipleObjectsEx(count + 1, all, wait_all, t, (flags & MWMO_ALERTABLE) != 0);
		if (r != WAIT_TIMEOUT && r != WAIT_OBJECT_0 + count)
			return r;
		if (r == WAIT_OBJECT_0 + count && wait_all)
			return WAIT_OBJECT_0;
		if (r == WAIT_TIMEOUT && timeout != INFINITE && GetTickCount() - start >= timeout &&
		    !has_input(q, mask))
			return WAIT_TIMEOUT;
	}
}

DWORD WINAPI MsgWaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all,
				       DWORD timeout, DWORD mask)
{
	return MsgWaitForMultipleObjectsEx(count, handles, timeout, mask,
					   wait_all ? MWMO_WAITALL : 0);
}
