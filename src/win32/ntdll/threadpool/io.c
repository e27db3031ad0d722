/*
 * I/O completion objects (TpAllocIoCompletion, TpStartAsyncIoOperation,
 * TpCancelAsyncIoOperation, TpWaitForIoCompletion...).  Their files are
 * bound to one completion port with the object as the key; an I/O
 * thread takes each packet and queues the object's callback with the
 * packet's status and OVERLAPPED.  Waiting for an object waits for the
 * operations announced with TpStartAsyncIoOperation too.
 */
#include "tp_private.h"

#define FILE_COMPLETION_INFORMATION_CLASS 30

struct tp_io_done {
	LIST_ENTRY entry;
	IO_STATUS_BLOCK iosb;
	void *overlapped;
};

static HANDLE io_port;
static LIST_ENTRY live_io = { &live_io, &live_io }; /* packets for others are dropped */

static struct tp_object *live_object(void *key)
{
	for (LIST_ENTRY *e = live_io.Flink; e != &live_io; e = e->Flink)
		if (CONTAINING_RECORD(e, struct tp_object, u.io.entry) == key)
			return key;
	return NULL;
}

/* Under the lock: one packet for obj; none for a released object. */
static void completed_locked(struct tp_object *obj, const IO_STATUS_BLOCK *iosb, void *overlapped)
{
	struct tp_io_done *d;

	if (obj->u.io.outstanding > 0)
		obj->u.io.outstanding--;
	if (obj->u.io.expected > 0)
		obj->u.io.expected--;
	if (obj->released) {
		tp_object_maybe_free_locked(obj);
		return;
	}
	if (!(d = RtlAllocateHeap(lsw_process_heap(), 0, sizeof(*d))))
		return;
	d->iosb = *iosb;
	d->overlapped = overlapped;
	rtl_list_append(&obj->u.io.done, &d->entry);
	tp_submit_locked(obj, 1);
}

static DWORD WINAPI io_main(void *unused)
{
	IO_STATUS_BLOCK iosb;
	void *key, *overlapped;
	struct tp_object *obj;

	for (;;) {
		if (NtRemoveIoCompletion(io_port, &key, &overlapped, &iosb, NULL) < 0)
			continue;
		tp_lock();
		if ((obj = live_object(key)))
			completed_locked(obj, &iosb, overlapped);
		tp_unlock();
	}
	return 0;
}

/* Under the lock: the port and its thread, made on first use. */
static NTSTATUS io_port_locked(void)
{
	OBJECT_ATTRIBUTES oa;
	HANDLE thread;
	NTSTATUS st;

	if (io_port)
		return STATUS_SUCCESS;
	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	if ((st = NtCreateIoCompletion(&io_port, IO_COMPLETION_ALL_ACCESS, NULL, 0)) < 0)
		return st;
	st = NtCreateThreadEx(&thread, THREAD_ALL_ACCESS, &oa, (HANDLE)-1, (PVOID)io_main, NULL, 0, 0,
			      0, 0, NULL);
	if (st < 0) {
		NtClose(io_port);
		io_port = NULL;
		return st;
	}
	NtClose(thread);
	return STATUS_SUCCESS;
}

/* Under the lock, for a worker: the oldest packet's status and OVERLAPPED. */
void tp_io_take_locked(struct tp_object *obj, struct tp_run_args *args)
{
	LIST_ENTRY *e = obj->u.io.done.Flink;
	struct tp_io_done *d;

	if (e == &obj->u.io.done)
		return;
	d = CONTAINING_RECORD(e, struct tp_io_done, entry);
	rtl_list_remove(e);
	args->iosb = d->iosb;
	args->overlapped = d->overlapped;
	RtlFreeHeap(lsw_process_heap(), 0, d);
}

/* Under the lock: the queued packets get no callback and the started
 * operations are no longer waited for; the object still lives until
 * they complete. */
void tp_io_cancel_locked(struct tp_object *obj)
{
	LIST_ENTRY *e;

	obj->u.io.expected = 0;
	while ((e = obj->u.io.done.Flink) != &obj->u.io.done) {
		rtl_list_remove(e);
		RtlFreeHeap(lsw_process_heap(), 0, CONTAINING_RECORD(e, struct tp_io_done, entry));
	}
}

