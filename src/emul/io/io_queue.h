/* The inside of a completion port's queue, for io_completion*.c. */
#ifndef LSW_IO_QUEUE_H
#define LSW_IO_QUEUE_H

#include "emul/io/io_completion.h"

/* A hostile program posting without ever dequeuing stops here. */
#define IO_QUEUE_MAX_DEPTH (1u << 18)

/* What NtRemoveIoCompletion hands out: FILE_IO_COMPLETION_INFORMATION. */
struct completion_entry {
	uint64_t key, value;      /* KeyContext, ApcContext */
	uint64_t status, info;    /* IO_STATUS_BLOCK (Status widened to 8) */
};

struct completion_packet {
	struct completion_packet *next;
	struct completion_entry e;
	struct wait_packet *owner;
};

struct io_queue {
	unsigned refs;
	bool closed;                  /* the port is gone: nothing queues */
	struct completion_packet *first, *last;
	uint32_t depth;
	uint32_t concurrency;         /* threads it lets run at once */
	uint32_t active;              /* its threads running (not blocked) */
	struct remove_waiter *waiters; /* newest first: released LIFO */
	struct nt_object *port;       /* NULL once closed */
};

/* Takes the oldest packet into *out: false if none. */
bool io_queue_take(struct io_queue *q, struct completion_entry *out);
/* The port went: every waiter is answered STATUS_ABANDONED_WAIT_0. */
void io_queue_abandon_waiters(struct io_queue *q);

#endif
