/* Algorithm providers: BCryptOpenAlgorithmProvider and its close, and the
 * pseudo-handles (BCRYPT_SHA256_ALG_HANDLE...) Windows 10 accepts
 * wherever a provider is asked for.  One provider, "Microsoft Primitive
 * Provider", with the digests of hash.h (plain and HMAC), the RNG, AES,
 * 3DES, RC4, RSA, DSA, ECDSA and ECDH (P-256, P-384); other algorithms
 * are not found, as on a system without their provider. */
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

const WCHAR *const bc_mode_names[] = {
	L"ChainingModeN/A", L"ChainingModeECB", L"ChainingModeCBC", L"ChainingModeCFB",
	L"ChainingModeCCM", L"ChainingModeGCM",
};

static const struct {
	const WCHAR *name;
	const struct hash_alg *hash;
	enum bc_kind kind;
	ULONG curve_bits;
} algorithms[] = {
	{ L"MD2", &hash_md2, BC_KIND_HASH },
	{ L"MD4", &hash_md4, BC_KIND_HASH },
	{ L"MD5", &hash_md5, BC_KIND_HASH },
	{ L"SHA1", &hash_sha1, BC_KIND_HASH },
	{ L"SHA256", &hash_sha256, BC_KIND_HASH },
	{ L"SHA384", &hash_sha384, BC_KIND_HASH },
	{ L"SHA512", &hash_sha512, BC_KIND_HASH },
	{ L"RNG", NULL, BC_KIND_RNG },
	{ L"AES", NULL, BC_KIND_AES },
	{ L"3DES", NULL, BC_KIND_3DES },
	{ L"RC4", NULL, BC_KIND_RC4 },
	{ L"RSA", NULL, BC_KIND_RSA },
	{ L"RSA_SIGN", NULL, BC_KIND_RSA },
	{ L"DSA", NULL, BC_KIND_DSA },
	{ L"ECDSA_P256", NULL, BC_KIND_ECDSA, 256 },
	{ L"ECDSA_P384", NULL, BC_KIND_ECDSA, 384 },
	{ L"ECDH_P256", NULL, BC_KIND_ECDH, 256 },
	{ L"ECDH_P384", NULL, BC_KIND_ECDH, 384 },
};

/* The pseudo-handles (bcrypt.h): value 16 * i + 1 for entry i; those of
 * algorithms not provided here (DES, DH...) stay empty. */
#define HASH_PSEUDO(n, h, f) { BC_ALG_MAGIC, n, h, f, TRUE, BC_KIND_HASH, BC_MODE_NA }
#define ECC_PSEUDO(n, k, bits) { BC_ALG_MAGIC, n, NULL, 0, TRUE, k, BC_MODE_NA, bits }
#define DES3_PSEUDO(m) { BC_ALG_MAGIC, L"3DES", NULL, 0, TRUE, BC_KIND_3DES, m }
#define AES_PSEUDO(m) { BC_ALG_MAGIC, L"AES", NULL, 0, TRUE, BC_KIND_AES, m }
static const struct bc_alg pseudo[] = {
	[0x00] = HASH_PSEUDO(L"MD2", &hash_md2, 0),
	[0x01] = HASH_PSEUDO(L"MD4", &hash_md4, 0),
	[0x02] = HASH_PSEUDO(L"MD5", &hash_md5, 0),
	[0x03] = HASH_PSEUDO(L"SHA1", &hash_sha1, 0),
	[0x04] = HASH_PSEUDO(L"SHA256", &hash_sha256, 0),
	[0x05] = HASH_PSEUDO(L"SHA384", &hash_sha384, 0),
	[0x06] = HASH_PSEUDO(L"SHA512", &hash_sha512, 0),
	[0x07] = { BC_ALG_MAGIC, L"RC4", NULL, 0, TRUE, BC_KIND_RC4, BC_MODE_NA },
	[0x08] = { BC_ALG_MAGIC, L"RNG", NULL, 0, TRUE, BC_KIND_RNG, BC_MODE_NA },
	[0x09] = HASH_PSEUDO(L"MD5", &hash_md5, BC_ALG_HANDLE_HMAC_FLAG),
	[0x0a] = HASH_PSEUDO(L"SHA1", &hash_sha1, BC_ALG_HANDLE_HMAC_FLAG),
	[0x0b] = HASH_PSEUDO(L"SHA256", &hash_sha256, BC_ALG_HANDLE_HMAC_FLAG),
	[0x0c] = HASH_PSEUDO(L"SHA384", &hash_sha384, BC_ALG_HANDLE_HMAC_FLAG),
	[0x0d] = HASH_PSEUDO(L"SHA512", &hash_sha512, BC_ALG_HANDLE_HMAC_FLAG),
	[0x0e] = { BC_ALG_MAGIC, L"RSA", NULL, 0, TRUE, BC_KIND_RSA, BC_MODE_NA },
	[0x12] = HASH_PSEUDO(L"MD2", &hash_md2, BC_ALG_HANDLE_HMAC_FLAG),
	[0x13] = HASH_PSEUDO(L"MD4", &hash_md4, BC_ALG_HANDLE_HMAC_FLAG),
	[0x2a] = ECC_PSEUDO(L"ECDH_P256", BC_KIND_ECDH, 256),
	[0x2b] = ECC_PSEUDO(L"ECDH_P384", BC_KIND_ECDH, 384),
	[0x2d] = { BC_ALG_MAGIC, L"DSA", NULL, 0, TRUE, BC_KIND_DSA, BC_MODE_NA },
	[0x2e] = ECC_PSEUDO(L"ECDSA_P256", BC_KIND_ECDSA, 256),
	[0x2f] = ECC_PSEUDO(L"ECDSA_P384", BC_KIND_ECDSA, 384),
	[0x31] = { BC_ALG_MAGIC, L"RSA_SIGN", NULL, 0, TRUE, BC_KIND_RSA, BC_MODE_NA },
	[0x14] = DES3_PSEUDO(BC_MODE_CBC),
	[0x15] = DES3_PSEUDO(BC_MODE_ECB),
	[0x16] = DES3_PSEUDO(BC_MODE_CFB),
	[0x1a] = AES_PSEUDO(BC_MODE_CBC),
	[0x1b] = AES_PSEUDO(BC_MODE_ECB),
	[0x1c] = AES_PSEUDO(BC_MODE_CFB),
	[0x1e] = AES_PSEUDO(BC_MODE_GCM),
};

