/*
 * Each thread's stack of activated contexts, where Windows keeps it:
 * TEB.ActivationContextStackPointer (+0x2C8) points at the TEB's own
 * ACTIVATION_CONTEXT_STACK (+0x290), whose ActiveFrame heads a list of
 * RTL_ACTIVATION_CONTEXT_STACK_FRAMEs.  A frame holds a reference to
 * its context; the cookie ActivateActCtx returns is the frame.
 */
#include "actctx_private.h"

#define TEB_ACTIVATION_STACK 0x290
#define TEB_ACTIVATION_STACK_POINTER 0x2C8

struct actctx_frame {           /* RTL_ACTIVATION_CONTEXT_STACK_FRAME */
	struct actctx_frame *previous;
	HANDLE context;
	ULONG flags;
};

struct actctx_stack {           /* ACTIVATION_CONTEXT_STACK (x64) */
	struct actctx_frame *active;
	LIST_ENTRY frame_cache;
	ULONG flags;
	ULONG next_cookie;
	ULONG stack_id;
};

_Static_assert(sizeof(struct actctx_stack) == 0x28, "layout");

static struct actctx_stack *thread_stack(void)
{
	BYTE *teb = (BYTE *)lsw_teb();
	struct actctx_stack **ptr = (struct actctx_stack **)(teb + TEB_ACTIVATION_STACK_POINTER);

	if (!*ptr) {
		struct actctx_stack *s = (struct actctx_stack *)(teb + TEB_ACTIVATION_STACK);

		s->frame_cache.Flink = s->frame_cache.Blink = &s->frame_cache;
		*ptr = s;
	}
	return *ptr;
}

struct actctx *actctx_active(void)
{
	struct actctx_frame *f = thread_stack()->active;

	return f ? actctx_from_handle(f->context) : NULL;
}

__declspec(dllexport) NTSTATUS NTAPI RtlActivateActivationContextEx(ULONG flags, void *teb,
								    HANDLE handle, ULONG_PTR *cookie)
{
	struct actctx_stack *s;
	struct actctx_frame *f;
	struct actctx *c = actctx_from_handle(handle);

	if (teb && teb != lsw_teb())
		return STATUS_INVALID_PARAMETER;
	s = thread_stack();
	if (!(f = RtlAllocateHeap(lsw_process_heap(), 0, sizeof(*f))))
		return STATUS_NO_MEMORY;
	f->previous = s->active;
	f->context = handle;
	f->flags = 0;
	if (c)
		actctx_addref(c);
	s->active = f;
	if (cookie)
		*cookie = (ULONG_PTR)f;
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI RtlActivateActivationContext(ULONG flags, HANDLE handle,
								  ULONG_PTR *cookie)
{
	return RtlActivateActivationContextEx(flags, NULL, handle, cookie);
}

static void pop(struct actctx_stack *s)
{
	struct actctx_frame *f = s->active;
	struct actctx *c = actctx_from_handle(f->context);

	s->active = f->previous;
	if (c)
		actctx_release(c);
	RtlFreeHeap(lsw_process_heap(), 0, f);
}

/* The frame of cookie must be the innermost one.  One further down the
 * stack is deactivated with those above it and the deactivation then
 * raises STATUS_SXS_EARLY_DEACTIVATION, unless the caller forces it
 * (DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION); a cookie of no
 * frame raises STATUS_SXS_INVALID_DEACTIVATION. */
__declspec(dllexport) void NTAPI RtlDeactivateActivationContext(ULONG flags, ULONG_PTR cookie)
{
	struct actctx_stack *s = thread_stack();
	struct actctx_frame *f;
	BOOL early;

	for (f = s->active; f && (ULONG_PTR)f != cookie; f = f->previous)
		;
	if (!f) {
		RtlRaiseStatus(STATUS_SXS_INVALID_DEACTIVATION);
		return;
	}
	early = (ULONG_PTR)s->active != cookie;
	while ((ULONG_PTR)s->active != cookie)
		pop(s);
	pop(s);
	if (early && !(flags & DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION))
		RtlRaiseStatus(STATUS_SXS_EARLY_DEACTIVATION);
}

__declspec(dllexport) NTSTATUS NTAPI RtlGetActiveActivationContext(HANDLE *handle)
{
	struct actctx_frame *f = thread_stack()->active;
	struct actctx *c = f ? actctx_from_handle(f->context) : NULL;

	if (c)
		actctx_addref(c);
	*handle = c;
	return STATUS_SUCCESS;
}

__declspec(dllexport) BOOLEAN NTAPI RtlIsActivationContextActive(HANDLE handle)
{
	struct actctx_frame *f;

	for (f = thread_stack()->active; f; f = f->previous)
		if (f->context == handle)
			return TRUE;
	return FALSE;
}

/* A thread's end: its frames let go of their contexts. */
__declspec(dllexport) void NTAPI RtlFreeThreadActivationContextStack(void)
{
	struct actctx_stack *s = thread_stack();

	while (s->active)
		pop(s);
}
