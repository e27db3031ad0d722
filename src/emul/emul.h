/*
 * The NT kernel as the supervisor plays it: processes, threads, handles,
 * memory.  One single-threaded event loop drives everything (tracer/loop.c);
 * a handler either answers its call at once or defers it and answers later,
 * so nothing here ever blocks.
 */
#ifndef LSW_EMUL_H
#define LSW_EMUL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <lsw/gate.h>
#include <lsw/lswcall.h>
#include <lsw/ntstatus.h>
#include "emul/system/qpc.h"
#include "tracer/loop.h"
#include "tracer/resource_limits.h"

typedef uint32_t NTSTATUS;
#define NT_MAX_ARGS 17
/* Returned by a handler that will answer later with nt_complete(). */
#define NT_DEFERRED 0xFFFFFFFFu
/* Returned by a wait of a call that must not block (nt_call.no_block):
 * it would have, and changed nothing. */
#define NT_WOULD_BLOCK 0xFFFFFFFEu
#define NT_ROW_NOT_A_CALL (-2)

struct lsw_host;
struct lsw_job;
struct lsw_process;
struct lsw_thread;
struct nt_job;
struct nt_object;
struct nt_observer;
struct quota_block;
struct reg_hive;
struct socket_netns;

/* A host directory the program may see (--map): on drive letter 'A'..'Z',
 * or (letter 0) at its own path under Z:. */
#define LSW_MAX_MAPPINGS 16
struct lsw_mapping {
	char letter;                 /* 'A'..'Z' except C and Z, or 0 for Z:\path */
	const char *host_dir;        /* absolute, links resolved */
	const char *named_dir;       /* as the user gave it (may lead through
				      * links), or NULL: Z: knows it by that
				      * name too */
	bool read_only;
};

/* What a host serves from: the prefix (its drive C: and its registry) and
 * lsw's own parts.  The strings outlive the host. */
struct lsw_host_config {
	const char *prefix;          /* the LSW prefix directory */
	const char *runtime_path;    /* lsw-runtime ELF */
	const char *dll_dir;         /* where our ntdll.dll etc. live */
	struct reg_hive *hive_machine; /* the prefix's registry (NULL: none) */
	struct reg_hive *hive_user;
	char **logon_env;            /* the user's environment as logon made it:
				      * HKCU\Volatile Environment's values */
	bool debug;                  /* log unimplemented calls, startup */
	bool stderr_blocking;        /* a trace writes to stderr: its lines
				      * wait for the reader */
};

/* One `lsw run`: the sandbox its processes share.  The strings outlive
 * the job. */
struct lsw_job_spec {
	struct lsw_mapping maps[LSW_MAX_MAPPINGS];
	unsigned nmaps;
	bool no_cwd;                 /* neither the current nor the program's
				      * directory is visible, only maps[] */
	const char *program;         /* the .exe the run is for: its directory is
				      * visible read-only (unless no_cwd) */
	bool netns;                  /* run in an empty network namespace */
	/* the terminal behind CONIN$ and CONOUT$ (a host fd, lsw's
	 * /dev/tty); without one a process's stdin and stdout stand in */
	bool has_console;
	int console_fd;
	struct lsw_limits limits;
	unsigned timeout_sec;        /* 0: none */
	/* who watches its processes' calls (lsw trace; emul/observer.h),
	 * and the argument of its hooks; NULL: nobody */
	const struct nt_observer *observer;
	void *observer_arg;
};

/* What STARTUPINFO said of the window beyond its flags, as the process
 * parameters carry it: StartingX, StartingY, CountX, CountY, CountCharsX,
 * CountCharsY, FillAttribute (offsets 0x88..0xA0), WindowTitle (NULL: the
 * image path) and DesktopInfo (NULL: empty), UTF-8. */
struct lsw_window_look {
	uint32_t place[7];
	char *title;
	char *desktop;
};

