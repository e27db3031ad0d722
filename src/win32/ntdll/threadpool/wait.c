/*
 * Wait objects (TpAllocWait, TpSetWait(Ex)...) and the wait threads
 * behind them and RtlRegisterWait.  A wait thread waits for up to 63
 * objects at once (plus its own wake-up event), as Windows' do; when one
 * is signalled or its timeout passes, the wait is disarmed (or, for a
 * repeating Rtl wait, re-armed) and its callback queued, or run on the
 * wait thread itself for WT_EXECUTEINWAITTHREAD.  Wait threads stay
 * for the life of the process.
 */
#include "tp_private.h"

#define BUCKET_WAITS (MAXIMUM_WAIT_OBJECTS - 1)
#define NO_DEADLINE (~0ULL)

struct tp_wait_bucket {
	LIST_ENTRY entry;   /* in buckets */
	LIST_ENTRY waits;
	int count;
	HANDLE changed;     /* auto-reset: re-read the waits */
};

static LIST_ENTRY buckets = { &buckets, &buckets };
static ULONG generations;

struct armed_snapshot {
	HANDLE handles[MAXIMUM_WAIT_OBJECTS];
	struct tp_object *objects[BUCKET_WAITS];
	ULONG generations[BUCKET_WAITS];
	int n;
};

/* Under the lock: obj is still armed in b with the same generation. */
static BOOL still_armed(struct tp_wait_bucket *b, struct tp_object *obj, ULONG gen)
{
	for (LIST_ENTRY *e = b->waits.Flink; e != &b->waits; e = e->Flink)
		if (CONTAINING_RECORD(e, struct tp_object, u.wait.entry) == obj)
			return obj->u.wait.generation == gen;
	return FALSE;
}

void tp_wait_disarm_locked(struct tp_object *obj)
{
	struct tp_wait_bucket *b = obj->u.wait.bucket;

	if (!obj->u.wait.armed)
		return;
	rtl_list_remove(&obj->u.wait.entry);
	obj->u.wait.armed = FALSE;
	obj->u.wait.bucket = NULL;
	b->count--;
	NtSetEvent(b->changed, NULL);
}

/* Under the lock: the wait fired with result; its callback's turn. */
static void fire_locked(struct tp_object *obj, ULONG result)
{
	if (obj->u.wait.rearm) {
		obj->u.wait.deadline = obj->u.wait.timeout_ms == INFINITE ?
			NO_DEADLINE : tp_now() + obj->u.wait.timeout_ms * 10000ULL;
		obj->u.wait.generation = ++generations;
	} else {
		tp_wait_disarm_locked(obj);
	}
	obj->u.wait.result = result;
	if (!obj->u.wait.in_wait_thread) {
		tp_submit_locked(obj, 1);
		return;
	}
	obj->running++;
	obj->active++;
	tp_unlock();
	tp_run_one(obj, &(struct tp_run_args){ .wait_result = result });
	tp_lock();
}

/* Under the lock: fires the waits whose timeout passed. */
static void fire_timeouts_locked(struct tp_wait_bucket *b)
{
	struct tp_object *objects[BUCKET_WAITS];
	ULONG gens[BUCKET_WAITS];
	ULONGLONG now = tp_now();
	int n = 0;

	for (LIST_ENTRY *e = b->waits.Flink; e != &b->waits && n < BUCKET_WAITS; e = e->Flink) {
		struct tp_object *obj = CONTAINING_RECORD(e, struct tp_object, u.wait.entry);

		if (obj->u.wait.deadline <= now) {
			objects[n] = obj;
			gens[n++] = obj->u.wait.generation;
		}
	}
	for (int i = 0; i < n; i++)
		if (still_armed(b, objects[i], gens[i])) /* a callback run here may change them */
			fire_locked(objects[i], STATUS_TIMEOUT);
}

/* Under the lock: the armed waits; the nearest deadline goes to *next. */
static void scan_locked(struct tp_wait_bucket *b, struct armed_snapshot *s, ULONGLONG *next)
{
	fire_timeouts_locked(b);
	s->n = 0;
	*next = NO_DEADLINE;
	for (LIST_ENTRY *e = b->waits.Flink; e != &b->waits; e = e->Flink) {
		struct tp_object *obj = CONTAINING_RECORD(e, struct tp_object, u.wait.entry);

		s->handles[s->n + 1] = obj->u.wait.handle;
		s->objects[s->n] = obj;
		s->generations[s->n++] = obj->u.wait.generation;
		if (obj->u.wait.deadline < *next)
			*next = obj->u.wait.deadline;
	}
}

/* Under the lock: the waits whose handle cannot be waited on (closed)
 * are dropped without a callback. */
static void drop_bad_handles_locked(struct tp_wait_bucket *b, struct armed_snapshot *s)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };

	for (int i = 0; i < s->n; i++) {
		NTSTATUS st = NtWaitForSingleObject(s->handles[i + 1], FALSE, &zero);

		if (st < 0 && still_armed(b, s->objects[i], s->generations[i]))
			tp_wait_disarm_locked(s->objects[i]);
		else if (st == STATUS_WAIT_0 && still_armed(b, s->objects[i], s->generations[i]))
			fire_locked(s->objects[i], STATUS_WAIT_0);
	}
}

