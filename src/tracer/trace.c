/*
 * Trace lines, strace-style:
 *   [pid] NtName(arg, arg, ...) = STATUS_NAME <0.000012>
 * A call that waits prints "<unfinished ...>" when it blocks and
 * "<... NtName resumed>rest) = ..." when it completes.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "emul/ntcall_table.h"
#include "tracer/loop.h"
#include "tracer/strbuf.h"
#include "tracer/trace.h"
#include "tracer/trace_decode.h"
#include "tracer/trace_summary.h"
#include "tracer/trace_stack.h"

struct trace_options *trace_opts;

/* Per-thread state of the call in flight (threads come with their own
 * trace state later; one process, one thread for now). */
struct call_state {
	bool active, unfinished_printed;
	int nargs;                   /* described arguments, or raw count */
	bool raw;                    /* no description: hex values */
	uint64_t start_ns;
	struct trace_call tc;
	struct strbuf args[NT_MAX_ARGS];
	struct trace_frames frames;  /* -k */
};

static struct call_state cur;
static uint64_t last_line_ns;
static struct strbuf line;

static bool selected(const struct nt_call *c)
{
	const struct trace_options *o = trace_opts;

	if (!o->selected)
		return true;
	return c->row >= 0 ? o->selected[c->row] : o->unknown_selected;
}

static const char *call_name(const struct nt_call *c, char *buf, size_t len)
{
	if (c->row >= 0)
		return nt_rows[c->row].name;
	snprintf(buf, len, "NtCall_0x%x", c->number);
	return buf;
}

void trace_enter(struct nt_call *c)
{
	struct call_state *s = &cur;

	s->active = selected(c);
	tracee_memo_on = s->active && !trace_opts->summary;
	tracee_memo_reset();
	if (!s->active)
		return;
	s->unfinished_printed = false;
	s->start_ns = loop_now_ns();
	s->tc = (struct trace_call){ .c = c, .strsize = trace_opts->strsize };
	s->nargs = c->row >= 0 ? trace_arg_count(c->row) : -1;
	s->raw = s->nargs < 0;
	if (s->raw)
		s->nargs = c->row >= 0 && nt_rows[c->row].nargs >= 0 ? nt_rows[c->row].nargs : 4;
	if (s->raw && c->direct && s->nargs > 4)
		s->nargs = 4;
	for (int i = 0; i < s->nargs; i++) {
		sb_reset(&s->args[i]);
		if (s->raw)
			sb_printf(&s->args[i], "%#llx", (unsigned long long)c->args[i]);
		else
			trace_decode_arg(&s->args[i], &s->tc, i, TRACE_ENTRY);
	}
	s->frames.n = 0;
	if (trace_opts->stack)
		trace_stack_collect(c, &s->frames);
}

static void put_prefix(struct strbuf *sb, const struct nt_call *c)
{
	const struct trace_options *o = trace_opts;
	const struct lsw_thread *t = c->thread;

	if (o->follow)
		sb_printf(sb, "[%u/%u] ", t->process->win_pid, t->win_tid);
	else
		sb_printf(sb, "[%u] ", t->process->win_pid);
	if (o->ts != TS_NONE) {
		struct timeval tv;
		struct tm tm;

		gettimeofday(&tv, NULL);
		localtime_r(&tv.tv_sec, &tm);
		if (o->ts == TS_EPOCH)
			sb_printf(sb, "%lld.%06ld ", (long long)tv.tv_sec, (long)tv.tv_usec);
		else if (o->ts == TS_MICROS)
			sb_printf(sb, "%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min, tm.tm_sec,
				  (long)tv.tv_usec);
		else
			sb_printf(sb, "%02d:%02d:%02d ", tm.tm_hour, tm.tm_min, tm.tm_sec);
	}
	if (o->relative) {
		uint64_t now = loop_now_ns(), d = last_line_ns ? now - last_line_ns : 0;

		last_line_ns = now;
		sb_printf(sb, "%6llu.%06llu ", (unsigned long long)(d / 1000000000ull),
			  (unsigned long long)(d / 1000 % 1000000));
	}
}

