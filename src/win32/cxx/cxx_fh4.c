/*
 * FH4 tables (__CxxFrameHandler4, MSVC 2019 and later): byte streams of
 * compressed unsigned integers and 4-byte RVAs, as Microsoft's published
 * ehdata4_export.h describes them:
 *
 *   compressed integer: the low bits of the first byte say its length
 *     xxx0: 1 byte (7 bits), xx01: 2 (14), x011: 3 (21), 0111: 4 (28),
 *     1111: the next 4 bytes hold the value
 *   FuncInfo4: header byte (bit 0 catch funclet, 1 separated code, 2 BBT
 *     flags follow, 3 unwind map, 4 try map, 5 /EHs, 6 noexcept), then as
 *     the bits say: BBT flags (int), unwind map RVA, try map RVA, the IP map
 *     RVA (always), the parent frame offset of a catch funclet (int)
 *   unwind map: count, then per state (nextOffset << 2 | type) where
 *     nextOffset counts back from this entry to its to-state's entry (before
 *     the first: -1); type 1 and 2: destructor RVA and frame offset of the
 *     object (2: of a pointer to it), type 3: cleanup funclet RVA
 *   try map: count, then low, high, catch high, handler map RVA
 *   handler map: count, then header byte (bit 0 adjectives, 1 type, 2 catch
 *     object, 3 continuations are RVAs, 4-5 how many continuations), the
 *     fields it announces, the catch funclet RVA, the continuations
 *   IP map: count, then (IP delta from the previous entry, from the function
 *     start; state + 1); a separated function maps each part's start RVA to
 *     its own IP map
 * Each catch funclet has its own FuncInfo4 (and IP map, from its start).
 */
#include "cxx_private.h"

#define FI4_CATCH 0x01
#define FI4_SEPARATED 0x02
#define FI4_BBT 0x04
#define FI4_UNWIND_MAP 0x08
#define FI4_TRY_MAP 0x10
#define FI4_EHS 0x20
#define FI4_NOEXCEPT 0x40

#define HT4_ADJECTIVES 0x01
#define HT4_TYPE 0x02
#define HT4_CATCH_OBJ 0x04
#define HT4_CONT_RVA 0x08
#define HT4_CONT_COUNT(h) (((h) >> 4) & 3)

DWORD cxx_fh4_uint(const BYTE **pp)
{
	const BYTE *p = *pp;
	DWORD v;

	if (!(p[0] & 1)) {
		v = p[0] >> 1;
		*pp = p + 1;
	} else if (!(p[0] & 2)) {
		v = (p[0] | p[1] << 8) >> 2;
		*pp = p + 2;
	} else if (!(p[0] & 4)) {
		v = (p[0] | p[1] << 8 | p[2] << 16) >> 3;
		*pp = p + 3;
	} else if (!(p[0] & 8)) {
		v = ((DWORD)p[0] | p[1] << 8 | p[2] << 16 | (DWORD)p[3] << 24) >> 4;
		*pp = p + 4;
	} else {
		v = (DWORD)p[1] | p[2] << 8 | p[3] << 16 | (DWORD)p[4] << 24;
		*pp = p + 5;
	}
	return v;
}

static DWORD rva(const BYTE **pp)
{
	DWORD v;

	memcpy(&v, *pp, 4);
	*pp += 4;
	return v;
}

/* A separated function: the IP map of the part starting at begin. */
static DWORD part_ip_map(DWORD64 base, DWORD table, DWORD begin)
{
	const BYTE *p = (const BYTE *)(base + table);
	DWORD n = table ? cxx_fh4_uint(&p) : 0;

	for (DWORD i = 0; i < n; i++) {
		DWORD start = rva(&p), map = rva(&p);

		if (start == begin)
			return map;
	}
	return 0;
}

BOOL cxx_fh4_init(struct cxx_func *f, const BYTE *info)
{
	const BYTE *p = info + 1;
	BYTE h = info[0];

	if (h & 0x80)
		return FALSE;   /* reserved: a later format */
	if (h & FI4_BBT)
		cxx_fh4_uint(&p);
	f->unwind_map = h & FI4_UNWIND_MAP ? rva(&p) : 0;
	f->try_map = h & FI4_TRY_MAP ? rva(&p) : 0;
	f->ip_map = rva(&p);
	if (h & FI4_SEPARATED)
		f->ip_map = part_ip_map(f->base, f->ip_map, f->begin);
	f->catch_funclet = !!(h & FI4_CATCH);
	f->disp_frame = f->catch_funclet ? cxx_fh4_uint(&p) : 0;
	f->flags = (h & FI4_EHS ? FI_EHS : 0) | (h & FI4_NOEXCEPT ? FI_NOEXCEPT : 0);
	return TRUE;
}

