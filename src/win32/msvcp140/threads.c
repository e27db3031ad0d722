/*
 * The C threads layer under std::mutex and std::condition_variable.
 * Since Visual C++ 2022 17.10 the headers build both objects in place
 * (constexpr constructors, no _Mtx_init_in_situ call): a mutex is
 * { int type; { void *unused; SRWLOCK lock; } + padding to 64 bytes;
 * long owner thread id (-1: none); int lock count }, 80 bytes, and a
 * condition variable is { void *unused; CONDITION_VARIABLE cv; ... }.
 * These functions work on that layout, and the _in_situ constructors
 * older programs call build the same one.
 */
#include "msvcp140/threads.h"

void __cdecl _Mtx_init_in_situ(mtx_t *m, int type)
{
	m->type = type;
	m->cs.unused = NULL;
	InitializeSRWLock(&m->cs.lock);
	m->owner = -1;
	m->count = 0;
}

void __cdecl _Mtx_destroy_in_situ(mtx_t *m)
{
}

static BOOL owned_by_caller(const mtx_t *m)
{
	return m->owner == (LONG)GetCurrentThreadId();
}

/* A second lock by the owner: counted for a recursive mutex; a plain
 * one (type exactly _Mtx_plain) counts it too, as msvcp140 does, and
 * any other reports busy (std::mutex::lock then throws). */
static int take(mtx_t *m, BOOL wait)
{
	if (!owned_by_caller(m)) {
		if (!wait && !TryAcquireSRWLockExclusive(&m->cs.lock))
			return THRD_BUSY;
		if (wait)
			AcquireSRWLockExclusive(&m->cs.lock);
		m->owner = (LONG)GetCurrentThreadId();
		m->count = 1;
		return THRD_SUCCESS;
	}
	if ((m->type & ~MTX_RECURSIVE) != MTX_PLAIN && !(m->type & MTX_RECURSIVE))
		return THRD_BUSY;
	m->count++;
	return THRD_SUCCESS;
}

int __cdecl _Mtx_lock(mtx_t *m)
{
	return take(m, TRUE);
}

int __cdecl _Mtx_trylock(mtx_t *m)
{
	return take(m, FALSE);
}

int __cdecl _Mtx_unlock(mtx_t *m)
{
	if (--m->count == 0) {
		m->owner = -1;
		ReleaseSRWLockExclusive(&m->cs.lock);
	}
	return THRD_SUCCESS;
}

BOOL __cdecl _Mtx_current_owns(mtx_t *m)
{
	return m->count != 0 && owned_by_caller(m);
}

/* Around a condition variable wait, which releases the lock. */
void __cdecl _Mtx_clear_owner(mtx_t *m)
{
	m->owner = -1;
	m->count--;
}

void __cdecl _Mtx_reset_owner(mtx_t *m)
{
	m->owner = (LONG)GetCurrentThreadId();
	m->count++;
}

void __cdecl _Cnd_init_in_situ(cnd_t *c)
{
	c->unused = NULL;
	InitializeConditionVariable(&c->cv);
}

void __cdecl _Cnd_destroy_in_situ(cnd_t *c)
{
}

int __cdecl _Cnd_wait(cnd_t *c, mtx_t *m)
{
	_Mtx_clear_owner(m);
	SleepConditionVariableSRW(&c->cv, &m->cs.lock, INFINITE, 0);
	_Mtx_reset_owner(m);
	return THRD_SUCCESS;
}

int __cdecl _Cnd_broadcast(cnd_t *c)
{
	WakeAllConditionVariable(&c->cv);
	return THRD_SUCCESS;
}

int __cdecl _Cnd_signal(cnd_t *c)
{
	WakeConditionVariable(&c->cv);
	return THRD_SUCCESS;
}

DWORD __cdecl _Thrd_id(void)
{
	return GetCurrentThreadId();
}

void __cdecl _Thrd_yield(void)
{
	SwitchToThread();
}

unsigned int __cdecl _Thrd_hardware_concurrency(void)
{
	SYSTEM_INFO si;

	GetSystemInfo(&si);
	return si.dwNumberOfProcessors;
}

LONGLONG __cdecl _Query_perf_counter(void)
{
	LARGE_INTEGER v;

	QueryPerformanceCounter(&v);
	return v.QuadPart;
}

LONGLONG __cdecl _Query_perf_frequency(void)
{
	LARGE_INTEGER v;

	QueryPerformanceFrequency(&v);
	return v.QuadPart;
}