/* A process to start.  The strings are copied. */
struct lsw_process_spec {
	struct lsw_job *job;
	const char *image;           /* the .exe, a host path */
	char *const *argv;           /* its arguments after the image */
	int argc;
	char *const *env;            /* NAME=value, the Windows environment */
	const char *current_dir;     /* DOS path; NULL: the host's current
				      * directory as the job's drives show it */
	int std_fds[3];              /* host fds behind its standard handles */
	/* A child (NtCreateUserProcess): its parent, the command line as
	 * given (argv is then unused), its standard handles already in its
	 * table (std_fds unused), and the rest of its parameters. */
	uint32_t parent_pid;         /* 0: started by lsw itself */
	const char *command_line;    /* UTF-8, or NULL: argv quoted */
	const char *image_dos;       /* the image's DOS path as the parent named
				      * it, or NULL: from image */
	bool std_given;
	uint64_t std_handles[3];
	uint32_t window_flags;       /* STARTF_* */
	uint16_t show_window;
	struct lsw_window_look look;
	const uint8_t *runtime_data; /* the C runtime's inherited fd table */
	uint16_t runtime_len;
	uint32_t console_flags;      /* ConsoleFlags@0x18 */
	uint32_t console_group;      /* 0: a group of its own */
};

/* One NT system call in flight. */
struct nt_call {
	struct lsw_thread *thread;
	uint64_t notif_id;
	uint32_t number;             /* eax as the caller set it */
	int row;                     /* index into the call table, -1 if the
				      * number is unknown, NT_ROW_NOT_A_CALL for
				      * the runtime's own requests (hello...) */
	uint64_t args[NT_MAX_ARGS];
	uint64_t rsp;                /* 0 for DIRECT calls (no stack arguments) */
	uint64_t rip;                /* the caller's syscall address, if known */
	bool direct;                 /* notified straight from the syscall */
	bool fast;                   /* taken from the block (fast_channel.c):
				      * also direct, answered through the block */
	/* a fast call's outputs the runtime stores (fast_channel_reports;
	 * not traced: an observer reads outputs in place when the call ends) */
	bool out_by_runtime;
	/* a fast call: a wait that would block returns NT_WOULD_BLOCK, and
	 * the runtime makes the call again through the syscall */
	bool no_block;
	/* the wait given up (call_restart_wait) made again: to the program
	 * one call, which observers continue rather than begin */
	bool retry;
	unsigned nout;
	struct { uint64_t addr, value; } out[LSW_FAST_MAX_OUT];
	uint32_t oa_attributes;      /* OBJ_* of the last OBJECT_ATTRIBUTES it
				      * read: a new handle is inheritable with
				      * OBJ_INHERIT (handle_alloc_call) */
	uint64_t oa_security;        /* and its SecurityDescriptor (0: none),
				      * which the object made takes
				      * (security/object_security.c) */
	unsigned nops;
	bool ops_overflow;           /* an op did not fit: the call cannot answer */
	struct lsw_op ops[LSW_MAX_OPS];
	int addfd;                   /* fd to inject with the reply, or -1 */
	/* A deferred call's pending work (a wait, a lock, a read...): how to
	 * drop it unanswered when the call ends some other way (the thread is
	 * terminated, a user APC); set by the handler that deferred. */
	void (*cancel)(struct lsw_thread *t, void *arg);
	void *cancel_arg;
	/* The deferred call is a synchronous I/O (nt_defer_sync_io): an APC
	 * (on an alertable handle) or NtCancelSynchronousIoFile ends it with
	 * STATUS_CANCELLED.  Cleared by nt_defer. */
	bool sync_io, sync_io_alertable;
	uint64_t sync_io_iosb;
};

