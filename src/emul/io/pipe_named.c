/*
 * Named pipes: the names, server instances and ends (see pipe_named.h).
 *
 * NtCreateNamedPipeFile makes a server instance of a name (the first one
 * makes the pipe and fixes its type, configuration and instance limit);
 * a new instance listens at once, so a client may come before the server
 * calls ConnectNamedPipe.  NtCreateFile of the name connects a client to
 * a listening instance: STATUS_OBJECT_NAME_NOT_FOUND without a pipe of
 * that name, STATUS_PIPE_NOT_AVAILABLE (ERROR_PIPE_BUSY) when none
 * listens.  The name lives while a server instance does; an instance
 * while either of its ends does.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/file_access.h"
#include "emul/io/io_completion.h"
#include "emul/io/path.h"
#include "emul/io/pipe_named.h"
#include "emul/upcase.h"

#define FILE_OPEN 1u
#define FILE_CREATE 2u
#define FILE_OPEN_IF 3u
#define FILE_OPENED 1
#define FILE_CREATED 2
#define FILE_MODE_OPTIONS 0x3eu
#define FILE_SHARE_READ 1u
#define FILE_SHARE_WRITE 2u
#define UNLIMITED_INSTANCES 0xFFFFFFFFu
/* The longest name: a UNICODE_STRING of 65534 bytes is refused, one of
 * 65532 taken (Wine's ntdll/om test on Windows) */
#define NAME_MAX_CHARS 32766
#define DEFAULT_TIMEOUT (-500000LL)  /* 50 ms, kernel32's default */

static bool prefix_is(const uint16_t *name, size_t n, const char *prefix, size_t *len)
{
	size_t k = 0;

	for (; prefix[k]; k++)
		if (k >= n || nt_upcase(name[k]) != nt_upcase((uint16_t)prefix[k]))
			return false;
	*len = k;
	return true;
}

bool np_name_of(const uint16_t *name, size_t n, size_t *rest)
{
	static const char *const prefixes[] = { "\\Device\\NamedPipe", "\\??\\pipe",
						"\\DosDevices\\pipe", "\\GLOBAL??\\pipe" };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		size_t k;

		if (!prefix_is(name, n, prefixes[i], &k))
			continue;
		if (k == n) {
			*rest = n; /* the root itself */
			return true;
		}
		if (name[k] == '\\') {
			*rest = k + 1;
			return true;
		}
	}
	return false;
}

static bool same_name(const uint16_t *a, size_t na, const uint16_t *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (nt_upcase(a[i]) != nt_upcase(b[i]))
			return false;
	return true;
}

struct np_pipe *np_find(struct lsw_host *h, const uint16_t *name, size_t n)
{
	for (struct np_pipe *p = h->named_pipes; p; p = p->next)
		if (same_name(p->name, p->name_len, name, n))
			return p;
	return NULL;
}

/* The NT name of an end of pipe p (NULL: of the root). */
static char *end_name(const struct np_pipe *p)
{
	static const char prefix[] = "\\Device\\NamedPipe\\";
	size_t room = sizeof(prefix) + (p ? p->name_len * 3 + 5 : 0);
	char *s = malloc(room);

	if (!s)
		return NULL;
	memcpy(s, prefix, sizeof(prefix));
	if (p)
		utf16_to_utf8(p->name, p->name_len, s + sizeof(prefix) - 1, room - sizeof(prefix) + 1);
	return s;
}

/* A file object for an end of pipe p (or, p NULL, the pipe file
 * system's root). */
static struct file_object *end_file(struct lsw_process *p, struct np_end *e, uint32_t access,
				    uint32_t options, const struct np_pipe *pipe)
{
	struct file_object *f = file_new(p, FILE_KIND_PIPE, -1, "named pipe");

	if (!f) {
		free(e);
		return NULL;
	}
	f->device_type = FILE_DEVICE_NAMED_PIPE;
	f->access = access;
	f->options = options & FILE_MODE_OPTIONS;
	f->np = e;
	f->nt_name = end_name(pipe);
	e->file = f;
	e->own_pid = p->win_pid;
	e->signaled = true; /* a file object starts signalled */
	np_waitable_init(e);
	return f;
}

static void pipe_unlink(struct np_pipe *p)
{
	struct np_pipe **pp = &p->host->named_pipes;

	while (*pp && *pp != p)
		pp = &(*pp)->next;
	if (*pp)
		*pp = p->next;
	np_io_finish_all(&p->waiters, LSW_STATUS_OBJECT_NAME_NOT_FOUND);
	np_security_unref(p->security);
	free(p->name);
	free(p);
}

