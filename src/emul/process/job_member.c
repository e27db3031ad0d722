/*
 * Which processes are in which job: joining (NtAssignProcessToJobObject,
 * a child inheriting its parent's jobs), nesting, the limits a join or a
 * commit meets, and what the jobs' ports hear when processes come and go.
 *
 * Jobs nest as on Windows 8 and later: a process already in a job may be
 * assigned to a job nested (at any depth) in its innermost one, or to a
 * job that never had a process nor a parent, which then nests in the
 * process's innermost job; any other job refuses it (STATUS_ACCESS_DENIED).
 * A process counts in every job of its chain, each job's port hears of it
 * (innermost first), and every job's limits apply.  A process that ended
 * stays in its jobs while its object remains, as IsProcessInJob shows.
 */
#include "emul/io/io_completion.h"
#include "emul/process/job.h"
#include "emul/process/process_object.h"

#define STATUS_QUOTA_EXCEEDED 0xC0000044u

bool job_within(const struct nt_job *outer, const struct nt_job *inner)
{
	for (; inner; inner = inner->parent)
		if (inner == outer)
			return true;
	return false;
}

uint32_t job_active(const struct nt_job *j)
{
	uint32_t n = 0;

	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		n += job_within(j, p->nt_job) && !p->terminated && !p->reaped;
	return n;
}

void job_post(struct nt_job *j, uint32_t msg, uint32_t pid)
{
	if (j->port)
		io_queue_post(j->port, j->port_key, pid, LSW_STATUS_SUCCESS, msg, NULL);
}

/* A process joining the jobs from j up to (not including) stop: each must
 * have room under its active process limit. */
static NTSTATUS room_for_one(struct nt_job *j, const struct nt_job *stop)
{
	for (; j && j != stop; j = j->parent)
		if ((j->limit_flags & JOB_LIMIT_ACTIVE_PROCESS) && job_active(j) >= j->active_limit) {
			job_post(j, JOB_MSG_ACTIVE_PROCESS_LIMIT, 0);
			return STATUS_QUOTA_EXCEEDED;
		}
	return LSW_STATUS_SUCCESS;
}

/* p is now in the jobs from j up to stop: they count it and hear of it. */
static void joined(struct nt_job *j, const struct nt_job *stop, struct lsw_process *p)
{
	p->nt_job = j;
	for (; j && j != stop; j = j->parent) {
		j->total_processes++;
		job_post(j, JOB_MSG_NEW_PROCESS, p->win_pid);
	}
}

static void nest(struct nt_job *child, struct nt_job *parent)
{
	child->parent = parent;
	child->sibling = parent->children;
	parent->children = child;
}

NTSTATUS job_add(struct nt_job *j, struct lsw_process *p)
{
	struct nt_job *cur = p->nt_job;
	bool nests = cur && !job_within(cur, j);
	NTSTATUS st;

	if (job_within(j, cur))
		return LSW_STATUS_SUCCESS; /* in it already */
	if (nests && (j->parent || j->total_processes || j->children))
		return LSW_STATUS_ACCESS_DENIED; /* not in the process's hierarchy */
	if ((st = room_for_one(j, cur)) != LSW_STATUS_SUCCESS)
		return st;
	if (nests)
		nest(j, cur);
	joined(j, cur, p);
	return LSW_STATUS_SUCCESS;
}

static bool breaks_away(const struct nt_job *j, bool asked)
{
	return (j->limit_flags & JOB_LIMIT_SILENT_BREAKAWAY_OK) ||
	       (asked && (j->limit_flags & JOB_LIMIT_BREAKAWAY_OK));
}

/* The innermost job a child of a process in j starts in: a job that lets
 * it break away hands it to the job it is nested in. */
static struct nt_job *child_job(struct nt_job *j, bool breakaway)
{
	while (j && breaks_away(j, breakaway))
		j = j->parent;
	return j;
}

/* Breakaway asked of a job that does not allow it fails; one that does
 * lets the child go to the job it is nested in (where it stays, unless
 * that one lets it go too). */
NTSTATUS job_check_child(struct lsw_process *parent, bool breakaway)
{
	struct nt_job *j;

	if (parent->nt_job && breakaway && !breaks_away(parent->nt_job, true))
		return LSW_STATUS_ACCESS_DENIED;
	j = child_job(parent->nt_job, breakaway);
	return j ? room_for_one(j, NULL) : LSW_STATUS_SUCCESS;
}

