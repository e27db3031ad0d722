/*
 * Named pipes (\Device\NamedPipe\NAME, "\\.\pipe\NAME"), kept by the
 * supervisor: a pipe is a name with its settings and its server
 * instances; an instance joins one server end and at most one client end
 * through two queues of data, one each way.  The data stays in the
 * supervisor, so byte and message modes, peeking and quotas are exact,
 * and no call ever blocks the loop: an I/O that cannot finish is either a
 * deferred call (synchronous handles) or a pending I/O (STATUS_PENDING,
 * completed later through the IO_STATUS_BLOCK, the event, the completion
 * port or the APC).
 *
 * pipe_named.c: names, instances, ends;  pipe_named_io.c: the queues,
 * reads and writes;  pipe_named_op.c: pending I/O and its completion;
 * pipe_named_fsctl.c: listen, disconnect, wait, peek, transceive;
 * pipe_named_info.c: the FilePipe* information classes;
 * pipe_named_client.c: the client's security context (impersonation).
 */
#ifndef LSW_PIPE_NAMED_H
#define LSW_PIPE_NAMED_H

#include "emul/io/file.h"
#include "emul/sync/waitable.h"

#define NP_STATUS_INSTANCE_NOT_AVAILABLE 0xC00000ABu
#define NP_STATUS_PIPE_NOT_AVAILABLE 0xC00000ACu
#define NP_STATUS_INVALID_PIPE_STATE 0xC00000ADu
#define NP_STATUS_PIPE_BUSY 0xC00000AEu
#define NP_STATUS_ILLEGAL_FUNCTION 0xC00000AFu
#define NP_STATUS_PIPE_DISCONNECTED 0xC00000B0u
#define NP_STATUS_PIPE_CLOSING 0xC00000B1u
#define NP_STATUS_PIPE_CONNECTED 0xC00000B2u
#define NP_STATUS_PIPE_LISTENING 0xC00000B3u
#define NP_STATUS_INVALID_READ_MODE 0xC00000B4u
#define NP_STATUS_IO_TIMEOUT 0xC00000B5u
#define NP_STATUS_PIPE_EMPTY 0xC00000D9u
#define NP_STATUS_OBJECT_NAME_INVALID 0xC0000033u

/* FILE_PIPE_*: types, modes, configurations, states, ends */
#define NP_TYPE_MESSAGE 1u
#define NP_READ_MESSAGE 1u
#define NP_COMPLETE_OPERATION 1u      /* PIPE_NOWAIT */
#define NP_INBOUND 0u
#define NP_OUTBOUND 1u
#define NP_DUPLEX 2u
enum np_state { NP_DISCONNECTED = 1, NP_LISTENING = 2, NP_CONNECTED = 3, NP_CLOSING = 4 };

/* Data written and not yet read, one direction of an instance. */
struct np_chunk {
	struct np_chunk *next;
	struct quota_block *quota;   /* the writer's, charged for the chunk */
	uint64_t seq;                /* where it starts in all that was written */
	uint32_t len, off;           /* a message (or a byte write) and how
				      * much of it was read */
	char data[];
};

struct np_queue {
	struct np_chunk *first, *last;
	uint64_t bytes;              /* buffered */
	uint32_t chunks;
	uint64_t written;            /* bytes, since the pipe was made */
};

struct np_io;
struct np_end;
struct token_state;

/* A pipe's security descriptor: one for the pipe and all its instances,
 * which keep it when the pipe's name goes (a client of a closed server
 * still answers with it). */
struct np_security {
	unsigned refs;
	struct object_sd sd;
};

struct np_pipe {
	struct np_pipe *next;        /* the host's pipes */
	struct np_security *security;
	struct lsw_host *host;
	uint16_t *name;              /* after \Device\NamedPipe\ */
	size_t name_len;             /* in characters */
	uint32_t type, config;       /* NP_TYPE_*, NP_INBOUND.. */
	uint32_t max_instances, instances;
	uint32_t in_quota, out_quota;
	int64_t default_timeout;     /* 100 ns units, negative: relative */
	struct np_instance *first;   /* its server instances */
	struct np_io *waiters;       /* FSCTL_PIPE_WAIT callers */
	uint64_t listens;            /* instances that began listening, ever */
};

struct np_instance {
	struct np_pipe *pipe;        /* NULL once its server end closed */
	struct np_instance *next;
	enum np_state state;
	uint32_t type, config, in_quota, out_quota; /* the pipe's, kept */
	uint32_t max_instances;      /* the pipe's, kept after its server went */
	struct np_end *server, *client;
	uint64_t listen_seq;         /* when it began listening: a client
				      * joins the instance listening longest */
	struct np_queue to_server, to_client;
	struct np_io *listeners;     /* FSCTL_PIPE_LISTEN callers */
	struct token_state *client_ctx; /* what the server impersonates, NULL:
				      * no client since the last disconnect */
	struct np_security *security; /* its pipe's, referenced */
};

