/* The VAD map: sorted allocations, each with runs of pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "emul/memory/memory.h"
#include "emul/object/object.h"
#include "emul/process/quota.h"

/* What one range costs its process's nonpaged pool (a VAD on Windows),
 * its runs of pages apart: the record, its room in the map, one run. */
#define VAD_CHARGE (2 * sizeof(struct vad) + sizeof(struct page_run))

int nt_protect_to_prot(uint32_t protect)
{
	switch (protect & ~(uint32_t)(PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE)) {
	case PAGE_NOACCESS: return PROT_NONE;
	case PAGE_READONLY: return PROT_READ;
	case PAGE_READWRITE:
	case PAGE_WRITECOPY: return PROT_READ | PROT_WRITE;
	case PAGE_EXECUTE:
	case PAGE_EXECUTE_READ: return PROT_READ | PROT_EXEC;
	case PAGE_EXECUTE_READWRITE:
	case PAGE_EXECUTE_WRITECOPY: return PROT_READ | PROT_WRITE | PROT_EXEC;
	}
	return -1;
}

struct vad *vad_find(struct vad_map *m, uint64_t addr)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		struct vad *v = &m->v[mid];

		if (addr < v->base)
			hi = mid;
		else if (addr >= v->base + v->size)
			lo = mid + 1;
		else
			return v;
	}
	return NULL;
}

bool vad_range_free(struct vad_map *m, uint64_t base, uint64_t size)
{
	if (base < USER_MIN || size == 0 || base + size - 1 > USER_MAX || base + size < base)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		struct vad *v = &m->v[i];

		if (base < v->base + v->size && v->base < base + size)
			return false;
	}
	return true;
}

uint64_t vad_zero_bits_limit(uint64_t zero_bits)
{
	if (zero_bits == 0)
		return USER_MAX + 1;
	if (zero_bits <= 21) /* counted from bit 31, as on 32-bit Windows */
		return (0xFFFFFFFFull >> zero_bits) + 1;
	if (zero_bits < 32)
		return 0;
	/* a mask: only its leading zero bits count */
	if (__builtin_clzll(zero_bits) <= 64 - 47)
		return USER_MAX + 1;
	return 1ull << (64 - __builtin_clzll(zero_bits));
}

uint64_t vad_find_free(struct vad_map *m, uint64_t size, uint64_t align, bool top_down)
{
	return vad_find_free_below(m, size, align, top_down, USER_MAX + 1);
}

uint64_t vad_find_free_below(struct vad_map *m, uint64_t size, uint64_t align, bool top_down,
			     uint64_t limit)
{
	return vad_find_free_between(m, size, align, top_down, USER_MIN, limit);
}

uint64_t vad_find_free_between(struct vad_map *m, uint64_t size, uint64_t align, bool top_down,
			       uint64_t low, uint64_t limit)
{
	if (low < USER_MIN)
		low = USER_MIN;
	if (size == 0 || limit <= low || size > limit - low)
		return 0;
	if (!top_down) {
		uint64_t cand = low;

		for (size_t i = 0; i <= m->n; i++) {
			uint64_t end = i < m->n && m->v[i].base < limit ? m->v[i].base : limit;

			cand = (cand + align - 1) & ~(align - 1);
			if (cand + size <= end && cand >= low)
				return cand;
			if (i < m->n && m->v[i].base + m->v[i].size > cand)
				cand = m->v[i].base + m->v[i].size;
		}
		return 0;
	}
	for (size_t i = m->n + 1; i-- > 0;) {
		uint64_t end = i < m->n ? m->v[i].base : limit;
		uint64_t start = i > 0 ? m->v[i - 1].base + m->v[i - 1].size : low;

		if (end > limit)
			end = limit;
		if (end < size)
			continue;
		uint64_t cand = (end - size) & ~(align - 1);
		if (cand >= start && cand >= low && cand + size <= end)
			return cand;
	}
	return 0;
}

/* Committed pages of [first, end) (pages from v's base) that count
 * towards the commit limit: private memory, as Windows charges it. */
static bool vad_charges(const struct vad *v)
{
	return v->type == MEM_PRIVATE || v->charged;
}