/* Reads NtCreateNamedPipeFile's settings: the new pipe's, or checks them
 * against an existing one. */
static NTSTATUS pipe_settings(struct nt_call *c, struct np_pipe *p)
{
	uint32_t share = (uint32_t)c->args[4], type = (uint32_t)c->args[7];
	uint32_t read_mode = (uint32_t)c->args[8], max = (uint32_t)c->args[10];
	int64_t timeout = DEFAULT_TIMEOUT;

	if (type > 1 || read_mode > 1 || (uint32_t)c->args[9] > 1 || !max ||
	    (read_mode && !type) || !(share & (FILE_SHARE_READ | FILE_SHARE_WRITE)))
		return LSW_STATUS_INVALID_PARAMETER;
	if (c->args[13] && tracee_read(c->thread, c->args[13], &timeout, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	p->type = type;
	p->config = (share & FILE_SHARE_READ) ? ((share & FILE_SHARE_WRITE) ? NP_DUPLEX :
		    NP_OUTBOUND) : NP_INBOUND;
	p->max_instances = max;
	p->in_quota = (uint32_t)c->args[11];
	p->out_quota = (uint32_t)c->args[12];
	p->default_timeout = timeout;
	return LSW_STATUS_SUCCESS;
}

/* A new pipe; one without a name is in no list (nobody finds it by
 * name: its clients open it relative to its server end). */
static struct np_pipe *pipe_new(struct lsw_host *h, const uint16_t *name, size_t n)
{
	struct np_pipe *p = calloc(1, sizeof(*p));

	if (!p || !(p->name = malloc((n + 1) * 2))) {
		free(p);
		return NULL;
	}
	memcpy(p->name, name, n * 2);
	p->name_len = n;
	p->host = h;
	if (n) {
		p->next = h->named_pipes;
		h->named_pipes = p;
	}
	return p;
}

/* A new instance of p with its server end, as a file object of c's
 * process. */
static struct file_object *instance_new(struct nt_call *c, struct np_pipe *p,
					const struct np_pipe *want, uint32_t access)
{
	struct np_instance *in = calloc(1, sizeof(*in));
	struct np_end *e = calloc(1, sizeof(*e));
	struct file_object *f;

	if (!in || !e) {
		free(in);
		free(e);
		return NULL;
	}
	e->server = true;
	e->read_mode = (uint32_t)c->args[8];
	e->completion_mode = (uint32_t)c->args[9];
	if (!(f = end_file(c->thread->process, e, access, (uint32_t)c->args[6], p))) {
		free(in);
		return NULL;
	}
	*in = (struct np_instance){ .pipe = p, .next = p->first, .state = NP_LISTENING,
				    .listen_seq = ++p->listens, .type = want->type, .config = p->config,
				    .max_instances = p->max_instances,
				    .in_quota = want->in_quota, .out_quota = want->out_quota, .server = e,
				    .security = p->security };
	p->security->refs++;
	e->inst = in;
	p->first = in;
	p->instances++;
	return f;
}

/* NtCreateNamedPipeFile with a name: a server instance. */
NTSTATUS np_create_server(struct nt_call *c, const uint16_t *name, size_t n, bool unnamed,
			  uint32_t access, uint64_t *h)
{
	uint32_t disposition = (uint32_t)c->args[5];
	struct np_pipe *p = n ? np_find(c->thread->process->host, name, n) : NULL, want;
	struct file_object *f;
	bool made = false;
	NTSTATUS st;

	if ((!n && !unnamed) || n >= NAME_MAX_CHARS)
		return NP_STATUS_OBJECT_NAME_INVALID;
	if (!n && disposition == FILE_OPEN)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND; /* no unnamed pipe to open */
	if (disposition != FILE_CREATE && disposition != FILE_OPEN_IF)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = pipe_settings(c, &want)) != LSW_STATUS_SUCCESS)
		return st;
	/* the first instance's limit and direction hold; each instance has
	 * its own type and quotas (Windows lets them differ); the limit is
	 * told first */
	if (p && p->instances >= p->max_instances)
		return NP_STATUS_INSTANCE_NOT_AVAILABLE;
	if (p && disposition == FILE_CREATE)
		return LSW_STATUS_ACCESS_DENIED; /* FILE_FLAG_FIRST_PIPE_INSTANCE */
	if (p && want.config != p->config)
		return LSW_STATUS_ACCESS_DENIED;
	if (!p) {
		struct np_security *sec = np_security_new(c, &st);

		if (!sec)
			return st;
		if (!(p = pipe_new(c->thread->process->host, name, n))) {
			np_security_unref(sec);
			return LSW_STATUS_NO_MEMORY;
		}
		p->security = sec;
		p->type = want.type;
		p->config = want.config;
		p->max_instances = want.max_instances;
		p->in_quota = want.in_quota;
		p->out_quota = want.out_quota;
		p->default_timeout = want.default_timeout;
		made = true;
	}
	if (!(f = instance_new(c, p, &want, access))) {
		if (made)
			pipe_unlink(p);
		return LSW_STATUS_NO_MEMORY;
	}
	st = handle_create_call(c, &f->hdr, access, h);
	object_unref(&f->hdr); /* on failure this closes the instance again */
	if (st == LSW_STATUS_SUCCESS)
		np_wake_waiters(p);
	return st;
}