struct lsw_thread {
	struct lsw_process *process;
	pid_t tid;                   /* Linux tid: the notifier's pid field
				      * (0 until a new thread says hello) */
	uint32_t win_tid;
	uint64_t block;              /* runtime thread block address */
	void *block_map;             /* its data, shared (process/thread_block.h) */
	bool block_map_live;         /* the runtime has mapped it over the block */
	uint64_t teb;
	uint64_t *released;          /* bases of ranges its last answer unmaps,
				      * held meanwhile (memory/memory_release.c) */
	uint32_t nreleased, released_cap;
	struct nt_call call;         /* the call being served (one per thread) */
	bool busy;
	int cont_state;              /* continuation of a multi-phase call */
	struct file_direct_io *direct_io; /* a read or write the runtime is
				      * doing for its last call (io/file_direct.c) */
	/* threads after the first (thread.c) */
	struct lsw_thread *next;     /* the process's threads, newest first */
	uint64_t start, start_arg;   /* the Windows start routine and argument */
	uint64_t stack_base, stack_size;
	uint64_t stack_commit;       /* committed at its creation (the top) */
	bool started;                /* its hello was answered */
	bool start_jump_pending;     /* the hello's jump may not be done yet */
	bool called;                 /* it made an NT call: its start's ops, run
				      * outside a signal handler, are done */
	bool at_start;               /* its block holds its initial context,
				      * not yet entered (thread_start.c) */
	struct lsw_regs start_regs;  /* where the start's jump goes */
	uint32_t suspend_count;      /* NtSuspendThread - NtResumeThread (and
				      * 1 when created suspended) */
	bool interrupt_sent;         /* LSW_INTERRUPT_SIGNAL on its way */
	/* the fast channel found it on the supervisor's own CPU, or polled it
	 * for a window in which it posted nothing: the next fast_skip calls
	 * do not make it hot again (fast_channel.c) */
	unsigned fast_skip, fast_backoff;
	bool fast_taken;             /* a call of it was taken since it was made hot */
	bool fast_proven;            /* ... since it started or last missed a window */
	bool fast_declined;          /* the channel handed its call back */
	uint64_t fast_syscall_ns;    /* its last such call answered through the
				      * syscall (0: none yet) */
	uint64_t fast_answer_ns;     /* its last such call answered, either way */
	bool fast_missed;            /* its last window passed without a call */
	uint64_t fast_reach_ns;      /* how long to poll it when unproven: it came
				      * late after a missed window (0: no) */
	struct fast_counts {         /* --debug: what the channel did for it */
		uint32_t taken, by_syscall, apart, missed, late, here, withdrawn;
	} fast_counts;
	bool stopped;                /* waits in LSW_REQ_INTERRUPT */
	struct apc *apc_first, *apc_last; /* user APCs queued (apc.c) */
	bool alertable;              /* in an alertable wait */
	/* a relative timeout runs from the first try of a wait given up to
	 * be made again (console_ctrl.c): loop_now_ns ends, 0 for none */
	uint64_t wait_deadline;      /* of its current wait (sync/wait.c) */
	uint64_t restart_deadline;   /* of the wait given up, for its retry */
	uint32_t restart_number;     /* that wait's call number */
	bool restart_pending;        /* given up: its next call is the retry */
	bool id_alerted;             /* NtAlertThreadByThreadId pending */
	bool id_waiting;             /* in NtWaitForAlertByThreadId */
	uint64_t id_alert_timer;     /* that wait's timeout, 0: none */
	bool apc_due;                /* interrupted to run its APCs */
	bool context_set;            /* NtSetContextThread while stopped */
	bool call_restart;           /* stopped at the syscall instruction of
				      * a wait given up for a context call: it
				      * is made again (thread_context.c) */
	struct lsw_regs call_view;   /* the registers a context call set while
				      * it was in that call, as shown until it
				      * returns (thread_context.c) */
	bool passing;                /* its interrupt, not suspended, serves
				      * the context calls waiting for it */
	/* Get/SetContextThread calls waiting for this thread's suspension to
	 * land, and, in a waiting caller, its place (thread_context.c) */
	struct lsw_thread *context_waiters, *context_wait_next, *context_target;
	NTSTATUS (*context_retry)(struct nt_call *c);
	bool terminating;            /* NtTerminateThread by another thread */
	bool held;                   /* an answer waits for the resume */
	NTSTATUS held_status;
	bool exited;
	uint32_t exit_status;        /* STILL_ACTIVE (259) until it ends */
	uint64_t clone_block;        /* the block of the thread its answer asked
				      * to clone (LSW_OP_CLONE), 0: none */
	int exit_fd;                 /* pidfd of its Linux thread (not the
				      * first thread's), -1: none */
	int32_t priority;            /* THREAD_PRIORITY_*: NtSetInformationThread */
	uint64_t affinity;           /* 0: all processors */
	uint32_t ideal_processor;    /* ThreadIdealProcessor: remembered only */
	uint64_t create_time, exit_time; /* FILETIMEs */
	uint64_t serial;             /* creation order in its process (0: the
				      * first): the threads list reorders */
	uint16_t *name;              /* ThreadNameInformation, malloc'd */
	uint16_t name_len;           /* bytes */
	void *object;                /* its thread object (thread.c), NULL once freed */
	struct mutant *mutants;      /* the mutants it owns (mutant.c) */
	struct io_queue *iocp;       /* the completion port it removes from, and */
	bool iocp_active;            /* whether that port counts it as running
				      * (io/io_completion_remove.c) */
	/* a call on another process's memory (memory/remote.c): the process
	 * it waits for or whose service thread runs its ops, its place in
	 * that process's queue, how it runs again, and its answer once the
	 * ops are done */
	struct lsw_process *remote_target;
	struct lsw_thread *remote_next;
	NTSTATUS (*remote_retry)(struct nt_call *c);
	NTSTATUS remote_status;
	struct tracee_memo *memo;    /* its call's small reads and writes, kept
				      * while it is traced (user_memory.c) */
	void *observer_state;        /* what the job's observer keeps for it */
	struct debug_event *debug_event; /* the event it reported and waits to be
				      * continued on (process/debug.h): its
				      * answer is held until then */
	bool frozen;                 /* stopped while its process's debug event
				      * is out: one of its suspend_count */
	bool debug_told;             /* its debugger knows it (a create event was
				      * posted, no exit event yet): only such a
				      * thread's events are reported */
	struct nt_object *token;     /* its impersonation token, NULL: none
				      * (security/token_thread.c) */
	struct hw_breakpoints *hwbp; /* its debug registers, NULL: all zero
				      * (process/hw_breakpoint.c) */
	bool hidden_from_debugger;   /* ThreadHideFromDebugger (thread_info.c) */
	bool boost_disabled;         /* ThreadPriorityBoost (thread_info.c) */
};

