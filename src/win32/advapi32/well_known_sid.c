/* CreateWellKnownSid and IsWellKnownSid: the SIDs of WELL_KNOWN_SID_TYPE
 * as "Well-known SIDs" (MS-DTYP 2.4.2.4) lists them.  The account and
 * domain ones (Administrator, Domain Users, ...) are a RID under the
 * domain SID the caller gives (S-1-5-21-x-y-z). */
#include "adv_security.h"

struct well_known {
	WELL_KNOWN_SID_TYPE type;
	BYTE authority, count;
	DWORD sub[2];
};

/* Types whose SID is the domain's plus one RID. */
struct domain_rid {
	WELL_KNOWN_SID_TYPE type;
	DWORD rid;
};

static const struct well_known fixed[] = {
	{ WinNullSid, 0, 1, { 0 } },
	{ WinWorldSid, 1, 1, { 0 } },
	{ WinLocalSid, 2, 1, { 0 } },
	{ WinConsoleLogonSid, 2, 1, { 1 } },
	{ WinCreatorOwnerSid, 3, 1, { 0 } },
	{ WinCreatorGroupSid, 3, 1, { 1 } },
	{ WinCreatorOwnerServerSid, 3, 1, { 2 } },
	{ WinCreatorGroupServerSid, 3, 1, { 3 } },
	{ WinCreatorOwnerRightsSid, 3, 1, { 4 } },
	{ WinNtAuthoritySid, 5, 0, { 0 } },
	{ WinDialupSid, 5, 1, { 1 } },
	{ WinNetworkSid, 5, 1, { 2 } },
	{ WinBatchSid, 5, 1, { 3 } },
	{ WinInteractiveSid, 5, 1, { 4 } },
	{ WinServiceSid, 5, 1, { 6 } },
	{ WinAnonymousSid, 5, 1, { 7 } },
	{ WinProxySid, 5, 1, { 8 } },
	{ WinEnterpriseControllersSid, 5, 1, { 9 } },
	{ WinSelfSid, 5, 1, { 10 } },
	{ WinAuthenticatedUserSid, 5, 1, { 11 } },
	{ WinRestrictedCodeSid, 5, 1, { 12 } },
	{ WinTerminalServerSid, 5, 1, { 13 } },
	{ WinRemoteLogonIdSid, 5, 1, { 14 } },
	{ WinThisOrganizationSid, 5, 1, { 15 } },
	{ WinIUserSid, 5, 1, { 17 } },
	{ WinLocalSystemSid, 5, 1, { 18 } },
	{ WinLocalServiceSid, 5, 1, { 19 } },
	{ WinNetworkServiceSid, 5, 1, { 20 } },
	{ WinOtherOrganizationSid, 5, 1, { 1000 } },
	{ WinBuiltinDomainSid, 5, 1, { 32 } },
	{ WinBuiltinAdministratorsSid, 5, 2, { 32, 544 } },
	{ WinBuiltinUsersSid, 5, 2, { 32, 545 } },
	{ WinBuiltinGuestsSid, 5, 2, { 32, 546 } },
	{ WinBuiltinPowerUsersSid, 5, 2, { 32, 547 } },
	{ WinBuiltinAccountOperatorsSid, 5, 2, { 32, 548 } },
	{ WinBuiltinSystemOperatorsSid, 5, 2, { 32, 549 } },
	{ WinBuiltinPrintOperatorsSid, 5, 2, { 32, 550 } },
	{ WinBuiltinBackupOperatorsSid, 5, 2, { 32, 551 } },
	{ WinBuiltinReplicatorSid, 5, 2, { 32, 552 } },
	{ WinBuiltinPreWindows2000CompatibleAccessSid, 5, 2, { 32, 554 } },
	{ WinBuiltinRemoteDesktopUsersSid, 5, 2, { 32, 555 } },
	{ WinBuiltinNetworkConfigurationOperatorsSid, 5, 2, { 32, 556 } },
	{ WinBuiltinIncomingForestTrustBuildersSid, 5, 2, { 32, 557 } },
	{ WinBuiltinPerfMonitoringUsersSid, 5, 2, { 32, 558 } },
	{ WinBuiltinPerfLoggingUsersSid, 5, 2, { 32, 559 } },
	{ WinBuiltinAuthorizationAccessSid, 5, 2, { 32, 560 } },
	{ WinBuiltinTerminalServerLicenseServersSid, 5, 2, { 32, 561 } },
	{ WinBuiltinDCOMUsersSid, 5, 2, { 32, 562 } },
	{ WinBuiltinIUsersSid, 5, 2, { 32, 568 } },
	{ WinBuiltinCryptoOperatorsSid, 5, 2, { 32, 569 } },
	{ WinBuiltinEventLogReadersGroup, 5, 2, { 32, 573 } },
	{ WinBuiltinCertSvcDComAccessGroup, 5, 2, { 32, 574 } },
	{ WinNTLMAuthenticationSid, 5, 2, { 64, 10 } },
	{ WinDigestAuthenticationSid, 5, 2, { 64, 21 } },
	{ WinSChannelAuthenticationSid, 5, 2, { 64, 14 } },
	{ WinUntrustedLabelSid, 16, 1, { 0 } },
	{ WinLowLabelSid, 16, 1, { 0x1000 } },
	{ WinMediumLabelSid, 16, 1, { 0x2000 } },
	{ WinHighLabelSid, 16, 1, { 0x3000 } },
	{ WinSystemLabelSid, 16, 1, { 0x4000 } },
};

