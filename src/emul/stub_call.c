/*
 * LSW_CALL_STUB: a stub of one of our DLLs was called
 * (src/win32/stubs/stub.c).  Any program can make this call, so the name is
 * input like any other: 1..LSW_STUB_NAME_MAX bytes of "dll!Function" made
 * of the characters export names use, or the call is refused.  It becomes
 * the process's last stub (the unhandled-exception message names it), a
 * line in lsw trace, and, with --debug, a line the first time each name is
 * called.
 */
#include <stdlib.h>
#include <string.h>
#include <lsw/lswcall.h>
#include "emul/emul.h"
#include "emul/observer.h"
#include "emul/process/console_ctrl.h"

#define MAX_REMEMBERED 4096 /* names --debug has printed; beyond: printed again */

/* The names --debug has printed for one process. */
struct stub_seen {
	unsigned n;
	char *name[MAX_REMEMBERED];
};

/* Export names are C identifiers or decorated C++ names. */
static bool valid_name(const char *s, size_t len)
{
	const char *bang = memchr(s, '!', len);

	if (!bang || bang == s || bang == s + len - 1 || memchr(bang + 1, '!', len - (bang + 1 - s)))
		return false;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];

		if (!(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9') &&
		    (!ch || !strchr("_!.?@$-", ch)))
			return false;
	}
	return true;
}

static bool first_call(struct lsw_process *p, const char *name)
{
	struct stub_seen *s = p->stubs_seen;

	if (!s && !(s = p->stubs_seen = calloc(1, sizeof(*s))))
		return true;
	for (unsigned i = 0; i < s->n; i++)
		if (!strcmp(s->name[i], name))
			return false;
	if (s->n < MAX_REMEMBERED && (s->name[s->n] = strdup(name)))
		s->n++;
	return true;
}

void stub_seen_free(struct lsw_process *p)
{
	struct stub_seen *s = p->stubs_seen;

	for (unsigned i = 0; s && i < s->n; i++)
		free(s->name[i]);
	free(s);
	p->stubs_seen = NULL;
}

NTSTATUS lsw_call_stub(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct lsw_process *p = t->process;
	char name[LSW_STUB_NAME_MAX + 1];
	uint64_t len = c->args[1];

	if (len == 0 || len > LSW_STUB_NAME_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(t, c->args[0], name, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	name[len] = 0;
	if (!valid_name(name, len))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(p->last_stub, name, len + 1);
	if (lsw_debug && first_call(p, name))
		lsw_log("%s is a stub (not implemented): the program was told it failed", name);
	if (thread_observer(t) && thread_observer(t)->stub_called)
		thread_observer(t)->stub_called(thread_observer_arg(t), c, name);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS lsw_private_call(struct nt_call *c)
{
	switch (c->number) {
	case LSW_CALL_STUB:
		return lsw_call_stub(c);
	case LSW_CALL_CTRL_ROUTINE:
		return lsw_call_ctrl_routine(c);
	case LSW_CALL_CTRL_EVENT:
		return lsw_call_ctrl_event(c);
	default:
		return LSW_STATUS_INVALID_SYSTEM_SERVICE;
	}
}