/* The supervisor's view of the address space (see memory.c). */
struct vad;
struct vad_map {
	struct vad *v;
	size_t n, cap;
	uint64_t committed;          /* private committed bytes: the commit charge */
	struct quota_block *quota;   /* its process's: each range is charged */
	unsigned watched;            /* allocations with MEM_WRITE_WATCH */
};

struct handle_entry {
	struct nt_object *obj;
	uint32_t access;
	uint32_t flags;              /* HANDLE_FLAG_INHERIT 1, _PROTECT_FROM_CLOSE 2 */
};

struct handle_table {
	struct handle_entry *e;      /* index = handle / 4 - 1 */
	size_t n;
	uint32_t used;               /* open handles */
	uint32_t free_head;          /* index + 1 of the last freed entry, 0:
				      * none; a free entry's access links on */
};

struct image_record {
	char name[64];
	uint64_t base, size;
};

#define MAX_IMAGES 128

/* Where process start put things (process.c), between its two phases. */
struct process_start {
	uint64_t peb, teb, params, params_size, stack_base, stack_size;
	uint64_t entry_ldr;
	uint64_t entry_thread;       /* ntdll!RtlUserThreadStart, 0 if missing */
	uint64_t image_entry;        /* the image's entry point, 0: none */
	uint64_t default_stack;      /* the image's stack reserve */
	uint32_t params_flags;       /* RTL_USER_PROC_* found at creation */
	uint64_t default_commit;     /* and commit */
	uint64_t stack_commit;       /* the first thread's */
};

#define CTRL_QUEUE_MAX 8

