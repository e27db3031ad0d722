/*
 * Trace lines, strace-style:
 *   [pid] NtName(arg, arg, ...) = STATUS_NAME <0.000012>
 * A call that waits prints "<unfinished ...>" when it blocks and
 * "<... NtName resumed>rest) = ..." when it completes.
 *
 * The trace observes the NT kernel through its hooks (emul/observer.h).
 * Each thread keeps the state of its own call in flight, so calls of
 * several threads that overlap each come out with their own arguments.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "emul/ntcall_table.h"
#include "emul/observer.h"
#include "tracer/loop.h"
#include "trace/strbuf.h"
#include "trace/trace.h"
#include "trace/trace_decode.h"
#include "trace/trace_summary.h"
#include "trace/trace_stack.h"
#include "trace/unwind.h"

/* One thread's call in flight (t->observer_state). */
struct call_state {
	bool active, unfinished_printed;
	int nargs;                   /* described arguments, or raw count */
	bool raw;                    /* no description: hex values */
	uint64_t start_ns;
	struct trace_call tc;
	struct strbuf args[NT_MAX_ARGS];
	struct trace_frames frames;  /* -k */
};

static struct call_state *state_of(struct lsw_thread *t)
{
	if (!t->observer_state)
		t->observer_state = calloc(1, sizeof(struct call_state));
	return t->observer_state;
}

static bool selected(const struct trace_session *ts, const struct nt_call *c)
{
	const struct trace_options *o = &ts->o;

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

static void decode_entry(struct trace_session *ts, struct call_state *s, struct nt_call *c)
{
	s->unfinished_printed = false;
	s->start_ns = loop_now_ns();
	s->tc = (struct trace_call){ .c = c, .strsize = ts->o.strsize };
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
	if (ts->o.stack)
		trace_stack_collect(c, &s->frames);
}

static void call_enter(void *arg, struct nt_call *c)
{
	struct trace_session *ts = arg;
	struct call_state *s = state_of(c->thread);
	bool active = s && selected(ts, c);

	tracee_memo_begin(c->thread, active && !ts->o.summary);
	if (!s)
		return; /* no memory: this call goes untraced */
	if (c->retry && s->active && s->unfinished_printed)
		return; /* a wait made again: its "resumed" half comes next */
	s->active = active;
	if (active)
		decode_entry(ts, s, c);
}

static void put_prefix(struct trace_session *ts, struct strbuf *sb, const struct lsw_thread *t)
{
	const struct trace_options *o = &ts->o;

	sb_putc(sb, '[');
	sb_put_dec(sb, t->process->win_pid);
	if (o->follow) {
		sb_putc(sb, '/');
		sb_put_dec(sb, t->win_tid);
	}
	sb_puts(sb, "] ");
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
		uint64_t now = loop_now_ns(), d = ts->last_line_ns ? now - ts->last_line_ns : 0;

		ts->last_line_ns = now;
		sb_printf(sb, "%6llu.%06llu ", (unsigned long long)(d / 1000000000ull),
			  (unsigned long long)(d / 1000 % 1000000));
	}
}

static void put_args(struct strbuf *sb, const struct call_state *s, int from, int to)
{
	for (int i = from; i < to; i++) {
		if (i > from)
			sb_puts(sb, ", ");
		sb_puts(sb, s->args[i].s ? s->args[i].s : "?");
	}
}

static int first_exit_arg(const struct call_state *s, const struct nt_call *c)
{
	if (s->raw)
		return s->nargs;
	for (int i = 0; i < s->nargs; i++)
		if (trace_arg_needs_exit(c->row, i))
			return i;
	return s->nargs;
}

static void emit(struct trace_session *ts, const struct call_state *s)
{
	fwrite(ts->line.s, 1, ts->line.len, ts->o.out);
	for (unsigned i = 0; i < s->frames.n; i++)
		fprintf(ts->o.out, " > %s\n", s->frames.frame[i]);
}

