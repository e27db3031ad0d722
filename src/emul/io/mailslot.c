/*
 * Mailslots: the names, NtCreateMailslotFile (the server end) and the
 * opening of a client end (see mailslot.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/io/file_access.h"
#include "emul/io/mailslot.h"
#include "emul/io/path.h"
#include "emul/upcase.h"

#define FILE_CREATED 2
#define FILE_OPENED 1
#define FILE_SYNCHRONOUS_IO 0x30u     /* FILE_SYNCHRONOUS_IO_ALERT, _NONALERT */
#define NAME_MAX_CHARS 32766 /* what a UNICODE_STRING holds */
#define MAILSLOTS_MAX 4096           /* per host */

/* The mailslot name after one of its prefixes, in name[*rest..n). */
static bool mailslot_name_of(const uint16_t *name, size_t n, size_t *rest)
{
	static const char *const prefixes[] = { "\\Device\\Mailslot\\", "\\??\\mailslot\\",
						"\\DosDevices\\mailslot\\",
						"\\GLOBAL??\\mailslot\\" };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		size_t k = 0;

		while (prefixes[i][k] && k < n &&
		       nt_upcase(name[k]) == nt_upcase((uint16_t)prefixes[i][k]))
			k++;
		/* the prefix whole, or all of it but its last backslash (the
		 * mailslot file system itself: *rest is then n) */
		if (!prefixes[i][k] || (k == n && !prefixes[i][k + 1])) {
			*rest = k;
			return true;
		}
	}
	return false;
}

static struct mailslot *find(struct lsw_host *h, const uint16_t *name, size_t n)
{
	for (struct mailslot *m = h->files.mailslots; m; m = m->next) {
		size_t i = 0;

		if (m->name_len != n)
			continue;
		while (i < n && nt_upcase(m->name[i]) == nt_upcase(name[i]))
			i++;
		if (i == n)
			return m;
	}
	return NULL;
}

static void unref(struct mailslot *m)
{
	if (--m->refs)
		return;
	free(m->name);
	free(m);
}

static size_t count_slots(const struct lsw_host *h)
{
	size_t k = 0;

	for (const struct mailslot *m = h->files.mailslots; m; m = m->next)
		k++;
	return k;
}

/* A file object of process p for an end of m (referenced). */
static struct file_object *new_end(struct lsw_process *p, struct mailslot *m, bool server)
{
	size_t size = 64 + m->name_len * 3, at;
	char *desc = malloc(size);
	struct file_object *f;

	if (!desc)
		return NULL;
	at = (size_t)snprintf(desc, size, "\\Device\\Mailslot\\");
	at += utf16_to_utf8(m->name, m->name_len, desc + at, size - at);
	desc[at < size ? at : size - 1] = 0;
	f = file_new(p, FILE_KIND_MAILSLOT, -1, desc);
	free(desc);
	if (!f)
		return NULL;
	f->device_type = FILE_DEVICE_MAILSLOT;
	f->mailslot = m;
	f->mailslot_server = server;
	m->refs++;
	return f;
}

