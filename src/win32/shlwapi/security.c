/*
 * GetShellSecurityDescriptor (ordinal 475): an absolute security
 * descriptor whose DACL has one ACE per SHELL_USER_PERMISSION, and a
 * second, inheritable one where the entry asks for inheritance.  One
 * LocalAlloc block holds the descriptor, the ACL and its ACEs.
 */
#include "shlwapi_private.h"

typedef struct {
	SID_IDENTIFIER_AUTHORITY sidAuthority; /* all zero (with no ids): the current user */
	DWORD dwUserGroupID;
	DWORD dwUserID;
} SHELL_USER_SID;

typedef struct {
	SHELL_USER_SID susID;
	DWORD dwAccessType;        /* ACCESS_ALLOWED_ACE_TYPE or ACCESS_DENIED_ACE_TYPE */
	BOOL fInherit;
	DWORD dwAccessMask;
	DWORD dwInheritMask;       /* the inheritable ACE's flags */
	DWORD dwInheritAccessMask; /* the inheritable ACE's mask */
} SHELL_USER_PERMISSION;

/* An ACCESS_ALLOWED_ACE and ACCESS_DENIED_ACE have this layout. */
#define ACE_HEAD (offsetof(ACCESS_ALLOWED_ACE, SidStart))

static BOOL is_current_user(const SHELL_USER_SID *s)
{
	static const SID_IDENTIFIER_AUTHORITY null_authority = { SECURITY_NULL_SID_AUTHORITY };

	return !memcmp(&s->sidAuthority, &null_authority, sizeof(null_authority)) &&
		!s->dwUserGroupID && !s->dwUserID;
}

/* The SID of an entry into sid (room bytes); its length, 0 on failure. */
static DWORD entry_sid(const SHELL_USER_SID *s, const SID *user, BYTE *sid, DWORD room)
{
	BYTE subs = s->dwUserID ? 2 : 1;
	DWORD len = is_current_user(s) ? GetLengthSid((PSID)user) : GetSidLengthRequired(subs);

	if (!sid)
		return len;
	if (len > room)
		return 0;
	if (is_current_user(s))
		return CopySid(room, sid, (PSID)user) ? len : 0;
	if (!InitializeSid(sid, (PSID_IDENTIFIER_AUTHORITY)&s->sidAuthority, subs))
		return 0;
	*GetSidSubAuthority(sid, 0) = s->dwUserGroupID;
	if (subs == 2)
		*GetSidSubAuthority(sid, 1) = s->dwUserID;
	return len;
}

/* The token's user, in a LocalAlloc'd TOKEN_USER. */
static TOKEN_USER *current_user(void)
{
	TOKEN_USER *user = NULL;
	DWORD size = 0;
	HANDLE token;

	if (!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token) &&
	    !OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
		return NULL;
	GetTokenInformation(token, TokenUser, NULL, 0, &size);
	if (size && (user = LocalAlloc(0, size)) && !GetTokenInformation(token, TokenUser, user, size, &size)) {
		LocalFree(user);
		user = NULL;
	}
	CloseHandle(token);
	return user;
}

static BOOL append_ace(ACL *acl, BYTE **pos, BYTE type, BYTE flags, DWORD mask,
	const SHELL_USER_SID *s, const SID *user, const BYTE *end)
{
	ACCESS_ALLOWED_ACE *ace = (ACCESS_ALLOWED_ACE *)*pos;
	DWORD sid_len = entry_sid(s, user, (BYTE *)&ace->SidStart, (DWORD)(end - *pos - ACE_HEAD));

	if (!sid_len)
		return FALSE;
	ace->Header.AceType = type;
	ace->Header.AceFlags = flags;
	ace->Header.AceSize = (WORD)(ACE_HEAD + sid_len);
	ace->Mask = mask;
	*pos += ace->Header.AceSize;
	acl->AceCount++;
	return TRUE;
}

PSECURITY_DESCRIPTOR WINAPI GetShellSecurityDescriptor(const SHELL_USER_PERMISSION **perms, int count)
{
	SECURITY_DESCRIPTOR *sd = NULL;
	TOKEN_USER *user;
	DWORD acl_size = sizeof(ACL);
	BYTE *pos, *end;
	ACL *acl;
	int i;

	if (!perms || count <= 0 || !(user = current_user()))
		return NULL;
	for (i = 0; i < count; i++) {
		DWORD ace = ACE_HEAD + entry_sid(&perms[i]->susID, user->User.Sid, NULL, 0);

		acl_size += perms[i]->fInherit ? 2 * ace : ace;
	}
	acl_size = (acl_size + 3) & ~3u;
	if (acl_size > 0xFFFF || !(sd = LocalAlloc(LMEM_ZEROINIT, sizeof(*sd) + acl_size)))
		goto done;
	acl = (ACL *)(sd + 1);
	if (!InitializeSecurityDescriptor(sd, SECURITY_DESCRIPTOR_REVISION) ||
	    !InitializeAcl(acl, acl_size, ACL_REVISION))
		goto fail;
	pos = (BYTE *)(acl + 1);
	end = (BYTE *)acl + acl_size;
	for (i = 0; i < count; i++) {
		const SHELL_USER_PERMISSION *p = perms[i];

		if (!append_ace(acl, &pos, (BYTE)p->dwAccessType, 0, p->dwAccessMask, &p->susID, user->User.Sid, end))
			goto fail;
		if (p->fInherit && !append_ace(acl, &pos, (BYTE)p->dwAccessType, (BYTE)p->dwInheritMask,
				p->dwInheritAccessMask, &p->susID, user->User.Sid, end))
			goto fail;
	}
	if (SetSecurityDescriptorDacl(sd, TRUE, acl, FALSE))
		goto done;
fail:
	LocalFree(sd);
	sd = NULL;
done:
	LocalFree(user);
	return sd;
}