static uint64_t charged_pages(const struct vad *v, uint64_t first, uint64_t end)
{
	uint64_t n = 0;

	if (!vad_charges(v))
		return 0;
	for (size_t i = 0; i < v->nruns; i++) {
		const struct page_run *r = &v->runs[i];
		uint64_t lo = r->first > first ? r->first : first;
		uint64_t hi = r->first + r->count < end ? r->first + r->count : end;

		if (r->state == MEM_COMMIT && lo < hi)
			n += hi - lo;
	}
	return n;
}

uint64_t vad_uncommitted_bytes(const struct vad *v, uint64_t addr, uint64_t size)
{
	uint64_t first = (addr - v->base) / PAGE_SIZE_NT, count = size / PAGE_SIZE_NT;

	if (!vad_charges(v))
		return 0;
	return (count - charged_pages(v, first, first + count)) * PAGE_SIZE_NT;
}

/* What v is charged: VAD_CHARGE holds its first run. */
static uint64_t vad_charge(const struct vad *v)
{
	return VAD_CHARGE + (v->nruns ? v->nruns - 1 : 0) * sizeof(struct page_run);
}

struct vad *vad_insert(struct vad_map *m, uint64_t base, uint64_t size, uint32_t type,
		       uint32_t alloc_protect, uint32_t state, uint32_t protect)
{
	size_t i = 0;
	struct page_run *run;

	if (quota_block_charge(m->quota, QUOTA_NONPAGED, VAD_CHARGE) != LSW_STATUS_SUCCESS)
		return NULL;
	if (!(run = malloc(sizeof(*run)))) {
		quota_block_release(m->quota, QUOTA_NONPAGED, VAD_CHARGE);
		return NULL;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 32;
		struct vad *nv = realloc(m->v, cap * sizeof(*nv));

		if (!nv) {
			free(run);
			quota_block_release(m->quota, QUOTA_NONPAGED, VAD_CHARGE);
			return NULL;
		}
		m->v = nv;
		m->cap = cap;
	}
	while (i < m->n && m->v[i].base < base)
		i++;
	memmove(&m->v[i + 1], &m->v[i], (m->n - i) * sizeof(*m->v));
	m->n++;
	*run = (struct page_run){ 0, size / PAGE_SIZE_NT, state, protect };
	m->v[i] = (struct vad){ .base = base, .size = size, .type = type,
				.alloc_protect = alloc_protect, .runs = run, .nruns = 1 };
	m->committed += charged_pages(&m->v[i], 0, size / PAGE_SIZE_NT) * PAGE_SIZE_NT;
	return &m->v[i];
}

struct vad *vad_insert_view(struct vad_map *m, uint64_t base, uint64_t size,
			    struct nt_object *section, uint64_t offset, bool charged,
			    uint32_t alloc_protect, uint32_t state, uint32_t protect)
{
	struct vad *v = vad_insert(m, base, size, MEM_MAPPED, alloc_protect, state, protect);

	if (!v)
		return NULL;
	v->section = object_ref(section);
	v->offset = offset;
	v->charged = charged;
	m->committed += charged_pages(v, 0, size / PAGE_SIZE_NT) * PAGE_SIZE_NT;
	return v;
}

void vad_remove(struct vad_map *m, struct vad *v)
{
	size_t i = (size_t)(v - m->v);

	m->committed -= charged_pages(v, 0, v->size / PAGE_SIZE_NT) * PAGE_SIZE_NT;
	quota_block_release(m->quota, QUOTA_NONPAGED, vad_charge(v));
	if (v->section)
		object_unref(v->section);
	if (v->written)
		m->watched--;
	free(v->written);
	free(v->runs);
	memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof(*m->v));
	m->n--;
}

void vad_hold(struct vad_map *m, struct vad *v)
{
	m->committed -= charged_pages(v, 0, v->size / PAGE_SIZE_NT) * PAGE_SIZE_NT;
	v->type = 0;
	v->charged = false;
}

void vad_free_all(struct vad_map *m)
{
	for (size_t i = 0; i < m->n; i++) {
		quota_block_release(m->quota, QUOTA_NONPAGED, vad_charge(&m->v[i]));
		free(m->v[i].runs);
		free(m->v[i].written);
		if (m->v[i].section)
			object_unref(m->v[i].section);
	}
	free(m->v);
	*m = (struct vad_map){ .quota = m->quota };
}

