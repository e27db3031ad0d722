/*
 * Pools and their worker threads.  A worker starts when a callback is
 * queued and no idle worker is left for it, up to the pool's maximum;
 * idle workers above the minimum end after a while.  Workers take the
 * oldest pending callback of the highest priority.
 */
#include "tp_private.h"

static RTL_CRITICAL_SECTION tp_cs;
static RTL_RUN_ONCE tp_once = RTL_RUN_ONCE_INIT;
static struct tp_pool *default_pool;

static ULONG NTAPI tp_init(PRTL_RUN_ONCE once, PVOID param, PVOID *ctx)
{
	RtlInitializeCriticalSection(&tp_cs);
	return TRUE;
}

void tp_lock(void)
{
	RtlRunOnceExecuteOnce(&tp_once, tp_init, NULL, NULL);
	RtlEnterCriticalSection(&tp_cs);
}

void tp_unlock(void)
{
	RtlLeaveCriticalSection(&tp_cs);
}

RTL_CRITICAL_SECTION *tp_lock_cs(void)
{
	return &tp_cs;
}

static struct tp_pool *pool_new(void)
{
	struct tp_pool *p = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*p));

	if (!p)
		return NULL;
	if (NtCreateSemaphore(&p->work_ready, SEMAPHORE_ALL_ACCESS, NULL, 0, MAXLONG) < 0) {
		RtlFreeHeap(lsw_process_heap(), 0, p);
		return NULL;
	}
	p->refs = 1;
	for (int i = 0; i < TP_PRIORITIES; i++)
		tp_list_init(&p->queue[i]);
	p->max_workers = TP_DEFAULT_MAX;
	return p;
}

