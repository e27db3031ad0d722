/*
 * The arguments of one call, by the types ntargs.def gives them: scalars
 * first, then what pointers point to (a buffer sets its length argument).
 * A call ntargs.def does not describe gets a mix of everything.
 */
#include "ntfuzz.h"

static uint64_t plausible_bytes(size_t n)
{
	uint8_t *p = scratch_alloc(n);

	fill_plausible(p, n);
	return (uint64_t)p;
}

static uint64_t scalar(const struct arg_desc *d)
{
	switch (d->kind) {
	case K_BOOL:
		return chance(90) ? below(2) : (chance(50) ? 0x100 : rng());
	case K_STATUS:
		return chance(50) ? below(300) : (uint32_t)rng();
	case K_HANDLE:
		return handle_for(d->name);
	case K_FLAGS:
		return flag_value(d->vals);
	case K_ENUM: {
		uint64_t v;

		return chance(50) && known_class(d->vals->v, &v) ? v : enum_value(d->vals);
	}
	case K_PVOID:
		return chance(30) ? 0 : chance(70) ? plausible_bytes(256) : any_int();
	default:
		return any_int();
	}
}

/* Room for a buffer argument and the length its length argument says. */
static uint64_t buffer(struct fuzz_call *fc, const struct arg_desc *d)
{
	uint64_t len = learned_length(fc);
	size_t room;
	uint8_t *p;

	if (!len || chance(30))
		len = d->kind == K_BUF_OUT && chance(50) ? 256 + below(4096) : size_like();
	else if (chance(10))
		len += below(3) - 1;          /* one byte off what it wants */
	room = len > 65536 ? 65536 : (size_t)len;
	if (chance(10))
		room = room > 8 ? room - 1 - below(8) : 0;  /* says more than there is */
	p = scratch_alloc(room);
	if (d->kind == K_BUF_IN)
		fill_plausible(p, room);
	else
		memset(p, 0xCC, room);
	if (d->count_arg && chance(85))
		fc->a[d->count_arg - 1] = len;
	return (uint64_t)p;
}

static uint64_t handle_array(struct fuzz_call *fc, const struct arg_desc *d)
{
	uint32_t n = chance(90) ? below(6) : chance(50) ? 64 + below(2) : (uint32_t)rng();
	uint32_t room = n > 70 ? 70 : n;
	uint64_t *h = scratch_alloc((size_t)room * 8);

	for (uint32_t i = 0; i < room; i++)
		h[i] = any_handle();
	if (d->count_arg && chance(90))
		fc->a[d->count_arg - 1] = n;
	return (uint64_t)h;
}

/* A pointer to one scalar: an input value for IN and INOUT, junk for OUT. */
static uint64_t pscalar(const struct arg_desc *d)
{
	uint64_t *p = scratch_alloc(8);

	*p = d->dir == D_OUT ? 0xCCCCCCCCCCCCCCCCull : chance(50) ? size_like() : any_int();
	return (uint64_t)p;
}

static uint64_t plarge(void)
{
	int64_t *p = scratch_alloc(8);

	switch (below(8)) {
	case 0: *p = -1; break;                  /* FILE_WRITE_TO_END_OF_FILE */
	case 1: *p = -2; break;                  /* FILE_USE_FILE_POINTER_POSITION */
	case 2: *p = -(int64_t)below(100000); break;
	case 3: *p = (int64_t)rng(); break;
	default: *p = (int64_t)size_like(); break;
	}
	return (uint64_t)p;
}

static uint64_t pointed(struct fuzz_call *fc, const struct arg_desc *d)
{
	switch (d->kind) {
	case K_PSCALAR: return pscalar(d);
	case K_PHANDLE: return pscalar(d);
	case K_PLARGE: return plarge();
	case K_HANDLE_ARRAY: return handle_array(fc, d);
	case K_OBJATTR: return make_objattr();
	case K_USTRING: return d->dir == D_IN ? make_ustring() : make_out_ustring();
	case K_CLIENT_ID: return make_client_id();
	case K_IOSB: return (uint64_t)scratch_alloc(16);
	case K_BUF_IN: case K_BUF_OUT: return buffer(fc, d);
	case K_CONTEXT: return make_context();
	case K_OUTSTRUCT: return (uint64_t)scratch_alloc(d->size);
	default: return plausible_bytes(152);  /* EXCEPTION_RECORD */
	}
}

static int is_scalar(const struct arg_desc *d)
{
	return d->kind <= K_ENUM;
}

static uint64_t anything(void)
{
	switch (below(4)) {
	case 0: return any_int();
	case 1: return any_handle();
	case 2: return bad_pointer_or(plausible_bytes(256));
	default: return chance(50) ? make_objattr() : make_ustring();
	}
}

void make_args(struct fuzz_call *fc)
{
	const struct arg_desc *d = fc->row >= 0 ? call_args(fc->row) : 0;
	int n = 0;

	name_class = fc->row >= 0 ? calls[fc->row].cls : C_OTHER;
	name_in_objattr(0, 0);
	memset(fc->a, 0, sizeof(fc->a));
	memset(fc->slot, 0, sizeof(fc->slot));
	if (!d) {
		fc->nargs = fc->row >= 0 && calls[fc->row].nargs >= 0 ? calls[fc->row].nargs
								       : (int)below(13);
		for (int i = 0; i < fc->nargs; i++)
			fc->a[i] = anything();
		return;
	}
	while (d[n].name && n < NT_MAX_ARGS)
		n++;
	fc->nargs = n;
	for (int i = 0; i < n; i++)
		if (is_scalar(&d[i]))
			fc->a[i] = scalar(&d[i]);
	for (int i = 0; i < n; i++) {
		if (is_scalar(&d[i]))
			continue;
		fc->slot[i] = pointed(fc, &d[i]);
		fc->a[i] = bad_pointer_or(fc->slot[i]);
	}
}

int arg_named(const struct fuzz_call *fc, const char *name)
{
	const struct arg_desc *d = fc->row >= 0 ? call_args(fc->row) : 0;

	for (int i = 0; d && i < fc->nargs; i++)
		if (same_name(d[i].name, name))
			return i;
	return -1;
}
