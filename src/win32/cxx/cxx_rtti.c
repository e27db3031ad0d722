/*
 * RTTI: typeid of a polymorphic object (__RTtypeid), dynamic_cast
 * (__RTDynamicCast, __RTCastToVoid).  vftable[-1] holds the complete
 * object locator (cxx_abi.h): where this vftable's subobject lies in the
 * complete object, its type and its class hierarchy, every base class
 * listed with where it lies and whether it is public and unambiguous.
 */
#include "cxx_private.h"

void cxx_try_fault(void);

EXCEPTION_DISPOSITION cxx_try_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
				      DISPATCHER_CONTEXT *dc)
{
	CONTEXT scratch;

	if (!(rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) &&
	    rec->ExceptionCode == (DWORD)STATUS_ACCESS_VIOLATION)
		RtlUnwindEx(frame, (void *)cxx_try_fault, rec, NULL, &scratch, dc->HistoryTable);
	return ExceptionContinueSearch;
}

/* An object's locator, and where its complete object starts. */
struct rtti_object {
	const cxx_object_locator *col;
	DWORD64 base;               /* the locator's image */
	char *complete;
};

static void *locate(void *arg)
{
	struct rtti_object *o = arg;
	char *obj = (char *)o->complete;
	const cxx_object_locator *col = (*(const cxx_object_locator ***)obj)[-1];
	void *image = NULL;

	/* signature 1: offsets from the image the locator's self offset
	 * gives; 0 (older compilers): from the image that holds it */
	if (!col || col->signature > 1)
		return NULL;
	if (col->signature == 0 && !RtlPcToFileHeader((void *)col, &image))
		return NULL;
	o->col = col;
	o->base = col->signature ? (DWORD64)col - col->self : (DWORD64)image;
	o->complete = obj - col->offset;
	if (col->cd_offset)
		o->complete += *(const int32_t *)(obj - col->cd_offset);
	return (void *)col;
}

/* Finds obj's locator, throwing __non_rtti_object if obj has none. */
static void find_object(void *obj, struct rtti_object *o)
{
	void *found;

	o->complete = obj;
	if (!cxx_try(locate, o, &found))
		cxx_throw_class(non_rtti_vftable, &non_rtti_ti, "Access violation - no RTTI data!");
	if (!found)
		cxx_throw_class(non_rtti_vftable, &non_rtti_ti, "Bad read pointer - no RTTI data!");
}

void *__RTtypeid(void *obj)
{
	struct rtti_object o;

	if (!obj)
		cxx_throw_class(bad_typeid_vftable, &bad_typeid_ti, cxx_typeid_null_message);
	find_object(obj, &o);
	return (void *)(o.base + o.col->type);
}

void *__RTCastToVoid(void *obj)
{
	struct rtti_object o;

	if (!obj)
		return NULL;
	find_object(obj, &o);
	return o.complete;
}

static const cxx_base_class *base_class(const struct rtti_object *o, const cxx_hierarchy *h,
					unsigned i)
{
	const int32_t *bases = (const int32_t *)(o->base + h->bases);

	return (const cxx_base_class *)(o->base + bases[i]);
}

static BOOL is_type(const struct rtti_object *o, const cxx_base_class *b,
		    const cxx_type_descriptor *t)
{
	const cxx_type_descriptor *bt = (const cxx_type_descriptor *)(o->base + b->type);

	return bt == t || !strcmp(bt->name, t->name);
}

/* The target subobject that contains the source one, at src: a downcast
 * from that base (which may be ambiguous in the complete object). */
static void *containing_target(const struct rtti_object *o, const cxx_hierarchy *h,
			       const cxx_type_descriptor *src_type, char *src,
			       const cxx_type_descriptor *target)
{
	if (!src_type)      /* unknown: no downcast from it */
		return NULL;
	for (unsigned i = 0; i < h->nbases; i++) {
		const cxx_base_class *t = base_class(o, h, i);

		if (!is_type(o, t, target) || (t->attributes & BCD_NOT_VISIBLE))
			continue;
		for (unsigned j = i + 1; j <= i + t->ncontained && j < h->nbases; j++) {
			const cxx_base_class *s = base_class(o, h, j);

			if (is_type(o, s, src_type) && !(s->attributes & BCD_NOT_VISIBLE) &&
			    cxx_adjust_pointer(o->complete, &s->where) == src)
				return cxx_adjust_pointer(o->complete, &t->where);
		}
	}
	return NULL;
}

/* The one public, unambiguous target base of the complete object. */
static void *unique_target(const struct rtti_object *o, const cxx_hierarchy *h,
			   const cxx_type_descriptor *target)
{
	for (unsigned i = 0; i < h->nbases; i++) {
		const cxx_base_class *t = base_class(o, h, i);

		if (is_type(o, t, target) && !(t->attributes & (BCD_NOT_VISIBLE | BCD_AMBIGUOUS)))
			return cxx_adjust_pointer(o->complete, &t->where);
	}
	return NULL;
}

/* dynamic_cast<target>(obj), obj a src_type subobject whose vftable
 * pointer is vf_delta bytes in. */
void *__RTDynamicCast(void *obj, LONG vf_delta, const cxx_type_descriptor *src_type,
		      const cxx_type_descriptor *target, BOOL is_reference)
{
	struct rtti_object o;
	const cxx_hierarchy *h;
	void *result;

	if (!obj)
		return NULL;
	find_object((char *)obj + vf_delta, &o);
	h = (const cxx_hierarchy *)(o.base + o.col->hierarchy);
	/* a downcast first, else a cross-cast through the complete object */
	result = containing_target(&o, h, src_type, obj, target);
	if (!result)
		result = unique_target(&o, h, target);
	if (!result && is_reference)
		cxx_throw_class(bad_cast_vftable, &bad_cast_ti, "Bad dynamic_cast!");
	return result;
}
