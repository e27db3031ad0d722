/* ConvertStringSecurityDescriptorToSecurityDescriptorA/W: a descriptor
 * in the Security Descriptor Definition Language ("Security Descriptor
 * String Format", MS-DTYP 2.5.1) to the self-relative form, one block
 * for LocalFree.  "O:sid G:sid D:flags(ace)(ace)... S:flags(ace)...";
 * an ACE is "type;flags;rights;object;inherit object;sid" with the
 * two-letter names of "ACE Strings" and "SID Strings" (the account and
 * domain ones under the user's domain), rights as hex or letter pairs.
 * Object ACEs (OA, OD, ...) are not taken. */
#include "adv_security.h"

#define SDDL_ACL_MAX 0xFFFC

struct name_value {
	char name[3];
	DWORD value;
};

static const struct name_value ace_types[] = {
	{ "A", ACCESS_ALLOWED_ACE_TYPE }, { "D", ACCESS_DENIED_ACE_TYPE },
	{ "AU", SYSTEM_AUDIT_ACE_TYPE }, { "AL", SYSTEM_ALARM_ACE_TYPE },
	{ "ML", SYSTEM_MANDATORY_LABEL_ACE_TYPE },
};

static const struct name_value ace_flags[] = {
	{ "CI", CONTAINER_INHERIT_ACE }, { "OI", OBJECT_INHERIT_ACE },
	{ "NP", NO_PROPAGATE_INHERIT_ACE }, { "IO", INHERIT_ONLY_ACE },
	{ "ID", INHERITED_ACE }, { "SA", SUCCESSFUL_ACCESS_ACE_FLAG },
	{ "FA", FAILED_ACCESS_ACE_FLAG },
};

static const struct name_value rights[] = {
	{ "GA", GENERIC_ALL }, { "GR", GENERIC_READ }, { "GW", GENERIC_WRITE },
	{ "GX", GENERIC_EXECUTE }, { "RC", READ_CONTROL }, { "SD", DELETE },
	{ "WD", WRITE_DAC }, { "WO", WRITE_OWNER }, { "RP", 0x10 }, { "WP", 0x20 },
	{ "CC", 0x1 }, { "DC", 0x2 }, { "LC", 0x4 }, { "SW", 0x8 }, { "LO", 0x80 },
	{ "DT", 0x40 }, { "CR", 0x100 }, { "FA", FILE_ALL_ACCESS },
	{ "FR", FILE_GENERIC_READ }, { "FW", FILE_GENERIC_WRITE },
	{ "FX", FILE_GENERIC_EXECUTE }, { "KA", KEY_ALL_ACCESS }, { "KR", KEY_READ },
	{ "KW", KEY_WRITE }, { "KX", KEY_EXECUTE }, { "NR", SYSTEM_MANDATORY_LABEL_NO_READ_UP },
	{ "NW", SYSTEM_MANDATORY_LABEL_NO_WRITE_UP },
	{ "NX", SYSTEM_MANDATORY_LABEL_NO_EXECUTE_UP },
};

/* SID aliases: a well-known type, or (type 0xFFFF) a RID under the user's
 * domain. */
