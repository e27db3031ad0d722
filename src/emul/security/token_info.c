/*
 * What NtQueryInformationToken says of a token (token.h): the layouts of
 * winnt.h for x64 (SID_AND_ATTRIBUTES is 16 bytes, a TOKEN_GROUPS' array
 * starts at 8), pointers pointing into the caller's own buffer.  The user
 * is the prefix's SID; its groups are those of a standard interactive
 * user; medium integrity, not elevated, the privileges such a user holds,
 * less what a filter took away (deny-only groups, deleted privileges) and
 * with the restricted SIDs it added.
 */
#include <string.h>
#include "emul/security/token.h"

struct sid_def {
	uint8_t authority, count;
	uint32_t sub[5];
};

/* The logon session (AuthenticationId) and its logon SID. */
#define LOGON_LUID 0x0001d3c5u

static const struct sid_def user_sid = { 5, 5, { 21, 0, 0, 0, 1000 } }; /* REG_USER_SID */
static const struct sid_def none_group = { 5, 5, { 21, 0, 0, 0, 513 } };  /* "None" */
static const struct sid_def system_sid = { 5, 1, { 18 } };
static const struct sid_def medium_label = { 16, 1, { 0x2000 } };       /* S-1-16-8192 */
static const struct sid_def logon_sid = { 5, 3, { 5, 0, LOGON_LUID } };

#define GROUP_ENABLED 0x7u              /* MANDATORY | ENABLED_BY_DEFAULT | ENABLED */
#define GROUP_LOGON_ID 0xC0000000u
#define GROUP_INTEGRITY 0x60u           /* SE_GROUP_INTEGRITY | _ENABLED */
#define SE_PRIVILEGE_ENABLED 0x2u

static const struct {
	struct sid_def sid;
	uint32_t attributes;
} groups[TOKEN_NGROUPS] = {
	{ { 1, 1, { 0 } }, GROUP_ENABLED },          /* Everyone */
	{ { 5, 2, { 32, 545 } }, GROUP_ENABLED },    /* BUILTIN\Users */
	{ { 5, 1, { 4 } }, GROUP_ENABLED },          /* INTERACTIVE */
	{ { 2, 1, { 1 } }, GROUP_ENABLED },          /* CONSOLE LOGON */
	{ { 5, 1, { 11 } }, GROUP_ENABLED },         /* Authenticated Users */
	{ { 5, 1, { 15 } }, GROUP_ENABLED },         /* This Organization */
	{ { 2, 1, { 0 } }, GROUP_ENABLED },          /* LOCAL */
	{ { 5, 3, { 5, 0, LOGON_LUID } }, GROUP_ENABLED | GROUP_LOGON_ID },
	{ { 16, 1, { 0x2000 } }, GROUP_INTEGRITY },  /* Medium Mandatory Level */
};

/* A standard user's privileges: SeShutdown, SeChangeNotify (enabled),
 * SeUndock, SeIncreaseWorkingSet, SeTimeZone. */
static const struct {
	uint32_t luid, attributes;
} privileges[TOKEN_NPRIVILEGES] = { { 19, 0 }, { 23, 3 }, { 25, 0 }, { 33, 0 }, { 34, 0 } };

void token_state_init(struct token_state *s)
{
	memset(s, 0, sizeof(*s));
	s->type = TOKEN_TYPE_PRIMARY;
	for (int i = 0; i < TOKEN_NGROUPS; i++)
		s->group_attributes[i] = groups[i].attributes;
	for (int i = 0; i < TOKEN_NPRIVILEGES; i++)
		s->privilege_attributes[i] = privileges[i].attributes;
	s->privileges_held = (1u << TOKEN_NPRIVILEGES) - 1;
}

void token_keep_enabled(struct token_state *s)
{
	for (int i = 0; i < TOKEN_NPRIVILEGES; i++)
		if (!(s->privilege_attributes[i] & SE_PRIVILEGE_ENABLED))
			s->privileges_held &= ~(1u << i);
}

/* A SID's bytes as a sid_def describes them. */
static bool sid_is(const uint8_t *sid, uint32_t len, const struct sid_def *d)
{
	static const uint8_t authority_head[6] = { 0 };

	if (len != 8u + 4u * d->count || sid[0] != 1 || sid[1] != d->count ||
	    memcmp(sid + 2, authority_head, 5) || sid[7] != d->authority)
		return false;
	return !memcmp(sid + 8, d->sub, 4u * d->count);
}

int token_sid_index(const uint8_t *sid, uint32_t len)
{
	if (sid_is(sid, len, &user_sid))
		return -1;
	for (int i = 0; i < TOKEN_NGROUPS; i++)
		if (sid_is(sid, len, &groups[i].sid))
			return i;
	return -2;
}