/* The client's access must go the way the pipe lets it. */
static bool access_fits(uint32_t config, uint32_t access)
{
	if (config == NP_INBOUND && (access & FILE_READ_DATA))
		return false;
	if (config == NP_OUTBOUND && (access & FILE_WRITE_DATA))
		return false;
	return true;
}

/* The instance that has listened longest, whether or not its server
 * waits in ConnectNamedPipe (Windows' order). */
static struct np_instance *listening(struct np_pipe *p)
{
	struct np_instance *best = NULL;

	for (struct np_instance *in = p->first; in; in = in->next)
		if (in->state == NP_LISTENING && (!best || in->listen_seq < best->listen_seq))
			best = in;
	return best;
}

void np_listen_again(struct np_instance *in)
{
	in->state = NP_LISTENING;
	if (in->pipe)
		in->listen_seq = ++in->pipe->listens;
}

/* Joins a client end (with its quality of service) to a listening
 * instance. */
static struct file_object *connect_client(struct nt_call *c, struct np_instance *in,
					  const struct np_end *qos, uint32_t access,
					  uint32_t options)
{
	struct np_end *e = calloc(1, sizeof(*e));
	struct file_object *f;

	if (!e)
		return NULL;
	if (!(f = end_file(c->thread->process, e, access, options, in->pipe)))
		return NULL;
	e->qos_level = qos->qos_level;
	e->qos_dynamic = qos->qos_dynamic;
	e->qos_effective_only = qos->qos_effective_only;
	e->inst = in;
	e->peer_pid = in->server->own_pid;
	in->server->peer_pid = e->own_pid;
	in->client = e;
	in->state = NP_CONNECTED;
	np_client_capture(c->thread, e, true);
	np_io_finish_all(&in->listeners, LSW_STATUS_SUCCESS);
	return f;
}

/* The root of the pipe file system (WaitNamedPipe opens it). */
static struct file_object *root_file(struct nt_call *c, uint32_t access, uint32_t options)
{
	struct np_end *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	e->root = true;
	return end_file(c->thread->process, e, access, options, NULL);
}

/* A client end joins instance in (NULL: none listens). */
static NTSTATUS join(struct nt_call *c, uint64_t oa, struct np_instance *in, uint32_t access,
		     uint32_t options, struct file_object **out)
{
	struct np_end qos;
	NTSTATUS st;

	if (!in || in->state != NP_LISTENING)
		return NP_STATUS_PIPE_NOT_AVAILABLE;
	if ((st = np_client_qos(c, oa, &qos)) != LSW_STATUS_SUCCESS)
		return st;
	*out = connect_client(c, in, &qos, access, options);
	return *out ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
}

static NTSTATUS open_end(struct nt_call *c, uint64_t oa, const uint16_t *name, size_t n,
			 uint32_t access, uint32_t options, struct file_object **out)
{
	struct np_pipe *p;

	if (!n) {
		*out = root_file(c, access, options);
		return *out ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
	}
	if (!(p = np_find(c->thread->process->host, name, n)))
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (!access_fits(p->config, access))
		return LSW_STATUS_ACCESS_DENIED;
	return join(c, oa, listening(p), access, options, out);
}

