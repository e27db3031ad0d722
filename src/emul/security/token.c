/*
 * Tokens: NtOpenProcessToken(Ex), NtOpenThreadToken(Ex) and
 * NtQueryInformationToken (what the token says: token_info.c).  Each
 * process has its primary token, made on first use (the user's, or the
 * one its creator gave: NtCreateUserProcess's token attribute); opening
 * it gives a handle to that object.  The pseudo-handles of Windows 8 and
 * later are taken too: -4 the process token, -5 the thread's (while it
 * impersonates: token_thread.c), -6 the effective one (the thread's, else
 * the process's).
 */
#include <stdlib.h>
#include "emul/object/object_names.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"
#include "emul/security/token.h"

#define TOKEN_ALL_ACCESS 0x000F01FFu
#define CURRENT_PROCESS_TOKEN ((uint64_t)-4)
#define CURRENT_THREAD_TOKEN ((uint64_t)-5)
#define CURRENT_THREAD_EFFECTIVE_TOKEN ((uint64_t)-6)
#define TOKEN_INFO_MAX 4096

static const struct generic_mapping token_mapping = {
	0x00020008u, /* TOKEN_READ: READ_CONTROL | TOKEN_QUERY */
	0x000200E0u, /* TOKEN_WRITE: READ_CONTROL | ADJUST_PRIVILEGES | _GROUPS | _DEFAULT */
	0x00020000u, /* TOKEN_EXECUTE */
	TOKEN_ALL_ACCESS,
};

uint32_t token_map_access(uint32_t access)
{
	return access_map_generic(access, &token_mapping);
}

static void token_destroy(struct nt_object *obj)
{
	free(obj);
}

const struct nt_object_ops token_ops = { .type_name = "Token", .destroy = token_destroy };

uint32_t token_next_id(void)
{
	static uint32_t next_id = 0x0002a001u;

	return next_id++;
}

struct token *token_new(const struct token_state *s)
{
	struct token *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	object_init(&t->obj, &token_ops);
	t->s = *s;
	t->s.id = token_next_id();
	t->s.modified_id = token_next_id();
	return t;
}

struct token *token_of_process(struct lsw_process *p)
{
	struct token_state s;

	if (!p->token) {
		token_state_init(&s);
		p->token = (struct nt_object *)token_new(&s);
	}
	return (struct token *)p->token;
}

/* A new handle to the token of the process a handle names (the handle
 * must allow a query, as on Windows); a process whose record is gone has
 * no token left to open. */
static NTSTATUS open_token(struct nt_call *c, uint64_t process, uint32_t access, uint64_t out)
{
	NTSTATUS st;
	struct process_object *po = process_from_handle(
		c, process, PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION, &st);
	struct token *t;

	if (!po)
		return st;
	if (!po->process)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	if (!(t = token_of_process(po->process)))
		return LSW_STATUS_NO_MEMORY;
	return object_give_handle(c, &t->obj, token_map_access(access), out);
}

/* NtOpenProcessToken(ProcessHandle, DesiredAccess, TokenHandle) */
NTSTATUS nt_NtOpenProcessToken(struct nt_call *c)
{
	return open_token(c, c->args[0], (uint32_t)c->args[1], c->args[2]);
}

/* NtOpenProcessTokenEx(ProcessHandle, DesiredAccess, HandleAttributes,
 *                      TokenHandle) */
NTSTATUS nt_NtOpenProcessTokenEx(struct nt_call *c)
{
	return open_token(c, c->args[0], (uint32_t)c->args[1], c->args[3]);
}

/* NtOpenThreadToken(ThreadHandle, DesiredAccess, OpenAsSelf, TokenHandle) */
NTSTATUS nt_NtOpenThreadToken(struct nt_call *c)
{
	return token_open_thread(c, c->args[0], (uint32_t)c->args[1], c->args[3]);
}

/* NtOpenThreadTokenEx(ThreadHandle, DesiredAccess, OpenAsSelf,
 *                     HandleAttributes, TokenHandle) */
NTSTATUS nt_NtOpenThreadTokenEx(struct nt_call *c)
{
	c->oa_attributes = (uint32_t)c->args[3];
	return token_open_thread(c, c->args[0], (uint32_t)c->args[1], c->args[4]);
}

struct token *token_from_handle(struct nt_call *c, uint64_t h, uint32_t need, NTSTATUS *st)
{
	struct token *t;

	if (h == CURRENT_PROCESS_TOKEN || h == CURRENT_THREAD_TOKEN ||
	    h == CURRENT_THREAD_EFFECTIVE_TOKEN) {
		/* query rights only, as documented */
		if (need & ~(TOKEN_QUERY | TOKEN_QUERY_SOURCE)) {
			*st = LSW_STATUS_ACCESS_DENIED;
			return NULL;
		}
		if (h == CURRENT_THREAD_TOKEN)
			t = token_of_thread(c->thread);
		else if (h == CURRENT_THREAD_EFFECTIVE_TOKEN)
			t = token_effective(c->thread);
		else
			t = token_of_process(c->thread->process);
		if (!t)
			*st = h == CURRENT_THREAD_TOKEN ? LSW_STATUS_NO_TOKEN : LSW_STATUS_NO_MEMORY;
		return t;
	}
	return (struct token *)object_from_handle(c, h, &token_ops, need, st);
}

/* NtQueryInformationToken(TokenHandle, TokenInformationClass,
 *                         TokenInformation, TokenInformationLength,
 *                         ReturnLength); TokenSource (7) needs
 * TOKEN_QUERY_SOURCE. */
NTSTATUS nt_NtQueryInformationToken(struct nt_call *c)
{
	static uint8_t buf[TOKEN_INFO_MAX];
	uint32_t cls = (uint32_t)c->args[1], len = (uint32_t)c->args[3], need = 0;
	NTSTATUS st;
	struct token *t = token_from_handle(c, c->args[0], cls == 7 ? TOKEN_QUERY_SOURCE : TOKEN_QUERY,
					    &st);

	if (!t)
		return st;
	st = token_info(&t->s, cls, c->args[2], buf, len < sizeof(buf) ? len : sizeof(buf), &need);
	if (st == (NTSTATUS)LSW_STATUS_INVALID_INFO_CLASS)
		return st;
	if (!c->args[4] || tracee_write(c->thread, c->args[4], &need, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(c->thread, c->args[2], buf, need) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
