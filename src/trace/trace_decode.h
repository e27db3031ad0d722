/*
 * Argument decoding for lsw trace, driven by include/lsw/ntargs.def (one
 * description per NT call: each argument's direction, type and NT name).
 *
 * The tracer calls trace_decode_arg twice per argument: at entry (before
 * the handler runs: IN arguments, and the "before" half of INOUT ones) and
 * at exit (just before the answer: OUT arguments and the "after" half of
 * INOUT ones, e.g. "[0 => 0x10000]").  Each call appends to the argument's
 * own strbuf; the tracer joins them into the line.  A decoder reads tracee
 * memory itself (tracee_read) and never fails loudly: an unreadable pointer
 * prints as its hex value.
 */
#ifndef LSW_TRACE_DECODE_H
#define LSW_TRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include "emul/emul.h"
#include "trace/strbuf.h"

enum trace_phase { TRACE_ENTRY, TRACE_EXIT };

/* What a decoder may keep between the two phases of one call. */
struct trace_call {
	struct nt_call *c;
	uint32_t status;                 /* the NTSTATUS: valid at TRACE_EXIT */
	unsigned strsize;                /* -s: bytes of buffers and strings shown */
	uint64_t saved[NT_MAX_ARGS];     /* decoder-defined, per argument */
};

/* Number of described arguments for table row `row`, or -1 when the call
 * has no description yet (then the tracer prints raw hex values). */
int trace_arg_count(int row);
/* The NT parameter name of argument i ("FileHandle"), or NULL. */
const char *trace_arg_name(int row, int i);
/* True when argument i has something to print at exit (OUT or INOUT):
 * an unfinished call's line stops before the first such argument. */
bool trace_arg_needs_exit(int row, int i);
/* Appends what argument i shows in this phase. */
void trace_decode_arg(struct strbuf *sb, struct trace_call *tc, int i, enum trace_phase ph);
/* "STATUS_SUCCESS", "STATUS_OBJECT_NAME_NOT_FOUND", or NULL if unknown. */
const char *trace_status_name(uint32_t status);

#endif
