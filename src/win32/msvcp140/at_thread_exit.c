/*
 * std::notify_all_at_thread_exit's bookkeeping: _Cnd_register_at_thread_exit
 * keeps (condition, mutex, flag) for the calling thread, and
 * _Cnd_do_broadcast_at_thread_exit, which std::thread's start routine
 * calls when the thread function returns, sets each flag, unlocks the
 * mutex and wakes every waiter, as the notify_all_at_thread_exit contract
 * says.  _Cnd_unregister_at_thread_exit drops those of a mutex.
 */
#include "threads.h"

struct at_exit {
	struct at_exit *next;
	DWORD thread;
	cnd_t *cnd;
	mtx_t *mtx;
	int *flag;
};

static SRWLOCK list_lock = SRWLOCK_INIT;
static struct at_exit *list;

void __cdecl _Cnd_register_at_thread_exit(cnd_t *cnd, mtx_t *mtx, int *flag)
{
	struct at_exit *e = HeapAlloc(GetProcessHeap(), 0, sizeof(*e));

	if (!e)
		RaiseException(STATUS_NO_MEMORY, EXCEPTION_NONCONTINUABLE, 0, NULL);
	e->thread = GetCurrentThreadId();
	e->cnd = cnd;
	e->mtx = mtx;
	e->flag = flag;
	AcquireSRWLockExclusive(&list_lock);
	e->next = list;
	list = e;
	ReleaseSRWLockExclusive(&list_lock);
}

void __cdecl _Cnd_unregister_at_thread_exit(mtx_t *mtx)
{
	struct at_exit **p, *e;

	AcquireSRWLockExclusive(&list_lock);
	for (p = &list; (e = *p);) {
		if (e->mtx == mtx) {
			*p = e->next;
			HeapFree(GetProcessHeap(), 0, e);
		} else {
			p = &e->next;
		}
	}
	ReleaseSRWLockExclusive(&list_lock);
}

void __cdecl _Cnd_do_broadcast_at_thread_exit(void)
{
	DWORD self = GetCurrentThreadId();
	struct at_exit **p, *e, *mine = NULL;

	AcquireSRWLockExclusive(&list_lock);
	for (p = &list; (e = *p);) {
		if (e->thread == self) {
			*p = e->next;
			e->next = mine;
			mine = e;
		} else {
			p = &e->next;
		}
	}
	ReleaseSRWLockExclusive(&list_lock);
	while ((e = mine)) {
		mine = e->next;
		*e->flag = 1;
		_Mtx_unlock(e->mtx);
		_Cnd_broadcast(e->cnd);
		HeapFree(GetProcessHeap(), 0, e);
	}
}
