/*
 * Named pipes: I/O that ends later.
 *
 * On a handle opened for synchronous I/O the caller waits in its call
 * (a deferred answer, dropped if the thread ends).  Otherwise the call
 * answers STATUS_PENDING at once and the I/O goes on without the thread:
 * when it ends, its IO_STATUS_BLOCK is written, the file (a waitable
 * object) and the call's event are signalled, and a packet goes to the
 * file's completion port (when the call gave an ApcContext) or the APC
 * is queued to the thread that asked.  Nothing of the caller is trusted
 * to still be there: the process and thread are looked up again by id.
 * CancelIo cancels the caller's own I/O on a handle, CancelIoEx any
 * thread's; cancelled I/O ends with STATUS_CANCELLED the same way.
 */
#include <stdlib.h>
#include "emul/io/io_completion.h"
#include "emul/io/pipe_named.h"
#include "emul/sync/apc.h"
#include "emul/sync/event.h"
#include "emul/sync/sync.h"

#define FILE_SYNCHRONOUS_IO_ALERT 0x10u
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20u
#define FILE_SKIP_SET_EVENT_ON_HANDLE 0x2u

static bool np_signaled(struct nt_object *o, struct lsw_thread *t)
{
	struct file_object *f = (struct file_object *)o;

	(void)t;
	return f->np && f->np->signaled;
}

static const struct waitable_ops np_wait_ops = { np_signaled, NULL };

void np_waitable_init(struct np_end *e)
{
	waitable_init(&e->wait, &np_wait_ops);
}

struct waitable *np_waitable(struct file_object *f)
{
	return f->np ? &f->np->wait : NULL;
}

void np_end_signal(struct np_end *e, bool on)
{
	e->signaled = on;
	if (on && e->file)
		waitable_wake(&e->file->hdr);
}

/* As Windows completes an I/O: the file of a synchronous handle is
 * signalled, that of an overlapped one only when the call gave no event
 * (then the event alone is). */
void np_end_done(struct np_end *e, bool sync, bool event)
{
	if (e->file && (e->file->completion_flags & FILE_SKIP_SET_EVENT_ON_HANDLE))
		return; /* FileIoCompletionNotificationInformation asked so */
	if (sync || !event)
		np_end_signal(e, true);
}

void np_end_done_call(struct nt_call *c, struct file_object *f)
{
	np_end_done(f->np, f->options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT),
		    c->args[1] != 0);
}

static void unlink_io(struct np_io *io)
{
	for (struct np_io **p = io->list; p && *p; p = &(*p)->next)
		if (*p == io) {
			*p = io->next;
			break;
		}
	io->list = NULL;
}

static void free_io(struct np_io *io)
{
	if (io->timer)
		loop_cancel_timer(&io->host->loop, io->timer);
	if (io->event)
		object_unref(io->event);
	io_queue_unref(io->port);
	free(io);
}

struct np_io *np_io_new_plain(struct nt_call *c, struct file_object *f, enum np_io_kind kind,
			      struct np_io **list, uint64_t iosb)
{
	struct lsw_thread *t = c->thread;
	struct np_io *io = calloc(1, sizeof(*io)), **tail = list;

	if (!io)
		return NULL;
	io->kind = kind;
	io->end = f->np;
	io->host = t->process->host;
	io->pid = t->process->win_pid;
	io->tid = t->win_tid;
	io->iosb = iosb;
	if (f->options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT))
		io->thread = t;
	io->alertable = (f->options & FILE_SYNCHRONOUS_IO_ALERT) != 0;
	while (*tail)
		tail = &(*tail)->next;
	*tail = io;
	io->list = list;
	return io;
}

struct np_io *np_io_new(struct nt_call *c, struct file_object *f, enum np_io_kind kind,
			struct np_io **list)
{
	struct np_io *io = np_io_new_plain(c, f, kind, list, c->args[4]);
	NTSTATUS st;

	if (!io)
		return NULL;
	if (c->args[1] &&
	    (io->event = handle_get(c->thread->process, c->args[1], &event_ops, &st)))
		object_ref(io->event);
	io->apc = c->args[2];
	io->apc_context = c->args[3];
	if (f->completion) {
		io->port = io_queue_ref(f->completion);
		io->key = f->completion_key;
	}
	return io;
}

/* The deferred caller ended some other way (nt_cancel: the thread ended,
 * an APC or NtCancelSynchronousIoFile cancelled it): a write takes back
 * what of it is unread, and the caller's IO_STATUS_BLOCK stays as it was. */
static void drop_io(struct lsw_thread *t, void *arg)
{
	struct np_io *io = arg;
	struct np_end *e = io->end;

	(void)t;
	unlink_io(io);
	if (io->kind == NP_IO_WRITE && e) {
		np_withdraw(e, io->start_seq);
		if (e->inst)
			np_pump(e->inst);
	}
	free_io(io);
}

