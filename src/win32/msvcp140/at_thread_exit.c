/*
 * What a thread leaves to its end (std::notify_all_at_thread_exit and the
 * promises' set_value_at_thread_exit): a condition variable to wake, the
 * mutex the thread still holds for it and a flag to set.  The thread
 * routine of std::thread (and _Thrd_start's) calls
 * _Cnd_do_broadcast_at_thread_exit when the function returns; each entry
 * of the calling thread then sets its flag, unlocks its mutex and
 * broadcasts, in that order, so a waiter that sees the flag holds the
 * mutex again.  Also _Thrd_abort and _Mtx_getconcrtcs.
 */
#include "msvcp140/threads.h"
#include "msvcp140/ucrt.h"

struct exit_notice {
	struct exit_notice *next;
	DWORD thread;
	cnd_t *cnd;
	mtx_t *mtx;
	int *flag;
};

static SRWLOCK notices_lock = SRWLOCK_INIT;
static struct exit_notice *notices;

void __cdecl _Cnd_register_at_thread_exit(cnd_t *cnd, mtx_t *mtx, int *flag)
{
	struct exit_notice *n = HeapAlloc(GetProcessHeap(), 0, sizeof(*n));

	if (!n) {
		RaiseException(STATUS_NO_MEMORY, EXCEPTION_NONCONTINUABLE, 0, NULL);
		return;
	}
	n->thread = GetCurrentThreadId();
	n->cnd = cnd;
	n->mtx = mtx;
	n->flag = flag;
	AcquireSRWLockExclusive(&notices_lock);
	n->next = notices;
	notices = n;
	ReleaseSRWLockExclusive(&notices_lock);
}

/* Takes out the entries that match: those of the mutex, or with mtx NULL
 * those of the calling thread. */
static struct exit_notice *take_notices(mtx_t *mtx)
{
	struct exit_notice **link, *taken = NULL, *n;
	DWORD self = GetCurrentThreadId();

	AcquireSRWLockExclusive(&notices_lock);
	for (link = &notices; (n = *link);) {
		if (mtx ? n->mtx == mtx : n->thread == self) {
			*link = n->next;
			n->next = taken;
			taken = n;
		} else {
			link = &n->next;
		}
	}
	ReleaseSRWLockExclusive(&notices_lock);
	return taken;
}

void __cdecl _Cnd_unregister_at_thread_exit(mtx_t *mtx)
{
	struct exit_notice *n = take_notices(mtx), *next;

	for (; n; n = next) {
		next = n->next;
		HeapFree(GetProcessHeap(), 0, n);
	}
}

void __cdecl _Cnd_do_broadcast_at_thread_exit(void)
{
	struct exit_notice *n = take_notices(NULL), *next;

	for (; n; n = next) {
		next = n->next;
		if (n->flag)
			*n->flag = 1;
		_Mtx_unlock(n->mtx);
		_Cnd_broadcast(n->cnd);
		HeapFree(GetProcessHeap(), 0, n);
	}
}

/* The mutex's critical section, which the concurrency runtime's lock
 * types share with it. */
void *__cdecl _Mtx_getconcrtcs(mtx_t *m)
{
	return &m->cs;
}

/* A fatal error of the threads layer: the message on stderr, then abort. */
void __cdecl _Thrd_abort(const char *msg)
{
	void *(__cdecl *iob)(unsigned) = msvcp_ucrt_proc("__acrt_iob_func");
	int (__cdecl *fputs_)(const char *, void *) = msvcp_ucrt_proc("fputs");
	void (__cdecl *abort_)(void) = msvcp_ucrt_proc("abort");

	if (iob && fputs_ && msg) {
		fputs_(msg, iob(2));
		fputs_("\n", iob(2));
	}
	if (abort_)
		abort_();
	RaiseFailFastException(NULL, NULL, 0);
	TerminateProcess(GetCurrentProcess(), 3);
}
