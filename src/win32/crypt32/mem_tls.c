/* crypt32's allocator (the one its callers free what it returns with)
 * and its thread-local slots for other crypto DLLs (I_CryptAllocTls...). */
#include "crypt32_private.h"

C32_API LPVOID WINAPI CryptMemAlloc(ULONG size)
{
	return HeapAlloc(GetProcessHeap(), 0, size);
}

C32_API LPVOID WINAPI CryptMemRealloc(LPVOID mem, ULONG size)
{
	if (!mem)
		return HeapAlloc(GetProcessHeap(), 0, size);
	return HeapReAlloc(GetProcessHeap(), 0, mem, size);
}

C32_API VOID WINAPI CryptMemFree(LPVOID mem)
{
	if (mem)
		HeapFree(GetProcessHeap(), 0, mem);
}

/* A slot is a kernel32 TLS index plus one: 0 is I_CryptAllocTls's
 * failure, and TLS index 0 is a valid one. */
C32_API DWORD WINAPI I_CryptAllocTls(void)
{
	DWORD index = TlsAlloc();

	return index == TLS_OUT_OF_INDEXES ? 0 : index + 1;
}

C32_API LPVOID WINAPI I_CryptGetTls(DWORD slot)
{
	return slot ? TlsGetValue(slot - 1) : NULL;
}

C32_API BOOL WINAPI I_CryptSetTls(DWORD slot, LPVOID value)
{
	return slot ? TlsSetValue(slot - 1, value) : c32_fail(E_INVALIDARG);
}

/* The value of this thread's slot, which is emptied. */
C32_API LPVOID WINAPI I_CryptDetachTls(DWORD slot)
{
	LPVOID value = I_CryptGetTls(slot);

	if (value)
		TlsSetValue(slot - 1, NULL);
	return value;
}

/* A slot already freed (or never allocated) fails with E_INVALIDARG as
 * the last error, as Windows reports it. */
C32_API BOOL WINAPI I_CryptFreeTls(DWORD slot, DWORD reserved)
{
	(void)reserved;
	if (!slot || !TlsFree(slot - 1))
		return c32_fail(E_INVALIDARG);
	return TRUE;
}
