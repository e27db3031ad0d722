/*
 * std::exception_ptr: MSVC's <exception> keeps two pointers and calls
 * these exports for every operation on them (construct, copy, assign,
 * compare, test, swap, destroy, current_exception, make_exception_ptr,
 * rethrow_exception).  As documented, the first pointer is the exception
 * reference: a copy of the EXCEPTION_RECORD, NULL in a null exception_ptr.
 * The second is the shared block owning that copy and, for a C++
 * exception, a heap copy of the thrown object; the last exception_ptr
 * released destroys both.
 *
 * A rethrow throws a fresh copy of the object (the catch that takes it
 * destroys its own copy, and the exception_ptr may be rethrown again).
 * Copies are made with the copy constructor the ThrowInfo names for the
 * thrown type itself (its first catchable type).
 */
#include "cxx/cxx_private.h"
#include "msvcp140/ucrt.h"

struct eptr_block {
	LONG refs;
	EXCEPTION_RECORD rec;       /* ExceptionInformation[1]: our object copy */
};

struct eptr {
	EXCEPTION_RECORD *rec;      /* &block->rec, or NULL */
	struct eptr_block *block;
};

extern const void *const bad_exception_vftable[], *const bad_alloc_vftable[];
extern const cxx_throw_info bad_exception_ti, bad_alloc_ti;

/* The type the object was thrown as: the first catchable type. */
static const cxx_catchable_type *thrown_type(const EXCEPTION_RECORD *rec)
{
	DWORD64 base = rec->ExceptionInformation[3];
	const cxx_throw_info *ti = cxx_throw_info_of(rec);
	const cxx_catchable_types *types = (const void *)(base + ti->catchable_types);

	return (const void *)(base + types->types[0]);
}

/* Copies rec's object into dst (thrown_type(rec)->size bytes). */
static void copy_object(const EXCEPTION_RECORD *rec, void *dst)
{
	const cxx_catchable_type *ct = thrown_type(rec);
	void *(*copy)(void *, const void *, int);

	if ((ct->properties & CT_SIMPLE_TYPE) || !ct->copy_ctor) {
		memcpy(dst, cxx_object_of(rec), ct->size);
		return;
	}
	copy = (void *)(rec->ExceptionInformation[3] + ct->copy_ctor);
	/* a class with virtual bases takes a "most derived" flag */
	copy(dst, cxx_object_of(rec), !!(ct->properties & CT_HAS_VIRTUAL_BASE));
}

static BOOL carries_object(const EXCEPTION_RECORD *rec)
{
	return cxx_is_cxx(rec) && rec->NumberParameters >= CXX_EXCEPTION_PARAMS &&
	       cxx_throw_info_of(rec) && cxx_object_of(rec);
}

static void release(struct eptr_block *b)
{
	const cxx_throw_info *ti;
	void *obj;

	if (!b || InterlockedDecrement(&b->refs))
		return;
	if (carries_object(&b->rec)) {
		ti = cxx_throw_info_of(&b->rec);
		obj = cxx_object_of(&b->rec);
		if (ti->destructor)
			((void (*)(void *))(b->rec.ExceptionInformation[3] + ti->destructor))(obj);
		HeapFree(GetProcessHeap(), 0, obj);
	}
	HeapFree(GetProcessHeap(), 0, b);
}

static void set(struct eptr *p, struct eptr_block *b)
{
	p->block = b;
	p->rec = b ? &b->rec : NULL;
}

/* A block of its own for the record rec (and a copy of its object);
 * NULL when memory runs out. */
static struct eptr_block *capture(const EXCEPTION_RECORD *rec)
{
	struct eptr_block *b = HeapAlloc(GetProcessHeap(), 0, sizeof(*b));
	void *obj;

	if (!b)
		return NULL;
	b->refs = 1;
	b->rec = *rec;
	b->rec.ExceptionRecord = NULL;
	if (b->rec.NumberParameters > EXCEPTION_MAXIMUM_PARAMETERS)
		b->rec.NumberParameters = EXCEPTION_MAXIMUM_PARAMETERS;
	if (carries_object(rec)) {
		obj = HeapAlloc(GetProcessHeap(), 0, thrown_type(rec)->size);
		if (!obj) {
			HeapFree(GetProcessHeap(), 0, b);
			return NULL;
		}
		copy_object(rec, obj);
		b->rec.ExceptionInformation[1] = (ULONG_PTR)obj;
	}
	return b;
}

