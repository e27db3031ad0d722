/*
 * -c: calls, errors and time per NT call, sorted by time, as strace -c
 * prints them.  Time is wall-clock from the call's arrival at the
 * supervisor to its answer, so a wait counts for as long as it waited.
 */
#include <stdlib.h>
#include "emul/ntcall_table.h"
#include "trace/trace.h"
#include "trace/trace_summary.h"

struct call_stats {
	uint64_t calls, errors, ns;
	int row;
};

void trace_count(struct trace_session *ts, int row, uint32_t status, uint64_t ns)
{
	struct call_stats *s;

	if (!ts->stats && !(ts->stats = calloc(nt_nrows + 1, sizeof(*ts->stats))))
		return;
	s = &ts->stats[row >= 0 ? (unsigned)row : nt_nrows];
	s->calls++;
	s->errors += status >= 0xC0000000u; /* NT_ERROR: severity error */
	s->ns += ns;
}

static int by_time(const void *a, const void *b)
{
	const struct call_stats *x = a, *y = b;

	if (x->ns != y->ns)
		return x->ns < y->ns ? 1 : -1;
	return x->calls < y->calls ? 1 : x->calls > y->calls ? -1 : x->row - y->row;
}

static void rule(FILE *f)
{
	fputs("------ ----------- ----------- --------- --------- --------------------------------\n", f);
}

void trace_finish(void *session)
{
	struct trace_session *ts = session;
	struct call_stats *stats = ts->stats;
	FILE *f = ts->o.out;
	uint64_t total_ns = 0, calls = 0, errors = 0;

	if (ts->o.summary && stats) {
		for (unsigned i = 0; i <= nt_nrows; i++) {
			stats[i].row = (int)i;
			total_ns += stats[i].ns;
		}
		qsort(stats, nt_nrows + 1, sizeof(*stats), by_time);
		fprintf(f, "%% time     seconds  usecs/call     calls    errors syscall\n");
		rule(f);
		for (unsigned i = 0; i <= nt_nrows && stats[i].calls; i++) {
			const struct call_stats *s = &stats[i];

			fprintf(f, "%6.2f %11.6f %11llu %9llu %9.0llu %s\n",
				total_ns ? 100.0 * (double)s->ns / (double)total_ns : 0.0,
				(double)s->ns / 1e9, (unsigned long long)(s->ns / 1000 / s->calls),
				(unsigned long long)s->calls, (unsigned long long)s->errors,
				s->row < (int)nt_nrows ? nt_rows[s->row].name : "(unknown numbers)");
			calls += s->calls;
			errors += s->errors;
		}
		rule(f);
		fprintf(f, "100.00 %11.6f %11s %9llu %9.0llu total\n", (double)total_ns / 1e9, "",
			(unsigned long long)calls, (unsigned long long)errors);
	}
	fflush(f);
}

void trace_session_free(struct trace_session *ts)
{
	free(ts->stats);
	ts->stats = NULL;
	sb_free(&ts->line);
	free(ts->o.selected);
	ts->o.selected = NULL;
}
