/* Access tokens: one user, the prefix's (S-1-5-21-0-0-0-1000, the SID
 * under which the registry keeps HKEY_CURRENT_USER), a standard user at
 * medium integrity, not elevated.  Every process token is that one; no
 * thread impersonates. */
#ifndef LSW_TOKEN_H
#define LSW_TOKEN_H

#include "emul/object/object.h"

extern const struct nt_object_ops token_ops;

#define TOKEN_QUERY 0x0008u
#define TOKEN_QUERY_SOURCE 0x0010u

/* token_info.c: NtQueryInformationToken's answer for one class into buf
 * (at most len bytes, pointers made for the caller's address base);
 * *need is its size.  STATUS_BUFFER_TOO_SMALL when len < *need. */
NTSTATUS token_info(uint32_t cls, uint64_t base, uint8_t *buf, uint32_t len, uint32_t *need);

#endif
