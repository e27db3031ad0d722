/*
 * A process's record in its host: made from a spec (never from the CLI's
 * settings), entered in the host's process table with ids of its own, and
 * freed with everything it holds once the host is done with it.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/process/fast_channel.h"
#include "emul/process/debug.h"
#include "emul/process/hw_breakpoint.h"
#include "emul/sync/apc.h"
#include "emul/io/file_direct.h"
#include "emul/io/io_completion.h"
#include "emul/io/pipe_named.h"
#include "emul/sync/keyed_event.h"
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/object/object.h"
#include "emul/observer.h"
#include "emul/registry/registry.h"
#include "emul/process/job.h"
#include "emul/process/process_object.h"
#include "emul/process/quota.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"
#include "emul/security/token.h"
#include "emul/system/kuser.h"

static char **copy_strings(char *const *v, int n)
{
	char **out = calloc((size_t)n + 1, sizeof(*out));

	for (int i = 0; out && i < n; i++)
		if (!(out[i] = strdup(v[i]))) {
			while (i--)
				free(out[i]);
			free(out);
			return NULL;
		}
	return out;
}

static void free_strings(char **v)
{
	for (char **s = v; s && *s; s++)
		free(*s);
	free(v);
}

static int count_strings(char *const *v)
{
	int n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* The spec's strings, the process's own from now on. */
static int copy_spec(struct lsw_process *p, const struct lsw_process_spec *spec)
{
	p->image_path = strdup(spec->image);
	p->argv = copy_strings(spec->argv, spec->argc);
	p->argc = spec->argc;
	p->env = copy_strings(spec->env, count_strings(spec->env));
	p->current_dir = spec->current_dir ? strdup(spec->current_dir) : NULL;
	memcpy(p->std_fds, spec->std_fds, sizeof(p->std_fds));
	p->parent_pid = spec->parent_pid;
	p->command_line = spec->command_line ? strdup(spec->command_line) : NULL;
	p->image_dos = spec->image_dos ? strdup(spec->image_dos) : NULL;
	p->std_given = spec->std_given;
	memcpy(p->handles_std, spec->std_handles, sizeof(p->handles_std));
	p->window_flags = spec->window_flags;
	p->console_flags = spec->console_flags;
	p->console_group = spec->console_group;
	p->show_window = spec->show_window;
	memcpy(p->look.place, spec->look.place, sizeof(p->look.place));
	p->look.title = spec->look.title ? strdup(spec->look.title) : NULL;
	p->look.desktop = spec->look.desktop ? strdup(spec->look.desktop) : NULL;
	if (spec->runtime_len && (p->runtime_data = malloc(spec->runtime_len))) {
		memcpy(p->runtime_data, spec->runtime_data, spec->runtime_len);
		p->runtime_len = spec->runtime_len;
	}
	return p->image_path && p->argv && p->env && (p->current_dir || !spec->current_dir) &&
	       (p->command_line || !spec->command_line) && (p->image_dos || !spec->image_dos) &&
	       (p->runtime_data || !spec->runtime_len) && (p->look.title || !spec->look.title) &&
	       (p->look.desktop || !spec->look.desktop) ? 0 : -1;
}

struct lsw_process *process_new(struct lsw_host *h, const struct lsw_process_spec *spec)
{
	struct lsw_process *p = calloc(1, sizeof(*p));
	struct lsw_thread *t;
	uint64_t paged, nonpaged;