static void put_args(struct strbuf *sb, int from, int to)
{
	for (int i = from; i < to; i++) {
		if (i > 0)
			sb_puts(sb, ", ");
		sb_puts(sb, cur.args[i].s ? cur.args[i].s : "?");
	}
}

static int first_exit_arg(const struct nt_call *c)
{
	if (cur.raw)
		return cur.nargs;
	for (int i = 0; i < cur.nargs; i++)
		if (trace_arg_needs_exit(c->row, i))
			return i;
	return cur.nargs;
}

static void emit(void)
{
	fwrite(line.s, 1, line.len, trace_opts->out);
	for (unsigned i = 0; i < cur.frames.n; i++)
		fprintf(trace_opts->out, " > %s\n", cur.frames.frame[i]);
}

void trace_deferred(struct nt_call *c)
{
	char buf[32];

	if (!cur.active || trace_opts->summary || trace_opts->json || trace_opts->failed_only)
		return;
	sb_reset(&line);
	put_prefix(&line, c);
	sb_printf(&line, "%s(", call_name(c, buf, sizeof(buf)));
	{
		int k = first_exit_arg(c);

		put_args(&line, 0, k);
		/* strace's shape: "f(a, <unfinished ...>" when arguments remain
		 * for the resumed half, "f(a, b <unfinished ...>" when none do */
		sb_puts(&line, k == 0 ? "<unfinished ...>\n"
			: k < cur.nargs ? ", <unfinished ...>\n" : " <unfinished ...>\n");
	}
	emit();
	cur.frames.n = 0; /* the stack went with the first half */
	fflush(trace_opts->out);
	cur.unfinished_printed = true;
}

static void put_status(struct strbuf *sb, NTSTATUS status)
{
	const char *name = trace_status_name(status);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "0x%08X", status);
}

static void text_line(struct nt_call *c, NTSTATUS status, uint64_t ns)
{
	char buf[32];
	int from = 0;

	sb_reset(&line);
	put_prefix(&line, c);
	if (cur.unfinished_printed) {
		from = first_exit_arg(c);
		sb_printf(&line, "<... %s resumed>", call_name(c, buf, sizeof(buf)));
		for (int i = from; i < cur.nargs; i++) {
			if (i > from)
				sb_puts(&line, ", ");
			sb_puts(&line, cur.args[i].s ? cur.args[i].s : "?");
		}
	} else {
		sb_printf(&line, "%s(", call_name(c, buf, sizeof(buf)));
		put_args(&line, 0, cur.nargs);
	}
	sb_puts(&line, ") = ");
	put_status(&line, status);
	if (trace_opts->time_spent)
		sb_printf(&line, " <%llu.%06llu>", (unsigned long long)(ns / 1000000000ull),
			  (unsigned long long)(ns / 1000 % 1000000));
	sb_putc(&line, '\n');
}

