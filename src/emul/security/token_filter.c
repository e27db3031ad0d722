/*
 * New tokens from old ones: NtFilterToken (CreateRestrictedToken's call:
 * groups made deny-only, privileges deleted, restricted SIDs added),
 * NtDuplicateToken (a primary or impersonation copy) and
 * NtSetInformationToken's default DACL.  What the caller sends (the
 * TOKEN_GROUPS and TOKEN_PRIVILEGES, each SID, the ACL) is read and
 * checked here; the new token is a copy, the old one is never changed.
 */
#include <string.h>
#include "emul/object/object_names.h"
#include "emul/process/thread.h"
#include "emul/security/token.h"

#define DISABLE_MAX_PRIVILEGE 0x1u
#define SANDBOX_INERT 0x2u
#define LUA_TOKEN 0x4u
#define WRITE_RESTRICTED 0x8u
#define FILTER_FLAGS (DISABLE_MAX_PRIVILEGE | SANDBOX_INERT | LUA_TOKEN | WRITE_RESTRICTED)
#define SE_CHANGE_NOTIFY 23
#define SE_GROUP_ENABLED_BITS 0x6u  /* ENABLED_BY_DEFAULT | ENABLED */
#define SE_GROUP_INTEGRITY 0x20u
#define LIST_MAX 256
#define STATUS_BAD_TOKEN_TYPE 0xC00000A8u
#define STATUS_BAD_IMPERSONATION_LEVEL 0xC00000A5u
#define STATUS_INVALID_ACL 0xC0000077u
#define STATUS_INVALID_SID 0xC0000078u
#define TOKEN_ALL_ACCESS 0x000F01FFu

