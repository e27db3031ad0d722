/* RtlRegisterWait and RtlDeregisterWait(Ex): wait objects on the default
 * pool with the Rtl callback and flags. */
#include "tp_private.h"

RTLAPI NTSTATUS NTAPI RtlRegisterWait(PHANDLE out, HANDLE object, WAITORTIMERCALLBACK callback,
				      PVOID context, ULONG ms, ULONG flags)
{
	TP_CALLBACK_ENVIRON env = { .Version = 1 };
	LARGE_INTEGER timeout = { .QuadPart = -(LONGLONG)ms * 10000 };
	struct tp_object *obj;
	NTSTATUS st;

	if (!out)
		return STATUS_INVALID_PARAMETER;
	env.u.s.LongFunction = !!(flags & WT_EXECUTELONGFUNCTION);
	if ((st = tp_object_new(TP_KIND_WAIT, (void *)callback, context, &env, &obj)) < 0)
		return st;
	tp_lock();
	obj->rtl = TRUE;
	obj->u.wait.rearm = !(flags & WT_EXECUTEONLYONCE);
	obj->u.wait.in_wait_thread = !!(flags & WT_EXECUTEINWAITTHREAD);
	obj->u.wait.timeout_ms = ms;
	/* the handle is out before the wait is armed: a callback that runs at
	 * once (the object already signalled) may unregister it */
	*out = obj;
	st = tp_wait_set_locked(obj, object, ms == INFINITE ? NULL : &timeout);
	if (st < 0) {
		obj->released = TRUE;
		*out = NULL;
	}
	tp_object_maybe_free_locked(obj);
	tp_unlock();
	return st;
}

RTLAPI NTSTATUS NTAPI RtlDeregisterWaitEx(HANDLE wait, HANDLE event)
{
	return tp_rtl_delete((struct tp_object *)wait, event, TRUE);
}

RTLAPI NTSTATUS NTAPI RtlDeregisterWait(HANDLE wait)
{
	return tp_rtl_delete((struct tp_object *)wait, NULL, TRUE);
}