void tp_io_gone_locked(struct tp_object *obj)
{
	tp_io_cancel_locked(obj);
	rtl_list_remove(&obj->u.io.entry);
}

static NTSTATUS alloc_io(TP_IO **out, HANDLE file, void *callback, void *userdata,
			 TP_CALLBACK_ENVIRON *env, enum tp_io_callback_kind kind)
{
	struct { HANDLE port; void *key; } info;
	struct tp_object *obj;
	IO_STATUS_BLOCK iosb;
	NTSTATUS st;

	if (!out)
		return STATUS_ACCESS_VIOLATION;
	tp_lock();
	st = io_port_locked();
	tp_unlock();
	if (st < 0 || (st = tp_object_new(TP_KIND_IO, callback, userdata, env, &obj)) < 0)
		return st;
	info.port = io_port;
	info.key = obj;
	tp_lock();
	obj->u.io.callback_kind = kind;
	tp_list_init(&obj->u.io.done);
	rtl_list_append(&live_io, &obj->u.io.entry);
	tp_unlock();
	st = NtSetInformationFile(file, &iosb, &info, sizeof(info),
				  (FILE_INFORMATION_CLASS)FILE_COMPLETION_INFORMATION_CLASS);
	if (st < 0) {
		tp_object_release(obj);
		return st;
	}
	*out = (TP_IO *)obj;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI TpAllocIoCompletion(TP_IO **out, HANDLE file, void *callback, void *userdata,
					  TP_CALLBACK_ENVIRON *env)
{
	return alloc_io(out, file, callback, userdata, env, TP_IO_NT);
}

/* kernel32's CreateThreadpoolIo: the callback takes a Win32 error. */
RTLAPI NTSTATUS NTAPI LswTpAllocWin32Io(TP_IO **out, HANDLE file, PTP_WIN32_IO_CALLBACK callback,
					void *userdata, TP_CALLBACK_ENVIRON *env)
{
	return alloc_io(out, file, (void *)callback, userdata, env, TP_IO_WIN32);
}

/* Every completion of the file's overlapped I/O calls routine on the
 * default pool, for the life of the process; flags must be 0. */
RTLAPI NTSTATUS NTAPI RtlSetIoCompletionCallback(HANDLE file, LPOVERLAPPED_COMPLETION_ROUTINE routine,
						 ULONG flags)
{
	TP_IO *io;

	if (flags)
		return STATUS_INVALID_PARAMETER;
	return alloc_io(&io, file, (void *)routine, NULL, NULL, TP_IO_COMPLETION_ROUTINE);
}

RTLAPI VOID NTAPI TpStartAsyncIoOperation(TP_IO *io)
{
	struct tp_object *obj = (struct tp_object *)io;

	if (!obj)
		return;
	tp_lock();
	obj->u.io.expected++;
	obj->u.io.outstanding++;
	tp_unlock();
}

/* The operation announced last failed at once: no packet will come. */
RTLAPI VOID NTAPI TpCancelAsyncIoOperation(TP_IO *io)
{
	struct tp_object *obj = (struct tp_object *)io;

	if (!obj)
		return;
	tp_lock();
	if (obj->u.io.expected > 0)
		obj->u.io.expected--;
	if (obj->u.io.outstanding > 0)
		obj->u.io.outstanding--;
	RtlWakeAllConditionVariable(&obj->idle);
	tp_object_maybe_free_locked(obj);
	tp_unlock();
}

RTLAPI VOID NTAPI TpWaitForIoCompletion(TP_IO *io, BOOL cancel)
{
	struct tp_object *obj = (struct tp_object *)io;

	if (!obj)
		return;
	tp_lock();
	tp_object_wait_locked(obj, cancel);
	tp_unlock();
}

RTLAPI VOID NTAPI TpReleaseIoCompletion(TP_IO *io)
{
	tp_object_release((struct tp_object *)io);
}
