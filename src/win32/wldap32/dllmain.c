/* wldap32.dll: the per-thread last error lives in a TLS slot. */
#include "ldap_private.h"

static DWORD error_slot = TLS_OUT_OF_INDEXES;

void ldap_set_error(ULONG code)
{
	if (error_slot != TLS_OUT_OF_INDEXES)
		TlsSetValue(error_slot, (void *)(ULONG_PTR)code);
}

ULONG ldap_get_error(void)
{
	if (error_slot == TLS_OUT_OF_INDEXES)
		return LDAP_SUCCESS;
	return (ULONG)(ULONG_PTR)TlsGetValue(error_slot);
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	if (reason == DLL_PROCESS_ATTACH) {
		error_slot = TlsAlloc();
		return error_slot != TLS_OUT_OF_INDEXES;
	}
	if (reason == DLL_PROCESS_DETACH && !reserved && error_slot != TLS_OUT_OF_INDEXES)
		TlsFree(error_slot);
	return TRUE;
}
