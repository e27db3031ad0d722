/* Work objects (TpAllocWork, TpPostWork...) and one-shot simple callbacks
 * (TpSimpleTryPost). */
#include "tp_private.h"

RTLAPI NTSTATUS NTAPI TpAllocWork(TP_WORK **out, PTP_WORK_CALLBACK callback, PVOID userdata,
				  TP_CALLBACK_ENVIRON *env)
{
	struct tp_object *obj;
	NTSTATUS st;

	if (!out)
		return STATUS_ACCESS_VIOLATION;
	if ((st = tp_object_new(TP_KIND_WORK, (void *)callback, userdata, env, &obj)) >= 0)
		*out = (TP_WORK *)obj;
	return st;
}

RTLAPI VOID NTAPI TpPostWork(TP_WORK *work)
{
	struct tp_object *obj = (struct tp_object *)work;

	if (!obj)
		return;
	tp_lock();
	if (!obj->released)
		tp_submit_locked(obj, 1);
	tp_unlock();
}

RTLAPI VOID NTAPI TpWaitForWork(TP_WORK *work, BOOL cancel)
{
	struct tp_object *obj = (struct tp_object *)work;

	if (!obj)
		return;
	tp_lock();
	tp_object_wait_locked(obj, cancel);
	tp_unlock();
}

RTLAPI VOID NTAPI TpReleaseWork(TP_WORK *work)
{
	tp_object_release((struct tp_object *)work);
}

/* A callback object released from the start: it goes after its one run. */
NTSTATUS tp_post_simple(void *callback, void *userdata, const TP_CALLBACK_ENVIRON *env, BOOL rtl)
{
	struct tp_object *obj;
	NTSTATUS st;

	if ((st = tp_object_new(TP_KIND_SIMPLE, callback, userdata, env, &obj)) < 0)
		return st;
	tp_lock();
	obj->rtl = rtl;
	obj->released = TRUE;
	tp_submit_locked(obj, 1);
	tp_unlock();
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI TpSimpleTryPost(PTP_SIMPLE_CALLBACK callback, PVOID userdata,
				      TP_CALLBACK_ENVIRON *env)
{
	return tp_post_simple((void *)callback, userdata, env, FALSE);
}

/* WT_EXECUTELONGFUNCTION marks the callback long; the other WT_EXECUTE*
 * choices (I/O, persistent threads) all run on a pool worker here. */
RTLAPI NTSTATUS NTAPI RtlQueueWorkItem(WORKERCALLBACKFUNC callback, PVOID context, ULONG flags)
{
	TP_CALLBACK_ENVIRON env = { .Version = 1 };

	env.u.s.LongFunction = !!(flags & WT_EXECUTELONGFUNCTION);
	return tp_post_simple((void *)callback, context, &env, TRUE);
}
