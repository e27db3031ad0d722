/*
 * A security descriptor in the program's memory, taken in once (the
 * program may change it meanwhile) and checked before anything trusts
 * it: either form (absolute: pointers; SE_SELF_RELATIVE: offsets from its
 * start), Revision 1, every SID of revision 1 with at most 15
 * sub-authorities, every ACL of revision 2 to 4 whose ACEs fit its size
 * and whose SIDs fit their ACEs.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/emul.h"
#include "emul/security/object_sd.h"

#define SID_SUBAUTHORITIES_MAX 15
#define ACL_REVISION_MIN 2
#define ACL_REVISION_MAX 4
#define ACE_HEADER 4u
#define SYSTEM_MANDATORY_LABEL_ACE_TYPE 0x11

/* A part read from the program: bytes malloc'd, NULL when absent. */
struct taken {
	uint8_t *bytes;
	uint32_t len;
};

static uint32_t take_sid(struct lsw_thread *t, uint64_t addr, struct taken *out)
{
	uint8_t head[8];
	uint32_t len;

	if (tracee_read(t, addr, head, sizeof(head)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (head[0] != 1 || head[1] > SID_SUBAUTHORITIES_MAX)
		return SD_STATUS_INVALID_SID;
	len = 8u + 4u * head[1];
	if (!(out->bytes = malloc(len)))
		return LSW_STATUS_NO_MEMORY;
	out->len = len;
	if (tracee_read(t, addr, out->bytes, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return out->bytes[1] == head[1] ? LSW_STATUS_SUCCESS : SD_STATUS_INVALID_SID;
}

/* Whether the ACE at a (size bytes) holds a whole SID after its mask,
 * for the types that carry one there: allowed, denied, audit, alarm,
 * allowed and denied callback, audit callback, mandatory label (others,
 * the object ACEs with their GUIDs, are checked for size only). */
static bool ace_sid_fits(const uint8_t *a, uint32_t size)
{
	static const uint32_t sid_at_8 = 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 9 |
					 1u << 0xA | 1u << 0xD | 1u << SYSTEM_MANDATORY_LABEL_ACE_TYPE;

	if (a[0] > 31 || !(sid_at_8 & (1u << a[0])))
		return true;
	return size >= 16 && a[8] == 1 && a[9] <= SID_SUBAUTHORITIES_MAX &&
	       8u + 8u + 4u * a[9] <= size;
}

bool sd_acl_valid(const uint8_t *acl, uint32_t len)
{
	uint16_t size, count;
	uint32_t at = 8;

	if (len < 8 || acl[0] < ACL_REVISION_MIN || acl[0] > ACL_REVISION_MAX)
		return false;
	memcpy(&size, acl + 2, 2);
	memcpy(&count, acl + 4, 2);
	if (size != len || (size & 3))
		return false;
	for (uint32_t i = 0; i < count; i++) {
		uint16_t ace_size;

		if (at + ACE_HEADER > size)
			return false;
		memcpy(&ace_size, acl + at + 2, 2);
		if (ace_size < ACE_HEADER || (ace_size & 3) || at + ace_size > size ||
		    !ace_sid_fits(acl + at, ace_size))
			return false;
		at += ace_size;
	}
	return true;
}

static uint32_t take_acl(struct lsw_thread *t, uint64_t addr, struct taken *out)
{
	uint8_t head[8];
	uint16_t size;

	if (tracee_read(t, addr, head, sizeof(head)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	memcpy(&size, head + 2, 2);
	if (size < 8 || (size & 3))
		return SD_STATUS_INVALID_ACL;
	if (!(out->bytes = malloc(size)))
		return LSW_STATUS_NO_MEMORY;
	out->len = size;
	if (tracee_read(t, addr, out->bytes, size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return sd_acl_valid(out->bytes, size) ? LSW_STATUS_SUCCESS : SD_STATUS_INVALID_ACL;
}

/* Where the four parts are: addresses (0: absent) from either form. */
static uint32_t part_addresses(struct lsw_thread *t, uint64_t addr, uint16_t *control,
			       uint64_t where[4])
{
	uint8_t head[40];
	uint32_t off[4];

	if (tracee_read(t, addr, head, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (head[0] != 1)
		return SD_STATUS_UNKNOWN_REVISION;
	memcpy(control, head + 2, 2);
	if (*control & SE_SELF_RELATIVE) {
		if (tracee_read(t, addr + 4, off, sizeof(off)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		for (int i = 0; i < 4; i++)
			where[i] = off[i] ? addr + off[i] : 0;
		return LSW_STATUS_SUCCESS;
	}
	if (tracee_read(t, addr + 8, where, 4 * sizeof(uint64_t)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

uint32_t sd_capture(struct lsw_thread *t, uint64_t addr, struct object_sd *keep,
		    struct sd_parts *out)
{
	struct taken part[4] = { { NULL, 0 } }; /* owner, group, SACL, DACL */
	struct sd_parts p = { 0 };
	uint64_t where[4];
	uint16_t control;
	uint32_t st = part_addresses(t, addr, &control, where);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (!(control & SE_SACL_PRESENT))
		where[2] = 0;
	if (!(control & SE_DACL_PRESENT))
		where[3] = 0;
	for (int i = 0; i < 4 && st == LSW_STATUS_SUCCESS; i++)
		if (where[i])
			st = i < 2 ? take_sid(t, where[i], &part[i]) : take_acl(t, where[i], &part[i]);
	if (st == LSW_STATUS_SUCCESS) {
		p.control = control & (uint16_t)~SE_SELF_RELATIVE;
		p.owner = part[0].bytes, p.owner_len = part[0].len;
		p.group = part[1].bytes, p.group_len = part[1].len;
		p.sacl = part[2].bytes, p.sacl_len = part[2].len;
		p.dacl = part[3].bytes, p.dacl_len = part[3].len;
		*keep = sd_build(&p);
		if (!keep->bytes)
			st = LSW_STATUS_NO_MEMORY;
		else
			sd_parse(keep->bytes, out);
	}
	for (int i = 0; i < 4; i++)
		free(part[i].bytes);
	return st;
}