void job_inherit(struct lsw_process *parent, struct lsw_process *child, bool breakaway)
{
	struct nt_job *j = child_job(parent->nt_job, breakaway);

	if (j)
		joined(j, NULL, child);
}

/* The ended process stays in its jobs through its object. */
static void keep_ended(struct nt_job *j, struct lsw_process *p)
{
	struct process_object *o = p->object;

	if (!o || o->job)
		return;
	o->job = j;
	o->job_next = j->ended;
	j->ended = o;
}

/* Whether an exit status is one the job's port hears as an abnormal
 * exit: the exception codes JOBOBJECT_ASSOCIATE_COMPLETION_PORT lists
 * (an error status such as STATUS_ACCESS_DENIED is an ordinary exit). */
static bool exit_abnormal(uint32_t status)
{
	static const uint32_t codes[] = {
		0xC0000005, /* ACCESS_VIOLATION */
		0xC000008C, /* ARRAY_BOUNDS_EXCEEDED */
		0x80000003, /* BREAKPOINT */
		0xC000013A, /* CONTROL_C_EXIT */
		0x80000002, /* DATATYPE_MISALIGNMENT */
		0xC000008D, /* FLOAT_DENORMAL_OPERAND */
		0xC000008E, /* FLOAT_DIVIDE_BY_ZERO */
		0xC000008F, /* FLOAT_INEXACT_RESULT */
		0xC0000090, /* FLOAT_INVALID_OPERATION */
		0xC0000091, /* FLOAT_OVERFLOW */
		0xC0000092, /* FLOAT_STACK_CHECK */
		0xC0000093, /* FLOAT_UNDERFLOW */
		0x80000001, /* GUARD_PAGE_VIOLATION */
		0xC000001D, /* ILLEGAL_INSTRUCTION */
		0xC0000006, /* IN_PAGE_ERROR */
		0xC0000026, /* INVALID_DISPOSITION */
		0xC0000094, /* INTEGER_DIVIDE_BY_ZERO */
		0xC0000095, /* INTEGER_OVERFLOW */
		0xC0000025, /* NONCONTINUABLE_EXCEPTION */
		0xC0000096, /* PRIVILEGED_INSTRUCTION */
		0xC00002C9, /* REG_NAT_CONSUMPTION */
		0x80000004, /* SINGLE_STEP */
		0xC00000FD, /* STACK_OVERFLOW */
	};

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (codes[i] == status)
			return true;
	return false;
}

void job_process_gone(struct lsw_process *p)
{
	struct nt_job *j = p->nt_job;
	bool abnormal = p->terminated && exit_abnormal(p->exit_status);

	if (!j)
		return;
	p->nt_job = NULL;
	keep_ended(j, p);
	for (struct nt_job *k = j; k; k = k->parent) {
		if (p->vad.committed > k->peak_process_memory)
			k->peak_process_memory = p->vad.committed;
		job_post(k, abnormal ? JOB_MSG_ABNORMAL_EXIT_PROCESS : JOB_MSG_EXIT_PROCESS,
			 p->win_pid);
	}
	for (struct nt_job *k = j; k; k = k->parent)
		if (!job_active(k))
			job_post(k, JOB_MSG_ACTIVE_PROCESS_ZERO, 0);
}

void job_forget_object(struct process_object *o)
{
	if (!o->job)
		return;
	for (struct process_object **l = &o->job->ended; *l; l = &(*l)->job_next)
		if (*l == o) {
			*l = o->job_next;
			break;
		}
	o->job = NULL;
}

/* The commit of the processes in j. */
static uint64_t job_commit(const struct nt_job *j)
{
	uint64_t total = 0;

	for (struct lsw_process *q = j->host->processes; q; q = q->next)
		if (job_within(j, q->nt_job))
			total += q->vad.committed;
	return total;
}

bool job_can_commit(const struct lsw_process *p, uint64_t bytes)
{
	for (struct nt_job *j = p->nt_job; j; j = j->parent) {
		if ((j->limit_flags & JOB_LIMIT_PROCESS_MEMORY) &&
		    p->vad.committed + bytes > j->process_memory_limit) {
			job_post(j, JOB_MSG_PROCESS_MEMORY_LIMIT, p->win_pid);
			return false;
		}
		if ((j->limit_flags & JOB_LIMIT_JOB_MEMORY) &&
		    job_commit(j) + bytes > j->job_memory_limit) {
			job_post(j, JOB_MSG_JOB_MEMORY_LIMIT, p->win_pid);
			return false;
		}
	}
	return true;
}
