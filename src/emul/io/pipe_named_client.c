/*
 * Named pipes: the client's security context, which the server takes on
 * with ImpersonateNamedPipeClient (FSCTL_PIPE_IMPERSONATE).  The client's
 * SECURITY_QUALITY_OF_SERVICE at its open says how: the impersonation
 * level, static tracking (the context as it was at the open) or dynamic
 * (as it was at the client's last write), and effective only (privileges
 * not enabled then are left out).  A client that gives none is taken at
 * SecurityImpersonation, tracked dynamically, effective only, as
 * Windows' pipe file system does.  The context is the client thread's
 * impersonation token if it has one, else its process's token.  It
 * stays after the client closes, until the server disconnects; before
 * any client came there is none (STATUS_CANNOT_IMPERSONATE).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/pipe_named.h"
#include "emul/security/token.h"

#define SECURITY_IMPERSONATION 2u
#define SECURITY_DELEGATION 3u
#define QOS_SIZE 12u                 /* Length, ImpersonationLevel, two BOOLEANs */
#define OA_QOS_OFFSET 40u            /* OBJECT_ATTRIBUTES.SecurityQualityOfService */
#define STATUS_CANNOT_IMPERSONATE 0xC000010Du

NTSTATUS np_client_qos(struct nt_call *c, uint64_t oa, struct np_end *e)
{
	uint64_t qos = 0;
	uint8_t q[QOS_SIZE];
	uint32_t level;

	e->qos_level = SECURITY_IMPERSONATION;
	e->qos_dynamic = e->qos_effective_only = true;
	if (tracee_read(c->thread, oa + OA_QOS_OFFSET, &qos, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!qos)
		return LSW_STATUS_SUCCESS;
	if (tracee_read(c->thread, qos, q, sizeof(q)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	memcpy(&level, q + 4, 4);
	if (level > SECURITY_DELEGATION)
		return LSW_STATUS_INVALID_PARAMETER;
	e->qos_level = level;
	e->qos_dynamic = q[8] != 0;  /* SECURITY_DYNAMIC_TRACKING */
	e->qos_effective_only = q[9] != 0;
	return LSW_STATUS_SUCCESS;
}

void np_client_capture(struct lsw_thread *t, struct np_end *client, bool at_open)
{
	struct np_instance *in = client->inst;

	if (!in || (!at_open && !client->qos_dynamic))
		return;
	if (!in->client_ctx && !(in->client_ctx = malloc(sizeof(*in->client_ctx))))
		return; /* no memory: the server cannot impersonate this client */
	token_client_context(t, client->qos_level, client->qos_effective_only, in->client_ctx);
}

void np_client_forget(struct np_instance *in)
{
	free(in->client_ctx);
	in->client_ctx = NULL;
}

/* FSCTL_PIPE_IMPERSONATE on a server end: the calling thread now acts as
 * the client, with a token of its own made from the context. */
NTSTATUS np_impersonate(struct nt_call *c, struct np_end *e)
{
	struct token *tok;

	if (!e->server)
		return NP_STATUS_ILLEGAL_FUNCTION;
	if (!e->inst || !e->inst->client_ctx)
		return STATUS_CANNOT_IMPERSONATE;
	if (!(tok = token_new(e->inst->client_ctx)))
		return LSW_STATUS_NO_MEMORY;
	token_thread_set(c->thread, tok);
	object_unref(&tok->obj);
	return LSW_STATUS_SUCCESS;
}
