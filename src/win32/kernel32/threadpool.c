/*
 * The Win32 thread pool API over ntdll's pool, as Windows has it: most
 * calls are forwarders to ntdll's Tp* (kernel32.spec); these are the
 * ones that turn an NTSTATUS into a result and a last error, plus the
 * older QueueUserWorkItem, registered waits and timer queues over the
 * Rtl calls.
 */
#include "k32_private.h"

NTSTATUS NTAPI TpAllocPool(TP_POOL **, PVOID);
NTSTATUS NTAPI TpAllocWork(TP_WORK **, PTP_WORK_CALLBACK, PVOID, PTP_CALLBACK_ENVIRON);
NTSTATUS NTAPI TpAllocTimer(TP_TIMER **, PTP_TIMER_CALLBACK, PVOID, PTP_CALLBACK_ENVIRON);
NTSTATUS NTAPI TpAllocWait(TP_WAIT **, PTP_WAIT_CALLBACK, PVOID, PTP_CALLBACK_ENVIRON);
NTSTATUS NTAPI TpAllocCleanupGroup(TP_CLEANUP_GROUP **);
NTSTATUS NTAPI TpSimpleTryPost(PTP_SIMPLE_CALLBACK, PVOID, PTP_CALLBACK_ENVIRON);
NTSTATUS NTAPI TpCallbackMayRunLong(PTP_CALLBACK_INSTANCE);
NTSTATUS NTAPI TpSetPoolMinThreads(TP_POOL *, DWORD);
NTSTATUS NTAPI RtlQueueWorkItem(WORKERCALLBACKFUNC, PVOID, ULONG);
NTSTATUS NTAPI RtlSetIoCompletionCallback(HANDLE, LPOVERLAPPED_COMPLETION_ROUTINE, ULONG);
NTSTATUS NTAPI RtlRegisterWait(PHANDLE, HANDLE, WAITORTIMERCALLBACK, PVOID, ULONG, ULONG);
NTSTATUS NTAPI RtlDeregisterWaitEx(HANDLE, HANDLE);
NTSTATUS NTAPI RtlCreateTimerQueue(PHANDLE);
NTSTATUS NTAPI RtlCreateTimer(HANDLE, PHANDLE, WAITORTIMERCALLBACK, PVOID, DWORD, DWORD, ULONG);
NTSTATUS NTAPI RtlUpdateTimer(HANDLE, HANDLE, DWORD, DWORD);
NTSTATUS NTAPI RtlDeleteTimer(HANDLE, HANDLE, HANDLE);
NTSTATUS NTAPI RtlDeleteTimerQueueEx(HANDLE, HANDLE);

/* A Tp allocation's result: the object, or NULL with the error set. */
static void *allocated(NTSTATUS st, void **object)
{
	if (st < 0) {
		k32_fail(st);
		return NULL;
	}
	return *object;
}

/* Deletions that leave a callback running fail with ERROR_IO_PENDING. */
static BOOL deleted(NTSTATUS st)
{
	return st == STATUS_PENDING ? k32_error(ERROR_IO_PENDING) : st < 0 ? k32_fail(st) : TRUE;
}

K32API PTP_POOL WINAPI CreateThreadpool(PVOID reserved)
{
	TP_POOL *pool = NULL;

	return allocated(TpAllocPool(&pool, reserved), (void **)&pool);
}

K32API PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK callback, PVOID context,
					    PTP_CALLBACK_ENVIRON env)
{
	TP_WORK *work = NULL;

	return allocated(TpAllocWork(&work, callback, context, env), (void **)&work);
}

K32API PTP_TIMER WINAPI CreateThreadpoolTimer(PTP_TIMER_CALLBACK callback, PVOID context,
					      PTP_CALLBACK_ENVIRON env)
{
	TP_TIMER *timer = NULL;

	return allocated(TpAllocTimer(&timer, callback, context, env), (void **)&timer);
}

K32API PTP_WAIT WINAPI CreateThreadpoolWait(PTP_WAIT_CALLBACK callback, PVOID context,
					    PTP_CALLBACK_ENVIRON env)
{
	TP_WAIT *wait = NULL;

	return allocated(TpAllocWait(&wait, callback, context, env), (void **)&wait);
}

typedef NTSTATUS NTAPI win32_io_alloc_fn(TP_IO **, HANDLE, PTP_WIN32_IO_CALLBACK, PVOID,
					  PTP_CALLBACK_ENVIRON);

