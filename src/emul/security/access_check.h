/*
 * The access check of a security descriptor against a token, as
 * NtAccessCheck documents it (access_eval.c): privileges first
 * (SeSecurityPrivilege grants ACCESS_SYSTEM_SECURITY, SeTakeOwnership
 * WRITE_OWNER), the owner's implied READ_CONTROL | WRITE_DAC (unless the
 * DACL names OWNER RIGHTS), then the DACL's ACEs in order, their masks
 * mapped through the caller's generic mapping.  No DACL or a NULL one
 * grants everything, an empty one nothing.  A restricted token must pass
 * a second time with its restricted SIDs alone.  access_check.c is the
 * system call around it; privilege_check.c NtPrivilegeCheck.
 */
#ifndef LSW_ACCESS_CHECK_H
#define LSW_ACCESS_CHECK_H

#include "emul/object/object_names.h"
#include "emul/security/object_sd.h"
#include "emul/security/token.h"

#define ACCESS_CHECK_PRIVILEGES_MAX 2   /* SeSecurity, SeTakeOwnership */
#define STATUS_BAD_IMPERSONATION_LEVEL 0xC00000A5u
#define SECURITY_IDENTIFICATION 1u      /* SECURITY_IMPERSONATION_LEVEL */
#define PRIVILEGE_SET_HEADER 8u         /* PrivilegeCount, Control */
#define LUID_AND_ATTRIBUTES_SIZE 12u
#define SE_PRIVILEGE_USED_FOR_ACCESS 0x80000000u

struct access_result {
	uint32_t granted;                /* 0 unless status is SUCCESS */
	uint32_t status;                 /* SUCCESS, ACCESS_DENIED, PRIVILEGE_NOT_HELD */
	uint32_t nprivileges;            /* the privileges that granted access */
	uint32_t privilege_luid[ACCESS_CHECK_PRIVILEGES_MAX];
};

/* desired must hold no GENERIC_* bit (the caller's STATUS_GENERIC_NOT_MAPPED). */
void access_evaluate(const struct token_state *s, const struct sd_parts *sd, uint32_t desired,
		     const struct generic_mapping *map, struct access_result *out);

/* privilege_check.c: whether the token holds the privilege, enabled. */
bool token_privilege_enabled(const struct token_state *s, uint64_t luid);

#endif