#define IN_DOMAIN 0xFFFFu
static const struct {
	char name[3];
	DWORD type, rid;
} sids[] = {
	{ "WD", WinWorldSid }, { "CO", WinCreatorOwnerSid }, { "CG", WinCreatorGroupSid },
	{ "OW", WinCreatorOwnerRightsSid }, { "NU", WinNetworkSid }, { "IU", WinInteractiveSid },
	{ "SU", WinServiceSid }, { "AN", WinAnonymousSid }, { "ED", WinEnterpriseControllersSid },
	{ "PS", WinSelfSid }, { "AU", WinAuthenticatedUserSid }, { "RC", WinRestrictedCodeSid },
	{ "SY", WinLocalSystemSid }, { "LS", WinLocalServiceSid }, { "NS", WinNetworkServiceSid },
	{ "BA", WinBuiltinAdministratorsSid }, { "BU", WinBuiltinUsersSid },
	{ "BG", WinBuiltinGuestsSid }, { "PU", WinBuiltinPowerUsersSid },
	{ "AO", WinBuiltinAccountOperatorsSid }, { "SO", WinBuiltinSystemOperatorsSid },
	{ "PO", WinBuiltinPrintOperatorsSid }, { "BO", WinBuiltinBackupOperatorsSid },
	{ "RE", WinBuiltinReplicatorSid }, { "RU", WinBuiltinPreWindows2000CompatibleAccessSid },
	{ "RD", WinBuiltinRemoteDesktopUsersSid }, { "NO", WinBuiltinNetworkConfigurationOperatorsSid },
	{ "MU", WinBuiltinPerfMonitoringUsersSid }, { "LU", WinBuiltinPerfLoggingUsersSid },
	{ "IS", WinBuiltinIUsersSid }, { "CY", WinBuiltinCryptoOperatorsSid },
	{ "ER", WinBuiltinEventLogReadersGroup }, { "CD", WinBuiltinCertSvcDComAccessGroup },
	{ "LW", WinLowLabelSid }, { "ME", WinMediumLabelSid }, { "HI", WinHighLabelSid },
	{ "SI", WinSystemLabelSid },
	{ "LA", IN_DOMAIN, 500 }, { "LG", IN_DOMAIN, 501 }, { "DA", IN_DOMAIN, 512 },
	{ "DU", IN_DOMAIN, 513 }, { "DG", IN_DOMAIN, 514 }, { "DC", IN_DOMAIN, 515 },
	{ "DD", IN_DOMAIN, 516 }, { "CA", IN_DOMAIN, 517 }, { "SA", IN_DOMAIN, 518 },
	{ "EA", IN_DOMAIN, 519 }, { "PA", IN_DOMAIN, 520 }, { "RS", IN_DOMAIN, 553 },
};

/* The parse: the text left, and the parts made. */
struct sddl {
	const WCHAR *s;
	BYTE owner[SECURITY_MAX_SID_SIZE], group[SECURITY_MAX_SID_SIZE];
	BOOL has_owner, has_group, has_dacl, has_sacl;
	SECURITY_DESCRIPTOR_CONTROL control;
	BYTE *dacl, *sacl;          /* ACL_MAX bytes each */
	DWORD error;                /* what a failed parse reports */
};

static BOOL match(const WCHAR *s, const char *name)
{
	return s[0] == (WCHAR)name[0] && (!name[1] || s[1] == (WCHAR)name[1]);
}

/* A two-letter (or one-letter) name at s from a table; its length. */
static int lookup(const WCHAR *s, const struct name_value *t, size_t n, DWORD *value)
{
	int best = 0;

	for (size_t i = 0; i < n; i++) {
		int len = t[i].name[1] ? 2 : 1;

		if (len > best && match(s, t[i].name)) {
			best = len;
			*value = t[i].value;
		}
	}
	return best;
}

/* A SID: "S-1-..." (up to a ';', ')' or the next "X:"), or an alias. */
static BOOL parse_sid(struct sddl *p, BYTE out[SECURITY_MAX_SID_SIZE])
{
	DWORD size = SECURITY_MAX_SID_SIZE;

	if (p->s[0] == 'S' && p->s[1] == '-') {
		WCHAR text[200];
		PSID sid;
		int n = 0;

		while (p->s[n] && p->s[n] != ';' && p->s[n] != ')' && p->s[n] != ' ' && n < 199 &&
		       !(p->s[n + 1] == ':' && n))
			n++;
		memcpy(text, p->s, n * sizeof(WCHAR));
		text[n] = 0;
		if (!ConvertStringSidToSidW(text, &sid))
			return FALSE;
		memcpy(out, sid, GetLengthSid(sid));
		LocalFree(sid);
		p->s += n;
		return TRUE;
	}
	for (size_t i = 0; i < ARRAYSIZE(sids); i++) {
		if (!match(p->s, sids[i].name))
			continue;
		p->s += 2;
		if (sids[i].type != IN_DOMAIN)
			return CreateWellKnownSid(sids[i].type, NULL, out, &size);
		/* the user's domain: its SID less its RID */
		memcpy(out, adv_user_sid(), adv_sid_length(adv_user_sid()));
		((SID *)out)->SubAuthority[((SID *)out)->SubAuthorityCount - 1] = sids[i].rid;
		return TRUE;
	}
	return FALSE;
}