/* The record a throw of obj as ti raises (_CxxThrowException's). */
static void throw_record(EXCEPTION_RECORD *rec, const void *obj, const cxx_throw_info *ti)
{
	void *base = NULL;

	memset(rec, 0, sizeof(*rec));
	rec->ExceptionCode = CXX_EXCEPTION_CODE;
	rec->ExceptionFlags = EXCEPTION_NONCONTINUABLE;
	rec->NumberParameters = CXX_EXCEPTION_PARAMS;
	RtlPcToFileHeader((void *)ti, &base);
	rec->ExceptionInformation[0] = (ti->attributes & TI_PURE) ? CXX_MAGIC_PURE : CXX_MAGIC1;
	rec->ExceptionInformation[1] = (ULONG_PTR)obj;
	rec->ExceptionInformation[2] = (ULONG_PTR)ti;
	rec->ExceptionInformation[3] = (ULONG_PTR)base;
}

/* Out of memory: as documented, the exception_ptr refers to a bad_alloc
 * (its message is static: copying it needs no memory). */
static struct eptr_block *capture_or_bad_alloc(const EXCEPTION_RECORD *rec)
{
	struct eptr_block *b = capture(rec);
	EXCEPTION_RECORD bad;
	void *e[3];

	if (b)
		return b;
	cxx_exc_init(e, bad_alloc_vftable, "bad allocation", FALSE);
	throw_record(&bad, e, &bad_alloc_ti);
	b = capture(&bad);
	if (!b)
		cxx_terminate();
	return b;
}

void __cdecl msvcp_eptr_create(struct eptr *p)
{
	set(p, NULL);
}

void __cdecl msvcp_eptr_destroy(struct eptr *p)
{
	release(p->block);
	set(p, NULL);
}

void __cdecl msvcp_eptr_copy(struct eptr *dst, const struct eptr *src)
{
	if (src->block)
		InterlockedIncrement(&src->block->refs);
	set(dst, src->block);
}

void __cdecl msvcp_eptr_assign(struct eptr *dst, const struct eptr *src)
{
	struct eptr_block *old = dst->block;

	msvcp_eptr_copy(dst, src);  /* first: dst and src may be one */
	release(old);
}

BOOLEAN __cdecl msvcp_eptr_compare(const struct eptr *a, const struct eptr *b)
{
	return a->rec == b->rec;
}

BOOLEAN __cdecl msvcp_eptr_to_bool(const struct eptr *p)
{
	return p->rec != NULL;
}

void __cdecl msvcp_eptr_swap(struct eptr *a, struct eptr *b)
{
	struct eptr t = *a;

	*a = *b;
	*b = t;
}

/* std::current_exception: the exception the innermost running catch block
 * handles (vcruntime140 keeps it per thread), or a null exception_ptr. */
void __cdecl msvcp_eptr_current(struct eptr *p)
{
	EXCEPTION_RECORD **(__cdecl *current)(void) = msvcp_vcruntime_proc("__current_exception");
	EXCEPTION_RECORD *rec = current ? *current() : NULL;

	set(p, rec ? capture_or_bad_alloc(rec) : NULL);
}

/* std::make_exception_ptr(obj): obj as if thrown as ti. */
void __cdecl msvcp_eptr_copy_exception(struct eptr *p, const void *obj, const cxx_throw_info *ti)
{
	EXCEPTION_RECORD rec;

	throw_record(&rec, obj, ti);
	set(p, capture_or_bad_alloc(&rec));
}

/* std::rethrow_exception; a null exception_ptr throws std::bad_exception
 * (documented). */
void __cdecl msvcp_eptr_rethrow(const struct eptr *p)
{
	const EXCEPTION_RECORD *rec = p->rec;
	void *copy;

	if (!rec)
		cxx_throw_class(bad_exception_vftable, &bad_exception_ti, "bad exception");
	if (!carries_object(rec)) {
		RaiseException(rec->ExceptionCode, rec->ExceptionFlags, rec->NumberParameters,
			       rec->ExceptionInformation);
		cxx_terminate();    /* a handler continued: rethrow_exception never returns */
	}
	/* on this frame, which stays below the catch block until it ends */
	copy = __builtin_alloca(thrown_type(rec)->size);
	copy_object(rec, copy);
	_CxxThrowException(copy, cxx_throw_info_of(rec));
}
