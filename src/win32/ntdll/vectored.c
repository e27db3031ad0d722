/*
 * Vectored exception and continue handlers: process-wide lists, called
 * before (exception handlers) and after (continue handlers) the frame-based
 * search.  A handler may add or remove handlers while it runs: calls go
 * through a snapshot taken under the lock.
 */
#include "exception.h"

#define MAX_VECTORED 64

struct vectored {
	PVECTORED_EXCEPTION_HANDLER fn; /* NULL: free slot */
	ULONG order;                    /* position: smaller runs first */
};

static struct vectored lists[2][MAX_VECTORED]; /* 0: exception, 1: continue */
static ULONG first_order = 0x80000000u, last_order = 0x80000000u;
static SRWLOCK lock = SRWLOCK_INIT;

static PVOID add(int which, ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
	PVOID h = NULL;

	if (!fn)
		return NULL;
	RtlAcquireSRWLockExclusive(&lock);
	for (unsigned i = 0; i < MAX_VECTORED && !h; i++)
		if (!lists[which][i].fn) {
			lists[which][i].fn = fn;
			lists[which][i].order = first ? --first_order : ++last_order;
			h = &lists[which][i];
		}
	RtlReleaseSRWLockExclusive(&lock);
	return h;
}

static ULONG remove_handler(int which, PVOID h)
{
	ULONG ok = 0;

	RtlAcquireSRWLockExclusive(&lock);
	for (unsigned i = 0; i < MAX_VECTORED && !ok; i++)
		if (h == &lists[which][i] && lists[which][i].fn) {
			lists[which][i].fn = NULL;
			ok = 1;
		}
	RtlReleaseSRWLockExclusive(&lock);
	return ok;
}

RTLAPI PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
	return add(0, first, fn);
}

RTLAPI ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID h)
{
	return remove_handler(0, h);
}

RTLAPI PVOID NTAPI RtlAddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn)
{
	return add(1, first, fn);
}

RTLAPI ULONG NTAPI RtlRemoveVectoredContinueHandler(PVOID h)
{
	return remove_handler(1, h);
}

/* Calls one list in order until a handler says EXCEPTION_CONTINUE_EXECUTION;
 * returns TRUE then. */
BOOL rtl_call_vectored(int which, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
	struct vectored snap[MAX_VECTORED];
	EXCEPTION_POINTERS ptrs = { rec, ctx };
	unsigned n = 0;

	RtlAcquireSRWLockShared(&lock);
	for (unsigned i = 0; i < MAX_VECTORED; i++)
		if (lists[which][i].fn)
			snap[n++] = lists[which][i];
	RtlReleaseSRWLockShared(&lock);
	for (unsigned i = 1; i < n; i++) /* insertion sort by order */
		for (unsigned j = i; j > 0 && snap[j].order < snap[j - 1].order; j--) {
			struct vectored t = snap[j];
			snap[j] = snap[j - 1];
			snap[j - 1] = t;
		}
	for (unsigned i = 0; i < n; i++)
		if (snap[i].fn(&ptrs) == EXCEPTION_CONTINUE_EXECUTION)
			return TRUE;
	return FALSE;
}
