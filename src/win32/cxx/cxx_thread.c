/*
 * Per-thread state of the C++ runtime: the catch blocks running, the
 * current exception, the count of exceptions in flight, the translator and
 * handlers a thread set.  Allocated on first use and kept in a fiber-local
 * slot whose callback frees it when the thread ends (as vcruntime does).
 */
#include "cxx_private.h"

static DWORD slot = FLS_OUT_OF_INDEXES;
/* When the slot or the memory cannot be had: shared, but never a crash. */
static struct cxx_thread fallback;

static void WINAPI free_thread(void *p)
{
	if (p && p != &fallback)
		HeapFree(GetProcessHeap(), 0, p);
}

struct cxx_thread *cxx_thread(void)
{
	struct cxx_thread *t;
	DWORD saved;

	if (slot == FLS_OUT_OF_INDEXES) {
		DWORD mine = FlsAlloc(free_thread);

		if (mine == FLS_OUT_OF_INDEXES)
			return &fallback;
		/* two threads may race here: the first slot wins */
		if (InterlockedCompareExchange((LONG *)&slot, mine, FLS_OUT_OF_INDEXES) !=
		    (LONG)FLS_OUT_OF_INDEXES)
			FlsFree(mine);
	}
	saved = GetLastError();     /* the caller may be about to report it */
	t = FlsGetValue(slot);
	if (!t) {
		t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t));
		if (!t || !FlsSetValue(slot, t)) {
			HeapFree(GetProcessHeap(), 0, t);
			t = &fallback;
		}
	}
	SetLastError(saved);
	return t;
}

static void set_current(struct cxx_thread *t)
{
	t->cur_rec = t->catches ? t->catches->rec : NULL;
	t->cur_ctx = t->catches ? t->catches->ctx : NULL;
}

void cxx_push_catch(struct cxx_thread *t, struct cxx_catch *c)
{
	c->prev = t->catches;
	t->catches = c;
	set_current(t);
}

/* Drops c and the catches above it (their frames are gone if c's is). */
void cxx_pop_catch(struct cxx_thread *t, struct cxx_catch *c)
{
	struct cxx_catch *p = t->catches;

	while (p && p != c)
		p = p->prev;
	if (p)
		t->catches = c->prev;
	set_current(t);
}
