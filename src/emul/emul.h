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

typedef uint32_t NTSTATUS;
#define NT_MAX_ARGS 17
/* Returned by a handler that will answer later with nt_complete(). */
#define NT_DEFERRED 0xFFFFFFFFu
#define NT_ROW_NOT_A_CALL (-2)

struct lsw_process;
struct lsw_thread;
struct nt_object;
struct reg_hive;

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

/* What one run may use (--memory, --pids, --cpus).  The supervisor refuses
 * past them the Windows way (tracer/resource_limits.c sets the kernel's wall just
 * above, for what goes around the supervisor). */
struct lsw_limits {
	uint64_t commit;             /* bytes of committed memory */
	unsigned threads;            /* threads alive at once */
	unsigned cpus_milli;         /* CPU time in thousandths of a CPU; 0: all */
	bool report;                 /* say which wall was applied (an option asked) */
};

struct lsw_config {
	const char *exe_host_path;   /* the .exe as given */
	char *const *argv;           /* program arguments after the .exe */
	int argc;
	const char *prefix;          /* the LSW prefix directory */
	const char *runtime_path;    /* lsw-runtime ELF */
	const char *dll_dir;         /* where our ntdll.dll etc. live */
	bool debug;                  /* log unimplemented calls, startup */
	bool netns;                  /* run in an empty network namespace */
	struct lsw_mapping maps[LSW_MAX_MAPPINGS];
	unsigned nmaps;
	bool no_cwd;                 /* neither the current nor the program's
				      * directory is visible, only maps[] */
	struct reg_hive *hive_machine; /* the prefix's registry (NULL: none) */
	struct reg_hive *hive_user;
	const char *start_dir;       /* the program's starting current directory
				      * (DOS path) if not the host's, e.g. with
				      * no_cwd: C:\Users\<user> */
	struct lsw_limits limits;
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
	unsigned nops;
	bool ops_overflow;           /* an op did not fit: the call cannot answer */
	struct lsw_op ops[LSW_MAX_OPS];
	int addfd;                   /* fd to inject with the reply, or -1 */
	/* A deferred call's pending work (a wait, a lock, a read...): how to
	 * drop it unanswered when the call ends some other way (the thread is
	 * terminated, a user APC); set by the handler that deferred. */
	void (*cancel)(struct lsw_thread *t, void *arg);
	void *cancel_arg;
};

struct lsw_thread {
	struct lsw_process *process;
	pid_t tid;                   /* Linux tid: the notifier's pid field
				      * (0 until a new thread says hello) */
	uint32_t win_tid;
	uint64_t block;              /* runtime thread block address */
	uint64_t teb;
	struct nt_call call;         /* the call being served (one per thread) */
	bool busy;
	int cont_state;              /* continuation of a multi-phase call */
	/* threads after the first (thread.c) */
	struct lsw_thread *next;     /* the process's threads, newest first */
	uint64_t start, start_arg;   /* the Windows start routine and argument */
	uint64_t stack_base, stack_size;
	bool started;                /* its hello was answered */
	uint32_t suspend_count;      /* NtSuspendThread - NtResumeThread (and
				      * 1 when created suspended) */
	bool interrupt_sent;         /* LSW_INTERRUPT_SIGNAL on its way */
	bool stopped;                /* waits in LSW_REQ_INTERRUPT */
	struct apc *apc_first, *apc_last; /* user APCs queued (apc.c) */
	bool alertable;              /* in an alertable wait */
	bool apc_due;                /* interrupted to run its APCs */
	bool context_set;            /* NtSetContextThread while stopped */
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
	uint64_t create_time, exit_time; /* FILETIMEs */
	uint16_t *name;              /* ThreadNameInformation, malloc'd */
	uint16_t name_len;           /* bytes */
	void *object;                /* its thread object (thread.c), NULL once freed */
};

/* The supervisor's view of the address space (see memory.c). */
struct vad;
struct vad_map {
	struct vad *v;
	size_t n, cap;
	uint64_t committed;          /* private committed bytes: the commit charge */
};

