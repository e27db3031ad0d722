/*
 * ntdll's thread pool (Tp*, and the Rtl work items, waits and timer
 * queues built on it).  One lock guards every pool, object, group, timer
 * and wait; callbacks always run with it released.
 *
 * An object (work, simple callback, timer, wait, I/O) belongs to a pool
 * and maybe a cleanup group.  Submitting it adds a pending callback and
 * queues it on its pool; a worker takes one pending callback at a time.
 * "running" counts callbacks started and still associated with the
 * object (what TpWaitFor* waits for), "active" the workers still using
 * the object's memory.  An object goes when its owner released it and
 * nothing is pending, running, active, armed or held.
 */
#ifndef LSW_TP_PRIVATE_H
#define LSW_TP_PRIVATE_H

#include "../rtl/rtl_private.h"

NTSTATUS NTAPI NtCreateThreadEx(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, HANDLE, PVOID, PVOID,
				ULONG, SIZE_T, SIZE_T, SIZE_T, PVOID);
BOOLEAN NTAPI RtlQueryUnbiasedInterruptTime(PULONGLONG);

#define TP_SYNCHRONIZATION_EVENT 1 /* EVENT_TYPE: auto-reset */
#define TP_WAIT_ANY 1               /* WAIT_TYPE: WaitAny */

static inline void tp_list_init(LIST_ENTRY *head)
{
	head->Flink = head->Blink = head;
}

#define TP_PRIORITIES 3         /* high, normal, low */
#define TP_DEFAULT_MAX 500      /* Windows' default pool maximum */
#define TP_IDLE_TIMEOUT_MS 5000 /* an idle worker above the minimum ends */

enum tp_kind { TP_KIND_SIMPLE, TP_KIND_WORK, TP_KIND_TIMER, TP_KIND_WAIT, TP_KIND_IO };

/* An I/O object's callback: ntdll's (TpAllocIoCompletion), kernel32's
 * PTP_WIN32_IO_CALLBACK (CreateThreadpoolIo) or an overlapped completion
 * routine (RtlSetIoCompletionCallback, BindIoCompletionCallback). */
enum tp_io_callback_kind { TP_IO_NT, TP_IO_WIN32, TP_IO_COMPLETION_ROUTINE };

struct tp_pool {
	LONG refs;                         /* owner, objects, workers */
	BOOL released;
	LIST_ENTRY queue[TP_PRIORITIES];   /* objects with pending callbacks */
	LONG queued;                       /* pending callbacks in the queues */
	HANDLE work_ready;                 /* semaphore idle workers wait on, alertably */
	DWORD max_workers, min_workers;
	DWORD workers, idle;               /* threads; of those, waiting for work */
};

struct tp_group {
	LIST_ENTRY members;
};

struct tp_wait_bucket;
struct tp_timer_queue;

struct tp_object {
	enum tp_kind kind;
	BOOL released;            /* the owner let go */
	BOOL rtl;                 /* an Rtl client: WAITORTIMERCALLBACK / WORKERCALLBACKFUNC */
	BOOL may_run_long;
	struct tp_pool *pool;
	int priority;
	void *callback, *userdata;
	PTP_SIMPLE_CALLBACK finalize;
	HMODULE race_dll;
	struct tp_group *group;
	LIST_ENTRY group_entry;
	PTP_CLEANUP_GROUP_CANCEL_CALLBACK group_cancel;
	LIST_ENTRY queue_entry;   /* in pool->queue while pending > 0 */
	LONG pending, running, active, holds;
	BOOL group_cancelled;     /* TpReleaseCleanupGroupMembers dropped its pending callbacks */
	RTL_CONDITION_VARIABLE idle; /* pending and running reached 0 */
	HANDLE notify;            /* Rtl deregistration: set when the object goes */
	union {
		struct {
			BOOL set, armed;  /* set: has a due time; armed: in the timer list */
			ULONGLONG due;    /* interrupt time, 100 ns */
			DWORD period, window;
			LIST_ENTRY entry;
			BOOL in_timer_thread;
			struct tp_timer_queue *queue;
			LIST_ENTRY queue_entry;
		} timer;
		struct {
			HANDLE handle;
			BOOL armed;
			ULONGLONG deadline;   /* ~0 for none */
			DWORD timeout_ms;     /* Rtl waits re-arm with it */
			BOOL rearm, in_wait_thread;
			ULONG result;         /* of the last firing */
			ULONG generation;
			struct tp_wait_bucket *bucket;
			LIST_ENTRY entry;
		} wait;
		struct {
			LONG expected;        /* started operations waited for (not cancelled) */
			LONG outstanding;     /* started operations not completed: the object lives */
			enum tp_io_callback_kind callback_kind;
			LIST_ENTRY done;      /* struct tp_io_done, one per pending callback */
			LIST_ENTRY entry;     /* in the live I/O objects */
		} io;
	} u;
};

/* What a callback's instance pointer points at: on the worker's stack. */
struct tp_instance {
	LIST_ENTRY entry;         /* in the running instances */
	struct tp_object *object;
	DWORD thread_id;
	BOOL associated, may_run_long;
	RTL_CRITICAL_SECTION *leave_cs;
	HANDLE set_event, release_mutex, release_semaphore, unload_dll;
	LONG semaphore_count;
};

/* What one callback run gets besides its object. */
struct tp_run_args {
	ULONG wait_result;
	IO_STATUS_BLOCK iosb;
	void *overlapped;
};

/* pool.c */
void tp_lock(void);
void tp_unlock(void);
RTL_CRITICAL_SECTION *tp_lock_cs(void);
NTSTATUS tp_default_pool(struct tp_pool **out);
void tp_pool_unref_locked(struct tp_pool *pool);
void tp_submit_locked(struct tp_object *obj, LONG count);
void tp_cancel_pending_locked(struct tp_object *obj);
BOOL tp_pool_spare_thread_locked(struct tp_pool *pool);
void tp_run_one(struct tp_object *obj, const struct tp_run_args *args);
LONG tp_running_here_locked(struct tp_object *obj);

/* object.c */
NTSTATUS tp_object_new(enum tp_kind kind, void *callback, void *userdata,
		       const TP_CALLBACK_ENVIRON *env, struct tp_object **out);
void tp_object_maybe_free_locked(struct tp_object *obj);
void tp_object_wait_locked(struct tp_object *obj, BOOL cancel);
void tp_object_wait_done_locked(struct tp_object *obj);
void tp_object_release(struct tp_object *obj);
void tp_object_disarm_locked(struct tp_object *obj);
ULONGLONG tp_now(void);
ULONGLONG tp_deadline(const LARGE_INTEGER *when);
NTSTATUS tp_rtl_delete(struct tp_object *obj, HANDLE event, BOOL own_ok);

/* work.c */
NTSTATUS tp_post_simple(void *callback, void *userdata, const TP_CALLBACK_ENVIRON *env, BOOL rtl);

/* timer.c, wait.c */
void tp_timer_set_locked(struct tp_object *obj, const LARGE_INTEGER *due, LONG period, LONG window);
void tp_timer_disarm_locked(struct tp_object *obj);
NTSTATUS tp_wait_set_locked(struct tp_object *obj, HANDLE handle, const LARGE_INTEGER *timeout);
void tp_wait_disarm_locked(struct tp_object *obj);

/* io.c */
void tp_io_take_locked(struct tp_object *obj, struct tp_run_args *args);
void tp_io_cancel_locked(struct tp_object *obj);
void tp_io_gone_locked(struct tp_object *obj);

/* rtl_timer.c */
void tp_timer_queue_object_gone_locked(struct tp_object *obj);

#endif
