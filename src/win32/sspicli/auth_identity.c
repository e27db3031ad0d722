/*
 * Opaque authentication identities: a user name, a domain and a password
 * kept together (SspiEncodeStringsAsAuthIdentity) for a later
 * AcquireCredentialsHandle or CredWrite.  Ours is a
 * SEC_WINNT_AUTH_IDENTITY_W with its strings in the same allocation, so
 * an identity a caller built in that documented form is read the same
 * way.  Strings handed back are LocalAlloc'd, for SspiLocalFree.
 */
#include "sspicli_private.h"
#include <wincred.h>

/* A LocalAlloc'd copy of len characters and a NUL; NULL for no string. */
static WCHAR *local_copy(const USHORT *s, ULONG len)
{
	WCHAR *copy;

	if (!s)
		return NULL;
	if ((copy = LocalAlloc(LMEM_FIXED, (len + 1) * sizeof(WCHAR)))) {
		memcpy(copy, s, len * sizeof(WCHAR));
		copy[len] = 0;
	}
	return copy;
}

/* The characters a string takes with its NUL (none for no string). */
static SIZE_T string_room(const WCHAR *s)
{
	return s ? lstrlenW(s) + 1 : 0;
}

static USHORT *place(WCHAR **at, const WCHAR *s, ULONG *len)
{
	USHORT *where = (USHORT *)*at;

	*len = s ? lstrlenW(s) : 0;
	if (!s)
		return NULL;
	memcpy(*at, s, (*len + 1) * sizeof(WCHAR));
	*at += *len + 1;
	return where;
}

SSPI_API SECURITY_STATUS SEC_ENTRY SspiEncodeStringsAsAuthIdentity(PCWSTR user, PCWSTR domain, PCWSTR password,
								   PSEC_WINNT_AUTH_IDENTITY_OPAQUE *out)
{
	SEC_WINNT_AUTH_IDENTITY_W *id;
	SIZE_T chars;
	WCHAR *at;

	if ((!user && !domain && !password) || !out)
		return SEC_E_INVALID_TOKEN;
	chars = string_room(user) + string_room(domain) + string_room(password);
	if (!(id = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*id) + chars * sizeof(WCHAR))))
		return SEC_E_INSUFFICIENT_MEMORY;
	at = (WCHAR *)(id + 1);
	id->User = place(&at, user, &id->UserLength);
	id->Domain = place(&at, domain, &id->DomainLength);
	id->Password = place(&at, password, &id->PasswordLength);
	id->Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
	*out = id;
	return SEC_E_OK;
}

SSPI_API SECURITY_STATUS SEC_ENTRY SspiEncodeAuthIdentityAsStrings(PSEC_WINNT_AUTH_IDENTITY_OPAQUE opaque,
								   PCWSTR *user, PCWSTR *domain, PCWSTR *password)
{
	const SEC_WINNT_AUTH_IDENTITY_W *id = opaque;

	if (!id || !user || !domain || !password)
		return SEC_E_INVALID_TOKEN;
	*user = local_copy(id->User, id->UserLength);
	*domain = local_copy(id->Domain, id->DomainLength);
	*password = local_copy(id->Password, id->PasswordLength);
	return SEC_E_OK;
}

/* Wipes the strings (the password above all) but keeps the identity. */
SSPI_API void SEC_ENTRY SspiZeroAuthIdentity(PSEC_WINNT_AUTH_IDENTITY_OPAQUE opaque)
{
	SEC_WINNT_AUTH_IDENTITY_W *id = opaque;

	if (!id)
		return;
	if (id->User)
		SecureZeroMemory(id->User, id->UserLength * sizeof(WCHAR));
	if (id->Domain)
		SecureZeroMemory(id->Domain, id->DomainLength * sizeof(WCHAR));
	if (id->Password)
		SecureZeroMemory(id->Password, id->PasswordLength * sizeof(WCHAR));
}

SSPI_API void SEC_ENTRY SspiFreeAuthIdentity(PSEC_WINNT_AUTH_IDENTITY_OPAQUE opaque)
{
	if (!opaque)
		return;
	SspiZeroAuthIdentity(opaque);
	HeapFree(GetProcessHeap(), 0, opaque);
}

SSPI_API void SEC_ENTRY SspiLocalFree(void *p)
{
	LocalFree(p);
}

/* "domain\user", or the user alone without a domain; LocalAlloc'd. */
static WCHAR *qualified_user(const SEC_WINNT_AUTH_IDENTITY_W *id)
{
	ULONG domain = id->Domain ? id->DomainLength + 1 : 0, len = domain + id->UserLength;
	WCHAR *s = LocalAlloc(LMEM_FIXED, (len + 1) * sizeof(WCHAR));

	if (!s)
		return NULL;
	if (domain) {
		memcpy(s, id->Domain, id->DomainLength * sizeof(WCHAR));
		s[domain - 1] = '\\';
	}
	if (id->User)
		memcpy(s + domain, id->User, id->UserLength * sizeof(WCHAR));
	s[len] = 0;
	return s;
}

/* What CredWrite needs for the identity: a domain password credential
 * for target (none: "domain\user"), the password without its NUL. */
SSPI_API SECURITY_STATUS SEC_ENTRY SspiPrepareForCredWrite(PSEC_WINNT_AUTH_IDENTITY_OPAQUE opaque, PCWSTR target,
							   PULONG type, PCWSTR *target_out, PCWSTR *user_out,
							   PUCHAR *blob, PULONG blob_size)
{
	const SEC_WINNT_AUTH_IDENTITY_W *id = opaque;
	WCHAR *user, *name;

	if (!id || !type || !target_out || !user_out || !blob || !blob_size)
		return SEC_E_INVALID_TOKEN;
	user = qualified_user(id);
	name = target ? local_copy(target, lstrlenW(target)) : qualified_user(id);
	*blob = (PUCHAR)local_copy(id->Password, id->PasswordLength);
	if (!user || !name || (id->Password && !*blob)) {
		LocalFree(user);
		LocalFree(name);
		LocalFree(*blob);
		return SEC_E_INSUFFICIENT_MEMORY;
	}
	*type = CRED_TYPE_DOMAIN_PASSWORD;
	*target_out = name;
	*user_out = user;
	*blob_size = id->Password ? id->PasswordLength * sizeof(WCHAR) : 0;
	return SEC_E_OK;
}
