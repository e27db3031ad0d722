/*
 * I/O completion ports (io_completion.c, io_completion_remove.c) and what
 * feeds them: files (file_completion.c) and wait completion packets
 * (wait_packet.c).
 *
 * A port object owns a queue.  The queue is reference-counted on its own:
 * files associated with the port and wait packets keep it, so that a
 * completion after the port's last handle closed goes nowhere instead of
 * to freed memory.  When the port object goes (its last handle), the queue
 * is run down: its packets are dropped and the threads waiting in
 * NtRemoveIoCompletion(Ex) get STATUS_ABANDONED_WAIT_0.
 */
#ifndef LSW_IO_COMPLETION_H
#define LSW_IO_COMPLETION_H

#include "emul/object/object.h"

#define IO_COMPLETION_QUERY_STATE 0x0001u
#define IO_COMPLETION_MODIFY_STATE 0x0002u

struct io_queue;
struct wait_packet;

extern const struct nt_object_ops io_completion_ops;

/* The queue of the port behind h, which needs `need` access; referenced. */
struct io_queue *io_queue_from_handle(struct nt_call *c, uint64_t h, uint32_t need,
				      NTSTATUS *st);
struct io_queue *io_queue_ref(struct io_queue *q);
void io_queue_unref(struct io_queue *q);

/* Queues a completion packet.  owner (NULL: none) is told through
 * wait_packet_dequeued() when a thread takes the packet.  Fails with
 * STATUS_INSUFFICIENT_RESOURCES when the queue is full; a packet for a
 * closed port is dropped (success: the poster cannot know). */
NTSTATUS io_queue_post(struct io_queue *q, uint64_t key, uint64_t value, NTSTATUS status,
		       uint64_t info, struct wait_packet *owner);
/* Takes the queued packet of owner out: true if there was one. */
bool io_queue_unpost(struct io_queue *q, struct wait_packet *owner);

/* io_completion_remove.c */
/* Whether t sleeps in NtRemoveIoCompletion(Ex) (an APC may end it). */
bool io_remove_is_waiting(const struct lsw_thread *t);
/* A packet was queued or the port closed: wakes the waiters it can. */
void io_queue_release_waiters(struct io_queue *q);
/* The concurrency accounting: t's call was deferred, was answered, or t
 * ended (dispatch.c, thread ends). */
void io_completion_thread_blocks(struct lsw_thread *t);
void io_completion_thread_runs(struct lsw_thread *t);
void io_completion_thread_exited(struct lsw_thread *t);

/* wait_packet.c: the wait packet's packet was taken by a thread. */
void wait_packet_dequeued(struct wait_packet *wp);

#endif
