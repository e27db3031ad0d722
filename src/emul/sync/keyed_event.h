/* Keyed events: the rendezvous ntdll's locks block on. */
#ifndef LSW_KEYED_EVENT_H
#define LSW_KEYED_EVENT_H

#include "emul/object/object.h"

extern const struct nt_object_ops keyed_event_ops;

/* The process's own keyed event (handle NULL) goes with it. */
void keyed_event_process_free(struct lsw_process *p);

#endif
