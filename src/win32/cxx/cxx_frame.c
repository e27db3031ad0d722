/*
 * The frame handler: what __CxxFrameHandler3 and __CxxFrameHandler4 do for
 * one frame, in the search pass (find a handler, or let the exception go
 * on) and in the unwind pass (destroy the frame's objects).
 *
 * States: each function numbers the points where objects live or try
 * blocks start; the unwind map says, for each state, what to destroy and
 * which state that leaves (always a lower one).  A try block covers the
 * states [low, high] and its handlers the states (high, catch_high].  Catch
 * blocks are funclets: separate functions whose frame keeps a pointer to
 * the parent's frame, where the locals live.  A catch funclet searches only
 * the try blocks inside its own handler; the try blocks around the one it
 * belongs to are searched in the parent's frame, after the funclet.
 */
#include "cxx_private.h"

/* The innermost try block whose handlers cover state (a catch funclet of
 * that try block runs in that state). */
static BOOL enclosing_catch(const struct cxx_func *f, int state, struct cxx_try *out)
{
	struct cxx_cursor c;
	struct cxx_try t;
	BOOL found = FALSE;

	cxx_tries(f, &c);
	while (cxx_next_try(f, &c, &t))
		if (t.high < state && state <= t.catch_high && (!found || t.low > out->low)) {
			*out = t;
			found = TRUE;
		}
	return found;
}

/* FH3 catch funclets find their parent frame through their handler's
 * entry; FH4 ones through their own FuncInfo4. */
static DWORD parent_offset(const struct cxx_func *f, const struct cxx_try *t)
{
	struct cxx_cursor c;
	struct cxx_handler h;
	DWORD first = 0;
	BOOL any = FALSE;

	if (f->format == CXX_FH4)
		return f->disp_frame;
	cxx_handlers(f, t, &c);
	while (cxx_next_handler(f, &c, &h)) {
		if (h.handler == f->begin)
			return h.disp_frame;
		if (!any)
			first = h.disp_frame;
		any = TRUE;
	}
	return first;
}

static int to_state(const struct cxx_func *f, int state)
{
	struct cxx_unwind u;

	return cxx_unwind_entry(f, state, &u) ? u.to_state : -1;
}

/* An FH4 catch funclet whose tables lack the try map (nothing to search):
 * its own states are those of its IP map, and unwinding it stops at the
 * first state below them, its try block's enclosing one. */
static int funclet_base(const struct cxx_func *f, int state)
{
	int lowest = cxx_lowest_state(f);

	while (state >= 0 && state >= lowest)
		state = to_state(f, state);
	return state;
}

static struct cxx_catch *running_catch(DWORD64 frame)
{
	for (struct cxx_catch *c = cxx_thread()->catches; c; c = c->prev)
		if (c->frame == frame)
			return c;
	return NULL;
}

static void describe(const struct cxx_func *f, DWORD64 frame, const DISPATCHER_CONTEXT *dc,
		     struct cxx_frame_view *v)
{
	struct cxx_try t;

	v->frame = v->parent = frame;
	v->state = cxx_state_at(f, dc->ControlPc);
	v->base_state = -1;
	v->min_try_low = -1;
	if (enclosing_catch(f, v->state, &t)) {
		v->parent = *(DWORD64 *)(frame + parent_offset(f, &t));
		v->base_state = to_state(f, t.low);
		v->min_try_low = t.high;
	} else if (f->catch_funclet) {
		v->parent = *(DWORD64 *)(frame + f->disp_frame);
		v->base_state = funclet_base(f, v->state);
	}
	v->active = running_catch(frame);
	if (v->active)
		v->state = v->active->resume_state;
}

/* Runs the cleanup of each state from v->state down to target. */
static void unwind_to(const struct cxx_func *f, const struct cxx_frame_view *v, int target)
{
	void *parent = (void *)v->parent;
	struct cxx_unwind u;

	for (int state = v->state; state > target; state = u.to_state) {
		if (!cxx_unwind_entry(f, state, &u) || u.to_state >= state)
			cxx_terminate();    /* broken tables */
		switch (u.kind) {
		case UW_FUNCLET:
			cxx_call_guarded((void *)(f->base + u.action), parent, parent, NULL);
			break;
		case UW_DTOR_OBJ:
			cxx_call_guarded((void *)(f->base + u.action), (char *)parent + u.object, NULL, NULL);
			break;
		case UW_DTOR_PTR:
			cxx_call_guarded((void *)(f->base + u.action),
					 *(void **)((char *)parent + u.object), NULL, NULL);
			break;
		case UW_NONE:
			break;
		}
	}
}