static const struct domain_rid in_domain[] = {
	{ WinAccountAdministratorSid, 500 },
	{ WinAccountGuestSid, 501 },
	{ WinAccountKrbtgtSid, 502 },
	{ WinAccountDomainAdminsSid, 512 },
	{ WinAccountDomainUsersSid, 513 },
	{ WinAccountDomainGuestsSid, 514 },
	{ WinAccountComputersSid, 515 },
	{ WinAccountControllersSid, 516 },
	{ WinAccountCertAdminsSid, 517 },
	{ WinAccountSchemaAdminsSid, 518 },
	{ WinAccountEnterpriseAdminsSid, 519 },
	{ WinAccountPolicyAdminsSid, 520 },
	{ WinAccountRasAndIasServersSid, 553 },
};

static const struct well_known *find_fixed(WELL_KNOWN_SID_TYPE type)
{
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (fixed[i].type == type)
			return &fixed[i];
	return NULL;
}

static const struct domain_rid *find_domain(WELL_KNOWN_SID_TYPE type)
{
	for (size_t i = 0; i < sizeof(in_domain) / sizeof(in_domain[0]); i++)
		if (in_domain[i].type == type)
			return &in_domain[i];
	return NULL;
}

/* Whether sid is a domain's: S-1-5-21 and three sub-authorities more. */
static BOOL is_domain_sid(const SID *sid)
{
	static const SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };

	return adv_sid_length(sid) && sid->SubAuthorityCount == 4 &&
	       !memcmp(&sid->IdentifierAuthority, &nt, sizeof(nt)) &&
	       sid->SubAuthority[0] == SECURITY_NT_NON_UNIQUE;
}

/* The SID of type into out (room bytes); its length, 0 for an unknown
 * type or one that needs a domain not given (*error says which). */
static DWORD make(WELL_KNOWN_SID_TYPE type, const SID *domain, SID *out, DWORD room,
		  DWORD *need)
{
	const struct well_known *w = find_fixed(type);
	const struct domain_rid *d = w ? NULL : find_domain(type);
	BYTE count = w ? w->count : (BYTE)(domain ? domain->SubAuthorityCount + 1 : 0);

	*need = 8 + 4u * count;
	if ((!w && !d) || (d && (!domain || !is_domain_sid(domain))))
		return ERROR_INVALID_PARAMETER;
	if (room < *need)
		return ERROR_INSUFFICIENT_BUFFER;
	if (d) {
		memcpy(out, domain, 8 + 4u * domain->SubAuthorityCount);
		out->SubAuthorityCount = count;
		out->SubAuthority[count - 1] = d->rid;
		return ERROR_SUCCESS;
	}
	out->Revision = SID_REVISION;
	out->SubAuthorityCount = count;
	memset(&out->IdentifierAuthority, 0, sizeof(out->IdentifierAuthority));
	out->IdentifierAuthority.Value[5] = w->authority;
	for (BYTE i = 0; i < count; i++)
		out->SubAuthority[i] = w->sub[i];
	return ERROR_SUCCESS;
}

ADVAPI BOOL WINAPI CreateWellKnownSid(WELL_KNOWN_SID_TYPE type, PSID domain, PSID sid,
				      DWORD *size)
{
	DWORD need, err;

	if (!size)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	err = make(type, domain, sid, sid ? *size : 0, &need);
	if (err == ERROR_INSUFFICIENT_BUFFER || err == ERROR_SUCCESS)
		*size = need;
	return err ? adv_fail_error(err) : TRUE;
}

ADVAPI BOOL WINAPI IsWellKnownSid(PSID psid, WELL_KNOWN_SID_TYPE type)
{
	SID *sid = psid, *domain = NULL;
	BYTE buf[SECURITY_MAX_SID_SIZE], dom[SECURITY_MAX_SID_SIZE];
	DWORD need, len = adv_sid_length(sid);

	if (!len)
		return FALSE;
	if (find_domain(type) && sid->SubAuthorityCount == 5) {
		/* the domain is the SID's own, less its RID */
		memcpy(dom, sid, len - 4);
		domain = (SID *)dom;
		domain->SubAuthorityCount = 4;
	}
	if (make(type, domain, (SID *)buf, sizeof(buf), &need))
		return FALSE;
	return need == len && !memcmp(buf, sid, len);
}
