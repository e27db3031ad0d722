/* SetEntriesInAcl (A/W) and BuildTrusteeWithSid/Name: a new ACL from an
 * old one and EXPLICIT_ACCESS entries, as "SetEntriesInAcl" documents
 * the access modes: GRANT_ACCESS adds the rights to what the trustee is
 * allowed, SET_ACCESS replaces its explicit ACEs, DENY_ACCESS adds a
 * denying ACE, REVOKE_ACCESS removes its explicit ACEs.  The result is
 * in canonical order: explicit denying ACEs, explicit allowing ones, then
 * the old inherited ones as they were.  Trustees are SIDs or account
 * names ("CURRENT_USER" the caller). */
#include "adv_security.h"
#include <aclapi.h>

#define ACE_TYPE_ALLOWED 0
#define ACE_TYPE_DENIED 1
#define INHERIT_FLAGS (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE | NO_PROPAGATE_INHERIT_ACE | \
		       INHERIT_ONLY_ACE)

/* One ACE of the new ACL: its header values and SID. */
struct ace {
	BYTE type, flags;
	DWORD mask;
	const SID *sid;
};

struct acl_build {
	struct ace *aces;
	DWORD n, cap;
};

static BOOL add(struct acl_build *b, BYTE type, BYTE flags, DWORD mask, const SID *sid)
{
	if (b->n == b->cap) {
		DWORD cap = b->cap ? b->cap * 2 : 16;
		struct ace *a = adv_alloc(cap * sizeof(*a));

		if (!a)
			return FALSE;
		if (b->aces)
			memcpy(a, b->aces, b->n * sizeof(*a));
		adv_free(b->aces);
		b->aces = a;
		b->cap = cap;
	}
	b->aces[b->n++] = (struct ace){ type, flags, mask, sid };
	return TRUE;
}

