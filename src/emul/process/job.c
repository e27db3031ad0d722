/*
 * Job objects: NtCreateJobObject, NtOpenJobObject,
 * NtAssignProcessToJobObject, NtTerminateJobObject, NtIsProcessInJob;
 * the information classes are in job_info.c.
 *
 * Who is in which job, nesting and the limits a join meets are in
 * job_member.c.  A process's children join its jobs at creation, unless
 * they ask to break away (CREATE_BREAKAWAY_FROM_JOB) and the job has
 * JOB_OBJECT_LIMIT_BREAKAWAY_OK, or the job breaks them away silently.
 * Past the active process limit a new child is refused
 * (STATUS_QUOTA_EXCEEDED) and an assigned process is terminated, as
 * documented.  When the last handle goes, a job with JOB_OBJECT_LIMIT_
 * KILL_ON_JOB_CLOSE terminates its processes (those of the jobs nested in
 * it too), and so the whole tree started inside it.
 */
#include <stdlib.h>
#include "emul/io/io_completion.h"
#include "emul/process/job.h"
#include "emul/process/process_object.h"

#define JOB_OBJECT_ASSIGN_PROCESS 0x0001u
#define JOB_OBJECT_TERMINATE 0x0008u
#define PROCESS_SET_QUOTA 0x0100u
#define STATUS_PROCESS_NOT_IN_JOB 0x00000123u
#define STATUS_PROCESS_IN_JOB 0x00000124u
#define STATUS_QUOTA_EXCEEDED 0xC0000044u

static const struct generic_mapping job_mapping = {
	0x00020004u, 0x0002000Bu, 0x00120000u, 0x001F003Fu
};

/* What was nested in j, or in it, now is in its parent. */
static void hand_to_parent(struct nt_job *j)
{
	struct nt_job *up = j->parent, **l;

	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (p->nt_job == j)
			p->nt_job = up;
	while (j->ended) {
		struct process_object *o = j->ended;

		j->ended = o->job_next;
		o->job = NULL;
		if (up) {
			o->job = up;
			o->job_next = up->ended;
			up->ended = o;
		}
	}
	while (j->children) {
		struct nt_job *c = j->children;

		j->children = c->sibling;
		c->parent = up;
		c->sibling = up ? up->children : NULL;
		if (up)
			up->children = c;
	}
	for (l = up ? &up->children : NULL; l && *l; l = &(*l)->sibling)
		if (*l == j) {
			*l = j->sibling;
			break;
		}
}

static void job_destroy(struct nt_object *obj)
{
	struct nt_job *j = (struct nt_job *)obj;

	if (j->limit_flags & JOB_LIMIT_KILL_ON_JOB_CLOSE)
		for (struct lsw_process *p = j->host->processes; p; p = p->next)
			if (job_within(j, p->nt_job) && !p->reaped)
				process_terminate(p, 0);
	hand_to_parent(j);
	object_name_remove(&j->name);
	io_queue_unref(j->port);
	free(j);
}

static void job_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct nt_job *)obj)->name, buf, len);
}

static bool job_signaled(struct nt_object *obj, struct lsw_thread *waiter)
{
	(void)waiter;
	return ((struct nt_job *)obj)->terminated;
}

static const struct waitable_ops job_wait_ops = { job_signaled, NULL };

static struct waitable *job_waitable(struct nt_object *obj)
{
	return &((struct nt_job *)obj)->wait;
}

const struct nt_object_ops job_ops = {
	.type_name = "Job",
	.destroy = job_destroy,
	.describe = job_describe,
	.waitable = job_waitable,
};

/* NtCreateJobObject(*JobHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtCreateJobObject(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &job_mapping);
	struct object_name nm;
	struct nt_job *j;
	NTSTATUS st;

	if ((st = object_create_begin(c, c->args[2], &job_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(j = calloc(1, sizeof(*j)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&j->hdr, &job_ops);
	waitable_init(&j->wait, &job_wait_ops);
	j->name = nm;
	j->host = c->thread->process->host;
	return object_create_end(c, &j->hdr, &j->name, access, c->args[0]);
}

/* NtOpenJobObject(*JobHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenJobObject(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &job_ops,
				 access_map_generic((uint32_t)c->args[1], &job_mapping),
				 c->args[0]);
}

/* NtAssignProcessToJobObject(JobHandle, ProcessHandle) */
NTSTATUS nt_NtAssignProcessToJobObject(struct nt_call *c)
{
	struct nt_job *j;
	struct process_object *po;
	NTSTATUS st;

	if (!(j = (struct nt_job *)object_from_handle(c, c->args[0], &job_ops,
						      JOB_OBJECT_ASSIGN_PROCESS, &st)))
		return st;
	if (!(po = process_from_handle(c, c->args[1], PROCESS_TERMINATE | PROCESS_SET_QUOTA, &st)))
		return st;
	if (!po->process || po->process->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	if ((st = job_add(j, po->process)) == STATUS_QUOTA_EXCEEDED)
		process_terminate(po->process, st); /* documented: past the limit it ends */
	return st;
}

/* NtTerminateJobObject(JobHandle, ExitStatus) */
NTSTATUS nt_NtTerminateJobObject(struct nt_call *c)
{
	struct lsw_process *self = c->thread->process;
	struct nt_job *j;
	bool me = false;
	NTSTATUS st;

	if (!(j = (struct nt_job *)object_from_handle(c, c->args[0], &job_ops, JOB_OBJECT_TERMINATE,
						      &st)))
		return st;
	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (job_within(j, p->nt_job) && !p->reaped) {
			j->total_terminated += !p->terminated;
			if (p == self)
				me = true; /* last: this call must still answer */
			else
				process_terminate(p, (uint32_t)c->args[1]);
		}
	j->terminated = true;
	waitable_wake(&j->hdr);
	if (!me)
		return LSW_STATUS_SUCCESS;
	process_terminate(self, (uint32_t)c->args[1]);
	return NT_DEFERRED; /* as NtTerminateProcess of itself: no answer */
}

/* NtIsProcessInJob(ProcessHandle, JobHandle): STATUS_PROCESS_IN_JOB or
 * STATUS_PROCESS_NOT_IN_JOB; without a job handle, any job. */
NTSTATUS nt_NtIsProcessInJob(struct nt_call *c)
{
	struct process_object *po;
	struct nt_job *j = NULL, *in;
	NTSTATUS st;

	if (!(po = process_from_handle(c, c->args[0], PROCESS_QUERY_LIMITED_INFORMATION |
				       PROCESS_QUERY_INFORMATION, &st)))
		return st;
	if (c->args[1] && !(j = (struct nt_job *)object_from_handle(c, c->args[1], &job_ops, 0x4u,
								    &st)))
		return st;
	in = po->process ? po->process->nt_job : po->job;
	if (!in)
		return STATUS_PROCESS_NOT_IN_JOB;
	return !j || job_within(j, in) ? STATUS_PROCESS_IN_JOB : STATUS_PROCESS_NOT_IN_JOB;
}
