/*
 * Thread pool work objects (CreateThreadpoolWork, SubmitThreadpoolWork,
 * WaitForThreadpoolWorkCallbacks, CloseThreadpoolWork) on the process's
 * work queue, and pools (CreateThreadpool, CloseThreadpool) as handles
 * the work accepts: every callback runs on the one process queue.
 */
#include "k32_private.h"
#include "k32_work.h"

struct tp_work {
	PTP_WORK_CALLBACK callback;
	void *context;
	LONG refs;         /* the owner until closed, one per submission */
	LONG pending;      /* submitted and not finished */
	LONG submitted;    /* submissions so far: their sequence numbers */
	LONG cancel_upto;  /* submissions up to this one are dropped unstarted */
	HANDLE idle;       /* manual event, set while nothing is pending */
};

struct tp_run {
	struct tp_work *work;
	LONG seq;
};

struct tp_pool {
	DWORD magic;
};

static void release(struct tp_work *w)
{
	if (InterlockedDecrement(&w->refs))
		return;
	CloseHandle(w->idle);
	k32_free(w);
}

static DWORD WINAPI run_work(void *p)
{
	struct tp_run *r = p;
	struct tp_work *w = r->work;
	char instance[64] = { 0 }; /* what the callback may pass back to the Callback* calls */

	if (r->seq > w->cancel_upto)
		w->callback((PTP_CALLBACK_INSTANCE)instance, w->context, (PTP_WORK)w);
	if (!InterlockedDecrement(&w->pending))
		SetEvent(w->idle);
	k32_free(r);
	release(w);
	return 0;
}

K32API PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK callback, PVOID context,
					    PTP_CALLBACK_ENVIRON env)
{
	struct tp_work *w;

	if (!callback)
		return (PTP_WORK)(k32_error(ERROR_INVALID_PARAMETER), NULL);
	if (!(w = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*w))))
		return (PTP_WORK)(k32_error(ERROR_NOT_ENOUGH_MEMORY), NULL);
	w->callback = callback;
	w->context = context;
	w->refs = 1;
	if (!(w->idle = CreateEventW(NULL, TRUE, TRUE, NULL))) {
		k32_free(w);
		return NULL;
	}
	return (PTP_WORK)w;
}

K32API VOID WINAPI SubmitThreadpoolWork(PTP_WORK work)
{
	struct tp_work *w = (struct tp_work *)work;
	struct tp_run *r;

	if (!w || !(r = RtlAllocateHeap(k32_heap(), 0, sizeof(*r))))
		return;
	r->work = w;
	r->seq = InterlockedIncrement(&w->submitted);
	InterlockedIncrement(&w->refs);
	if (InterlockedIncrement(&w->pending) == 1)
		ResetEvent(w->idle);
	if (k32_queue_work(run_work, r))
		return;
	if (!InterlockedDecrement(&w->pending))
		SetEvent(w->idle);
	k32_free(r);
	release(w);
}

/* Waits for the submitted callbacks; with cancel, the ones not yet
 * started are dropped. */
K32API VOID WINAPI WaitForThreadpoolWorkCallbacks(PTP_WORK work, BOOL cancel)
{
	struct tp_work *w = (struct tp_work *)work;

	if (!w)
		return;
	if (cancel)
		InterlockedExchange(&w->cancel_upto, w->submitted);
	WaitForSingleObject(w->idle, INFINITE);
}

/* The object goes once its pending callbacks have run. */
K32API VOID WINAPI CloseThreadpoolWork(PTP_WORK work)
{
	if (work)
		release((struct tp_work *)work);
}

K32API PTP_POOL WINAPI CreateThreadpool(PVOID reserved)
{
	struct tp_pool *p = RtlAllocateHeap(k32_heap(), 0, sizeof(*p));

	if (!p)
		return (PTP_POOL)(k32_error(ERROR_NOT_ENOUGH_MEMORY), NULL);
	p->magic = 0x4c6f6f50; /* "PooL" */
	return (PTP_POOL)p;
}

K32API VOID WINAPI CloseThreadpool(PTP_POOL pool)
{
	k32_free(pool);
}
