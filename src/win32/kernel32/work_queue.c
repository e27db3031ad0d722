/*
 * QueueUserWorkItem: the process's work queue.  Items run on worker
 * threads in the order queued; a new worker starts whenever an item is
 * queued and no worker is idle, so an item that blocks (on another item,
 * say) never stalls the queue.  Idle workers wait for the next item.
 */
#include "k32_private.h"
#include "k32_work.h"

struct work_item {
	struct work_item *next;
	LPTHREAD_START_ROUTINE fn;
	void *arg;
};

static CRITICAL_SECTION queue_lock;
static struct work_item *queue_head, **queue_tail = &queue_head;
static HANDLE queue_ready; /* semaphore: one count per queued item */
static LONG idle_workers;
static INIT_ONCE queue_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK queue_init(INIT_ONCE *once, void *param, void **ctx)
{
	RtlInitializeCriticalSection(&queue_lock);
	queue_ready = CreateSemaphoreW(NULL, 0, MAXLONG, NULL);
	return queue_ready != NULL;
}

static struct work_item *dequeue(void)
{
	struct work_item *w;

	RtlEnterCriticalSection(&queue_lock);
	w = queue_head;
	if (w && !(queue_head = w->next))
		queue_tail = &queue_head;
	RtlLeaveCriticalSection(&queue_lock);
	return w;
}

/* A worker starts claimed by the item that made it; after each item it
 * counts itself idle again, and queueing an item claims an idle one. */
static DWORD WINAPI worker(void *unused)
{
	struct work_item *w;

	while (WaitForSingleObject(queue_ready, INFINITE) == WAIT_OBJECT_0) {
		if ((w = dequeue())) {
			w->fn(w->arg);
			k32_free(w);
		}
		RtlEnterCriticalSection(&queue_lock);
		idle_workers++;
		RtlLeaveCriticalSection(&queue_lock);
	}
	return 0;
}

/* Under queue_lock: a worker for one more item; FALSE when none can start. */
static BOOL claim_worker(void)
{
	HANDLE t;

	if (idle_workers > 0) {
		idle_workers--;
		return TRUE;
	}
	if (!(t = CreateThread(NULL, 0, worker, NULL, 0, NULL)))
		return FALSE;
	CloseHandle(t);
	return TRUE;
}

/* Queue fn(arg) on a worker thread; FALSE with the error set. */
BOOL k32_queue_work(LPTHREAD_START_ROUTINE fn, void *arg)
{
	struct work_item *w;
	BOOL ok;

	if (!InitOnceExecuteOnce(&queue_once, queue_init, NULL, NULL))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if (!(w = RtlAllocateHeap(k32_heap(), 0, sizeof(*w))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	w->next = NULL;
	w->fn = fn;
	w->arg = arg;
	RtlEnterCriticalSection(&queue_lock);
	if ((ok = claim_worker())) {
		*queue_tail = w;
		queue_tail = &w->next;
	}
	RtlLeaveCriticalSection(&queue_lock);
	if (!ok) {
		k32_free(w);
		return FALSE; /* CreateThread set the error */
	}
	ReleaseSemaphore(queue_ready, 1, NULL);
	return TRUE;
}

K32API BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE fn, PVOID arg, ULONG flags)
{
	if (!fn)
		return k32_error(ERROR_INVALID_PARAMETER);
	return k32_queue_work(fn, arg);
}