/* Rebuilds the run list with [first, first+count) set to state/protect:
 * at most one run splits into three. */
int vad_set_pages(struct vad_map *m, struct vad *v, uint64_t addr, uint64_t size,
		  uint32_t state, uint32_t protect)
{
	uint64_t first = (addr - v->base) / PAGE_SIZE_NT, count = size / PAGE_SIZE_NT;
	uint64_t end = first + count;
	struct page_run *out;
	size_t n = 0;

	/* at most two runs more; what the merge saves is given back below */
	if (quota_block_charge(m->quota, QUOTA_NONPAGED, 2 * sizeof(*out)) != LSW_STATUS_SUCCESS)
		return -1;
	if (!(out = malloc((v->nruns + 2) * sizeof(*out)))) {
		quota_block_release(m->quota, QUOTA_NONPAGED, 2 * sizeof(*out));
		return -1;
	}
	m->committed -= charged_pages(v, first, end) * PAGE_SIZE_NT;
	if (state == MEM_COMMIT && vad_charges(v))
		m->committed += count * PAGE_SIZE_NT;
	for (size_t i = 0; i < v->nruns; i++) {
		struct page_run r = v->runs[i];
		uint64_t rend = r.first + r.count;

		if (rend <= first || r.first >= end) {
			out[n++] = r;
			continue;
		}
		if (r.first < first)
			out[n++] = (struct page_run){ r.first, first - r.first, r.state, r.protect };
		if (rend > end)
			out[n++] = (struct page_run){ end, rend - end, r.state, r.protect };
	}
	/* insert the new run in order */
	size_t pos = 0;
	while (pos < n && out[pos].first < first)
		pos++;
	memmove(&out[pos + 1], &out[pos], (n - pos) * sizeof(*out));
	out[pos] = (struct page_run){ first, count, state, protect };
	n++;
	/* merge neighbours that now agree */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (w && out[w - 1].state == out[i].state && out[w - 1].protect == out[i].protect &&
		    out[w - 1].first + out[w - 1].count == out[i].first)
			out[w - 1].count += out[i].count;
		else
			out[w++] = out[i];
	}
	quota_block_release(m->quota, QUOTA_NONPAGED, (v->nruns + 2 - w) * sizeof(*out));
	free(v->runs);
	v->runs = out;
	v->nruns = w;
	return 0;
}

int vad_seed_read(pid_t pid, struct vad_seed *s)
{
	char path[64], line[512];
	FILE *f;
	int r = 0;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	s->n = 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi;

		if (sscanf(line, "%llx-%llx", &lo, &hi) != 2 || lo > USER_MAX)
			continue;
		if (s->n == VAD_SEED_MAX) {
			r = -1;
			break;
		}
		s->r[s->n].lo = lo;
		s->r[s->n++].hi = hi;
	}
	fclose(f);
	return r;
}

void vad_seed_apply(struct vad_map *m, const struct vad_seed *s)
{
	for (unsigned i = 0; i < s->n; i++) {
		uint64_t lo = s->r[i].lo, hi = s->r[i].hi;

		if (hi > USER_MAX + 1)
			hi = USER_MAX + 1;
		/* widen to the allocation granularity so nothing lands beside it */
		lo &= ~(ALLOC_GRANULARITY - 1);
		hi = (hi + ALLOC_GRANULARITY - 1) & ~(ALLOC_GRANULARITY - 1);
		for (uint64_t a = lo; a < hi;) {
			struct vad *v = vad_find(m, a);

			if (v) {
				a = v->base + v->size;
				continue;
			}
			uint64_t e = a;
			while (e < hi && !vad_find(m, e))
				e += ALLOC_GRANULARITY;
			vad_insert(m, a, e - a, 0, PAGE_NOACCESS, MEM_RESERVE, 0);
			a = e;
		}
	}
}

int vad_seed_from_proc(struct vad_map *m, pid_t pid)
{
	struct vad_seed s;

	if (vad_seed_read(pid, &s) < 0)
		return -1;
	vad_seed_apply(m, &s);
	return 0;
}
