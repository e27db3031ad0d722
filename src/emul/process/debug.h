/*
 * The NT debug object model: a debug object (the "debug port") is a
 * waitable kernel object that debuggee processes are attached to; their
 * threads report events to it (process and thread creation and exit, DLL
 * loads, exceptions) and stop until the debugger continues them.
 * debug_object.c: the object, attaching and detaching; debug_event.c: the
 * event queue, NtWaitForDebugEvent and NtDebugContinue.
 */
#ifndef LSW_DEBUG_H
#define LSW_DEBUG_H

#include "emul/object/object_names.h"
#include "emul/sync/waitable.h"

#define DEBUG_READ_EVENT 0x1u
#define DEBUG_PROCESS_ASSIGN 0x2u
#define DEBUG_KILL_ON_CLOSE 0x1u
#define DEBUG_ALL_ACCESS 0x1F000Fu

/* DBG_STATE: what a DBGUI_WAIT_STATE_CHANGE reports. */
enum dbg_state {
	DBG_CREATE_THREAD = 2, DBG_CREATE_PROCESS = 3, DBG_EXIT_THREAD = 4,
	DBG_EXIT_PROCESS = 5, DBG_EXCEPTION = 6, DBG_BREAKPOINT = 7, DBG_SINGLE_STEP = 8,
	DBG_LOAD_DLL = 9, DBG_UNLOAD_DLL = 10,
};

#define DBG_STATE_SIZE 0xB8 /* sizeof(DBGUI_WAIT_STATE_CHANGE) on x64 */

struct debug_event;

struct debug_object {
	struct nt_object hdr;
	struct object_name name;
	struct waitable wait;        /* signalled while an event can be fetched */
	struct debug_event *first, *last; /* in report order */
	uint32_t flags;              /* DEBUG_KILL_ON_CLOSE */
	struct lsw_host *host;
};

extern const struct nt_object_ops debug_ops;

/* The port p reports to, NULL: not debugged. */
struct debug_object *debug_port(const struct lsw_process *p);
/* Attaches p to d (NtDebugActiveProcess, a debugged creation). */
NTSTATUS debug_attach(struct lsw_process *p, struct debug_object *d);
/* A new child's port: the debug object handle its creator passed (0:
 * none, then the creator's own port unless that one said no inherit). */
NTSTATUS debug_child_port(struct nt_call *c, struct lsw_process *child, uint64_t handle,
			  bool no_inherit);

/* Reports (debug_event.c).  A thread reporting stops: its current call's
 * answer is held (nt_answer) until the debugger continues the event, or
 * resume(t, continue_status) runs then when given. */
typedef void debug_resume_fn(struct lsw_thread *t, uint32_t continue_status);
/* The first thread is about to run: create process, load ntdll. */
void debug_report_process_start(struct lsw_thread *t);
void debug_report_thread_start(struct lsw_thread *t);
/* An image view mapped (or unmapped) by t's call, at base: its file
 * handle and name are not given (NULL, as the event allows). */
void debug_report_dll(struct lsw_thread *t, uint64_t base);
void debug_report_dll_unload(struct lsw_thread *t, uint64_t base);
/* A thread ended / the process ended: nothing waits for these. */
void debug_report_thread_exit(struct lsw_thread *t, uint32_t status);
void debug_report_process_exit(struct lsw_process *p, uint32_t status);
/* An exception record (EXCEPTION_RECORD64, 0x98 bytes): true when a
 * debugger got it and resume(t, status) will run on its continue; false:
 * no debugger, go on without one. */
bool debug_report_exception(struct lsw_thread *t, const void *record, bool first_chance,
			    bool regs_in_block, debug_resume_fn *resume);
/* t is stopped for its debugger with its user context in its block's
 * registers (a fault, its start): Get/SetContextThread use them. */
bool debug_context_in_block(const struct lsw_thread *t);
/* p was just attached to a running process: what it would have reported
 * so far (create process, its threads, its DLLs), with nothing stopped. */
void debug_report_attach(struct lsw_process *p);
/* p no longer reports to d: its events go, its stopped threads run on. */
void debug_events_drop_process(struct debug_object *d, uint32_t pid);
/* t's suspension ended: an event put off with DBG_REPLY_LATER may come. */
void debug_thread_resumed(struct lsw_thread *t);
/* A thread ends: its pending events go. */
void debug_thread_ended(struct lsw_thread *t);
/* d is going: every event it holds goes, stopped threads run on. */
void debug_events_free(struct debug_object *d);
bool debug_has_ready_event(const struct debug_object *d);
/* d's waiter t takes the first event it can (its call is
 * NtWaitForDebugEvent): written to its buffer. */
void debug_deliver(struct debug_object *d, struct lsw_thread *t);

#endif
