/*
 * The app model as an unpackaged desktop process sees it: the AppPolicy
 * queries answer the desktop values their documentation gives (the C
 * runtime asks two of them at start-up), the current-package queries say
 * there is no package, and PackageIdFromFullName parses the documented
 * full-name form Name_Version_Architecture_ResourceId_PublisherId.
 */
#include "k32_private.h"

#define PUBLISHER_ID_CHARS 13

/* Every AppPolicy query: (process token, *policy) -> ERROR_SUCCESS. */
static LONG policy(const void *token, ULONG *out, ULONG value)
{
	(void)token; /* every process here is a desktop one */
	if (!out)
		return ERROR_INVALID_PARAMETER;
	*out = value;
	return ERROR_SUCCESS;
}

K32API LONG WINAPI AppPolicyGetClrCompat(HANDLE t, ULONG *p)
{
	return policy(t, p, 1); /* AppPolicyClrCompat_ClassicDesktop */
}

K32API LONG WINAPI AppPolicyGetCreateFileAccess(HANDLE t, ULONG *p)
{
	return policy(t, p, 0); /* AppPolicyCreateFileAccess_Full */
}

K32API LONG WINAPI AppPolicyGetLifecycleManagement(HANDLE t, ULONG *p)
{
	return policy(t, p, 0); /* AppPolicyLifecycleManagement_Unmanaged */
}

K32API LONG WINAPI AppPolicyGetMediaFoundationCodecLoading(HANDLE t, ULONG *p)
{
	return policy(t, p, 0); /* AppPolicyMediaFoundationCodecLoading_All */
}

K32API LONG WINAPI AppPolicyGetProcessTerminationMethod(HANDLE t, ULONG *p)
{
	return policy(t, p, 0); /* AppPolicyProcessTerminationMethod_ExitProcess */
}

K32API LONG WINAPI AppPolicyGetShowDeveloperDiagnostic(HANDLE t, ULONG *p)
{
	return policy(t, p, 1); /* AppPolicyShowDeveloperDiagnostic_ShowUI */
}

K32API LONG WINAPI AppPolicyGetThreadInitializationType(HANDLE t, ULONG *p)
{
	return policy(t, p, 0); /* AppPolicyThreadInitializationType_None */
}

K32API LONG WINAPI AppPolicyGetWindowingModel(HANDLE t, ULONG *p)
{
	return policy(t, p, 2); /* AppPolicyWindowingModel_ClassicDesktop */
}

/* The process has no package identity (nor an application id): what
 * every package query answers, once it has a length to answer in. */
static LONG unpackaged(const UINT32 *len, LONG error)
{
	return len ? error : ERROR_INVALID_PARAMETER;
}

K32API LONG WINAPI GetCurrentPackageFullName(UINT32 *len, PWSTR name)
{
	return unpackaged(len, APPMODEL_ERROR_NO_PACKAGE);
}

K32API LONG WINAPI GetCurrentPackageFamilyName(UINT32 *len, PWSTR name)
{
	return unpackaged(len, APPMODEL_ERROR_NO_PACKAGE);
}

K32API LONG WINAPI GetCurrentPackageId(UINT32 *len, BYTE *buf)
{
	return unpackaged(len, APPMODEL_ERROR_NO_PACKAGE);
}

K32API LONG WINAPI GetCurrentPackagePath(UINT32 *len, PWSTR path)
{
	return unpackaged(len, APPMODEL_ERROR_NO_PACKAGE);
}

K32API LONG WINAPI GetPackageFullName(HANDLE process, UINT32 *len, PWSTR name)
{
	return unpackaged(len, APPMODEL_ERROR_NO_PACKAGE);
}

K32API LONG WINAPI GetPackageFamilyName(HANDLE process, UINT32 *len, PWSTR name)
{
	return unpackaged(len, APPMODEL_ERROR_NO_PACKAGE);
}

/* Documented: "if an unpackaged application calls this function, it
 * fails with APPMODEL_ERROR_NO_PACKAGE". */
K32API HMODULE WINAPI LoadPackagedLibrary(LPCWSTR name, DWORD reserved)
{
	k32_error(APPMODEL_ERROR_NO_PACKAGE);
	return NULL;
}

K32API LONG WINAPI GetApplicationUserModelId(HANDLE process, UINT32 *len, PWSTR id)
{
	return unpackaged(len, APPMODEL_ERROR_NO_APPLICATION);
}

/* PACKAGE_ID (x64): reserved, processorArchitecture, version (Revision,
 * Build, Minor, Major from the low word up), name, publisher,
 * resourceId, publisherId. */
typedef struct package_id {
	UINT32 reserved, arch;
	UINT64 version;
	WCHAR *name, *publisher, *resource_id, *publisher_id;
} package_id;