/* A number as strtoul with base 0 reads it: 0x hex, 0 octal, decimal. */
static DWORD parse_number(struct sddl *p)
{
	DWORD v = 0, base = 10;
	const WCHAR *s = p->s;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	else if (s[0] == '0')
		base = 8;
	for (;; s++) {
		DWORD d = *s >= '0' && *s <= '9' ? (DWORD)(*s - '0') :
			  (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f' ? (DWORD)((*s | 0x20) - 'a' + 10) : 99;

		if (d >= base)
			break;
		v = v * base + d;
	}
	p->s = s;
	return v;
}

/* Rights: numbers and letter pairs, in any mix ("GR0xFFFF"). */
static BOOL parse_rights(struct sddl *p, DWORD *mask)
{
	*mask = 0;
	while (*p->s && *p->s != ';') {
		DWORD v;

		if (*p->s >= '0' && *p->s <= '9')
			v = parse_number(p);
		else if (lookup(p->s, rights, ARRAYSIZE(rights), &v) == 2)
			p->s += 2;
		else
			return FALSE;
		*mask |= v;
	}
	return TRUE;
}

static void skip_spaces(struct sddl *p)
{
	while (*p->s == ' ')
		p->s++;
}

static BOOL expect(struct sddl *p, WCHAR c)
{
	if (*p->s != c)
		return FALSE;
	p->s++;
	return TRUE;
}

/* "(type;flags;rights;;;sid)" appended to acl; spaces may open each
 * field and close the SID, as Windows takes them (Wine's advapi32
 * security tests). */
static BOOL parse_ace(struct sddl *p, PACL acl)
{
	DWORD type, flags = 0, mask, v;
	BYTE sid[SECURITY_MAX_SID_SIZE];
	ACE_HEADER *h;
	int len;

	if (!expect(p, '('))
		return FALSE;
	skip_spaces(p);
	if (!(len = lookup(p->s, ace_types, ARRAYSIZE(ace_types), &type)) || p->s[len] != ';')
		return FALSE;
	p->s += len + 1;
	skip_spaces(p);
	while (*p->s != ';') {
		if (lookup(p->s, ace_flags, ARRAYSIZE(ace_flags), &v) != 2)
			return FALSE;
		flags |= v;
		p->s += 2;
	}
	p->s++;
	skip_spaces(p);
	if (!parse_rights(p, &mask) || !expect(p, ';'))
		return FALSE;
	/* the object GUIDs: empty */
	skip_spaces(p);
	if (!expect(p, ';'))
		return FALSE;
	skip_spaces(p);
	if (!expect(p, ';'))
		return FALSE;
	skip_spaces(p);
	if (!parse_sid(p, sid))
		return FALSE;
	skip_spaces(p);
	if (!expect(p, ')'))
		return FALSE;
	/* every type taken has the ACCESS_ALLOWED_ACE layout */
	if (!AddAccessAllowedAceEx(acl, ACL_REVISION, flags, mask, sid))
		return FALSE;
	h = NULL;
	GetAce(acl, acl->AceCount - 1, (void **)&h);
	h->AceType = (BYTE)type;
	return TRUE;
}

/* "P", "AI", "AR" and the ACEs after "D:" or "S:". */
static BOOL parse_acl(struct sddl *p, BYTE **out, SECURITY_DESCRIPTOR_CONTROL prot,
		      SECURITY_DESCRIPTOR_CONTROL inherited, SECURITY_DESCRIPTOR_CONTROL req)
{
	static const WCHAR null_acl[] = L"NO_ACCESS_CONTROL";
	PACL acl;
	void *end;

	if (!*out && !(*out = adv_alloc(SDDL_ACL_MAX)))
		return FALSE;
	acl = (PACL)*out;
	InitializeAcl(acl, SDDL_ACL_MAX, ACL_REVISION);
	for (;;) {
		if (match(p->s, "AI"))
			p->control |= inherited, p->s += 2;
		else if (match(p->s, "AR"))
			p->control |= req, p->s += 2;
		else if (p->s[0] == 'P')
			p->control |= prot, p->s += 1;
		else
			break;
	}
	if (!wcsncmp(p->s, null_acl, ARRAYSIZE(null_acl) - 1)) { /* a NULL ACL */
		p->s += ARRAYSIZE(null_acl) - 1;
		adv_free(*out);
		*out = NULL;
		return TRUE;
	}
	skip_spaces(p);
	while (*p->s == '(') {
		if (!parse_ace(p, acl)) {
			p->error = ERROR_INVALID_ACL;
			return FALSE;
		}
		skip_spaces(p);
	}
	/* the ACL as long as its ACEs */
	if (!FindFirstFreeAce(acl, &end))
		return FALSE;
	acl->AclSize = (WORD)((BYTE *)end - (BYTE *)acl);
	return TRUE;
}

static BOOL parse(struct sddl *p)
{
	while (*p->s == ' ')
		p->s++;
	while (*p->s) {
		WCHAR part = p->s[0];

		p->error = ERROR_INVALID_PARAMETER;
		if (p->s[1] != ':')
			return FALSE;
		p->s += 2;
		if (part == 'O' && parse_sid(p, p->owner))
			p->has_owner = TRUE;
		else if (part == 'G' && parse_sid(p, p->group))
			p->has_group = TRUE;
		else if (part == 'D' && parse_acl(p, &p->dacl, SE_DACL_PROTECTED,
						  SE_DACL_AUTO_INHERITED, SE_DACL_AUTO_INHERIT_REQ))
			p->has_dacl = TRUE;
		else if (part == 'S' && parse_acl(p, &p->sacl, SE_SACL_PROTECTED,
						  SE_SACL_AUTO_INHERITED, SE_SACL_AUTO_INHERIT_REQ))
			p->has_sacl = TRUE;
		else
			return FALSE;
		while (*p->s == ' ')
			p->s++;
	}
	return TRUE;
}

static BOOL make(struct sddl *p, PSECURITY_DESCRIPTOR *out, PULONG out_len)
{
	SECURITY_DESCRIPTOR sd;
	ULONG len = 0;
	PSECURITY_DESCRIPTOR rel;

	InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
	if (p->has_owner)
		sd.Owner = p->owner;
	if (p->has_group)
		sd.Group = p->group;
	if (p->has_dacl)
		SetSecurityDescriptorDacl(&sd, TRUE, (PACL)p->dacl, FALSE);
	if (p->has_sacl)
		SetSecurityDescriptorSacl(&sd, TRUE, (PACL)p->sacl, FALSE);
	sd.Control |= p->control;
	MakeSelfRelativeSD(&sd, NULL, &len);
	if (!(rel = LocalAlloc(LMEM_FIXED, len)))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	if (!MakeSelfRelativeSD(&sd, rel, &len)) {
		LocalFree(rel);
		return FALSE;
	}
	*out = rel;
	if (out_len)
		*out_len = len;
	return TRUE;
}

ADVAPI BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorW(
	LPCWSTR text, DWORD revision, PSECURITY_DESCRIPTOR *out, PULONG out_len)
{
	struct sddl p = { .s = text };
	BOOL ok;

	if (!text || !out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (revision != SDDL_REVISION_1)
		return adv_fail_error(ERROR_UNKNOWN_REVISION);
	ok = parse(&p);
	if (!ok)
		adv_fail_error(p.error ? p.error : ERROR_INVALID_PARAMETER);
	else
		ok = make(&p, out, out_len);
	adv_free(p.dacl);
	adv_free(p.sacl);
	return ok;
}

ADVAPI BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorA(
	LPCSTR text, DWORD revision, PSECURITY_DESCRIPTOR *out, PULONG out_len)
{
	WCHAR *w = NULL;
	BOOL ok;

	if (!text)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (adv_a_to_w(text, &w))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = ConvertStringSecurityDescriptorToSecurityDescriptorW(w, revision, out, out_len);
	adv_free(w);
	return ok;
}
