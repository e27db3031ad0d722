/*
 * Security descriptors as bytes (object_sd.h): the self-relative form
 * (MS-DTYP 2.4.6): Revision 1, Sbz1, Control (SE_SELF_RELATIVE set), then
 * the offsets of owner, group, SACL and DACL from its start (0: absent);
 * we lay the parts out in that order after the header, each 4-aligned,
 * as Windows returns them.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/emul.h"
#include "emul/security/object_sd.h"
#include "emul/security/token.h"

#define TOKEN_OWNER_CLASS 4
#define TOKEN_PRIMARY_GROUP_CLASS 5
#define TOKEN_DEFAULT_DACL_CLASS 6

uint32_t sd_sid_len(const uint8_t *sid)
{
	return 8u + 4u * sid[1];
}

static uint32_t get32(const uint8_t *b)
{
	uint32_t v;

	memcpy(&v, b, 4);
	return v;
}

static uint16_t get16(const uint8_t *b)
{
	uint16_t v;

	memcpy(&v, b, 2);
	return v;
}

void sd_parse(const uint8_t *b, struct sd_parts *p)
{
	uint32_t owner = get32(b + 4), group = get32(b + 8), sacl = get32(b + 12),
		 dacl = get32(b + 16);

	memset(p, 0, sizeof(*p));
	p->control = get16(b + 2) & (uint16_t)~SE_SELF_RELATIVE;
	if (owner) {
		p->owner = b + owner;
		p->owner_len = sd_sid_len(p->owner);
	}
	if (group) {
		p->group = b + group;
		p->group_len = sd_sid_len(p->group);
	}
	if (sacl) {
		p->sacl = b + sacl;
		p->sacl_len = get16(p->sacl + 2);
	}
	if (dacl) {
		p->dacl = b + dacl;
		p->dacl_len = get16(p->dacl + 2);
	}
}

static uint32_t align4(uint32_t n)
{
	return (n + 3) & ~3u;
}

/* Copies one part at *at; its offset, 0 when absent. */
static uint32_t place(uint8_t *b, uint32_t *at, const uint8_t *part, uint32_t len)
{
	uint32_t off = *at;

	if (!part)
		return 0;
	memcpy(b + off, part, len);
	*at += align4(len);
	return off;
}

struct object_sd sd_build(const struct sd_parts *p)
{
	uint32_t len = SD_HEADER + (p->owner ? align4(p->owner_len) : 0) +
		       (p->group ? align4(p->group_len) : 0) + (p->sacl ? align4(p->sacl_len) : 0) +
		       (p->dacl ? align4(p->dacl_len) : 0);
	uint32_t at = SD_HEADER, off[4];
	uint16_t control = p->control | SE_SELF_RELATIVE;
	uint8_t *b = calloc(1, len);

	if (!b)
		return (struct object_sd){ NULL, 0 };
	b[0] = 1; /* SECURITY_DESCRIPTOR_REVISION */
	memcpy(b + 2, &control, 2);
	off[0] = place(b, &at, p->owner, p->owner_len);
	off[1] = place(b, &at, p->group, p->group_len);
	off[2] = place(b, &at, p->sacl, p->sacl_len);
	off[3] = place(b, &at, p->dacl, p->dacl_len);
	memcpy(b + 4, off, sizeof(off));
	return (struct object_sd){ b, len };
}

struct sd_parts sd_select(const struct sd_parts *p, uint32_t si)
{
	struct sd_parts out = { 0 };

	if (si & OWNER_SECURITY_INFORMATION) {
		out.owner = p->owner;
		out.owner_len = p->owner_len;
		out.control |= p->control & SE_OWNER_DEFAULTED;
	}
	if (si & GROUP_SECURITY_INFORMATION) {
		out.group = p->group;
		out.group_len = p->group_len;
		out.control |= p->control & SE_GROUP_DEFAULTED;
	}
	if (si & DACL_SECURITY_INFORMATION) {
		out.dacl = p->dacl;
		out.dacl_len = p->dacl_len;
		out.control |= p->control & SD_DACL_BITS;
	}
	if (si & SACL_SECURITY_INFORMATION) {
		out.sacl = p->sacl;
		out.sacl_len = p->sacl_len;
		out.control |= p->control & SD_SACL_BITS;
	}
	return out;
}

