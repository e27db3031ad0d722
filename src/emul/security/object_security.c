/*
 * Security descriptors of objects (object_sd.h): NtQuerySecurityObject,
 * NtSetSecurityObject, and the one an OBJECT_ATTRIBUTES gives an object
 * at creation.  Reading the owner, group or DACL needs READ_CONTROL on
 * the handle, the SACL ACCESS_SYSTEM_SECURITY; changing the owner or
 * group needs WRITE_OWNER, the DACL WRITE_DAC (as documented under
 * "SECURITY_INFORMATION").  Access checks against the DACL are not made
 * yet: the descriptor is kept and given back.
 */
#include <stdlib.h>
#include "emul/object/object_names.h"
#include "emul/security/object_sd.h"
#include "emul/security/token.h"

#define READ_CONTROL 0x00020000u
#define WRITE_DAC 0x00040000u
#define WRITE_OWNER 0x00080000u
#define ACCESS_SYSTEM_SECURITY 0x01000000u
#define SD_INFO_KNOWN (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | \
		       DACL_SECURITY_INFORMATION | SACL_SECURITY_INFORMATION | \
		       LABEL_SECURITY_INFORMATION)

/* Where obj keeps its descriptor, made from the caller's token when it
 * has none yet; NULL with *st. */
static struct object_sd *object_sd_of(struct nt_call *c, struct nt_object *obj, NTSTATUS *st)
{
	struct object_sd *sd = obj->ops->security ? obj->ops->security(obj, st) : &obj->sd;
	struct token *tok;

	if (!sd || sd->bytes)
		return sd;
	if (!(tok = token_effective(c->thread)) || !(*sd = sd_default(&tok->s)).bytes) {
		*st = LSW_STATUS_NO_MEMORY;
		return NULL;
	}
	return sd;
}

uint32_t object_security_assign(struct nt_call *c, struct object_sd *sd)
{
	struct object_sd given;
	struct sd_parts parts;
	struct token *tok;
	uint32_t st;

	if (!c->oa_security)
		return LSW_STATUS_SUCCESS; /* the default, when first asked */
	if ((st = sd_capture(c->thread, c->oa_security, &given, &parts)) != LSW_STATUS_SUCCESS)
		return st;
	/* a SACL needs SeSecurityPrivilege, which a standard user lacks */
	if ((parts.control & SE_SACL_PRESENT) && parts.sacl)
		st = LSW_STATUS_PRIVILEGE_NOT_HELD;
	else if (!(tok = token_effective(c->thread)))
		st = LSW_STATUS_NO_MEMORY;
	else {
		free(sd->bytes);
		*sd = sd_complete(&parts, &tok->s, &st);
	}
	free(given.bytes);
	return st;
}

static uint32_t rights_to_read(uint32_t si)
{
	return (si & SACL_SECURITY_INFORMATION ? ACCESS_SYSTEM_SECURITY : 0) |
	       (si & ~SACL_SECURITY_INFORMATION ? READ_CONTROL : 0);
}

static uint32_t rights_to_write(uint32_t si)
{
	return (si & SACL_SECURITY_INFORMATION ? ACCESS_SYSTEM_SECURITY : 0) |
	       (si & DACL_SECURITY_INFORMATION ? WRITE_DAC : 0) |
	       (si & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION |
		      LABEL_SECURITY_INFORMATION) ? WRITE_OWNER : 0);
}

/* The object behind h with the rights `need`, its
 * descriptor in *sd; a reference to drop, or NULL with *st. */
static struct nt_object *target(struct nt_call *c, uint64_t h, uint32_t need,
				struct object_sd **sd, NTSTATUS *st)
{
	struct nt_object *obj = object_target_ref(c, h, st);

	if (!obj)
		return NULL;
	if ((object_target_access(c, h) & need) != need)
		*st = LSW_STATUS_ACCESS_DENIED;
	else if ((*sd = object_sd_of(c, obj, st)))
		return obj;
	object_unref(obj);
	return NULL;
}

/* NtQuerySecurityObject(Handle, SecurityInformation, SecurityDescriptor,
 *                       Length, LengthNeeded): the parts asked for, in
 * the self-relative form; BUFFER_TOO_SMALL with the length needed. */
NTSTATUS nt_NtQuerySecurityObject(struct nt_call *c)
{
	uint32_t si = (uint32_t)c->args[1], len = (uint32_t)c->args[3];
	struct object_sd *sd, out;
	struct sd_parts all, some;
	struct nt_object *obj;
	NTSTATUS st;

	if (!(obj = target(c, c->args[0], rights_to_read(si), &sd, &st)))
		return st;
	sd_parse(sd->bytes, &all);
	some = sd_select(&all, si);
	out = sd_build(&some);
	object_unref(obj);
	if (!out.bytes)
		return LSW_STATUS_NO_MEMORY;
	st = LSW_STATUS_SUCCESS;
	if (tracee_write(c->thread, c->args[4], &out.len, 4) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	else if (len < out.len)
		st = LSW_STATUS_BUFFER_TOO_SMALL;
	else if (tracee_write(c->thread, c->args[2], out.bytes, out.len) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	free(out.bytes);
	return st;
}

/* NtSetSecurityObject(Handle, SecurityInformation, SecurityDescriptor):
 * the parts si names replaced by the descriptor's. */
NTSTATUS nt_NtSetSecurityObject(struct nt_call *c)
{
	uint32_t si = (uint32_t)c->args[1] & SD_INFO_KNOWN, st;
	struct object_sd *sd, given;
	struct sd_parts parts;
	struct nt_object *obj;
	NTSTATUS ost;

	if (!c->args[2])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(obj = target(c, c->args[0], rights_to_write(si), &sd, &ost)))
		return ost;
	st = sd_capture(c->thread, c->args[2], &given, &parts);
	if (st == LSW_STATUS_SUCCESS) {
		st = sd_merge(sd, &parts, si & ~LABEL_SECURITY_INFORMATION);
		free(given.bytes);
	}
	if (st == LSW_STATUS_SUCCESS && obj->ops->security_changed)
		obj->ops->security_changed(obj);
	object_unref(obj);
	return (NTSTATUS)st;
}
