/* Event objects (NtCreateEvent ...) and waiting on them. */
#ifndef LSW_EVENT_H
#define LSW_EVENT_H

#include "emul/object/object.h"

extern const struct nt_object_ops event_ops;

/* Signals an event (NtSetEvent from inside the supervisor, e.g. a
 * registry notification). */
void event_signal(struct nt_object *event);
/* Resets it (the Event of an I/O, as the I/O starts). */
void event_reset(struct nt_object *event);
/* The event behind a handle, referenced; NULL with *st set otherwise. */
struct nt_object *event_from_handle(struct nt_call *c, uint64_t h, NTSTATUS *st);

#endif
