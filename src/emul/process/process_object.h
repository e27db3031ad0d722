/* Process objects: what a handle to a process names, and outlives it. */
#ifndef LSW_PROCESS_OBJECT_H
#define LSW_PROCESS_OBJECT_H

#include "emul/object/object.h"
#include "emul/sync/waitable.h"

#define PROCESS_TERMINATE 0x0001u
#define PROCESS_CREATE_THREAD 0x0002u
#define PROCESS_VM_OPERATION 0x0008u
#define PROCESS_VM_READ 0x0010u
#define PROCESS_VM_WRITE 0x0020u
#define PROCESS_SET_INFORMATION 0x0200u
#define PROCESS_QUERY_INFORMATION 0x0400u
#define PROCESS_QUERY_LIMITED_INFORMATION 0x1000u
#define PROCESS_ALL_ACCESS 0x1FFFFFu
#define STILL_ACTIVE 259u

struct process_object {
	struct nt_object hdr;
	struct waitable wait;        /* signalled once the process has ended */
	struct lsw_process *process; /* NULL: its record is gone */
	uint32_t win_pid, parent_pid;
	bool exited;
	uint32_t exit_status;        /* STILL_ACTIVE until it ends */
	uint64_t create_time, exit_time;
	uint64_t user_100ns, kernel_100ns; /* CPU times, once it has ended */
	uint64_t peb;
	char *image_dos;             /* its image's DOS path (UTF-8), kept for
				      * queries after the end; NULL: unknown */
	/* once its record is gone: the innermost job it was in (job.c keeps
	 * it, not referenced) and the next of that job's ended processes */
	struct nt_job *job;
	struct process_object *job_next;
	/* once its record is gone it keeps its client id, as Windows keeps a
	 * process's id until its object goes, and NtOpenProcess still finds it
	 * by that id in its run (host->ended_processes; run NULL: the run is
	 * over, nobody can name it) */
	struct lsw_host *host;
	struct lsw_job *run;
	struct process_object *ended_next;
};

extern const struct nt_object_ops process_ops;

/* p's process object, made if it has none; a reference the caller drops.
 * NULL: no memory. */
struct nt_object *process_object_get(struct lsw_process *p);
/* p's record goes (process_free): its object keeps the exit status and
 * wakes its waiters. */
void process_object_detach(struct lsw_process *p);
/* Job j (a run) is over: its ended processes' objects can no longer be
 * opened by id (the objects themselves live on while referenced). */
void process_objects_forget_run(struct lsw_host *h, struct lsw_job *j);
/* The process object a handle (or NT_CURRENT_PROCESS_HANDLE) names, if
 * the handle grants one of the access bits in need (0: any handle);
 * borrowed.  *st says why not. */
struct process_object *process_from_handle(struct nt_call *c, uint64_t h, uint32_t need,
					   NTSTATUS *st);
/* The image's DOS path as the parent named it, else as the process's own
 * job shows it (malloc'd), NULL when unknown. */
char *process_image_dos_path(struct lsw_process *p);
/* The image's DOS path as the process's own job shows it (borrowed),
 * NULL when unknown (the file gone). */
const char *process_image_view_dos(struct lsw_process *p);
/* Generic and MAXIMUM_ALLOWED rights made specific. */
uint32_t process_access_map(uint32_t access);
/* NtSetInformationProcess(ProcessThreadStackAllocation) (process_stack.c). */
NTSTATUS process_set_stack_allocation(struct nt_call *c);

#endif