bool sd_owner_allowed(const uint8_t *sid, uint32_t len)
{
	/* the user; no group of a standard user's token is SE_GROUP_OWNER */
	return token_sid_index(sid, len) == -1;
}

uint32_t sd_merge(struct object_sd *sd, const struct sd_parts *src, uint32_t si)
{
	struct sd_parts cur;
	struct object_sd made;

	sd_parse(sd->bytes, &cur);
	if (si & OWNER_SECURITY_INFORMATION) {
		if (!src->owner || !sd_owner_allowed(src->owner, src->owner_len))
			return SD_STATUS_INVALID_OWNER;
		cur.owner = src->owner;
		cur.owner_len = src->owner_len;
		cur.control = (cur.control & ~SE_OWNER_DEFAULTED) | (src->control & SE_OWNER_DEFAULTED);
	}
	if (si & GROUP_SECURITY_INFORMATION) {
		if (!src->group)
			return SD_STATUS_INVALID_PRIMARY_GROUP;
		cur.group = src->group;
		cur.group_len = src->group_len;
		cur.control = (cur.control & ~SE_GROUP_DEFAULTED) | (src->control & SE_GROUP_DEFAULTED);
	}
	if (si & DACL_SECURITY_INFORMATION) {
		/* no DACL in src: a NULL DACL, as SetSecurityInfo documents */
		cur.dacl = src->dacl;
		cur.dacl_len = src->dacl_len;
		cur.control = (cur.control & ~SD_DACL_BITS) | (src->control & SD_DACL_BITS) |
			      SE_DACL_PRESENT;
	}
	if (si & SACL_SECURITY_INFORMATION) {
		cur.sacl = (src->control & SE_SACL_PRESENT) ? src->sacl : NULL;
		cur.sacl_len = cur.sacl ? src->sacl_len : 0;
		cur.control = (cur.control & ~SD_SACL_BITS) | (src->control & SD_SACL_BITS);
	}
	made = sd_build(&cur);
	if (!made.bytes)
		return LSW_STATUS_NO_MEMORY;
	free(sd->bytes);
	*sd = made;
	return LSW_STATUS_SUCCESS;
}

/* One class of token s's answer (TokenOwner, TokenPrimaryGroup,
 * TokenDefaultDacl: a pointer, then what it points to) as bytes in buf;
 * where the pointed-to part starts. */
static const uint8_t *token_part(const struct token_state *s, uint32_t cls, uint8_t *buf,
				 uint32_t room)
{
	uint32_t need = 0;
	uint64_t off;

	if (token_info(s, cls, 0, buf, room, &need) != LSW_STATUS_SUCCESS)
		return NULL;
	memcpy(&off, buf, 8); /* the pointer, made against base 0 */
	return off && off < need ? buf + off : NULL;
}

struct object_sd sd_complete(const struct sd_parts *given, const struct token_state *s,
			     uint32_t *st)
{
	static uint8_t owner[128], group[128], dacl[TOKEN_DACL_MAX + 64];
	struct sd_parts p = *given;
	struct object_sd made = { NULL, 0 };
	const uint8_t *part;

	*st = LSW_STATUS_SUCCESS;
	if (p.owner && !sd_owner_allowed(p.owner, p.owner_len)) {
		*st = SD_STATUS_INVALID_OWNER;
		return made;
	}
	if (!p.owner && (part = token_part(s, TOKEN_OWNER_CLASS, owner, sizeof(owner)))) {
		p.owner = part;
		p.owner_len = sd_sid_len(part);
	}
	if (!p.group && (part = token_part(s, TOKEN_PRIMARY_GROUP_CLASS, group, sizeof(group)))) {
		p.group = part;
		p.group_len = sd_sid_len(part);
	}
	if (!(p.control & SE_DACL_PRESENT) &&
	    (part = token_part(s, TOKEN_DEFAULT_DACL_CLASS, dacl, sizeof(dacl)))) {
		p.dacl = part;
		p.dacl_len = get16(part + 2);
		p.control |= SE_DACL_PRESENT;
	}
	made = sd_build(&p);
	if (!made.bytes)
		*st = LSW_STATUS_NO_MEMORY;
	return made;
}

struct object_sd sd_default(const struct token_state *s)
{
	struct sd_parts none = { 0 };
	uint32_t st;

	return sd_complete(&none, s, &st);
}
