/*
 * What NtQueryInformationToken says of the one user's token (token.h):
 * the layouts of winnt.h for x64 (SID_AND_ATTRIBUTES is 16 bytes, a
 * TOKEN_GROUPS' array starts at 8), pointers pointing into the caller's
 * own buffer.  The user is the prefix's SID; its groups are those of a
 * standard interactive user; medium integrity, not elevated, the
 * privileges such a user holds.
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

static const struct {
	struct sid_def sid;
	uint32_t attributes;
} groups[] = {
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
} privileges[] = { { 19, 0 }, { 23, 3 }, { 25, 0 }, { 33, 0 }, { 34, 0 } };

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

static void token_groups(struct out *o, bool logon_only)
{
	uint32_t n = logon_only ? 1 : sizeof(groups) / sizeof(groups[0]);
	uint32_t head = reserve(o, 8 + 16 * n, 8);

	put32(o, head, n);
	if (logon_only) {
		put_sid_and_attributes(o, head + 8, &logon_sid, GROUP_ENABLED | GROUP_LOGON_ID);
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		put_sid_and_attributes(o, head + 8 + 16 * i, &groups[i].sid, groups[i].attributes);
}

static void token_privileges(struct out *o)
{
	uint32_t n = sizeof(privileges) / sizeof(privileges[0]), head = reserve(o, 4 + 12 * n, 4);

	put32(o, head, n);
	for (uint32_t i = 0; i < n; i++) {
		put32(o, head + 4 + 12 * i, privileges[i].luid);
		put32(o, head + 12 + 12 * i, privileges[i].attributes);
	}
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

static void token_statistics(struct out *o)
{
	uint32_t at = reserve(o, 56, 8);

	put32(o, at, 0x0002a001u);           /* TokenId */
	put32(o, at + 8, LOGON_LUID);        /* AuthenticationId */
	put64(o, at + 16, 0x7fffffffffffffffull); /* ExpirationTime: never */
	put32(o, at + 24, 1);                /* TokenPrimary */
	put32(o, at + 32, 4096);             /* DynamicCharged */
	put32(o, at + 36, 4096 - 200);       /* DynamicAvailable */
	put32(o, at + 40, sizeof(groups) / sizeof(groups[0]));
	put32(o, at + 44, sizeof(privileges) / sizeof(privileges[0]));
	put32(o, at + 48, 0x0002a002u);      /* ModifiedId */
}

/* The classes answered by a single DWORD, and its value. */
static bool dword_class(uint32_t cls, uint32_t *v)
{
	switch (cls) {
	case 8: *v = 1; return true;   /* TokenType: TokenPrimary */
	case 12: *v = 1; return true;  /* TokenSessionId: the console's */
	case 18: *v = 1; return true;  /* TokenElevationType: TokenElevationTypeDefault */
	case 20: case 21: case 23: case 24: case 26: case 29: case 40:
		*v = 0; return true;   /* Elevation, HasRestrictions, Virtualization*, UIAccess, IsAppContainer, IsRestricted */
	case 27: *v = 3; return true;  /* TokenMandatoryPolicy: NO_WRITE_UP | NEW_PROCESS_MIN */
	}
	return false;
}

static bool build(uint32_t cls, struct out *o)
{
	uint32_t v;

	switch (cls) {
	case 1: put_sid_and_attributes(o, reserve(o, 16, 8), &user_sid, 0); return true; /* TokenUser */
	case 2: token_groups(o, false); return true;
	case 3: token_privileges(o); return true;
	case 4: put_sid_pointer(o, &user_sid); return true;   /* TokenOwner */
	case 5: put_sid_pointer(o, &none_group); return true; /* TokenPrimaryGroup */
	case 6: token_default_dacl(o); return true;
	case 7: put(o, reserve(o, 16, 4), "User32  \x01\0\0\0\0\0\0\0", 16); return true; /* TokenSource */
	case 10: token_statistics(o); return true;
	case 25: put_sid_and_attributes(o, reserve(o, 16, 8), &medium_label, 0x20); return true;
	case 28: token_groups(o, true); return true; /* TokenLogonSid */
	}
	if (!dword_class(cls, &v))
		return false;
	put32(o, reserve(o, 4, 4), v);
	return true;
}

NTSTATUS token_info(uint32_t cls, uint64_t base, uint8_t *buf, uint32_t len, uint32_t *need)
{
	struct out o = { buf, len, 0, base };

	if (!build(cls, &o))
		return LSW_STATUS_INVALID_INFO_CLASS;
	*need = o.used;
	return o.used > len ? LSW_STATUS_BUFFER_TOO_SMALL : LSW_STATUS_SUCCESS;
}