struct lsw_process {
	struct lsw_host *host;
	struct lsw_job *job;
	struct lsw_process *next;    /* the host's process table */
	/* what it was started with (process_new copies the spec) */
	char *image_path;            /* the .exe, a host path */
	char **argv;                 /* the arguments after it */
	int argc;
	char **env;                  /* NAME=value, the Windows environment */
	char *current_dir;           /* DOS path, or NULL: the host's */
	int std_fds[3];
	uint32_t parent_pid;         /* 0: started by lsw itself */
	char *command_line;          /* NULL: argv quoted */
	char *image_dos;             /* NULL: the job's view of image_path */
	char *image_view_dos;        /* that view, made once (process_image_view_dos) */
	bool std_given;              /* handles_std came with the spec */
	uint32_t window_flags;
	uint16_t show_window;
	struct lsw_window_look look; /* its strings malloc'd */
	uint8_t *runtime_data;
	uint16_t runtime_len;
	void *object;                /* its process object (process_object.c) */
	uint64_t create_time;        /* FILETIME */
	pid_t pid;
	int notify_fd;
	bool fast_sync_off;          /* its listener's synchronous wake-up is
				      * off: a thread of it is polled */
	uint32_t win_pid;
	struct lsw_thread main_thread;
	struct lsw_thread *threads;  /* every thread; the one found last first
				      * (host/thread_ids.c) */
	uint64_t affinity;           /* ProcessAffinityMask, 0: all processors */
	uint8_t priority_class;      /* PROCESS_PRIOCLASS_*, 0: normal (never set) */
	uint64_t threads_made;       /* serial of the newest thread */
	struct spare_block {         /* runtime blocks ended threads left, for */
		uint64_t addr;       /* new ones (thread.c), with their */
		void *map;           /* shared mapping, if any */
	} *spare_blocks;
	size_t nspare_blocks, capspare_blocks;
	uint32_t live_threads;       /* created and not ended */
	uint32_t threads_charged;    /* created and not ended (limits.threads) */
	struct handle_table handles;
	struct quota_block *quota;   /* its pool quota (process/quota.h) */
	struct vad_map vad;
	uint64_t peb, image_base, ntdll_base, params;
	struct process_start start;
	struct image_record images[MAX_IMAGES];
	unsigned nimages;
	int pidfd;
	struct vad_seed *vad_seed;   /* its runtime's ranges, read ahead (a
				      * pre-started one), for its hello; NULL */
	/* fds one-copy I/O left in the program for the next one on the same
	 * file (io/file_direct.c); file is only compared, never followed */
	struct direct_fd { const void *file; int rfd; } direct_fds[8];
	unsigned direct_fd_next;
	/* its start (host/process_start.c): the socket the runtime hands its
	 * listener over on (-1: over), the deadline's timer, a failure said */
	int setup_fd;
	uint64_t setup_timer;
	bool setup_failed;
	bool reaped;                 /* waited for: pid may name another process */
	uint64_t end_user_100ns;     /* its CPU times, from its reap (wait4) */
	uint64_t end_kernel_100ns;
	bool forbidden;              /* ended for breaking a sandbox rule */
	bool leader_parked;          /* the first thread ended, its Linux thread
				      * waits unanswered until the process ends */
	uint64_t gate_ip;            /* where the runtime's gate calls come from */
	uint64_t handles_std[3];
	bool terminated;
	uint32_t exit_status;
	uint32_t timer_resolution;   /* NtSetTimerResolution's request, 0: none */
	uint64_t ki_exception;       /* ntdll!KiUserExceptionDispatcher, 0 if missing */
	uint64_t ki_apc;             /* ntdll!KiUserApcDispatcher, 0 if missing */
	char last_stub[LSW_STUB_NAME_MAX + 1]; /* "dll!Function", the last stub called */
	struct stub_seen *stubs_seen; /* the stubs --debug named (stub_call.c) */
	struct keyed_event *keyed_event; /* the one handle NULL names (keyed_event.c) */
	struct nt_job *nt_job;       /* the job object it is in (process/job.c), or NULL */
	struct nt_object *token;     /* its primary token (security/token.c), NULL:
				      * the user's, made when first used */
	/* console control events (console_ctrl.c) */
	uint64_t ctrl_routine;       /* kernel32!CtrlRoutine, 0: not known yet */
	uint32_t console_group;      /* its process group (a leader's pid) */
	uint32_t console_flags;      /* ConsoleFlags: bit 0, Ctrl-C ignored */
	uint32_t ctrl_queue[CTRL_QUEUE_MAX]; /* events waiting for a thread */
	unsigned ctrl_count;
	uint64_t close_deadline;     /* a console close: ended then (loop_now_ns),
				      * 0: none */
	struct debug_object *debug;  /* the port it reports to (process/debug.h), NULL:
				      * not debugged; the object clears it */
	bool debug_no_inherit;       /* its children do not inherit the port */
	bool debug_exit_told;        /* its EXIT_PROCESS event was reported */
	unsigned debug_stops;        /* its events that stop a thread, not yet
				      * continued: its other threads are frozen */
	/* the runtime's service thread, which carries out the op lists of
	 * other processes' calls on this one's memory (memory/remote.c);
	 * made on first use, NULL until then */
	struct lsw_thread *service;
	bool service_wanted;         /* asked for and not parked yet */
	uint64_t service_due;        /* made then anyway (loop_now_ns), 0: no */
	bool service_failed;         /* it could not be made: such calls fail */
	bool service_parked;         /* it waits in the supervisor for work */
	struct lsw_thread *service_client; /* whose ops it runs, NULL: none */
	struct lsw_thread *remote_waiters; /* calls waiting for it, oldest first */
	bool space_ready;            /* its start mapped and wrote its images,
				      * PEB, TEB and parameters */
};