int token_privilege_index(uint64_t luid)
{
	for (int i = 0; i < TOKEN_NPRIVILEGES; i++)
		if (luid == privileges[i].luid)
			return i;
	return -1;
}

void token_privilege_luid(int i, uint32_t luid[2])
{
	luid[0] = privileges[i].luid;
	luid[1] = 0;
}

/* The answer being built: bytes past cap are counted, not written. */
struct out {
	uint8_t *buf;
	uint32_t cap, used;
	uint64_t base;        /* the caller's buffer address */
};

static uint32_t reserve(struct out *o, uint32_t n, uint32_t align)
{
	uint32_t at = (o->used + align - 1) & ~(align - 1);

	if (at < o->cap)
		memset(o->buf + at, 0, at + n <= o->cap ? n : o->cap - at);
	o->used = at + n;
	return at;
}

static void put(struct out *o, uint32_t at, const void *p, uint32_t n)
{
	if (at + n <= o->cap)
		memcpy(o->buf + at, p, n);
}

static void put32(struct out *o, uint32_t at, uint32_t v)
{
	put(o, at, &v, 4);
}

static void put64(struct out *o, uint32_t at, uint64_t v)
{
	put(o, at, &v, 8);
}

/* A SID (revision 1, authority big-endian, sub-authorities); its address. */
static uint64_t put_sid(struct out *o, const struct sid_def *s)
{
	uint8_t b[8 + 4 * 5] = { 1, s->count, 0, 0, 0, 0, 0, s->authority };
	uint32_t at;

	memcpy(b + 8, s->sub, 4u * s->count);
	at = reserve(o, 8 + 4u * s->count, 4);
	put(o, at, b, 8 + 4u * s->count);
	return o->base + at;
}

/* SID_AND_ATTRIBUTES at `at`, its SID placed after everything so far. */
static void put_sid_and_attributes(struct out *o, uint32_t at, const struct sid_def *s,
				   uint32_t attributes)
{
	put64(o, at, put_sid(o, s));
	put32(o, at + 8, attributes);
}

/* TOKEN_OWNER, TOKEN_PRIMARY_GROUP: the pointer first, its SID after it
 * (in one expression the order of the two was the compiler's: gcc put the
 * SID first and the pointer after it, and Go's os/user read the SID's
 * bytes as the pointer). */
static void put_sid_pointer(struct out *o, const struct sid_def *s)
{
	uint32_t at = reserve(o, 8, 8);

	put64(o, at, put_sid(o, s));
}

