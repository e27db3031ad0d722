/* lsw trace [OPTIONS] [--] PROG.exe [ARGS...]: lsw run, with every NT call
 * the program makes written out (see docs/lsw-trace.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "emul/observer.h"
#include "trace/trace.h"

static void usage(FILE *f)
{
	fputs("usage: lsw trace [OPTIONS] [--] PROG.exe [ARGS...]\n"
	      "\n"
	      "Runs PROG.exe as `lsw run` does and writes one line per NT system call\n"
	      "it makes, with decoded arguments and the NTSTATUS result.\n"
	      "\n"
	      "trace options:\n"
	      "  -o FILE             write the trace to FILE (default: stderr)\n"
	      "  -f                  follow child processes; pid/tid on each line\n"
	      "  -e trace=LIST       only these calls: NtName,ZwName or classes %file\n"
	      "                      %registry %memory %process %sync %object %time\n"
	      "                      %sysinfo %security\n"
	      "  -e status=failed    only calls that failed (NTSTATUS error or warning)\n"
	      "  -c                  a summary table instead: calls, errors, time\n"
	      "  -T                  time spent in each call\n"
	      "  -t, -tt, -ttt       time of day, with microseconds, as epoch seconds\n"
	      "  -r                  time since the previous line\n"
	      "  -s N                show at most N bytes of strings and buffers (32)\n"
	      "  -k                  the Windows call stack at each call\n"
	      "  --json              one JSON object per call (JSON Lines)\n"
	      "\n"
	      "run options:\n" RUN_OPTIONS_HELP
	      "  -h, --help          show this help\n", f);
}

static int parse_expr(struct trace_options *o, const char *e)
{
	if (!strncmp(e, "trace=", 6))
		return trace_select(o, e + 6);
	if (!strcmp(e, "status=failed")) {
		o->failed_only = true;
		return 0;
	}
	fprintf(stderr, "lsw trace: unsupported -e '%s' (trace=LIST or status=failed)\n", e);
	return -1;
}

static int parse_strsize(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*s || *end || v > 1u << 20) {
		fprintf(stderr, "lsw trace: -s wants a byte count, got '%s'\n", s);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

/* Handles one trace option; 1 if it was one, -1 on a bad value. */
static int trace_option(struct trace_options *o, int opt, const char *arg, const char **out_path)
{
	switch (opt) {
	case 'o': *out_path = arg; return 1;
	case 'f': o->follow = true; return 1;
	case 'e': return parse_expr(o, arg) < 0 ? -1 : 1;
	case 'c': o->summary = true; return 1;
	case 'T': o->time_spent = true; return 1;
	case 't': o->ts = o->ts < TS_EPOCH ? o->ts + 1 : TS_EPOCH; return 1;
	case 'r': o->relative = true; return 1;
	case 's': return parse_strsize(arg, &o->strsize) < 0 ? -1 : 1;
	case 'k': o->stack = true; return 1;
	case 'J': o->json = true; return 1;
	}
	return 0;
}

int cmd_trace(int argc, char **argv)
{
	static struct trace_session ts = { .o.strsize = 32 };
	struct trace_options *o = &ts.o;
	struct option opts[20];
	struct run_state rs;
	const char *out_path = NULL;
	int opt, n = 0, r, status;

	for (; run_long_options[n].name; n++)
		opts[n] = run_long_options[n];
	opts[n++] = (struct option){ "json", no_argument, 0, 'J' };
	opts[n++] = (struct option){ "help", no_argument, 0, 'h' };
	opts[n] = (struct option){ 0, 0, 0, 0 };
	if (run_state_init(&rs, "trace") < 0)
		return 125;
	while ((opt = getopt_long(argc, argv, "+ho:fe:cTtrs:k", opts, NULL)) != -1) {
		if ((r = run_option(&rs, opt, optarg)) == 0)
			r = trace_option(o, opt, optarg, &out_path);
		if (r < 0)
			return 2;
		if (r)
			continue;
		if (opt == 'h') {
			usage(stdout);
			return 0;
		}
		usage(stderr);
		return 2;
	}
	o->out = stderr;
	if (out_path && !(o->out = fopen(out_path, "we"))) {
		fprintf(stderr, "lsw trace: %s: %s\n", out_path, strerror(errno));
		return 2;
	}
	rs.job.observer = &trace_observer;
	rs.job.observer_arg = &ts;
	rs.trace_to_stderr = o->out == stderr;
	status = run_program(&rs, argc, argv, optind);
	run_state_free(&rs);
	trace_session_free(&ts);
	if (o->out != stderr && fclose(o->out) != 0) {
		fprintf(stderr, "lsw trace: %s: %s\n", out_path, strerror(errno));
		return status ? status : 1;
	}
	return status;
}
