/*
 * lswhost's protocol: what `lsw` and the daemon say over the host socket.
 *
 * Every message is a header (payload size, type) and a payload of fields
 * in order: u32 and u64 little-endian, strings as u32 length and bytes
 * (no NUL inside), string lists as u32 count and strings.  A message may
 * carry file descriptors (SCM_RIGHTS) with its header: only RUN does.
 * The daemon reads every field through a bounds-checked reader; a bad
 * length, a truncated message, an unknown type or a field out of range
 * gets an ERROR reply and the connection is closed.
 *
 * A connection starts with HELLO / HELLO_OK (versions compared), then one
 * request: RUN (then SIGNALs from the client until EXIT), PS, KILL,
 * STATUS, STOP or REG_SYNC.
 */
#ifndef LSW_HOST_PROTOCOL_H
#define LSW_HOST_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bumped whenever a message's fields change. */
#define PROTO_VERSION 3
/* The largest payload either side accepts (environment and arguments of
 * a run fit with room: Windows caps both far below). */
#define PROTO_MAX_PAYLOAD (4u << 20)
#define PROTO_MAX_STRING (1u << 20)
#define PROTO_MAX_LIST 65536
/* A RUN carries stdin, stdout, stderr, its current directory, and its
 * terminal if it has one. */
#define PROTO_RUN_FDS 5

/*
 * The message types: name, number, direction, payload.  One list drives
 * the enum and the names in messages.
 */
#define PROTO_MESSAGES(X) \
	/* c->d: u32 version, str build id */ \
	X(HELLO, 1) \
	/* d->c: u32 version, str build id, u32 daemon pid */ \
	X(HELLO_OK, 2) \
	/* c->d, fds stdin/stdout/stderr/cwd[/terminal]: the job (run_request.c) */ \
	X(RUN, 3) \
	/* d->c: u32 Windows pid of the run's first process */ \
	X(STARTED, 4) \
	/* d->c: u32 lsw's exit status for the run (as standalone) */ \
	X(EXIT, 5) \
	/* c->d: u32 Linux signal number the client received */ \
	X(SIGNAL, 6) \
	/* c->d: empty; d->c PS_LIST */ \
	X(PS, 7) \
	/* d->c: u32 count, then per process: u32 pid, u32 parent, str image,
	 * str command line, str state, u32 job, u64 start (Unix seconds),
	 * u64 CPU time (user + system, 100 ns), u64 resident bytes */ \
	X(PS_LIST, 8) \
	/* c->d: u32 Windows pid, u32 exit code, u32 flags (PROTO_KILL_*);
	 * d->c OK or ERROR */ \
	X(KILL, 9) \
	/* c->d: empty; d->c STATUS_INFO */ \
	X(STATUS, 10) \
	/* d->c: u32 pid, u64 uptime ms, u32 processes, u32 jobs, str socket,
	 * str build id, u32 idle seconds */ \
	X(STATUS_INFO, 11) \
	/* c->d: u32 grace ms: the daemon ends its jobs after it and exits */ \
	X(STOP, 12) \
	/* d->c: empty */ \
	X(OK, 13) \
	/* d->c: u32 code (lsw exit status to use), str message */ \
	X(ERROR, 14) \
	/* c->d: empty: the registry's changes written to the hive files and \
	 * what lsw reg wrote there taken in; d->c OK or ERROR */ \
	X(REG_SYNC, 15)

enum proto_type {
#define PROTO_ENUM(name, n) PROTO_##name = n,
	PROTO_MESSAGES(PROTO_ENUM)
#undef PROTO_ENUM
};

/* KILL's flags: the process's descendants end with it; instead of
 * ending, a console Ctrl-C or Ctrl-Break event (the exit code unused). */
#define PROTO_KILL_TREE 1u
#define PROTO_KILL_CTRL_C 2u
#define PROTO_KILL_CTRL_BREAK 4u
#define PROTO_KILL_FLAGS 7u

/* ERROR's code when the daemon is from another build of lsw (it exits
 * once idle): the client runs standalone instead. */
#define PROTO_ERROR_STALE 1000

/* "HELLO" etc., or NULL for a number that is no message. */
const char *proto_type_name(uint32_t type);

struct proto_header {
	uint32_t size;               /* payload bytes */
	uint32_t type;
};

/* A message being built. */
struct proto_writer {
	uint8_t *buf;
	size_t len, cap;
	bool failed;                 /* out of memory or over the limit */
};
void proto_put_u32(struct proto_writer *w, uint32_t v);
void proto_put_u64(struct proto_writer *w, uint64_t v);
void proto_put_str(struct proto_writer *w, const char *s); /* NULL: "" */
void proto_put_strv(struct proto_writer *w, char *const *v, uint32_t n);
void proto_writer_free(struct proto_writer *w);

/* A message being read: every getter checks the bounds; after the first
 * failure bad stays set and the getters return 0 / "". */
struct proto_reader {
	const uint8_t *p;
	size_t left;
	bool bad;
};
uint32_t proto_get_u32(struct proto_reader *r);
uint64_t proto_get_u64(struct proto_reader *r);
/* A malloc'd NUL-terminated copy, at most max bytes (else bad); NULL only
 * when bad. */
char *proto_get_str(struct proto_reader *r, size_t max);
/* A malloc'd NULL-terminated list of at most max strings; *n its count. */
char **proto_get_strv(struct proto_reader *r, uint32_t max, uint32_t *n);
/* Whether the payload was read exactly: no field bad, nothing left. */
bool proto_done(const struct proto_reader *r);
void proto_strv_free(char **v);

/* Sends header and payload (and nfds fds with them).  0, or -1 with errno. */
int proto_send(int sock, uint32_t type, const struct proto_writer *w, const int *fds,
	       unsigned nfds);
int proto_send_error(int sock, uint32_t code, const char *message);
/* A whole message, blocking: 0 (*payload malloc'd, *nfds fds taken),
 * -1 with errno (EPROTO: malformed; ECONNRESET: closed). */
int proto_recv(int sock, struct proto_header *h, uint8_t **payload, int *fds,
	       unsigned maxfds, unsigned *nfds);

/* The identity of this build: the lsw executable's inode, size and
 * modification time (a rebuilt or reinstalled lsw is another build). */
const char *proto_build_id(void);

#endif