static void token_groups(struct out *o, const struct token_state *s, bool logon_only)
{
	uint32_t n = logon_only ? 1 : TOKEN_NGROUPS;
	uint32_t head = reserve(o, 8 + 16 * n, 8);

	put32(o, head, n);
	if (logon_only) {
		put_sid_and_attributes(o, head + 8, &logon_sid, GROUP_ENABLED | GROUP_LOGON_ID);
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		put_sid_and_attributes(o, head + 8 + 16 * i, &groups[i].sid, s->group_attributes[i]);
}

/* TokenRestrictedSids: a TOKEN_GROUPS of the SIDs a filter added. */
static void token_restricted_sids(struct out *o, const struct token_state *s)
{
	uint32_t head = reserve(o, 8 + 16 * s->nrestricted, 8);

	put32(o, head, s->nrestricted);
	for (uint32_t i = 0; i < s->nrestricted; i++) {
		uint32_t at = reserve(o, s->restricted[i].len, 4);

		put(o, at, s->restricted[i].sid, s->restricted[i].len);
		put64(o, head + 8 + 16 * i, o->base + at);
		put32(o, head + 16 + 16 * i, GROUP_ENABLED);
	}
}

static uint32_t privilege_count(const struct token_state *s)
{
	return (uint32_t)__builtin_popcount(s->privileges_held);
}

static void token_privileges(struct out *o, const struct token_state *s)
{
	uint32_t n = privilege_count(s), head = reserve(o, 4 + 12 * n, 4), k = 0;

	put32(o, head, n);
	for (uint32_t i = 0; i < TOKEN_NPRIVILEGES; i++) {
		if (!(s->privileges_held & (1u << i)))
			continue;
		put32(o, head + 4 + 12 * k, privileges[i].luid);
		put32(o, head + 12 + 12 * k, s->privilege_attributes[i]);
		k++;
	}
}

/* TokenDefaultDacl as SetTokenInformation left it. */
static void token_set_dacl(struct out *o, const struct token_state *s)
{
	uint32_t head = reserve(o, 8, 8), acl = reserve(o, s->dacl_len, 4);

	put64(o, head, o->base + acl);
	put(o, acl, s->dacl, s->dacl_len);
}

/* An ACL granting GENERIC_ALL to the user and to SYSTEM. */
static void token_default_dacl(struct out *o)
{
	const struct sid_def *who[2] = { &user_sid, &system_sid };
	uint32_t head = reserve(o, 8, 8), acl = reserve(o, 8, 4), size = 8;

	put64(o, head, o->base + acl);
	for (int i = 0; i < 2; i++) {
		uint32_t ace = reserve(o, 8, 4), sid_len = 8 + 4u * who[i]->count;
		uint16_t ace_size = (uint16_t)(8 + sid_len);

		put(o, ace + 2, &ace_size, 2); /* AceType 0 (allowed), AceFlags 0 */
		put32(o, ace + 4, 0x10000000u);
		put_sid(o, who[i]);
		size += ace_size;
	}
	put(o, acl, &(uint8_t){ 2 }, 1); /* ACL_REVISION */
	put(o, acl + 2, &(uint16_t){ (uint16_t)size }, 2);
	put(o, acl + 4, &(uint16_t){ 2 }, 2);
}

static void token_statistics(struct out *o, const struct token_state *s)
{
	uint32_t at = reserve(o, 56, 8);

	put32(o, at, s->id);                 /* TokenId */
	put32(o, at + 8, LOGON_LUID);        /* AuthenticationId */
	put64(o, at + 16, 0x7fffffffffffffffull); /* ExpirationTime: never */
	put32(o, at + 24, s->type);
	put32(o, at + 28, s->level);         /* ImpersonationLevel */
	put32(o, at + 32, 4096);             /* DynamicCharged */
	put32(o, at + 36, 4096 - 200);       /* DynamicAvailable */
	put32(o, at + 40, TOKEN_NGROUPS);
	put32(o, at + 44, privilege_count(s));
	put32(o, at + 48, s->modified_id);
}

/* The classes answered by a single DWORD, and its value. */
static bool dword_class(const struct token_state *s, uint32_t cls, uint32_t *v)
{
	switch (cls) {
	case 8: *v = s->type; return true;  /* TokenType */
	case 9: *v = s->level; return s->type == TOKEN_TYPE_IMPERSONATION; /* TokenImpersonationLevel */
	case 12: *v = 1; return true;  /* TokenSessionId: the console's */
	case 18: *v = 1; return true;  /* TokenElevationType: TokenElevationTypeDefault */
	case 21: *v = s->filtered; return true; /* TokenHasRestrictions */
	case 40: *v = s->nrestricted != 0; return true; /* TokenIsRestricted */
	case 20: case 23: case 24: case 26: case 29:
		*v = 0; return true;   /* Elevation, Virtualization*, UIAccess, IsAppContainer */
	case 27: *v = 3; return true;  /* TokenMandatoryPolicy: NO_WRITE_UP | NEW_PROCESS_MIN */
	}
	return false;
}

static bool build(const struct token_state *s, uint32_t cls, struct out *o)
{
	uint32_t v;

	switch (cls) {
	case 1: put_sid_and_attributes(o, reserve(o, 16, 8), &user_sid, s->user_attributes); return true; /* TokenUser */
	case 2: token_groups(o, s, false); return true;
	case 3: token_privileges(o, s); return true;
	case 4: put_sid_pointer(o, &user_sid); return true;   /* TokenOwner */
	case 5: put_sid_pointer(o, &none_group); return true; /* TokenPrimaryGroup */
	case 6: s->dacl_len ? token_set_dacl(o, s) : token_default_dacl(o); return true;
	case 7: put(o, reserve(o, 16, 4), "User32  \x01\0\0\0\0\0\0\0", 16); return true; /* TokenSource */
	case 10: token_statistics(o, s); return true;
	case 11: token_restricted_sids(o, s); return true;
	case 25: put_sid_and_attributes(o, reserve(o, 16, 8), &medium_label, 0x20); return true;
	case 28: token_groups(o, s, true); return true; /* TokenLogonSid */
	}
	if (!dword_class(s, cls, &v))
		return false;
	put32(o, reserve(o, 4, 4), v);
	return true;
}

NTSTATUS token_info(const struct token_state *s, uint32_t cls, uint64_t base, uint8_t *buf,
		    uint32_t len, uint32_t *need)
{
	struct out o = { buf, len, 0, base };

	if (!build(s, cls, &o))
		return LSW_STATUS_INVALID_INFO_CLASS;
	*need = o.used;
	return o.used > len ? LSW_STATUS_BUFFER_TOO_SMALL : LSW_STATUS_SUCCESS;
}
