/*
 * NtPrivilegeCheck(ClientToken, RequiredPrivileges, Result): whether the
 * token has the PRIVILEGE_SET's privileges enabled, all of them
 * (PRIVILEGE_SET_ALL_NECESSARY) or any; each one enabled is marked
 * SE_PRIVILEGE_USED_FOR_ACCESS in the caller's set.  A primary token is
 * taken (Wine's advapi32 security tests see PrivilegeCheck succeed on a
 * restricted primary token on Windows); an anonymous impersonation token
 * is BAD_IMPERSONATION_LEVEL.
 */
#include "emul/security/access_check.h"

#define SE_PRIVILEGE_ENABLED 0x2u
#define PRIVILEGE_SET_ALL_NECESSARY 1u
#define PRIVILEGE_CHECK_MAX 256u  /* lsw's bound (Windows documents none): INVALID_PARAMETER past it */

bool token_privilege_enabled(const struct token_state *s, uint64_t luid)
{
	int k = token_privilege_index(luid);

	return k >= 0 && (s->privileges_held & (1u << k)) &&
	       (s->privilege_attributes[k] & SE_PRIVILEGE_ENABLED);
}

NTSTATUS nt_NtPrivilegeCheck(struct nt_call *c)
{
	uint32_t head[2], n_enabled = 0;
	uint64_t set = c->args[1];
	uint8_t result;
	NTSTATUS st;
	struct token *t = token_from_handle(c, c->args[0], TOKEN_QUERY, &st);

	if (!t)
		return st;
	if (t->s.type == TOKEN_TYPE_IMPERSONATION && t->s.level < SECURITY_IDENTIFICATION)
		return STATUS_BAD_IMPERSONATION_LEVEL;
	if (tracee_read(c->thread, set, head, sizeof(head)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (head[0] > PRIVILEGE_CHECK_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	for (uint32_t i = 0; i < head[0]; i++) {
		uint64_t at = set + PRIVILEGE_SET_HEADER + LUID_AND_ATTRIBUTES_SIZE * i;
		uint32_t e[3];

		if (tracee_read(c->thread, at, e, sizeof(e)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if (!token_privilege_enabled(&t->s, e[0] | (uint64_t)e[1] << 32))
			continue;
		n_enabled++;
		e[2] |= SE_PRIVILEGE_USED_FOR_ACCESS;
		if (tracee_write(c->thread, at + 8, &e[2], 4) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
	}
	result = head[1] & PRIVILEGE_SET_ALL_NECESSARY ? n_enabled == head[0] : n_enabled != 0;
	if (tracee_write(c->thread, c->args[2], &result, 1) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
