/* Keyed events: the rendezvous ntdll's locks block on. */
#ifndef LSW_KEYED_EVENT_H
#define LSW_KEYED_EVENT_H

#include "emul/object.h"

extern const struct nt_object_ops keyed_event_ops;

#endif
