/*
 * FH3 tables (__CxxFrameHandler, 2, 3): fixed-size arrays, RVAs from the
 * FuncInfo (cxx_abi.h).  A function and its funclets share one FuncInfo.
 */
#include "cxx_private.h"

BOOL cxx_fh3_init(struct cxx_func *f, const BYTE *info)
{
	const cxx_func_info3 *fi = (const cxx_func_info3 *)info;
	DWORD magic = fi->magic & CXX_MAGIC_MASK;

	if (magic < CXX_MAGIC1 || magic > CXX_MAGIC3)
		return FALSE;
	f->nstates = fi->max_state;
	f->unwind_map = fi->unwind_map;
	f->ntry = fi->ntry;
	f->try_map = fi->try_map;
	f->nip = fi->nip;
	f->ip_map = fi->ip_map;
	f->flags = magic >= CXX_MAGIC3 ? fi->flags : 0;
	return TRUE;
}

/* The state of the last entry at or before rva (entries ascend). */
int cxx_fh3_state_at(const struct cxx_func *f, DWORD rva)
{
	const cxx_ip_state3 *m = (const cxx_ip_state3 *)(f->base + f->ip_map);
	int state = -1;

	for (int i = 0; i < f->nip && (DWORD)m[i].ip <= rva; i++)
		state = m[i].state;
	return state;
}

int cxx_fh3_lowest_state(const struct cxx_func *f)
{
	const cxx_ip_state3 *m = (const cxx_ip_state3 *)(f->base + f->ip_map);
	int lowest = INT_MAX;

	for (int i = 0; i < f->nip; i++)
		if (m[i].state >= 0 && m[i].state < lowest)
			lowest = m[i].state;
	return lowest;
}

BOOL cxx_fh3_unwind_entry(const struct cxx_func *f, int state, struct cxx_unwind *out)
{
	const cxx_unwind3 *u = (const cxx_unwind3 *)(f->base + f->unwind_map);

	if (state < 0 || state >= f->nstates)
		return FALSE;
	out->to_state = u[state].to_state;
	out->kind = u[state].action ? UW_FUNCLET : UW_NONE;
	out->action = u[state].action;
	out->object = 0;
	return TRUE;
}

BOOL cxx_fh3_next_try(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_try *t)
{
	const cxx_try3 *e = (const cxx_try3 *)c->p;

	if (c->left <= 0)
		return FALSE;
	t->low = e->low;
	t->high = e->high;
	t->catch_high = e->catch_high;
	t->handlers = e->handlers;
	t->nhandlers = e->nhandlers;
	c->p += sizeof(*e);
	c->left--;
	return TRUE;
}

BOOL cxx_fh3_next_handler(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_handler *h)
{
	const cxx_handler3 *e = (const cxx_handler3 *)c->p;

	if (c->left <= 0)
		return FALSE;
	h->adjectives = e->adjectives;
	h->type = e->type;
	h->catch_obj = e->catch_obj;
	h->handler = e->handler;
	h->disp_frame = e->disp_frame;
	h->ncont = 0;
	c->p += sizeof(*e);
	c->left--;
	return TRUE;
}