NTSTATUS tp_default_pool(struct tp_pool **out)
{
	tp_lock();
	if (!default_pool)
		default_pool = pool_new();
	*out = default_pool;
	tp_unlock();
	return *out ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

void tp_pool_unref_locked(struct tp_pool *pool)
{
	if (--pool->refs)
		return;
	NtClose(pool->work_ready);
	RtlFreeHeap(lsw_process_heap(), 0, pool);
}

/* Under the lock: the next pending callback's object, taken off the queue
 * when it was its last pending one. */
static struct tp_object *next_pending(struct tp_pool *pool)
{
	for (int i = 0; i < TP_PRIORITIES; i++) {
		LIST_ENTRY *e = pool->queue[i].Flink;
		struct tp_object *obj;

		if (e == &pool->queue[i])
			continue;
		obj = CONTAINING_RECORD(e, struct tp_object, queue_entry);
		rtl_list_remove(e);
		if (--obj->pending > 0)
			rtl_list_append(&pool->queue[i], e); /* its next turn after the others */
		pool->queued--;
		obj->running++;
		obj->active++;
		return obj;
	}
	return NULL;
}

/* Under the lock: wait for work; FALSE when this worker should end.  The
 * wait is alertable: APCs queued to a worker run while it is idle, as on
 * Windows (WT_EXECUTEINIOTHREAD relies on it). */
static BOOL worker_wait(struct tp_pool *pool)
{
	LARGE_INTEGER timeout = { .QuadPart = -(LONGLONG)TP_IDLE_TIMEOUT_MS * 10000 };
	NTSTATUS st;

	if (pool->released)
		return FALSE;
	pool->idle++;
	tp_unlock();
	st = NtWaitForSingleObject(pool->work_ready, TRUE, &timeout);
	tp_lock();
	pool->idle--;
	return !(st == STATUS_TIMEOUT && !pool->queued && pool->workers > pool->min_workers);
}

static DWORD WINAPI worker_main(void *arg)
{
	struct tp_pool *pool = arg;
	struct tp_object *obj;

	tp_lock();
	for (;;) {
		if ((obj = next_pending(pool))) {
			struct tp_run_args args = { 0 };

			if (obj->kind == TP_KIND_WAIT)
				args.wait_result = obj->u.wait.result;
			else if (obj->kind == TP_KIND_IO)
				tp_io_take_locked(obj, &args);
			tp_unlock();
			tp_run_one(obj, &args);
			tp_lock();
		} else if (!worker_wait(pool)) {
			break;
		}
	}
	pool->workers--;
	tp_pool_unref_locked(pool);
	tp_unlock();
	return 0;
}

/* Under the lock: one more worker; FALSE when no thread could start. */
static BOOL start_worker(struct tp_pool *pool)
{
	OBJECT_ATTRIBUTES oa;
	HANDLE thread;

	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	if (NtCreateThreadEx(&thread, THREAD_ALL_ACCESS, &oa, (HANDLE)-1, (PVOID)worker_main, pool,
			     0, 0, 0, 0, NULL) < 0)
		return FALSE;
	NtClose(thread);
	pool->workers++;
	pool->refs++;
	return TRUE;
}

/* Under the lock: makes sure a worker will take the callbacks just queued. */
static void wake_workers(struct tp_pool *pool)
{
	if (pool->idle)
		NtReleaseSemaphore(pool->work_ready, 1, NULL);
	if ((DWORD)pool->queued > pool->idle && pool->workers < pool->max_workers)
		start_worker(pool);
}

void tp_submit_locked(struct tp_object *obj, LONG count)
{
	struct tp_pool *pool = obj->pool;

	if (!obj->pending)
		rtl_list_append(&pool->queue[obj->priority], &obj->queue_entry);
	obj->pending += count;
	pool->queued += count;
	wake_workers(pool);
}

void tp_cancel_pending_locked(struct tp_object *obj)
{
	if (obj->kind == TP_KIND_IO)
		tp_io_cancel_locked(obj);
	if (!obj->pending)
		return;
	rtl_list_remove(&obj->queue_entry);
	obj->pool->queued -= obj->pending;
	obj->pending = 0;
	if (!obj->running)
		RtlWakeAllConditionVariable(&obj->idle);
}

/* Under the lock, for TpCallbackMayRunLong: can another worker take the
 * queued callbacks while this one runs long?  Starts it if need be. */
BOOL tp_pool_spare_thread_locked(struct tp_pool *pool)
{
	if (pool->idle > (DWORD)pool->queued)
		return TRUE;
	if (pool->workers >= pool->max_workers)
		return FALSE;
	return start_worker(pool);
}

/* Set the pool's limits: the maximum wins when they cross (documented
 * for SetThreadpoolThreadMaximum/Minimum). */
static void set_limits_locked(struct tp_pool *pool, DWORD min, DWORD max)
{
	pool->min_workers = min;
	pool->max_workers = max ? max : 1;
	while (pool->workers < pool->min_workers && start_worker(pool))
		;
}

RTLAPI NTSTATUS NTAPI TpAllocPool(TP_POOL **out, PVOID reserved)
{
	struct tp_pool *p;

	if (!out)
		return STATUS_ACCESS_VIOLATION;
	RtlRunOnceExecuteOnce(&tp_once, tp_init, NULL, NULL);
	if (!(p = pool_new()))
		return STATUS_NO_MEMORY;
	*out = (TP_POOL *)p;
	return STATUS_SUCCESS;
}

/* The pool goes once its objects and workers let go of it. */
RTLAPI VOID NTAPI TpReleasePool(TP_POOL *pool)
{
	struct tp_pool *p = (struct tp_pool *)pool;

	if (!p)
		return;
	tp_lock();
	p->released = TRUE;
	if (p->idle)
		NtReleaseSemaphore(p->work_ready, (LONG)p->idle, NULL);
	tp_pool_unref_locked(p);
	tp_unlock();
}

RTLAPI VOID NTAPI TpSetPoolMaxThreads(TP_POOL *pool, DWORD max)
{
	struct tp_pool *p = (struct tp_pool *)pool;

	if (!p)
		return;
	tp_lock();
	set_limits_locked(p, p->min_workers > max ? max : p->min_workers, max);
	tp_unlock();
}

RTLAPI NTSTATUS NTAPI TpSetPoolMinThreads(TP_POOL *pool, DWORD min)
{
	struct tp_pool *p = (struct tp_pool *)pool;
	NTSTATUS st = STATUS_SUCCESS;

	if (!p)
		return STATUS_INVALID_PARAMETER;
	tp_lock();
	set_limits_locked(p, min, p->max_workers < min ? min : p->max_workers);
	if (p->workers < min)
		st = STATUS_NO_MEMORY;
	tp_unlock();
	return st;
}
