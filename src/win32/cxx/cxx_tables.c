/* One function's C++ exception tables, whichever format they are in: the
 * frame handler reads them only through these. */
#include "cxx_private.h"

BOOL cxx_func_init(struct cxx_func *f, enum cxx_format format, const DISPATCHER_CONTEXT *dc)
{
	const BYTE *info;

	memset(f, 0, sizeof(*f));
	f->format = format;
	f->base = dc->ImageBase;
	f->begin = dc->FunctionEntry->BeginAddress;
	/* the handler data is the RVA of the FuncInfo (FuncInfo4) */
	info = (const BYTE *)(f->base + *(const DWORD *)dc->HandlerData);
	return format == CXX_FH3 ? cxx_fh3_init(f, info) : cxx_fh4_init(f, info);
}

int cxx_state_at(const struct cxx_func *f, DWORD64 pc)
{
	DWORD rva = (DWORD)(pc - f->base);

	return f->format == CXX_FH3 ? cxx_fh3_state_at(f, rva) : cxx_fh4_state_at(f, rva);
}

int cxx_lowest_state(const struct cxx_func *f)
{
	return f->format == CXX_FH3 ? cxx_fh3_lowest_state(f) : cxx_fh4_lowest_state(f);
}

BOOL cxx_unwind_entry(const struct cxx_func *f, int state, struct cxx_unwind *out)
{
	return f->format == CXX_FH3 ? cxx_fh3_unwind_entry(f, state, out)
				    : cxx_fh4_unwind_entry(f, state, out);
}

void cxx_tries(const struct cxx_func *f, struct cxx_cursor *c)
{
	c->p = (const BYTE *)(f->base + f->try_map);
	if (f->format == CXX_FH3)
		c->left = f->try_map ? f->ntry : 0;
	else
		c->left = f->try_map ? (int)cxx_fh4_uint(&c->p) : 0;
}

BOOL cxx_next_try(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_try *t)
{
	return f->format == CXX_FH3 ? cxx_fh3_next_try(f, c, t) : cxx_fh4_next_try(f, c, t);
}

void cxx_handlers(const struct cxx_func *f, const struct cxx_try *t, struct cxx_cursor *c)
{
	c->p = (const BYTE *)(f->base + t->handlers);
	if (f->format == CXX_FH3)
		c->left = t->handlers ? t->nhandlers : 0;
	else
		c->left = t->handlers ? (int)cxx_fh4_uint(&c->p) : 0;
}

BOOL cxx_next_handler(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_handler *h)
{
	return f->format == CXX_FH3 ? cxx_fh3_next_handler(f, c, h)
				    : cxx_fh4_next_handler(f, c, h);
}