	if (!p)
		return NULL;
	p->host = h;
	p->job = spec->job;
	p->create_time = nt_system_time();
	quota_limits_for(spec->job, &paged, &nonpaged);
	p->notify_fd = p->pidfd = p->setup_fd = -1;
	t = &p->main_thread;
	*t = (struct lsw_thread){ .process = p, .exit_status = 259 /* STILL_ACTIVE */,
				  .started = true, .exit_fd = -1 };
	p->threads = t;
	p->live_threads = 1;
	p->next = h->processes;
	h->processes = p;
	kuser_process_started(&h->kuser);
	p->quota = p->vad.quota = quota_block_new(paged, nonpaged);
	if (!p->quota || copy_spec(p, spec) < 0 || !(p->win_pid = client_id_alloc(&h->ids)) ||
	    !(t->win_tid = client_id_alloc(&h->ids))) {
		process_free(p);
		return NULL;
	}
	if (!p->console_group)
		p->console_group = p->win_pid;
	if (p->job && !p->job->nprocesses++ && !p->job->first_pid)
		p->job->first_pid = p->win_pid;
	return p;
}

/* What the threads still wait for goes unanswered; what they hold is let
 * go (mutants abandoned: only other processes' threads can still wait). */
static void rundown(struct lsw_process *p)
{
	for (struct lsw_thread *t = p->threads; t; t = t->next)
		nt_cancel(t);
	for (struct lsw_thread *t = p->threads; t; t = t->next) {
		debug_thread_ended(t);
		mutant_thread_exited(t);
		registry_notify_thread_exited(t);
		apc_thread_exited(t);
		io_completion_thread_exited(t);
		np_thread_exited(t);
	}
}

void thread_record_free(struct lsw_thread *t)
{
	struct lsw_process *p = t->process;
	const struct nt_observer *o = thread_observer(t);

	if (o && o->thread_free)
		o->thread_free(thread_observer_arg(t), t);
	if (t->object) { /* ended with its process: other processes' waits end */
		struct thread_object *obj = t->object;

		obj->thread = NULL;
		obj->process = process_object_get(p); /* NULL: no memory, not kept */
		waitable_wake(&obj->hdr);
	}
	token_thread_set(t, NULL);
	tracee_memo_free(t);
	fast_channel_thread_report(t);
	fast_channel_cool(t);
	thread_block_unmap(t->block_map);
	t->block_map = NULL;
	file_direct_drop(t);
	hw_breakpoints_free(t);
	client_id_free(&p->host->ids, t->win_tid);
	quota_release(p, QUOTA_PAGED, t->name_len);
	free(t->name);
	free(t->released); /* the ranges go with the process's map */
	t->released = NULL;
	t->nreleased = t->released_cap = 0;
	if (t != &p->main_thread) {
		quota_release(p, QUOTA_NONPAGED, sizeof(*t));
		free(t);
	}
}

void process_free(struct lsw_process *p)
{
	struct lsw_host *h = p->host;

	job_process_gone(p); /* first: its handles may hold its job's last one */
	for (struct lsw_process **link = &h->processes; *link; link = &(*link)->next)
		if (*link == p) {
			*link = p->next;
			break;
		}
	p->terminated = true; /* nothing is answered or written now */
	remote_process_free(p); /* other processes' calls on it end */
	rundown(p);
	handle_table_free(p);
	vad_free_all(&p->vad);
	for (struct lsw_thread *t = p->threads, *next; t; t = next) {
		next = t->next;
		thread_record_free(t);
	}
	for (size_t i = 0; i < p->nspare_blocks; i++)
		thread_block_unmap(p->spare_blocks[i].map);
	free(p->spare_blocks);
	keyed_event_process_free(p);
	stub_seen_free(p);
	if (!p->object) /* else its object keeps the id while it lives */
		client_id_free(&h->ids, p->win_pid);
	kuser_process_ended(&h->kuser);
	free(p->image_path);
	free_strings(p->argv);
	free_strings(p->env);
	free(p->current_dir);
	free(p->command_line);
	free(p->image_dos);
	free(p->image_view_dos);
	free(p->look.title);
	free(p->look.desktop);
	free(p->runtime_data);
	free(p->vad_seed);
	if (p->token)
		object_unref(p->token);
	process_object_detach(p);
	quota_block_unref(p->quota); /* objects still charged to it keep it */
	free(p);
}
