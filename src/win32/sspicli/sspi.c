/* The SSPI with no security package installed (the sandbox has no
 * Kerberos, NTLM or Schannel): the package list is empty, asking for a
 * package is SEC_E_SECPKG_NOT_FOUND, and since no credential or context
 * handle is ever made, any handle given is SEC_E_INVALID_HANDLE. */
#include "sspicli_private.h"

SSPI_API SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesW(PULONG count, PSecPkgInfoW *info)
{
	if (!count || !info)
		return SEC_E_INVALID_PARAMETER;
	*count = 0;
	*info = NULL;
	return SEC_E_OK;
}

SSPI_API SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesA(PULONG count, PSecPkgInfoA *info)
{
	if (!count || !info)
		return SEC_E_INVALID_PARAMETER;
	*count = 0;
	*info = NULL;
	return SEC_E_OK;
}

SSPI_API SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoW(SEC_WCHAR *name, PSecPkgInfoW *info)
{
	return SEC_E_SECPKG_NOT_FOUND;
}

SSPI_API SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoA(SEC_CHAR *name, PSecPkgInfoA *info)
{
	return SEC_E_SECPKG_NOT_FOUND;
}

SSPI_API SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleW(SEC_WCHAR *principal, SEC_WCHAR *package,
							     ULONG use, void *logon, void *auth,
							     SEC_GET_KEY_FN get_key, void *arg,
							     PCredHandle cred, PTimeStamp expiry)
{
	return SEC_E_SECPKG_NOT_FOUND;
}

SSPI_API SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleA(SEC_CHAR *principal, SEC_CHAR *package,
							     ULONG use, void *logon, void *auth,
							     SEC_GET_KEY_FN get_key, void *arg,
							     PCredHandle cred, PTimeStamp expiry)
{
	return SEC_E_SECPKG_NOT_FOUND;
}

SSPI_API SECURITY_STATUS SEC_ENTRY FreeCredentialsHandle(PCredHandle cred)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY DeleteSecurityContext(PCtxtHandle ctx)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY InitializeSecurityContextW(
	PCredHandle cred, PCtxtHandle ctx, SEC_WCHAR *target, ULONG req, ULONG reserved1, ULONG rep,
	PSecBufferDesc in, ULONG reserved2, PCtxtHandle new_ctx, PSecBufferDesc out, PULONG attr,
	PTimeStamp expiry)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY InitializeSecurityContextA(
	PCredHandle cred, PCtxtHandle ctx, SEC_CHAR *target, ULONG req, ULONG reserved1, ULONG rep,
	PSecBufferDesc in, ULONG reserved2, PCtxtHandle new_ctx, PSecBufferDesc out, PULONG attr,
	PTimeStamp expiry)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY AcceptSecurityContext(PCredHandle cred, PCtxtHandle ctx,
							 PSecBufferDesc in, ULONG req, ULONG rep,
							 PCtxtHandle new_ctx, PSecBufferDesc out,
							 PULONG attr, PTimeStamp expiry)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY QueryContextAttributesW(PCtxtHandle ctx, ULONG attr, void *buf)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY QueryContextAttributesA(PCtxtHandle ctx, ULONG attr, void *buf)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY CompleteAuthToken(PCtxtHandle ctx, PSecBufferDesc token)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY ApplyControlToken(PCtxtHandle ctx, PSecBufferDesc input)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY EncryptMessage(PCtxtHandle ctx, ULONG qop, PSecBufferDesc msg,
						  ULONG seq)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY DecryptMessage(PCtxtHandle ctx, PSecBufferDesc msg, ULONG seq,
						  PULONG qop)
{
	return SEC_E_INVALID_HANDLE;
}

/* Buffers the SSPI hands out are from the process heap; none is made
 * here, but freeing one (or NULL) is allowed. */
SSPI_API SECURITY_STATUS SEC_ENTRY FreeContextBuffer(PVOID buf)
{
	if (buf)
		HeapFree(GetProcessHeap(), 0, buf);
	return SEC_E_OK;
}