static void json_line(struct nt_call *c, NTSTATUS status, uint64_t ns, bool finished)
{
	struct timeval tv;
	char buf[32];
	const char *status_name = trace_status_name(status);

	gettimeofday(&tv, NULL);
	sb_reset(&line);
	sb_printf(&line, "{\"time\":%lld.%06ld,\"pid\":%u,\"tid\":%u,\"call\":",
		  (long long)tv.tv_sec, (long)tv.tv_usec, c->thread->process->win_pid,
		  c->thread->win_tid);
	sb_json_string(&line, call_name(c, buf, sizeof(buf)));
	sb_printf(&line, ",\"number\":%u,\"args\":[", c->number);
	for (int i = 0; i < cur.nargs; i++) {
		const char *name = cur.raw ? NULL : trace_arg_name(c->row, i);

		sb_puts(&line, i ? ",{\"name\":" : "{\"name\":");
		if (name)
			sb_json_string(&line, name);
		else
			sb_printf(&line, "\"arg%d\"", i + 1);
		sb_puts(&line, ",\"value\":");
		sb_json_string(&line, cur.args[i].s ? cur.args[i].s : "");
		sb_putc(&line, '}');
	}
	if (finished) {
		sb_printf(&line, "],\"status\":%u,\"status_name\":", status);
		if (status_name)
			sb_json_string(&line, status_name);
		else
			sb_printf(&line, "\"0x%08X\"", status);
		sb_printf(&line, ",\"duration_us\":%.3f", (double)ns / 1000.0);
	} else {
		sb_puts(&line, "],\"status\":null,\"status_name\":null,\"duration_us\":null");
	}
	if (trace_opts->stack) {
		sb_puts(&line, ",\"stack\":[");
		for (unsigned i = 0; i < cur.frames.n; i++) {
			if (i)
				sb_putc(&line, ',');
			sb_json_string(&line, cur.frames.frame[i]);
		}
		sb_putc(&line, ']');
	}
	sb_puts(&line, "}\n");
}

void trace_exit(struct nt_call *c, NTSTATUS status)
{
	uint64_t ns;

	if (!cur.active)
		return;
	cur.active = false;
	ns = loop_now_ns() - cur.start_ns;
	if (trace_opts->summary) {
		trace_count(c->row, status, ns);
		return;
	}
	if (trace_opts->failed_only && status < 0x80000000u)
		return;
	cur.tc.status = status;
	if (!cur.raw)
		for (int i = 0; i < cur.nargs; i++)
			trace_decode_arg(&cur.args[i], &cur.tc, i, TRACE_EXIT);
	if (trace_opts->json) {
		json_line(c, status, ns, true);
		fwrite(line.s, 1, line.len, trace_opts->out);
	} else {
		text_line(c, status, ns);
		emit();
	}
}

/* name was validated (stub_call.c): no character needs a JSON escape. */
void trace_stub_call(struct nt_call *c, const char *name)
{
	if (trace_opts->summary)
		return;
	if (trace_opts->json) {
		fprintf(trace_opts->out, "{\"pid\":%u,\"tid\":%u,\"stub\":\"%s\"}\n",
			c->thread->process->win_pid, c->thread->win_tid, name);
		return;
	}
	sb_reset(&line);
	put_prefix(&line, c);
	sb_printf(&line, "--- stub %s called ---\n", name);
	fwrite(line.s, 1, line.len, trace_opts->out);
}

void trace_process_exit(struct lsw_process *p, const char *how, int code)
{
	struct nt_call *c = &p->main_thread.call;
	char buf[32];

	if (cur.active && !trace_opts->summary) {
		/* a call that never returned: the process ended inside it */
		if (trace_opts->json) {
			json_line(c, 0, 0, false);
			fwrite(line.s, 1, line.len, trace_opts->out);
		} else {
			sb_reset(&line);
			put_prefix(&line, c);
			if (cur.unfinished_printed) {
				sb_printf(&line, "<... %s resumed>) = ?\n", call_name(c, buf, sizeof(buf)));
			} else {
				sb_printf(&line, "%s(", call_name(c, buf, sizeof(buf)));
				put_args(&line, 0, cur.nargs);
				sb_puts(&line, ") = ?\n");
			}
			emit();
		}
	}
	cur.active = false;
	if (trace_opts->summary)
		return;
	if (trace_opts->json)
		fprintf(trace_opts->out, "{\"pid\":%u,\"exit\":\"%s\",\"code\":%u}\n",
			p->win_pid, how, (unsigned)code);
	else
		fprintf(trace_opts->out, (unsigned)code > 0xFFFF ? "[%u] +++ %s 0x%08X +++\n"
								 : "[%u] +++ %s %u +++\n",
			p->win_pid, how, (unsigned)code);
}
