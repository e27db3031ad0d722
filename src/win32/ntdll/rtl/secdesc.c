/*
 * Security descriptors.  The absolute form holds pointers to its owner,
 * group, SACL and DACL; the self-relative form (SE_SELF_RELATIVE) holds
 * offsets from its start, and its parts follow the 20-byte header, each
 * 4-byte aligned, in any order (MS-DTYP 2.4.6); we write owner, group,
 * SACL, DACL.
 */
#include "rtl_private.h"

BOOLEAN NTAPI RtlValidSid(PSID);
ULONG NTAPI RtlLengthSid(PSID);
BOOLEAN NTAPI RtlValidAcl(PACL);

#define SD_CONTROL_SETTABLE                                                             \
	(SE_DACL_AUTO_INHERIT_REQ | SE_SACL_AUTO_INHERIT_REQ | SE_DACL_AUTO_INHERITED | \
	 SE_SACL_AUTO_INHERITED | SE_DACL_PROTECTED | SE_SACL_PROTECTED)

/* The four parts of a descriptor of either form. */
typedef struct sd_parts {
	PSID owner, group;
	PACL sacl, dacl;
} sd_parts;

static void *sd_part(const SECURITY_DESCRIPTOR *sd, ULONG off_index)
{
	const SECURITY_DESCRIPTOR_RELATIVE *rel = (const void *)sd;
	const DWORD offs[4] = { rel->Owner, rel->Group, rel->Sacl, rel->Dacl };
	void *ptrs[4] = { sd->Owner, sd->Group, sd->Sacl, sd->Dacl };

	if (!(sd->Control & SE_SELF_RELATIVE))
		return ptrs[off_index];
	return offs[off_index] ? (BYTE *)sd + offs[off_index] : NULL;
}

static void sd_get_parts(const SECURITY_DESCRIPTOR *sd, sd_parts *p)
{
	p->owner = sd_part(sd, 0);
	p->group = sd_part(sd, 1);
	p->sacl = (sd->Control & SE_SACL_PRESENT) ? sd_part(sd, 2) : NULL;
	p->dacl = (sd->Control & SE_DACL_PRESENT) ? sd_part(sd, 3) : NULL;
}

static ULONG align4(ULONG n)
{
	return (n + 3) & ~3u;
}

static ULONG parts_length(const sd_parts *p)
{
	return (p->owner ? align4(RtlLengthSid(p->owner)) : 0) +
	       (p->group ? align4(RtlLengthSid(p->group)) : 0) +
	       (p->sacl ? align4(p->sacl->AclSize) : 0) + (p->dacl ? align4(p->dacl->AclSize) : 0);
}

