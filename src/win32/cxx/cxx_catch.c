/*
 * Taking an exception: make the catch variable, unwind to the catching
 * frame, run the catch funclet, end the catch (cxx_private.h tells the
 * whole path).
 */
#include "cxx_private.h"

static PVOID CALLBACK cxx_catch_callback(EXCEPTION_RECORD *cons);

void cxx_catch_it(EXCEPTION_RECORD *rec, CONTEXT *ctx, DISPATCHER_CONTEXT *dc,
		  const struct cxx_func *f, const struct cxx_frame_view *v,
		  const struct cxx_try *t, const struct cxx_handler *h,
		  const cxx_catchable_type *ct)
{
	struct cxx_plan plan = {
		.rec = rec, .ctx = ctx, .frame = v->frame, .parent = v->parent,
		.target_state = t->low, .handler = (void *)(f->base + h->handler),
		.ncont = h->ncont, .cont = { h->cont[0], h->cont[1] },
	};
	EXCEPTION_RECORD cons;
	struct cxx_unwind u;
	CONTEXT scratch;

	plan.resume_state = cxx_unwind_entry(f, t->low, &u) ? u.to_state : -1;
	if (ct && h->catch_obj)
		cxx_build_catch_object(rec, (char *)v->parent + h->catch_obj, h->adjectives, ct);
	memset(&cons, 0, sizeof(cons));
	cons.ExceptionCode = (DWORD)STATUS_UNWIND_CONSOLIDATE;
	cons.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
	cons.NumberParameters = 3;
	cons.ExceptionInformation[0] = (ULONG_PTR)cxx_catch_callback;
	cons.ExceptionInformation[1] = (ULONG_PTR)&plan;
	cons.ExceptionInformation[2] = CXX_PLAN_MARK;
	RtlUnwindEx((void *)v->frame, (void *)dc->ControlPc, &cons, NULL, &scratch,
		    dc->HistoryTable);
	cxx_terminate();    /* RtlUnwindEx returns only if it failed */
}

/* Does a running catch block handle obj? */
BOOL cxx_object_in_use(void *obj)
{
	for (struct cxx_catch *c = cxx_thread()->catches; c; c = c->prev)
		if (cxx_is_cxx(c->rec) && cxx_object_of(c->rec) == obj)
			return TRUE;
	return FALSE;
}

/* A catch block ends (normally, or left by another exception): its
 * exception object goes, unless an outer catch block still handles it or
 * the exception leaving is that same object (a rethrow). */
void cxx_end_catch(struct cxx_catch *c, void *propagating)
{
	struct cxx_thread *t = cxx_thread();
	void *obj = cxx_is_cxx(c->rec) ? cxx_object_of(c->rec) : NULL;

	cxx_pop_catch(t, c);
	if (obj && obj != propagating && !cxx_object_in_use(obj))
		cxx_destroy_object(c->rec);
}

/* Called by ntdll's RtlRestoreContext once the catching frame is unwound,
 * on a frame that unwinds to it; returns where that frame continues. */
static PVOID CALLBACK cxx_catch_callback(EXCEPTION_RECORD *cons)
{
	const struct cxx_plan *plan = (const struct cxx_plan *)cons->ExceptionInformation[1];
	struct cxx_thread *t = cxx_thread();
	void *(*funclet)(DWORD64, DWORD64) = plan->handler;
	struct cxx_catch c = {
		.rec = plan->rec, .ctx = plan->ctx, .frame = plan->frame,
		.resume_state = plan->resume_state,
	};
	DWORD64 cont;

	cxx_push_catch(t, &c);
	if (cxx_is_cxx(c.rec) && t->processing_throw > 0)
		t->processing_throw--;
	t->translating = FALSE;
	cont = (DWORD64)funclet(plan->parent, plan->parent);
	/* FH4 tables may list the continuations: the funclet says which */
	if (plan->ncont && cont < (DWORD64)plan->ncont)
		cont = plan->cont[cont];
	cxx_end_catch(&c, NULL);
	return (PVOID)cont;
}