/* The trustee's SID: given, or looked up (into buf) by name. */
static DWORD trustee_sid(const TRUSTEE_W *t, BYTE buf[SECURITY_MAX_SID_SIZE], const SID **out)
{
	WCHAR domain[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD len = SECURITY_MAX_SID_SIZE, dlen = ARRAYSIZE(domain);
	SID_NAME_USE use;
	const WCHAR *name = t->ptstrName;

	if (t->MultipleTrusteeOperation == TRUSTEE_IS_IMPERSONATE)
		return ERROR_INVALID_PARAMETER;
	if (t->TrusteeForm == TRUSTEE_IS_SID) {
		if (!adv_sid_length((SID *)t->ptstrName))
			return ERROR_INVALID_SID;
		*out = (const SID *)t->ptstrName;
		return ERROR_SUCCESS;
	}
	if (t->TrusteeForm != TRUSTEE_IS_NAME || !name)
		return ERROR_INVALID_PARAMETER;
	if (!lstrcmpW(name, L"CURRENT_USER")) {
		len = adv_sid_length(adv_user_sid());
		memcpy(buf, adv_user_sid(), len);
	} else if (!LookupAccountNameW(NULL, name, buf, &len, domain, &dlen, &use))
		return ERROR_NONE_MAPPED;
	*out = (const SID *)buf;
	return ERROR_SUCCESS;
}

/* The old explicit ACEs of type for sid that an entry takes away; with
 * merge, their rights are added to *mask. */
static void drop_old(struct acl_build *old, const SID *sid, int type, BOOL merge, DWORD *mask)
{
	for (DWORD i = 0; i < old->n; i++) {
		struct ace *a = &old->aces[i];

		if (!a->sid || (a->flags & INHERITED_ACE) || (type >= 0 && a->type != type) ||
		    !EqualSid((PSID)a->sid, (PSID)sid))
			continue;
		if (merge)
			*mask |= a->mask;
		a->sid = NULL; /* gone */
	}
}

/* The old ACL's ACEs (allowed and denied ones; others are kept as they
 * are only when inherited, which this does not rebuild). */
static DWORD read_old(PACL acl, struct acl_build *old)
{
	ACE_HEADER *h;

	if (!acl)
		return ERROR_SUCCESS;
	if (!IsValidAcl(acl))
		return ERROR_INVALID_ACL;
	for (DWORD i = 0; i < acl->AceCount; i++) {
		if (!GetAce(acl, i, (void **)&h))
			return ERROR_INVALID_ACL;
		if (h->AceType != ACE_TYPE_ALLOWED && h->AceType != ACE_TYPE_DENIED)
			continue;
		if (!add(old, h->AceType, h->AceFlags, ((ACCESS_ALLOWED_ACE *)h)->Mask,
			 (const SID *)&((ACCESS_ALLOWED_ACE *)h)->SidStart))
			return ERROR_NOT_ENOUGH_MEMORY;
	}
	return ERROR_SUCCESS;
}

/* The entries' ACEs into b; the old ones they replace marked gone. */
static DWORD apply(ULONG count, const EXPLICIT_ACCESS_W *e, struct acl_build *old,
		   struct acl_build *b, BYTE (*sids)[SECURITY_MAX_SID_SIZE])
{
	for (ULONG i = 0; i < count; i++) {
		const SID *sid;
		DWORD mask = e[i].grfAccessPermissions, err;
		BYTE flags = (BYTE)(e[i].grfInheritance & INHERIT_FLAGS);

		if (e[i].grfAccessMode == NOT_USED_ACCESS)
			continue;
		if ((err = trustee_sid(&e[i].Trustee, sids[i], &sid)))
			return err;
		switch (e[i].grfAccessMode) {
		case GRANT_ACCESS:
			drop_old(old, sid, ACE_TYPE_ALLOWED, TRUE, &mask);
			err = add(b, ACE_TYPE_ALLOWED, flags, mask, sid) ? 0 : ERROR_NOT_ENOUGH_MEMORY;
			break;
		case SET_ACCESS:
			drop_old(old, sid, -1, FALSE, &mask);
			err = add(b, ACE_TYPE_ALLOWED, flags, mask, sid) ? 0 : ERROR_NOT_ENOUGH_MEMORY;
			break;
		case DENY_ACCESS:
			err = add(b, ACE_TYPE_DENIED, flags, mask, sid) ? 0 : ERROR_NOT_ENOUGH_MEMORY;
			break;
		case REVOKE_ACCESS:
			drop_old(old, sid, -1, FALSE, &mask);
			break;
		default:        /* the audit modes belong to a SACL */
			return ERROR_INVALID_PARAMETER;
		}
		if (err)
			return err;
	}
	return ERROR_SUCCESS;
}

/* The ACEs of one kind from the new entries and the old ACL, in order. */
static BOOL emit(PACL acl, const struct acl_build *b, BYTE type, BOOL inherited)
{
	for (DWORD i = 0; i < b->n; i++) {
		const struct ace *a = &b->aces[i];

		if (!a->sid || a->type != type || !!(a->flags & INHERITED_ACE) != inherited)
			continue;
		if (!(type == ACE_TYPE_ALLOWED ? AddAccessAllowedAceEx : AddAccessDeniedAceEx)(
			    acl, ACL_REVISION, a->flags, a->mask, (PSID)a->sid))
			return FALSE;
	}
	return TRUE;
}

static DWORD assemble(const struct acl_build *b, const struct acl_build *old, PACL *out)
{
	DWORD size = sizeof(ACL);
	PACL acl;

	for (DWORD i = 0; i < b->n; i++)
		size += 8 + adv_sid_length((SID *)b->aces[i].sid);
	for (DWORD i = 0; i < old->n; i++)
		if (old->aces[i].sid)
			size += 8 + adv_sid_length((SID *)old->aces[i].sid);
	if (size > 0xFFFC)
		return ERROR_INVALID_PARAMETER;
	if (!(acl = LocalAlloc(LMEM_FIXED, size)))
		return ERROR_NOT_ENOUGH_MEMORY;
	InitializeAcl(acl, size, ACL_REVISION);
	if (!emit(acl, b, ACE_TYPE_DENIED, FALSE) || !emit(acl, old, ACE_TYPE_DENIED, FALSE) ||
	    !emit(acl, b, ACE_TYPE_ALLOWED, FALSE) || !emit(acl, old, ACE_TYPE_ALLOWED, FALSE) ||
	    !emit(acl, old, ACE_TYPE_DENIED, TRUE) || !emit(acl, old, ACE_TYPE_ALLOWED, TRUE)) {
		LocalFree(acl);
		return ERROR_INVALID_PARAMETER;
	}
	*out = acl;
	return ERROR_SUCCESS;
}

ADVAPI DWORD WINAPI SetEntriesInAclW(ULONG count, PEXPLICIT_ACCESS_W entries, PACL old_acl,
				     PACL *new_acl)
{
	struct acl_build old = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	BYTE (*sids)[SECURITY_MAX_SID_SIZE] = NULL;
	DWORD err;

	if (!new_acl)
		return ERROR_INVALID_PARAMETER;
	*new_acl = NULL;
	if (!count && !old_acl)
		return ERROR_SUCCESS; /* nothing to make: no ACL */
	if (count && (!entries || !(sids = adv_alloc(count * sizeof(*sids)))))
		return entries ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER;
	err = read_old(old_acl, &old);
	if (!err)
		err = apply(count, entries, &old, &b, sids);
	if (!err)
		err = assemble(&b, &old, new_acl);
	adv_free(old.aces);
	adv_free(b.aces);
	adv_free(sids);
	return err;
}

/* The A form: names become wide, the rest is the same layout. */
ADVAPI DWORD WINAPI SetEntriesInAclA(ULONG count, PEXPLICIT_ACCESS_A entries, PACL old_acl,
				     PACL *new_acl)
{
	EXPLICIT_ACCESS_W *w = count ? adv_alloc(count * sizeof(*w)) : NULL;
	WCHAR **names = count ? adv_alloc(count * sizeof(*names)) : NULL;
	DWORD err;

	if (count && (!w || !names || !entries)) {
		adv_free(w);
		adv_free(names);
		return entries ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER;
	}
	for (ULONG i = 0; i < count; i++) {
		memcpy(&w[i], &entries[i], sizeof(w[i]));
		names[i] = NULL;
		if (entries[i].Trustee.TrusteeForm == TRUSTEE_IS_NAME &&
		    !adv_a_to_w(entries[i].Trustee.ptstrName, &names[i]))
			w[i].Trustee.ptstrName = names[i];
	}
	err = SetEntriesInAclW(count, w, old_acl, new_acl);
	for (ULONG i = 0; i < count; i++)
		adv_free(names[i]);
	adv_free(names);
	adv_free(w);
	return err;
}

static void build_trustee(TRUSTEE_W *t, TRUSTEE_FORM form, void *what)
{
	t->pMultipleTrustee = NULL;
	t->MultipleTrusteeOperation = NO_MULTIPLE_TRUSTEE;
	t->TrusteeForm = form;
	t->TrusteeType = TRUSTEE_IS_UNKNOWN;
	t->ptstrName = what;
}

ADVAPI VOID WINAPI BuildTrusteeWithSidW(PTRUSTEE_W t, PSID sid)
{
	build_trustee(t, TRUSTEE_IS_SID, sid);
}

ADVAPI VOID WINAPI BuildTrusteeWithSidA(PTRUSTEE_A t, PSID sid)
{
	build_trustee((TRUSTEE_W *)t, TRUSTEE_IS_SID, sid);
}

ADVAPI VOID WINAPI BuildTrusteeWithNameW(PTRUSTEE_W t, LPWSTR name)
{
	build_trustee(t, TRUSTEE_IS_NAME, name);
}

ADVAPI VOID WINAPI BuildTrusteeWithNameA(PTRUSTEE_A t, LPSTR name)
{
	build_trustee((TRUSTEE_W *)t, TRUSTEE_IS_NAME, name);
}
