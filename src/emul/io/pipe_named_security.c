/*
 * Named pipes: their security descriptor (pipe_named.h).  Windows keeps
 * one per pipe: a change through any end is seen through every other, a
 * new instance has it, and a client keeps answering with it after its
 * server closed (Wine's ntdll pipe tests show each on Windows); a client
 * the server disconnected answers STATUS_PIPE_DISCONNECTED.
 */
#include <stdlib.h>
#include "emul/io/pipe_named.h"

struct np_security *np_security_new(struct nt_call *c, NTSTATUS *st)
{
	struct np_security *s = calloc(1, sizeof(*s));

	if (!s) {
		*st = LSW_STATUS_NO_MEMORY;
		return NULL;
	}
	s->refs = 1;
	if ((*st = object_security_assign(c, &s->sd)) != LSW_STATUS_SUCCESS) {
		free(s);
		return NULL;
	}
	return s;
}

void np_security_unref(struct np_security *s)
{
	if (!s || --s->refs)
		return;
	free(s->sd.bytes);
	free(s);
}

struct object_sd *np_security_of(struct file_object *f, NTSTATUS *st)
{
	struct np_end *e = f->np;

	if (e->root)
		return &f->hdr.sd;
	if (!e->inst) {
		*st = SD_STATUS_PIPE_DISCONNECTED;
		return NULL;
	}
	return &e->inst->security->sd;
}
