/*
 * One callback run and its instance: what the callback may ask through
 * the TpCallback* calls (actions when it returns, may-run-long, leaving
 * its object early).  The instance lives on the worker's stack and is
 * only valid on that thread while the callback runs.
 */
#include "tp_private.h"

typedef void(NTAPI *tp_io_callback)(TP_CALLBACK_INSTANCE *, void *, void *, IO_STATUS_BLOCK *,
				    TP_IO *);

static void invoke_io(struct tp_object *obj, TP_CALLBACK_INSTANCE *ci, const struct tp_run_args *a)
{
	IO_STATUS_BLOCK iosb = a->iosb;

	switch (obj->u.io.callback_kind) {
	case TP_IO_NT:
		((tp_io_callback)obj->callback)(ci, obj->userdata, a->overlapped, &iosb, (TP_IO *)obj);
		break;
	case TP_IO_WIN32:
		((PTP_WIN32_IO_CALLBACK)obj->callback)(ci, obj->userdata, a->overlapped,
						       RtlNtStatusToDosError(iosb.Status),
						       iosb.Information, (TP_IO *)obj);
		break;
	case TP_IO_COMPLETION_ROUTINE:
		((LPOVERLAPPED_COMPLETION_ROUTINE)obj->callback)(RtlNtStatusToDosError(iosb.Status),
								 (DWORD)iosb.Information,
								 a->overlapped);
		break;
	}
}

static void invoke(struct tp_object *obj, TP_CALLBACK_INSTANCE *ci, const struct tp_run_args *a)
{
	switch (obj->kind) {
	case TP_KIND_SIMPLE:
		if (obj->rtl)
			((WORKERCALLBACKFUNC)obj->callback)(obj->userdata);
		else
			((PTP_SIMPLE_CALLBACK)obj->callback)(ci, obj->userdata);
		break;
	case TP_KIND_WORK:
		((PTP_WORK_CALLBACK)obj->callback)(ci, obj->userdata, (TP_WORK *)obj);
		break;
	case TP_KIND_TIMER:
		if (obj->rtl)
			((WAITORTIMERCALLBACK)obj->callback)(obj->userdata, TRUE);
		else
			((PTP_TIMER_CALLBACK)obj->callback)(ci, obj->userdata, (TP_TIMER *)obj);
		break;
	case TP_KIND_WAIT:
		if (obj->rtl)
			((WAITORTIMERCALLBACK)obj->callback)(obj->userdata, a->wait_result == STATUS_TIMEOUT);
		else
			((PTP_WAIT_CALLBACK)obj->callback)(ci, obj->userdata, (TP_WAIT *)obj,
							  a->wait_result);
		break;
	case TP_KIND_IO:
		invoke_io(obj, ci, a);
		break;
	}
}

/* The actions asked for with TpCallback*OnCompletion, in Windows' order. */
static void completion_actions(struct tp_instance *inst)
{
	if (inst->leave_cs)
		RtlLeaveCriticalSection(inst->leave_cs);
	if (inst->release_mutex)
		NtReleaseMutant(inst->release_mutex, NULL);
	if (inst->release_semaphore)
		NtReleaseSemaphore(inst->release_semaphore, inst->semaphore_count, NULL);
	if (inst->set_event)
		NtSetEvent(inst->set_event, NULL);
	if (inst->unload_dll)
		LdrUnloadDll(inst->unload_dll);
}

/* Under the lock: the callback no longer counts as running on its object. */
static void dissociate_locked(struct tp_instance *inst)
{
	struct tp_object *obj = inst->object;

	inst->associated = FALSE;
	if (--obj->running == 0 && !obj->pending)
		RtlWakeAllConditionVariable(&obj->idle);
}

static LIST_ENTRY running_instances = { &running_instances, &running_instances };

/* Under the lock: callbacks of obj running on this thread (a callback
 * that deregisters its own wait or timer does not wait for itself). */
LONG tp_running_here_locked(struct tp_object *obj)
{
	DWORD tid = (DWORD)(ULONG_PTR)lsw_teb()->UniqueThread;
	LONG n = 0;

	for (LIST_ENTRY *e = running_instances.Flink; e != &running_instances; e = e->Flink) {
		struct tp_instance *inst = CONTAINING_RECORD(e, struct tp_instance, entry);

		n += inst->object == obj && inst->thread_id == tid && inst->associated;
	}
	return n;
}

