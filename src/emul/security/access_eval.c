/*
 * The access check itself (access_check.h): a pure function of a token's
 * state and a descriptor's trusted parts.  Each pass keeps two masks, the
 * rights granted and the rights denied so far: an allowed ACE grants what
 * no earlier ACE denied, a denied ACE denies what no earlier ACE granted,
 * so the first ACE to speak of a right decides it, as the ordered DACL
 * walk of the documentation does (also for MAXIMUM_ALLOWED).
 */
#include <string.h>
#include "emul/security/access_check.h"

#define ACCESS_ALLOWED_ACE_TYPE 0
#define ACCESS_DENIED_ACE_TYPE 1
#define INHERIT_ONLY_ACE 0x08u
#define SE_GROUP_ENABLED 0x4u
#define SE_SECURITY_LUID 8u
#define SE_TAKE_OWNERSHIP_LUID 9u
#define READ_CONTROL 0x00020000u
#define WRITE_DAC 0x00040000u
#define WRITE_OWNER 0x00080000u
#define ACCESS_SYSTEM_SECURITY 0x01000000u
#define MAXIMUM_ALLOWED 0x02000000u

/* S-1-3-4: whoever owns the object. */
static const uint8_t owner_rights_sid[12] = { 1, 1, 0, 0, 0, 0, 0, 3, 4, 0, 0, 0 };

/* Whether sid is one of the SIDs a pass counts: for the normal pass the
 * token's user or an enabled group, and for a denied ACE also one that is
 * deny-only; for the restricted pass one of the restricted SIDs. */
static bool sid_in_token(const struct token_state *s, bool restricted, const uint8_t *sid,
			 uint32_t len, bool deny)
{
	int i;

	if (restricted) {
		for (uint32_t k = 0; k < s->nrestricted; k++)
			if (s->restricted[k].len == len && !memcmp(s->restricted[k].sid, sid, len))
				return true;
		return false;
	}
	i = token_sid_index(sid, len);
	if (i == -1)
		return deny || !(s->user_attributes & SE_GROUP_USE_FOR_DENY_ONLY);
	if (i < 0)
		return false;
	if (s->group_attributes[i] & SE_GROUP_USE_FOR_DENY_ONLY)
		return deny;
	return (s->group_attributes[i] & SE_GROUP_ENABLED) != 0;
}

/* The ACE at `at` of a trusted ACL: its type, flags, mask and SID. */
struct ace {
	uint8_t type, flags;
	uint32_t mask;
	const uint8_t *sid;
	uint32_t sid_len;
};

static uint32_t ace_at(const uint8_t *acl, uint32_t at, struct ace *a)
{
	uint16_t size;

	a->type = acl[at];
	a->flags = acl[at + 1];
	memcpy(&size, acl + at + 2, 2);
	memcpy(&a->mask, acl + at + 4, 4);
	a->sid = acl + at + 8;
	a->sid_len = size >= 16 ? sd_sid_len(a->sid) : 0;
	return size;
}

static uint16_t ace_count(const uint8_t *acl)
{
	uint16_t n;

	memcpy(&n, acl + 4, 2);
	return n;
}

static bool is_owner_rights(const struct ace *a)
{
	return a->sid_len == sizeof(owner_rights_sid) &&
	       !memcmp(a->sid, owner_rights_sid, sizeof(owner_rights_sid));
}

/* Whether an ACE that is not inherit-only names OWNER RIGHTS: then those
 * ACEs, not the implied READ_CONTROL | WRITE_DAC, say what the owner may. */
static bool names_owner_rights(const uint8_t *acl)
{
	uint32_t at = 8;
	struct ace a;

	for (uint16_t i = 0; i < ace_count(acl); i++) {
		at += ace_at(acl, at, &a);
		if (!(a.flags & INHERIT_ONLY_ACE) && is_owner_rights(&a))
			return true;
	}
	return false;
}

/* The rights one pass grants through the DACL and ownership. */
static uint32_t dacl_pass(const struct token_state *s, const struct sd_parts *sd,
			  const struct generic_mapping *map, bool restricted)
{
	bool owner = sd->owner && sid_in_token(s, restricted, sd->owner, sd->owner_len, false);
	uint32_t granted = 0, denied = 0, at = 8;
	struct ace a;

	if (owner && !names_owner_rights(sd->dacl))
		granted = READ_CONTROL | WRITE_DAC;
	for (uint16_t i = 0; i < ace_count(sd->dacl); i++) {
		bool deny, applies;
		uint32_t mask;

		at += ace_at(sd->dacl, at, &a);
		deny = a.type == ACCESS_DENIED_ACE_TYPE;
		if ((a.type != ACCESS_ALLOWED_ACE_TYPE && !deny) || (a.flags & INHERIT_ONLY_ACE) ||
		    !a.sid_len)
			continue;
		applies = is_owner_rights(&a) ? owner
					      : sid_in_token(s, restricted, a.sid, a.sid_len, deny);
		if (!applies)
			continue;
		/* a DACL never grants ACCESS_SYSTEM_SECURITY: only the privilege does */
		mask = access_map_generic(a.mask, map) & ~(ACCESS_SYSTEM_SECURITY | MAXIMUM_ALLOWED);
		if (deny)
			denied |= mask & ~granted;
		else
			granted |= mask & ~denied;
	}
	return granted;
}

static void use_privilege(struct access_result *r, uint32_t luid, uint32_t right)
{
	r->granted |= right;
	r->privilege_luid[r->nprivileges++] = luid;
}

void access_evaluate(const struct token_state *s, const struct sd_parts *sd, uint32_t desired,
		     const struct generic_mapping *map, struct access_result *out)
{
	bool max = desired & MAXIMUM_ALLOWED;
	uint32_t want = desired & ~MAXIMUM_ALLOWED, granted;

	memset(out, 0, sizeof(*out));
	if (want & ACCESS_SYSTEM_SECURITY) {
		if (!token_privilege_enabled(s, SE_SECURITY_LUID)) {
			out->status = LSW_STATUS_PRIVILEGE_NOT_HELD;
			return;
		}
		use_privilege(out, SE_SECURITY_LUID, ACCESS_SYSTEM_SECURITY);
	}
	if ((max || (want & WRITE_OWNER)) && token_privilege_enabled(s, SE_TAKE_OWNERSHIP_LUID))
		use_privilege(out, SE_TAKE_OWNERSHIP_LUID, WRITE_OWNER);
	if (!(sd->control & SE_DACL_PRESENT) || !sd->dacl) {
		granted = want | (max ? map->all : 0);
	} else {
		granted = dacl_pass(s, sd, map, false);
		if (s->nrestricted)
			granted &= dacl_pass(s, sd, map, true);
	}
	granted |= out->granted;
	if ((want & ~granted) || (max ? !granted : !want)) {
		out->granted = 0;
		out->nprivileges = 0;
		out->status = LSW_STATUS_ACCESS_DENIED;
		return;
	}
	out->granted = max ? granted : want;
	out->status = LSW_STATUS_SUCCESS;
}
