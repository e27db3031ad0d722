/* Catching by hand: what __try/__except filters and managed code use
 * instead of try blocks to look at and take C++ exceptions. */
#include "cxx_private.h"

/* Does the exception match a catch (type) with these adjectives?  If so
 * and build is given, the catch variable is made there.  type NULL:
 * catch (...). */
int __CxxExceptionFilter(EXCEPTION_POINTERS *ptrs, const cxx_type_descriptor *type,
			 int adjectives, void *build)
{
	EXCEPTION_RECORD *rec;
	const cxx_catchable_type *ct;
	CONTEXT *ctx;

	if (!ptrs || !ptrs->ExceptionRecord)
		return EXCEPTION_CONTINUE_SEARCH;
	rec = ptrs->ExceptionRecord;
	ctx = ptrs->ContextRecord;
	if (!cxx_is_cxx(rec))
		return type ? EXCEPTION_CONTINUE_SEARCH : EXCEPTION_EXECUTE_HANDLER;
	rec = cxx_resolve_rethrow(rec, &ctx);
	if (!rec)
		return EXCEPTION_CONTINUE_SEARCH;
	if (!type || !type->name[0])
		return EXCEPTION_EXECUTE_HANDLER;
	ct = cxx_match_type(rec, type, adjectives);
	if (!ct)
		return EXCEPTION_CONTINUE_SEARCH;
	if (build)
		cxx_build_catch_object(rec, build, adjectives, ct);
	return EXCEPTION_EXECUTE_HANDLER;
}

int _is_exception_typeof(const cxx_type_descriptor *type, EXCEPTION_POINTERS *ptrs)
{
	EXCEPTION_RECORD *rec = ptrs ? ptrs->ExceptionRecord : NULL;

	return rec && cxx_is_cxx(rec) && cxx_match_type(rec, type, HT_REFERENCE | HT_CONST |
							HT_VOLATILE | HT_UNALIGNED);
}

/* The storage __CxxRegisterExceptionObject fills: a catch record. */
int __CxxQueryExceptionSize(void)
{
	return sizeof(struct cxx_catch);
}

/* The exception becomes the current one, as on entering a catch block. */
int __CxxRegisterExceptionObject(EXCEPTION_POINTERS *ptrs, void *storage)
{
	struct cxx_catch *c = storage;
	struct cxx_thread *t = cxx_thread();
	CONTEXT *ctx;

	if (!ptrs || !c)
		return 0;
	ctx = ptrs->ContextRecord;
	memset(c, 0, sizeof(*c));
	c->rec = ptrs->ExceptionRecord;
	if (cxx_is_cxx(c->rec)) {
		c->rec = cxx_resolve_rethrow(c->rec, &ctx);
		if (!c->rec)
			return 0;
		if (t->processing_throw > 0)
			t->processing_throw--;
	}
	c->ctx = ctx;
	c->resume_state = -1;
	cxx_push_catch(t, c);
	return 1;
}

/* ... and stops being it, as on leaving the catch block (by a rethrow:
 * the object lives on). */
int __CxxUnregisterExceptionObject(void *storage, int rethrow)
{
	struct cxx_catch *c = storage;

	if (!c || !c->rec)
		return 0;
	cxx_end_catch(c, rethrow && cxx_is_cxx(c->rec) ? cxx_object_of(c->rec) : NULL);
	c->rec = NULL;
	return 1;
}