/* One '_'-separated field of s from *at: its start and length. */
static const WCHAR *field(const WCHAR *s, SIZE_T *at, SIZE_T *n)
{
	const WCHAR *f = s + *at;

	for (*n = 0; f[*n] && f[*n] != '_'; (*n)++)
		;
	*at += *n + (f[*n] == '_');
	return f;
}

static BOOL parse_version(const WCHAR *s, SIZE_T n, UINT64 *v)
{
	unsigned part = 0, value = 0, digits = 0;

	*v = 0;
	for (SIZE_T i = 0; i <= n; i++) {
		if (i < n && s[i] >= '0' && s[i] <= '9' && digits < 5) {
			value = value * 10 + (s[i] - '0');
			digits++;
		} else if ((i == n || s[i] == '.') && digits && value <= 0xFFFF && part < 4) {
			*v = *v << 16 | value;
			part++;
			value = digits = 0;
		} else {
			return FALSE;
		}
	}
	return part == 4;
}

static BOOL parse_arch(const WCHAR *s, SIZE_T n, UINT32 *arch)
{
	static const struct { const WCHAR *name; UINT32 code; } archs[] = {
		{ L"x86", PROCESSOR_ARCHITECTURE_INTEL }, { L"arm", PROCESSOR_ARCHITECTURE_ARM },
		{ L"x64", PROCESSOR_ARCHITECTURE_AMD64 }, { L"neutral", 11 /* NEUTRAL */ },
		{ L"arm64", 12 /* ARM64 */ }, { L"unknown", PROCESSOR_ARCHITECTURE_UNKNOWN },
	};

	for (SIZE_T i = 0; i < ARRAYSIZE(archs); i++)
		if (wcslen(archs[i].name) == n && !_wcsnicmp(archs[i].name, s, n)) {
			*arch = archs[i].code;
			return TRUE;
		}
	return FALSE;
}

/* 13 characters of the publisher hash's base-32 alphabet. */
static BOOL valid_publisher_id(const WCHAR *s, SIZE_T n)
{
	static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

	if (n != PUBLISHER_ID_CHARS)
		return FALSE;
	for (SIZE_T i = 0; i < n; i++)
		if (s[i] > 'z' || !strchr(alphabet, (char)(s[i] | 0x20)))
			return FALSE;
	return TRUE;
}

static WCHAR *put_string(BYTE **at, const WCHAR *s, SIZE_T n)
{
	WCHAR *out = (WCHAR *)*at;

	memcpy(out, s, n * sizeof(WCHAR));
	out[n] = 0;
	*at += (n + 1) * sizeof(WCHAR);
	return out;
}

K32API LONG WINAPI PackageIdFromFullName(PCWSTR full, UINT32 flags, UINT32 *len, BYTE *buf)
{
	const WCHAR *name, *ver, *arch_s, *res, *pub;
	SIZE_T at = 0, nn, nv, na, nr, np;
	package_id id = { 0 };
	UINT32 need;
	BYTE *p;

	if (!full || !len || (!buf && *len))
		return ERROR_INVALID_PARAMETER;
	name = field(full, &at, &nn);
	ver = field(full, &at, &nv);
	arch_s = field(full, &at, &na);
	res = field(full, &at, &nr);
	pub = field(full, &at, &np);
	if (!nn || pub[np] || !parse_version(ver, nv, &id.version) ||
	    !parse_arch(arch_s, na, &id.arch) || !valid_publisher_id(pub, np))
		return ERROR_INVALID_PARAMETER;
	need = (UINT32)(sizeof(id) + (nn + 1 + nr + 1 + np + 1) * sizeof(WCHAR));
	if (*len < need) {
		*len = need;
		return ERROR_INSUFFICIENT_BUFFER;
	}
	p = buf + sizeof(id);
	id.name = put_string(&p, name, nn);
	id.resource_id = put_string(&p, res, nr); /* "" when the name has none */
	id.publisher_id = put_string(&p, pub, np);
	memcpy(buf, &id, sizeof(id));
	*len = need;
	return ERROR_SUCCESS;
}

/* Windows Vista on: a product type for 6.0 and later (a professional
 * edition, as the version reports a workstation); FALSE before, with
 * PRODUCT_UNDEFINED; the last error is left alone either way. */
K32API BOOL WINAPI GetProductInfo(DWORD major, DWORD minor, DWORD sp_major, DWORD sp_minor,
				  PDWORD type)
{
	if (!type)
		return FALSE;
	*type = major >= 6 ? 0x30 /* PRODUCT_PROFESSIONAL */ : 0 /* PRODUCT_UNDEFINED */;
	return major >= 6;
}
