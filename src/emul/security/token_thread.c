/*
 * Impersonation: a thread's own token.  A thread acts with its process's
 * primary token until it is given an impersonation token: SetThreadToken
 * and ImpersonateSelf (NtSetInformationThread's ThreadImpersonationToken,
 * which RevertToSelf calls with no token), ImpersonateNamedPipeClient
 * (the pipe client's context, pipe_named_client.c).  The thread holds the
 * token object itself, not a copy: what AdjustTokenPrivileges does to it
 * later, the thread sees.  NtOpenThreadToken opens it (STATUS_NO_TOKEN
 * while the thread does not impersonate).
 */
#include <string.h>
#include "emul/object/object_names.h"
#include "emul/process/thread.h"
#include "emul/security/token.h"

#define TOKEN_IMPERSONATE 0x0004u
#define STATUS_BAD_TOKEN_TYPE 0xC00000A8u

struct token *token_of_thread(const struct lsw_thread *t)
{
	return (struct token *)t->token;
}

struct token *token_effective(struct lsw_thread *t)
{
	return t->token ? (struct token *)t->token : token_of_process(t->process);
}

void token_thread_set(struct lsw_thread *t, struct token *tok)
{
	if (tok)
		object_ref(&tok->obj);
	if (t->token)
		object_unref(t->token);
	t->token = tok ? &tok->obj : NULL;
}

void token_client_context(struct lsw_thread *t, uint32_t level, bool effective_only,
			  struct token_state *out)
{
	struct token *tok = token_effective(t);

	if (tok)
		*out = tok->s;
	else
		token_state_init(out);
	out->type = TOKEN_TYPE_IMPERSONATION;
	out->level = level;
	if (effective_only)
		token_keep_enabled(out);
}

/* NtSetInformationThread(ThreadImpersonationToken): the handle of an
 * impersonation token (TOKEN_IMPERSONATE), or 0 to stop impersonating. */
NTSTATUS token_thread_impersonate(struct nt_call *c, struct lsw_thread *t, uint64_t h)
{
	struct token *tok;
	NTSTATUS st;

	if (!h) {
		token_thread_set(t, NULL);
		return LSW_STATUS_SUCCESS;
	}
	if (!(tok = token_from_handle(c, h, TOKEN_IMPERSONATE, &st)))
		return st;
	if (tok->s.type != TOKEN_TYPE_IMPERSONATION)
		return STATUS_BAD_TOKEN_TYPE;
	token_thread_set(t, tok);
	return LSW_STATUS_SUCCESS;
}

/* NtOpenThreadToken(Ex): OpenAsSelf changes only whose rights the open is
 * checked with, and the user is the same either way here.  The handle's
 * place is cleared first (Windows probes it before it looks at the
 * thread: a bad one is STATUS_ACCESS_VIOLATION even without a token). */
NTSTATUS token_open_thread(struct nt_call *c, uint64_t thread, uint32_t access, uint64_t out)
{
	const uint64_t none = 0;
	struct lsw_thread *t;
	NTSTATUS st;

	if (tracee_write(c->thread, out, &none, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(t = thread_from_handle(c, thread, THREAD_QUERY_ANY, &st)))
		return st;
	if (!t->token)
		return LSW_STATUS_NO_TOKEN;
	return object_give_handle(c, t->token, token_map_access(access), out);
}