/* The ids processes and threads are known by (ClientId): multiples of 4,
 * one space for both kinds, none given twice while in use. */
struct client_ids {
	uint64_t *used;              /* bit n: id 4 * n is taken */
	uint32_t nbits;
	uint32_t next;               /* where the search for a free id starts */
};

/* What every file of the host shares: share modes and byte-range locks
 * hold across handles and processes. */
struct host_files {
	struct file_object *live;    /* every file object (file.c) */
	struct open_file *opens;     /* share modes (share.c) */
	size_t nopens, capopens;
	struct byte_lock *locks;     /* byte-range locks (file_lock.c) */
	size_t nlocks, caplocks;
	struct lock_waiter *lock_waiters;
	size_t dir_entries;          /* directory listings held (file_dir.c) */
	struct dir_notify *notifies; /* directory change watches (dir_notify.c) */
	struct mailslot *mailslots;  /* by name (mailslot.c) */
	size_t mailslot_bytes;       /* held in all their messages */
};

/* The registry of the host's prefix (registry.c, registry_session.c). */
struct host_registry {
	struct reg_hive *machine, *user;
	struct key_watch *watches;   /* NtNotifyChangeKey (registry_notify.c) */
	unsigned nwatches;
	bool flush_pending;
};

/* KUSER_SHARED_DATA, the one page every process maps (kuser.c). */
struct kuser_page {
	int fd;
	volatile uint8_t *page;
	struct loop *loop;
	uint64_t last_update;        /* interrupt time of the last refresh */
	uint64_t system_time;        /* the SystemTime it wrote then */
	uint64_t tick_timer;         /* the next refresh's timer, 0: stopped */
	unsigned processes;          /* the records that may read the page */
	struct qpc_clock qpc;        /* the performance counter it publishes */
};

/*
 * One supervisor: the loop, the processes and what they share, as one
 * Windows machine has them: ids, the object namespace, the registry,
 * files' share modes and locks, KUSER_SHARED_DATA.  Nothing of it is a
 * file-level static, so one lsw process may hold several.
 */
#define FAST_HOT_MAX 16          /* threads whose blocks are polled at once */