struct np_end {
	struct file_object *file;
	struct np_instance *inst;    /* NULL: the pipe file system's root, or
				      * a client the server disconnected */
	bool server, root;
	bool device;                 /* the root opened without its trailing
				      * backslash: the file system's device */
	uint32_t read_mode, completion_mode;
	uint32_t peer_pid;           /* the other end's process, when known */
	uint32_t own_pid;
	struct np_io *readers, *writers; /* I/O waiting, in arrival order */
	struct waitable wait;        /* the file as a waitable object: set when
				      * its I/O completes */
	bool signaled;
	/* a client's SECURITY_QUALITY_OF_SERVICE (pipe_named_client.c) */
	uint32_t qos_level;
	bool qos_dynamic, qos_effective_only;
};

/* A pending I/O of an end (a read, a write waiting for its data to be
 * read, a listen, a wait for an instance). */
enum np_io_kind { NP_IO_READ, NP_IO_WRITE, NP_IO_LISTEN, NP_IO_WAIT, NP_IO_FLUSH };

struct np_io {
	struct np_io *next;
	enum np_io_kind kind;
	struct np_io **list;         /* the list it sits in */
	struct np_end *end;          /* NULL for a wait */
	struct lsw_thread *thread;   /* a deferred call (synchronous), or NULL */
	bool alertable;              /* FILE_SYNCHRONOUS_IO_ALERT: an APC cancels it */
	struct lsw_host *host;       /* asynchronous: whom to tell */
	uint32_t pid, tid;
	uint64_t iosb, buf, len, info;
	uint64_t start_seq, end_seq; /* a write: its bytes in all that was written;
				      * done when what is unread up to end_seq
				      * fits the quota (a flush: nothing) */
	struct nt_object *event;     /* referenced */
	uint64_t apc, apc_context;
	struct io_queue *port;       /* referenced */
	uint64_t key;
	uint64_t timer;              /* a wait's timeout, 0: none */
	struct np_pipe *pipe;        /* a wait's pipe */
};

/* pipe_named.c */
/* The pipe name after a \Device\NamedPipe\ prefix (or \??\pipe\...), in
 * name[0..n); *rest its first character: true when name is one. */
bool np_name_of(const uint16_t *name, size_t n, size_t *rest);
struct np_pipe *np_find(struct lsw_host *h, const uint16_t *name, size_t n);
/* unnamed: n may be 0, a pipe of its own without a name (relative to the
 * file system's root). */
NTSTATUS np_create_server(struct nt_call *c, const uint16_t *name, size_t n, bool unnamed,
			  uint32_t access, uint64_t *h);
/* NtCreateFile/NtOpenFile of a pipe name: true when oa names one (*st the
 * call's status). */
bool np_open(struct nt_call *c, uint64_t handle_out, uint32_t access, uint64_t oa,
	     uint64_t iosb, uint32_t options, NTSTATUS *st);
/* NtQueryObject's name of an end ("\Device\NamedPipe\NAME"), of the root
 * directory ("\Device\NamedPipe\") or the device; DEVICE_NAME_INVALID
 * for an unnamed pipe's. */
size_t np_device_name(const struct file_object *f, uint16_t *out, size_t room);
/* The file of an end goes (its last handle closed). */
void np_end_close(struct np_end *e);

/* pipe_named_security.c */
/* A new pipe's descriptor: the one c's OBJECT_ATTRIBUTES gave, else made
 * when first asked.  NULL with *st. */
struct np_security *np_security_new(struct nt_call *c, NTSTATUS *st);
void np_security_unref(struct np_security *s);
/* Where an end's descriptor is kept (its pipe's; the file system's root
 * keeps its own); NULL with PIPE_DISCONNECTED for a client the server
 * cut off. */
struct object_sd *np_security_of(struct file_object *f, NTSTATUS *st);
/* Instance states and their ends, after a change. */
void np_disconnect(struct np_instance *in, NTSTATUS why);
/* The instance listens again (FSCTL_PIPE_LISTEN after a disconnect). */
void np_listen_again(struct np_instance *in);

/* pipe_named_io.c */
NTSTATUS np_read(struct nt_call *c, struct file_object *f);
/* NtFlushBuffersFile: waits until the other end has read what this end
 * wrote (FlushFileBuffers before DisconnectNamedPipe). */