void tp_run_one(struct tp_object *obj, const struct tp_run_args *args)
{
	struct tp_instance inst = {
		.object = obj,
		.thread_id = (DWORD)(ULONG_PTR)lsw_teb()->UniqueThread,
		.associated = TRUE,
		.may_run_long = obj->may_run_long,
	};
	TP_CALLBACK_INSTANCE *ci = (TP_CALLBACK_INSTANCE *)&inst;

	tp_lock();
	rtl_list_append(&running_instances, &inst.entry);
	tp_unlock();
	invoke(obj, ci, args);
	if (obj->finalize)
		obj->finalize(ci, obj->userdata);
	completion_actions(&inst);
	tp_lock();
	rtl_list_remove(&inst.entry);
	if (inst.associated)
		dissociate_locked(&inst);
	if (--obj->active == 0)
		RtlWakeAllConditionVariable(&obj->idle);
	tp_object_maybe_free_locked(obj);
	tp_unlock();
}

/* The instance, when the caller is the thread running its callback. */
static struct tp_instance *mine(TP_CALLBACK_INSTANCE *ci)
{
	struct tp_instance *inst = (struct tp_instance *)ci;

	if (!inst || inst->thread_id != (DWORD)(ULONG_PTR)lsw_teb()->UniqueThread)
		return NULL;
	return inst;
}

RTLAPI VOID NTAPI TpCallbackSetEventOnCompletion(TP_CALLBACK_INSTANCE *ci, HANDLE event)
{
	struct tp_instance *inst = mine(ci);

	if (inst && !inst->set_event)
		inst->set_event = event;
}

RTLAPI VOID NTAPI TpCallbackReleaseSemaphoreOnCompletion(TP_CALLBACK_INSTANCE *ci, HANDLE sem,
							 DWORD count)
{
	struct tp_instance *inst = mine(ci);

	if (inst && !inst->release_semaphore) {
		inst->release_semaphore = sem;
		inst->semaphore_count = (LONG)count;
	}
}

RTLAPI VOID NTAPI TpCallbackReleaseMutexOnCompletion(TP_CALLBACK_INSTANCE *ci, HANDLE mutex)
{
	struct tp_instance *inst = mine(ci);

	if (inst && !inst->release_mutex)
		inst->release_mutex = mutex;
}

RTLAPI VOID NTAPI TpCallbackLeaveCriticalSectionOnCompletion(TP_CALLBACK_INSTANCE *ci,
							     RTL_CRITICAL_SECTION *cs)
{
	struct tp_instance *inst = mine(ci);

	if (inst && !inst->leave_cs)
		inst->leave_cs = cs;
}

RTLAPI VOID NTAPI TpCallbackUnloadDllOnCompletion(TP_CALLBACK_INSTANCE *ci, HMODULE module)
{
	struct tp_instance *inst = mine(ci);

	if (inst && !inst->unload_dll)
		inst->unload_dll = module;
}

/* STATUS_TOO_MANY_THREADS when no other worker can take the queued
 * callbacks while this one runs on. */
RTLAPI NTSTATUS NTAPI TpCallbackMayRunLong(TP_CALLBACK_INSTANCE *ci)
{
	struct tp_instance *inst = mine(ci);
	NTSTATUS st = STATUS_SUCCESS;

	if (!inst)
		return STATUS_INVALID_PARAMETER;
	if (inst->may_run_long)
		return STATUS_SUCCESS;
	tp_lock();
	if (tp_pool_spare_thread_locked(inst->object->pool))
		inst->may_run_long = TRUE;
	else
		st = STATUS_TOO_MANY_THREADS;
	tp_unlock();
	return st;
}

/* Waits for the object's callbacks no longer wait for this one. */
RTLAPI VOID NTAPI TpDisassociateCallback(TP_CALLBACK_INSTANCE *ci)
{
	struct tp_instance *inst = mine(ci);

	if (!inst || !inst->associated)
		return;
	tp_lock();
	dissociate_locked(inst);
	tp_unlock();
}
