/* Private declarations of netapi32.dll: a workgroup computer (not joined
 * to a domain) with one local user, the prefix's; buffers from the
 * process heap (NetApiBufferAllocate / NetApiBufferFree). */
#ifndef LSW_NETAPI_PRIVATE_H
#define LSW_NETAPI_PRIVATE_H

#define DECLSPEC_IMPORT /* lm*.h declare our exports imported */
#include <windows.h>
#include <lm.h>

#define NET_API __declspec(dllexport)

/* A heap copy of a wide string placed at *p (advanced), for the string
 * fields of the structures returned. */
WCHAR *net_put(BYTE **p, const WCHAR *s);
/* This computer only: NULL, "", or its own name (with or without "\\"). */
BOOL net_local(LPCWSTR server);
BOOL net_user(WCHAR *name, DWORD cap);

#endif
