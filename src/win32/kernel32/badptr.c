/*
 * IsBadReadPtr and friends: is every byte of a range accessible?  Asked of
 * the memory map (NtQueryVirtualMemory) rather than by touching it, so a
 * guard page is reported bad instead of being consumed.  Obsolete APIs
 * that Windows keeps because old programs and test harnesses call them.
 */
#include "k32_private.h"

#define MEMORY_BASIC_INFORMATION_CLASS 0
#define READABLE (PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ | \
		  PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
#define WRITABLE (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | \
		  PAGE_EXECUTE_WRITECOPY)

/* Bytes from addr on that are committed with one of the protections in
 * want (0: none, the address is bad). */
static SIZE_T accessible(ULONG_PTR addr, DWORD want)
{
	MEMORY_BASIC_INFORMATION mbi;
	NTSTATUS st = NtQueryVirtualMemory((HANDLE)-1, (PVOID)addr, MEMORY_BASIC_INFORMATION_CLASS,
					   &mbi, sizeof(mbi), NULL);

	if (st < 0 || mbi.State != MEM_COMMIT || (mbi.Protect & (PAGE_GUARD | PAGE_NOACCESS)) ||
	    !(mbi.Protect & want))
		return 0;
	return (ULONG_PTR)mbi.BaseAddress + mbi.RegionSize - addr;
}

static BOOL bad_range(const void *p, UINT_PTR size, DWORD want)
{
	ULONG_PTR addr = (ULONG_PTR)p, end;

	if (!size)
		return FALSE;
	if (!p || addr + size - 1 < addr)
		return TRUE;
	end = addr + size;
	while (addr < end) {
		SIZE_T n = accessible(addr, want);

		if (!n)
			return TRUE;
		addr += n;
	}
	return FALSE;
}

K32API BOOL WINAPI IsBadReadPtr(LPCVOID p, UINT_PTR size)
{
	return bad_range(p, size, READABLE);
}

K32API BOOL WINAPI IsBadWritePtr(LPVOID p, UINT_PTR size)
{
	return bad_range(p, size, WRITABLE);
}

K32API BOOL WINAPI IsBadHugeReadPtr(LPCVOID p, UINT_PTR size)
{
	return bad_range(p, size, READABLE);
}

K32API BOOL WINAPI IsBadHugeWritePtr(LPVOID p, UINT_PTR size)
{
	return bad_range(p, size, WRITABLE);
}

/* Documented as asking for read access only (a stack address is good). */
K32API BOOL WINAPI IsBadCodePtr(FARPROC p)
{
	return bad_range((const void *)p, 1, READABLE);
}

/* Up to max units of width bytes each, stopping after the terminating 0;
 * the memory map is asked again only when the walk leaves a region. */
static BOOL bad_string(const void *s, UINT_PTR max, unsigned width)
{
	ULONG_PTR addr = (ULONG_PTR)s, ok_until = addr;

	if (!max)
		return FALSE;
	if (!s)
		return TRUE;
	for (UINT_PTR i = 0; i < max; i++, addr += width) {
		while (ok_until < addr + width) {
			SIZE_T n = accessible(ok_until, READABLE);

			if (!n)
				return TRUE;
			ok_until += n;
		}
		if (width == 1 ? !*(const char *)addr : !*(const WCHAR *)addr)
			return FALSE;
	}
	return FALSE;
}

K32API BOOL WINAPI IsBadStringPtrA(LPCSTR s, UINT_PTR max)
{
	return bad_string(s, max, 1);
}

K32API BOOL WINAPI IsBadStringPtrW(LPCWSTR s, UINT_PTR max)
{
	return bad_string(s, max, 2);
}
