/* Private declarations of netapi32.dll: a workgroup computer (not joined
 * to a domain) with its local accounts (accounts.c); buffers from the
 * process heap (NetApiBufferAllocate / NetApiBufferFree). */
#ifndef LSW_NETAPI_PRIVATE_H
#define LSW_NETAPI_PRIVATE_H

#define DECLSPEC_IMPORT /* lm*.h declare our exports imported */
#include <windows.h>
#include <lm.h>

/* The workgroup a new Windows machine is a member of. */
#define NET_WORKGROUP L"WORKGROUP"

#define NET_API __declspec(dllexport)

/* A heap copy of a wide string placed at *p (advanced), for the string
 * fields of the structures returned. */
WCHAR *net_put(BYTE **p, const WCHAR *s);
/* This computer only: NULL, "", or its own name (with or without "\\"). */
BOOL net_local(LPCWSTR server);
BOOL net_user(WCHAR *name, DWORD cap);

/* A local account (accounts.c). */
struct net_account {
	const WCHAR *name;
	DWORD rid, flags;	/* UF_* beyond UF_SCRIPT | UF_NORMAL_ACCOUNT */
	const WCHAR *comment;
	DWORD priv;		/* USER_PRIV_* */
};
#define NET_ACCOUNTS_MAX 8
/* Every account, sorted by name; the sandbox user's name is kept in
 * own_name. */
DWORD net_accounts(struct net_account out[NET_ACCOUNTS_MAX], WCHAR *own_name, DWORD cap);
/* The account of that name (any case). */
BOOL net_account(const WCHAR *name, struct net_account *out, WCHAR *own_name, DWORD cap);

#endif