struct lsw_host {
	struct lsw_host_config cfg;
	struct loop loop;
	struct lsw_process *processes; /* the process table */
	struct lsw_job *jobs;
	struct client_ids ids;
	/* objects of reaped processes that handles still name: they hold
	 * their ids (process_object.c) */
	struct process_object *ended_processes;
	struct object_namespace *names; /* the object namespace (object_dir.c) */
	struct np_pipe *named_pipes; /* \Device\NamedPipe (io/pipe_named.c) */
	struct atom_table *atoms;    /* the global atom table (system/atom.c) */
	struct host_registry registry;
	struct host_files files;
	struct kuser_page kuser;
	uint64_t volume_key[2];      /* the prefix's (volume_ids.c) */
	int signal_fd;
	/* Starts a process of spec's job (the host's, set by host_init):
	 * its record, whose runtime launches while the loop goes on; NULL
	 * after printing why.  The NT kernel starts children through it. */
	struct lsw_process *(*start_process)(struct lsw_host *h,
					     const struct lsw_process_spec *spec);
	/* lswhost (host/daemon*.c) serves many clients: it hears of each
	 * job's end, and before a job's work is served it makes the job's
	 * context current (the client's stderr, current directory).  NULL in
	 * lsw run's own host. */
	void (*job_over)(struct lsw_job *j);
	void (*enter_job)(struct lsw_job *j);
	/* lswhost: process p was just told to end (process_terminate): its
	 * exit status may be known before its runtime is gone.  NULL: not
	 * needed. */
	void (*process_ending)(struct lsw_process *p);
	struct lsw_job *current_job;
	void *owner;                 /* the daemon */
	struct runtime_pool *pool;   /* pre-started runtimes (lswhost); NULL */
	/* the fast channel (process/fast_channel.c, host/fastcall.c): the
	 * runtime's entry (0: off), the threads whose blocks are polled, and
	 * how long polling goes on after the last call taken */
	uint64_t fast_entry;
	struct lsw_thread *fast_hot[FAST_HOT_MAX];
	unsigned fast_nhot;
	uint64_t fast_last_ns, fast_window_ns;
	uint64_t fast_answered_ns;   /* the last answer of such a call */
	uint64_t fast_gap_ns;        /* recent time from an answer to a call */
	unsigned fast_cpu;           /* ours + 1, as the polled blocks say */
	struct fast_stats {          /* --debug: what the channel did */
		uint64_t taken, by_syscall, cools, here, missed, withdrawn, wakes, slices, spin_ns;
		uint64_t apart;      /* calls that came too far apart to be polled for */
	} fast_stats;
};

/* One `lsw run`: the sandbox view (drives), limits and timeout its
 * processes share, and who watches them (lsw trace). */
struct lsw_job {
	struct lsw_host *host;
	struct lsw_job *next;        /* the host's jobs */
	struct lsw_job_spec spec;
	struct path_view *view;      /* its drives (path.c) */
	struct object_dir *device_map; /* what "\??" names for it (object_devmap.c) */
	struct limits_wall wall;     /* the kernel's wall (tracer/resource_limits.c) */
	unsigned nprocesses;         /* started and not yet reaped */
	uint32_t first_pid;          /* the process the job started with: its
				      * exit is the job's */
	int exit_code;               /* lsw's exit status for it */
	bool started;                /* a process of it ran: its end is told */
	bool timed_out;
	uint64_t timeout_timer;
	void *client;                /* lswhost's connection that asked for it */
	uint64_t created_ns;         /* loop clock: --debug's start timeline */
	struct socket_netns *netns;  /* its network, made at its first socket (net/socket_netns.c) */
};

/* dispatch.c */
void nt_dispatch(struct lsw_thread *t);
/* stub_call.c: LSW_CALL_FIRST..LSW_CALL_LAST, our DLLs' private calls */
NTSTATUS lsw_private_call(struct nt_call *c);
void nt_answer(struct lsw_thread *t, NTSTATUS status);
/* Drops t's deferred call unanswered (its pending work goes). */
void nt_cancel(struct lsw_thread *t);
/* A handler about to return NT_DEFERRED says how to drop its work. */
void nt_defer(struct nt_call *c, void (*cancel)(struct lsw_thread *t, void *arg), void *arg);
/* After nt_defer: the call is a synchronous I/O with that IO_STATUS_BLOCK,
 * on a handle opened FILE_SYNCHRONOUS_IO_ALERT when alertable. */
void nt_defer_sync_io(struct nt_call *c, uint64_t iosb, bool alertable);
/* Ends t's deferred synchronous I/O (the one with IO_STATUS_BLOCK iosb,
 * any when 0) with STATUS_CANCELLED; for an APC, only an alertable one.
 * False when t waits in no such I/O. */
bool nt_cancel_sync_io(struct lsw_thread *t, uint64_t iosb, bool for_apc);

/* ops the reply carries (gate.h) */
struct lsw_op *nt_add_op(struct nt_call *c, unsigned code);

