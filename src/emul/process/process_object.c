/*
 * Process objects: a handle to a process names one, a wait on it ends
 * when the process has ended, and it keeps the exit status, times and
 * image name for as long as handles to it stay open, as on Windows.  The
 * record of the process (struct lsw_process) holds one reference while it
 * lives; NtOpenProcess, NtTerminateProcess of another process.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/io/path.h"
#include "emul/object/object_names.h"
#include "emul/process/job.h"
#include "emul/process/process_object.h"
#include "emul/system/kuser.h"

#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u
#define MAXIMUM_ALLOWED 0x02000000u
#define SYNCHRONIZE 0x00100000u
#define STATUS_INVALID_CID 0xC000000Bu
#define STATUS_INVALID_PARAMETER_MIX 0xC0000030u

/* The last reference to an ended process's object goes: so does its id. */
static void ended_forget(struct process_object *o)
{
	struct process_object **link = &o->host->ended_processes;

	while (*link && *link != o)
		link = &(*link)->ended_next;
	if (*link)
		*link = o->ended_next;
	client_id_free(&o->host->ids, o->win_pid);
}

static void process_destroy(struct nt_object *obj)
{
	struct process_object *o = (struct process_object *)obj;

	if (o->process && o->process->object == o)
		o->process->object = NULL;
	if (o->host)
		ended_forget(o);
	job_forget_object(o);
	free(o->image_dos);
	free(o);
}

static void process_describe(struct nt_object *obj, char *buf, size_t len)
{
	struct process_object *o = (struct process_object *)obj;

	snprintf(buf, len, "process %u", o->win_pid);
}

static bool process_signaled(struct nt_object *obj, struct lsw_thread *waiter)
{
	(void)waiter;
	return ((struct process_object *)obj)->exited;
}

static const struct waitable_ops process_wait_ops = { process_signaled, NULL };

static struct waitable *process_waitable(struct nt_object *obj)
{
	return &((struct process_object *)obj)->wait;
}

const struct nt_object_ops process_ops = {
	.type_name = "Process",
	.destroy = process_destroy,
	.describe = process_describe,
	.waitable = process_waitable,
};

/* Made once: the process's parameters (twice), its object and its image
 * section's file name all ask, and each was a walk of the path by
 * realpath (a getcwd and a readlink per component).  The job's first
 * image was resolved when its view was made, in the same request. */
const char *process_image_view_dos(struct lsw_process *p)
{
	char host[PATH_MAX], dos[PATH_MAX + 8];

	if (p->image_view_dos || !p->job)
		return p->image_view_dos;
	if (!(!p->parent_pid && path_view_program_real(p->job->view, p->image_path, host)) &&
	    !realpath(p->image_path, host))
		return NULL;
	path_host_to_dos(p->job->view, host, dos, sizeof(dos));
	p->image_view_dos = strdup(dos);
	return p->image_view_dos;
}

char *process_image_dos_path(struct lsw_process *p)
{
	const char *view;

	if (p->image_dos)
		return strdup(p->image_dos);
	view = process_image_view_dos(p);
	return view ? strdup(view) : NULL;
}

struct nt_object *process_object_get(struct lsw_process *p)
{
	struct process_object *o = p->object;

	if (o)
		return object_ref(&o->hdr);
	if (!(o = calloc(1, sizeof(*o))))
		return NULL;
	object_init(&o->hdr, &process_ops); /* the record's reference */
	waitable_init(&o->wait, &process_wait_ops);
	o->process = p;
	o->win_pid = p->win_pid;
	o->parent_pid = p->parent_pid;
	o->exit_status = STILL_ACTIVE;
	o->create_time = p->create_time;
	o->image_dos = process_image_dos_path(p);
	p->object = o;
	return object_ref(&o->hdr);
}

void process_object_detach(struct lsw_process *p)
{
	struct process_object *o = p->object;

	if (!o)
		return;
	p->object = NULL;
	o->process = NULL;
	o->exited = true;
	o->exit_status = p->terminated ? p->exit_status : (uint32_t)LSW_STATUS_UNSUCCESSFUL;
	o->exit_time = nt_system_time();
	o->user_100ns = p->end_user_100ns;
	o->kernel_100ns = p->end_kernel_100ns;
	o->peb = p->peb;
	o->host = p->host; /* the id is the object's now */
	o->run = p->job;
	o->ended_next = p->host->ended_processes;
	p->host->ended_processes = o;
	waitable_wake(&o->hdr);
	object_unref(&o->hdr);
}

