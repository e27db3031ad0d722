/*
 * Decoders for I/O results and data: IO_STATUS_BLOCK, byte buffers in and
 * out, the file information structures the attribute queries fill, and
 * the exception and context records of NtRaiseException/NtContinue.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "trace/trace_decode_int.h"

/* IO_STATUS_BLOCK { NTSTATUS Status (union with PVOID); ULONG_PTR
 * Information }: {STATUS_SUCCESS, 5}; after a create, Information is the
 * action taken: {STATUS_SUCCESS, FILE_OPENED}. */
void dec_iosb(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
	      enum trace_phase ph)
{
	uint64_t p = tc->c->args[i], v[2];

	if (trace_read(tc, p, v, sizeof(v)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '{');
	print_status(sb, (uint32_t)v[0]);
	sb_puts(sb, ", ");
	if (d->type == T_PIO_STATUS_BLOCK_CREATE)
		print_enum(sb, &xs_file_create_info, v[1]);
	else
		sb_put_dec(sb, v[1]);
	sb_putc(sb, '}');
}

/* n bytes at p, of which the first -s are shown, then "..." if cut. */
static void print_bytes(struct strbuf *sb, struct trace_call *tc, uint64_t p, uint64_t n)
{
	unsigned char stackbuf[256], *buf = stackbuf;
	size_t shown = n < tc->strsize ? (size_t)n : tc->strsize;

	if (shown > sizeof(stackbuf) && !(buf = malloc(shown))) {
		print_ptr(sb, p);
		return;
	}
	if (trace_read(tc, p, buf, shown) < 0)
		print_ptr(sb, p);
	else {
		sb_quote(sb, buf, shown);
		if (n > shown)
			sb_puts(sb, "...");
	}
	if (buf != stackbuf)
		free(buf);
}

/* BUFFER_IN(len) */
void dec_buffer_in(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		   enum trace_phase ph)
{
	uint64_t p = tc->c->args[i];

	if (!p)
		sb_puts(sb, "NULL");
	else
		print_bytes(sb, tc, p, arg_value(tc, d->ref));
}

/* How many bytes an OUT buffer received: the IO_STATUS_BLOCK's Information
 * (BUFFER_OUT_IOSB), or the value the ReturnLength argument points to, of
 * that argument's size (BUFFER_OUT); never more than the buffer's length. */
static uint64_t out_length(struct trace_call *tc, const struct arg_desc *d)
{
	const struct arg_desc *a = trace_call_args(tc);
	uint64_t max = arg_value(tc, d->ref), n = max, p;

	if (d->ref2 < 0)
		return max;
	p = tc->c->args[d->ref2];
	if (d->type == T_BUFFER_OUT_IOSB) {
		uint64_t iosb[2];

		if (p && trace_read(tc, p, iosb, sizeof(iosb)) == 0)
			n = iosb[1];
	} else {
		uint64_t v = 0;

		if (p && trace_read(tc, p, &v, trace_types[a[d->ref2].type].size) == 0)
			n = v;
	}
	return n < max ? n : max;
}

/* BUFFER_OUT(len, ret), BUFFER_OUT_IOSB(len, iosb): at exit, when the call
 * wrote it (trace_decode_arg has printed the pointer otherwise). */
void dec_buffer_out(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		    enum trace_phase ph)
{
	print_bytes(sb, tc, tc->c->args[i], out_length(tc, d));
}

/* LARGE_INTEGER times (100 ns since 1601) are shown as the raw count. */
static void print_times(struct strbuf *sb, const int64_t t[4])
{
	sb_printf(sb, "CreationTime=%" PRId64 ", LastAccessTime=%" PRId64
		  ", LastWriteTime=%" PRId64 ", ChangeTime=%" PRId64, t[0], t[1], t[2], t[3]);
}

/* FILE_BASIC_INFORMATION: four times and FileAttributes (40 bytes). */
void dec_file_basic_info(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d,
			 int i, enum trace_phase ph)
{
	struct { int64_t t[4]; uint32_t attributes, pad; } fi;
	uint64_t p = tc->c->args[i];

	if (trace_read(tc, p, &fi, sizeof(fi)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '{');
	print_times(sb, fi.t);
	sb_puts(sb, ", FileAttributes=");
	print_flags(sb, &xs_file_attributes, fi.attributes);
	sb_putc(sb, '}');
}

/* FILE_NETWORK_OPEN_INFORMATION: four times, AllocationSize, EndOfFile,
 * FileAttributes (56 bytes). */
void dec_file_network_open_info(struct strbuf *sb, struct trace_call *tc,
				const struct arg_desc *d, int i, enum trace_phase ph)
{
	struct { int64_t t[4], alloc, eof; uint32_t attributes, pad; } fi;
	uint64_t p = tc->c->args[i];

	if (trace_read(tc, p, &fi, sizeof(fi)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '{');
	print_times(sb, fi.t);
	sb_printf(sb, ", AllocationSize=%" PRId64 ", EndOfFile=%" PRId64 ", FileAttributes=",
		  fi.alloc, fi.eof);
	print_flags(sb, &xs_file_attributes, fi.attributes);
	sb_putc(sb, '}');
}

/* EXCEPTION_RECORD { DWORD ExceptionCode, ExceptionFlags; PVOID
 * ExceptionRecord, ExceptionAddress; DWORD NumberParameters; ... }. */
void dec_exception_record(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d,
			  int i, enum trace_phase ph)
{
	struct { uint32_t code, flags; uint64_t record, address; uint32_t nparams; } er;
	uint64_t p = tc->c->args[i];

	if (!p || trace_read(tc, p, &er, sizeof(er)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_puts(sb, "{ExceptionCode=");
	print_status(sb, er.code);
	sb_printf(sb, ", ExceptionFlags=%#x, ExceptionAddress=", er.flags);
	print_ptr(sb, er.address);
	sb_printf(sb, ", NumberParameters=%u}", er.nparams);
}

/* x64 CONTEXT: ContextFlags at 0x30, Rsp at 0x98, Rip at 0xf8. */
#define CONTEXT_FLAGS_OFF 0x30
#define CONTEXT_RSP_OFF 0x98
#define CONTEXT_RIP_OFF 0xf8

void dec_context(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		 enum trace_phase ph)
{
	unsigned char ctx[CONTEXT_RIP_OFF + 8];
	uint64_t p = tc->c->args[i], rip, rsp;
	uint32_t flags;

	if (!p || trace_read(tc, p, ctx, sizeof(ctx)) < 0) {
		print_ptr(sb, p);
		return;
	}
	memcpy(&flags, ctx + CONTEXT_FLAGS_OFF, sizeof(flags));
	memcpy(&rsp, ctx + CONTEXT_RSP_OFF, sizeof(rsp));
	memcpy(&rip, ctx + CONTEXT_RIP_OFF, sizeof(rip));
	sb_printf(sb, "{ContextFlags=%#x, Rip=%#" PRIx64 ", Rsp=%#" PRIx64 "}", flags, rip, rsp);
}