NTSTATUS np_io_park(struct nt_call *c, struct np_io *io)
{
	if (!io->thread)
		return LSW_STATUS_PENDING;
	if (io->alertable && apc_alertable(c, true) != LSW_STATUS_SUCCESS) {
		drop_io(c->thread, io); /* an APC came first: no wait at all */
		return LSW_STATUS_CANCELLED;
	}
	nt_defer(c, drop_io, io);
	nt_defer_sync_io(c, io->iosb, io->alertable);
	return NT_DEFERRED;
}

static struct lsw_process *process_of(struct np_io *io)
{
	for (struct lsw_process *p = io->host->processes; p; p = p->next)
		if (p->win_pid == io->pid && !p->reaped && !p->terminated)
			return p;
	return NULL;
}

struct lsw_thread *np_io_thread(struct np_io *io)
{
	struct lsw_process *p;

	if (io->thread)
		return io->thread;
	return (p = process_of(io)) ? &p->main_thread : NULL;
}

/* The thread that asked, for its APC, if it still runs. */
static struct lsw_thread *asking_thread(struct np_io *io)
{
	struct lsw_process *p = process_of(io);

	for (struct lsw_thread *t = p ? p->threads : NULL; t; t = t->next)
		if (t->win_tid == io->tid && !t->exited)
			return t;
	return NULL;
}

static bool nt_error(NTSTATUS st)
{
	return (st >> 30) == 3;
}

/* Event, completion port or APC, as file_io_end does for I/O that ends
 * in its call; an I/O that pended tells them even when it failed. */
static void tell(struct np_io *io, NTSTATUS st, uint64_t info)
{
	struct lsw_thread *t;

	if (io->thread && nt_error(st))
		return;
	if (io->event)
		event_signal(io->event);
	if (io->port && io->apc_context)
		io_queue_post(io->port, io->key, io->apc_context, st, info, NULL);
	else if (io->apc && !io->port && (t = asking_thread(io)))
		apc_queue(t, io->apc, io->apc_context, io->iosb, 0);
}

void np_io_finish(struct np_io *io, NTSTATUS st, uint64_t info)
{
	struct lsw_thread *t = np_io_thread(io);

	if (io->thread)
		io->thread->call.sync_io = false; /* its own APC must not cancel it now */
	unlink_io(io);
	if (io->kind == NP_IO_WRITE && st == (NTSTATUS)LSW_STATUS_CANCELLED && io->end)
		np_withdraw(io->end, io->start_seq);
	if (t && io->iosb)
		tracee_write_iosb(t, io->iosb, st, info);
	if (io->end)
		np_end_done(io->end, io->thread != NULL, io->event != NULL);
	tell(io, st, info);
	if (io->thread)
		nt_answer(io->thread, st);
	free_io(io);
}

void np_io_finish_all(struct np_io **list, NTSTATUS st)
{
	while (*list)
		np_io_finish(*list, st, 0);
}

static unsigned cancel_list(struct np_io **list, uint32_t tid, uint64_t iosb)
{
	unsigned n = 0;

	for (struct np_io *io = *list, *next; io; io = next) {
		next = io->next;
		if ((tid && io->tid != tid) || (iosb && io->iosb != iosb))
			continue;
		np_io_finish(io, LSW_STATUS_CANCELLED, 0);
		n++;
	}
	return n;
}

unsigned np_cancel(struct file_object *f, uint32_t tid, uint64_t iosb)
{
	struct np_end *e = f->np;
	unsigned n;

	if (!e)
		return 0;
	n = cancel_list(&e->readers, tid, iosb) + cancel_list(&e->writers, tid, iosb);
	if (e->server && e->inst)
		n += cancel_list(&e->inst->listeners, tid, iosb);
	for (struct np_pipe *p = e->root ? f->host->named_pipes : NULL; p; p = p->next)
		for (struct np_io *io = p->waiters, *next; io; io = next) {
			next = io->next;
			if (io->end == e && (!tid || io->tid == tid) && (!iosb || io->iosb == iosb)) {
				np_io_finish(io, LSW_STATUS_CANCELLED, 0);
				n++;
			}
		}
	if (n && e->inst)
		np_pump(e->inst); /* writes taken back make room for the others */
	return n;
}

void np_thread_exited(struct lsw_thread *t)
{
	struct handle_table *ht = &t->process->handles;

	for (size_t i = 0; i < ht->n; i++) {
		struct nt_object *o = ht->e[i].obj;

		if (o && o->ops == &file_ops && ((struct file_object *)o)->np)
			np_cancel((struct file_object *)o, t->win_tid, 0);
	}
}