static void call_deferred(void *arg, struct nt_call *c)
{
	struct trace_session *ts = arg;
	struct call_state *s = c->thread->observer_state;
	char buf[32];
	int k;

	/* what the call reads and writes from now on is its completion's:
	 * the resumed half shows memory as the answer leaves it */
	tracee_memo_begin(c->thread, s && s->active && !ts->o.summary);
	if (!s || !s->active || ts->o.summary || ts->o.json || ts->o.failed_only ||
	    s->unfinished_printed) /* a retry blocking again: said already */
		return;
	sb_reset(&ts->line);
	put_prefix(ts, &ts->line, c->thread);
	sb_printf(&ts->line, "%s(", call_name(c, buf, sizeof(buf)));
	k = first_exit_arg(s, c);
	put_args(&ts->line, s, 0, k);
	/* strace's shape: "f(a, <unfinished ...>" when arguments remain for the
	 * resumed half, "f(a, b <unfinished ...>" when none do */
	sb_puts(&ts->line, k == 0 ? "<unfinished ...>\n"
		: k < s->nargs ? ", <unfinished ...>\n" : " <unfinished ...>\n");
	emit(ts, s);
	s->frames.n = 0; /* the stack went with the first half */
	fflush(ts->o.out);
	s->unfinished_printed = true;
}

static void put_status(struct strbuf *sb, NTSTATUS status)
{
	const char *name = trace_status_name(status);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "0x%08X", status);
}

static void text_line(struct trace_session *ts, const struct call_state *s,
		      const struct nt_call *c, NTSTATUS status, uint64_t ns)
{
	struct strbuf *line = &ts->line;
	char buf[32];

	sb_reset(line);
	put_prefix(ts, line, c->thread);
	if (s->unfinished_printed) {
		sb_printf(line, "<... %s resumed>", call_name(c, buf, sizeof(buf)));
		put_args(line, s, first_exit_arg(s, c), s->nargs);
	} else {
		sb_puts(line, call_name(c, buf, sizeof(buf)));
		sb_putc(line, '(');
		put_args(line, s, 0, s->nargs);
	}
	sb_puts(line, ") = ");
	put_status(line, status);
	if (ts->o.time_spent)
		sb_printf(line, " <%llu.%06llu>", (unsigned long long)(ns / 1000000000ull),
			  (unsigned long long)(ns / 1000 % 1000000));
	sb_putc(line, '\n');
}

static void json_args(struct strbuf *line, const struct call_state *s, const struct nt_call *c)
{
	for (int i = 0; i < s->nargs; i++) {
		const char *name = s->raw ? NULL : trace_arg_name(c->row, i);

		sb_puts(line, i ? ",{\"name\":" : "{\"name\":");
		if (name)
			sb_json_string(line, name);
		else
			sb_printf(line, "\"arg%d\"", i + 1);
		sb_puts(line, ",\"value\":");
		sb_json_string(line, s->args[i].s ? s->args[i].s : "");
		sb_putc(line, '}');
	}
}

static void json_line(struct trace_session *ts, const struct call_state *s,
		      const struct nt_call *c, NTSTATUS status, uint64_t ns, bool finished)
{
	const char *status_name = trace_status_name(status);
	struct strbuf *line = &ts->line;
	struct timeval tv;
	char buf[32];

	gettimeofday(&tv, NULL);
	sb_reset(line);
	sb_printf(line, "{\"time\":%lld.%06ld,\"pid\":%u,\"tid\":%u,\"call\":",
		  (long long)tv.tv_sec, (long)tv.tv_usec, c->thread->process->win_pid,
		  c->thread->win_tid);
	sb_json_string(line, call_name(c, buf, sizeof(buf)));
	sb_printf(line, ",\"number\":%u,\"args\":[", c->number);
	json_args(line, s, c);
	if (finished) {
		sb_printf(line, "],\"status\":%u,\"status_name\":", status);
		if (status_name)
			sb_json_string(line, status_name);
		else
			sb_printf(line, "\"0x%08X\"", status);
		sb_printf(line, ",\"duration_us\":%.3f", (double)ns / 1000.0);
	} else {
		sb_puts(line, "],\"status\":null,\"status_name\":null,\"duration_us\":null");
	}
	if (ts->o.stack) {
		sb_puts(line, ",\"stack\":[");
		for (unsigned i = 0; i < s->frames.n; i++) {
			if (i)
				sb_putc(line, ',');
			sb_json_string(line, s->frames.frame[i]);
		}
		sb_putc(line, ']');
	}
	sb_puts(line, "}\n");
}