void process_objects_forget_run(struct lsw_host *h, struct lsw_job *j)
{
	for (struct process_object *o = h->ended_processes; o; o = o->ended_next)
		if (o->run == j)
			o->run = NULL;
}

uint32_t process_access_map(uint32_t access)
{
	if (access & (GENERIC_ALL | MAXIMUM_ALLOWED))
		return PROCESS_ALL_ACCESS;
	if (access & GENERIC_READ)
		access |= PROCESS_QUERY_INFORMATION | PROCESS_VM_READ;
	if (access & (GENERIC_EXECUTE | GENERIC_WRITE))
		access |= SYNCHRONIZE | PROCESS_TERMINATE;
	return access & PROCESS_ALL_ACCESS;
}

struct process_object *process_from_handle(struct nt_call *c, uint64_t h, uint32_t need,
					   NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;
	struct nt_object *obj;

	if (h == NT_CURRENT_PROCESS_HANDLE) {
		if (!(obj = process_object_get(p))) {
			*st = LSW_STATUS_NO_MEMORY;
			return NULL;
		}
		object_unref(obj); /* the record keeps it */
		return (struct process_object *)obj;
	}
	if (!(obj = handle_get(p, h, &process_ops, st)))
		return NULL;
	if (need && !(handle_access(p, h) & need)) {
		*st = LSW_STATUS_ACCESS_DENIED;
		return NULL;
	}
	return (struct process_object *)obj;
}

/* The object of a process of the caller's job with that id, running or
 * ended while handles to it stay open: the sandbox shows no other.  A
 * reference the caller drops; NULL: none (*st), or no memory. */
static struct nt_object *process_by_id(struct lsw_process *caller, uint64_t id, NTSTATUS *st)
{
	struct lsw_host *h = caller->host;

	*st = LSW_STATUS_NO_MEMORY;
	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->win_pid == id && p->job == caller->job && !p->reaped)
			return process_object_get(p);
	for (struct process_object *o = h->ended_processes; o; o = o->ended_next)
		if (o->win_pid == id && o->run == caller->job)
			return object_ref(&o->hdr);
	*st = STATUS_INVALID_CID;
	return NULL;
}

/* NtOpenProcess(*ProcessHandle, DesiredAccess, ObjectAttributes, ClientId) */
NTSTATUS nt_NtOpenProcess(struct nt_call *c)
{
	uint64_t cid[2];
	struct nt_object *obj;
	NTSTATUS st;

	/* the attributes are read first (they must be there), then a process
	 * is named by its client id: none is a mix Windows refuses */
	if (!c->args[2] || tracee_read(c->thread, c->args[2] + 24, &c->oa_attributes, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!c->args[3])
		return STATUS_INVALID_PARAMETER_MIX;
	if (tracee_read(c->thread, c->args[3], cid, sizeof(cid)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(obj = process_by_id(c->thread->process, client_id_untag(cid[0]), &st)))
		return st;
	st = object_give_handle(c, obj, process_access_map((uint32_t)c->args[1]), c->args[0]);
	object_unref(obj);
	return st;
}

/* NtTerminateProcess(ProcessHandle, ExitStatus).  A NULL handle ends every
 * other thread of the caller's process: with one thread, nothing to do.
 * Ending itself is never answered: the process is gone. */
NTSTATUS nt_NtTerminateProcess(struct nt_call *c)
{
	struct lsw_process *self = c->thread->process;
	struct process_object *o;
	NTSTATUS st;

	if (c->args[0] == 0)
		return LSW_STATUS_SUCCESS;
	if (!(o = process_from_handle(c, c->args[0], PROCESS_TERMINATE, &st)))
		return st;
	if (o->process == self) {
		process_terminate(self, (uint32_t)c->args[1]);
		return NT_DEFERRED;
	}
	if (!o->process || o->process->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	process_terminate(o->process, (uint32_t)c->args[1]);
	return LSW_STATUS_SUCCESS;
}
