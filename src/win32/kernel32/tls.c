/*
 * Thread local storage: 64 slots in TEB->TlsSlots plus 1024 expansion
 * slots in TEB->TlsExpansionSlots, allocated on first use per thread.
 * Slot usage is tracked in the PEB's TlsBitmapBits (64 bits) and
 * TlsExpansionBitmapBits (1024 bits) under the PEB lock, as on Windows.
 */
#include "k32_private.h"

#define TLS_TOTAL (LSW_TLS_MINIMUM_AVAILABLE + LSW_TLS_EXPANSION_SLOTS)

static ULONG *tls_word(DWORD index, ULONG *bit)
{
	LSW_PEB *peb = lsw_peb();

	if (index < LSW_TLS_MINIMUM_AVAILABLE) {
		*bit = 1UL << (index % 32);
		return &peb->TlsBitmapBits[index / 32];
	}
	index -= LSW_TLS_MINIMUM_AVAILABLE;
	*bit = 1UL << (index % 32);
	return &peb->TlsExpansionBitmapBits[index / 32];
}

static BOOL tls_in_use(DWORD index)
{
	ULONG bit;

	return index < TLS_TOTAL && (*tls_word(index, &bit) & bit);
}

K32API DWORD WINAPI TlsAlloc(void)
{
	DWORD i;
	ULONG bit, *w;

	RtlAcquirePebLock();
	/* slot 0 is never handed out: Windows (XP SP2 on) keeps it reserved,
	 * NULL in every thread */
	for (i = 1; i < TLS_TOTAL; i++) {
		w = tls_word(i, &bit);
		if (!(*w & bit)) {
			*w |= bit;
			RtlReleasePebLock();
			/* A new slot starts out NULL in this thread. */
			if (i < LSW_TLS_MINIMUM_AVAILABLE)
				lsw_teb()->TlsSlots[i] = NULL;
			else if (lsw_teb()->TlsExpansionSlots)
				lsw_teb()->TlsExpansionSlots[i - LSW_TLS_MINIMUM_AVAILABLE] = NULL;
			return i;
		}
	}
	RtlReleasePebLock();
	k32_error(ERROR_NO_MORE_ITEMS);
	return TLS_OUT_OF_INDEXES;
}

K32API BOOL WINAPI TlsFree(DWORD index)
{
	ULONG bit, *w;

	RtlAcquirePebLock();
	if (!tls_in_use(index)) {
		RtlReleasePebLock();
		return k32_error(ERROR_INVALID_PARAMETER);
	}
	w = tls_word(index, &bit);
	*w &= ~bit;
	RtlReleasePebLock();
	/* Other threads' values are cleared by Windows via
	 * NtSetInformationThread(ThreadZeroTlsCell); single-threaded for now,
	 * so the current thread's slot is enough. */
	if (index < LSW_TLS_MINIMUM_AVAILABLE)
		lsw_teb()->TlsSlots[index] = NULL;
	else if (lsw_teb()->TlsExpansionSlots)
		lsw_teb()->TlsExpansionSlots[index - LSW_TLS_MINIMUM_AVAILABLE] = NULL;
	return TRUE;
}

/* Sets the last error to 0 on success, so that a NULL value can be told
 * from a failure (documented). */
K32API LPVOID WINAPI TlsGetValue(DWORD index)
{
	LSW_TEB *teb = lsw_teb();

	if (index < LSW_TLS_MINIMUM_AVAILABLE) {
		teb->LastErrorValue = 0;
		return teb->TlsSlots[index];
	}
	if (index >= TLS_TOTAL) {
		k32_error(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	teb->LastErrorValue = 0;
	if (!teb->TlsExpansionSlots)
		return NULL;
	return teb->TlsExpansionSlots[index - LSW_TLS_MINIMUM_AVAILABLE];
}

K32API BOOL WINAPI TlsSetValue(DWORD index, LPVOID value)
{
	LSW_TEB *teb = lsw_teb();

	if (index < LSW_TLS_MINIMUM_AVAILABLE) {
		teb->TlsSlots[index] = value;
		return TRUE;
	}
	if (index >= TLS_TOTAL)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!teb->TlsExpansionSlots) {
		teb->TlsExpansionSlots = RtlAllocateHeap(
			k32_heap(), HEAP_ZERO_MEMORY, LSW_TLS_EXPANSION_SLOTS * sizeof(PVOID));
		if (!teb->TlsExpansionSlots)
			return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	teb->TlsExpansionSlots[index - LSW_TLS_MINIMUM_AVAILABLE] = value;
	return TRUE;
}
