/* The RUN message's fields, written by lsw run and checked by lswhost. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "host/run_request.h"

enum { RUN_NO_CWD = 1, RUN_NETNS = 2, RUN_REPORT_LIMITS = 4, RUN_DEBUG = 8, RUN_CONSOLE = 16 };
#define RUN_FLAGS_KNOWN 31u
#define MAX_ARGS 32768u
#define MAX_ENV 65536u

void run_request_encode(struct proto_writer *w, const struct lsw_job_spec *js,
			const struct lsw_process_spec *ps, const char *pwd, bool debug)
{
	proto_put_u32(w, (js->no_cwd ? RUN_NO_CWD : 0) | (js->netns ? RUN_NETNS : 0) |
			 (js->limits.report ? RUN_REPORT_LIMITS : 0) | (debug ? RUN_DEBUG : 0) |
			 (js->has_console ? RUN_CONSOLE : 0));
	proto_put_str(w, js->program);
	proto_put_u32(w, js->nmaps);
	for (unsigned i = 0; i < js->nmaps; i++) {
		proto_put_u32(w, (uint32_t)(unsigned char)js->maps[i].letter);
		proto_put_str(w, js->maps[i].host_dir);
		proto_put_str(w, js->maps[i].named_dir);
		proto_put_u32(w, js->maps[i].read_only);
	}
	proto_put_u64(w, js->limits.commit);
	proto_put_u32(w, js->limits.threads);
	proto_put_u32(w, js->limits.cpus_milli);
	proto_put_u64(w, js->limits.supervisor_memory);
	proto_put_u32(w, js->timeout_sec);
	proto_put_str(w, ps->image);
	proto_put_strv(w, ps->argv, (uint32_t)ps->argc);
	uint32_t nenv = 0;
	while (ps->env && ps->env[nenv])
		nenv++;
	proto_put_strv(w, ps->env, nenv);
	proto_put_str(w, ps->current_dir);
	proto_put_str(w, pwd);
}

/* A string field: "" stands for none. */
static char *optional(char *s)
{
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

static const char *check_map(const struct lsw_mapping *m)
{
	int l = m->letter;

	if (l && (l < 'A' || l > 'Z' || l == 'C' || l == 'Z'))
		return "a mapping's drive letter is not one of A-Z but C and Z";
	if (!m->host_dir || m->host_dir[0] != '/')
		return "a mapping's directory is not absolute";
	return NULL;
}

static int decode_maps(struct run_request *rq, struct proto_reader *r, const char **why)
{
	uint32_t n = proto_get_u32(r);

	if (n > LSW_MAX_MAPPINGS) {
		*why = "too many mappings";
		return -1;
	}
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		struct lsw_mapping *m = &rq->job.maps[rq->job.nmaps];
		uint32_t letter = proto_get_u32(r);

		m->letter = letter <= 'Z' ? (char)letter : 1;
		m->host_dir = proto_get_str(r, PATH_MAX - 1);
		m->named_dir = optional(proto_get_str(r, PATH_MAX - 1));
		m->read_only = proto_get_u32(r) != 0;
		rq->job.nmaps++;
		if (!r->bad && (*why = check_map(m)))
			return -1;
	}
	return 0;
}

static const char *check_limits(const struct lsw_job_spec *j)
{
	if (j->limits.commit < (1u << 20) || j->limits.commit > (1ull << 46))
		return "memory limit out of range";
	if (j->limits.threads < 1 || j->limits.threads > 1000000)
		return "thread limit out of range";
	if (j->limits.cpus_milli > 1000000)
		return "CPU limit out of range";
	if (j->limits.supervisor_memory &&   /* 0: the default quota */
	    (j->limits.supervisor_memory < (1u << 20) || j->limits.supervisor_memory > (16ull << 30)))
		return "supervisor memory quota out of range";
	if (j->timeout_sec > 86400u * 365)
		return "timeout out of range";
	return NULL;
}

static const char *check_process(const struct run_request *rq)
{
	if (!rq->image || !rq->image[0])
		return "no image";
	if (rq->current_dir && !(((rq->current_dir[0] | 32) >= 'a' &&
				  (rq->current_dir[0] | 32) <= 'z') &&
				 rq->current_dir[1] == ':' && rq->current_dir[2] == '\\'))
		return "the current directory is not a DOS path";
	if (rq->current_dir && strlen(rq->current_dir) > 32767)
		return "the current directory is too long";
	if (rq->pwd && rq->pwd[0] != '/')
		return "the logical current directory is not absolute";
	for (size_t i = 0; rq->env && rq->env[i]; i++)
		if (!rq->env[i][0] || !strchr(rq->env[i] + 1, '='))
			return "an environment entry is not NAME=value";
	return NULL;
}

static void decode_fields(struct run_request *rq, struct proto_reader *r, const char **why)
{
	uint32_t flags = proto_get_u32(r), argc = 0, nenv = 0;

	if (flags & ~RUN_FLAGS_KNOWN) {
		*why = "unknown flags";
		return;
	}
	rq->job.no_cwd = flags & RUN_NO_CWD;
	rq->job.netns = flags & RUN_NETNS;
	rq->job.limits.report = flags & RUN_REPORT_LIMITS;
	rq->debug = flags & RUN_DEBUG;
	rq->job.has_console = flags & RUN_CONSOLE; /* its fd comes with the message */
	rq->job.console_fd = -1;
	rq->program = optional(proto_get_str(r, PATH_MAX - 1));
	if (decode_maps(rq, r, why) < 0)
		return;
	rq->job.limits.commit = proto_get_u64(r);
	rq->job.limits.threads = proto_get_u32(r);
	rq->job.limits.cpus_milli = proto_get_u32(r);
	rq->job.limits.supervisor_memory = proto_get_u64(r);
	rq->job.timeout_sec = proto_get_u32(r);
	rq->image = proto_get_str(r, PATH_MAX - 1);
	rq->argv = proto_get_strv(r, MAX_ARGS, &argc);
	rq->env = proto_get_strv(r, MAX_ENV, &nenv);
	rq->current_dir = optional(proto_get_str(r, 32768));
	rq->pwd = optional(proto_get_str(r, PATH_MAX - 1));
	rq->proc.argc = (int)argc;
	if (!proto_done(r))
		*why = "truncated or malformed";
	else if (!(*why = check_limits(&rq->job)))
		*why = check_process(rq);
}

int run_request_decode(struct run_request *rq, const uint8_t *payload, size_t size,
		       char *err, size_t errlen)
{
	struct proto_reader r = { payload, size, false };
	const char *why = NULL;

	memset(rq, 0, sizeof(*rq));
	decode_fields(rq, &r, &why);
	if (why) {
		snprintf(err, errlen, "bad RUN request: %s", why);
		return -1;
	}
	rq->job.program = rq->program;
	rq->proc.image = rq->image;
	rq->proc.argv = rq->argv;
	rq->proc.env = rq->env;
	rq->proc.current_dir = rq->current_dir;
	return 0;
}

void run_request_free(struct run_request *rq)
{
	for (unsigned i = 0; i < rq->job.nmaps; i++) {
		free((char *)rq->job.maps[i].host_dir);
		free((char *)rq->job.maps[i].named_dir);
	}
	free(rq->program);
	free(rq->image);
	free(rq->current_dir);
	free(rq->pwd);
	proto_strv_free(rq->argv);
	proto_strv_free(rq->env);
	memset(rq, 0, sizeof(*rq));
}