struct handle_entry {
	struct nt_object *obj;
	uint32_t access;
	uint32_t flags;              /* HANDLE_FLAG_INHERIT 1, _PROTECT_FROM_CLOSE 2 */
};

struct handle_table {
	struct handle_entry *e;      /* index = handle / 4 - 1 */
	size_t n;
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
	uint64_t default_stack;      /* the image's stack reserve */
};

struct lsw_process {
	const struct lsw_config *cfg;
	pid_t pid;
	int notify_fd;
	uint32_t win_pid;
	struct lsw_thread main_thread;
	struct lsw_thread *threads;  /* every thread, main_thread last */
	uint32_t live_threads;       /* created and not ended */
	uint32_t threads_charged;    /* created and not ended (limits.threads) */
	struct handle_table handles;
	struct vad_map vad;
	uint64_t peb, image_base, ntdll_base, params;
	struct process_start start;
	struct image_record images[MAX_IMAGES];
	unsigned nimages;
	int pidfd;
	bool reaped;                 /* waited for: pid may name another process */
	bool forbidden;              /* ended for breaking a sandbox rule */
	bool leader_parked;          /* the first thread ended, its Linux thread
				      * waits unanswered until the process ends */
	uint64_t gate_ip;            /* where the runtime's gate calls come from */
	uint64_t handles_std[3];
	char **env;                  /* NAME=value, the Windows environment */
	bool terminated;
	uint32_t exit_status;
	uint64_t ki_exception;       /* ntdll!KiUserExceptionDispatcher, 0 if missing */
	uint64_t ki_apc;             /* ntdll!KiUserApcDispatcher, 0 if missing */
	char last_stub[LSW_STUB_NAME_MAX + 1]; /* "dll!Function", the last stub called */
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

/* ops the reply carries (gate.h) */
struct lsw_op *nt_add_op(struct nt_call *c, unsigned code);

/* process.c */
NTSTATUS process_hello(struct lsw_thread *t, uint64_t block, uint64_t sp);
NTSTATUS process_continue(struct lsw_thread *t);
void process_fault(struct lsw_thread *t);
void process_terminate(struct lsw_process *p, uint32_t status);
/* The process broke a rule the filter alone cannot check: it ends, as for
 * a forbidden system call (lsw exits 159), saying what it did. */
void process_forbid(struct lsw_process *p, const char *what);
/* Reserves and commits size bytes of read-write memory (an op maps it). */
uint64_t process_alloc_private(struct nt_call *c, uint64_t size, uint32_t protect);
void process_note_image(struct lsw_process *p, const char *name, uint64_t base, uint64_t size);
void process_forget_image(struct lsw_process *p, uint64_t base);
/* "ntdll.dll+0x1234" for an address, into buf. */
const char *process_symbolize(struct lsw_process *p, uint64_t addr, char *buf, size_t len);

/* tracee memory (tracer/tracee_mem.c): 0 or -1 (STATUS_ACCESS_VIOLATION) */
int tracee_read(struct lsw_thread *t, uint64_t addr, void *buf, size_t len);
int tracee_write(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len);
int tracee_write2(struct lsw_thread *t, uint64_t a1, const void *b1, size_t l1,
		  uint64_t a2, const void *b2, size_t l2);
/* Tracing: remember this call's small reads and writes (tracee_mem.c). */
extern bool tracee_memo_on;
void tracee_memo_reset(void);
NTSTATUS tracee_read_ustring(struct lsw_thread *t, uint64_t us_addr,
			     uint16_t **out, size_t *nchars);
NTSTATUS tracee_write_iosb(struct lsw_thread *t, uint64_t iosb,
			   NTSTATUS status, uint64_t info);

/* logging */
void lsw_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern bool lsw_debug;
/* Every served call with its status on stderr (LSW_DEBUG=calls), until
 * lsw trace exists. */
extern bool lsw_debug_calls;

#endif