bool np_open(struct nt_call *c, uint64_t handle_out, uint32_t access, uint64_t oa,
	     uint64_t iosb, uint32_t options, NTSTATUS *st)
{
	uint64_t root;
	uint16_t *name;
	size_t n, rest;
	struct file_object *f = NULL, *dir;
	uint64_t h;

	if (object_attributes_read(c, oa, &root, &name, &n, &c->oa_attributes) !=
	    LSW_STATUS_SUCCESS)
		return false;
	rest = 0;
	dir = root ? (struct file_object *)handle_get(c->thread->process, root, &file_ops, st)
		   : NULL;
	access = file_map_generic(access);
	if (dir && dir->np && dir->np->server) { /* an unnamed pipe's client, no name */
		*st = n ? NP_STATUS_OBJECT_NAME_INVALID
			: join(c, oa, dir->np->inst, access, options, &f);
	} else if (!name || (root && (!dir || !dir->np || !dir->np->root)) ||
		   (!root && !np_name_of(name, n, &rest))) {
		free(name);
		return false;
	} else { /* a name, or relative to the pipe file system's root */
		*st = open_end(c, oa, name + rest, n - rest, access, options, &f);
		if (*st == LSW_STATUS_SUCCESS && f->np->root)
			f->np->device = !root && n && name[n - 1] != '\\';
	}
	free(name);
	if (*st != LSW_STATUS_SUCCESS)
		return true;
	*st = handle_create_call(c, &f->hdr, access, &h);
	object_unref(&f->hdr);
	if (*st != LSW_STATUS_SUCCESS)
		return true;
	if (tracee_write(c->thread, handle_out, &h, 8) < 0 ||
	    tracee_write_iosb(c->thread, iosb, LSW_STATUS_SUCCESS, FILE_OPENED) !=
	    LSW_STATUS_SUCCESS) {
		handle_close(c->thread->process, h);
		*st = LSW_STATUS_ACCESS_VIOLATION;
	}
	return true;
}

/* The server disconnects (or goes): the data is dropped, the client is
 * cut off, and every I/O of both ends ends with why. */
void np_disconnect(struct np_instance *in, NTSTATUS why)
{
	struct np_end *cl = in->client;

	np_queue_clear(&in->to_server);
	np_queue_clear(&in->to_client);
	if (cl) {
		cl->inst = NULL;
		in->client = NULL;
		np_io_finish_all(&cl->readers, why);
		np_io_finish_all(&cl->writers, why);
	}
	if (in->server) {
		np_io_finish_all(&in->server->readers, why);
		np_io_finish_all(&in->server->writers, why);
	}
	np_io_finish_all(&in->listeners, why);
	np_client_forget(in);
	in->state = NP_DISCONNECTED;
}

static void instance_unlink(struct np_instance *in)
{
	struct np_pipe *p = in->pipe;
	struct np_instance **pp;

	if (!p)
		return;
	for (pp = &p->first; *pp && *pp != in; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = in->next;
	in->pipe = NULL;
	if (--p->instances == 0)
		pipe_unlink(p);
}

static void instance_free(struct np_instance *in)
{
	np_client_forget(in);
	np_queue_clear(&in->to_server);
	np_queue_clear(&in->to_client);
	np_security_unref(in->security);
	free(in);
}

/* The server end goes: the client reads what is left, then
 * STATUS_PIPE_BROKEN. */
static void server_gone(struct np_instance *in)
{
	np_io_finish_all(&in->listeners, LSW_STATUS_CANCELLED);
	in->server = NULL;
	instance_unlink(in);
	if (!in->client) {
		instance_free(in);
		return;
	}
	np_queue_clear(&in->to_server);
	in->state = NP_CLOSING;
	np_pump(in);
}

/* The client end goes: the server reads what is left, then
 * STATUS_PIPE_BROKEN, and must disconnect before it listens again. */
static void client_gone(struct np_instance *in)
{
	in->client = NULL;
	np_queue_clear(&in->to_client);
	if (!in->server) {
		instance_free(in);
		return;
	}
	in->state = NP_CLOSING;
	np_pump(in);
}

void np_end_close(struct np_end *e)
{
	struct np_instance *in;

	if (!e)
		return;
	if (e->root && e->file)
		np_cancel(e->file, 0, 0); /* its waits for instances */
	e->file = NULL; /* going: nobody waits on it any more */
	in = e->inst;
	np_io_finish_all(&e->readers, LSW_STATUS_CANCELLED);
	np_io_finish_all(&e->writers, LSW_STATUS_CANCELLED);
	if (in && e->server)
		server_gone(in);
	else if (in)
		client_gone(in);
	free(e);
}

size_t np_device_name(const struct file_object *f, uint16_t *out, size_t room)
{
	static const char device[] = "\\Device\\NamedPipe";
	const struct np_end *e = f->np;
	size_t n;

	if (e->root) { /* the device, or its root directory */
		for (n = 0; device[n] && n < room; n++)
			out[n] = (uint16_t)device[n];
		if (!e->device && n < room)
			out[n++] = '\\';
		return n;
	}
	/* an unnamed pipe has none (Windows: STATUS_OBJECT_PATH_INVALID) */
	if (!f->nt_name || !e->inst || !e->inst->pipe || !e->inst->pipe->name_len)
		return DEVICE_NAME_INVALID;
	return utf8_to_utf16(f->nt_name, out, room);
}
