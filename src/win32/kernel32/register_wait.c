/*
 * RegisterWaitForSingleObject and UnregisterWait(Ex).  Each registered
 * wait has its own wait thread (Windows groups up to 63 waits on one; a
 * program sees the same callbacks, only the thread they share differs).
 * The callback runs on a worker thread of the work queue, or on the wait
 * thread itself with WT_EXECUTEINWAITTHREAD.
 */
#include "k32_private.h"
#include "k32_work.h"

struct reg_wait {
	HANDLE object, cancel, thread;
	WAITORTIMERCALLBACK callback;
	void *context;
	DWORD ms, thread_id;
	ULONG flags;
	LONG refs;       /* the owner until unregistered, the wait thread, queued callbacks */
	LONG running;    /* callbacks started and not finished */
	BOOL cancelled;
	HANDLE idle;     /* manual event, set while no callback runs */
	HANDLE notify;   /* UnregisterWaitEx's event, set when the last callback ends */
};

static CRITICAL_SECTION waits_lock;
static INIT_ONCE waits_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK waits_init(INIT_ONCE *once, void *param, void **ctx)
{
	RtlInitializeCriticalSection(&waits_lock);
	return TRUE;
}

static void release(struct reg_wait *w)
{
	if (InterlockedDecrement(&w->refs))
		return;
	CloseHandle(w->cancel);
	CloseHandle(w->idle);
	if (w->thread)
		CloseHandle(w->thread);
	k32_free(w);
}

static void callback_starts(struct reg_wait *w)
{
	RtlEnterCriticalSection(&waits_lock);
	if (w->running++ == 0)
		ResetEvent(w->idle);
	RtlLeaveCriticalSection(&waits_lock);
}

static void callback_ends(struct reg_wait *w)
{
	HANDLE notify = NULL;

	RtlEnterCriticalSection(&waits_lock);
	if (--w->running == 0) {
		SetEvent(w->idle);
		if (w->cancelled) {
			notify = w->notify;
			w->notify = NULL;
		}
	}
	RtlLeaveCriticalSection(&waits_lock);
	if (notify)
		SetEvent(notify);
}

struct queued_callback {
	struct reg_wait *wait;
	BOOLEAN fired;
};

static DWORD WINAPI run_queued(void *p)
{
	struct queued_callback *q = p;

	q->wait->callback(q->wait->context, q->fired);
	callback_ends(q->wait);
	release(q->wait);
	k32_free(q);
	return 0;
}

static void run_callback(struct reg_wait *w, BOOLEAN fired)
{
	struct queued_callback *q;

	callback_starts(w);
	if (w->flags & WT_EXECUTEINWAITTHREAD) {
		w->callback(w->context, fired);
		callback_ends(w);
		return;
	}
	InterlockedIncrement(&w->refs);
	if ((q = RtlAllocateHeap(k32_heap(), 0, sizeof(*q)))) {
		q->wait = w;
		q->fired = fired;
		if (k32_queue_work(run_queued, q))
			return;
		k32_free(q);
	}
	callback_ends(w); /* no memory or no worker: this callback is lost */
	release(w);
}

/* The wait thread: cancel comes first so an unregistered wait stops even
 * when its object stays signaled. */
static DWORD WINAPI wait_thread(void *p)
{
	struct reg_wait *w = p;
	HANDLE objects[2] = { w->cancel, w->object };

	for (;;) {
		DWORD r = WaitForMultipleObjects(2, objects, FALSE, w->ms);

		if (r != WAIT_OBJECT_0 + 1 && r != WAIT_TIMEOUT)
			break; /* unregistered, or the object handle went bad */
		run_callback(w, r == WAIT_TIMEOUT);
		if (w->flags & WT_EXECUTEONLYONCE)
			break;
	}
	release(w);
	return 0;
}

K32API BOOL WINAPI RegisterWaitForSingleObject(PHANDLE out, HANDLE object,
					       WAITORTIMERCALLBACK callback, PVOID context,
					       ULONG ms, ULONG flags)
{
	struct reg_wait *w;

	if (!out || !callback)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!InitOnceExecuteOnce(&waits_once, waits_init, NULL, NULL) ||
	    !(w = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*w))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	w->object = object;
	w->callback = callback;
	w->context = context;
	w->ms = ms;
	w->flags = flags;
	w->refs = 2;
	w->cancel = CreateEventW(NULL, TRUE, FALSE, NULL);
	w->idle = CreateEventW(NULL, TRUE, TRUE, NULL);
	if (w->cancel && w->idle)
		w->thread = CreateThread(NULL, 0, wait_thread, w, CREATE_SUSPENDED, &w->thread_id);
	if (!w->thread) {
		w->refs = 1;
		release(w);
		return FALSE;
	}
	*out = w; /* before the first callback can run */
	ResumeThread(w->thread);
	return TRUE;
}

/* Stop the wait; completion: NULL returns at once (ERROR_IO_PENDING while
 * a callback still runs), INVALID_HANDLE_VALUE waits for the callbacks, an
 * event is set once they have ended. */
K32API BOOL WINAPI UnregisterWaitEx(HANDLE handle, HANDLE completion)
{
	struct reg_wait *w = handle;
	BOOL pending, in_callback;

	if (!w)
		return k32_error(ERROR_INVALID_HANDLE);
	in_callback = GetCurrentThreadId() == w->thread_id;
	RtlEnterCriticalSection(&waits_lock);
	w->cancelled = TRUE;
	SetEvent(w->cancel);
	pending = w->running > (in_callback ? 1 : 0);
	if (pending && completion && completion != INVALID_HANDLE_VALUE)
		w->notify = completion;
	RtlLeaveCriticalSection(&waits_lock);
	if (pending && completion == INVALID_HANDLE_VALUE && !in_callback) {
		WaitForSingleObject(w->idle, INFINITE);
		pending = FALSE;
	}
	if (!pending && completion && completion != INVALID_HANDLE_VALUE)
		SetEvent(completion);
	release(w);
	return pending ? k32_error(ERROR_IO_PENDING) : TRUE;
}

K32API BOOL WINAPI UnregisterWait(HANDLE handle)
{
	return UnregisterWaitEx(handle, NULL);
}