const struct bc_alg *bc_alg_from_handle(void *handle)
{
	ULONG_PTR v = (ULONG_PTR)handle;
	const struct bc_alg *a = handle;

	if (v < 0x10000) {
		if ((v & 0xf) != 1 || (v >> 4) >= ARRAYSIZE(pseudo))
			return NULL;
		a = &pseudo[v >> 4];
		return a->magic == BC_ALG_MAGIC ? a : NULL;
	}
	if (!live_has(a) || a->magic != BC_ALG_MAGIC)
		return NULL;
	return a;
}

const struct hash_alg *bc_hash_named(const WCHAR *name)
{
	for (size_t i = 0; name && i < ARRAYSIZE(algorithms); i++)
		if (algorithms[i].hash && !_wcsicmp(name, algorithms[i].name))
			return algorithms[i].hash;
	return NULL;
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
			return STATUS_NOT_FOUND; /* no MAC or hash of the RNG or a cipher */
		if (!(a = bc_alloc(sizeof(*a))))
			return STATUS_NO_MEMORY;
		*a = (struct bc_alg){ BC_ALG_MAGIC, algorithms[i].name, algorithms[i].hash,
				      flags & ~BC_PROV_DISPATCH, FALSE, algorithms[i].kind,
				      BC_KIND_IS_BLOCK(algorithms[i].kind) ? BC_MODE_CBC : BC_MODE_NA,
				      algorithms[i].curve_bits };
		if (!live_add(a)) {
			bc_free(a);
			return STATUS_NO_MEMORY;
		}
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
	live_remove(a);
	a->magic = 0;
	bc_free(a);
	return STATUS_SUCCESS;
}

/* Each kind's operation class (BCRYPT_*_OPERATION) and interface
 * (BCRYPT_*_INTERFACE). */
static void kind_class(enum bc_kind kind, ULONG *op, ULONG *iface)
{
	switch (kind) {
	case BC_KIND_HASH: *op = BCRYPT_HASH_OPERATION; *iface = BCRYPT_HASH_INTERFACE; break;
	case BC_KIND_RNG: *op = BCRYPT_RNG_OPERATION; *iface = BCRYPT_RNG_INTERFACE; break;
	case BC_KIND_RSA:
		*op = BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION | BCRYPT_SIGNATURE_OPERATION;
		*iface = BCRYPT_ASYMMETRIC_ENCRYPTION_INTERFACE;
		break;
	case BC_KIND_DSA:
	case BC_KIND_ECDSA: *op = BCRYPT_SIGNATURE_OPERATION; *iface = BCRYPT_SIGNATURE_INTERFACE; break;
	case BC_KIND_ECDH:
		*op = BCRYPT_SECRET_AGREEMENT_OPERATION;
		*iface = BCRYPT_SECRET_AGREEMENT_INTERFACE;
		break;
	default: *op = BCRYPT_CIPHER_OPERATION; *iface = BCRYPT_CIPHER_INTERFACE; break;
	}
}

#define ALL_OPERATIONS (BCRYPT_CIPHER_OPERATION | BCRYPT_HASH_OPERATION | \
			BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION | BCRYPT_SECRET_AGREEMENT_OPERATION | \
			BCRYPT_SIGNATURE_OPERATION | BCRYPT_RNG_OPERATION)

/* The algorithms of the operations asked (0: all), in one block that
 * BCryptFreeBuffer frees: the identifiers, then their names. */
BCRYPT_API NTSTATUS WINAPI BCryptEnumAlgorithms(ULONG ops, ULONG *count,
						BCRYPT_ALGORITHM_IDENTIFIER **list, ULONG flags)
{
	BCRYPT_ALGORITHM_IDENTIFIER *ids;
	ULONG n = 0, op, iface;
	WCHAR *names;

	if (!count || !list || (ops & ~ALL_OPERATIONS) || flags)
		return STATUS_INVALID_PARAMETER;
	if (!(ids = bc_alloc(ARRAYSIZE(algorithms) * (sizeof(*ids) + 16 * sizeof(WCHAR)))))
		return STATUS_NO_MEMORY;
	names = (WCHAR *)(ids + ARRAYSIZE(algorithms));
	for (size_t i = 0; i < ARRAYSIZE(algorithms); i++) {
		kind_class(algorithms[i].kind, &op, &iface);
		if (ops && !(ops & op))
			continue;
		ids[n] = (BCRYPT_ALGORITHM_IDENTIFIER){ names + 16 * i, iface, 0 };
		wcscpy(names + 16 * i, algorithms[i].name);
		n++;
	}
	*count = n;
	*list = ids;
	return STATUS_SUCCESS;
}

/* Frees what a BCryptEnum* function returned. */
BCRYPT_API void WINAPI BCryptFreeBuffer(void *buffer)
{
	bc_free(buffer);
}
