/*
 * The committed pages of a SEC_RESERVE page-file section.  On Windows a
 * commit through one view (VirtualAlloc MEM_COMMIT on it) commits the
 * section's pages, so every view of them sees them committed: .NET's
 * executable allocator commits through its executable view, then maps a
 * writable one of the same pages.  The section keeps the committed ranges
 * (offsets, sorted, merged); a view mapped later commits those it covers.
 */
#include <stdlib.h>
#include <sys/mman.h>
#include "emul/memory/memory.h"
#include "emul/memory/section.h"

/* [off, off+len) joins the ranges: -1 when there is no memory. */
int section_commit_add(struct section_object *s, uint64_t off, uint64_t len)
{
	uint64_t end = off + len;
	size_t i = 0, j, n = s->ncommits;

	while (i < n && s->commits[i].off + s->commits[i].len < off)
		i++;
	/* ranges i..j-1 touch or overlap the new one: they merge into it */
	for (j = i; j < n && s->commits[j].off <= end; j++) {
		uint64_t e = s->commits[j].off + s->commits[j].len;

		off = s->commits[j].off < off ? s->commits[j].off : off;
		end = e > end ? e : end;
	}
	if (j == i) {
		struct section_commit *grown = realloc(s->commits, (n + 1) * sizeof(*grown));

		if (!grown)
			return -1;
		s->commits = grown;
		for (size_t k = n; k > i; k--)
			s->commits[k] = s->commits[k - 1];
		s->ncommits = ++n;
		j = i + 1;
	}
	s->commits[i].off = off;
	s->commits[i].len = end - off;
	for (size_t k = j; k < n; k++)
		s->commits[i + 1 + k - j] = s->commits[k];
	s->ncommits = n - (j - i - 1);
	return 0;
}

/* mprotect of a view's pages; another thread may have the view's mmap op
 * still to run (the supervisor listed the view first): then the range is
 * not mapped yet, which the op lets pass. */
static void protect_view_pages(struct nt_call *c, uint64_t addr, uint64_t size, uint32_t protect)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MPROTECT);

	if (!op)
		return;
	op->arg[0] = addr;
	op->arg[1] = size;
	op->arg[2] = (uint64_t)nt_protect_to_prot(protect);
	op->arg[3] = 1;
}

/* The reserved pages of view w among the section's bytes [lo, hi) become
 * committed with the view's protection (an mprotect op each). */
static void commit_reserved_in(struct nt_call *c, struct vad *w, uint64_t lo, uint64_t hi)
{
	uint64_t first, end;

	lo = lo < w->offset ? w->offset : lo;
	hi = hi > w->offset + w->size ? w->offset + w->size : hi;
	if (lo >= hi)
		return;
	first = (lo - w->offset) / PAGE_SIZE_NT;
	end = (hi - w->offset + PAGE_SIZE_NT - 1) / PAGE_SIZE_NT;
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < w->nruns; i++) {
			const struct page_run *r = &w->runs[i];
			uint64_t a = r->first > first ? r->first : first;
			uint64_t b = r->first + r->count < end ? r->first + r->count : end;

			if (r->state != MEM_RESERVE || a >= b)
				continue;
			if (vad_set_pages(&c->thread->process->vad, w, w->base + a * PAGE_SIZE_NT,
					  (b - a) * PAGE_SIZE_NT, MEM_COMMIT, w->alloc_protect) < 0)
				return;
			protect_view_pages(c, w->base + a * PAGE_SIZE_NT, (b - a) * PAGE_SIZE_NT,
					   w->alloc_protect);
			again = true; /* the runs changed */
			break;
		}
	}
}

void section_commit_view(struct nt_call *c, struct section_object *s, struct vad *v)
{
	for (size_t i = 0; i < s->ncommits; i++)
		commit_reserved_in(c, v, s->commits[i].off, s->commits[i].off + s->commits[i].len);
}

void section_commit_others(struct nt_call *c, struct vad *from, uint64_t off, uint64_t len)
{
	struct vad_map *m = &c->thread->process->vad;

	for (size_t i = 0; i < m->n; i++)
		if (&m->v[i] != from && m->v[i].section == from->section)
			commit_reserved_in(c, &m->v[i], off, off + len);
}
