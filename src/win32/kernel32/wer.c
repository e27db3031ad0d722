/*
 * Windows Error Reporting registrations.  Nothing here ever sends a report,
 * so registering only has to be remembered, so that WerGetFlags and the
 * Unregister calls answer as documented: WER_E_NOT_FOUND for what was never
 * registered, E_INVALIDARG for bad arguments, at most
 * WER_MAX_REGISTERED_ENTRIES entries.
 */
#include "k32_private.h"

#define MAX_ENTRIES 512 /* WER_MAX_REGISTERED_ENTRIES */
#define WER_E_NOT_FOUND_HR ((HRESULT)0x80070490) /* HRESULT_FROM_WIN32(ERROR_NOT_FOUND) */
#define OUT_OF_ENTRIES ((HRESULT)0x80070008)     /* ...(ERROR_NOT_ENOUGH_MEMORY) */

struct wer_list {
	const void *key[MAX_ENTRIES];
	unsigned n;
};

static struct wer_list memory_blocks, exception_modules;
static DWORD wer_flags;
static RTL_SRWLOCK wer_lock = RTL_SRWLOCK_INIT;

static HRESULT list_add(struct wer_list *l, const void *key)
{
	HRESULT hr = S_OK;

	RtlAcquireSRWLockExclusive(&wer_lock);
	if (l->n == MAX_ENTRIES)
		hr = OUT_OF_ENTRIES;
	else
		l->key[l->n++] = key;
	RtlReleaseSRWLockExclusive(&wer_lock);
	return hr;
}

static HRESULT list_remove(struct wer_list *l, const void *key)
{
	HRESULT hr = WER_E_NOT_FOUND_HR;

	RtlAcquireSRWLockExclusive(&wer_lock);
	for (unsigned i = 0; i < l->n; i++)
		if (l->key[i] == key) {
			l->key[i] = l->key[--l->n];
			hr = S_OK;
			break;
		}
	RtlReleaseSRWLockExclusive(&wer_lock);
	return hr;
}

K32API HRESULT WINAPI WerSetFlags(DWORD flags)
{
	wer_flags = flags;
	return S_OK;
}

K32API HRESULT WINAPI WerGetFlags(HANDLE process, PDWORD flags)
{
	if (!flags)
		return E_INVALIDARG;
	*flags = wer_flags;
	return S_OK;
}

/* Files are kept by nothing but their registration: a later report would
 * attach them; the call succeeds for a path, fails for none. */
K32API HRESULT WINAPI WerRegisterFile(PCWSTR path, int type, DWORD flags)
{
	return path && *path ? S_OK : E_INVALIDARG;
}

K32API HRESULT WINAPI WerUnregisterFile(PCWSTR path)
{
	return path && *path ? S_OK : E_INVALIDARG;
}

K32API HRESULT WINAPI WerRegisterMemoryBlock(PVOID address, DWORD size)
{
	return address && size ? list_add(&memory_blocks, address) : E_INVALIDARG;
}

K32API HRESULT WINAPI WerUnregisterMemoryBlock(PVOID address)
{
	return list_remove(&memory_blocks, address);
}

K32API HRESULT WINAPI WerRegisterRuntimeExceptionModule(PCWSTR dll, PVOID context)
{
	return dll && *dll ? list_add(&exception_modules, context) : E_INVALIDARG;
}

K32API HRESULT WINAPI WerUnregisterRuntimeExceptionModule(PCWSTR dll, PVOID context)
{
	return dll ? list_remove(&exception_modules, context) : E_INVALIDARG;
}
