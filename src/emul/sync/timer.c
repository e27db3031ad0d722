/*
 * Waitable timers: NtCreateTimer, NtOpenTimer, NtSetTimer, NtCancelTimer,
 * NtQueryTimer.
 *
 * Setting a timer resets it and arms it for its due time (negative:
 * relative, in 100 ns units; positive: an absolute system time, taken
 * against the clock when it is set); it then fires once, or every Period
 * milliseconds.  Firing signals it: a notification timer stays signalled
 * until set again, a synchronization timer releases one waiter.  Cancelling
 * stops it firing and leaves its state alone.  A completion routine is
 * queued as an APC to the thread that set the timer, each time it fires:
 * TimerApcRoutine(TimerContext, TimerLowValue, TimerHighValue), the
 * values being the FILETIME it fired at.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/sync/apc.h"
#include "emul/system/kuser.h"
#include "emul/object/object_names.h"
#include "emul/process/thread.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define TIMER_ALL_ACCESS 0x1F0003
#define STATUS_TIMER_RESUME_IGNORED 0x40000025u
#define STATUS_INVALID_PARAMETER_6 0xC00000F4u

enum { NotificationTimer, SynchronizationTimer };

struct timer {
	struct nt_object hdr;
	struct waitable wait;
	struct object_name name;
	uint32_t type;
	bool signaled;
	uint64_t armed;      /* loop timer id, 0: not running */
	uint64_t due_ns;     /* monotonic, while armed */
	uint64_t period_ns;  /* 0: once */
	struct nt_object *apc_thread; /* the thread object (a reference) of who
				       * set it with a completion routine */
	uint64_t apc_routine, apc_context;
	struct loop *loop;   /* its host's */
};

static const struct generic_mapping timer_mapping = {
	STANDARD_READ | SYNC_QUERY_STATE, STANDARD_READ | SYNC_MODIFY_STATE,
	STANDARD_READ | SYNCHRONIZE_RIGHT, TIMER_ALL_ACCESS,
};

static void disarm(struct timer *tm)
{
	if (tm->armed)
		loop_cancel_timer(tm->loop, tm->armed);
	tm->armed = 0;
}

static void timer_destroy(struct nt_object *obj)
{
	struct timer *tm = (struct timer *)obj;

	disarm(tm);
	object_unref(tm->apc_thread);
	object_name_remove(&tm->name);
	free(tm);
}

static void timer_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct timer *)obj)->name, buf, len);
}

static bool timer_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	(void)t;
	return ((struct timer *)obj)->signaled;
}

static bool timer_acquire(struct nt_object *obj, struct lsw_thread *t)
{
	struct timer *tm = (struct timer *)obj;

	(void)t;
	if (tm->type == SynchronizationTimer)
		tm->signaled = false;
	return false;
}

static const struct waitable_ops timer_wait_ops = { timer_signaled, timer_acquire };

static struct waitable *timer_waitable(struct nt_object *obj)
{
	return &((struct timer *)obj)->wait;
}

const struct nt_object_ops timer_ops = {
	.type_name = "Timer",
	.destroy = timer_destroy,
	.describe = timer_describe,
	.waitable = timer_waitable,
	.valid_access = TIMER_ALL_ACCESS,
};

static void fire(void *arg, uint32_t events)
{
	struct timer *tm = arg;
	struct lsw_thread *t;

	(void)events;
	tm->armed = 0;
	tm->signaled = true;
	t = tm->apc_thread ? ((struct thread_object *)tm->apc_thread)->thread : NULL;
	if (tm->apc_routine && t && !t->exited) {
		uint64_t now = nt_system_time();

		apc_queue(t, tm->apc_routine, tm->apc_context, (uint32_t)now, now >> 32);
	}
	if (tm->period_ns) {
		tm->due_ns += tm->period_ns;
		tm->armed = loop_add_timer(tm->loop, tm->due_ns, fire, tm); /* 0: stops, no memory */
	}
	waitable_wake(&tm->hdr);
}

