/*
 * LdrDisableThreadCalloutsForDll (kernel32's DisableThreadLibraryCalls):
 * the module's DllMain is no longer called for threads starting and
 * ending; its TLS callbacks still are.  A module with static TLS keeps
 * its calls, as documented (STATUS_DLL_NOT_FOUND, the status Wine 8
 * gives too).
 */
#include "loader.h"

RTLAPI NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(void *base)
{
	NTSTATUS st = STATUS_SUCCESS;

	RtlEnterCriticalSection(&ldr_lock);
	struct ldr_module *m = ldr_find_by_base(base);
	if (!m)
		st = STATUS_DLL_NOT_FOUND;
	else if (m->tls_index != (ULONG)-1)
		st = STATUS_DLL_NOT_FOUND;
	else
		m->entry.Flags |= LDR_FLAG_DONT_CALL_FOR_THREADS;
	RtlLeaveCriticalSection(&ldr_lock);
	return st;
}
