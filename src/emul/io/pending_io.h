/*
 * An I/O that ends after its call (a directory notify, a mailslot read):
 * whom to tell when it ends.  A synchronous handle's caller waits in its
 * call (a deferred answer); otherwise the call said STATUS_PENDING and the
 * end writes the IO_STATUS_BLOCK and tells the Event, the completion port
 * (when the call gave an ApcContext) or the APC, as file_io_end does for
 * I/O that ends in its call.  Nothing of the caller is trusted to still be
 * there: its process and thread are looked up again by id.
 */
#ifndef LSW_PENDING_IO_H
#define LSW_PENDING_IO_H

#include "emul/io/file.h"

struct pending_io {
	struct lsw_host *host;
	uint32_t pid, tid;
	struct lsw_thread *waiter;   /* a synchronous handle's caller */
	uint64_t iosb;
	struct nt_object *event;     /* referenced */
	uint64_t apc, apc_context;
	struct io_queue *port;       /* referenced */
	uint64_t key;
};

/* From call c on f, shaped as NtReadFile (Event, ApcRoutine, ApcContext,
 * IoStatusBlock in args 1..4); the waiter is c's thread when f is
 * synchronous. */
void pending_io_init(struct pending_io *io, struct nt_call *c, const struct file_object *f);
/* The thread whose memory holds the caller's buffers, NULL once gone. */
struct lsw_thread *pending_io_thread(const struct pending_io *io);
/* Ends it with st and info and drops its references.  False when the
 * call gave no event: the caller then signals the file itself. */
bool pending_io_finish(struct pending_io *io, NTSTATUS st, uint64_t info);
/* Drops its references, telling nobody (the caller went). */
void pending_io_release(struct pending_io *io);

#endif
