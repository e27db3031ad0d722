/*
 * Activation contexts, kernel32's side: the Win32 names over ntdll's
 * Rtl*ActivationContext* calls, statuses turned into last errors, the
 * A forms' strings converted.  CreateActCtxW's body is ntdll's private
 * LswCreateActCtx, since our ntdll reads manifests itself.
 */
#include "k32_private.h"

typedef NTSTATUS NTAPI create_actctx_fn(const ACTCTXW *ac, HANDLE *handle);
NTSTATUS NTAPI RtlActivateActivationContext(ULONG, HANDLE, ULONG_PTR *);
void NTAPI RtlDeactivateActivationContext(ULONG, ULONG_PTR);
NTSTATUS NTAPI RtlGetActiveActivationContext(HANDLE *);
NTSTATUS NTAPI RtlZombifyActivationContext(HANDLE);
NTSTATUS NTAPI RtlQueryInformationActivationContext(ULONG, HANDLE, void *, ULONG, void *, SIZE_T,
						    SIZE_T *);
NTSTATUS NTAPI RtlFindActivationContextSectionString(ULONG, const GUID *, ULONG,
						     const UNICODE_STRING *, void *);
NTSTATUS NTAPI RtlFindActivationContextSectionGuid(ULONG, const GUID *, ULONG, const GUID *,
						   void *);

static BOOL k32_status(NTSTATUS status)
{
	if (status == STATUS_BUFFER_TOO_SMALL)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	return status ? k32_fail(status) : TRUE;
}

K32API HANDLE WINAPI CreateActCtxW(const ACTCTXW *ac)
{
	static create_actctx_fn *create;
	HANDLE handle = INVALID_HANDLE_VALUE;
	ANSI_STRING name;
	NTSTATUS status;

	if (!create) {
		RtlInitAnsiString(&name, "LswCreateActCtx");
		if ((status = LdrGetProcedureAddress(GetModuleHandleW(L"ntdll.dll"), &name, 0,
						     (PVOID *)&create))) {
			k32_fail(status);
			return INVALID_HANDLE_VALUE;
		}
	}
	if ((status = create(ac, &handle))) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	return handle;
}

static WCHAR *string_arg(const char *a, BOOL is_string, BOOL *ok)
{
	WCHAR *w;

	if (!a || !is_string)
		return (WCHAR *)a;
	if (!(w = k32_a_to_w(a)))
		*ok = FALSE;
	return w;
}

K32API HANDLE WINAPI CreateActCtxA(const ACTCTXA *ac)
{
	ACTCTXW w;
	HANDLE h = INVALID_HANDLE_VALUE;
	BOOL ok = TRUE, res_is_string;

	if (!ac || ac->cbSize < offsetof(ACTCTXA, lpAssemblyDirectory)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	memset(&w, 0, sizeof(w));
	w.cbSize = sizeof(w);
	w.dwFlags = ac->dwFlags;
	w.wProcessorArchitecture = ac->wProcessorArchitecture;
	w.wLangId = ac->wLangId;
	w.hModule = ac->cbSize >= sizeof(*ac) ? ac->hModule : NULL;
	res_is_string = (ac->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) && !IS_INTRESOURCE(ac->lpResourceName);
	w.lpSource = string_arg(ac->lpSource, TRUE, &ok);
	w.lpAssemblyDirectory = string_arg(ac->lpAssemblyDirectory,
					   ac->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID, &ok);
	w.lpResourceName = string_arg(ac->lpResourceName, res_is_string, &ok);
	w.lpApplicationName = string_arg(ac->lpApplicationName,
					 ac->dwFlags & ACTCTX_FLAG_APPLICATION_NAME_VALID, &ok);
	if (ok)
		h = CreateActCtxW(&w);
	else
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	k32_free((void *)w.lpSource);
	if (ac->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID)
		k32_free((void *)w.lpAssemblyDirectory);
	if (res_is_string)
		k32_free((void *)w.lpResourceName);
	if (ac->dwFlags & ACTCTX_FLAG_APPLICATION_NAME_VALID)
		k32_free((void *)w.lpApplicationName);
	return h;
}

K32API BOOL WINAPI ActivateActCtx(HANDLE h, ULONG_PTR *cookie)
{
	return k32_status(RtlActivateActivationContext(0, h, cookie));
}

K32API BOOL WINAPI DeactivateActCtx(DWORD flags, ULONG_PTR cookie)
{
	if (flags & ~DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION)
		return k32_error(ERROR_INVALID_PARAMETER);
	RtlDeactivateActivationContext(flags, cookie);
	return TRUE;
}

K32API BOOL WINAPI GetCurrentActCtx(HANDLE *h)
{
	if (!h)
		return k32_error(ERROR_INVALID_PARAMETER);
	return k32_status(RtlGetActiveActivationContext(h));
}

K32API BOOL WINAPI ZombifyActCtx(HANDLE h)
{
	return k32_status(RtlZombifyActivationContext(h));
}

/* QueryActCtxW's flags are not ntdll's: USE_ACTIVE 4 -> 1, IS_HMODULE
 * 8 -> 2, IS_ADDRESS 0x10 -> 4; NO_ADDREF is the same bit. */
K32API BOOL WINAPI QueryActCtxW(DWORD flags, HANDLE h, void *sub, ULONG info_class, void *buf,
				SIZE_T size, SIZE_T *written)
{
	ULONG rtl = flags & QUERY_ACTCTX_FLAG_NO_ADDREF;

	if (flags & ~(QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX | QUERY_ACTCTX_FLAG_ACTCTX_IS_HMODULE |
		      QUERY_ACTCTX_FLAG_ACTCTX_IS_ADDRESS | QUERY_ACTCTX_FLAG_NO_ADDREF))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX)
		rtl |= 1;
	if (flags & QUERY_ACTCTX_FLAG_ACTCTX_IS_HMODULE)
		rtl |= 2;
	if (flags & QUERY_ACTCTX_FLAG_ACTCTX_IS_ADDRESS)
		rtl |= 4;
	return k32_status(RtlQueryInformationActivationContext(rtl, h, sub, info_class, buf, size,
								 written));
}

K32API BOOL WINAPI FindActCtxSectionStringW(DWORD flags, const GUID *ext, ULONG section,
					    LPCWSTR name, ACTCTX_SECTION_KEYED_DATA *data)
{
	UNICODE_STRING s;

	if (!name)
		return k32_error(ERROR_INVALID_PARAMETER);
	RtlInitUnicodeString(&s, name);
	return k32_status(RtlFindActivationContextSectionString(flags, ext, section, &s, data));
}

K32API BOOL WINAPI FindActCtxSectionStringA(DWORD flags, const GUID *ext, ULONG section,
					    LPCSTR name, ACTCTX_SECTION_KEYED_DATA *data)
{
	UNICODE_STRING s;
	BOOL ok;

	if (!name)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(name, &s))
		return FALSE;
	ok = k32_status(RtlFindActivationContextSectionString(flags, ext, section, &s, data));
	k32_free(s.Buffer);
	return ok;
}

K32API BOOL WINAPI FindActCtxSectionGuid(DWORD flags, const GUID *ext, ULONG section,
					 const GUID *guid, ACTCTX_SECTION_KEYED_DATA *data)
{
	return k32_status(RtlFindActivationContextSectionGuid(flags, ext, section, guid, data));
}
