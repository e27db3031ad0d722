/* NT job objects (job.c, job_info.c): groups of processes with limits. */
#ifndef LSW_NT_JOB_H
#define LSW_NT_JOB_H

#include "emul/object/object.h"
#include "emul/object/object_names.h"
#include "emul/sync/waitable.h"

#define JOB_LIMIT_ACTIVE_PROCESS 0x0008u
#define JOB_LIMIT_PROCESS_MEMORY 0x0100u
#define JOB_LIMIT_JOB_MEMORY 0x0200u
#define JOB_LIMIT_BREAKAWAY_OK 0x0800u
#define JOB_LIMIT_SILENT_BREAKAWAY_OK 0x1000u
#define JOB_LIMIT_KILL_ON_JOB_CLOSE 0x2000u
#define JOB_LIMIT_VALID_BASIC 0x000000FFu
#define JOB_LIMIT_VALID_EXTENDED 0x00007FFFu

/* JOB_OBJECT_MSG_*: what the job's completion port hears */
enum { JOB_MSG_ACTIVE_PROCESS_LIMIT = 3, JOB_MSG_ACTIVE_PROCESS_ZERO = 4,
       JOB_MSG_NEW_PROCESS = 6, JOB_MSG_EXIT_PROCESS = 7, JOB_MSG_ABNORMAL_EXIT_PROCESS = 8,
       JOB_MSG_PROCESS_MEMORY_LIMIT = 9, JOB_MSG_JOB_MEMORY_LIMIT = 10 };

struct process_object;

/* One job.  Its processes point at it (lsw_process.nt_job: the innermost
 * job of a process) without a reference: the job goes with its last
 * handle (and name), and with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE its
 * processes go with it.  Jobs nest (Windows 8 and later): a process is in
 * its innermost job and every job that job is nested in; the limits of
 * all of them apply and it counts in each.  A job that goes hands its
 * processes and nested jobs to its own parent. */
struct nt_job {
	struct nt_object hdr;
	struct object_name name;
	struct lsw_host *host;
	struct nt_job *parent;       /* not referenced, see above */
	struct nt_job *children, *sibling;
	/* processes of it that ended and whose objects remain: they are
	 * still "in" the job (IsProcessInJob) */
	struct process_object *ended;
	/* the limits as set (JOBOBJECT_EXTENDED_LIMIT_INFORMATION's fields
	 * that are kept; the others read back as set) */
	uint32_t limit_flags;
	uint32_t active_limit;
	uint64_t process_memory_limit, job_memory_limit;
	uint64_t basic_rest[7];      /* times, working set, affinity, classes */
	/* accounting */
	uint32_t total_processes, total_terminated;
	uint64_t ended_user_time, ended_kernel_time; /* of its ended processes */
	uint64_t peak_process_memory;
	/* JobObjectAssociateCompletionPortInformation */
	struct io_queue *port;
	uint64_t port_key;
	/* signalled once TerminateJobObject ended its processes, as
	 * documented; new processes do not reset it */
	struct waitable wait;
	bool terminated;
};

extern const struct nt_object_ops job_ops;

/* Whether a process whose innermost job is inner is in outer. */
bool job_within(const struct nt_job *outer, const struct nt_job *inner);
/* The processes of j (and of the jobs nested in it) that have not ended. */
uint32_t job_active(const struct nt_job *j);
/* Tells the job's port (if any) msg about process pid. */
void job_post(struct nt_job *j, uint32_t msg, uint32_t pid);
/* p joins j: STATUS_QUOTA_EXCEEDED past the active process limit of j or
 * of a job j is nested in, STATUS_ACCESS_DENIED when p is in another job
 * that j cannot be nested in. */
NTSTATUS job_add(struct nt_job *j, struct lsw_process *p);
/* A process object goes: it leaves the ended list of its job. */
void job_forget_object(struct process_object *o);

/* A child of parent starts: it joins the parent's jobs, but a job that
 * allows breakaway (asked, or silently) hands it to the job it is nested
 * in; breakaway asked of an innermost job that forbids it fails. */
NTSTATUS job_check_child(struct lsw_process *parent, bool breakaway);
void job_inherit(struct lsw_process *parent, struct lsw_process *child, bool breakaway);
/* p's record goes (process_record.c): its job counts it out. */
void job_process_gone(struct lsw_process *p);
/* Whether p may commit bytes more under its job's memory limits. */
bool job_can_commit(const struct lsw_process *p, uint64_t bytes);

#endif