/* ntdll's I/O object with a Win32 callback (a private export). */
K32API PTP_IO WINAPI CreateThreadpoolIo(HANDLE file, PTP_WIN32_IO_CALLBACK callback, PVOID context,
					PTP_CALLBACK_ENVIRON env)
{
	static win32_io_alloc_fn *alloc_io;
	ANSI_STRING name;
	TP_IO *io = NULL;

	if (!alloc_io) {
		RtlInitAnsiString(&name, "LswTpAllocWin32Io");
		if (LdrGetProcedureAddress(GetModuleHandleW(L"ntdll.dll"), &name, 0,
					   (PVOID *)&alloc_io) < 0)
			return (PTP_IO)(ULONG_PTR)k32_error(ERROR_PROC_NOT_FOUND);
	}
	return allocated(alloc_io(&io, file, callback, context, env), (void **)&io);
}

K32API PTP_CLEANUP_GROUP WINAPI CreateThreadpoolCleanupGroup(void)
{
	TP_CLEANUP_GROUP *group = NULL;

	return allocated(TpAllocCleanupGroup(&group), (void **)&group);
}

K32API BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK callback, PVOID context,
					       PTP_CALLBACK_ENVIRON env)
{
	NTSTATUS st = TpSimpleTryPost(callback, context, env);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI CallbackMayRunLong(PTP_CALLBACK_INSTANCE instance)
{
	NTSTATUS st = TpCallbackMayRunLong(instance);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetThreadpoolThreadMinimum(PTP_POOL pool, DWORD min)
{
	NTSTATUS st = TpSetPoolMinThreads(pool, min);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE fn, PVOID arg, ULONG flags)
{
	NTSTATUS st = RtlQueueWorkItem((WORKERCALLBACKFUNC)fn, arg, flags);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI BindIoCompletionCallback(HANDLE file, LPOVERLAPPED_COMPLETION_ROUTINE routine,
					    ULONG flags)
{
	NTSTATUS st = RtlSetIoCompletionCallback(file, routine, flags);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI RegisterWaitForSingleObject(PHANDLE out, HANDLE object,
					       WAITORTIMERCALLBACK callback, PVOID context,
					       ULONG ms, ULONG flags)
{
	NTSTATUS st = RtlRegisterWait(out, object, callback, context, ms, flags);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API HANDLE WINAPI RegisterWaitForSingleObjectEx(HANDLE object, WAITORTIMERCALLBACK callback,
						   PVOID context, ULONG ms, ULONG flags)
{
	HANDLE wait = NULL;

	return RegisterWaitForSingleObject(&wait, object, callback, context, ms, flags) ? wait : NULL;
}

K32API BOOL WINAPI UnregisterWaitEx(HANDLE wait, HANDLE completion)
{
	if (!wait)
		return k32_error(ERROR_INVALID_HANDLE);
	return deleted(RtlDeregisterWaitEx(wait, completion));
}

K32API BOOL WINAPI UnregisterWait(HANDLE wait)
{
	return UnregisterWaitEx(wait, NULL);
}

K32API HANDLE WINAPI CreateTimerQueue(void)
{
	HANDLE queue = NULL;

	return allocated(RtlCreateTimerQueue(&queue), (void **)&queue);
}

K32API BOOL WINAPI CreateTimerQueueTimer(PHANDLE out, HANDLE queue, WAITORTIMERCALLBACK callback,
					 PVOID param, DWORD due, DWORD period, ULONG flags)
{
	NTSTATUS st;

	if (!out || !callback)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = RtlCreateTimer(queue, out, callback, param, due, period, flags);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI ChangeTimerQueueTimer(HANDLE queue, HANDLE timer, ULONG due, ULONG period)
{
	NTSTATUS st = RtlUpdateTimer(queue, timer, due, period);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI DeleteTimerQueueTimer(HANDLE queue, HANDLE timer, HANDLE completion)
{
	if (!timer)
		return k32_error(ERROR_INVALID_PARAMETER);
	return deleted(RtlDeleteTimer(queue, timer, completion));
}

K32API BOOL WINAPI CancelTimerQueueTimer(HANDLE queue, HANDLE timer)
{
	return DeleteTimerQueueTimer(queue, timer, NULL);
}

K32API HANDLE WINAPI SetTimerQueueTimer(HANDLE queue, WAITORTIMERCALLBACK callback, PVOID param,
					DWORD due, DWORD period, BOOL persistent)
{
	HANDLE timer = NULL;

	return CreateTimerQueueTimer(&timer, queue, callback, param, due, period, 0) ? timer : NULL;
}

K32API BOOL WINAPI DeleteTimerQueueEx(HANDLE queue, HANDLE completion)
{
	return deleted(RtlDeleteTimerQueueEx(queue, completion));
}

K32API BOOL WINAPI DeleteTimerQueue(HANDLE queue)
{
	return DeleteTimerQueueEx(queue, NULL);
}
