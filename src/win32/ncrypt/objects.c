/*
 * ncrypt's handles: providers and keys are heap objects registered in a
 * live set (bcrypt's), so a handle the program made up or freed is
 * refused with NTE_INVALID_HANDLE instead of being read through.
 */
#include "ncrypt_private.h"
#include "../bcrypt/live_set.h"

void *nc_new(enum nc_kind kind, SIZE_T size)
{
	enum nc_kind *o = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
	if (!o)
		return NULL;
	*o = kind;
	if (!live_add(o)) {
		HeapFree(GetProcessHeap(), 0, o);
		return NULL;
	}
	return o;
}

static void *object_of(NCRYPT_HANDLE h, enum nc_kind kind)
{
	enum nc_kind *o = (enum nc_kind *)h;
	return o && live_has(o) && *o == kind ? o : NULL;
}

struct nc_provider *nc_provider_of(NCRYPT_HANDLE h)
{
	return object_of(h, NC_PROVIDER);
}

struct nc_key *nc_key_of(NCRYPT_HANDLE h)
{
	return object_of(h, NC_KEY);
}

static void key_release(struct nc_key *k)
{
	if (k->key)
		BCryptDestroyKey(k->key);
	if (k->alg_handle)
		BCryptCloseAlgorithmProvider(k->alg_handle, 0);
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptFreeObject(NCRYPT_HANDLE h)
{
	struct nc_key *k = nc_key_of(h);
	if (!k && !nc_provider_of(h))
		return NTE_INVALID_HANDLE;
	if (k)
		key_release(k);
	live_remove((void *)h);
	HeapFree(GetProcessHeap(), 0, (void *)h);
	return ERROR_SUCCESS;
}

/* An ephemeral key has nothing stored to delete: it is freed. */
NCRYPT_API SECURITY_STATUS WINAPI NCryptDeleteKey(NCRYPT_KEY_HANDLE h, DWORD flags)
{
	if (!nc_key_of(h))
		return NTE_INVALID_HANDLE;
	return NCryptFreeObject(h);
}

NCRYPT_API BOOL WINAPI NCryptIsKeyHandle(NCRYPT_KEY_HANDLE h)
{
	return nc_key_of(h) != NULL;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptFreeBuffer(PVOID p)
{
	return HeapFree(GetProcessHeap(), 0, p) ? ERROR_SUCCESS : NTE_INVALID_PARAMETER;
}

SECURITY_STATUS nc_status(NTSTATUS st)
{
	switch ((ULONG)st) {
	case 0: return ERROR_SUCCESS;
	case 0xC0000023: /* STATUS_BUFFER_TOO_SMALL */ return NTE_BUFFER_TOO_SMALL;
	case 0xC000000D: /* STATUS_INVALID_PARAMETER */ return NTE_INVALID_PARAMETER;
	case 0xC0000206: /* STATUS_INVALID_BUFFER_SIZE */ return NTE_INVALID_PARAMETER;
	case 0xC00000BB: /* STATUS_NOT_SUPPORTED */ return NTE_NOT_SUPPORTED;
	case 0xC0000008: /* STATUS_INVALID_HANDLE */ return NTE_INVALID_HANDLE;
	case 0xC0000017: /* STATUS_NO_MEMORY */ return NTE_NO_MEMORY;
	case 0xC000A000: /* STATUS_INVALID_SIGNATURE */ return NTE_BAD_SIGNATURE;
	case 0xC0000225: /* STATUS_NOT_FOUND */ return NTE_NOT_FOUND;
	case 0xC0000184: /* STATUS_INVALID_DEVICE_STATE */ return NTE_BAD_KEY_STATE;
	case 0xC000003E: /* STATUS_DATA_ERROR */ return NTE_BAD_DATA;
	}
	return NTE_FAIL;
}
