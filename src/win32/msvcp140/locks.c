/*
 * std::_Lockit, the library's global locks by kind (locale, malloc,
 * stream, debug, at-thread-exit...: recursive, one per kind), and the
 * spin lock that guards atomic operations on shared_ptr.
 */
#include <windows.h>

#define LOCK_KINDS 8

static CRITICAL_SECTION locks[LOCK_KINDS];
static volatile LONG shared_ptr_lock;

struct lockit {
	int kind;
};

void msvcp_locks_init(void)
{
	for (int i = 0; i < LOCK_KINDS; i++)
		InitializeCriticalSection(&locks[i]);
}

static int kind_of(int kind)
{
	return kind >= 0 && kind < LOCK_KINDS ? kind : 0;
}

void __cdecl lockit_lock(int kind) { EnterCriticalSection(&locks[kind_of(kind)]); }
void __cdecl lockit_unlock(int kind) { LeaveCriticalSection(&locks[kind_of(kind)]); }

void __cdecl lockit_ctor_kind(struct lockit *l, int kind)
{
	l->kind = kind_of(kind);
	lockit_lock(l->kind);
}

void __cdecl lockit_ctor_default(struct lockit *l) { lockit_ctor_kind(l, 0); }
void __cdecl lockit_dtor(struct lockit *l) { lockit_unlock(l->kind); }

struct lockit *__cdecl lockit_new_kind(struct lockit *l, int kind)
{
	lockit_ctor_kind(l, kind);
	return l;
}

struct lockit *__cdecl lockit_new(struct lockit *l)
{
	return lockit_new_kind(l, 0);
}

void __cdecl _Lock_shared_ptr_spin_lock(void)
{
	while (InterlockedExchange(&shared_ptr_lock, 1))
		SwitchToThread();
}

void __cdecl _Unlock_shared_ptr_spin_lock(void)
{
	InterlockedExchange(&shared_ptr_lock, 0);
}
