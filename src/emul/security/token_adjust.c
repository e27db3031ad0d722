/*
 * NtAdjustPrivilegesToken (AdjustTokenPrivileges): privileges the token
 * holds are enabled (SE_PRIVILEGE_ENABLED), disabled (no such bit) or
 * removed for good (SE_PRIVILEGE_REMOVED); DisableAllPrivileges disables
 * them all and ignores NewState.  A privilege the token does not hold is
 * skipped and the call says STATUS_NOT_ALL_ASSIGNED (a success: the rest
 * is done).  PreviousState receives the privileges that changed, with
 * their attributes before; when it is too small nothing changes
 * (STATUS_BUFFER_TOO_SMALL, the size needed in ReturnLength).
 */
#include <string.h>
#include "emul/security/token.h"

#define TOKEN_ADJUST_PRIVILEGES 0x0020u
#define SE_PRIVILEGE_ENABLED 0x2u
#define SE_PRIVILEGE_REMOVED 0x4u
#define STATUS_NOT_ALL_ASSIGNED 0x00000106u
#define NEW_STATE_MAX 256
#define LUID_AND_ATTRIBUTES_SIZE 12

/* The state after NewState's entries are applied to s; *missing when one
 * names a privilege s does not hold. */
static NTSTATUS apply_new_state(struct nt_call *c, uint64_t addr, struct token_state *s,
				bool *missing)
{
	uint32_t n, e[3];

	if (!addr)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, addr, &n, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (n > NEW_STATE_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	for (uint32_t i = 0; i < n; i++) {
		int k;

		if (tracee_read(c->thread, addr + 4 + LUID_AND_ATTRIBUTES_SIZE * i, e, sizeof(e)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		k = token_privilege_index(e[0] | (uint64_t)e[1] << 32);
		if (k < 0 || !(s->privileges_held & (1u << k))) {
			*missing = true;
			continue;
		}
		if (e[2] & SE_PRIVILEGE_REMOVED)
			s->privileges_held &= ~(1u << k);
		else if (e[2] & SE_PRIVILEGE_ENABLED)
			s->privilege_attributes[k] |= SE_PRIVILEGE_ENABLED;
		else
			s->privilege_attributes[k] &= ~SE_PRIVILEGE_ENABLED;
	}
	return LSW_STATUS_SUCCESS;
}

/* PreviousState: a TOKEN_PRIVILEGES of what differs between old and now. */
static NTSTATUS write_previous(struct nt_call *c, const struct token_state *old,
			       const struct token_state *now, uint64_t buf, uint32_t len,
			       uint64_t ret_len)
{
	uint8_t out[4 + LUID_AND_ATTRIBUTES_SIZE * TOKEN_NPRIVILEGES];
	uint32_t n = 0, size;

	for (int i = 0; i < TOKEN_NPRIVILEGES; i++) {
		bool held = old->privileges_held & (1u << i);
		uint32_t e[3];

		if (!held || (now->privileges_held & (1u << i) &&
			      now->privilege_attributes[i] == old->privilege_attributes[i]))
			continue;
		token_privilege_luid(i, e);
		e[2] = old->privilege_attributes[i];
		memcpy(out + 4 + LUID_AND_ATTRIBUTES_SIZE * n++, e, sizeof(e));
	}
	memcpy(out, &n, 4);
	size = 4 + LUID_AND_ATTRIBUTES_SIZE * n;
	if (tracee_write(c->thread, ret_len, &size, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (len < size)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	return tracee_write(c->thread, buf, out, size) < 0 ? LSW_STATUS_ACCESS_VIOLATION
							   : LSW_STATUS_SUCCESS;
}

/* NtAdjustPrivilegesToken(TokenHandle, DisableAllPrivileges, NewState,
 *                         BufferLength, PreviousState, ReturnLength) */
NTSTATUS nt_NtAdjustPrivilegesToken(struct nt_call *c)
{
	uint64_t previous = c->args[4];
	uint32_t need = TOKEN_ADJUST_PRIVILEGES | (previous ? TOKEN_QUERY : 0);
	struct token_state now;
	bool missing = false;
	NTSTATUS st;
	struct token *t = token_from_handle(c, c->args[0], need, &st);

	if (!t)
		return st;
	now = t->s;
	if ((uint8_t)c->args[1]) {
		for (int i = 0; i < TOKEN_NPRIVILEGES; i++)
			now.privilege_attributes[i] &= ~SE_PRIVILEGE_ENABLED;
	} else if ((st = apply_new_state(c, c->args[2], &now, &missing)) != LSW_STATUS_SUCCESS) {
		return st;
	}
	if (previous && (st = write_previous(c, &t->s, &now, previous, (uint32_t)c->args[3],
					     c->args[5])) != LSW_STATUS_SUCCESS)
		return st;
	now.modified_id = token_next_id();
	t->s = now;
	return missing ? STATUS_NOT_ALL_ASSIGNED : LSW_STATUS_SUCCESS;
}
