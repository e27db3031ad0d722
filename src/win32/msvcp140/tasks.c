/*
 * The pieces of the Parallel Patterns Library's tasks (ppltasks.h) that a
 * desktop msvcp140 exports.  Outside a Windows Runtime app there is no COM
 * context to capture or marshal into: a context callback stays as it is,
 * a call "in context" is a plain call, no thread is a UI (non-blocking)
 * thread, and the task event logger's ETW events are off.  Chores run on
 * the system thread pool.
 */
#include <windows.h>

/* std::function<void()> on x64: seven pointers of storage, then the
 * callable's implementation object, whose vtable has _Do_call at [2] and
 * _Delete_this(bool dealloc) at [4]. */
struct func_impl {
	void *const *vtbl;
};

struct std_function {
	void *storage[7];
	struct func_impl *impl;
};

struct task_continuation_context {
	void *context;
	BOOLEAN run_inline;
};

BOOLEAN __cdecl msvcp_is_non_blocking_thread(void)
{
	return FALSE;
}

BOOLEAN __cdecl msvcp_is_current_origin_sta(void *callback)
{
	return FALSE;
}

struct task_continuation_context *__cdecl msvcp_tcc_ctor(struct task_continuation_context *t)
{
	t->context = NULL;
	t->run_inline = FALSE;
	return t;
}

/* _Assign, _Capture, _Reset and the logger's events: nothing to do. */
void __cdecl msvcp_context_nop(void *callback, void *arg)
{
}

/* Calls the function here, then destroys it: the callee owns a by-value
 * argument in the Microsoft x64 convention. */
void __cdecl msvcp_call_in_context(void *callback, struct std_function *f, BOOLEAN ignore_disconnect)
{
	struct func_impl *impl = f->impl;

	if (!impl)
		return;
	((void (__cdecl *)(void *))impl->vtbl[2])(impl);
	((void (__cdecl *)(void *, BOOLEAN))impl->vtbl[4])(impl, (void *)impl != (void *)f);
}

/* A chore: work the PPL hands to the system thread pool. */
struct threadpool_chore {
	PTP_WORK work;
	void (__cdecl *callback)(void *);
	void *arg;
};

static void CALLBACK chore_run(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
	struct threadpool_chore *c = context;

	if (c->callback)
		c->callback(c->arg);
}

/* Makes new pool work for the chore (any earlier work is the caller's to
 * release) and submits it: 0, or -1 when the pool cannot take it. */
int __cdecl msvcp_schedule_chore(struct threadpool_chore *c)
{
	c->work = CreateThreadpoolWork(chore_run, c, NULL);
	if (!c->work)
		return -1;
	SubmitThreadpoolWork(c->work);
	return 0;
}

int __cdecl msvcp_reschedule_chore(const struct threadpool_chore *c)
{
	if (!c->work)
		return -1;
	SubmitThreadpoolWork(c->work);
	return 0;
}

/* Cancels the runs not started, waits for the running one, frees the work. */
void __cdecl msvcp_release_chore(struct threadpool_chore *c)
{
	if (!c->work)
		return;
	WaitForThreadpoolWorkCallbacks(c->work, TRUE);
	CloseThreadpoolWork(c->work);
	c->work = NULL;
}
