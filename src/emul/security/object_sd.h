/*
 * Security descriptors of objects.  Each object keeps one in the
 * self-relative form (20-byte header, then its parts at offsets), built by
 * the supervisor from parts it validated, so its bytes are trusted:
 * sd_parse never fails on them.  An object that was given none at
 * creation gets the creator's default when first asked (sd_default): the
 * token's user as owner, its primary group, its default DACL, as Windows
 * assigns one to an object whose parent passes nothing on.
 *
 * sd_build.c: parts to bytes and back, the parts a SECURITY_INFORMATION
 * selects;  sd_capture.c: a descriptor in the program's memory (either
 * form), every SID and ACL in it checked;  object_security.c:
 * NtQuerySecurityObject, NtSetSecurityObject and the descriptor an
 * OBJECT_ATTRIBUTES gives at creation.
 */
#ifndef LSW_OBJECT_SD_H
#define LSW_OBJECT_SD_H

#include <stdbool.h>
#include <stdint.h>

/* What an object keeps: bytes NULL until one is given or made. */
struct object_sd {
	uint8_t *bytes;              /* self-relative, malloc'd */
	uint32_t len;
};

/* Status codes of this area (ntstatus.h has the common ones). */
#define SD_STATUS_UNKNOWN_REVISION 0xC0000058u
#define SD_STATUS_INVALID_OWNER 0xC000005Au
#define SD_STATUS_INVALID_PRIMARY_GROUP 0xC000005Bu
#define SD_STATUS_INVALID_ACL 0xC0000077u
#define SD_STATUS_INVALID_SID 0xC0000078u
#define SD_STATUS_INVALID_SECURITY_DESCR 0xC0000079u
#define SD_STATUS_PIPE_DISCONNECTED 0xC00000B0u

/* SECURITY_INFORMATION bits */
#define OWNER_SECURITY_INFORMATION 0x1u
#define GROUP_SECURITY_INFORMATION 0x2u
#define DACL_SECURITY_INFORMATION 0x4u
#define SACL_SECURITY_INFORMATION 0x8u
#define LABEL_SECURITY_INFORMATION 0x10u

/* SECURITY_DESCRIPTOR_CONTROL bits */
#define SE_OWNER_DEFAULTED 0x0001u
#define SE_GROUP_DEFAULTED 0x0002u
#define SE_DACL_PRESENT 0x0004u
#define SE_DACL_DEFAULTED 0x0008u
#define SE_SACL_PRESENT 0x0010u
#define SE_SACL_DEFAULTED 0x0020u
#define SE_DACL_AUTO_INHERIT_REQ 0x0100u
#define SE_SACL_AUTO_INHERIT_REQ 0x0200u
#define SE_DACL_AUTO_INHERITED 0x0400u
#define SE_SACL_AUTO_INHERITED 0x0800u
#define SE_DACL_PROTECTED 0x1000u
#define SE_SACL_PROTECTED 0x2000u
#define SE_SELF_RELATIVE 0x8000u
/* the bits that go with the DACL and with the SACL */
#define SD_DACL_BITS (SE_DACL_PRESENT | SE_DACL_DEFAULTED | SE_DACL_AUTO_INHERIT_REQ | \
		      SE_DACL_AUTO_INHERITED | SE_DACL_PROTECTED)
#define SD_SACL_BITS (SE_SACL_PRESENT | SE_SACL_DEFAULTED | SE_SACL_AUTO_INHERIT_REQ | \
		      SE_SACL_AUTO_INHERITED | SE_SACL_PROTECTED)

#define SD_HEADER 20u                /* SECURITY_DESCRIPTOR_RELATIVE */
#define SD_SID_MAX 68u               /* SECURITY_MAX_SID_SIZE: 15 sub-authorities */
#define SD_ACL_MAX 0xFFFCu           /* AclSize is 16 bits, 4-aligned */

/* A descriptor's parts; a NULL part is absent (a DACL present with
 * dacl NULL is a NULL DACL: everyone may do anything). */
struct sd_parts {
	uint16_t control;            /* SE_* less SE_SELF_RELATIVE */
	const uint8_t *owner, *group, *sacl, *dacl;
	uint32_t owner_len, group_len, sacl_len, dacl_len;
};

/* sd_build.c */
/* The length of a SID whose 8-byte head is at sid (8 + 4 * count). */
uint32_t sd_sid_len(const uint8_t *sid);
/* The parts of trusted self-relative bytes. */
void sd_parse(const uint8_t *bytes, struct sd_parts *p);
/* The parts in self-relative form into a new object_sd (bytes NULL: no
 * memory). */
struct object_sd sd_build(const struct sd_parts *p);
/* The parts of p that si asks for (the others absent, their control bits
 * cleared). */
struct sd_parts sd_select(const struct sd_parts *p, uint32_t si);
/* Replaces *sd by its bytes with the parts si names taken from src.
 * STATUS_INVALID_OWNER (an owner that is not the token's user),
 * INVALID_PRIMARY_GROUP (none given), NO_MEMORY; *sd is unchanged then. */
uint32_t sd_merge(struct object_sd *sd, const struct sd_parts *src, uint32_t si);

/* sd_capture.c */
struct lsw_thread;
/* Takes in the descriptor at addr of t's memory: *keep its bytes
 * (malloc'd), *out its parts (pointing into them).  ACCESS_VIOLATION,
 * UNKNOWN_REVISION, INVALID_SID, INVALID_ACL, NO_MEMORY. */
uint32_t sd_capture(struct lsw_thread *t, uint64_t addr, struct object_sd *keep,
		    struct sd_parts *out);
/* Whether len bytes are one well-formed ACL of exactly that size. */
bool sd_acl_valid(const uint8_t *acl, uint32_t len);

struct token_state;
/* The default descriptor of an object made by a holder of token s. */
struct object_sd sd_default(const struct token_state *s);
/* A descriptor given at creation completed from s's defaults: the parts
 * it lacks (owner, group, DACL) are s's, not marked defaulted (Windows
 * marks none: Wine's advapi32 security tests).  *st: SUCCESS,
 * INVALID_OWNER (an owner other than s's user), NO_MEMORY. */
struct object_sd sd_complete(const struct sd_parts *given, const struct token_state *s,
			     uint32_t *st);
/* Whether sid (len bytes) may own an object made with s: its user. */
bool sd_owner_allowed(const uint8_t *sid, uint32_t len);

/* object_security.c */
struct nt_call;
/* The descriptor c's OBJECT_ATTRIBUTES gave (c->oa_security), completed
 * from the caller's token, into *sd; nothing when it gave none (the
 * default is made when first asked).  Its errors are sd_capture's,
 * INVALID_OWNER, PRIVILEGE_NOT_HELD (a SACL). */
uint32_t object_security_assign(struct nt_call *c, struct object_sd *sd);

#endif