int cxx_fh4_state_at(const struct cxx_func *f, DWORD pc_rva)
{
	const BYTE *p = (const BYTE *)(f->base + f->ip_map);
	DWORD n = f->ip_map ? cxx_fh4_uint(&p) : 0, ip = f->begin;
	int state = -1;

	for (DWORD i = 0; i < n; i++) {
		ip += cxx_fh4_uint(&p);
		if (ip > pc_rva)
			break;
		state = (int)cxx_fh4_uint(&p) - 1;
	}
	return state;
}

int cxx_fh4_lowest_state(const struct cxx_func *f)
{
	const BYTE *p = (const BYTE *)(f->base + f->ip_map);
	DWORD n = f->ip_map ? cxx_fh4_uint(&p) : 0;
	int lowest = INT_MAX;

	for (DWORD i = 0; i < n; i++) {
		int state;

		cxx_fh4_uint(&p);
		state = (int)cxx_fh4_uint(&p) - 1;
		if (state >= 0 && state < lowest)
			lowest = state;
	}
	return lowest;
}

/* The entry types, in the order the 2-bit field numbers them. */
static const enum cxx_unwind_kind unwind_kinds[4] = {
	UW_NONE, UW_DTOR_OBJ, UW_DTOR_PTR, UW_FUNCLET
};

/* Reads the unwind entry at p; returns where the next one starts. */
static const BYTE *read_unwind(const BYTE *p, DWORD *back, struct cxx_unwind *out)
{
	DWORD w = cxx_fh4_uint(&p);

	*back = w >> 2;
	out->kind = unwind_kinds[w & 3];
	out->action = out->kind != UW_NONE ? rva(&p) : 0;
	out->object = out->kind == UW_DTOR_OBJ || out->kind == UW_DTOR_PTR ? cxx_fh4_uint(&p) : 0;
	return p;
}

BOOL cxx_fh4_unwind_entry(const struct cxx_func *f, int state, struct cxx_unwind *out)
{
	const BYTE *p = (const BYTE *)(f->base + f->unwind_map), *start, *entry = NULL, *target;
	struct cxx_unwind skip;
	DWORD n = f->unwind_map ? cxx_fh4_uint(&p) : 0, back = 0;

	if (state < 0 || (DWORD)state >= n)
		return FALSE;
	start = p;
	for (int i = 0; i <= state; i++) {
		entry = p;
		p = read_unwind(p, &back, out);
	}
	target = entry - back;
	out->to_state = -1;
	if (target < start)
		return TRUE;
	p = start;
	for (int i = 0; i < state; i++) {
		if (p == target) {
			out->to_state = i;
			return TRUE;
		}
		p = read_unwind(p, &back, &skip);
	}
	return FALSE;   /* not the start of an earlier entry: broken tables */
}

BOOL cxx_fh4_next_try(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_try *t)
{
	if (c->left <= 0)
		return FALSE;
	t->low = cxx_fh4_uint(&c->p);
	t->high = cxx_fh4_uint(&c->p);
	t->catch_high = cxx_fh4_uint(&c->p);
	t->handlers = rva(&c->p);
	t->nhandlers = -1;
	c->left--;
	return TRUE;
}

static DWORD64 continuation(const struct cxx_func *f, const BYTE **p, BOOL is_rva)
{
	return f->base + (is_rva ? rva(p) : f->begin + cxx_fh4_uint(p));
}

BOOL cxx_fh4_next_handler(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_handler *h)
{
	BYTE head;

	if (c->left <= 0)
		return FALSE;
	head = *c->p++;
	h->adjectives = head & HT4_ADJECTIVES ? cxx_fh4_uint(&c->p) : 0;
	h->type = head & HT4_TYPE ? rva(&c->p) : 0;
	h->catch_obj = head & HT4_CATCH_OBJ ? (int)cxx_fh4_uint(&c->p) : 0;
	h->handler = rva(&c->p);
	h->disp_frame = 0;
	h->ncont = HT4_CONT_COUNT(head) == 3 ? 0 : HT4_CONT_COUNT(head);
	for (int i = 0; i < h->ncont; i++)
		h->cont[i] = continuation(f, &c->p, head & HT4_CONT_RVA);
	c->left--;
	return TRUE;
}