/* The loop of the host t's process belongs to. */
static inline struct loop *thread_loop(const struct lsw_thread *t)
{
	return &t->process->host->loop;
}

/* process_record.c: a new process of spec's job in h's table, with its
 * ids and first thread (not started: the host launches it); NULL when out
 * of memory or ids.  process_free drops everything it holds. */
struct lsw_process *process_new(struct lsw_host *h, const struct lsw_process_spec *spec);
void process_free(struct lsw_process *p);
/* client_id.c: an unused id (0: none left), and giving one back. */
uint32_t client_id_alloc(struct client_ids *ids);
void client_id_free(struct client_ids *ids, uint32_t id);
void client_ids_free(struct client_ids *ids);
/* The id a client id given by a program names: Windows looks ids up in a
 * handle table, which ignores the two low (tag) bits, so pid + 1..3 opens
 * the process pid. */
static inline uint64_t client_id_untag(uint64_t id)
{
	return id & ~(uint64_t)3;
}
/* stub_call.c: the process's memory of the stubs --debug named goes. */
void stub_seen_free(struct lsw_process *p);

/* process.c */
NTSTATUS process_hello(struct lsw_thread *t, uint64_t block, uint64_t sp);
NTSTATUS process_continue(struct lsw_thread *t);
void process_fault(struct lsw_thread *t);
void process_terminate(struct lsw_process *p, uint32_t status);
/* The process is gone (waited for, wait_status from waitpid): the job's
 * observer hears how it ended. */
void process_ended(struct lsw_process *p, int wait_status);
/* The process broke a rule the filter alone cannot check: it ends, as for
 * a forbidden system call (lsw exits 159), saying what it did. */
void process_forbid(struct lsw_process *p, const char *what);
/* Reserves and commits size bytes of read-write memory (an op maps it). */
uint64_t process_alloc_private(struct nt_call *c, uint64_t size, uint32_t protect);
/* The same ending below limit (a ZeroBits argument's, vad_zero_bits_limit). */
uint64_t process_alloc_private_below(struct nt_call *c, uint64_t size, uint32_t protect,
				     uint64_t limit);
void process_note_image(struct lsw_process *p, const char *name, uint64_t base, uint64_t size);
void process_forget_image(struct lsw_process *p, uint64_t base);
/* "ntdll.dll+0x1234" for an address, into buf. */
const char *process_symbolize(struct lsw_process *p, uint64_t addr, char *buf, size_t len);

/* user_memory.c: the memory of t's process: 0 or -1 (STATUS_ACCESS_VIOLATION) */
int tracee_read(struct lsw_thread *t, uint64_t addr, void *buf, size_t len);
int tracee_write(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len);
/* A write to buffers an I/O locked as it began (the pages it marked as
 * written then): a later write does not mark them again, as Windows'
 * writes through an MDL do not (write_watch.c). */
int tracee_write_locked(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len);
int tracee_write2(struct lsw_thread *t, uint64_t a1, const void *b1, size_t l1,
		  uint64_t a2, const void *b2, size_t l2);
/* A new part of t's call starts: with on, its small reads and writes are
 * remembered (for the trace's decoders) until the next begin; the memo
 * goes with the thread (tracee_memo_free). */
void tracee_memo_begin(struct lsw_thread *t, bool on);
void tracee_memo_free(struct lsw_thread *t);
NTSTATUS tracee_read_ustring(struct lsw_thread *t, uint64_t us_addr,
			     uint16_t **out, size_t *nchars);
NTSTATUS tracee_write_iosb(struct lsw_thread *t, uint64_t iosb,
			   NTSTATUS status, uint64_t info);

/* logging */
void lsw_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* With --debug, a step of the start or end of process win_pid of job j (0:
 * of the job) and when it came, counted from the job's creation: "lsw:
 * timeline: pid N: what +T us". */
void lsw_timeline(const struct lsw_job *j, uint32_t win_pid, const char *what);
extern bool lsw_debug;
/* Every served call with its status on stderr (LSW_DEBUG=calls), until
 * lsw trace exists. */
extern bool lsw_debug_calls;

#endif
