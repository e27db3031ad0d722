/*
 * Memory released (NtFreeVirtualMemory MEM_RELEASE, NtUnmapViewOfSection)
 * is unmapped by an op in the caller's answer, which its runtime runs only
 * once it is back on a CPU.  Until then the range is still mapped: a
 * second thread given the same addresses meanwhile would have its mapping
 * refused (MAP_FIXED_NOREPLACE: EEXIST, and the process ends; node's
 * workers and CoreCLR's GC hit it now and then).  So the range is held
 * (taken, no longer the program's) until the releasing thread calls again,
 * which it does only after its ops ran, or its Linux thread is gone.
 */
#include <stdlib.h>
#include "emul/emul.h"
#include "emul/memory/memory.h"

void memory_release_range(struct nt_call *c, struct vad *v)
{
	struct lsw_thread *t = c->thread;
	struct vad_map *m = &t->process->vad;

	if (t->nreleased == t->released_cap) {
		uint32_t cap = t->released_cap ? t->released_cap * 2 : 8;
		uint64_t *r = realloc(t->released, cap * sizeof(*r));

		if (!r) {
			vad_remove(m, v); /* as before: free at once */
			return;
		}
		t->released = r;
		t->released_cap = cap;
	}
	t->released[t->nreleased++] = v->base;
	vad_hold(m, v);
}

void memory_released_done(struct lsw_thread *t)
{
	struct vad_map *m = &t->process->vad;

	for (uint32_t i = 0; i < t->nreleased; i++) {
		struct vad *v = vad_find(m, t->released[i]);

		if (v && v->base == t->released[i] && !v->type)
			vad_remove(m, v);
	}
	t->nreleased = 0;
}
