/* The rest of the SSPI (calls on credential and context handles, none of
 * which exist: SEC_E_INVALID_HANDLE; importing a context needs a package:
 * SEC_E_SECPKG_NOT_FOUND) and InitSecurityInterfaceA/W, the function
 * tables through which libraries such as curl call the SSPI. */
#include "sspicli_private.h"

SSPI_API SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesW(PCredHandle c, ULONG a, void *b)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesA(PCredHandle c, ULONG a, void *b)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesW(PCredHandle c, ULONG a, void *b, ULONG n)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesA(PCredHandle c, ULONG a, void *b, ULONG n)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY AddCredentialsW(PCredHandle c, SEC_WCHAR *principal,
						   SEC_WCHAR *package, ULONG use, void *auth,
						   SEC_GET_KEY_FN get_key, void *arg, PTimeStamp expiry)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY AddCredentialsA(PCredHandle c, SEC_CHAR *principal,
						   SEC_CHAR *package, ULONG use, void *auth,
						   SEC_GET_KEY_FN get_key, void *arg, PTimeStamp expiry)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY ImpersonateSecurityContext(PCtxtHandle ctx)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY RevertSecurityContext(PCtxtHandle ctx)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY MakeSignature(PCtxtHandle ctx, ULONG qop, PSecBufferDesc msg,
						 ULONG seq)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY VerifySignature(PCtxtHandle ctx, PSecBufferDesc msg, ULONG seq,
						   ULONG *qop)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY QuerySecurityContextToken(PCtxtHandle ctx, HANDLE *token)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY ExportSecurityContext(PCtxtHandle ctx, ULONG flags,
							 PSecBuffer packed, void **token)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY ImportSecurityContextW(SEC_WCHAR *package, PSecBuffer packed,
							  void *token, PCtxtHandle ctx)
{
	return SEC_E_SECPKG_NOT_FOUND;
}

SSPI_API SECURITY_STATUS SEC_ENTRY ImportSecurityContextA(SEC_CHAR *package, PSecBuffer packed,
							  void *token, PCtxtHandle ctx)
{
	return SEC_E_SECPKG_NOT_FOUND;
}

SSPI_API SECURITY_STATUS SEC_ENTRY SetContextAttributesW(PCtxtHandle ctx, ULONG a, void *b, ULONG n)
{
	return SEC_E_INVALID_HANDLE;
}

SSPI_API SECURITY_STATUS SEC_ENTRY SetContextAttributesA(PCtxtHandle ctx, ULONG a, void *b, ULONG n)
{
	return SEC_E_INVALID_HANDLE;
}

/* Every entry up to SetCredentialsAttributes is here, but the version
 * Windows reports is 1 (SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION), and
 * its Reserved3/4 repeat EncryptMessage/DecryptMessage (Wine's secur32
 * test, which passes on Windows, checks both). */
#define TABLE_VERSION SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION

static SecurityFunctionTableW table_w = {
	.dwVersion = TABLE_VERSION,
	.EnumerateSecurityPackagesW = EnumerateSecurityPackagesW,
	.QueryCredentialsAttributesW = QueryCredentialsAttributesW,
	.AcquireCredentialsHandleW = AcquireCredentialsHandleW,
	.FreeCredentialsHandle = FreeCredentialsHandle,
	.InitializeSecurityContextW = InitializeSecurityContextW,
	.AcceptSecurityContext = AcceptSecurityContext,
	.CompleteAuthToken = CompleteAuthToken,
	.DeleteSecurityContext = DeleteSecurityContext,
	.ApplyControlToken = ApplyControlToken,
	.QueryContextAttributesW = QueryContextAttributesW,
	.ImpersonateSecurityContext = ImpersonateSecurityContext,
	.RevertSecurityContext = RevertSecurityContext,
	.MakeSignature = MakeSignature,
	.VerifySignature = VerifySignature,
	.FreeContextBuffer = FreeContextBuffer,
	.QuerySecurityPackageInfoW = QuerySecurityPackageInfoW,
	.ExportSecurityContext = ExportSecurityContext,
	.ImportSecurityContextW = ImportSecurityContextW,
	.AddCredentialsW = AddCredentialsW,
	.QuerySecurityContextToken = QuerySecurityContextToken,
	.Reserved3 = (void *)EncryptMessage,
	.Reserved4 = (void *)DecryptMessage,
	.EncryptMessage = EncryptMessage,
	.DecryptMessage = DecryptMessage,
	.SetContextAttributesW = SetContextAttributesW,
	.SetCredentialsAttributesW = SetCredentialsAttributesW,
};

static SecurityFunctionTableA table_a = {
	.dwVersion = TABLE_VERSION,
	.EnumerateSecurityPackagesA = EnumerateSecurityPackagesA,
	.QueryCredentialsAttributesA = QueryCredentialsAttributesA,
	.AcquireCredentialsHandleA = AcquireCredentialsHandleA,
	.FreeCredentialsHandle = FreeCredentialsHandle,
	.InitializeSecurityContextA = InitializeSecurityContextA,
	.AcceptSecurityContext = AcceptSecurityContext,
	.CompleteAuthToken = CompleteAuthToken,
	.DeleteSecurityContext = DeleteSecurityContext,
	.ApplyControlToken = ApplyControlToken,
	.QueryContextAttributesA = QueryContextAttributesA,
	.ImpersonateSecurityContext = ImpersonateSecurityContext,
	.RevertSecurityContext = RevertSecurityContext,
	.MakeSignature = MakeSignature,
	.VerifySignature = VerifySignature,
	.FreeContextBuffer = FreeContextBuffer,
	.QuerySecurityPackageInfoA = QuerySecurityPackageInfoA,
	.ExportSecurityContext = ExportSecurityContext,
	.ImportSecurityContextA = ImportSecurityContextA,
	.AddCredentialsA = AddCredentialsA,
	.QuerySecurityContextToken = QuerySecurityContextToken,
	.Reserved3 = (void *)EncryptMessage,
	.Reserved4 = (void *)DecryptMessage,
	.EncryptMessage = EncryptMessage,
	.DecryptMessage = DecryptMessage,
	.SetContextAttributesA = SetContextAttributesA,
	.SetCredentialsAttributesA = SetCredentialsAttributesA,
};

SSPI_API PSecurityFunctionTableW SEC_ENTRY InitSecurityInterfaceW(void)
{
	return &table_w;
}

SSPI_API PSecurityFunctionTableA SEC_ENTRY InitSecurityInterfaceA(void)
{
	return &table_a;
}
