/*
 * lsw trace's argument decoder: include/lsw/ntargs.def expanded into one
 * argument list per NT call, and the generic part of decoding (scalars,
 * pointers to scalars, the phases of OUT and INOUT arguments).  Structures,
 * strings and buffers are in trace_decode_obj.c and trace_decode_io.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include "emul/ntcall_table.h"
#include "emul/object/object.h"
#include "trace/trace_decode_int.h"

/* Row numbers of include/lsw/ntcalls.def, by name. */
enum {
#define NTCALL(num, name, nargs, klass, support) ROW_##name,
#include <lsw/ntcalls.def>
#undef NTCALL
	ROW_COUNT
};

const struct type_info trace_types[T_END] = {
#define TRACE_TYPE_INFO(name, kind, fmt, size, xs, fn) [T_##name] = { kind, fmt, size, xs, fn },
	TRACE_TYPES(TRACE_TYPE_INFO)
#undef TRACE_TYPE_INFO
};

/* Types that take argument indexes (ntargs.def: BUFFER_IN(6)). */
#define T_HANDLE_OF(p) T_HANDLE_OF, .ref = (p)
#define T_PHANDLE_OF(p) T_PHANDLE_OF, .ref = (p)
#define T_HANDLE_ARRAY(n) T_HANDLE_ARRAY, .ref = (n)
#define T_BUFFER_IN(n) T_BUFFER_IN, .ref = (n)
#define T_WCHARS_IN(n) T_WCHARS_IN, .ref = (n)
#define T_BUFFER_OUT(n, r) T_BUFFER_OUT, .ref = (n), .ref2 = (r)
#define T_BUFFER_OUT_IOSB(n, s) T_BUFFER_OUT_IOSB, .ref = (n), .ref2 = (s)

#define ARG(d, t, nm) { .dir = D_##d, .type = T_##t, .name = #nm },
#define NTARGS(call, args) static const struct arg_desc args_##call[] = { args { .type = T_END } };
#include <lsw/ntargs.def>
#undef NTARGS

struct call_desc {
	const struct arg_desc *a;   /* NULL: not described */
	int n;
};