/* NtCreateTimer(TimerHandle, DesiredAccess, ObjectAttributes, TimerType) */
NTSTATUS nt_NtCreateTimer(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &timer_mapping);
	uint32_t type = (uint32_t)c->args[3];
	struct object_name nm;
	struct timer *tm;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[0])) != LSW_STATUS_SUCCESS)
		return st;
	if (type > SynchronizationTimer)
		return LSW_STATUS_INVALID_PARAMETER_4;
	if ((st = object_create_begin(c, c->args[2], &timer_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(tm = calloc(1, sizeof(*tm)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&tm->hdr, &timer_ops);
	tm->loop = thread_loop(c->thread);
	waitable_init(&tm->wait, &timer_wait_ops);
	tm->name = nm;
	tm->type = type;
	return object_create_end(c, &tm->hdr, &tm->name, access, c->args[0]);
}

/* NtOpenTimer(TimerHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenTimer(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &timer_ops,
				 access_map_generic((uint32_t)c->args[1], &timer_mapping),
				 c->args[0]);
}

/* NtSetTimer(TimerHandle, DueTime, TimerApcRoutine, TimerContext,
 *            ResumeTimer, Period, PreviousState) */
NTSTATUS nt_NtSetTimer(struct nt_call *c)
{
	NTSTATUS st;
	struct timer *tm = (struct timer *)object_from_handle(c, c->args[0], &timer_ops,
							      SYNC_MODIFY_STATE, &st);
	int32_t period = (int32_t)c->args[5];
	uint8_t before;
	int64_t due;
	uint64_t now = loop_now_ns();

	if (!tm)
		return st;
	if (period < 0)
		return STATUS_INVALID_PARAMETER_6;
	if (tracee_read(c->thread, c->args[1], &due, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	before = tm->signaled;
	if (c->args[6] && tracee_write(c->thread, c->args[6], &before, 1) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	disarm(tm);
	object_unref(tm->apc_thread);
	/* a reference to the thread's object: its record stays while it may fire */
	tm->apc_thread = c->args[2] ? thread_object_get(c->thread) : NULL;
	if (c->args[2] && !tm->apc_thread)
		return LSW_STATUS_NO_MEMORY;
	tm->apc_routine = c->args[2];
	tm->apc_context = c->args[3];
	tm->signaled = false;
	if (due < 0) /* negated unsigned: INT64_MIN has no signed opposite */
		tm->due_ns = now + (-(uint64_t)due > UINT64_MAX / 400 ? UINT64_MAX / 4
								  : -(uint64_t)due * 100);
	else
		tm->due_ns = now + ((uint64_t)due > nt_system_time()
					    ? ((uint64_t)due - nt_system_time()) * 100 : 0);
	tm->period_ns = (uint64_t)period * 1000000;
	if (!(tm->armed = loop_add_timer(tm->loop, tm->due_ns, fire, tm)))
		return LSW_STATUS_NO_MEMORY;
	/* resuming a suspended machine is not a thing here */
	return (uint8_t)c->args[4] ? STATUS_TIMER_RESUME_IGNORED : LSW_STATUS_SUCCESS;
}

/* NtCancelTimer(TimerHandle, CurrentState) */
NTSTATUS nt_NtCancelTimer(struct nt_call *c)
{
	NTSTATUS st;
	struct timer *tm = (struct timer *)object_from_handle(c, c->args[0], &timer_ops,
							      SYNC_MODIFY_STATE, &st);
	uint8_t state;

	if (!tm)
		return st;
	disarm(tm);
	state = tm->signaled;
	if (c->args[1] && tracee_write(c->thread, c->args[1], &state, 1) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtQueryTimer(TimerHandle, TimerInformationClass, TimerInformation,
 *              TimerInformationLength, ReturnLength): TimerBasicInformation
 * is { LARGE_INTEGER RemainingTime; BOOLEAN TimerState; } (16 bytes). */
NTSTATUS nt_NtQueryTimer(struct nt_call *c)
{
	NTSTATUS st;
	struct timer *tm = (struct timer *)object_from_handle(c, c->args[0], &timer_ops,
							      SYNC_QUERY_STATE, &st);
	uint8_t info[16] = { 0 };
	uint32_t len = sizeof(info);
	int64_t remaining = 0;
	uint64_t now = loop_now_ns();

	if (!tm)
		return st;
	if ((uint32_t)c->args[1] != 0 /* TimerBasicInformation */)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] != sizeof(info))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tm->armed && tm->due_ns > now)
		remaining = (int64_t)((tm->due_ns - now) / 100);
	memcpy(info, &remaining, 8);
	info[8] = tm->signaled;
	if (tracee_write(c->thread, c->args[2], info, sizeof(info)) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &len, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
