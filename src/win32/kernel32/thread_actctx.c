/*
 * A new thread of this process starts in its creator's activation
 * context, as on Windows (CreateThread, CreateRemoteThread(Ex) on the
 * current process): when one is active, the thread first runs this
 * thunk, which activates it, then the routine.  Its start address is set
 * back to the routine's (ThreadQuerySetWin32StartAddress), so what a
 * program or a debugger asks of it stays the routine.
 */
#include "k32_private.h"

NTSTATUS NTAPI RtlActivateActivationContext(ULONG, HANDLE, ULONG_PTR *);
void NTAPI RtlDeactivateActivationContext(ULONG, ULONG_PTR);
NTSTATUS NTAPI RtlGetActiveActivationContext(HANDLE *);
void NTAPI RtlReleaseActivationContext(HANDLE);

struct actctx_start {
	LPTHREAD_START_ROUTINE routine;
	void *arg;
	HANDLE actctx;          /* a reference the thread takes over */
};

static DWORD WINAPI start_in_actctx(void *p)
{
	struct actctx_start s = *(struct actctx_start *)p;
	ULONG_PTR cookie = 0;
	DWORD ret;

	RtlFreeHeap(k32_heap(), 0, p);
	RtlActivateActivationContext(0, s.actctx, &cookie);
	RtlReleaseActivationContext(s.actctx); /* the frame holds its own */
	ret = s.routine(s.arg);
	RtlDeactivateActivationContext(0, cookie);
	return ret;
}

BOOL k32_thread_start_in_actctx(LPTHREAD_START_ROUTINE *routine, void **arg)
{
	struct actctx_start *s;
	HANDLE active = NULL;

	if (RtlGetActiveActivationContext(&active) < 0 || !active)
		return FALSE;
	if (!(s = RtlAllocateHeap(k32_heap(), 0, sizeof(*s)))) {
		RtlReleaseActivationContext(active);
		return FALSE;
	}
	*s = (struct actctx_start){ *routine, *arg, active };
	*routine = start_in_actctx;
	*arg = s;
	return TRUE;
}

void k32_thread_start_cancel(void *arg)
{
	struct actctx_start *s = arg;

	RtlReleaseActivationContext(s->actctx);
	RtlFreeHeap(k32_heap(), 0, s);
}