NTSTATUS np_flush(struct nt_call *c, struct file_object *f);
NTSTATUS np_write(struct nt_call *c, struct file_object *f);
/* The queue an end reads from and the one it writes to. */
struct np_queue *np_read_queue(struct np_end *e);
struct np_queue *np_write_queue(struct np_end *e);
uint32_t np_write_quota(const struct np_end *e);
/* A write that is cancelled takes back what of it is still unread (its
 * data waits with the writer, as on Windows): the chunk at seq. */
void np_withdraw(struct np_end *e, uint64_t seq);
/* Readers and writers of both ends that can go on, do. */
void np_pump(struct np_instance *in);
void np_queue_clear(struct np_queue *q);
/* Why an end cannot read (or write) now, or STATUS_SUCCESS. */
NTSTATUS np_read_state(const struct np_end *e);
NTSTATUS np_write_state(const struct np_end *e);
/* Queues a write of len bytes at buf by end e (a message in a message
 * pipe) and lets the readers go on. */
NTSTATUS np_queue_write(struct nt_call *c, struct np_end *e, uint64_t buf, uint32_t len);
/* Reads from q into the caller's memory (via t) at buf, up to len. */
NTSTATUS np_take(struct lsw_thread *t, struct np_end *e, uint64_t buf, uint64_t len,
		 uint64_t *got);

/* pipe_named_op.c */
/* A new I/O of call c on f that will end later: deferred (synchronous
 * handle) or pending; queued at the tail of *list. */
struct np_io *np_io_new(struct nt_call *c, struct file_object *f, enum np_io_kind kind,
			struct np_io **list);
/* The same for a call without Event, ApcRoutine and ApcContext
 * (NtFlushBuffersFile): only its IO_STATUS_BLOCK. */
struct np_io *np_io_new_plain(struct nt_call *c, struct file_object *f, enum np_io_kind kind,
			      struct np_io **list, uint64_t iosb);
/* What the caller returns for it: NT_DEFERRED or STATUS_PENDING. */
NTSTATUS np_io_park(struct nt_call *c, struct np_io *io);
/* The I/O ends with st and info: out of its list, told, freed. */
void np_io_finish(struct np_io *io, NTSTATUS st, uint64_t info);
/* Ends every I/O of a list with st. */
void np_io_finish_all(struct np_io **list, NTSTATUS st);
/* Memory of the process that issued io; NULL once it is gone. */
struct lsw_thread *np_io_thread(struct np_io *io);
/* Cancels f's I/O: of the thread tid (not 0), or with IO_STATUS_BLOCK
 * iosb (not 0), or all; how many. */
unsigned np_cancel(struct file_object *f, uint32_t tid, uint64_t iosb);
/* Thread t is ending: its I/O that went on without it (on the pipe
 * handles of its process) ends STATUS_CANCELLED, as Windows cancels the
 * I/O a thread issued when it exits; a write takes back its unread data. */
void np_thread_exited(struct lsw_thread *t);
/* The file's waitable part (file_ops). */
struct waitable *np_waitable(struct file_object *f);
void np_end_signal(struct np_end *e, bool on);
/* An I/O of the end ended: its file is signalled as Windows does it, when
 * the handle is synchronous or the call gave no event (_call: of call c
 * on f, ended in its call). */
void np_end_done(struct np_end *e, bool sync, bool event);
void np_end_done_call(struct nt_call *c, struct file_object *f);
void np_waitable_init(struct np_end *e);

/* pipe_named_fsctl.c */
NTSTATUS np_fsctl(struct nt_call *c, struct file_object *f, uint32_t code);
/* A server instance now listens: FSCTL_PIPE_WAIT callers go on. */
void np_wake_waiters(struct np_pipe *p);

/* pipe_named_client.c */
/* The client's quality of service from NtCreateFile's OBJECT_ATTRIBUTES. */
NTSTATUS np_client_qos(struct nt_call *c, uint64_t oa, struct np_end *e);
/* The client (thread t) opened (at_open) or writes: its context is taken
 * again if it is tracked (always at the open). */
void np_client_capture(struct lsw_thread *t, struct np_end *client, bool at_open);
/* The server disconnected or the instance goes: no more context. */
void np_client_forget(struct np_instance *in);
NTSTATUS np_impersonate(struct nt_call *c, struct np_end *e);

/* pipe_named_info.c */
NTSTATUS np_query_info(struct nt_call *c, struct file_object *f, uint32_t cls, bool *handled);
NTSTATUS np_set_info(struct nt_call *c, struct file_object *f, uint32_t cls, bool *handled);

#endif
