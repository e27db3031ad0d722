/*
 * Placeholders (Windows 10 1803): reserved ranges made with
 * MEM_RESERVE | MEM_RESERVE_PLACEHOLDER that a program splits
 * (MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER on part of one), merges again
 * (MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS over adjacent ones), and
 * replaces, whole, by an allocation (MEM_REPLACE_PLACEHOLDER, memory.c) or
 * a view (section_view.c), which turns back into a placeholder when freed
 * or unmapped with MEM_PRESERVE_PLACEHOLDER.  On the host a placeholder
 * is inaccessible anonymous memory: splitting and merging change only the
 * supervisor's view.
 */
#include <sys/mman.h>
#include "emul/memory/memory.h"

bool placeholder_insert(struct vad_map *m, uint64_t base, uint64_t size)
{
	struct vad *v;

	if (!size)
		return true;
	v = vad_insert(m, base, size, MEM_PRIVATE, PAGE_NOACCESS, MEM_RESERVE, 0);
	if (v)
		v->placeholder = true;
	return v != NULL;
}

/* [b, e) of placeholder v becomes a placeholder of its own; what lies
 * before and after stays one each. */
static NTSTATUS split(struct vad_map *m, struct vad *v, uint64_t b, uint64_t e)
{
	uint64_t vb = v->base, ve = v->base + v->size;

	if (b < vb || e > ve || e <= b)
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	if (b == vb && e == ve)
		return LSW_STATUS_SUCCESS; /* a placeholder already */
	vad_remove(m, v);
	if (!placeholder_insert(m, vb, b - vb) || !placeholder_insert(m, b, e - b) ||
	    !placeholder_insert(m, e, ve - e))
		return LSW_STATUS_NO_MEMORY;
	return LSW_STATUS_SUCCESS;
}

/* A replaced placeholder, freed whole, becomes one again (its pages go). */
static NTSTATUS preserve(struct nt_call *tc, struct vad *v, uint64_t b, uint64_t e)
{
	struct vad_map *m = &tc->thread->process->vad;
	uint64_t base = v->base, size = v->size;

	if (!v->from_placeholder || v->type != MEM_PRIVATE)
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	if (b != base || (e != b && e != base + size))
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	vad_remove(m, v);
	memory_op_map_anon(tc, base, size, PROT_NONE, true);
	return placeholder_insert(m, base, size) ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
}

/* Adjacent placeholders covering [b, e) exactly become one. */
static NTSTATUS coalesce(struct vad_map *m, uint64_t b, uint64_t e)
{
	uint64_t at = b;
	struct vad *v;

	while (at < e) {
		v = vad_find(m, at);
		if (!v || !v->placeholder || v->base != at || v->base + v->size > e)
			return LSW_STATUS_CONFLICTING_ADDRESSES;
		at = v->base + v->size;
	}
	for (at = b; at < e && (v = vad_find(m, at));) {
		at = v->base + v->size;
		vad_remove(m, v);
	}
	return placeholder_insert(m, b, e - b) ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
}

NTSTATUS placeholder_free(struct nt_call *tc, uint64_t *base, uint64_t *size, uint32_t type)
{
	struct vad_map *m = &tc->thread->process->vad;
	uint64_t b = *base & ~(PAGE_SIZE_NT - 1);
	uint64_t e = (*base + *size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	struct vad *v = vad_find(m, b);
	NTSTATUS st;

	if ((type & MEM_PRESERVE_PLACEHOLDER) && (type & MEM_COALESCE_PLACEHOLDERS))
		return LSW_STATUS_INVALID_PARAMETER_4;
	if (!v)
		return LSW_STATUS_MEMORY_NOT_ALLOCATED;
	if (type & MEM_COALESCE_PLACEHOLDERS)
		st = *size ? coalesce(m, b, e) : (NTSTATUS)LSW_STATUS_INVALID_PARAMETER_3;
	else if (v->placeholder)
		st = *size ? split(m, v, b, e) : (NTSTATUS)LSW_STATUS_INVALID_PARAMETER_3;
	else
		st = preserve(tc, v, b, *size ? e : b);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	v = vad_find(m, b);
	*base = b;
	*size = v ? v->size : e - b;
	return LSW_STATUS_SUCCESS;
}
