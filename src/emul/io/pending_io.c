/* An I/O that ends after its call: whom to tell (see pending_io.h). */
#include "emul/io/io_completion.h"
#include "emul/io/pending_io.h"
#include "emul/sync/apc.h"
#include "emul/sync/event.h"

#define FILE_SYNCHRONOUS_IO_ALERT 0x10u
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20u

void pending_io_init(struct pending_io *io, struct nt_call *c, const struct file_object *f)
{
	NTSTATUS st;

	io->host = c->thread->process->host;
	io->pid = c->thread->process->win_pid;
	io->tid = c->thread->win_tid;
	io->iosb = c->args[4];
	io->waiter = (f->options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT))
			     ? c->thread : NULL;
	io->event = NULL;
	if (c->args[1] && (io->event = handle_get(c->thread->process, c->args[1], &event_ops, &st)))
		object_ref(io->event);
	io->apc = c->args[2];
	io->apc_context = c->args[3];
	io->port = f->completion ? io_queue_ref(f->completion) : NULL;
	io->key = f->completion_key;
}

static struct lsw_process *process_of(const struct pending_io *io)
{
	for (struct lsw_process *p = io->host->processes; p; p = p->next)
		if (p->win_pid == io->pid && !p->reaped && !p->terminated)
			return p;
	return NULL;
}

struct lsw_thread *pending_io_thread(const struct pending_io *io)
{
	struct lsw_process *p;

	if (io->waiter)
		return io->waiter;
	return (p = process_of(io)) ? &p->main_thread : NULL;
}

/* The thread that asked, for its APC, if it still runs. */
static struct lsw_thread *asking_thread(const struct pending_io *io)
{
	struct lsw_process *p = process_of(io);

	for (struct lsw_thread *t = p ? p->threads : NULL; t; t = t->next)
		if (t->win_tid == io->tid && !t->exited)
			return t;
	return NULL;
}

void pending_io_release(struct pending_io *io)
{
	if (io->event)
		object_unref(io->event);
	io_queue_unref(io->port);
	io->event = NULL;
	io->port = NULL;
}

bool pending_io_finish(struct pending_io *io, NTSTATUS st, uint64_t info)
{
	struct lsw_thread *t = pending_io_thread(io);
	bool had_event = io->event != NULL;

	if (t && io->iosb)
		tracee_write_iosb(t, io->iosb, st, info);
	if (io->event)
		event_signal(io->event);
	if (io->port && io->apc_context)
		io_queue_post(io->port, io->key, io->apc_context, st, info, NULL);
	else if (io->apc && !io->port && (t = asking_thread(io)))
		apc_queue(t, io->apc, io->apc_context, io->iosb, 0);
	if (io->waiter)
		nt_answer(io->waiter, st);
	pending_io_release(io);
	return had_event;
}