/* The SID at addr, checked (revision 1, at most 15 sub-authorities). */
static NTSTATUS read_sid(struct nt_call *c, uint64_t addr, struct token_sid *out)
{
	uint8_t head[8];

	if (!addr)
		return STATUS_INVALID_SID;
	if (tracee_read(c->thread, addr, head, sizeof(head)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (head[0] != 1 || head[1] > 15)
		return STATUS_INVALID_SID;
	out->len = 8u + 4u * head[1];
	return tracee_read(c->thread, addr, out->sid, out->len) < 0 ? LSW_STATUS_ACCESS_VIOLATION
								    : LSW_STATUS_SUCCESS;
}

/* The entry count a TOKEN_GROUPS or TOKEN_PRIVILEGES at addr starts with,
 * bounded; 0 for no list (addr NULL). */
static NTSTATUS list_count(struct nt_call *c, uint64_t addr, uint32_t *n)
{
	*n = 0;
	if (!addr)
		return LSW_STATUS_SUCCESS;
	if (tracee_read(c->thread, addr, n, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return *n > LIST_MAX ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* Each SID_AND_ATTRIBUTES of the TOKEN_GROUPS at addr, to fn. */
static NTSTATUS each_group(struct nt_call *c, uint64_t addr, struct token_state *s,
			   NTSTATUS (*fn)(struct token_state *, const struct token_sid *, uint32_t))
{
	uint32_t n;
	uint64_t entry[2];
	struct token_sid sid;
	NTSTATUS st;

	if ((st = list_count(c, addr, &n)) != LSW_STATUS_SUCCESS)
		return st;
	for (uint32_t i = 0; i < n; i++) {
		if (tracee_read(c->thread, addr + 8 + 16 * i, entry, sizeof(entry)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if ((st = read_sid(c, entry[0], &sid)) != LSW_STATUS_SUCCESS ||
		    (st = fn(s, &sid, (uint32_t)entry[1])) != LSW_STATUS_SUCCESS)
			return st;
	}
	return LSW_STATUS_SUCCESS;
}

/* SidsToDisable: the user or a group becomes deny-only (never enabled
 * again); a SID the token lacks is ignored, as are the attributes. */
static NTSTATUS disable_sid(struct token_state *s, const struct token_sid *sid, uint32_t attr)
{
	int i = token_sid_index(sid->sid, sid->len);

	(void)attr;
	if (i == -1)
		s->user_attributes = SE_GROUP_USE_FOR_DENY_ONLY;
	else if (i >= 0 && !(s->group_attributes[i] & SE_GROUP_INTEGRITY))
		s->group_attributes[i] = (s->group_attributes[i] & ~SE_GROUP_ENABLED_BITS) |
					 SE_GROUP_USE_FOR_DENY_ONLY;
	return LSW_STATUS_SUCCESS;
}

/* RestrictedSids: their attributes must be 0. */
static NTSTATUS restrict_sid(struct token_state *s, const struct token_sid *sid, uint32_t attr)
{
	if (attr)
		return LSW_STATUS_INVALID_PARAMETER;
	for (uint32_t i = 0; i < s->nrestricted; i++)
		if (s->restricted[i].len == sid->len && !memcmp(s->restricted[i].sid, sid->sid, sid->len))
			return LSW_STATUS_SUCCESS;
	if (s->nrestricted == TOKEN_RESTRICTED_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	s->restricted[s->nrestricted++] = *sid;
	return LSW_STATUS_SUCCESS;
}

/* PrivilegesToDelete: TOKEN_PRIVILEGES (LUID_AND_ATTRIBUTES are 12 bytes
 * from offset 4); one the token lacks is ignored. */
static NTSTATUS delete_privileges(struct nt_call *c, uint64_t addr, struct token_state *s)
{
	uint32_t n, e[3];
	NTSTATUS st;

	if ((st = list_count(c, addr, &n)) != LSW_STATUS_SUCCESS)
		return st;
	for (uint32_t i = 0; i < n; i++) {
		int k;

		if (tracee_read(c->thread, addr + 4 + 12 * i, e, sizeof(e)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if ((k = token_privilege_index(e[0] | (uint64_t)e[1] << 32)) >= 0)
			s->privileges_held &= ~(1u << k);
	}
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS give_token(struct nt_call *c, const struct token_state *s, uint32_t access,
			   uint64_t out)
{
	struct token *t = token_new(s);
	NTSTATUS st;

	if (!t)
		return LSW_STATUS_NO_MEMORY;
	st = object_give_handle(c, &t->obj, access, out);
	object_unref(&t->obj);
	return st;
}

/* NtFilterToken(ExistingTokenHandle, Flags, SidsToDisable,
 *               PrivilegesToDelete, RestrictedSids, NewTokenHandle) */
NTSTATUS nt_NtFilterToken(struct nt_call *c)
{
	uint32_t flags = (uint32_t)c->args[1];
	struct token_state s;
	NTSTATUS st;
	struct token *old = token_from_handle(c, c->args[0], TOKEN_DUPLICATE, &st);

	if (!old)
		return st;
	if (flags & ~FILTER_FLAGS)
		return LSW_STATUS_INVALID_PARAMETER;
	s = old->s;
	s.filtered = true;
	if (flags & DISABLE_MAX_PRIVILEGE) {
		int keep = token_privilege_index(SE_CHANGE_NOTIFY);

		s.privileges_held &= keep >= 0 ? 1u << keep : 0;
	}
	if ((st = each_group(c, c->args[2], &s, disable_sid)) != LSW_STATUS_SUCCESS ||
	    (st = delete_privileges(c, c->args[3], &s)) != LSW_STATUS_SUCCESS ||
	    (st = each_group(c, c->args[4], &s, restrict_sid)) != LSW_STATUS_SUCCESS)
		return st;
	return give_token(c, &s, TOKEN_ALL_ACCESS, c->args[5]);
}

/* The impersonation level OBJECT_ATTRIBUTES's SecurityQualityOfService
 * (at +40) asks: SecurityAnonymous when there is none. */
static NTSTATUS qos_level(struct nt_call *c, uint64_t oa, uint32_t *level)
{
	uint64_t qos = 0;

	*level = 0;
	if (oa && tracee_read(c->thread, oa + 40, &qos, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (qos && tracee_read(c->thread, qos + 4, level, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return *level > 3 ? STATUS_BAD_IMPERSONATION_LEVEL : LSW_STATUS_SUCCESS;
}

/* NtDuplicateToken(ExistingTokenHandle, DesiredAccess, ObjectAttributes,
 *                  EffectiveOnly, TokenType, NewTokenHandle) */
NTSTATUS nt_NtDuplicateToken(struct nt_call *c)
{
	uint32_t type = (uint32_t)c->args[4], access = (uint32_t)c->args[1];
	struct token_state s;
	NTSTATUS st;
	struct token *old = token_from_handle(c, c->args[0], TOKEN_DUPLICATE, &st);

	if (!old)
		return st;
	if (type != TOKEN_TYPE_PRIMARY && type != TOKEN_TYPE_IMPERSONATION)
		return LSW_STATUS_INVALID_PARAMETER;
	s = old->s;
	if ((st = qos_level(c, c->args[2], &s.level)) != LSW_STATUS_SUCCESS)
		return st;
	/* a primary token is made from an impersonation one of at least
	 * SecurityImpersonation only */
	if (type == TOKEN_TYPE_PRIMARY && old->s.type == TOKEN_TYPE_IMPERSONATION &&
	    old->s.level < 2)
		return STATUS_BAD_IMPERSONATION_LEVEL;
	if (type == TOKEN_TYPE_PRIMARY)
		s.level = 0;
	s.type = type;
	if ((uint8_t)c->args[3])
		token_keep_enabled(&s);
	/* no access asked: the existing handle's */
	access = access ? token_map_access(access)
			: handle_access(c->thread->process, c->args[0]) & TOKEN_ALL_ACCESS;
	return give_token(c, &s, access, c->args[5]);
}

/* TokenDefaultDacl (6): TOKEN_DEFAULT_DACL's pointer to a valid ACL (its
 * AclSize bytes are kept), or NULL for none. */
static NTSTATUS set_default_dacl(struct nt_call *c, struct token *t, uint64_t info, uint32_t len)
{
	uint64_t acl;
	uint8_t head[8];
	uint16_t size;

	if (len < 8)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, info, &acl, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!acl)
		return LSW_STATUS_SUCCESS; /* Windows keeps the old one too */
	if (tracee_read(c->thread, acl, head, sizeof(head)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	memcpy(&size, head + 2, 2);
	if ((head[0] != 2 && head[0] != 4) || size < 8 || size > TOKEN_DACL_MAX || size % 4)
		return STATUS_INVALID_ACL;
	if (tracee_read(c->thread, acl, t->s.dacl, size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	t->s.dacl_len = size;
	return LSW_STATUS_SUCCESS;
}

/* NtSetInformationToken(TokenHandle, TokenInformationClass,
 *                       TokenInformation, TokenInformationLength) */
NTSTATUS nt_NtSetInformationToken(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1];
	NTSTATUS st;
	struct token *t;

	if (cls != 6)
		return LSW_STATUS_INVALID_INFO_CLASS; /* owner, group, session: not yet */
	if (!(t = token_from_handle(c, c->args[0], TOKEN_ADJUST_DEFAULT, &st)))
		return st;
	return set_default_dacl(c, t, c->args[2], (uint32_t)c->args[3]);
}
