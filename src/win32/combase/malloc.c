/*
 * Task memory: CoTaskMemAlloc/Realloc/Free over the process heap, and the
 * task allocator CoGetMalloc hands out (one static IMalloc whose reference
 * count does not matter, as on Windows).
 */
#include "combase_private.h"

LPVOID WINAPI CoTaskMemAlloc(SIZE_T size)
{
	/* a zero-byte request still returns a valid pointer (documented) */
	return HeapAlloc(GetProcessHeap(), 0, size ? size : 1);
}

/* NULL allocates; a size of 0 frees and returns NULL. */
LPVOID WINAPI CoTaskMemRealloc(LPVOID p, SIZE_T size)
{
	if (!p)
		return CoTaskMemAlloc(size);
	if (!size) {
		HeapFree(GetProcessHeap(), 0, p);
		return NULL;
	}
	return HeapReAlloc(GetProcessHeap(), 0, p, size);
}

void WINAPI CoTaskMemFree(LPVOID p)
{
	if (p)
		HeapFree(GetProcessHeap(), 0, p);
}

static HRESULT WINAPI malloc_query(IMalloc *self, REFIID iid, void **out)
{
	if (!out)
		return E_POINTER;
	if (IsEqualIID(iid, &IID_IUnknown) || IsEqualIID(iid, &IID_IMalloc)) {
		*out = self;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

static ULONG WINAPI malloc_addref(IMalloc *self)
{
	return 1;
}

static ULONG WINAPI malloc_release(IMalloc *self)
{
	return 1;
}

static void *WINAPI malloc_alloc(IMalloc *self, SIZE_T size)
{
	return CoTaskMemAlloc(size);
}

static void *WINAPI malloc_realloc(IMalloc *self, void *p, SIZE_T size)
{
	return CoTaskMemRealloc(p, size);
}

static void WINAPI malloc_free(IMalloc *self, void *p)
{
	CoTaskMemFree(p);
}

/* (SIZE_T)-1 for NULL, as documented. */
static SIZE_T WINAPI malloc_size(IMalloc *self, void *p)
{
	return p ? HeapSize(GetProcessHeap(), 0, p) : (SIZE_T)-1;
}

/* 1 allocated here, 0 not, -1 cannot tell: a heap walk would tell, but
 * "cannot tell" is a documented answer. */
static int WINAPI malloc_did_alloc(IMalloc *self, void *p)
{
	return p ? -1 : 0;
}

static void WINAPI malloc_minimize(IMalloc *self)
{
}

static IMallocVtbl malloc_vtbl = {
	malloc_query, malloc_addref, malloc_release, malloc_alloc, malloc_realloc,
	malloc_free, malloc_size, malloc_did_alloc, malloc_minimize,
};
static IMalloc task_malloc = { &malloc_vtbl };

/* MEMCTX_TASK is the only context (MEMCTX_SHARED is gone, documented). */
HRESULT WINAPI CoGetMalloc(DWORD context, IMalloc **out)
{
	if (!out)
		return E_POINTER;
	if (context != MEMCTX_TASK) {
		*out = NULL;
		return E_INVALIDARG;
	}
	*out = &task_malloc;
	return S_OK;
}