/* The unwind pass: a frame being left destroys everything; the frame the
 * unwind goes to keeps what lives where it resumes: down to the catching
 * try block (ours), else the state of the target address (a longjmp, an
 * __except or _local_unwind in this function). */
static void unwind_frame(EXCEPTION_RECORD *rec, const DISPATCHER_CONTEXT *dc,
			 const struct cxx_func *f, struct cxx_frame_view *v)
{
	const struct cxx_plan *plan = NULL;
	int target = v->base_state;

	if (rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters >= 3 &&
	    rec->ExceptionInformation[2] == CXX_PLAN_MARK)
		plan = (const struct cxx_plan *)rec->ExceptionInformation[1];
	if (v->active)
		cxx_end_catch(v->active, cxx_propagating_object(rec));
	if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
		target = plan && plan->frame == v->frame ? plan->target_state
							 : cxx_state_at(f, dc->TargetIp);
	unwind_to(f, v, target);
}

/* The first handler of a try block around v->state that takes the
 * exception; does not return when there is one. */
static void search_frame(EXCEPTION_RECORD *rec, CONTEXT *ctx, DISPATCHER_CONTEXT *dc,
			 const struct cxx_func *f, const struct cxx_frame_view *v)
{
	BOOL cxx = cxx_is_cxx(rec);
	struct cxx_cursor tc, hc;
	struct cxx_try t;
	struct cxx_handler h;

	cxx_tries(f, &tc);
	while (cxx_next_try(f, &tc, &t)) {
		if (t.low > v->state || v->state > t.high || t.low <= v->min_try_low)
			continue;
		cxx_handlers(f, &t, &hc);
		while (cxx_next_handler(f, &hc, &h)) {
			const cxx_catchable_type *ct = cxx ? cxx_match(rec, &h, f->base) : NULL;

			if (ct || cxx_is_ellipsis(&h, f->base))
				cxx_catch_it(rec, ctx, dc, f, v, &t, &h, ct);
		}
	}
}

/* _set_se_translator: a structured exception reaching a frame with try
 * blocks around it first goes to the translator, which may throw a C++
 * exception in its place. */
static void translate(EXCEPTION_RECORD *rec, CONTEXT *ctx, const struct cxx_func *f,
		      const struct cxx_frame_view *v)
{
	struct cxx_thread *th = cxx_thread();
	EXCEPTION_POINTERS ptrs = { rec, ctx };
	struct cxx_cursor c;
	struct cxx_try t;
	BOOL covered = FALSE;

	if (!th->translator || th->translating)
		return;
	cxx_tries(f, &c);
	while (cxx_next_try(f, &c, &t))
		covered |= t.low <= v->state && v->state <= t.high && t.low > v->min_try_low;
	if (!covered)
		return;
	th->translating = TRUE;
	th->translator(rec->ExceptionCode, &ptrs);
	th->translating = FALSE;
}

EXCEPTION_DISPOSITION cxx_frame(EXCEPTION_RECORD *rec, DWORD64 frame, CONTEXT *ctx,
				DISPATCHER_CONTEXT *dc, enum cxx_format format)
{
	struct cxx_frame_view v;
	struct cxx_func f;

	if (!cxx_func_init(&f, format, dc))
		cxx_terminate();    /* not tables we know: Windows ends the process too */
	describe(&f, frame, dc, &v);
	if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) {
		unwind_frame(rec, dc, &f, &v);
		return ExceptionContinueSearch;
	}
	if (cxx_is_cxx(rec)) {
		rec = cxx_resolve_rethrow(rec, &ctx);
		if (!rec)
			return ExceptionContinueSearch;    /* throw; with nothing caught */
	} else if (f.flags & FI_EHS) {
		return ExceptionContinueSearch;        /* /EHs: C++ exceptions only */
	} else {
		translate(rec, ctx, &f, &v);
	}
	search_frame(rec, ctx, dc, &f, &v);
	if ((f.flags & FI_NOEXCEPT) && cxx_is_cxx(rec))
		cxx_terminate();
	return ExceptionContinueSearch;
}