static DWORD WINAPI bucket_main(void *arg)
{
	struct tp_wait_bucket *b = arg;
	struct armed_snapshot s;
	LARGE_INTEGER timeout;
	ULONGLONG next;
	NTSTATUS st;

	s.handles[0] = b->changed;
	tp_lock();
	for (;;) {
		scan_locked(b, &s, &next);
		tp_unlock();
		if (next != NO_DEADLINE) {
			ULONGLONG now = tp_now();

			timeout.QuadPart = next > now ? -(LONGLONG)(next - now) : 0;
		}
		st = NtWaitForMultipleObjects(s.n + 1, s.handles, TP_WAIT_ANY, FALSE,
					      next == NO_DEADLINE ? NULL : &timeout);
		tp_lock();
		if (st >= STATUS_WAIT_0 + 1 && st <= STATUS_WAIT_0 + (NTSTATUS)s.n) {
			int i = st - STATUS_WAIT_0 - 1;

			if (still_armed(b, s.objects[i], s.generations[i]))
				fire_locked(s.objects[i], STATUS_WAIT_0);
		} else if (st < 0) {
			drop_bad_handles_locked(b, &s);
		}
	}
	return 0;
}

/* Under the lock: a bucket with room, started if need be. */
static struct tp_wait_bucket *bucket_with_room_locked(void)
{
	struct tp_wait_bucket *b;
	OBJECT_ATTRIBUTES oa;
	HANDLE thread;

	for (LIST_ENTRY *e = buckets.Flink; e != &buckets; e = e->Flink) {
		b = CONTAINING_RECORD(e, struct tp_wait_bucket, entry);
		if (b->count < BUCKET_WAITS)
			return b;
	}
	if (!(b = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*b))))
		return NULL;
	tp_list_init(&b->waits);
	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	if (NtCreateEvent(&b->changed, EVENT_ALL_ACCESS, &oa, TP_SYNCHRONIZATION_EVENT, FALSE) < 0) {
		RtlFreeHeap(lsw_process_heap(), 0, b);
		return NULL;
	}
	if (NtCreateThreadEx(&thread, THREAD_ALL_ACCESS, &oa, (HANDLE)-1, (PVOID)bucket_main, b, 0, 0,
			     0, 0, NULL) < 0) {
		NtClose(b->changed);
		RtlFreeHeap(lsw_process_heap(), 0, b);
		return NULL;
	}
	NtClose(thread);
	rtl_list_append(&buckets, &b->entry);
	return b;
}

/* Under the lock: handle NULL disarms; timeout NULL waits forever. */
NTSTATUS tp_wait_set_locked(struct tp_object *obj, HANDLE handle, const LARGE_INTEGER *timeout)
{
	struct tp_wait_bucket *b;

	tp_wait_disarm_locked(obj);
	if (!handle)
		return STATUS_SUCCESS;
	if (!(b = bucket_with_room_locked()))
		return STATUS_NO_MEMORY;
	obj->u.wait.handle = handle;
	obj->u.wait.deadline = timeout ? tp_deadline(timeout) : NO_DEADLINE;
	obj->u.wait.generation = ++generations;
	obj->u.wait.bucket = b;
	obj->u.wait.armed = TRUE;
	rtl_list_append(&b->waits, &obj->u.wait.entry);
	b->count++;
	NtSetEvent(b->changed, NULL);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI TpAllocWait(TP_WAIT **out, PTP_WAIT_CALLBACK callback, PVOID userdata,
				  TP_CALLBACK_ENVIRON *env)
{
	struct tp_object *obj;
	NTSTATUS st;

	if (!out)
		return STATUS_ACCESS_VIOLATION;
	if ((st = tp_object_new(TP_KIND_WAIT, (void *)callback, userdata, env, &obj)) >= 0)
		*out = (TP_WAIT *)obj;
	return st;
}

/* TRUE when the wait was armed before this call. */
RTLAPI BOOL NTAPI TpSetWaitEx(TP_WAIT *wait, HANDLE handle, LARGE_INTEGER *timeout, PVOID reserved)
{
	struct tp_object *obj = (struct tp_object *)wait;
	BOOL was_armed;

	if (!obj)
		return FALSE;
	tp_lock();
	was_armed = obj->u.wait.armed;
	if (!obj->released)
		tp_wait_set_locked(obj, handle, timeout);
	tp_unlock();
	return was_armed;
}

RTLAPI VOID NTAPI TpSetWait(TP_WAIT *wait, HANDLE handle, LARGE_INTEGER *timeout)
{
	TpSetWaitEx(wait, handle, timeout, NULL);
}

RTLAPI VOID NTAPI TpWaitForWait(TP_WAIT *wait, BOOL cancel)
{
	struct tp_object *obj = (struct tp_object *)wait;

	if (!obj)
		return;
	tp_lock();
	tp_object_wait_locked(obj, cancel);
	tp_unlock();
}

RTLAPI VOID NTAPI TpReleaseWait(TP_WAIT *wait)
{
	tp_object_release((struct tp_object *)wait);
}
