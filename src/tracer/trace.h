/*
 * lsw trace: one line per NT call, written at the single place every call
 * passes through (emul/dispatch.c).  Decoding of arguments lives in
 * trace_decode*.c; this file assembles lines, filters, times and counts.
 */
#ifndef LSW_TRACE_H
#define LSW_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "emul/emul.h"

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

/* NULL when not tracing: the hot path tests this one pointer. */
extern struct trace_options *trace_opts;

void trace_enter(struct nt_call *c);
void trace_deferred(struct nt_call *c);
void trace_exit(struct nt_call *c, NTSTATUS status);
/* A stub of our DLLs was called: "--- stub kernel32!Foo called ---". */
void trace_stub_call(struct nt_call *c, const char *name);
/* The process ended: close calls that never returned, say how it ended. */
void trace_process_exit(struct lsw_process *p, const char *how, int code);
/* Writes the -c table (when asked) and flushes. */
void trace_finish(void);
/* -e trace=LIST: names (NtX or ZwX) and classes (%file %registry %memory
 * %process %sync %object %time %sysinfo %security).  0, or -1 after
 * printing what was wrong. */
int trace_select(struct trace_options *o, const char *list);

#endif
