/*
 * BSTRs: a 32-bit byte length, then the characters, then a NUL character;
 * the BSTR points at the characters.  They are task memory (as Windows'
 * oleaut32 allocates them through the COM task allocator), so what one
 * module allocates another may free.  The block starts 8 bytes before
 * the characters, keeping them 8-byte aligned; its first 4 bytes count the
 * pins of SysAddRefString (with FREED set once SysFreeString came while
 * the string was pinned).
 */
#include "oleaut_private.h"

#define HEADER 8
#define FREED 0x80000000u

static BYTE *block(BSTR s)
{
	return (BYTE *)s - HEADER;
}

static LONG *pins(BSTR s)
{
	return (LONG *)block(s);
}

/* A BSTR of `bytes` bytes, copied from src when it is not NULL. */
static BSTR alloc_bytes(const void *src, UINT bytes)
{
	BYTE *p;
	BSTR s;

	if (bytes > 0x7FFFFFF0u - HEADER)
		return NULL;
	p = CoTaskMemAlloc(HEADER + bytes + sizeof(OLECHAR) + 1);
	if (!p)
		return NULL;
	*(DWORD *)p = 0;
	*(DWORD *)(p + HEADER - sizeof(DWORD)) = bytes;
	s = (BSTR)(p + HEADER);
	if (src)
		memcpy(s, src, bytes);
	else
		memset(s, 0, bytes);
	memset((BYTE *)s + bytes, 0, sizeof(OLECHAR) + 1);
	return s;
}

BSTR WINAPI SysAllocStringLen(const OLECHAR *s, UINT len)
{
	if (len > 0x7FFFFFF0u / sizeof(OLECHAR))
		return NULL;
	return alloc_bytes(s, len * sizeof(OLECHAR));
}

BSTR WINAPI SysAllocString(LPCOLESTR s)
{
	return s ? SysAllocStringLen(s, lstrlenW(s)) : NULL;
}

/* `len` bytes of psz, not converted (documented: binary data or ANSI). */
BSTR WINAPI SysAllocStringByteLen(LPCSTR s, UINT len)
{
	return alloc_bytes(s, len);
}

/* A pinned string is freed when its last pin goes. */
void WINAPI SysFreeString(BSTR s)
{
	if (!s)
		return;
	if (*pins(s) & ~FREED) {
		InterlockedOr(pins(s), (LONG)FREED);
		return;
	}
	CoTaskMemFree(block(s));
}

UINT WINAPI SysStringByteLen(BSTR s)
{
	return s ? *(DWORD *)((BYTE *)s - sizeof(DWORD)) : 0;
}

UINT WINAPI SysStringLen(BSTR s)
{
	return SysStringByteLen(s) / sizeof(OLECHAR);
}

/* The new string may come from the old one: copy first, then free. */
INT WINAPI SysReAllocStringLen(BSTR *old, const OLECHAR *s, UINT len)
{
	BSTR n;

	if (!old)
		return FALSE;
	n = SysAllocStringLen(s, len);
	if (!n)
		return FALSE;
	SysFreeString(*old);
	*old = n;
	return TRUE;
}

INT WINAPI SysReAllocString(BSTR *old, LPCOLESTR s)
{
	if (!old)
		return FALSE;
	if (!s) {
		SysFreeString(*old);
		*old = NULL;
		return TRUE;
	}
	return SysReAllocStringLen(old, s, lstrlenW(s));
}

/* Pinning keeps a BSTR alive across a call that may free it. */
HRESULT WINAPI SysAddRefString(BSTR s)
{
	if (!s)
		return E_INVALIDARG;
	InterlockedIncrement(pins(s));
	return S_OK;
}

void WINAPI SysReleaseString(BSTR s)
{
	if (s && (InterlockedDecrement(pins(s)) & ~FREED) == 0 && (*pins(s) & FREED))
		CoTaskMemFree(block(s));
}