static void call_exit(void *arg, struct nt_call *c, NTSTATUS status)
{
	struct trace_session *ts = arg;
	struct call_state *s = c->thread->observer_state;
	uint64_t ns;

	if (!s || !s->active)
		return;
	s->active = false;
	ns = loop_now_ns() - s->start_ns;
	if (ts->o.summary) {
		trace_count(ts, c->row, status, ns);
		return;
	}
	if (ts->o.failed_only && status < 0x80000000u)
		return;
	s->tc.status = status;
	if (!s->raw)
		for (int i = 0; i < s->nargs; i++)
			trace_decode_arg(&s->args[i], &s->tc, i, TRACE_EXIT);
	if (ts->o.json) {
		json_line(ts, s, c, status, ns, true);
		fwrite(ts->line.s, 1, ts->line.len, ts->o.out);
	} else {
		text_line(ts, s, c, status, ns);
		emit(ts, s);
	}
}

/* name was validated (stub_call.c): no character needs a JSON escape. */
static void stub_called(void *arg, struct nt_call *c, const char *name)
{
	struct trace_session *ts = arg;

	if (ts->o.summary)
		return;
	if (ts->o.json) {
		fprintf(ts->o.out, "{\"pid\":%u,\"tid\":%u,\"stub\":\"%s\"}\n",
			c->thread->process->win_pid, c->thread->win_tid, name);
		return;
	}
	sb_reset(&ts->line);
	put_prefix(ts, &ts->line, c->thread);
	sb_printf(&ts->line, "--- stub %s called ---\n", name);
	fwrite(ts->line.s, 1, ts->line.len, ts->o.out);
}

/* A call that never returned: the process ended inside it. */
static void call_cut_short(struct trace_session *ts, struct call_state *s, struct nt_call *c)
{
	char buf[32];

	if (ts->o.json) {
		json_line(ts, s, c, 0, 0, false);
		fwrite(ts->line.s, 1, ts->line.len, ts->o.out);
		return;
	}
	sb_reset(&ts->line);
	put_prefix(ts, &ts->line, c->thread);
	if (s->unfinished_printed) {
		sb_printf(&ts->line, "<... %s resumed>) = ?\n", call_name(c, buf, sizeof(buf)));
	} else {
		sb_printf(&ts->line, "%s(", call_name(c, buf, sizeof(buf)));
		put_args(&ts->line, s, 0, s->nargs);
		sb_puts(&ts->line, ") = ?\n");
	}
	emit(ts, s);
}

/* p's threads with a traced call still in flight, oldest thread first. */
static void calls_cut_short(struct trace_session *ts, struct lsw_process *p)
{
	uint32_t done = 0;

	for (;;) {
		struct lsw_thread *next = NULL;

		for (struct lsw_thread *t = p->threads; t; t = t->next) {
			struct call_state *s = t->observer_state;

			if (s && s->active && t->win_tid > done &&
			    (!next || t->win_tid < next->win_tid))
				next = t;
		}
		if (!next)
			return;
		done = next->win_tid;
		((struct call_state *)next->observer_state)->active = false;
		if (!ts->o.summary)
			call_cut_short(ts, next->observer_state, &next->call);
	}
}

static void process_exit(void *arg, struct lsw_process *p, const char *how, int code)
{
	struct trace_session *ts = arg;

	unwind_cache_forget_pid(p->pid);
	calls_cut_short(ts, p);
	if (ts->o.summary)
		return;
	if (ts->o.json)
		fprintf(ts->o.out, "{\"pid\":%u,\"exit\":\"%s\",\"code\":%u}\n",
			p->win_pid, how, (unsigned)code);
	else
		fprintf(ts->o.out, (unsigned)code > 0xFFFF ? "[%u] +++ %s 0x%08X +++\n"
							     : "[%u] +++ %s %u +++\n",
			p->win_pid, how, (unsigned)code);
}

static void thread_free(void *arg, struct lsw_thread *t)
{
	struct call_state *s = t->observer_state;

	(void)arg;
	if (!s)
		return;
	for (int i = 0; i < NT_MAX_ARGS; i++)
		sb_free(&s->args[i]);
	free(s);
	t->observer_state = NULL;
}

static bool walks_stack(void *arg)
{
	return ((struct trace_session *)arg)->o.stack;
}

const struct nt_observer trace_observer = {
	.call_enter = call_enter,
	.call_deferred = call_deferred,
	.call_exit = call_exit,
	.stub_called = stub_called,
	.process_exit = process_exit,
	.thread_free = thread_free,
	.job_end = trace_finish,
	.walks_stack = walks_stack,
};