#define NTARGS(call, args) \
	[ROW_##call] = { args_##call, (int)(sizeof(args_##call) / sizeof(args_##call[0])) - 1 },
static const struct call_desc calls[ROW_COUNT] = {
#include <lsw/ntargs.def>
};
#undef NTARGS
#undef ARG

static const struct call_desc *call_desc(int row)
{
	if (row < 0 || row >= ROW_COUNT || !calls[row].a)
		return NULL;
	return &calls[row];
}

int trace_arg_count(int row)
{
	const struct call_desc *d = call_desc(row);

	return d ? d->n : -1;
}

const char *trace_arg_name(int row, int i)
{
	const struct call_desc *d = call_desc(row);

	return d && i >= 0 && i < d->n ? d->a[i].name : NULL;
}

bool trace_arg_needs_exit(int row, int i)
{
	const struct call_desc *d = call_desc(row);

	return d && i >= 0 && i < d->n && d->a[i].dir != D_IN;
}

const struct arg_desc *trace_call_args(const struct trace_call *tc)
{
	const struct call_desc *d = call_desc(tc->c->row);

	return d ? d->a : NULL;
}

uint64_t arg_value(const struct trace_call *tc, int i)
{
	const struct arg_desc *a = trace_call_args(tc);
	uint64_t v;

	if (!a || i < 0 || i >= NT_MAX_ARGS)
		return 0;
	v = tc->c->args[i];
	switch (trace_types[a[i].type].kind == K_SCALAR ? trace_types[a[i].type].size : 8) {
	case 1: return v & 0xFF;
	case 2: return v & 0xFFFF;
	case 4: return v & 0xFFFFFFFF;
	default: return v;
	}
}

bool call_wrote(const struct trace_call *tc)
{
	return tc->status < 0xC0000000u && tc->status != LSW_STATUS_PENDING;
}

int trace_read(struct trace_call *tc, uint64_t addr, void *buf, size_t len)
{
	return tracee_read(tc->c->thread, addr, buf, len);
}

void print_ptr(struct strbuf *sb, uint64_t p)
{
	if (p)
		sb_put_hex(sb, p);
	else
		sb_puts(sb, "NULL");
}

/* Pseudo handles are small negative numbers: NtCurrentProcess() is -1,
 * NtCurrentThread() -2, the current process/thread/effective tokens -4..-6. */
void print_handle(struct strbuf *sb, struct trace_call *tc, uint64_t h)
{
	char buf[512];
	const char *what = "";

	if (h == 0) {
		sb_puts(sb, "NULL");
		return;
	}
	if (h >= (uint64_t)-6)
		sb_put_sdec(sb, (int64_t)h);
	else
		sb_put_hex(sb, h);
	if (tc->c->thread && tc->c->thread->process)
		what = handle_describe(tc->c->thread->process, h, buf, sizeof(buf));
	if (what && *what) {
		sb_puts(sb, " <");
		sb_puts(sb, what);
		sb_putc(sb, '>');
	}
}

static uint64_t sign_extend(uint64_t v, unsigned size)
{
	switch (size) {
	case 1: return (uint64_t)(int64_t)(int8_t)v;
	case 2: return (uint64_t)(int64_t)(int16_t)v;
	case 4: return (uint64_t)(int64_t)(int32_t)v;
	default: return v;
	}
}

static void print_bool(struct strbuf *sb, uint64_t v)
{
	if (v <= 1)
		sb_puts(sb, v ? "TRUE" : "FALSE");
	else
		sb_put_dec(sb, v);
}

void print_value(struct strbuf *sb, struct trace_call *tc, const struct type_info *ti,
		 uint64_t v)
{
	switch (ti->fmt) {
	case F_DEC: sb_put_dec(sb, v); break;
	case F_SDEC: sb_put_sdec(sb, (int64_t)sign_extend(v, ti->size)); break;
	case F_HEX: sb_put_hex(sb, v); break;
	case F_PTR: print_ptr(sb, v); break;
	case F_BOOL: print_bool(sb, v); break;
	case F_STATUS: print_status(sb, (uint32_t)v); break;
	case F_HANDLE: print_handle(sb, tc, v); break;
	case F_FLAGS: print_flags(sb, ti->xs, v); break;
	case F_ENUM: print_enum(sb, ti->xs, v); break;
	default: sb_put_hex(sb, v); break;
	}
}

/* Reads the `size`-byte value a PTR argument points to. */
static bool read_pointee(struct trace_call *tc, const struct type_info *ti, uint64_t p,
			 uint64_t *v)
{
	*v = 0;
	return trace_read(tc, p, v, ti->size) == 0;   /* little-endian */
}

/*
 * A pointer to a scalar.  IN: "[v]" at entry.  OUT: "[v]" at exit if the
 * call wrote it, else the pointer.  INOUT: "[old" at entry (saved[i] notes
 * that the bracket is open), " => new]" at exit, or "]" when the call
 * failed.  NULL and unreadable pointers print as themselves, once.
 */
static void dec_ptr(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		    enum trace_phase ph)
{
	const struct type_info *ti = &trace_types[d->type];
	uint64_t p = tc->c->args[i], v;

	if (ph == TRACE_EXIT && d->dir == D_INOUT) {
		if (!tc->saved[i])
			return;
		if (call_wrote(tc) && read_pointee(tc, ti, p, &v)) {
			sb_puts(sb, " => ");
			print_value(sb, tc, ti, v);
		}
		sb_putc(sb, ']');
		return;
	}
	if (ph == TRACE_EXIT && !call_wrote(tc)) {
		print_ptr(sb, p);
		return;
	}
	if (!p || !read_pointee(tc, ti, p, &v)) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '[');
	print_value(sb, tc, ti, v);
	if (d->dir == D_INOUT)
		tc->saved[i] = 1;
	else
		sb_putc(sb, ']');
}

/* Which phase shows argument i: IN at entry, OUT at exit, INOUT both. */
static bool shows_in(const struct arg_desc *d, enum trace_phase ph)
{
	if (d->dir == D_INOUT)
		return true;
	return (d->dir == D_IN) == (ph == TRACE_ENTRY);
}

void trace_decode_arg(struct strbuf *sb, struct trace_call *tc, int i, enum trace_phase ph)
{
	const struct call_desc *cd = call_desc(tc->c->row);
	const struct arg_desc *d;
	const struct type_info *ti;

	if (!cd || i < 0 || i >= cd->n)
		return;
	d = &cd->a[i];
	ti = &trace_types[d->type];
	if (!shows_in(d, ph))
		return;
	if (ph == TRACE_ENTRY)
		tc->saved[i] = 0;
	switch (ti->kind) {
	case K_SCALAR:
		print_value(sb, tc, ti, arg_value(tc, i));
		break;
	case K_PTR:
		dec_ptr(sb, tc, d, i, ph);
		break;
	default:
		/* OUT structures: NULL, or not written, print the pointer. */
		if (d->dir == D_OUT && (!tc->c->args[i] || !call_wrote(tc)))
			print_ptr(sb, tc->c->args[i]);
		else
			ti->fn(sb, tc, d, i, ph);
		break;
	}
}