RTLAPI NTSTATUS NTAPI RtlCreateSecurityDescriptor(PSECURITY_DESCRIPTOR psd, ULONG revision)
{
	if (revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	memset(psd, 0, sizeof(SECURITY_DESCRIPTOR));
	((SECURITY_DESCRIPTOR *)psd)->Revision = SECURITY_DESCRIPTOR_REVISION;
	return STATUS_SUCCESS;
}

RTLAPI BOOLEAN NTAPI RtlValidSecurityDescriptor(PSECURITY_DESCRIPTOR psd)
{
	SECURITY_DESCRIPTOR *sd = psd;
	sd_parts p;

	if (!sd || sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return FALSE;
	sd_get_parts(sd, &p);
	return (!p.owner || RtlValidSid(p.owner)) && (!p.group || RtlValidSid(p.group)) &&
	       (!p.sacl || RtlValidAcl(p.sacl)) && (!p.dacl || RtlValidAcl(p.dacl));
}

RTLAPI ULONG NTAPI RtlLengthSecurityDescriptor(PSECURITY_DESCRIPTOR psd)
{
	SECURITY_DESCRIPTOR *sd = psd;
	sd_parts p;

	sd_get_parts(sd, &p);
	return ((sd->Control & SE_SELF_RELATIVE) ? sizeof(SECURITY_DESCRIPTOR_RELATIVE) :
						   sizeof(SECURITY_DESCRIPTOR)) +
	       parts_length(&p);
}

RTLAPI NTSTATUS NTAPI RtlGetControlSecurityDescriptor(PSECURITY_DESCRIPTOR psd,
						      PSECURITY_DESCRIPTOR_CONTROL control,
						      PULONG revision)
{
	SECURITY_DESCRIPTOR *sd = psd;

	*revision = sd->Revision;
	if (sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	*control = sd->Control;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSetControlSecurityDescriptor(PSECURITY_DESCRIPTOR psd,
						      SECURITY_DESCRIPTOR_CONTROL mask,
						      SECURITY_DESCRIPTOR_CONTROL bits)
{
	SECURITY_DESCRIPTOR *sd = psd;

	if ((mask | bits) & ~SD_CONTROL_SETTABLE)
		return STATUS_INVALID_PARAMETER;
	sd->Control = (sd->Control & ~mask) | (bits & mask);
	return STATUS_SUCCESS;
}

/* The Set calls take absolute descriptors only. */
static NTSTATUS sd_settable(const SECURITY_DESCRIPTOR *sd)
{
	if (sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	return (sd->Control & SE_SELF_RELATIVE) ? STATUS_INVALID_SECURITY_DESCR : STATUS_SUCCESS;
}

static void sd_flag(SECURITY_DESCRIPTOR *sd, SECURITY_DESCRIPTOR_CONTROL flag, BOOLEAN on)
{
	sd->Control = on ? (sd->Control | flag) : (sd->Control & ~flag);
}

RTLAPI NTSTATUS NTAPI RtlSetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID owner,
						    BOOLEAN defaulted)
{
	SECURITY_DESCRIPTOR *sd = psd;
	NTSTATUS status = sd_settable(sd);

	if (status < 0)
		return status;
	sd->Owner = owner;
	sd_flag(sd, SE_OWNER_DEFAULTED, defaulted);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID group,
						    BOOLEAN defaulted)
{
	SECURITY_DESCRIPTOR *sd = psd;
	NTSTATUS status = sd_settable(sd);

	if (status < 0)
		return status;
	sd->Group = group;
	sd_flag(sd, SE_GROUP_DEFAULTED, defaulted);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR psd, BOOLEAN present,
						   PACL dacl, BOOLEAN defaulted)
{
	SECURITY_DESCRIPTOR *sd = psd;
	NTSTATUS status = sd_settable(sd);

	if (status < 0)
		return status;
	sd_flag(sd, SE_DACL_PRESENT, present);
	sd->Dacl = present ? dacl : NULL;
	sd_flag(sd, SE_DACL_DEFAULTED, present && defaulted);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR psd, BOOLEAN present,
						   PACL sacl, BOOLEAN defaulted)
{
	SECURITY_DESCRIPTOR *sd = psd;
	NTSTATUS status = sd_settable(sd);

	if (status < 0)
		return status;
	sd_flag(sd, SE_SACL_PRESENT, present);
	sd->Sacl = present ? sacl : NULL;
	sd_flag(sd, SE_SACL_DEFAULTED, present && defaulted);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlGetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID *owner,
						    PBOOLEAN defaulted)
{
	SECURITY_DESCRIPTOR *sd = psd;

	if (sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	*owner = sd_part(sd, 0);
	*defaulted = (sd->Control & SE_OWNER_DEFAULTED) != 0;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlGetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID *group,
						    PBOOLEAN defaulted)
{
	SECURITY_DESCRIPTOR *sd = psd;

	if (sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	*group = sd_part(sd, 1);
	*defaulted = (sd->Control & SE_GROUP_DEFAULTED) != 0;
	return STATUS_SUCCESS;
}

/* Dacl and defaulted are written only when the ACL is present (documented). */
static NTSTATUS sd_get_acl(SECURITY_DESCRIPTOR *sd, ULONG index, SECURITY_DESCRIPTOR_CONTROL bit,
			   SECURITY_DESCRIPTOR_CONTROL defaulted_bit, PBOOLEAN present, PACL *acl,
			   PBOOLEAN defaulted)
{
	if (sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	*present = (sd->Control & bit) != 0;
	if (*present) {
		*acl = sd_part(sd, index);
		*defaulted = (sd->Control & defaulted_bit) != 0;
	}
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlGetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR sd, PBOOLEAN present,
						   PACL *dacl, PBOOLEAN defaulted)
{
	return sd_get_acl(sd, 3, SE_DACL_PRESENT, SE_DACL_DEFAULTED, present, dacl, defaulted);
}

RTLAPI NTSTATUS NTAPI RtlGetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR sd, PBOOLEAN present,
						   PACL *sacl, PBOOLEAN defaulted)
{
	return sd_get_acl(sd, 2, SE_SACL_PRESENT, SE_SACL_DEFAULTED, present, sacl, defaulted);
}

/* Copy one part after the header; its offset, or 0 for none. */
static DWORD put_part(BYTE *base, ULONG *at, const void *part, ULONG len)
{
	DWORD off = *at;

	if (!part)
		return 0;
	memcpy(base + off, part, len);
	*at += align4(len);
	return off;
}

/* Either form in, self-relative out. */
RTLAPI NTSTATUS NTAPI RtlMakeSelfRelativeSD(PSECURITY_DESCRIPTOR psd, PSECURITY_DESCRIPTOR out,
					    PULONG len)
{
	SECURITY_DESCRIPTOR *sd = psd;
	SECURITY_DESCRIPTOR_RELATIVE *rel = out;
	ULONG need, at = sizeof(*rel);
	sd_parts p;

	if (sd->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	sd_get_parts(sd, &p);
	need = sizeof(*rel) + parts_length(&p);
	if (*len < need) {
		*len = need;
		return STATUS_BUFFER_TOO_SMALL;
	}
	memset(rel, 0, need);
	rel->Revision = sd->Revision;
	rel->Control = sd->Control | SE_SELF_RELATIVE;
	rel->Owner = put_part(out, &at, p.owner, p.owner ? RtlLengthSid(p.owner) : 0);
	rel->Group = put_part(out, &at, p.group, p.group ? RtlLengthSid(p.group) : 0);
	rel->Sacl = put_part(out, &at, p.sacl, p.sacl ? p.sacl->AclSize : 0);
	rel->Dacl = put_part(out, &at, p.dacl, p.dacl ? p.dacl->AclSize : 0);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAbsoluteToSelfRelativeSD(PSECURITY_DESCRIPTOR abs,
						  PSECURITY_DESCRIPTOR rel, PULONG len)
{
	if (((SECURITY_DESCRIPTOR *)abs)->Control & SE_SELF_RELATIVE)
		return STATUS_BAD_DESCRIPTOR_FORMAT;
	return RtlMakeSelfRelativeSD(abs, rel, len);
}

static BOOLEAN fits(ULONG have, ULONG need)
{
	return have >= need;
}

RTLAPI NTSTATUS NTAPI RtlSelfRelativeToAbsoluteSD(PSECURITY_DESCRIPTOR prel,
						  PSECURITY_DESCRIPTOR pabs, PULONG abs_len,
						  PACL dacl, PULONG dacl_len, PACL sacl,
						  PULONG sacl_len, PSID owner, PULONG owner_len,
						  PSID group, PULONG group_len)
{
	SECURITY_DESCRIPTOR *rel = prel, *abs = pabs;
	ULONG need[5];
	sd_parts p;

	if (rel->Revision != SECURITY_DESCRIPTOR_REVISION)
		return STATUS_UNKNOWN_REVISION;
	if (!(rel->Control & SE_SELF_RELATIVE))
		return STATUS_BAD_DESCRIPTOR_FORMAT;
	sd_get_parts(rel, &p);
	need[0] = sizeof(SECURITY_DESCRIPTOR);
	need[1] = p.dacl ? p.dacl->AclSize : 0;
	need[2] = p.sacl ? p.sacl->AclSize : 0;
	need[3] = p.owner ? RtlLengthSid(p.owner) : 0;
	need[4] = p.group ? RtlLengthSid(p.group) : 0;
	if (!fits(*abs_len, need[0]) || !fits(*dacl_len, need[1]) || !fits(*sacl_len, need[2]) ||
	    !fits(*owner_len, need[3]) || !fits(*group_len, need[4])) {
		*abs_len = need[0];
		*dacl_len = need[1];
		*sacl_len = need[2];
		*owner_len = need[3];
		*group_len = need[4];
		return STATUS_BUFFER_TOO_SMALL;
	}
	memset(abs, 0, sizeof(*abs));
	abs->Revision = rel->Revision;
	abs->Control = rel->Control & ~SE_SELF_RELATIVE;
	abs->Dacl = p.dacl ? memcpy(dacl, p.dacl, need[1]) : NULL;
	abs->Sacl = p.sacl ? memcpy(sacl, p.sacl, need[2]) : NULL;
	abs->Owner = p.owner ? memcpy(owner, p.owner, need[3]) : NULL;
	abs->Group = p.group ? memcpy(group, p.group, need[4]) : NULL;
	return STATUS_SUCCESS;
}
