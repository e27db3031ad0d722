/*
 * The exception classes the runtimes throw (cxx_classes.inc) and msvcrt
 * exports: vftable, the message, whether the object owns (and frees) it.
 * vcruntime's std::exception has the same layout (its flag is a bool; the
 * int written here covers it and its padding).
 */
#include "cxx_private.h"

struct cxx_exc {
	const void *vftable;
	const char *what;
	int owned;
};

static const char *copy_text(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = HeapAlloc(GetProcessHeap(), 0, n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* what, copied if copy (and then owned). */
void *cxx_exc_init(void *obj, const void *vftable, const char *what, BOOL copy)
{
	struct cxx_exc *e = obj;

	e->vftable = vftable;
	e->what = what && copy ? copy_text(what) : what;
	e->owned = what && copy && e->what;
	return obj;
}

void *cxx_exc_copy_ctor(void *dst, const void *src, const void *vftable)
{
	const struct cxx_exc *s = src;

	return cxx_exc_init(dst, vftable, s->what, (BYTE)s->owned);
}

void cxx_exc_dtor(void *obj)
{
	struct cxx_exc *e = obj;

	if ((BYTE)e->owned)
		HeapFree(GetProcessHeap(), 0, (void *)e->what);
	e->what = NULL;
	e->owned = 0;
}

/* The vftable's destructor: flags bit 0, free the object too. */
void *cxx_exc_deleting_dtor(void *obj, unsigned flags)
{
	cxx_exc_dtor(obj);
	if (flags & 1)
		HeapFree(GetProcessHeap(), 0, obj);
	return obj;
}

const char *cxx_exc_what(const void *obj)
{
	const struct cxx_exc *e = obj;

	return e->what ? e->what : "Unknown exception";
}

/* Throws a runtime class (cxx_classes.inc) carrying msg. */
void cxx_throw_class(const void *vftable, const cxx_throw_info *ti, const char *msg)
{
	struct cxx_exc e;

	cxx_exc_init(&e, vftable, msg, FALSE);
	_CxxThrowException(&e, ti);
}

/* The virtual destructor of the runtime's own type descriptors, which are
 * static and never destroyed; a cached name stays with the module's list. */
void *cxx_type_info_deleting_dtor(void *obj, unsigned flags)
{
	return obj;
}
