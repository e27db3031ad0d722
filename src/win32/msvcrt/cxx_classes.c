/*
 * msvcrt's exported C++ classes: exception and the three it throws
 * (layout and tables: ../cxx/cxx_exception.c, cxx_types.S), and type_info's
 * members (its objects are the compiler's type descriptors).
 */
#include "cxx/cxx_private.h"
#include "cxx/cxx_undname.h"

void *msvcrt_exception_ctor_default(void *obj)
{
	return cxx_exc_init(obj, exception_vftable, NULL, FALSE);
}

/* exception(const char *const &): the message is copied. */
void *msvcrt_exception_ctor_ref(void *obj, const char *const *what)
{
	return cxx_exc_init(obj, exception_vftable, *what, TRUE);
}

/* exception(const char *const &, int): the message is kept, not copied. */
void *msvcrt_exception_ctor_nocopy(void *obj, const char *const *what, int unused)
{
	return cxx_exc_init(obj, exception_vftable, *what, FALSE);
}

void *msvcrt_exception_assign(void *obj, const void *other)
{
	const void *vftable = *(const void **)obj;

	if (obj != other) {
		cxx_exc_dtor(obj);
		cxx_exc_copy_ctor(obj, other, vftable);
	}
	return obj;
}

void *msvcrt_bad_cast_ctor(void *obj, const char *what)
{
	return cxx_exc_init(obj, bad_cast_vftable, what, TRUE);
}

void *msvcrt_bad_cast_ctor_ref(void *obj, const char *const *what)
{
	return msvcrt_bad_cast_ctor(obj, *what);
}

void msvcrt_bad_cast_default(void *obj)
{
	msvcrt_bad_cast_ctor(obj, "bad cast");
}

void *msvcrt_bad_typeid_ctor(void *obj, const char *what)
{
	return cxx_exc_init(obj, bad_typeid_vftable, what, TRUE);
}

void msvcrt_bad_typeid_default(void *obj)
{
	msvcrt_bad_typeid_ctor(obj, "bad typeid");
}

void *msvcrt_non_rtti_ctor(void *obj, const char *what)
{
	return cxx_exc_init(obj, non_rtti_vftable, what, TRUE);
}

/* ---- type_info: decorated names compared whole ---- */
int msvcrt_type_info_eq(const cxx_type_descriptor *a, const cxx_type_descriptor *b)
{
	return a == b || !strcmp(a->name + 1, b->name + 1);
}

int msvcrt_type_info_ne(const cxx_type_descriptor *a, const cxx_type_descriptor *b)
{
	return !!strcmp(a->name, b->name);
}

int msvcrt_type_info_before(const cxx_type_descriptor *a, const cxx_type_descriptor *b)
{
	return strcmp(a->name + 1, b->name + 1) < 0;   /* past the '.', as == compares */
}

const char *msvcrt_type_info_raw_name(const cxx_type_descriptor *td)
{
	return td->name;
}

/* Undecorated once, cached in the descriptor, freed by its destructor. */
const char *msvcrt_type_info_name(cxx_type_descriptor *td)
{
	char buf[1024];
	char *copy, *cached = td->undecorated;
	size_t n;

	if (cached)
		return cached;
	if (!cxx_undecorate_type(td->name, buf, sizeof(buf)))
		return td->name;
	n = strlen(buf) + 1;
	copy = HeapAlloc(GetProcessHeap(), 0, n);
	if (!copy)
		return td->name;
	memcpy(copy, buf, n);
	cached = InterlockedCompareExchangePointer(&td->undecorated, copy, NULL);
	if (cached) {
		HeapFree(GetProcessHeap(), 0, copy);
		return cached;
	}
	return copy;
}

void msvcrt_type_info_dtor(cxx_type_descriptor *td)
{
	void *name = InterlockedExchangePointer(&td->undecorated, NULL);

	if (name)
		HeapFree(GetProcessHeap(), 0, name);
}
