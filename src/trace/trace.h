/*
 * lsw trace: one line per NT call.  The trace observes the NT kernel
 * through its hooks (emul/observer.h): trace_observer, with a trace
 * session as its argument, goes in the job's spec.  Decoding of arguments
 * lives in trace_decode*.c; trace.c assembles lines, filters, times, and
 * trace_summary.c counts.
 */
#ifndef LSW_TRACE_H
#define LSW_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "trace/strbuf.h"

enum trace_timestamps { TS_NONE, TS_SECONDS, TS_MICROS, TS_EPOCH };

struct trace_options {
	FILE *out;
	bool follow;                 /* -f: pid/tid on each line */
	bool json;                   /* --json: JSON Lines */
	bool summary;                /* -c: only the table at the end */
	bool time_spent;             /* -T */
	bool relative;               /* -r */
	bool stack;                  /* -k */
	bool failed_only;            /* -e status=failed */
	enum trace_timestamps ts;    /* -t, -tt, -ttt */
	unsigned strsize;            /* -s */
	uint8_t *selected;           /* per table row, NULL: every call */
	bool unknown_selected;       /* numbers outside the table */
};

/* One trace (one job's): its options and what its lines share. */
struct trace_session {
	struct trace_options o;
	struct strbuf line;          /* the line being made */
	uint64_t last_line_ns;       /* -r: when the last line was made */
	struct call_stats *stats;    /* -c: per table row, and one for unknown numbers */
};

/* The hooks; their argument is a struct trace_session. */
extern const struct nt_observer trace_observer;

/* -e trace=LIST: names (NtX or ZwX) and classes (%file %registry %memory
 * %process %sync %object %time %sysinfo %security).  0, or -1 after
 * printing what was wrong. */
int trace_select(struct trace_options *o, const char *list);
/* Writes the -c table (when asked) and flushes (the job_end hook). */
void trace_finish(void *session);
/* Frees what the session holds (not o.out). */
void trace_session_free(struct trace_session *ts);

#endif
