/*
 * NtAccessCheck(SecurityDescriptor, ClientToken, DesiredAccess,
 *               GenericMapping, PrivilegeSet, PrivilegeSetLength,
 *               GrantedAccess, AccessStatus): the check of
 * access_eval.c for a descriptor and an impersonation token the program
 * gives.  In the order Wine's advapi32 security tests see on Windows:
 * PrivilegeSetLength is read and PrivilegeSet probed for that many bytes
 * (ACCESS_VIOLATION), then the token (TOKEN_QUERY, an impersonation
 * token of level identification or above), the descriptor (it needs an
 * owner and a group), GENERIC_* bits in DesiredAccess (GENERIC_NOT_MAPPED:
 * the caller maps them), and last the PRIVILEGE_SET's size: at least
 * sizeof(PRIVILEGE_SET) (20) even when it holds no privilege; when
 * PrivilegeSetLength is less the size needed is written there and
 * nothing else (BUFFER_TOO_SMALL).  A denial is the call's success with
 * AccessStatus ACCESS_DENIED (or PRIVILEGE_NOT_HELD) and GrantedAccess 0.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/security/access_check.h"

#define STATUS_NO_IMPERSONATION_TOKEN 0xC000005Cu
#define STATUS_GENERIC_NOT_MAPPED 0xC00000E6u
#define GENERIC_BITS 0xF0000000u

/* ProbeForWrite: each end of the buffer read and written back, so an
 * unwritable one fails before anything is decided (a length of 0 probes
 * nothing, as on Windows). */
static bool probe_for_write(struct lsw_thread *t, uint64_t addr, uint32_t len)
{
	uint8_t b;

	if (!len)
		return true;
	if (!addr || addr + len < addr)
		return false;
	for (uint64_t at = addr; ; at = addr + len - 1) {
		if (tracee_read(t, at, &b, 1) < 0 || tracee_write(t, at, &b, 1) < 0)
			return false;
		if (at == addr + len - 1)
			return true;
	}
}

/* The impersonation token the check is made for, or NULL with *st. */
static struct token *client_token(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct token *t = token_from_handle(c, h, TOKEN_QUERY, st);

	if (!t)
		return NULL;
	if (t->s.type != TOKEN_TYPE_IMPERSONATION)
		*st = STATUS_NO_IMPERSONATION_TOKEN;
	else if (t->s.level < SECURITY_IDENTIFICATION)
		*st = STATUS_BAD_IMPERSONATION_LEVEL;
	else
		return t;
	return NULL;
}

/* The PRIVILEGE_SET of r: its bytes in out, its size returned. */
static uint32_t privilege_set(const struct access_result *r, uint8_t *out)
{
	uint32_t n = r->nprivileges, size = PRIVILEGE_SET_HEADER + LUID_AND_ATTRIBUTES_SIZE * n;
	uint32_t head[2] = { n, 0 };

	memcpy(out, head, sizeof(head));
	for (uint32_t i = 0; i < n; i++) {
		uint32_t e[3] = { r->privilege_luid[i], 0, SE_PRIVILEGE_USED_FOR_ACCESS };

		memcpy(out + PRIVILEGE_SET_HEADER + LUID_AND_ATTRIBUTES_SIZE * i, e, sizeof(e));
	}
	return size;
}

/* The check's answer to the program: the PRIVILEGE_SET, then GrantedAccess and AccessStatus. */
static NTSTATUS give_result(struct nt_call *c, const struct access_result *r, uint32_t set_len)
{
	uint8_t set[PRIVILEGE_SET_HEADER + LUID_AND_ATTRIBUTES_SIZE * ACCESS_CHECK_PRIVILEGES_MAX];
	uint32_t size = privilege_set(r, set), need = size;

	if (need < PRIVILEGE_SET_HEADER + LUID_AND_ATTRIBUTES_SIZE)
		need = PRIVILEGE_SET_HEADER + LUID_AND_ATTRIBUTES_SIZE;  /* sizeof(PRIVILEGE_SET) */
	if (set_len < need) {
		if (tracee_write(c->thread, c->args[5], &need, 4) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		return LSW_STATUS_BUFFER_TOO_SMALL;
	}
	if (tracee_write(c->thread, c->args[4], set, size) < 0 ||
	    tracee_write(c->thread, c->args[6], &r->granted, 4) < 0 ||
	    tracee_write(c->thread, c->args[7], &r->status, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS nt_NtAccessCheck(struct nt_call *c)
{
	uint32_t desired = (uint32_t)c->args[2], set_len, st;
	struct generic_mapping map;
	struct access_result r;
	struct object_sd keep = { NULL, 0 };
	struct sd_parts sd;
	struct token *tok;
	NTSTATUS tst;

	if (!c->args[5] || tracee_read(c->thread, c->args[5], &set_len, 4) < 0 ||
	    !probe_for_write(c->thread, c->args[4], set_len))
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(tok = client_token(c, c->args[1], &tst)))
		return tst;
	if (!c->args[0])
		return SD_STATUS_INVALID_SECURITY_DESCR;
	if ((st = sd_capture(c->thread, c->args[0], &keep, &sd)) != LSW_STATUS_SUCCESS)
		return (NTSTATUS)st;
	if (!sd.owner || !sd.group)
		st = SD_STATUS_INVALID_SECURITY_DESCR;
	else if (desired & GENERIC_BITS)
		st = STATUS_GENERIC_NOT_MAPPED;
	else if (tracee_read(c->thread, c->args[3], &map, sizeof(map)) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	if (st == LSW_STATUS_SUCCESS) {
		access_evaluate(&tok->s, &sd, desired, &map, &r);
		st = give_result(c, &r, set_len);
	}
	free(keep.bytes);
	return (NTSTATUS)st;
}