/* Hands f to the caller as a handle with access; drops our reference. */
static NTSTATUS give(struct nt_call *c, struct file_object *f, uint32_t access,
		     uint64_t handle_out, uint64_t iosb, uint64_t info)
{
	uint64_t h;
	NTSTATUS st;

	f->access = access;
	st = handle_create_call(c, &f->hdr, access, &h);
	object_unref(&f->hdr);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(c->thread, handle_out, &h, 8) < 0 ||
	    tracee_write_iosb(c->thread, iosb, LSW_STATUS_SUCCESS, info) != LSW_STATUS_SUCCESS) {
		handle_close(c->thread->process, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

#define FILE_MODE_OPTIONS 0x3eu /* the FILE_*_IO and write-through bits */

bool mailslot_open(struct nt_call *c, uint64_t handle_out, uint32_t access, uint64_t oa,
		   uint64_t iosb, uint32_t options, NTSTATUS *st)
{
	struct file_object *f;
	struct mailslot *m;
	uint16_t *name;
	size_t n, rest;
	uint64_t root;

	if (object_attributes_read(c, oa, &root, &name, &n, &c->oa_attributes) !=
	    LSW_STATUS_SUCCESS || !name)
		return false;
	if (root || !mailslot_name_of(name, n, &rest)) {
		free(name);
		return false;
	}
	if (rest == n) { /* \Device\Mailslot itself: a device of no I/O */
		free(name);
		if ((f = file_new(c->thread->process, FILE_KIND_KSEC, -1, "\\Device\\Mailslot"))) {
			f->device_type = FILE_DEVICE_MAILSLOT;
			f->options = options & FILE_MODE_OPTIONS;
		}
		*st = f ? give(c, f, file_map_generic(access), handle_out, iosb, FILE_OPENED)
			: (NTSTATUS)LSW_STATUS_NO_MEMORY;
		return true;
	}
	m = find(c->thread->process->host, name + rest, n - rest);
	free(name);
	if (!m) {
		*st = LSW_STATUS_OBJECT_NAME_NOT_FOUND;
		return true;
	}
	if (!(f = new_end(c->thread->process, m, false))) {
		*st = LSW_STATUS_NO_MEMORY;
		return true;
	}
	/* a client end only writes, whatever else it asked for */
	*st = give(c, f, file_map_generic(access), handle_out, iosb, FILE_OPENED);
	return true;
}

static struct mailslot *new_slot(struct lsw_host *h, const uint16_t *name, size_t n)
{
	struct mailslot *m = calloc(1, sizeof(*m));

	if (!m || !(m->name = malloc(n * 2 + 2))) {
		free(m);
		return NULL;
	}
	memcpy(m->name, name, n * 2);
	m->name_len = n;
	m->host = h;
	m->next = h->files.mailslots;
	h->files.mailslots = m;
	return m;
}

struct create_args {
	uint32_t access, options, quota, max_message;
	uint64_t timeout_ptr;
};

static NTSTATUS create_named(struct nt_call *c, const uint16_t *name, size_t n,
			     const struct create_args *a)
{
	struct lsw_host *h = c->thread->process->host;
	struct file_object *f;
	struct mailslot *m;
	int64_t timeout = -1;

	if (a->timeout_ptr && tracee_read(c->thread, a->timeout_ptr, &timeout, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!n || n > NAME_MAX_CHARS)
		return LSW_STATUS_OBJECT_NAME_INVALID;
	if (find(h, name, n))
		return LSW_STATUS_OBJECT_NAME_COLLISION;
	if (count_slots(h) >= MAILSLOTS_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!(m = new_slot(h, name, n)))
		return LSW_STATUS_NO_MEMORY;
	m->quota = a->quota;
	m->max_message = a->max_message;
	m->read_timeout = mailslot_timeout(timeout);
	if (!(f = new_end(c->thread->process, m, true))) {
		m->refs++;
		mailslot_drop_all(m);
		unref(m);
		return LSW_STATUS_NO_MEMORY;
	}
	f->options = a->options;
	return give(c, f, a->access, c->args[0], c->args[3], FILE_CREATED);
}

/* What the object manager answers before the mailslot file system sees
 * the name: a relative one needs a valid directory handle, an absolute
 * one its backslash; then it must name a slot (*rest: where its own name
 * starts). */
static NTSTATUS name_check(struct nt_call *c, uint64_t root, const uint16_t *name, size_t n,
			   size_t *rest)
{
	NTSTATUS st;

	if (!name)
		return root ? LSW_STATUS_OBJECT_NAME_INVALID : LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (root && !handle_get(c->thread->process, root, NULL, &st))
		return st;
	if (!root && (!n || name[0] != '\\'))
		return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (root || !mailslot_name_of(name, n, rest))
		return LSW_STATUS_OBJECT_NAME_INVALID;
	return LSW_STATUS_SUCCESS;
}

/* NtCreateMailslotFile(FileHandle, DesiredAccess, ObjectAttributes,
 *                      IoStatusBlock, CreateOptions, MailslotQuota,
 *                      MaximumMessageSize, ReadTimeout) */
NTSTATUS nt_NtCreateMailslotFile(struct nt_call *c)
{
	struct create_args a = { file_map_generic((uint32_t)c->args[1]),
				 (uint32_t)c->args[4] & FILE_SYNCHRONOUS_IO, (uint32_t)c->args[5],
				 (uint32_t)c->args[6], c->args[7] };
	uint16_t *name;
	size_t n, rest;
	uint64_t root;
	NTSTATUS st;

	if (!c->args[3])
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((st = object_attributes_read(c, c->args[2], &root, &name, &n, &c->oa_attributes)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if ((st = name_check(c, root, name, n, &rest)) == LSW_STATUS_SUCCESS)
		st = create_named(c, name + rest, n - rest, &a);
	free(name);
	return st;
}

void mailslot_end_close(struct file_object *f)
{
	struct mailslot *m = f->mailslot;

	if (!m)
		return;
	f->mailslot = NULL;
	if (f->mailslot_server)
		mailslot_drop_all(m);
	unref(m);
}

/* The slot's name goes with its server end; clients keep the rest. */
void mailslot_drop_all(struct mailslot *m)
{
	for (struct mailslot **p = &m->host->files.mailslots; *p; p = &(*p)->next)
		if (*p == m) {
			*p = m->next;
			break;
		}
	m->closed = true;
	mailslot_drop_messages(m);
}
