/*
 * Does a handler take a thrown object, and making its catch variable.
 * The ThrowInfo lists the types the object may be caught as (its class
 * and unambiguous public bases, or for a pointer the pointed-to class's
 * and void *); a handler takes the first of them that is its own type,
 * compared by decorated name since every module has its own copy of a
 * type descriptor, with no qualifier dropped.
 */
#include "cxx_private.h"

BOOL cxx_is_ellipsis(const struct cxx_handler *h, DWORD64 base)
{
	return !h->type || !((const cxx_type_descriptor *)(base + h->type))->name[0];
}

static BOOL same_type(const cxx_type_descriptor *a, const cxx_type_descriptor *b)
{
	return a == b || !strcmp(a->name, b->name);
}

static BOOL qualifiers_ok(const cxx_throw_info *ti, DWORD adjectives)
{
	return (!(ti->attributes & TI_CONST) || (adjectives & HT_CONST)) &&
	       (!(ti->attributes & TI_VOLATILE) || (adjectives & HT_VOLATILE)) &&
	       (!(ti->attributes & TI_UNALIGNED) || (adjectives & HT_UNALIGNED));
}

const cxx_catchable_type *cxx_match_type(const EXCEPTION_RECORD *rec,
					 const cxx_type_descriptor *want, DWORD adjectives)
{
	const cxx_throw_info *ti = cxx_throw_info_of(rec);
	DWORD64 base = rec->ExceptionInformation[3];
	const cxx_catchable_types *list;

	if (!ti)
		return NULL;
	list = (const cxx_catchable_types *)(base + ti->catchable_types);
	for (int i = 0; i < list->count; i++) {
		const cxx_catchable_type *ct = (const cxx_catchable_type *)(base + list->types[i]);

		if (!same_type(want, (const cxx_type_descriptor *)(base + ct->type)))
			continue;
		if ((ct->properties & CT_BY_REFERENCE_ONLY) && !(adjectives & HT_REFERENCE))
			continue;
		if (qualifiers_ok(ti, adjectives))
			return ct;
	}
	return NULL;
}

const cxx_catchable_type *cxx_match(const EXCEPTION_RECORD *rec, const struct cxx_handler *h,
				    DWORD64 handler_base)
{
	if (cxx_is_ellipsis(h, handler_base))
		return NULL;
	return cxx_match_type(rec, (const cxx_type_descriptor *)(handler_base + h->type),
			      h->adjectives);
}

void *cxx_adjust_pointer(void *obj, const cxx_pmd *pmd)
{
	char *p = (char *)obj + pmd->mdisp;

	if (pmd->pdisp >= 0) {
		const char *vbtable = *(const char **)((char *)obj + pmd->pdisp);

		p += *(const int32_t *)(vbtable + pmd->vdisp) + pmd->pdisp;
	}
	return p;
}

/* The catch variable at dst: a reference to the object, a copy of a
 * pointer or scalar, or a copy-constructed object. */
void cxx_build_catch_object(const EXCEPTION_RECORD *rec, void *dst, DWORD adjectives,
			    const cxx_catchable_type *ct)
{
	DWORD64 base = rec->ExceptionInformation[3];
	void *obj = cxx_object_of(rec);

	if (adjectives & HT_REFERENCE) {
		*(void **)dst = cxx_adjust_pointer(obj, &ct->this_disp);
	} else if (ct->properties & CT_SIMPLE_TYPE) {
		memmove(dst, obj, ct->size);
		if (ct->size == sizeof(void *) && *(void **)dst)
			*(void **)dst = cxx_adjust_pointer(*(void **)dst, &ct->this_disp);
	} else if (!ct->copy_ctor) {
		memmove(dst, cxx_adjust_pointer(obj, &ct->this_disp), ct->size);
	} else {
		/* a class with virtual bases takes a "most derived" flag */
		cxx_call_guarded((void *)(base + ct->copy_ctor), dst,
				 cxx_adjust_pointer(obj, &ct->this_disp),
				 (void *)(uintptr_t)!!(ct->properties & CT_HAS_VIRTUAL_BASE));
	}
}
