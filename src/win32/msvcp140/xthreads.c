/*
 * The STL's older C threads interface (xthreads.h, xtimec.h): threads as
 * { handle, id }; mutexes and condition variables this DLL allocates (the
 * objects of threads.c); absolute times as xtime { seconds, nanoseconds }
 * since 1970, UTC.
 */
#include "msvcp140/threads.h"

typedef struct {
	HANDLE hnd;
	DWORD id;
} thrd_t;

typedef struct {
	LONGLONG sec;
	LONG nsec;
} xtime;

typedef int (__cdecl *thrd_start_t)(void *);

#define TIME_UTC 1
#define TICKS_1601_TO_1970 116444736000000000LL     /* in 100 ns */

/* Now, in 100 ns units since 1970. */
LONGLONG __cdecl _Xtime_get_ticks(void)
{
	FILETIME ft;

	GetSystemTimePreciseAsFileTime(&ft);
	return ((LONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) - TICKS_1601_TO_1970;
}

int __cdecl xtime_get(xtime *xt, int base)
{
	LONGLONG t;

	if (!xt || base != TIME_UTC)
		return 0;
	t = _Xtime_get_ticks();
	xt->sec = t / 10000000;
	xt->nsec = (LONG)(t % 10000000) * 100;
	return base;
}

/* xt1 - xt2 in whole milliseconds (rounded up), 0 when xt1 is not later. */
int __cdecl _Xtime_diff_to_millis2(const xtime *xt1, const xtime *xt2)
{
	LONGLONG ns = (xt1->sec - xt2->sec) * 1000000000LL + (xt1->nsec - xt2->nsec);
	LONGLONG ms = ns <= 0 ? 0 : (ns + 999999) / 1000000;

	return ms > 0x7FFFFFFF ? 0x7FFFFFFF : (int)ms;
}

int __cdecl _Xtime_diff_to_millis(const xtime *xt)
{
	xtime now;

	xtime_get(&now, TIME_UTC);
	return _Xtime_diff_to_millis2(xt, &now);
}

struct thread_start {
	thrd_start_t fn;
	void *arg;
};

static DWORD WINAPI thread_main(void *p)
{
	struct thread_start s = *(struct thread_start *)p;

	int result;

	HeapFree(GetProcessHeap(), 0, p);
	result = s.fn(s.arg);
	_Cnd_do_broadcast_at_thread_exit();
	return (DWORD)result;
}

int __cdecl _Thrd_start(thrd_t *t, thrd_start_t fn, void *arg)
{
	struct thread_start *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));

	if (!s)
		return THRD_NOMEM;
	s->fn = fn;
	s->arg = arg;
	t->hnd = CreateThread(NULL, 0, thread_main, s, 0, &t->id);
	if (t->hnd)
		return THRD_SUCCESS;
	HeapFree(GetProcessHeap(), 0, s);
	t->id = 0;
	return THRD_ERROR;
}

int __cdecl _Thrd_create(thrd_t *t, thrd_start_t fn, void *arg)
{
	return _Thrd_start(t, fn, arg);
}

int __cdecl _Thrd_join(thrd_t t, int *result)
{
	DWORD code;

	if (WaitForSingleObject(t.hnd, INFINITE) != WAIT_OBJECT_0 ||
	    !GetExitCodeThread(t.hnd, &code))
		return THRD_ERROR;
	if (result)
		*result = (int)code;
	return CloseHandle(t.hnd) ? THRD_SUCCESS : THRD_ERROR;
}

int __cdecl _Thrd_detach(thrd_t t)
{
	return CloseHandle(t.hnd) ? THRD_SUCCESS : THRD_ERROR;
}

thrd_t __cdecl _Thrd_current(void)
{
	thrd_t t = { GetCurrentThread(), GetCurrentThreadId() };

	return t;
}

int __cdecl _Thrd_equal(thrd_t a, thrd_t b)
{
	return a.id == b.id;
}

void __cdecl _Thrd_exit(int code)
{
	ExitThread((DWORD)code);
}

void __cdecl _Thrd_sleep(const xtime *xt)
{
	int ms;

	while ((ms = _Xtime_diff_to_millis(xt)) > 0)
		Sleep((DWORD)ms);
}

int __cdecl _Mtx_init(mtx_t **m, int type)
{
	*m = HeapAlloc(GetProcessHeap(), 0, sizeof(**m));
	if (!*m)
		return THRD_NOMEM;
	_Mtx_init_in_situ(*m, type);
	return THRD_SUCCESS;
}

void __cdecl _Mtx_destroy(mtx_t *m)
{
	if (m)
		HeapFree(GetProcessHeap(), 0, m);
}

int __cdecl _Cnd_init(cnd_t **c)
{
	*c = HeapAlloc(GetProcessHeap(), 0, sizeof(**c));
	if (!*c)
		return THRD_NOMEM;
	_Cnd_init_in_situ(*c);
	return THRD_SUCCESS;
}

void __cdecl _Cnd_destroy(cnd_t *c)
{
	if (c)
		HeapFree(GetProcessHeap(), 0, c);
}

/* Waits until signalled or until the absolute time xt. */
int __cdecl _Cnd_timedwait(cnd_t *c, mtx_t *m, const xtime *xt)
{
	BOOL woken;

	_Mtx_clear_owner(m);
	woken = SleepConditionVariableSRW(&c->cv, &m->cs.lock, (DWORD)_Xtime_diff_to_millis(xt), 0);
	_Mtx_reset_owner(m);
	return woken ? THRD_SUCCESS : THRD_TIMEDOUT;
}

/* std::timed_mutex::try_lock_until: tries until the absolute time xt,
 * then answers THRD_TIMEDOUT. */
int __cdecl _Mtx_timedlock(mtx_t *m, const xtime *xt)
{
	for (;;) {
		int r = _Mtx_trylock(m);

		if (r != THRD_BUSY)
			return r;
		if (!_Xtime_diff_to_millis(xt))
			return THRD_TIMEDOUT;
		Sleep(1);
	}
}
