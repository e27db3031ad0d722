/* Algorithm providers: BCryptOpenAlgorithmProvider and its close, and the
 * pseudo-handles (BCRYPT_SHA256_ALG_HANDLE...) Windows 10 accepts
 * wherever a provider is asked for.  One provider, "Microsoft Primitive
 * Provider", with the digests of hash.h (plain and HMAC) and the RNG;
 * other algorithms are not found, as on a system without their provider. */
#include "bcrypt_private.h"

void *bc_alloc(SIZE_T n)
{
	return RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, n ? n : 1);
}

void bc_free(void *p)
{
	if (p)
		RtlFreeHeap(lsw_process_heap(), 0, p);
}

static const struct {
	const WCHAR *name;
	const struct hash_alg *hash;
} algorithms[] = {
	{ L"MD5", &hash_md5 },
	{ L"SHA1", &hash_sha1 },
	{ L"SHA256", &hash_sha256 },
	{ L"SHA384", &hash_sha384 },
	{ L"SHA512", &hash_sha512 },
	{ L"RNG", NULL },
};

/* The pseudo-handles' values (bcrypt.h): 0x21 MD5 ... 0x61 SHA512, 0x81
 * RNG, 0x91 HMAC-MD5 ... 0xd1 HMAC-SHA512. */
static const struct bc_alg pseudo[] = {
	{ BC_ALG_MAGIC, L"MD5", &hash_md5, 0, TRUE },
	{ BC_ALG_MAGIC, L"SHA1", &hash_sha1, 0, TRUE },
	{ BC_ALG_MAGIC, L"SHA256", &hash_sha256, 0, TRUE },
	{ BC_ALG_MAGIC, L"SHA384", &hash_sha384, 0, TRUE },
	{ BC_ALG_MAGIC, L"SHA512", &hash_sha512, 0, TRUE },
	{ BC_ALG_MAGIC, L"RC4", NULL, 0, TRUE },      /* 0x71: not provided */
	{ BC_ALG_MAGIC, L"RNG", NULL, 0, TRUE },
	{ BC_ALG_MAGIC, L"MD5", &hash_md5, BC_ALG_HANDLE_HMAC_FLAG, TRUE },
	{ BC_ALG_MAGIC, L"SHA1", &hash_sha1, BC_ALG_HANDLE_HMAC_FLAG, TRUE },
	{ BC_ALG_MAGIC, L"SHA256", &hash_sha256, BC_ALG_HANDLE_HMAC_FLAG, TRUE },
	{ BC_ALG_MAGIC, L"SHA384", &hash_sha384, BC_ALG_HANDLE_HMAC_FLAG, TRUE },
	{ BC_ALG_MAGIC, L"SHA512", &hash_sha512, BC_ALG_HANDLE_HMAC_FLAG, TRUE },
};
#define PSEUDO_FIRST 0x21
#define PSEUDO_STEP 0x10

const struct bc_alg *bc_alg_from_handle(void *handle)
{
	ULONG_PTR v = (ULONG_PTR)handle;
	const struct bc_alg *a = handle;

	if (v >= PSEUDO_FIRST && v < PSEUDO_FIRST + PSEUDO_STEP * ARRAYSIZE(pseudo) &&
	    (v - PSEUDO_FIRST) % PSEUDO_STEP == 0) {
		a = &pseudo[(v - PSEUDO_FIRST) / PSEUDO_STEP];
		return a->hash || !_wcsicmp(a->name, L"RNG") ? a : NULL;
	}
	if (v < 0x10000 || a->magic != BC_ALG_MAGIC)
		return NULL;
	return a;
}

static BOOL provider_known(const WCHAR *implementation)
{
	return !implementation || !_wcsicmp(implementation, L"Microsoft Primitive Provider");
}

BCRYPT_API NTSTATUS WINAPI BCryptOpenAlgorithmProvider(void **handle, const WCHAR *id,
						       const WCHAR *implementation, ULONG flags)
{
	struct bc_alg *a;

	if (!handle || !id)
		return STATUS_INVALID_PARAMETER;
	if (flags & ~(BC_PROV_DISPATCH | BC_ALG_HANDLE_HMAC_FLAG | BC_HASH_REUSABLE_FLAG))
		return STATUS_INVALID_PARAMETER;
	if (!provider_known(implementation))
		return STATUS_NOT_FOUND;
	for (size_t i = 0; i < ARRAYSIZE(algorithms); i++) {
		if (_wcsicmp(id, algorithms[i].name))
			continue;
		if (!algorithms[i].hash && (flags & (BC_ALG_HANDLE_HMAC_FLAG | BC_HASH_REUSABLE_FLAG)))
			return STATUS_NOT_FOUND; /* no MAC or hash of the RNG */
		if (!(a = bc_alloc(sizeof(*a))))
			return STATUS_NO_MEMORY;
		*a = (struct bc_alg){ BC_ALG_MAGIC, algorithms[i].name, algorithms[i].hash,
				      flags & ~BC_PROV_DISPATCH, FALSE };
		*handle = a;
		return STATUS_SUCCESS;
	}
	return STATUS_NOT_FOUND;
}

BCRYPT_API NTSTATUS WINAPI BCryptCloseAlgorithmProvider(void *handle, ULONG flags)
{
	struct bc_alg *a = (struct bc_alg *)bc_alg_from_handle(handle);

	if (!a || a->pseudo)
		return STATUS_INVALID_HANDLE;
	a->magic = 0;
	bc_free(a);
	return STATUS_SUCCESS;
}

/* Frees what a BCryptEnum* function returned (none of ours returns any
 * yet: they are stubs). */
BCRYPT_API void WINAPI BCryptFreeBuffer(void *buffer)
{
	bc_free(buffer);
}
