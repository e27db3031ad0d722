/* Access tokens: one user, the prefix's (S-1-5-21-0-0-0-1000, the SID
 * under which the registry keeps HKEY_CURRENT_USER), a standard user at
 * medium integrity, not elevated.  A process's primary token starts as
 * that user's; a filtered (restricted) or duplicated token is a copy with
 * its own state: groups made deny-only, privileges deleted, restricted
 * SIDs, type and impersonation level, default DACL.  A thread may hold
 * an impersonation token of its own (token_thread.c). */
#ifndef LSW_TOKEN_H
#define LSW_TOKEN_H

#include "emul/object/object.h"

extern const struct nt_object_ops token_ops;

#define TOKEN_ASSIGN_PRIMARY 0x0001u
#define TOKEN_DUPLICATE 0x0002u
#define TOKEN_QUERY 0x0008u
#define TOKEN_QUERY_SOURCE 0x0010u
#define TOKEN_ADJUST_DEFAULT 0x0080u

#define TOKEN_NGROUPS 9         /* the user's groups (token_info.c) */
#define TOKEN_NPRIVILEGES 5     /* the privileges a standard user holds */
#define TOKEN_RESTRICTED_MAX 16
#define TOKEN_SID_MAX 68        /* SECURITY_MAX_SID_SIZE */
#define TOKEN_DACL_MAX 1024

#define TOKEN_TYPE_PRIMARY 1
#define TOKEN_TYPE_IMPERSONATION 2
#define SE_GROUP_USE_FOR_DENY_ONLY 0x10u

struct token_sid {
	uint32_t len;
	uint8_t sid[TOKEN_SID_MAX];
};

struct token_state {
	uint32_t type, level;          /* TOKEN_TYPE_*; SECURITY_IMPERSONATION_LEVEL */
	uint32_t id, modified_id;      /* its TokenId and ModifiedId (LUIDs' low parts) */
	uint32_t user_attributes;      /* 0, or SE_GROUP_USE_FOR_DENY_ONLY */
	uint32_t group_attributes[TOKEN_NGROUPS];
	uint32_t privilege_attributes[TOKEN_NPRIVILEGES];
	uint32_t privileges_held;      /* bit i: privilege i is in the token */
	bool filtered;                 /* made by NtFilterToken (TokenHasRestrictions) */
	uint32_t nrestricted;
	struct token_sid restricted[TOKEN_RESTRICTED_MAX];
	uint32_t dacl_len;             /* 0: the default DACL */
	uint8_t dacl[TOKEN_DACL_MAX];
};

struct token {
	struct nt_object obj;
	struct token_state s;
};

/* token_info.c: the user's token as a new logon gives it. */
void token_state_init(struct token_state *s);
/* An effective-only copy (NtDuplicateToken's EffectiveOnly, a pipe
 * client's context): the privileges not enabled now are left out. */
void token_keep_enabled(struct token_state *s);
/* Which of the token's SIDs sid is: -1 the user, 0.. a group, -2 none. */
int token_sid_index(const uint8_t *sid, uint32_t len);
/* Which privilege the LUID is, -1 none; privilege i's LUID. */
int token_privilege_index(uint64_t luid);
void token_privilege_luid(int i, uint32_t luid[2]);
/* NtQueryInformationToken's answer for one class of token s into buf (at
 * most len bytes, pointers made for the caller's address base); *need is
 * its size.  STATUS_BUFFER_TOO_SMALL when len < *need. */
NTSTATUS token_info(const struct token_state *s, uint32_t cls, uint64_t base, uint8_t *buf,
		    uint32_t len, uint32_t *need);

/* token.c: GENERIC_* rights mapped to the token's. */
uint32_t token_map_access(uint32_t access);
/* A new LUID for a TokenId or ModifiedId. */
uint32_t token_next_id(void);
/* A new token object holding a copy of s (with a new TokenId),
 * or NULL. */
struct token *token_new(const struct token_state *s);
/* The process's primary token (made on first use), or NULL: no memory. */
struct token *token_of_process(struct lsw_process *p);
/* The token behind h (the pseudo-handles -4 and -6 too: query rights
 * only) with `need` access, or NULL with *st. */
struct token *token_from_handle(struct nt_call *c, uint64_t h, uint32_t need, NTSTATUS *st);

/* token_thread.c: the thread's impersonation token, NULL while it acts
 * as its process. */
struct token *token_of_thread(const struct lsw_thread *t);
/* The token t acts with: its own, else its process's. */
struct token *token_effective(struct lsw_thread *t);
/* t impersonates tok from now on (NULL: no more). */
void token_thread_set(struct lsw_thread *t, struct token *tok);
/* What a server impersonating t is given: a copy of t's effective token
 * as an impersonation token of level; effective_only drops what is not
 * enabled now. */
void token_client_context(struct lsw_thread *t, uint32_t level, bool effective_only,
			  struct token_state *out);
NTSTATUS token_thread_impersonate(struct nt_call *c, struct lsw_thread *t, uint64_t h);
NTSTATUS token_open_thread(struct nt_call *c, uint64_t thread, uint32_t access, uint64_t out);

#endif
