/* C++ exception records: rethrows, the thrown object's end (what they
 * carry: cxx_record_fields.c). */
#include "cxx_private.h"

/* "throw;" raises a record without object or ThrowInfo: it stands for the
 * exception the innermost running catch block handles.  NULL when there is
 * none (the search goes on, and nothing catches it: terminate). */
EXCEPTION_RECORD *cxx_resolve_rethrow(EXCEPTION_RECORD *rec, CONTEXT **ctx)
{
	struct cxx_catch *c;

	if (cxx_throw_info_of(rec))
		return rec;
	c = cxx_thread()->catches;
	if (!c)
		return NULL;
	*ctx = c->ctx;
	return c->rec;
}

/* The object of the exception an unwind carries on: a catch block it ends
 * must not destroy that one (the block rethrew it). */
void *cxx_propagating_object(const EXCEPTION_RECORD *rec)
{
	CONTEXT *unused;

	if (rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters >= 3 &&
	    rec->ExceptionInformation[2] == CXX_PLAN_MARK)
		rec = ((const struct cxx_plan *)rec->ExceptionInformation[1])->rec;
	if (!cxx_is_cxx(rec))
		return NULL;
	rec = cxx_resolve_rethrow((EXCEPTION_RECORD *)rec, &unused);
	return rec ? cxx_object_of(rec) : NULL;
}

/* The thrown object's destructor, if its type has one. */
void cxx_destroy_object(const EXCEPTION_RECORD *rec)
{
	const cxx_throw_info *ti = cxx_throw_info_of(rec);
	void *obj = cxx_object_of(rec);

	if (ti && ti->destructor && obj)
		cxx_call_guarded((void *)(rec->ExceptionInformation[3] + ti->destructor), obj, NULL,
				 NULL);
}
